/// What `reach audit` found on one topology.
public struct AuditReport: Hashable, Sendable {
    /// A finding a policy suppression silenced, with the suppression's reason.
    public struct SuppressedFinding: Hashable, Sendable {
        /// The finding.
        public let finding: AuditFinding
        /// Why it is accepted.
        public let reason: String
    }

    /// Findings, most severe first.
    public let findings: [AuditFinding]
    /// Findings silenced by the policy.
    public let suppressed: [SuppressedFinding]
    /// Checks that could not be decided, and why.
    public let gaps: [AuditGap]
    /// The rules that ran (those the policy did not turn off).
    public let rulesRun: [AuditRule]
    /// How many DB instances were audited.
    public let databasesAudited: Int

    /// Creates a report; findings are ordered most severe first, then by rule and resource.
    public init(
        findings: [AuditFinding], suppressed: [SuppressedFinding], gaps: [AuditGap], rulesRun: [AuditRule],
        databasesAudited: Int
    ) {
        self.findings = findings.sorted(by: Self.precedes)
        self.suppressed = suppressed
        self.gaps = gaps
        self.rulesRun = rulesRun
        self.databasesAudited = databasesAudited
    }

    /// The findings at or above `severity`.
    public func findings(atLeast severity: FindingSeverity) -> [AuditFinding] {
        findings.filter { $0.severity >= severity }
    }

    private static func precedes(_ a: AuditFinding, _ b: AuditFinding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        let order = AuditRule.allCases
        let ra = order.firstIndex(of: a.rule) ?? 0
        let rb = order.firstIndex(of: b.rule) ?? 0
        if ra != rb { return ra < rb }
        return (a.resource.id, a.detail) < (b.resource.id, b.detail)
    }
}
