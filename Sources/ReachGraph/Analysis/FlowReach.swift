import ReachNetwork

/// What one source can get through to one destination, for every protocol and port at once:
/// the traffic that is reachable, the traffic whose answer is unknown (with why), and by
/// complement the traffic that is unreachable.
public struct FlowReach: Hashable, Sendable {
    /// Traffic that reaches the destination and whose replies come back.
    public var reachable: TrafficSet
    /// Traffic whose answer depends on something the input does not give.
    public var unknown: TrafficSet
    /// Why parts of the traffic are unknown.
    public var unknownReasons: Set<ReasonCode>
    /// Why traffic is blocked, when a path-level stop (no route, no public IP, …) blocks all of it.
    public var blockReason: ReasonCode?

    /// Creates an answer.
    public init(
        reachable: TrafficSet, unknown: TrafficSet, unknownReasons: Set<ReasonCode> = [],
        blockReason: ReasonCode? = nil
    ) {
        self.reachable = reachable
        self.unknown = unknown.subtracting(reachable)
        self.unknownReasons = self.unknown.isEmpty ? [] : unknownReasons
        self.blockReason = blockReason
    }

    /// Nothing gets through, for `reason`.
    static func blocked(_ reason: ReasonCode?) -> FlowReach {
        FlowReach(reachable: .empty, unknown: .empty, blockReason: reason)
    }

    /// Every kind of traffic is unknown, for `reason`.
    static func allUnknown(_ reason: ReasonCode) -> FlowReach {
        FlowReach(reachable: .empty, unknown: .all, unknownReasons: [reason])
    }

    /// Whether neither reachable nor unknown traffic remains.
    public var isUnreachable: Bool { reachable.isEmpty && unknown.isEmpty }

    /// Traffic that is definitely unreachable.
    public var unreachable: TrafficSet { TrafficSet.all.subtracting(reachable).subtracting(unknown) }

    /// The verdict for one packet shape: `proto` to `port` (tcp/udp), of ICMP type `port`, or
    /// any packet of another protocol.
    public func verdict(_ proto: IPProtocolNumber, port: UInt16) -> Verdict {
        if reachable.contains(proto, port: port) { return .reachable }
        return unknown.contains(proto, port: port) ? .unknown : .unreachable
    }

    /// Only this traffic.
    public func restricted(to traffic: TrafficSet) -> FlowReach {
        FlowReach(
            reachable: reachable.intersection(traffic), unknown: unknown.intersection(traffic),
            unknownReasons: unknownReasons, blockReason: blockReason)
    }

    /// Two answers that must agree (AZ picks, unknown addresses, instances behind one endpoint):
    /// reachable where both are, unreachable where both are, unknown (with `disagreement` where
    /// they contradict each other) elsewhere.
    func agreeing(with other: FlowReach, disagreement: ReasonCode) -> FlowReach {
        let reachable = reachable.intersection(other.reachable)
        let unreachable = self.unreachable.intersection(other.unreachable)
        let unknown = TrafficSet.all.subtracting(reachable).subtracting(unreachable)
        var reasons = unknownReasons.union(other.unknownReasons)
        if !unknown.subtracting(self.unknown).subtracting(other.unknown).isEmpty {
            reasons.insert(disagreement)
        }
        return FlowReach(
            reachable: reachable, unknown: unknown, unknownReasons: reasons,
            blockReason: blockReason ?? other.blockReason)
    }

    /// Two alternatives of which either will do (addresses of a subnet, of the internet):
    /// reachable where either is, unknown where either is and neither reaches.
    func either(_ other: FlowReach) -> FlowReach {
        FlowReach(
            reachable: reachable.union(other.reachable), unknown: unknown.union(other.unknown),
            unknownReasons: unknownReasons.union(other.unknownReasons),
            blockReason: blockReason ?? other.blockReason)
    }

    /// Two answers for two addresses of one endpoint: either will do when the question is about
    /// every address of the set (`anyOf`); otherwise they must agree (ADDRESS_NOT_KNOWN).
    func combined(with other: FlowReach, over quantifier: AddressQuantifier) -> FlowReach {
        quantifier == .anyOf ? either(other) : agreeing(with: other, disagreement: .addressNotKnown)
    }
}
