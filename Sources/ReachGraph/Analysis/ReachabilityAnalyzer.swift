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
        return whoCanReach(destination, traffic: traffic, scope: scope, footprints: &footprints)
    }

    /// ``whoCanReach(_:traffic:scope:)``, also noting what each source's answer rests on when
    /// `footprints` is not nil.
    func whoCanReach(
        _ destination: Endpoint, traffic: TrafficSet, scope: SourceScope,
        footprints: inout FootprintIndex?
    ) -> WhoCanReachAnswer {
        var session = AnalysisSession(graph: graph, catalog: catalog)
        let recording = footprints != nil
        var collector = SourceCollector(
            destination: destination,
            expectedSources: graph.interfaces.count + graph.subnets.count + graph.onPremSites.count + 1)
        /// Answers `sources` with `answer` (one answer per destination member), noting its footprint.
        func add(
            _ sources: [(SourceIdentity, IPv4AddressSet)],
            representative: Int? = nil,
            _ answer: (inout AnalysisSession) -> [(reach: FlowReach, witness: Witness?)]
        ) {
            if recording { session.footprint = AnswerFootprint() }
            let answers = answer(&session)
            collector.add(sources, answers: answers, representative: representative)
            if let footprint = session.footprint {
                footprints?.add(footprint, for: sources.map(\.0), graph: graph)
            }
        }
        // Interfaces: one answer per group of identical interfaces.
        for group in catalog.interfaceGroups {
            let members = group.members.filter {
                scope.includes(interface: $0) && !collector.isDestination($0)
            }
            guard let representative = members.first else { continue }
            let member = EndpointMember.interface(representative, graph: graph)
            add(
                members.map {
                    (SourceIdentity.interface($0), EndpointMember.interface($0, graph: graph).addresses)
                },
                representative: representative
            ) { session in
                destination.members.map { session.answer(from: member, to: $0, walkKey: group.walkKey) }
            }
        }
        for interface in catalog.unaddressedInterfaces where scope.includes(interface: interface) {
            if collector.isDestination(interface) { continue }
            let member = EndpointMember.interface(interface, graph: graph)
            add([(.interface(interface), member.addresses)]) { session in
                destination.members.map { session.answer(from: member, to: $0) }
            }
        }
        // Address ranges: one answer per address class, gathered by equal answers.
        typealias AddressClass = (representative: IPv4Address, addresses: IPv4AddressSet)
        var external: [(SourceIdentity, EndpointMember, [AddressClass])] = []
        for (subnet, addresses) in catalog.freeHostAddresses.enumerated()
        where !addresses.isEmpty && scope.includes(subnetHosts: subnet) {
            external.append(
                (
                    .subnetHosts(subnet), .hosts(subnet, addresses, graph: graph),
                    catalog.freeHostClasses[subnet]
                ))
        }
        for (index, site) in graph.onPremSites.enumerated() where scope.includes(onPremSite: index) {
            let member = EndpointMember.onPremSite(index, site)
            external.append((.onPremSite(index), member, catalog.classes.split(member.addresses)))
        }
        if scope.includesInternet {
            external.append(
                (.internet, .internet(catalog.internetHostAddresses), catalog.internetHostClasses))
        }
        for (identity, member, classes) in external {
            for (representative, addresses) in classes {
                let single = member.narrowed(to: representative)
                add([(identity, addresses)]) { session in
                    destination.members.map { session.answer(from: single, to: $0) }
                }
            }
        }
        return collector.answer(traffic: traffic, graph: graph)
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
