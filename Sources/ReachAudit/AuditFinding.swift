import ReachGraph

/// One problem the audit found: the rule, the resource, what shows it and how to fix it.
public struct AuditFinding: Hashable, Sendable {
    /// The check that found it.
    public let rule: AuditRule
    /// Its severity after the policy's overrides.
    public var severity: FindingSeverity
    /// The resource at fault (the DB, security group, ACL, …).
    public let resource: ComponentRef
    /// What is wrong, in one sentence that names the resource.
    public let message: String
    /// The facts that show it: rules, routes, settings, reaching sources.
    public let evidence: [String]
    /// What to change.
    public let fix: String
    /// For findings from the solver: a flow that reaches, to trace hop by hop.
    public let witness: Witness?
    /// What tells this finding from others of the same rule and resource (a rule's position,
    /// a source); part of the stable fingerprint.
    public let detail: String

    /// Creates a finding with its rule's default severity.
    public init(
        rule: AuditRule, resource: ComponentRef, message: String, evidence: [String], fix: String? = nil,
        witness: Witness? = nil, detail: String = ""
    ) {
        self.rule = rule
        self.severity = rule.defaultSeverity
        self.resource = resource
        self.message = message
        self.evidence = evidence
        self.fix = fix ?? rule.remedy
        self.witness = witness
        self.detail = detail
    }

    /// A stable identity across runs: rule, resource id and detail.
    public var fingerprint: String { "\(rule.id)/\(resource.id)/\(detail)" }
}

/// A check the audit could not decide for a resource, because the input lacks what it needs.
public struct AuditGap: Hashable, Sendable {
    /// The check.
    public let rule: AuditRule
    /// The resource it could not decide for.
    public let resource: ComponentRef
    /// What is missing.
    public let reason: String

    /// Creates a gap.
    public init(rule: AuditRule, resource: ComponentRef, reason: String) {
        self.rule = rule
        self.resource = resource
        self.reason = reason
    }
}
