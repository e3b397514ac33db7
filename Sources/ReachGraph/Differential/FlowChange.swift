import ReachModel
import ReachNetwork

/// Traffic from one source to one destination whose answer differs between two versions of a
/// network (before and after a change, yesterday's snapshot and today's).
public struct FlowChange: Hashable, Sendable {
    /// How the answer changed.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// The traffic was unreachable or unknown and now reaches.
        case becomesReachable = "becomes-reachable"
        /// The traffic reached or was unknown and is now blocked.
        case becomesUnreachable = "becomes-unreachable"
        /// The traffic reached or was blocked and its answer is now unknown.
        case becomesUnknown = "becomes-unknown"
    }

    /// How the answer changed.
    public let kind: Kind
    /// The destination (a DB endpoint, or what the question selected).
    public let destination: ComponentRef
    /// What kind of source it is.
    public let sourceKind: ReachingSource.Kind
    /// The source component (interface, subnet, site or `internet`).
    public let source: ComponentRef
    /// The VPC of the source, if any.
    public let sourceVPC: ComponentRef?
    /// The source addresses the change holds for.
    public let addresses: IPv4AddressSet
    /// The traffic whose answer changed.
    public let traffic: TrafficSet
    /// One flow of that traffic traced through the network as it is after: the new path, or
    /// the path up to what now blocks it or leaves it unknown; nil when the endpoint is gone.
    public let trace: FlowTrace?
    /// Why the traffic is now unknown (``Kind/becomesUnknown``).
    public let unknownReasons: Set<ReasonCode>
}

/// Every flow change to a set of destinations.
public struct ReachabilityDiff: Hashable, Sendable {
    /// The destinations compared, by reference as the network after names them (before for
    /// those that no longer exist).
    public let destinations: [ComponentRef]
    /// The changes, destination by destination, in source order.
    public let changes: [FlowChange]

    /// Whether nothing changed.
    public var isEmpty: Bool { changes.isEmpty }
}
