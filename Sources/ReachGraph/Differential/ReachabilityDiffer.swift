import ReachModel
import ReachNetwork

/// Compares who can reach a set of destinations in two versions of a network, source by source
/// and address by address, for every protocol and port.
///
/// Each destination is answered symbolically in both graphs (``ReachabilityAnalyzer/whoCanReach(_:traffic:scope:)``);
/// sources are matched by kind and id, so a renamed component is still the same source. Each
/// change carries one flow traced through the network after: the new path of traffic that
/// now reaches, or where traffic that used to reach is now blocked.
public struct ReachabilityDiffer: Sendable {
    /// The network before.
    public let before: ReachabilityAnalyzer
    /// The network after.
    public let after: ReachabilityAnalyzer
    private let comparison: SourceComparison
    /// Answers before already known, by destination.
    private let knownBefore: [RefKey: [ReachingSource]]

    /// A differ between two graphs.
    public init(before: ForwardingGraph, after: ForwardingGraph) {
        self.init(before: before, after: after, knownBefore: [:])
    }

    /// A differ that takes the answers before for the destinations in `knownBefore` as given.
    init(before: ForwardingGraph, after: ForwardingGraph, knownBefore: [RefKey: [ReachingSource]]) {
        self.before = ReachabilityAnalyzer(graph: before)
        self.after = ReachabilityAnalyzer(graph: after)
        comparison = SourceComparison(after: after, toAfter: PlaceTranslation(from: before, to: after))
        self.knownBefore = knownBefore
    }

    /// The changes in reach to the endpoints `selector` picks in either network (every DB
    /// endpoint when nil), restricted to `traffic`.
    public func diff(to selector: EndpointSelector? = nil, traffic: TrafficSet = .all)
        throws(EndpointSelectorError) -> ReachabilityDiff
    {
        let chosen: EndpointSelector
        if let selector { chosen = selector } else { chosen = try EndpointSelector("kind:db") }
        let beforeEndpoints = try chosen.endpoints(in: before.graph)
        let afterEndpoints = try chosen.endpoints(in: after.graph)
        var afterByKey: [RefKey: Endpoint] = [:]
        for endpoint in afterEndpoints { afterByKey[RefKey(endpoint.ref)] = endpoint }
        var destinations: [ComponentRef] = []
        var changes: [FlowChange] = []
        var compared: Set<RefKey> = []
        for endpoint in beforeEndpoints {
            let key = RefKey(endpoint.ref)
            guard compared.insert(key).inserted else { continue }
            let counterpart = afterByKey[key]
            destinations.append(counterpart?.ref ?? endpoint.ref)
            changes += compare(endpoint, counterpart, traffic: traffic)
        }
        for endpoint in afterEndpoints where compared.insert(RefKey(endpoint.ref)).inserted {
            destinations.append(endpoint.ref)
            changes += compare(nil, endpoint, traffic: traffic)
        }
        return ReachabilityDiff(destinations: destinations, changes: changes)
    }

    /// The changes for one destination, present before, after or both.
    private func compare(_ old: Endpoint?, _ new: Endpoint?, traffic: TrafficSet) -> [FlowChange] {
        let oldSources =
            old.map { knownBefore[RefKey($0.ref)] ?? before.whoCanReach($0, traffic: traffic).sources } ?? []
        let newSources = new.map { after.whoCanReach($0, traffic: traffic).sources } ?? []
        guard let destination = new?.ref ?? old?.ref else { return [] }
        return comparison.changes(
            from: oldSources, to: newSources, destination: destination, traffic: traffic)
    }
}
