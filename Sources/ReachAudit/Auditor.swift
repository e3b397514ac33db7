import ReachGraph
import ReachModel

/// Runs the DB security checklist (README, "`reach audit`") over one topology: configuration
/// checks on the model, and reachability checks on the symbolic solver's answers.
public struct Auditor: Sendable {
    /// The analyzer whose answers and witnesses the reachability checks use.
    public let analyzer: ReachabilityAnalyzer
    /// The policy.
    public let policy: AuditPolicy

    /// An auditor of `graph`'s topology under `policy`.
    public init(graph: ForwardingGraph, policy: AuditPolicy = AuditPolicy()) {
        analyzer = ReachabilityAnalyzer(graph: graph)
        self.policy = policy
    }

    /// Runs every rule the policy leaves on.
    public func run() -> AuditReport {
        let context = AuditContext(topology: analyzer.graph.topology, policy: policy)
        var sink = FindingSink(policy: policy)
        databaseExposure(context, into: &sink)
        securityGroupOpenings(context, into: &sink)
        networkACLsOfDBSubnets(context, into: &sink)
        reachability(context, into: &sink)
        databaseSettings(context, into: &sink)
        securityGroupHygiene(context, into: &sink)
        networkACLHygiene(context, into: &sink)
        return AuditReport(
            findings: sink.findings, suppressed: sink.suppressed, gaps: sink.gaps,
            rulesRun: AuditRule.allCases.filter { !policy.disabledRules.contains($0) },
            databasesAudited: context.topology.dbInstances.count)
    }
}

/// Collects what the checks report, applying the policy: disabled rules, severities and suppressions.
struct FindingSink {
    let policy: AuditPolicy
    private(set) var findings: [AuditFinding] = []
    private(set) var suppressed: [AuditReport.SuppressedFinding] = []
    private(set) var gaps: [AuditGap] = []

    init(policy: AuditPolicy) {
        self.policy = policy
    }

    /// Whether `rule` runs.
    func runs(_ rule: AuditRule) -> Bool { !policy.disabledRules.contains(rule) }

    mutating func report(_ finding: AuditFinding) {
        guard runs(finding.rule) else { return }
        var finding = finding
        finding.severity = policy.severity(of: finding.rule)
        if let suppression = policy.suppression(for: finding) {
            suppressed.append(AuditReport.SuppressedFinding(finding: finding, reason: suppression.reason))
        } else {
            findings.append(finding)
        }
    }

    mutating func cannotDecide(_ rule: AuditRule, for resource: ComponentRef, because reason: String) {
        guard runs(rule) else { return }
        gaps.append(AuditGap(rule: rule, resource: resource, reason: reason))
    }
}
