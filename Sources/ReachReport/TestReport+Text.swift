import ReachGraph
import ReachSpec

extension TestReport {
    /// Each assertion as `PASS`, `FAIL` or `ERROR` with its name; a failure adds what was found
    /// and, for each offending flow, its path or block; a summary line ends it.
    public func text() -> String {
        var lines: [String] = []
        for run in runs {
            lines.append("\(run.spec.file):")
            for outcome in run.outcomes {
                let mark =
                    switch outcome.status {
                    case .passed: "PASS "
                    case .failed: "FAIL "
                    case .error: "ERROR"
                    }
                lines.append("  \(mark) \(outcome.assertion.name)")
                guard outcome.status != .passed else { continue }
                lines.append("        at \(outcome.assertion.location)")
                lines.append("        \(outcome.summary)")
                for evidence in outcome.evidence {
                    lines += evidenceLines(evidence).map { "        \($0)" }
                }
            }
        }
        let failed = count(.failed)
        let errors = count(.error)
        lines.append("")
        lines.append(
            "\(outcomes.count) assertion\(outcomes.count == 1 ? "" : "s"): \(count(.passed)) passed, \(failed) failed, "
                + "\(errors) could not be evaluated")
        return lines.joined(separator: "\n")
    }

    /// One offending flow: its summary, the request path in one line, and its blockers.
    func evidenceLines(_ evidence: AssertionOutcome.Evidence) -> [String] {
        var lines = ["- \(evidence.summary)"]
        guard let trace = evidence.trace else { return lines }
        let path = trace.requestPathLine
        if !path.isEmpty { lines.append("  path: \(path)") }
        lines += trace.stopLines(details: false).map { "  \($0)" }
        return lines
    }
}
