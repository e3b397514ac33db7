import ReachGraph
import ReachNetwork

/// How `reach audit` judges a topology: severities, suppressed findings, what makes a
/// production DB and a wide CIDR block, and which sources are meant to reach which DBs.
public struct AuditPolicy: Hashable, Sendable {
    /// Severities that replace rules' defaults.
    public var severities: [AuditRule: FindingSeverity] = [:]
    /// Rules that do not run.
    public var disabledRules: Set<AuditRule> = []
    /// Accepted findings, each with its reason.
    public var suppressions: [Suppression] = []
    /// Tag keys that name a resource's environment, compared without case.
    public var environmentTagKeys: [String] = ["env", "environment", "stage"]
    /// Environment values that mean production, compared without case.
    public var productionEnvironments: Set<String> = ["prod", "production", "prd"]
    /// An IPv4 block shorter than this prefix length is very wide (/16: more than 65,536 addresses).
    public var wideCIDRPrefixLength: UInt8 = 16
    /// Sources meant to reach DBs: they raise no reachability finding.
    public var allowedSources: [AllowedSources] = []

    /// The default policy.
    public init() {}

    /// The severity of `rule` under this policy.
    public func severity(of rule: AuditRule) -> FindingSeverity {
        severities[rule] ?? rule.defaultSeverity
    }

    /// The suppression that silences `finding`, if any.
    public func suppression(for finding: AuditFinding) -> Suppression? {
        suppressions.first { $0.matches(finding) }
    }
}

/// A finding accepted on purpose: the rule, the resource (by id or name) and why.
public struct Suppression: Hashable, Sendable {
    /// The rule whose findings it silences.
    public var rule: AuditRule
    /// The resource's id or name.
    public var resource: String
    /// Why the finding is accepted; required, so the file documents every exception.
    public var reason: String

    /// Creates a suppression.
    public init(rule: AuditRule, resource: String, reason: String) {
        self.rule = rule
        self.resource = resource
        self.reason = reason
    }

    /// Whether it silences `finding`.
    public func matches(_ finding: AuditFinding) -> Bool {
        finding.rule == rule && (finding.resource.id == resource || finding.resource.name == resource)
    }
}

/// Sources meant to reach some DBs: selectors (names, `tag:`, `kind:`, `vpc:`) and CIDR blocks.
public struct AllowedSources: Hashable, Sendable {
    /// The DBs this applies to.
    public var destinations: EndpointSelector
    /// Sources that may reach them.
    public var sources: [EndpointSelector]
    /// Address blocks that may reach them (on-prem ranges, partner networks).
    public var addresses: IPv4AddressSet

    /// Creates an allowance.
    public init(destinations: EndpointSelector, sources: [EndpointSelector], addresses: IPv4AddressSet) {
        self.destinations = destinations
        self.sources = sources
        self.addresses = addresses
    }
}
