import ReachModel
import ReachNetwork

/// Answers one source address to one destination address for all traffic at once.
///
/// The path a packet takes depends on its addresses, not its ports, except through a load
/// balancer listener or a Network Firewall. So the tracer walks the path once, recording the
/// network ACLs and security groups on the way instead of judging them, and the recorded filters
/// are then evaluated for every protocol and port as interval sets. A path that does go through
/// a port-dependent component is answered by tracing one packet per class of ports instead.
struct PairAnalyzer {
    let graph: ForwardingGraph
    private let checker: ReachabilityChecker
    private(set) var filters: FilterEvaluator
    /// Answers by the filter results of their paths.
    private var answers: [PathKey: FlowReach] = [:]
    /// Counts the filter evaluators made: a ``Template`` holds ids of the one it was made with.
    private var generation = 0
    private let shapes: FilterShapes

    init(graph: ForwardingGraph, shapes: FilterShapes) {
        self.graph = graph
        self.shapes = shapes
        checker = ReachabilityChecker(graph: graph)
        filters = FilterEvaluator(graph: graph, shapes: shapes)
    }

    /// Where each class of destination ports starts, for port-dependent paths (rare, so
    /// computed when one is met rather than up front).
    private var portClassStarts: [UInt16] {
        var starts = Set(graph.destinationPortClasses).union(graph.portBoundaries)
        for balancer in graph.loadBalancers {
            for listener in balancer.listeners {
                starts.insert(listener.port)
                if listener.port < UInt16.max { starts.insert(listener.port + 1) }
            }
        }
        starts.insert(0)
        return starts.sorted()
    }

    /// One walk of the path: the filters met, the route tables read and how the path ended.
    struct Walk {
        var checks: [FilterCheck]
        /// The route tables read; nil when the walk was not asked to note them.
        var lookups: [RouteLookup]?
        var blockReason: ReasonCode?
        var unknownReason: ReasonCode?
        var dependsOnPorts: Bool
        var zoneChoices: Int
        /// Whether the path read the source's public IP (it left through an internet gateway).
        var readsPublicAddresses: Bool
        /// The walk judged for the interface it was walked from, when kept for the sources
        /// that stand in for it (see `templatedFor` in ``PairAnalyzer/allWalks``): kept in the
        /// walk rather than in a list beside the walks, one allocation fewer per walk kept.
        var template: Template?
    }

    /// Walks the path of a probe packet between two addresses, recording its filters, and
    /// the route tables it reads when `notingLookups`.
    func walk(
        from source: TracePlace, _ sourceAddress: IPv4Address, to destination: TracePlace,
        _ destinationAddress: IPv4Address, zoneChoice: Int = 0, notingLookups: Bool
    ) -> Walk {
        var tracer = FlowTracer(
            box: checker.graphBox, assumedAddress: filters.assumed, zoneChoice: zoneChoice,
            recordsFilters: true, recordsLookups: notingLookups)
        // Ports do not steer a path that records its filters; the probe's are arbitrary.
        let probe = Packet(
            source: sourceAddress, destination: destinationAddress, protocolNumber: .tcp, sourcePort: 49152,
            destinationPort: 1)
        tracer.follow(probe, from: source, to: destination)
        return Walk(
            checks: tracer.filterChecks, lookups: notingLookups ? tracer.routeLookups : nil,
            blockReason: tracer.blockers.first?.reason,
            unknownReason: tracer.unknown?.reason, dependsOnPorts: tracer.pathDependsOnPorts,
            zoneChoices: tracer.zoneChoices, readsPublicAddresses: tracer.readsPublicAddresses, template: nil)
    }

    /// Starts over with `assumed` as the address of a DB endpoint the input does not give one
    /// (group memberships, and so every cached result, depend on it).
    mutating func assume(_ assumed: (address: IPv4Address, interface: Int)?) {
        guard filters.assumed?.address != assumed?.address || filters.assumed?.interface != assumed?.interface
        else { return }
        filters = FilterEvaluator(graph: graph, shapes: shapes, assumed: assumed)
        answers = [:]
        generation += 1
    }

    /// Every walk between two addresses, one per AZ pick; nil when the path depends on ports.
    /// The route tables read are noted when `notingLookups` (for an answer's footprint); each
    /// walk gets its template when `templatedFor` names the interface walked from (see
    /// ``Walk/template``).
    mutating func allWalks(
        from source: TracePlace, _ sourceAddress: IPv4Address, to destination: TracePlace,
        _ destinationAddress: IPv4Address, notingLookups: Bool, templatedFor interface: Int? = nil
    ) -> [Walk]? {
        var first = walk(
            from: source, sourceAddress, to: destination, destinationAddress, notingLookups: notingLookups)
        if first.dependsOnPorts { return nil }
        if let interface { first.template = template(of: first, source: (interface, sourceAddress)) }
        var result = [first]
        for choice in 1..<max(1, first.zoneChoices) {
            var other = walk(
                from: source, sourceAddress, to: destination, destinationAddress, zoneChoice: choice,
                notingLookups: notingLookups)
            if other.dependsOnPorts { return nil }
            if let interface { other.template = template(of: other, source: (interface, sourceAddress)) }
            result.append(other)
        }
        return result
    }

    /// The answer of every AZ pick's walk: they must agree (S-TGW: AWS picks, the client cannot).
    /// A walk with a template is judged through it.
    mutating func answer(_ walks: [Walk], substitute: Substitution?) -> FlowReach {
        var result = evaluateByTemplate(walks, 0, substitute: substitute)
        for index in walks.indices.dropFirst() {
            result = result.agreeing(
                with: evaluateByTemplate(walks, index, substitute: substitute), disagreement: .zoneDependent)
        }
        return result
    }

    /// A walk judged for the source it was walked from, kept for the other sources of its
    /// subnet and address class, which only some of its checks judge differently.
    struct Template {
        let generation: Int
        /// The results of every check, for the walk's own source.
        let key: PathKey
        /// The answer they make.
        let reach: FlowReach
        /// The checks another source can change: the security groups of the source itself,
        /// and those that judge the source's address (its group memberships differ). Network
        /// ACLs that judge its address judge any address of its class alike.
        let varying: CheckPositions
    }

    /// The template of `walk`, walked from `source`'s interface and address; nil for one with
    /// more checks a stand-in changes than a template notes (each source's walk is then judged
    /// whole). A walk a path-level stop blocked is blocked for every stand-in: its template
    /// judges no check, and its stand-ins share its one answer rather than each making one.
    private mutating func template(of walk: Walk, source: (interface: Int, address: IPv4Address)) -> Template?
    {
        if let reason = walk.blockReason {
            return Template(
                generation: generation, key: PathKey(unknown: nil, filters: []), reach: .blocked(reason),
                varying: CheckPositions())
        }
        var varying = CheckPositions()
        for (position, check) in walk.checks.enumerated() {
            guard case .securityGroups(let interface, _, let peer) = check else { continue }
            if interface == source.interface || peer == source.address {
                guard varying.append(position) else { return nil }
            }
        }
        let key = pathKey(of: walk, substitute: nil)
        return Template(generation: generation, key: key, reach: answer(for: key), varying: varying)
    }

    /// Evaluates the walk at `index` through its template when it has a current one: only the
    /// checks a stand-in source changes are judged again, and when they judge as for the
    /// walk's own source, so does the whole path. The walk is read in place: a copy would
    /// count a reference for each of its lists, for every source that stands in.
    private mutating func evaluateByTemplate(_ walks: [Walk], _ index: Int, substitute: Substitution?)
        -> FlowReach
    {
        guard let template = walks[index].template, template.generation == generation else {
            return evaluate(walks[index], substitute: substitute)
        }
        guard let substitute else { return template.reach }
        var key: PathKey?
        for position in template.varying {
            let admitted = admittedResult(of: walks[index].checks[position], substitute: substitute)
            if admitted == template.key.filters[position] { continue }
            if key == nil { key = template.key }
            key?.filters[position] = admitted
        }
        guard let key else { return template.reach }
        return answer(for: key)
    }

    /// Evaluates a walk's filters, with `substitute` standing in for the walk's source
    /// interface and address (a source of the same subnet and address class, whose own security
    /// groups and group memberships count instead). Paths whose filters give the same results
    /// share one answer.
    mutating func evaluate(_ walk: Walk, substitute: Substitution? = nil) -> FlowReach {
        if let reason = walk.blockReason { return .blocked(reason) }
        return answer(for: pathKey(of: walk, substitute: substitute))
    }

    /// The results of a walk's filters, with `substitute` standing in for its source.
    private mutating func pathKey(of walk: Walk, substitute: Substitution?) -> PathKey {
        var key = PathKey(unknown: walk.unknownReason, filters: [])
        key.filters.reserveCapacity(walk.checks.count)
        for recorded in walk.checks {
            key.filters.append(admittedResult(of: recorded, substitute: substitute))
        }
        return key
    }

    /// What one check admits, with `substitute` standing in for the walk's source; a
    /// reply-leg network ACL's ids negated, since its sets are in terms of the reply.
    private mutating func admittedResult(of recorded: FilterCheck, substitute: Substitution?)
        -> FilterEvaluator.Admitted
    {
        var check = recorded
        if let substitute {
            // A host without an interface has no security groups: they admit everything.
            guard let substituted = substitute.apply(to: recorded) else {
                return FilterEvaluator.Admitted(
                    allowed: FilterEvaluator.everything, notDenied: FilterEvaluator.everything)
            }
            check = substituted
        }
        var admitted = filters.evaluate(check)
        if case .networkACL(_, _, _, .return) = check {
            admitted.allowed = -1 - admitted.allowed
            admitted.notDenied = -1 - admitted.notDenied
        }
        return admitted
    }

    /// The answer a path's filter results make, computed once per distinct result.
    private mutating func answer(for key: PathKey) -> FlowReach {
        if let cached = answers[key] { return cached }
        var legs = LegAdmission()
        for admitted in key.filters {
            if let reason = admitted.unknownReason { legs.unknownReasons.insert(reason) }
            if admitted.allowed < 0 {
                legs.replyAllowed = legs.replyAllowed.intersection(filters.sets[-1 - admitted.allowed])
                legs.replyNotDenied = legs.replyNotDenied.intersection(filters.sets[-1 - admitted.notDenied])
            } else {
                legs.requestAllowed = legs.requestAllowed.intersection(filters.sets[admitted.allowed])
                legs.requestNotDenied = legs.requestNotDenied.intersection(filters.sets[admitted.notDenied])
            }
        }
        let answer = legs.answer(pathUnknown: key.unknown)
        answers[key] = answer
        return answer
    }

    /// A path as its filters judged it: reply-leg results are stored as negative ids.
    struct PathKey: Hashable {
        let unknown: ReasonCode?
        var filters: [FilterEvaluator.Admitted]

        /// The filters' ids folded into one word before hashing, rather than each field of
        /// each filter hashed: a key is hashed for every walk and for many sources. Equal keys
        /// fold alike (a filter's unknown reason counts by its presence; equality, as synthesized,
        /// compares it).
        func hash(into hasher: inout Hasher) {
            var folded = UInt64(truncatingIfNeeded: filters.count)
            for admitted in filters {
                folded = (folded &* 0x0000_0100_0000_01B3) ^ UInt64(truncatingIfNeeded: admitted.allowed)
                folded = (folded &* 0x0000_0100_0000_01B3) ^ UInt64(truncatingIfNeeded: admitted.notDenied)
                folded = (folded &* 0x0000_0100_0000_01B3) ^ (admitted.unknownReason == nil ? 0 : 1)
            }
            hasher.combine(folded)
            hasher.combine(unknown)
        }
    }

    /// One source standing in for another in a recorded walk: an interface of the same subnet
    /// and address class, or (`interface.to` nil) a host of the subnet without an interface.
    struct Substitution {
        let interface: (from: Int, to: Int?)
        let address: (from: IPv4Address, to: IPv4Address)

        /// The check as the stand-in meets it; nil for the walked interface's own security
        /// groups when the stand-in is a host, which has none (S-SG-1: groups are evaluated
        /// at the ENI, so nothing is judged).
        func apply(to check: FilterCheck) -> FilterCheck? {
            switch check {
            case .networkACL(let subnet, let outbound, let peer, let leg):
                return .networkACL(
                    subnet: subnet, outbound: outbound, peer: peer == address.from ? address.to : peer,
                    leg: leg)
            case .securityGroups(let index, let facing, let peer):
                let judged: Int
                if index == interface.from {
                    guard let standIn = interface.to else { return nil }
                    judged = standIn
                } else {
                    judged = index
                }
                return .securityGroups(
                    interface: judged, facing: facing, peer: peer == address.from ? address.to : peer)
            }
        }
    }

    // MARK: - Port-dependent paths

    /// Traces one packet per class of ports and protocol, each over every ephemeral source port
    /// and AZ pick, exactly as `check` does, and assembles the answer.
    func tracedPerPortClass(
        _ source: EndpointMember, _ sourceAddress: IPv4Address, _ destination: EndpointMember,
        _ destinationAddress: IPv4Address, _ destinationQuantifier: AddressQuantifier
    ) -> FlowReach {
        var answer = FlowReach.blocked(nil)
        func add(_ traffic: TrafficSet, _ proto: IPProtocolNumber, _ port: UInt16) {
            let variant = ReachabilityChecker.FlowVariant(
                proto: proto, destinationPort: port, sourcePort: proto.hasPorts ? nil : 0, label: "")
            let outcome = checker.traceOverSourcePorts(
                source, sourceAddress, destination, destinationAddress, variant, destinationQuantifier)
            switch outcome.verdict {
            case .reachable:
                answer.reachable = answer.reachable.union(traffic)
            case .unknown:
                answer.unknown = answer.unknown.union(traffic)
                if let reason = outcome.reason ?? outcome.trace.reason {
                    answer.unknownReasons.insert(reason)
                }
            case .unreachable:
                if answer.blockReason == nil { answer.blockReason = outcome.trace.reason }
            }
        }
        let starts = portClassStarts
        for proto in [IPProtocolNumber.tcp, .udp] {
            for (position, start) in starts.enumerated() {
                let end = position + 1 < starts.count ? starts[position + 1] - 1 : UInt16.max
                add(TrafficSet(ports: IntervalSet(start...end), of: proto), proto, start)
            }
        }
        // ICMP: every type a rule names, echo request and reply (whose reply types differ), and
        // one other type standing for the rest.
        let singled = Set(graph.icmpTypeClasses.dropLast()).union([0, 8])
        for type in singled.sorted() {
            add(TrafficSet(icmpTypes: IntervalSet(type...type)), .icmp, UInt16(type))
        }
        let otherTypes = IntervalSet<UInt8>.full.subtracting(IntervalSet(singled.map { $0...$0 }))
        if let other = otherTypes.first { add(TrafficSet(icmpTypes: otherTypes), .icmp, UInt16(other)) }
        let namedOthers = graph.namedOtherProtocols
        for proto in namedOthers { add(TrafficSet(protocol: proto), proto, 0) }
        let unlisted = graph.unlistedProtocol
        let rest = IntervalSet<UInt8>.full.subtracting(IntervalSet(namedOthers.map { $0.number...$0.number }))
        add(TrafficSet(otherProtocols: rest), unlisted, 0)
        return FlowReach(
            reachable: answer.reachable, unknown: answer.unknown, unknownReasons: answer.unknownReasons,
            blockReason: answer.reachable.isEmpty ? answer.blockReason : nil)
    }
}
