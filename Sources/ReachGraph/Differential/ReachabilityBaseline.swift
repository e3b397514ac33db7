import ReachModel
import ReachNetwork

/// Who can reach a set of destinations, kept with what each source's answer rests on, so that a
/// what-if question is re-answered only where the change can matter.
///
/// A change to security group rules, network ACL entries, routes (of VPC route tables, and of
/// transit gateway route tables with their propagations), associations (of subnets with route
/// tables and ACLs, of attachments with transit gateway route tables), peering status, public
/// IPs or `PubliclyAccessible` patches the graph rather than rebuilding it, and analyses again
/// only the sources whose walks met a changed rule or entry (``FilterDelta``), made a lookup a
/// changed route or association may decide otherwise (``RouteDelta``), or crossed or judged a
/// group across a changed peering (``PeeringDelta``); for a public IP, the interfaces whose IP
/// moved, the internet and on-prem sites, the only sources that address public IPs. Any other
/// change builds the changed graph and compares every source, as ``ReachabilityDiffer`` does.
/// Either way the answer is the one ``ReachabilityDiffer`` gives.
public struct ReachabilityBaseline: Sendable {
    /// The analyzer of the network before.
    public let analyzer: ReachabilityAnalyzer
    private let selector: EndpointSelector?
    private let traffic: TrafficSet
    private let destinations: [DestinationBaseline]

    /// One destination's answer before, with what each source's answer rests on.
    private struct DestinationBaseline: Sendable {
        let endpoint: Endpoint
        let sources: [ReachingSource]
        /// Where each source's entries are in `sources`.
        let positions: [SourceIdentity: Range<Int>]
        let footprints: FootprintIndex

        /// The entries of `identities` in `sources`, in the answer's order.
        func sources(of identities: Set<SourceIdentity>) -> [ReachingSource] {
            identities.compactMap { positions[$0] }.sorted { $0.lowerBound < $1.lowerBound }
                .flatMap { sources[$0] }
        }
    }

    /// Answers who can reach the endpoints `selector` picks in `graph` (every DB endpoint when
    /// nil), for `traffic`, and keeps the answers for ``diff(after:)``.
    public init(
        graph: ForwardingGraph, destinations selector: EndpointSelector? = nil, traffic: TrafficSet = .all
    )
        throws(EndpointSelectorError)
    {
        let analyzer = ReachabilityAnalyzer(graph: graph)
        self.init(
            analyzer: analyzer, endpoints: try Self.endpoints(selector, in: graph), selector: selector,
            traffic: traffic)
    }

    private init(
        analyzer: ReachabilityAnalyzer, endpoints: [Endpoint], selector: EndpointSelector?,
        traffic: TrafficSet
    ) {
        self.analyzer = analyzer
        self.selector = selector
        self.traffic = traffic
        destinations = endpoints.map { endpoint in
            var footprints: FootprintIndex? = FootprintIndex()
            var positions: [SourceIdentity: Range<Int>]? = [:]
            let answer = analyzer.whoCanReach(
                endpoint, traffic: traffic, scope: .everything, footprints: &footprints, positions: &positions
            )
            return DestinationBaseline(
                endpoint: endpoint, sources: answer.sources, positions: positions ?? [:],
                footprints: footprints ?? FootprintIndex())
        }
    }

    /// The endpoints `selector` picks (every DB endpoint when nil), each once.
    private static func endpoints(_ selector: EndpointSelector?, in graph: ForwardingGraph)
        throws(EndpointSelectorError) -> [Endpoint]
    {
        let chosen: EndpointSelector
        if let selector { chosen = selector } else { chosen = try EndpointSelector("kind:db") }
        var seen: Set<RefKey> = []
        return try chosen.endpoints(in: graph).filter { seen.insert(RefKey($0.ref)).inserted }
    }

    /// The changes in reach to the kept destinations when the network becomes `topology`.
    public func diff(after topology: Topology) throws(EndpointSelectorError) -> ReachabilityDiff {
        if let patched = patch(to: topology) { return diff(patched: patched) }
        let known = Dictionary(
            destinations.map { (RefKey($0.endpoint.ref), $0.sources) },
            uniquingKeysWith: { first, _ in first })
        return try ReachabilityDiffer(
            before: analyzer.graph, after: ForwardingGraph(topology), knownBefore: known
        )
        .diff(to: selector, traffic: traffic)
    }

    /// Whether `topology` differs from the network before only in what ``ForwardingGraph``
    /// can patch (filters, routes, associations, peering status, public IPs), so that
    /// ``diff(after:)`` re-answers only the sources the change touches.
    public func isAnsweredIncrementally(after topology: Topology) -> Bool {
        patch(to: topology) != nil
    }

    private func patch(to topology: Topology) -> (graph: ForwardingGraph, edits: GraphEdits)? {
        analyzer.graph.patching(to: topology).flatMap {
            Self.keepsDestinations($0.edits, selector: selector, endpoints: destinations.map(\.endpoint))
                ? $0 : nil
        }
    }

    /// Whether the destinations of `endpoints`, picked by `selector`, stay what they were
    /// under `edits`, but for their own public addresses: not so when public IPs move and a
    /// destination is an address (whose owner may change) or the internet (whose addresses do).
    private static func keepsDestinations(
        _ edits: GraphEdits, selector: EndpointSelector?, endpoints: [Endpoint]
    ) -> Bool {
        guard !edits.publicAddresses.isEmpty else { return true }
        if selector?.mayNameAnAddress ?? false { return false }
        return !endpoints.contains { endpoint in endpoint.members.contains { $0.place == .internet } }
    }

    /// The changes in reach to the endpoints `selector` picks when the network of `graph` becomes
    /// `topology`, as ``ReachabilityDiffer`` gives them. When the graph can be patched, destinations
    /// are answered one at a time, so that what answers rest on is kept for one at a time.
    public static func diff(
        from graph: ForwardingGraph, to topology: Topology, destinations selector: EndpointSelector? = nil,
        traffic: TrafficSet = .all
    ) throws(EndpointSelectorError) -> ReachabilityDiff {
        if let patched = graph.patching(to: topology) {
            let endpoints = try endpoints(selector, in: graph)
            if keepsDestinations(patched.edits, selector: selector, endpoints: endpoints) {
                return diffOneAtATime(
                    endpoints, from: graph, patched: patched, selector: selector, traffic: traffic)
            }
        }
        return try ReachabilityDiffer(before: graph, after: ForwardingGraph(topology)).diff(
            to: selector, traffic: traffic)
    }

    /// ``diff(from:to:destinations:traffic:)`` over a patched graph, one destination at a time.
    private static func diffOneAtATime(
        _ endpoints: [Endpoint], from graph: ForwardingGraph,
        patched: (graph: ForwardingGraph, edits: GraphEdits), selector: EndpointSelector?, traffic: TrafficSet
    ) -> ReachabilityDiff {
        let analyzer = ReachabilityAnalyzer(graph: graph)
        var destinations: [ComponentRef] = []
        var changes: [FlowChange] = []
        for endpoint in endpoints {
            let part = ReachabilityBaseline(
                analyzer: analyzer, endpoints: [endpoint], selector: selector, traffic: traffic
            ).diff(patched: patched)
            destinations += part.destinations
            changes += part.changes
        }
        return ReachabilityDiff(destinations: destinations, changes: changes)
    }

    /// The changes when the graph could be patched: the sources whose answers the edits touch,
    /// analysed again over the patched graph and compared with their answers before.
    private func diff(patched: (graph: ForwardingGraph, edits: GraphEdits)) -> ReachabilityDiff {
        let before = analyzer.graph
        let deltas: [any FootprintDelta] = [
            FilterDelta(before: before, after: patched.graph, edits: patched.edits),
            RouteDelta(before: before, after: patched.graph, edits: patched.edits),
            PeeringDelta(before: before, edits: patched.edits),
        ]
        // Only the internet and on-prem sites address public IPs (a DB's, an interface's
        // replies): a moved one touches them and its own interface, and nothing else.
        var addressingPublicIPs: Set<SourceIdentity> = []
        if !patched.edits.publicAddresses.isEmpty {
            addressingPublicIPs = Set(patched.edits.publicAddresses.map { .interface($0.interface) })
            addressingPublicIPs.insert(.internet)
            addressingPublicIPs.formUnion(before.onPremSites.indices.map { .onPremSite($0) })
        }
        var touched: [Set<SourceIdentity>] = []
        var everyTouched: Set<SourceIdentity> = []
        for destination in destinations {
            var sources = destination.footprints.touchedSources(
                by: deltas, graph: before, classes: analyzer.catalog.classes)
            sources.formUnion(addressingPublicIPs)
            touched.append(sources)
            everyTouched.formUnion(sources)
        }
        var changes: [FlowChange] = []
        if !everyTouched.isEmpty {
            let catalog = SourceCatalog(
                patching: analyzer.catalog, graph: patched.graph, edits: patched.edits,
                scope: SourceScope(everyTouched))
            let after = ReachabilityAnalyzer(graph: patched.graph, catalog: catalog)
            let comparison = SourceComparison(after: patched.graph, toAfter: nil)
            for (destination, sources) in zip(destinations, touched) where !sources.isEmpty {
                let old = destination.sources(of: sources)
                let endpoint =
                    patched.edits.publicAddresses.isEmpty
                    ? destination.endpoint : destination.endpoint.withPublicAddresses(in: patched.graph)
                let new = after.whoCanReach(endpoint, traffic: traffic, scope: SourceScope(sources)).sources
                changes += comparison.changes(
                    from: old, to: new, destination: destination.endpoint.ref, traffic: traffic)
            }
        }
        return ReachabilityDiff(destinations: destinations.map(\.endpoint.ref), changes: changes)
    }
}
