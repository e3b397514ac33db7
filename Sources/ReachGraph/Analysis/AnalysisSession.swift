import ReachModel
import ReachNetwork

/// The mutable part of one analysis: filter caches and walks shared between sources.
struct AnalysisSession {
    let graph: ForwardingGraph
    let catalog: SourceCatalog
    private let checker: ReachabilityChecker
    private var pairs: PairAnalyzer
    private var walks: [WalkCacheKey: CachedWalk] = [:]
    /// When set, every walk an answer uses is noted here, for edits to re-answer only what
    /// they touch.
    var footprint: AnswerFootprint?

    private struct WalkCacheKey: Hashable {
        let walk: SourceCatalog.WalkKey
        let destination: TracePlace
        let destinationAddress: IPv4Address
        let assumed: IPv4Address?
    }

    /// The walks (one per AZ pick) of the first source with a walk key; nil when the path
    /// depends on ports, so each source is traced per port class instead.
    private struct CachedWalk {
        let walks: [PairAnalyzer.Walk]?
        /// The walks' templates, for the sources that stand in for the first one.
        let templates: [PairAnalyzer.Template?]?
        let interface: Int
        let address: IPv4Address

        /// Whether some walk read the source's public IP, or the path depends on ports (and
        /// so is traced per source): then it serves only sources of the same public class.
        var readsPublicAddresses: Bool { walks?.contains { $0.readsPublicAddresses } ?? true }
    }

    init(graph: ForwardingGraph, catalog: SourceCatalog) {
        self.graph = graph
        self.catalog = catalog
        checker = ReachabilityChecker(graph: graph)
        pairs = PairAnalyzer(graph: graph, shapes: catalog.shapes)
    }

    /// Drops the walks kept so far: they serve only the destination they were walked to, and
    /// a session that answers many destinations in turn would otherwise keep them all.
    mutating func forgetWalks() { walks.removeAll(keepingCapacity: true) }

    /// The answer from one source member to one destination member, over every address the
    /// source and destination may use, with a witness for the reaching (or unknown) part.
    /// `walkKey` lets interfaces of one subnet and address class share walks.
    mutating func answer(
        from source: EndpointMember, to destination: EndpointMember, walkKey: SourceCatalog.WalkKey? = nil
    ) -> (reach: FlowReach, witness: Witness?) {
        if let blocked = checker.unaddressableFromInternet(source, destination) {
            return (.blocked(blocked.trace.blockers.first?.reason), nil)
        }
        let sourceChoices: [IPv4Address] =
            source.quantifier == .exact
            ? source.addresses.first.map { [$0] } ?? []
            : catalog.classes.split(source.addresses).map(\.representative)
        guard !sourceChoices.isEmpty else { return (.allUnknown(.unknownResource), nil) }
        var combined: FlowReach?
        var witness = WitnessChoice()
        for sourceAddress in sourceChoices {
            let (reach, candidate) = answer(source, sourceAddress, destination, walkKey: walkKey)
            witness.offer(candidate, reaches: !reach.reachable.isEmpty)
            combined = combined.map { $0.combined(with: reach, over: source.quantifier) } ?? reach
        }
        return (combined ?? .allUnknown(.unknownResource), witness.chosen)
    }

    /// The first witness that reaches, else the first one offered.
    private struct WitnessChoice {
        private(set) var chosen: Witness?
        private var reaches = false

        mutating func offer(_ candidate: Witness?, reaches candidateReaches: Bool) {
            guard let candidate, !reaches else { return }
            if chosen == nil || candidateReaches {
                chosen = candidate
                reaches = candidateReaches
            }
        }
    }

    /// One source address to a destination member, over the destination's possible addresses.
    private mutating func answer(
        _ source: EndpointMember, _ sourceAddress: IPv4Address, _ destination: EndpointMember,
        walkKey: SourceCatalog.WalkKey?
    ) -> (FlowReach, Witness?) {
        let (set, quantifier) = checker.destinationAddresses(source, destination)
        let choices: [IPv4Address] =
            quantifier == .exact
            ? set.first.map { [$0] } ?? [] : catalog.classes.split(set).map(\.representative)
        var combined: FlowReach?
        var witness = WitnessChoice()
        for destinationAddress in choices {
            var assumed: (address: IPv4Address, interface: Int)?
            if quantifier == .oneOf, let interface = destination.assumedInterface {
                assumed = (destinationAddress, interface)
            } else if source.quantifier == .oneOf, let interface = source.assumedInterface {
                assumed = (sourceAddress, interface)
            }
            pairs.assume(assumed)
            let reach = reachOne(
                source, sourceAddress, destination, destinationAddress, quantifier, walkKey: walkKey,
                assumed: assumed?.address)
            witness.offer(
                makeWitness(
                    reach, from: source.place, sourceAddress, to: destination.place, destinationAddress,
                    assumed: assumed),
                reaches: !reach.reachable.isEmpty)
            combined = combined.map { $0.combined(with: reach, over: quantifier) } ?? reach
        }
        return (combined ?? .allUnknown(.unknownResource), witness.chosen)
    }

    private mutating func reachOne(
        _ source: EndpointMember, _ sourceAddress: IPv4Address, _ destination: EndpointMember,
        _ destinationAddress: IPv4Address, _ quantifier: AddressQuantifier, walkKey: SourceCatalog.WalkKey?,
        assumed: IPv4Address?
    ) -> FlowReach {
        guard let walkKey, case .interface(let interface) = source.place else {
            if case .host(let subnet) = source.place,
                let answer = answerFromInterfaceWalk(
                    subnet, sourceAddress, destination, destinationAddress, assumed: assumed)
            {
                return answer
            }
            guard
                let recorded = pairs.allWalks(
                    from: source.place, sourceAddress, to: destination.place, destinationAddress)
            else {
                footprint?.isOpaque = true
                return pairs.tracedPerPortClass(
                    source, sourceAddress, destination, destinationAddress, quantifier)
            }
            note(recorded, substitute: nil, assumed: assumed)
            return pairs.answer(recorded, substitute: nil)
        }
        // Interfaces whose public IPs differ share a walk that never read one.
        let shared = WalkCacheKey(
            walk: walkKey.withAnyPublicClass, destination: destination.place,
            destinationAddress: destinationAddress, assumed: assumed)
        let cached: CachedWalk
        if let existing = walks[shared], !existing.readsPublicAddresses {
            cached = existing
        } else {
            let own = WalkCacheKey(
                walk: walkKey, destination: destination.place, destinationAddress: destinationAddress,
                assumed: assumed)
            if let existing = walks[own] {
                cached = existing
            } else {
                let recorded = pairs.allWalks(
                    from: source.place, sourceAddress, to: destination.place, destinationAddress)
                cached = CachedWalk(
                    walks: recorded,
                    templates: recorded?.map { pairs.template(of: $0, source: (interface, sourceAddress)) },
                    interface: interface, address: sourceAddress)
                walks[own] = cached
                if walks[shared] == nil { walks[shared] = cached }
            }
        }
        guard let recorded = cached.walks else {
            footprint?.isOpaque = true
            return pairs.tracedPerPortClass(
                source, sourceAddress, destination, destinationAddress, quantifier)
        }
        let substitute =
            cached.interface == interface
            ? nil
            : PairAnalyzer.Substitution(
                interface: (cached.interface, interface), address: (cached.address, sourceAddress))
        note(recorded, substitute: substitute, assumed: assumed)
        return pairs.answer(recorded, templates: cached.templates, substitute: substitute)
    }

    /// A subnet's hosts (addresses no interface holds) answered from the walk of an interface
    /// of the same subnet and address class, when one is kept and never read a public IP.
    /// Routes and network ACLs treat every address of a class alike, and so do security
    /// groups but for the groups an address carries: the walk's own security group checks
    /// (the interface's groups, which a host has none of) and those that judge its address are
    /// judged again for the host, as for any interface standing in for the walked one. Not
    /// for a host at an address the walk treats as held (the destination's, or one assumed).
    private mutating func answerFromInterfaceWalk(
        _ subnet: Int, _ sourceAddress: IPv4Address, _ destination: EndpointMember,
        _ destinationAddress: IPv4Address, assumed: IPv4Address?
    ) -> FlowReach? {
        // A host at the address assumed for a DB endpoint (or at the destination's own) is not
        // like the rest of its class: the walk finds an interface there.
        guard sourceAddress != destinationAddress, sourceAddress != assumed else { return nil }
        let key = WalkCacheKey(
            walk: .anyPublicClass(
                subnet: subnet, privateClass: catalog.classes.filterClass(of: sourceAddress)),
            destination: destination.place, destinationAddress: destinationAddress, assumed: assumed)
        guard let cached = walks[key], !cached.readsPublicAddresses, let recorded = cached.walks else {
            return nil
        }
        let substitute = PairAnalyzer.Substitution(
            interface: (cached.interface, nil), address: (cached.address, sourceAddress))
        note(recorded, substitute: substitute, assumed: assumed)
        return pairs.answer(recorded, templates: cached.templates, substitute: substitute)
    }

    private mutating func note(
        _ recorded: [PairAnalyzer.Walk], substitute: PairAnalyzer.Substitution?, assumed: IPv4Address?
    ) {
        guard footprint != nil else { return }
        for walk in recorded {
            footprint?.walks.append(
                AnswerFootprint.Walked(
                    checks: walk.blockReason == nil ? walk.checks : [], lookups: walk.lookups,
                    substitution: substitute, assumesAddress: assumed != nil))
        }
    }

    /// A witness packet: the first reachable kind of traffic, else the first unknown one, from a
    /// source port common clients use.
    private func makeWitness(
        _ reach: FlowReach, from source: TracePlace, _ sourceAddress: IPv4Address, to destination: TracePlace,
        _ destinationAddress: IPv4Address, assumed: (address: IPv4Address, interface: Int)?
    ) -> Witness? {
        guard let (proto, port) = reach.reachable.sample ?? reach.unknown.sample else { return nil }
        let sourcePort: UInt16 = proto.hasPorts ? 49152 : 0
        return Witness(
            packet: Packet(
                source: sourceAddress, destination: destinationAddress, protocolNumber: proto,
                sourcePort: sourcePort, destinationPort: port),
            route: TraceReplay(
                source: source, destination: destination, assumedAddress: assumed?.address,
                assumedInterface: assumed?.interface, zoneChoice: 0))
    }
}
