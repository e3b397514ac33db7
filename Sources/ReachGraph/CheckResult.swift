import ReachNetwork

/// The answer to a ``FlowQuery``: the verdict, its reason, and the path that shows it.
public struct CheckResult: Hashable, Sendable {
    /// Reachable, unreachable or unknown.
    public var verdict: Verdict
    /// The reason code of the first blocker or of the unknown; nil when reachable.
    public var reason: ReasonCode?
    /// The source as resolved.
    public var source: ComponentRef
    /// The destination as resolved.
    public var destination: ComponentRef
    /// The flow, such as `tcp/5432`.
    public var flow: String
    /// The trace that shows the verdict: for reachable a working path; otherwise the best
    /// candidate path (fewest blockers), whose blockers say what would have to change.
    public var trace: FlowTrace
    /// What else the answer depends on: partial reachability, the part of a set that reaches.
    public var notes: [String]
    /// How many concrete traces the answer took.
    public var tracesRun: Int

    /// Every blocker on the shown path, the first marked.
    public var blockers: [Blocker] { trace.blockers }

    /// The blocker that stops the flow first, if any.
    public var firstBlocker: Blocker? { blockers.first { $0.isFirst } }
}
