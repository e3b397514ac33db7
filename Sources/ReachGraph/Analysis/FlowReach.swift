import ReachNetwork

/// What one source can get through to one destination, for every protocol and port at once:
/// the traffic that is reachable, the traffic whose answer is unknown (with why), and by
/// complement the traffic that is unreachable.
public struct FlowReach: Hashable, Sendable {
    /// The four parts, behind one reference: an answer is copied into every source's entry
    /// and every cache that holds it, and a copy then counts one reference instead of one per
    /// interval list and reason set.
    private final class Storage: Sendable {
        let reachable: TrafficSet
        let unknown: TrafficSet
        let unknownReasons: Set<ReasonCode>
        let blockReason: ReasonCode?
        /// Whether neither reachable nor unknown traffic remains, and the first packet shape of
        /// the reachable traffic, else of the unknown: worked out once here, since an answer is
        /// shared by thousands of sources and reading the sets would copy them for each.
        let isUnreachable: Bool
        let sample: (proto: IPProtocolNumber, port: UInt16)?

        init(
            reachable: TrafficSet, unknown: TrafficSet, unknownReasons: Set<ReasonCode>,
            blockReason: ReasonCode?
        ) {
            self.reachable = reachable
            self.unknown = unknown
            self.unknownReasons = unknownReasons
            self.blockReason = blockReason
            isUnreachable = reachable.isEmpty && unknown.isEmpty
            sample = reachable.sample ?? unknown.sample
        }

        /// Nothing reachable nor unknown, blocked for `reason`.
        init(blockedFor reason: ReasonCode?) {
            reachable = .empty
            unknown = .empty
            unknownReasons = []
            blockReason = reason
            isUnreachable = true
            sample = nil
        }
    }

    private var storage: Storage

    /// Whether `other` is this very answer (the same storage, as answers shared through a
    /// cache are), which is cheaper to know than whether the two are equal; false says nothing.
    func isIdentical(to other: FlowReach) -> Bool { storage === other.storage }

    /// Traffic that reaches the destination and whose replies come back.
    public var reachable: TrafficSet {
        get { storage.reachable }
        set { replace(reachable: newValue) }
    }
    /// Traffic whose answer depends on something the input does not give.
    public var unknown: TrafficSet {
        get { storage.unknown }
        set { replace(unknown: newValue) }
    }
    /// Why parts of the traffic are unknown.
    public var unknownReasons: Set<ReasonCode> {
        get { storage.unknownReasons }
        set { replace(unknownReasons: newValue) }
    }
    /// Why traffic is blocked, when a path-level stop (no route, no public IP, …) blocks all of it.
    public var blockReason: ReasonCode? {
        get { storage.blockReason }
        set { replace(blockReason: .some(newValue)) }
    }

    /// Creates an answer.
    public init(
        reachable: TrafficSet, unknown: TrafficSet, unknownReasons: Set<ReasonCode> = [],
        blockReason: ReasonCode? = nil
    ) {
        let unknown = unknown.subtracting(reachable)
        storage = Storage(
            reachable: reachable, unknown: unknown, unknownReasons: unknown.isEmpty ? [] : unknownReasons,
            blockReason: blockReason)
    }

    /// The same answer with the given parts set as they are (a field set alone is not
    /// normalized against the others, as with stored fields).
    private mutating func replace(
        reachable: TrafficSet? = nil, unknown: TrafficSet? = nil, unknownReasons: Set<ReasonCode>? = nil,
        blockReason: ReasonCode?? = nil
    ) {
        storage = Storage(
            reachable: reachable ?? storage.reachable, unknown: unknown ?? storage.unknown,
            unknownReasons: unknownReasons ?? storage.unknownReasons,
            blockReason: blockReason ?? storage.blockReason)
    }

    /// Equal parts; one shared box is equal without reading them.
    public static func == (lhs: FlowReach, rhs: FlowReach) -> Bool {
        if lhs.storage === rhs.storage { return true }
        return lhs.reachable == rhs.reachable && lhs.unknown == rhs.unknown
            && lhs.unknownReasons == rhs.unknownReasons && lhs.blockReason == rhs.blockReason
    }

    /// Hashes the four parts, as equality compares them.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(reachable)
        hasher.combine(unknown)
        hasher.combine(unknownReasons)
        hasher.combine(blockReason)
    }

    /// Nothing gets through, for `reason`.
    static func blocked(_ reason: ReasonCode?) -> FlowReach {
        // Built directly: half the walks of a who-can-reach question may end blocked, and the
        // public initializer would subtract one empty set from another.
        FlowReach(storage: Storage(blockedFor: reason))
    }

    private init(storage: Storage) { self.storage = storage }

    /// Every kind of traffic is unknown, for `reason`.
    static func allUnknown(_ reason: ReasonCode) -> FlowReach {
        FlowReach(reachable: .empty, unknown: .all, unknownReasons: [reason])
    }

    /// Whether neither reachable nor unknown traffic remains.
    public var isUnreachable: Bool { storage.isUnreachable }

    /// A packet shape for a witness: the first of the reachable traffic (see
    /// ``TrafficSet/sample``), else of the unknown; nil when neither remains.
    var sample: (proto: IPProtocolNumber, port: UInt16)? { storage.sample }

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
