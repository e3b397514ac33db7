import ReachGraph
import ReachSpec

extension TestReport {
    /// The report as JSON: `passed`, `failed`, `errors` and `files`, each with its `assertions`
    /// (`name`, `location`, `status`, `summary`, and `evidence` with each offending flow's path).
    public func jsonString() -> String {
        reachJSON(TestReportDocument(report: self))
    }
}

private struct TestReportDocument: Encodable {
    let report: TestReport

    private enum Keys: String, CodingKey { case passed, failed, errors, files }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(report.count(.passed), forKey: .passed)
        try container.encode(report.count(.failed), forKey: .failed)
        try container.encode(report.count(.error), forKey: .errors)
        try container.encode(report.runs.map(RunDocument.init), forKey: .files)
    }
}

private struct RunDocument: Encodable {
    let run: TestReport.Run

    private enum Keys: String, CodingKey { case file, topology, assertions }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(run.spec.file, forKey: .file)
        try container.encode(run.spec.topology, forKey: .topology)
        try container.encode(run.outcomes.map(OutcomeDocument.init), forKey: .assertions)
    }
}

private struct OutcomeDocument: Encodable {
    let outcome: AssertionOutcome

    private enum Keys: String, CodingKey { case name, location, status, summary, evidence }
    private enum EvidenceKeys: String, CodingKey { case summary, verdict, blockedAt, path }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(outcome.assertion.name, forKey: .name)
        try container.encode(outcome.assertion.location.description, forKey: .location)
        try container.encode(outcome.status, forKey: .status)
        try container.encode(outcome.summary, forKey: .summary)
        var list = container.nestedUnkeyedContainer(forKey: .evidence)
        for evidence in outcome.evidence {
            var item = list.nestedContainer(keyedBy: EvidenceKeys.self)
            try item.encode(evidence.summary, forKey: .summary)
            try item.encode(evidence.trace?.verdict, forKey: .verdict)
            try item.encode(evidence.trace?.blockers.map(BlockerDocument.init) ?? [], forKey: .blockedAt)
            try item.encode(evidence.trace?.hops.map(HopDocument.init) ?? [], forKey: .path)
        }
    }
}
