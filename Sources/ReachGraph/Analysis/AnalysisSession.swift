import ReachModel
import ReachNetwork

/// The mutable part of one analysis: filter caches and walks shared between sources.
struct AnalysisSession {
    let graph: ForwardingGraph
    let catalog: SourceCatalog
    private let checker: ReachabilityChecker
    private var pairs: PairAnalyzer
    /// Every walk kept, by its place here.
    private var walks: [CachedWalk] = []
    /// The walks shared by every public class, one table of `catalog.walkSlots.count` places
    /// per target, one after another (-1: none yet): a source's walk is found by position.
    private var sharedWalks: [Int32] = []
    /// Where each target's table starts in ``sharedWalks``, and the last one used.
    private var targets: [WalkTarget: Int] = [:]
    private var lastTarget: (target: WalkTarget, start: Int)?
    /// Walks kept for one public class, when the shared walk of their key read a public IP.
    private var publicClassWalks: [WalkCacheKey: Int] = [:]
    /// The traffic the question asks about: witnesses show some of it.
    var traffic = TrafficSet.all {
        didSet { asksAboutAllTraffic = traffic == .all }
    }
    /// Whether ``traffic`` is all traffic, known without comparing sets for every answer.
    private var asksAboutAllTraffic = true
    /// When set, every walk an answer uses is noted here, for edits to re-answer only what
    /// they touch.
    var footprint: AnswerFootprint?

    /// Interfaces that may share a walk: same subnet and address classes. `slot` numbers the
    /// key for any public class among the catalog's (``SourceCatalog/walkSlots``).
    struct SharedWalk {
        let key: SourceCatalog.WalkKey
        let slot: Int
    }

    /// Where walks go to: a destination member at one of its addresses, with the address
    /// assumed for a DB endpoint the input gives none.
    private struct WalkTarget: Hashable {
        let destination: TracePlace
        let destinationAddress: IPv4Address
        let assumed: IPv4Address?
    }

    private struct WalkCacheKey: Hashable {
        let walk: SourceCatalog.WalkKey
        let target: WalkTarget
    }

    /// The walks (one per AZ pick) of the first source with a walk key, each with its template
    /// for the sources that stand in for it; nil when the path depends on ports, so each source
    /// is traced per port class instead.
    private struct CachedWalk {
        let walks: [PairAnalyzer.Walk]?
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
    mutating func forgetWalks() {
        walks.removeAll(keepingCapacity: true)
        sharedWalks.removeAll(keepingCapacity: true)
        targets.removeAll(keepingCapacity: true)
        lastTarget = nil
        publicClassWalks.removeAll(keepingCapacity: true)
    }

    /// Where `target`'s table of shared walks starts in ``sharedWalks``, made when first met.
    private mutating func tableStart(for target: WalkTarget) -> Int {
        if let lastTarget, lastTarget.target == target { return lastTarget.start }
        let start: Int
        if let known = targets[target] {
            start = known
        } else {
            start = sharedWalks.count
            targets[target] = start
            sharedWalks += repeatElement(-1, count: catalog.walkSlots.count)
        }
        lastTarget = (target, start)
        return start
    }

    /// The place in ``sharedWalks`` of the walk shared by `slot`'s sources toward `target`.
    private mutating func sharedPlace(_ slot: Int, toward target: WalkTarget) -> Int {
        tableStart(for: target) + slot
    }

    /// The walk kept at `place` in ``sharedWalks``, when there is one that any public class
    /// may take (it read no public IP).
    private func usableSharedWalk(at place: Int) -> Int? {
        let found = Int(sharedWalks[place])
        return found >= 0 && !walks[found].readsPublicAddresses ? found : nil
    }

    /// The answer from one source member to one destination member, over every address the
    /// source and destination may use, with a witness for the reaching (or unknown) part.
    /// `walk` lets interfaces of one subnet and address class share walks.
    mutating func answer(
        from source: EndpointMember, to destination: EndpointMember, walk: SharedWalk? = nil
    ) -> (reach: FlowReach, witness: Witness?) {
        if let blocked = checker.unaddressableFromInternet(source, destination) {
            return (.blocked(blocked.trace.blockers.first?.reason), nil)
        }
        // One address (every interface with one): its answer as it is, without a list of one.
        if source.quantifier == .exact {
            guard let address = source.addresses.first else { return (.allUnknown(.unknownResource), nil) }
            return answer(.member(source), address, destination, walk: walk)
        }
        let sourceChoices = catalog.classes.split(source.addresses).map(\.representative)
        guard !sourceChoices.isEmpty else { return (.allUnknown(.unknownResource), nil) }
        var candidates: [(reach: FlowReach, witness: Witness?)] = []
        for sourceAddress in sourceChoices {
            candidates.append(answer(.member(source), sourceAddress, destination, walk: walk))
        }
        return combined(candidates, over: source.quantifier)
    }

    /// The answer from interface `interface` at its private IP `address` (a group's
    /// representative) to one destination member, as ``answer(from:to:walk:)`` gives it for
    /// the interface's member, without making the member: its names and lists are read
    /// only for a path traced per port class.
    mutating func answer(
        fromInterface interface: Int, at address: IPv4Address, to destination: EndpointMember,
        walk: SharedWalk
    ) -> (reach: FlowReach, witness: Witness?) {
        answer(.interface(interface, address), address, destination, walk: walk)
    }

    /// The answer from the hosts of `subnet` without an interface at `address` (one address
    /// class of them) to one destination member, as ``answer(from:to:walk:)`` gives it for the
    /// subnet's hosts narrowed to `address`, without making the member (see ``Source/host``).
    mutating func answer(fromHostsOf subnet: Int, at address: IPv4Address, to destination: EndpointMember)
        -> (reach: FlowReach, witness: Witness?)
    {
        answer(.host(subnet, address), address, destination, walk: nil)
    }

    /// A source as an answer needs it: a whole member, an interface at its one private IP, or
    /// a subnet's hosts at one address, whose member is made only when a path is traced per
    /// port class (thousands of interfaces and subnets are sources of each question).
    private enum Source {
        case member(EndpointMember)
        case interface(Int, IPv4Address)
        case host(Int, IPv4Address)

        var place: TracePlace {
            switch self {
            case .member(let member): member.place
            case .interface(let index, _): .interface(index)
            case .host(let subnet, _): .host(subnet: subnet)
            }
        }

        var quantifier: AddressQuantifier {
            switch self {
            case .member(let member): member.quantifier
            case .interface, .host: .exact
            }
        }

        var assumedInterface: Int? {
            switch self {
            case .member(let member): member.assumedInterface
            case .interface, .host: nil
            }
        }

        var isInsideAWS: Bool {
            switch self {
            case .member(let member): member.isInsideAWS
            case .interface, .host: true
            }
        }

        func member(in graph: ForwardingGraph) -> EndpointMember {
            switch self {
            case .member(let member): member
            case .interface(let index, let address): .interface(index, at: address, graph: graph)
            case .host(let subnet, let address):
                EndpointMember.hosts(subnet, IPv4AddressSet(address), graph: graph).narrowed(to: address)
            }
        }
    }

    /// The answers for several addresses of one endpoint as one: either will do, or they must
    /// agree, by `quantifier`.
    private func combined(
        _ candidates: [(reach: FlowReach, witness: Witness?)], over quantifier: AddressQuantifier
    ) -> (FlowReach, Witness?) {
        Witness.combining(candidates, traffic: traffic) { $0.combined(with: $1, over: quantifier) }
    }

    /// One source address to a destination member, over the destination's possible addresses.
    private mutating func answer(
        _ source: Source, _ sourceAddress: IPv4Address, _ destination: EndpointMember, walk: SharedWalk?
    ) -> (FlowReach, Witness?) {
        let (set, quantifier) = checker.destinationAddresses(
            sourceIsInsideAWS: source.isInsideAWS, destination)
        if quantifier == .exact {
            guard let address = set.first else { return (.allUnknown(.unknownResource), nil) }
            return answer(source, sourceAddress, destination, address, quantifier, walk: walk)
        }
        var candidates: [(reach: FlowReach, witness: Witness?)] = []
        for destinationAddress in catalog.classes.split(set).map(\.representative) {
            candidates.append(
                answer(source, sourceAddress, destination, destinationAddress, quantifier, walk: walk))
        }
        return combined(candidates, over: quantifier)
    }

    /// One source address to one destination address, with its witness.
    private mutating func answer(
        _ source: Source, _ sourceAddress: IPv4Address, _ destination: EndpointMember,
        _ destinationAddress: IPv4Address, _ quantifier: AddressQuantifier, walk: SharedWalk?
    ) -> (FlowReach, Witness?) {
        var assumed: (address: IPv4Address, interface: Int)?
        if quantifier == .oneOf, let interface = destination.assumedInterface {
            assumed = (destinationAddress, interface)
        } else if source.quantifier == .oneOf, let interface = source.assumedInterface {
            assumed = (sourceAddress, interface)
        }
        pairs.assume(assumed)
        let reach = reachOne(
            source, sourceAddress, destination, destinationAddress, quantifier, walk: walk,
            assumed: assumed?.address)
        return (
            reach,
            makeWitness(
                reach, from: source.place, sourceAddress, to: destination.place, destinationAddress,
                assumed: assumed)
        )
    }

    private mutating func reachOne(
        _ source: Source, _ sourceAddress: IPv4Address, _ destination: EndpointMember,
        _ destinationAddress: IPv4Address, _ quantifier: AddressQuantifier, walk: SharedWalk?,
        assumed: IPv4Address?
    ) -> FlowReach {
        guard let walk, case .interface(let interface) = source.place else {
            if case .host(let subnet) = source.place,
                let answer = answerFromInterfaceWalk(
                    subnet, sourceAddress, destination, destinationAddress, assumed: assumed)
            {
                return answer
            }
            guard
                let recorded = pairs.allWalks(
                    from: source.place, sourceAddress, to: destination.place, destinationAddress,
                    notingLookups: footprint != nil)
            else {
                footprint?.isOpaque = true
                return pairs.tracedPerPortClass(
                    source.member(in: graph), sourceAddress, destination, destinationAddress, quantifier)
            }
            note(recorded, substitute: nil, assumed: assumed)
            return pairs.answer(recorded, substitute: nil)
        }
        // Interfaces whose public IPs differ share a walk that never read one.
        let target = WalkTarget(
            destination: destination.place, destinationAddress: destinationAddress, assumed: assumed)
        let shared = sharedPlace(walk.slot, toward: target)
        let found: Int
        if let usable = usableSharedWalk(at: shared) {
            found = usable
        } else {
            let own = WalkCacheKey(walk: walk.key, target: target)
            if let existing = publicClassWalks[own] {
                found = existing
            } else {
                let recorded = pairs.allWalks(
                    from: source.place, sourceAddress, to: destination.place, destinationAddress,
                    notingLookups: footprint != nil, templatedFor: interface)
                found = walks.count
                walks.append(CachedWalk(walks: recorded, interface: interface, address: sourceAddress))
                if sharedWalks[shared] < 0 { sharedWalks[shared] = Int32(found) }
                // Kept for its own public class too when another walk holds the shared place,
                // or when only its own class may take it.
                if sharedWalks[shared] != Int32(found) || walks[found].readsPublicAddresses {
                    publicClassWalks[own] = found
                }
            }
        }
        let cached = walks[found]
        guard let recorded = cached.walks else {
            footprint?.isOpaque = true
            return pairs.tracedPerPortClass(
                source.member(in: graph), sourceAddress, destination, destinationAddress, quantifier)
        }
        let substitute =
            cached.interface == interface
            ? nil
            : PairAnalyzer.Substitution(
                interface: (cached.interface, interface), address: (cached.address, sourceAddress))
        note(recorded, substitute: substitute, assumed: assumed)
        return pairs.answer(recorded, substitute: substitute)
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
        let key = SourceCatalog.WalkKey.anyPublicClass(
            subnet: subnet, privateClass: catalog.classes.filterClass(of: sourceAddress))
        guard let slot = catalog.walkSlots[key] else { return nil }
        let target = WalkTarget(
            destination: destination.place, destinationAddress: destinationAddress, assumed: assumed)
        // Two steps: a call on the session whose argument changes the session copies it first.
        let place = sharedPlace(slot, toward: target)
        guard let shared = usableSharedWalk(at: place), let recorded = walks[shared].walks else { return nil }
        let cached = walks[shared]
        let substitute = PairAnalyzer.Substitution(
            interface: (cached.interface, nil), address: (cached.address, sourceAddress))
        note(recorded, substitute: substitute, assumed: assumed)
        return pairs.answer(recorded, substitute: substitute)
    }

    private mutating func note(
        _ recorded: [PairAnalyzer.Walk], substitute: PairAnalyzer.Substitution?, assumed: IPv4Address?
    ) {
        guard footprint != nil else { return }
        for walk in recorded {
            guard let lookups = walk.lookups else {
                // Walked for an answer that kept no footprint: what it rests on is not known,
                // so any edit answers it again.
                footprint?.isOpaque = true
                continue
            }
            footprint?.walks.append(
                AnswerFootprint.Walked(
                    checks: walk.blockReason == nil ? walk.checks : [], lookups: lookups,
                    substitution: substitute, assumesAddress: assumed != nil))
        }
    }

    /// A witness packet: the first reachable kind of the traffic asked about, else the first
    /// unknown one, from a source port common clients use.
    private func makeWitness(
        _ reach: FlowReach, from source: TracePlace, _ sourceAddress: IPv4Address, to destination: TracePlace,
        _ destinationAddress: IPv4Address, assumed: (address: IPv4Address, interface: Int)?
    ) -> Witness? {
        let shown = asksAboutAllTraffic ? reach : reach.restricted(to: traffic)
        guard let (proto, port) = shown.sample else { return nil }
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
