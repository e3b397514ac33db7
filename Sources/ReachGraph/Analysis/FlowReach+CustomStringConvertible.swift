extension FlowReach: CustomStringConvertible {
    /// The four parts, as a struct with them as stored fields would print.
    public var description: String {
        "FlowReach(reachable: \(String(reflecting: reachable)), unknown: \(String(reflecting: unknown)), "
            + "unknownReasons: \(String(reflecting: unknownReasons)), "
            + "blockReason: \(String(reflecting: blockReason)))"
    }
}
