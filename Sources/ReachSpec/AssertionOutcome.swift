import ReachGraph

/// The result of one assertion.
public struct AssertionOutcome: Hashable, Sendable {
    /// Whether the assertion held.
    public enum Status: String, Hashable, Sendable, Codable {
        /// It held.
        case passed
        /// The network does not do what it says.
        case failed
        /// It could not be evaluated (a selector picks nothing, a question that cannot be asked).
        case error
    }

    /// The assertion.
    public let assertion: Assertion
    /// Whether it held.
    public let status: Status
    /// What was found, in one line.
    public let summary: String
    /// The flows that break the assertion, each with its path or block; empty when it held.
    public let evidence: [Evidence]

    /// One flow that breaks an assertion.
    public struct Evidence: Hashable, Sendable {
        /// What the flow does, in one line (`web-1 -> orders-db tcp/5432: reachable`).
        public let summary: String
        /// The flow's trace: the offending path, or where it is blocked or stops.
        public let trace: FlowTrace?
    }
}
