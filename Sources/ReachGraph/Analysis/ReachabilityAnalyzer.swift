import ReachModel
import ReachNetwork

/// The symbolic engine: answers for every protocol, port and source address at once, where
/// ``ReachabilityChecker`` answers one flow.
///
/// Addresses are handled by equivalence classes: between the graph's filter boundaries every
/// address is treated alike, so one representative answers for its class, and interfaces that
/// share a subnet, security groups and address class are one source. Protocols and ports are
/// handled symbolically: the path is walked once and its network ACLs and security groups are
/// evaluated as interval sets of ports per protocol, request and reply leg (see ``TrafficSet``).
public struct ReachabilityAnalyzer: Sendable {
    /// The graph analysed.
    public let graph: ForwardingGraph
    let catalog: SourceCatalog

    /// An analyzer over `graph`; groups the graph's sources once.
    public init(graph: ForwardingGraph) {
        self.graph = graph
        catalog = SourceCatalog(graph: graph)
    }

    /// An analyzer over `graph` with sources already grouped (a catalog patched for an edit).
    init(graph: ForwardingGraph, catalog: SourceCatalog) {
        self.graph = graph
        self.catalog = catalog
    }

    /// Resolves names through an ``EndpointResolver`` over the same graph.
    public var resolver: EndpointResolver { EndpointResolver(graph: graph) }

    /// What `source` gets through to `destination`, for every protocol and port. Members of a
    /// source (a cluster's instances) are alternatives; members of a destination (a reader
    /// endpoint's instances) must all be reachable, as in ``ReachabilityChecker/check(_:)``.
    public func reach(from source: Endpoint, to destination: Endpoint) -> FlowReach {
        var session = AnalysisSession(graph: graph, catalog: catalog)
        var result: FlowReach?
        for destinationMember in destination.members {
            var best: FlowReach?
            for sourceMember in source.members {
                let reach = session.answer(from: sourceMember, to: destinationMember).reach
                best = best.map { $0.either(reach) } ?? reach
            }
            guard let best else { continue }
            result = result.map { $0.agreeing(with: best, disagreement: .endpointPartiallyReachable) } ?? best
        }
        return result ?? .allUnknown(.unknownResource)
    }

    /// Every source that reaches `destination` with some of `traffic`, or might (part of its
    /// traffic is unknown): each interface in `scope`, each subnet's hosts without interfaces,
    /// each on-prem site and the internet, with the traffic and a witness flow.
    public func whoCanReach(
        _ destination: Endpoint, traffic: TrafficSet = .all, scope: SourceScope = .everything
    ) -> WhoCanReachAnswer {
        var footprints: FootprintIndex?
        var positions: [SourceIdentity: Range<Int>]?
        return whoCanReach(
            destination, traffic: traffic, scope: scope, footprints: &footprints, positions: &positions)
    }

    /// ``whoCanReach(_:traffic:scope:)``, also noting what each source's answer rests on when
    /// `footprints` is not nil, and where each source's entries are in the answer when
    /// `positions` is not nil. A large estate's sources are answered on every core, then
    /// gathered in order: the answer does not depend on the split.
    func whoCanReach(
        _ destination: Endpoint, traffic: TrafficSet, scope: SourceScope,
        footprints: inout FootprintIndex?, positions: inout [SourceIdentity: Range<Int>]?
    ) -> WhoCanReachAnswer {
        var collector = SourceCollector(
            destination: destination,
            expectedSources: graph.interfaces.count + graph.subnets.count + graph.onPremSites.count + 1)
        let answered = answerSources(
            of: destination, scope: scope, excluding: collector.destinationInterfaces,
            recording: footprints != nil)
        for chunk in answered {
            for result in chunk {
                collector.add(result)
                if let footprint = result.footprint {
                    footprints?.add(footprint, for: result.sources.map { $0.0 }, graph: graph)
                }
            }
        }
        return collector.answer(traffic: traffic, graph: graph, positions: &positions)
    }

    /// The answers of every source in `scope` but the `excluded` interfaces (the destination's
    /// own), in the order the answer lists them; on every core when there are at least
    /// `minimumChunk` tasks per core, in chunks that each keep their own caches (one array
    /// per chunk, in order).
    ///
    /// Each chunk builds its filter caches anew, and the cores share the graph's reference
    /// counts, so a split pays only for thousands of sources per core: smaller estates answer
    /// on one thread.
    func answerSources(
        of destination: Endpoint, scope: SourceScope, excluding excluded: Set<Int>, recording: Bool,
        minimumChunk: Int = 8192
    ) -> [[AnsweredSources]] {
        let tasks = sourceTasks(scope: scope, excluding: excluded)
        return ParallelChunks.chunks(tasks.count, minimumChunk: minimumChunk) { range in
            var session = AnalysisSession(graph: graph, catalog: catalog)
            return answerSources(
                tasks[range], of: destination, scope: scope, excluding: excluded, recording: recording,
                in: &session)
        }
    }

    /// ``answerSources(of:scope:excluding:recording:minimumChunk:)`` on the calling thread, with a
    /// session whose caches outlive the question (the matrix answers many destinations with one).
    func answerSources(
        of destination: Endpoint, scope: SourceScope, excluding excluded: Set<Int>, recording: Bool,
        in session: inout AnalysisSession
    ) -> [AnsweredSources] {
        answerSources(
            sourceTasks(scope: scope, excluding: excluded)[...], of: destination, scope: scope,
            excluding: excluded, recording: recording, in: &session)
    }

    private func answerSources(
        _ tasks: ArraySlice<SourceTask>, of destination: Endpoint, scope: SourceScope,
        excluding excluded: Set<Int>,
        recording: Bool, in session: inout AnalysisSession
    ) -> [AnsweredSources] {
        tasks.compactMap {
            answer($0, to: destination, in: &session, recording: recording, scope: scope, excluding: excluded)
        }
    }

    /// Sources answered together: one group of identical interfaces, one interface without an
    /// address, or one address class of a subnet's hosts, an on-prem site or the internet.
    private enum SourceTask: Sendable {
        case interfaceGroup(Int)
        case unaddressedInterface(Int)
        case addressClass(SourceIdentity, EndpointMember, IPv4AddressSet)
    }

    /// One task's answer: one per destination member, shared by its sources.
    struct AnsweredSources: Sendable {
        let sources: [(SourceIdentity, IPv4AddressSet)]
        let answers: [(reach: FlowReach, witness: Witness?)]
        /// The interface whose walk answered a group of interfaces.
        let representative: Int?
        let footprint: AnswerFootprint?
    }

    /// The tasks of every source in `scope`, in the order the answer lists them.
    private func sourceTasks(scope: SourceScope, excluding excluded: Set<Int>) -> [SourceTask] {
        var tasks: [SourceTask] = catalog.interfaceGroups.indices.map { .interfaceGroup($0) }
        for interface in catalog.unaddressedInterfaces
        where scope.includes(interface: interface) && !excluded.contains(interface) {
            tasks.append(.unaddressedInterface(interface))
        }
        // A scope names a few subnets, out of thousands: visit only theirs, in order.
        let subnets =
            scope.includesSubnetHosts
            ? scope.subnets.map { $0.sorted() } ?? Array(catalog.freeHostAddresses.indices) : []
        for subnet in subnets where !catalog.freeHostAddresses[subnet].isEmpty {
            let addresses = catalog.freeHostAddresses[subnet]
            let member = EndpointMember.hosts(subnet, addresses, graph: graph)
            for (representative, addresses) in catalog.freeHostClasses[subnet] {
                tasks.append(
                    .addressClass(.subnetHosts(subnet), member.narrowed(to: representative), addresses))
            }
        }
        for (index, site) in graph.onPremSites.enumerated() where scope.includes(onPremSite: index) {
            let member = EndpointMember.onPremSite(index, site)
            for (representative, addresses) in catalog.classes.split(member.addresses) {
                tasks.append(
                    .addressClass(.onPremSite(index), member.narrowed(to: representative), addresses))
            }
        }
        if scope.includesInternet {
            let member = EndpointMember.internet(catalog.internetHostAddresses)
            for (representative, addresses) in catalog.internetHostClasses {
                tasks.append(.addressClass(.internet, member.narrowed(to: representative), addresses))
            }
        }
        return tasks
    }

    /// Answers one task against every member of `destination`, noting its footprint when
    /// `recording`; nil for a group none of whose interfaces is asked about (in `scope` and not
    /// `excluded`, the destination's own interfaces).
    private func answer(
        _ task: SourceTask, to destination: Endpoint, in session: inout AnalysisSession, recording: Bool,
        scope: SourceScope, excluding excluded: Set<Int>
    ) -> AnsweredSources? {
        let sources: [(SourceIdentity, IPv4AddressSet)]
        let member: EndpointMember
        var walkKey: SourceCatalog.WalkKey?
        var representative: Int?
        switch task {
        case .interfaceGroup(let index):
            let group = catalog.interfaceGroups[index]
            sources = group.members.compactMap { interface in
                guard scope.includes(interface: interface), !excluded.contains(interface),
                    let address = graph.interfaces[interface].privateIPs.first
                else { return nil }
                return (.interface(interface), IPv4AddressSet(address))
            }
            guard case .interface(let first) = sources.first?.0 else { return nil }
            member = EndpointMember.interface(first, graph: graph)
            walkKey = group.walkKey
            representative = first
        case .unaddressedInterface(let interface):
            member = EndpointMember.interface(interface, graph: graph)
            sources = [(.interface(interface), member.addresses)]
        case .addressClass(let identity, let narrowed, let addresses):
            member = narrowed
            sources = [(identity, addresses)]
        }
        session.footprint = recording ? AnswerFootprint() : nil
        let answers = destination.members.map { session.answer(from: member, to: $0, walkKey: walkKey) }
        return AnsweredSources(
            sources: sources, answers: answers, representative: representative, footprint: session.footprint)
    }
}

/// Which sources a who-can-reach question considers.
public struct SourceScope: Hashable, Sendable {
    /// The interfaces considered, by index; nil for every one.
    var interfaces: Set<Int>?
    /// Whether subnets' hosts without interfaces are considered.
    public var includesSubnetHosts: Bool
    /// Whether on-prem sites are considered.
    public var includesOnPremSites: Bool
    /// Whether the internet is considered.
    public var includesInternet: Bool
    /// The subnets whose hosts are considered, when not every one (with ``includesSubnetHosts``).
    var subnets: Set<Int>?
    /// The on-prem sites considered, when not every one (with ``includesOnPremSites``).
    var sites: Set<Int>?

    /// Every source.
    public static let everything = SourceScope(
        interfaces: nil, includesSubnetHosts: true, includesOnPremSites: true, includesInternet: true)

    /// Exactly the sources in `identities`.
    init(_ identities: some Sequence<SourceIdentity>) {
        self.init(
            interfaces: [], includesSubnetHosts: true, includesOnPremSites: true, includesInternet: false,
            subnets: [], sites: [])
        for identity in identities {
            switch identity {
            case .interface(let index): interfaces?.insert(index)
            case .subnetHosts(let subnet): subnets?.insert(subnet)
            case .onPremSite(let site): sites?.insert(site)
            case .internet: includesInternet = true
            }
        }
    }

    init(
        interfaces: Set<Int>?, includesSubnetHosts: Bool, includesOnPremSites: Bool, includesInternet: Bool,
        subnets: Set<Int>? = nil, sites: Set<Int>? = nil
    ) {
        self.interfaces = interfaces
        self.includesSubnetHosts = includesSubnetHosts
        self.includesOnPremSites = includesOnPremSites
        self.includesInternet = includesInternet
        self.subnets = subnets
        self.sites = sites
    }

    func includes(interface: Int) -> Bool { interfaces?.contains(interface) ?? true }

    func includes(subnetHosts subnet: Int) -> Bool {
        includesSubnetHosts && (subnets?.contains(subnet) ?? true)
    }

    func includes(onPremSite site: Int) -> Bool { includesOnPremSites && (sites?.contains(site) ?? true) }
}
