import ReachAudit
import ReachGraph

extension AuditReport {
    /// A readable report: a summary line, then each finding (severity, rule, resource,
    /// message, evidence, witness path, fix), the suppressed findings and the undecided checks.
    public func text(tracingWith analyzer: ReachabilityAnalyzer) -> String {
        var lines = [summaryLine]
        for finding in findings {
            lines.append("")
            lines.append(
                "\(finding.severity.rawValue.uppercased()) \(finding.rule.id)  \(finding.resource) [\(finding.resource.kind)]"
            )
            lines.append("  \(finding.message)")
            for fact in finding.evidence { lines.append("  - \(fact)") }
            if let witness = finding.witness {
                lines.append("  witness: \(witness.packet)")
                lines.append("  path: \(analyzer.trace(witness).requestPathLine)")
            }
            lines.append("  fix: \(finding.fix)")
        }
        if !suppressed.isEmpty {
            lines.append("")
            lines.append("Suppressed by the policy:")
            for entry in suppressed {
                lines.append("  \(entry.finding.rule.id)  \(entry.finding.resource): \(entry.reason)")
            }
        }
        if !gaps.isEmpty {
            lines.append("")
            lines.append("Not decided (the input lacks what the check needs):")
            for gap in gaps { lines.append("  \(gap.rule.id)  \(gap.resource): \(gap.reason)") }
        }
        return lines.joined(separator: "\n")
    }

    /// `reach audit: 3 DB instances, 17 rules: 2 findings (1 critical, 1 high), 1 suppressed, 0 not decided`.
    public var summaryLine: String {
        let counts = FindingSeverity.allCases.reversed().compactMap { severity -> String? in
            let count = findings.filter { $0.severity == severity }.count
            return count == 0 ? nil : "\(count) \(severity.rawValue)"
        }
        let breakdown = counts.isEmpty ? "" : " (\(counts.joined(separator: ", ")))"
        return "reach audit: \(databasesAudited) DB instances, \(rulesRun.count) rules: "
            + "\(findings.count) finding\(findings.count == 1 ? "" : "s")\(breakdown), "
            + "\(suppressed.count) suppressed, \(gaps.count) not decided"
    }
}
