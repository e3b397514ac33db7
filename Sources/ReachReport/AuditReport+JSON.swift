import ReachAudit
import ReachGraph

extension AuditReport {
    /// The report as JSON: `summary` (counts by severity), `findings` (each with `id` (the
    /// rule), `title`, `severity`, `resource`, `message`, `evidence`, `fix`, `fingerprint` and,
    /// from the solver, `witness` with its full path), `suppressed` and `notDecided`.
    public func jsonString(tracingWith analyzer: ReachabilityAnalyzer) -> String {
        reachJSON(AuditDocument(report: self, analyzer: analyzer))
    }
}

private struct AuditDocument: Encodable {
    let report: AuditReport
    let analyzer: ReachabilityAnalyzer

    private enum Keys: String, CodingKey {
        case summary, findings, suppressed, notDecided, rulesRun, databasesAudited
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        var summary: [String: Int] = [:]
        for severity in FindingSeverity.allCases {
            summary[severity.rawValue] = report.findings.filter { $0.severity == severity }.count
        }
        try container.encode(summary, forKey: .summary)
        try container.encode(
            report.findings.map { FindingDocument(finding: $0, reason: nil, analyzer: analyzer) },
            forKey: .findings)
        try container.encode(
            report.suppressed.map {
                FindingDocument(finding: $0.finding, reason: $0.reason, analyzer: analyzer)
            },
            forKey: .suppressed)
        try container.encode(report.gaps.map(GapDocument.init), forKey: .notDecided)
        try container.encode(report.rulesRun.map(\.id), forKey: .rulesRun)
        try container.encode(report.databasesAudited, forKey: .databasesAudited)
    }
}

private struct FindingDocument: Encodable {
    let finding: AuditFinding
    let reason: String?
    let analyzer: ReachabilityAnalyzer

    private enum Keys: String, CodingKey {
        case id, title, severity, resource, message, evidence, fix, fingerprint, witness, suppressionReason
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(finding.rule.id, forKey: .id)
        try container.encode(finding.rule.title, forKey: .title)
        try container.encode(finding.severity.rawValue, forKey: .severity)
        try container.encode(finding.resource, forKey: .resource)
        try container.encode(finding.message, forKey: .message)
        try container.encode(finding.evidence, forKey: .evidence)
        try container.encode(finding.fix, forKey: .fix)
        try container.encode(finding.fingerprint, forKey: .fingerprint)
        if let witness = finding.witness {
            try container.encode(
                WitnessDocument(witness: witness, trace: analyzer.trace(witness)), forKey: .witness)
        }
        try container.encodeIfPresent(reason, forKey: .suppressionReason)
    }
}

private struct GapDocument: Encodable {
    let gap: AuditGap

    private enum Keys: String, CodingKey { case id, resource, reason }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(gap.rule.id, forKey: .id)
        try container.encode(gap.resource, forKey: .resource)
        try container.encode(gap.reason, forKey: .reason)
    }
}
