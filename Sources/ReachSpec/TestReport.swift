/// The outcomes of one or more assertion files.
public struct TestReport: Hashable, Sendable {
    /// One file's run.
    public struct Run: Hashable, Sendable {
        /// The file.
        public let spec: RegressionSpec
        /// Its assertions' outcomes, in file order.
        public let outcomes: [AssertionOutcome]

        /// Creates a run.
        public init(spec: RegressionSpec, outcomes: [AssertionOutcome]) {
            self.spec = spec
            self.outcomes = outcomes
        }
    }

    /// The runs, one per file.
    public let runs: [Run]

    /// Creates a report.
    public init(runs: [Run]) {
        self.runs = runs
    }

    /// Every outcome of every file.
    public var outcomes: [AssertionOutcome] { runs.flatMap(\.outcomes) }

    /// Whether every assertion held.
    public var allPassed: Bool { outcomes.allSatisfy { $0.status == .passed } }

    /// How many outcomes have `status`.
    public func count(_ status: AssertionOutcome.Status) -> Int {
        outcomes.filter { $0.status == status }.count
    }
}
