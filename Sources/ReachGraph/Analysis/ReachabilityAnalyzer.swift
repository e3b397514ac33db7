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
    /// Sessions kept between questions (shared by copies of the analyzer, over the same graph).
    let sessions: SessionPool
    /// The tasks of a question about every source, with their order by subnet, worked out once
    /// (nil for an analyzer over a catalog patched for an edit, which asks about a few).
    private var everySource: SourcePlan?

    /// An analyzer over `graph`; groups the graph's sources, and plans a question about all of
    /// them, once.
    public init(graph: ForwardingGraph) {
        self.init(graph: graph, catalog: SourceCatalog(graph: graph), plansEverySource: true)
    }

    /// An analyzer over `graph` with sources already grouped (a catalog patched for an edit);
    /// with `plansEverySource`, questions about every source share one plan of their tasks.
    init(graph: ForwardingGraph, catalog: SourceCatalog, plansEverySource: Bool = false) {
        self.graph = graph
        self.catalog = catalog
        sessions = SessionPool(graph: graph, catalog: catalog)
        if plansEverySource {
            let tasks = sourceTasks(scope: .everything, excluding: ExcludedInterfaces())
            everySource = SourcePlan(tasks: tasks, bySubnet: bySubnet(tasks))
        }
    }

    /// A question's tasks (see ``SourceTask``) and their order by subnet (see ``bySubnet(_:)``).
    /// Neither depends on the destination, except when it is an interface whose address the
    /// input does not give: that interface is then not its own source.
    private struct SourcePlan: Sendable {
        let tasks: [SourceTask]
        let bySubnet: (order: [Int], subnets: [Int], costs: [Int])
    }

    /// Resolves names through an ``EndpointResolver`` over the same graph.
    public var resolver: EndpointResolver { EndpointResolver(graph: graph) }

    /// What `source` gets through to `destination`, for every protocol and port. Members of a
    /// source (a cluster's instances) are alternatives; members of a destination (a reader
    /// endpoint's instances) must all be reachable, as in ``ReachabilityChecker/check(_:)``.
    public func reach(from source: Endpoint, to destination: Endpoint) -> FlowReach {
        var session = sessions.take()
        defer { sessions.giveBack(session) }
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
    /// `positions` is not nil.
    ///
    /// With at least `minimumChunk` tasks per core, sources are answered on every core, each
    /// core also writing its own sources' entries where they go in the answer. Each core
    /// takes whole subnets (their interfaces, then their other hosts, which take the
    /// interfaces' walks), and the entries are placed in the order one thread lists the
    /// sources: the answer does not depend on the split. A source is never split between
    /// tasks, so all of its entries are gathered in one chunk. Each chunk needs a session of
    /// its own (one kept from an earlier question, or a new one whose filter caches start
    /// empty), and the cores share the graph's reference counts, so a split pays only for
    /// thousands of sources per core: smaller estates answer on one thread.
    func whoCanReach(
        _ destination: Endpoint, traffic: TrafficSet, scope: SourceScope,
        footprints: inout FootprintIndex?, positions: inout [SourceIdentity: Range<Int>]?,
        minimumChunk: Int = 8192
    ) -> WhoCanReachAnswer {
        let excluded = ExcludedInterfaces(of: destination, in: catalog)
        let scoped = ScopedInterfaceGroups(scope, catalog: catalog)
        // The plan serves a question about every source unless the destination is an interface
        // the input gives no address: only this question's own tasks leave it out.
        let plan =
            scope == .everything && !excluded.interfaces.contains(where: catalog.isUnaddressed)
            ? everySource : nil
        let tasks = plan?.tasks ?? sourceTasks(scope: scope, excluding: excluded)
        let isSplit = ParallelChunks.chunkCount(tasks.count, minimumChunk: minimumChunk) > 1
        // One thread meets every subnet's interfaces before its hosts in the answer's order.
        let (execution, subnets, costs) =
            isSplit
            ? plan?.bySubnet ?? bySubnet(tasks)
            : (Array(tasks.indices), [Int](repeating: 0, count: tasks.count), [])
        let recording = footprints != nil
        let locating = positions != nil
        let parts = ParallelChunks.chunks(
            tasks.count, minimumChunk: minimumChunk, costs: costs,
            splitsAt: { subnets[$0 - 1] != subnets[$0] }
        ) { range in
            var session = sessions.take()
            session.traffic = traffic
            var collector = SourceCollector(
                destination: destination, traffic: traffic, expectedSources: range.count)
            var rested: [(AnswerFootprint, [SourceIdentity])] = []
            var spans: [GatheredChunk.TaskSpan] = []
            spans.reserveCapacity(range.count)
            for task in execution[range] {
                let firstSource = collector.sourceCount
                let firstFootprint = rested.count
                answer(
                    tasks[task], to: destination, in: &session, recording: recording, groups: scoped,
                    excluding: excluded
                ) { answered in
                    collector.add(answered, groups: scoped)
                    if let footprint = answered.footprint {
                        rested.append((footprint, answered.sources.identities(in: scoped)))
                    }
                }
                spans.append(
                    GatheredChunk.TaskSpan(
                        task: task, sources: firstSource..<collector.sourceCount,
                        footprints: firstFootprint..<rested.count))
            }
            sessions.giveBack(session)
            return [
                GatheredChunk(
                    collector: collector, report: collector.report(), spans: spans, footprints: rested)
            ]
        }
        let chunks = parts.compactMap(\.first)
        // Each task's block of entries, footprints and positions, in the order of the tasks.
        var placed = [(chunk: Int32, span: Int32)](repeating: (-1, -1), count: tasks.count)
        for (chunk, part) in chunks.enumerated() {
            for (index, span) in part.spans.enumerated() { placed[span.task] = (Int32(chunk), Int32(index)) }
        }
        // Where each span's entries go in the answer, by chunk and span.
        var placeOfSpan = chunks.map { [Int](repeating: 0, count: $0.spans.count) }
        var entryCount = 0
        for (chunk, index) in placed where chunk >= 0 {
            // Read in place: a copy of a chunk would count a reference for each of its lists.
            let span = chunks[Int(chunk)].spans[Int(index)]
            for (footprint, identities) in chunks[Int(chunk)].footprints[span.footprints] {
                footprints?.add(footprint, for: identities, graph: graph)
            }
            let starts = chunks[Int(chunk)].report.starts
            let offset = entryCount - starts[span.sources.lowerBound]
            if locating {
                for source in span.sources where starts[source] < starts[source + 1] {
                    positions?[chunks[Int(chunk)].collector.source(at: source)] =
                        (starts[source] + offset)..<(starts[source + 1] + offset)
                }
            }
            placeOfSpan[Int(chunk)][Int(index)] = entryCount
            entryCount += starts[span.sources.upperBound] - starts[span.sources.lowerBound]
        }
        // Each chunk writes its own sources' entries where they go, on its own core again.
        let places = placeOfSpan
        let sources = ParallelChunks.array(count: entryCount, parts: chunks.count) { chunk, start in
            // One copy of the chunk, not one per span: each copy counts a reference per list.
            let part = chunks[chunk]
            let names = SourceNames(graph: graph)
            for (span, place) in zip(part.spans, places[chunk]) {
                part.collector.write(part.report, sources: span.sources, names: names, to: start + place)
            }
        }
        return WhoCanReachAnswer(
            destination: destination.ref, traffic: traffic, sources: sources,
            sourcesAnalysed: chunks.reduce(0) { $0 + $1.collector.sourceCount })
    }

    /// The tasks' indices ordered by subnet (stably: a subnet's interfaces, then its hosts;
    /// sites and the internet last), with the subnet of each position in that order and about
    /// what it costs: one per group of interfaces or class of a subnet's hosts (which take an
    /// interface's walk), four per class of a site or the internet (each walked).
    private func bySubnet(_ tasks: [SourceTask]) -> (order: [Int], subnets: [Int], costs: [Int]) {
        let last = graph.subnets.count
        let subnetOfTask = tasks.map { task in
            switch task {
            case .interfaceGroup(let index): catalog.interfaceGroups[index].subnet
            case .unaddressedInterface(let interface): graph.interfaces[interface].subnet
            case .subnetHosts(let subnet): subnet
            case .addressClasses: last
            }
        }
        // A counting sort: tasks per subnet, then each task at its subnet's next place.
        var next = [Int](repeating: 0, count: last + 2)
        for subnet in subnetOfTask { next[subnet + 1] += 1 }
        for subnet in 0...last { next[subnet + 1] += next[subnet] }
        var order = [Int](repeating: 0, count: tasks.count)
        var subnets = [Int](repeating: 0, count: tasks.count)
        var costs = [Int](repeating: 1, count: tasks.count)
        for (task, subnet) in subnetOfTask.enumerated() {
            order[next[subnet]] = task
            subnets[next[subnet]] = subnet
            switch tasks[task] {
            case .subnetHosts(let hosts): costs[next[subnet]] = catalog.freeHostClasses[hosts].count
            case .addressClasses(_, let classes): costs[next[subnet]] = classes.count * 4
            case .interfaceGroup, .unaddressedInterface: break
            }
            next[subnet] += 1
        }
        return (order, subnets, costs)
    }

    /// One chunk's sources, gathered: its collector with its report, and for each task it
    /// answered (in the order it answered them), the task's sources and footprints, so that
    /// the parts join in the order of the tasks.
    private struct GatheredChunk: Sendable {
        /// One task's share of a chunk.
        struct TaskSpan: Sendable {
            /// The task, by its place among every task.
            let task: Int
            /// Its sources, in the order the chunk recorded them.
            let sources: Range<Int>
            /// Its answers' footprints (when recording), at ``GatheredChunk/footprints``.
            let footprints: Range<Int>
        }

        let collector: SourceCollector
        let report: SourceCollector.Report
        let spans: [TaskSpan]
        /// What each answer rested on (when recording), with the sources it answered.
        let footprints: [(AnswerFootprint, [SourceIdentity])]
    }

    /// Hands `body` the answers of every source in `scope` (whose interfaces are `groups`) but
    /// the `excluded` interfaces (the destination's own), one at a time, in the order the
    /// answer lists them (the answers of one source come one after another), on the calling
    /// thread, with a session whose caches outlive the question (the matrix answers many
    /// destinations with one).
    func forEachAnswer(
        of destination: Endpoint, scope: SourceScope, groups: ScopedInterfaceGroups,
        excluding excluded: ExcludedInterfaces, recording: Bool, in session: inout AnalysisSession,
        _ body: (AnsweredSources) -> Void
    ) {
        for task in sourceTasks(scope: scope, excluding: excluded) {
            answer(
                task, to: destination, in: &session, recording: recording, groups: groups,
                excluding: excluded, body)
        }
    }

    /// Sources answered together: one group of identical interfaces, one interface without an
    /// address, or a subnet's hosts, an on-prem site or the internet, one address class at a
    /// time (each class a member narrowed to its representative). A source is never split
    /// between tasks, so that one chunk gathers all of its entries.
    private enum SourceTask: Sendable {
        case interfaceGroup(Int)
        case unaddressedInterface(Int)
        /// A subnet's hosts without interfaces, one address class at a time: its member and
        /// classes are made by the core that answers them, not for thousands of subnets
        /// before the work is split.
        case subnetHosts(Int)
        case addressClasses(SourceIdentity, [(member: EndpointMember, addresses: IPv4AddressSet)])
    }

    /// One task's answer, combined over the destination's members (see
    /// ``SourceCollector/combined(_:traffic:)``) and shared by its sources.
    struct AnsweredSources: Sendable {
        let sources: AnsweredSourceList
        let reach: FlowReach
        let witness: Witness?
        /// The interface whose walk answered a group of interfaces.
        let representative: Int?
        let footprint: AnswerFootprint?
    }

    /// The sources one answer holds for, without a list made per answer: a group's interfaces
    /// (places in the scope's lists, unless some member is not asked about), or one other
    /// source.
    enum AnsweredSourceList: Sendable {
        /// Interfaces of a group, each at its private IP.
        case interfaces(ScopedInterfaceGroups.Members)
        /// A subnet's hosts, a site or the internet, at some of its addresses.
        case one(SourceIdentity, IPv4AddressSet)

        /// The addresses an answer holds for at one source: an interface's private IP, made
        /// into a set only when read (the matrix counts thousands of interfaces per answer
        /// and reads a few).
        enum Addresses {
            case interface(IPv4Address)
            case set(IPv4AddressSet)

            /// The addresses as a set.
            var set: IPv4AddressSet {
                switch self {
                case .interface(let address): IPv4AddressSet(address)
                case .set(let addresses): addresses
                }
            }
        }

        /// Calls `body` with each source and its addresses, in order; a group's members are
        /// read from `groups`, the scope it was answered in.
        func forEach(in groups: ScopedInterfaceGroups, _ body: (SourceIdentity, Addresses) -> Void) {
            switch self {
            case .interfaces(let members):
                groups.forEach(members) { interface, address in
                    body(.interface(interface), .interface(address))
                }
            case .one(let identity, let addresses):
                body(identity, .set(addresses))
            }
        }

        /// Every source, in order; a group's members are read from `groups`.
        func identities(in groups: ScopedInterfaceGroups) -> [SourceIdentity] {
            var identities: [SourceIdentity] = []
            forEach(in: groups) { identity, _ in identities.append(identity) }
            return identities
        }
    }

    /// The tasks of every source in `scope`, in the order the answer lists them.
    private func sourceTasks(scope: SourceScope, excluding excluded: ExcludedInterfaces) -> [SourceTask] {
        var tasks: [SourceTask] = catalog.interfaceGroups.indices.map { .interfaceGroup($0) }
        for interface in catalog.unaddressedInterfaces
        where scope.includes(interface: interface) && !excluded.interfaces.contains(interface) {
            tasks.append(.unaddressedInterface(interface))
        }
        // A scope names a few subnets, out of thousands: visit only theirs, in order.
        let subnets =
            scope.includesSubnetHosts
            ? scope.subnets.map { $0.sorted() } ?? Array(catalog.freeHostAddresses.indices) : []
        func classes(
            of member: EndpointMember, _ split: [(representative: IPv4Address, addresses: IPv4AddressSet)]
        ) -> [(member: EndpointMember, addresses: IPv4AddressSet)] {
            split.map { (member.narrowed(to: $0.representative), $0.addresses) }
        }
        for subnet in subnets where !catalog.freeHostAddresses[subnet].isEmpty {
            tasks.append(.subnetHosts(subnet))
        }
        for (index, site) in graph.onPremSites.enumerated() where scope.includes(onPremSite: index) {
            let member = EndpointMember.onPremSite(index, site)
            tasks.append(
                .addressClasses(
                    .onPremSite(index), classes(of: member, catalog.classes.split(member.addresses))))
        }
        if scope.includesInternet {
            let member = EndpointMember.internet(catalog.internetHostAddresses)
            tasks.append(.addressClasses(.internet, classes(of: member, catalog.internetHostClasses)))
        }
        return tasks
    }

    /// Answers one task against every member of `destination`, noting its footprint when
    /// `recording`, and hands `body` each answer (one per address class of a subnet's hosts,
    /// a site or the internet); none for a group none of whose interfaces is asked about (in
    /// scope, as `groups` has them, and not `excluded`, the destination's own interfaces).
    private func answer(
        _ task: SourceTask, to destination: Endpoint, in session: inout AnalysisSession, recording: Bool,
        groups: ScopedInterfaceGroups, excluding excluded: ExcludedInterfaces,
        _ body: (AnsweredSources) -> Void
    ) {
        /// The sources' answer, from `answer`'s answers to each of the destination's members.
        func answered(
            _ sources: AnsweredSourceList, representative: Int? = nil,
            _ answer: (inout AnalysisSession, EndpointMember) -> (reach: FlowReach, witness: Witness?)
        ) -> AnsweredSources {
            session.footprint = recording ? AnswerFootprint() : nil
            // A destination of one member (every interface, an instance's endpoint): its answer
            // as it is, without a list of one.
            let (reach, witness) =
                destination.members.count == 1
                ? answer(&session, destination.members[0])
                : SourceCollector.combined(
                    destination.members.map { answer(&session, $0) }, traffic: session.traffic)
            return AnsweredSources(
                sources: sources, reach: reach, witness: witness, representative: representative,
                footprint: session.footprint)
        }
        func answered(_ sources: AnsweredSourceList, _ member: EndpointMember) -> AnsweredSources {
            answered(sources) { session, destination in session.answer(from: member, to: destination) }
        }
        switch task {
        case .interfaceGroup(let index):
            guard var members = groups.members(of: index, in: catalog) else { return }
            if excluded.groups.contains(index) {
                // The destination itself is in this group: it is not its own source.
                members = groups.kept(members) { !excluded.interfaces.contains($0) }
            }
            guard let (first, address) = groups.first(of: members) else { return }
            // The group's walk key is read in place: a copy of the group would count a
            // reference for each of its lists.
            let walk = AnalysisSession.SharedWalk(
                key: catalog.interfaceGroups[index].walkKey, slot: catalog.interfaceGroups[index].walkSlot)
            body(
                answered(.interfaces(members), representative: first) { session, destination in
                    session.answer(fromInterface: first, at: address, to: destination, walk: walk)
                })
        case .unaddressedInterface(let interface):
            let member = EndpointMember.interface(interface, graph: graph)
            body(answered(.one(.interface(interface), member.addresses), member))
        case .subnetHosts(let subnet):
            for (representative, addresses) in catalog.freeHostClasses[subnet] {
                body(
                    answered(.one(.subnetHosts(subnet), addresses)) { session, destination in
                        session.answer(fromHostsOf: subnet, at: representative, to: destination)
                    })
            }
        case .addressClasses(let identity, let classes):
            for (member, addresses) in classes { body(answered(.one(identity, addresses), member)) }
        }
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
