import ReachModel
import ReachNetwork

/// Answers flow queries over a ``ForwardingGraph`` with the concrete ``FlowTracer``.
///
/// A source or destination can stand for a set of addresses (the internet, a subnet, a DB whose
/// address is not given) and the ephemeral source port for a range. The graph's predicates only
/// change their answer at known boundaries (every CIDR, IP and port range in the topology), so
/// tracing one representative of each class between boundaries answers for the whole set
/// exactly. Sets the question is about (`anyOf`: the internet, a subnet) are reachable when any
/// class reaches; sets the input fails to pin down (`oneOf`: an unknown DB address, the client's
/// ephemeral port) must agree across classes, else the answer is `unknown`.
public struct ReachabilityChecker: Sendable {
    /// The graph queried.
    public let graph: ForwardingGraph
    /// The same graph behind one reference, shared by every tracer this checker starts.
    let graphBox: GraphBox

    /// A checker over `graph`.
    public init(graph: ForwardingGraph) {
        self.graph = graph
        graphBox = GraphBox(graph)
    }

    /// Resolves names through an ``EndpointResolver`` over the same graph.
    public var resolver: EndpointResolver { EndpointResolver(graph: graph) }

    /// Answers `query`.
    public func check(_ query: FlowQuery) throws(FlowQueryError) -> CheckResult {
        let protocols = try flowVariants(query)
        var outcomes: [MemberOutcome] = []
        var traces = 0
        for destination in query.destination.members {
            var perSource: [MemberOutcome] = []
            for source in query.source.members {
                if source.place == destination.place, query.source.members.count == 1,
                    query.destination.members.count == 1,
                    source.quantifier != .anyOf
                {
                    throw .sameEndpoint(query.source.ref.description)
                }
                let outcome = checkPair(source, destination, protocols, query)
                traces += outcome.traces
                perSource.append(outcome)
            }
            // Several source members (a cluster's readers as the source) are alternatives: the
            // flow is answered by the best of them.
            outcomes.append(perSource.min { $0.rank < $1.rank } ?? perSource[0])
        }
        return combine(outcomes, query: query, traces: traces)
    }

    // MARK: - Flow variants

    /// The protocol/port combinations to trace: one for a single protocol, or one per class
    /// of every protocol and port for `all`.
    private func flowVariants(_ query: FlowQuery) throws(FlowQueryError) -> [FlowVariant] {
        switch query.flowProtocol {
        case .single(let proto) where proto.hasPorts:
            guard let port = query.destinationPort ?? query.destination.databasePort else {
                throw .missingPort
            }
            return [
                FlowVariant(
                    proto: proto, destinationPort: port, sourcePort: query.sourcePort,
                    label: "\(proto)/\(port)")
            ]
        case .single(let proto):
            if query.destinationPort != nil || query.sourcePort != nil {
                throw .portWithoutPorts(proto.description)
            }
            if proto == .icmp {
                return [
                    FlowVariant(
                        proto: .icmp, destinationPort: UInt16(query.icmpType),
                        sourcePort: UInt16(query.icmpCode),
                        label: "icmp type \(query.icmpType) code \(query.icmpCode)")
                ]
            }
            return [FlowVariant(proto: proto, destinationPort: 0, sourcePort: 0, label: "protocol \(proto)")]
        case .all:
            if query.destinationPort != nil || query.sourcePort != nil { throw .portWithoutPorts("all") }
            var variants: [FlowVariant] = []
            for proto in [IPProtocolNumber.tcp, .udp] {
                for port in graph.destinationPortClasses {
                    variants.append(
                        FlowVariant(
                            proto: proto, destinationPort: port, sourcePort: nil, label: "\(proto)/\(port)"))
                }
            }
            for type in graph.icmpTypeClasses {
                variants.append(
                    FlowVariant(
                        proto: .icmp, destinationPort: UInt16(type), sourcePort: 0, label: "icmp type \(type)"
                    ))
            }
            variants.append(
                FlowVariant(
                    proto: graph.unlistedProtocol, destinationPort: 0, sourcePort: 0,
                    label: "protocol \(graph.unlistedProtocol)"))
            return variants
        }
    }

    // MARK: - Enumeration

    /// The representatives of `set` split at the graph's address boundaries.
    func addressClasses(_ set: IPv4AddressSet) -> [(IPv4Address, IPv4AddressSet)] {
        var result: [(IPv4Address, IPv4AddressSet)] = []
        let boundaries = graph.addressBoundaries
        for interval in set.storage.intervals {
            var low = interval.lowerBound
            // First boundary strictly above `low`.
            var b = boundaries.partitionPoint { $0 > low }
            while true {
                let high: UInt32
                if b < boundaries.count, boundaries[b] - 1 < interval.upperBound {
                    high = boundaries[b] - 1
                } else {
                    high = interval.upperBound
                }
                result.append((IPv4Address(low), IPv4AddressSet(storage: IntervalSet(low...high))))
                if high == interval.upperBound { break }
                low = high + 1
                b += 1
            }
        }
        return result
    }

    /// Representatives of the ephemeral source ports, split where any network ACL entry changes.
    private var ephemeralPortClasses: [(UInt16, [PortRange])] {
        Self.ephemeralPortClasses(splitAt: graph.portBoundaries).map { ($0.0, [$0.1]) }
    }

    /// Representatives of the ephemeral source ports that the network ACLs in `replyACLs`
    /// (``FlowTrace/replyACLs``) treat alike for `proto`: ports in one class are allowed by
    /// the same of those ACLs, so a trace of one answers for all. Nil when there are too many
    /// ACLs to tell apart this way.
    private func ephemeralPortClasses(replyACLs: [ReplyACLCheck], proto: IPProtocolNumber)
        -> [(UInt16, [PortRange])]?
    {
        guard replyACLs.count <= UInt64.bitWidth else { return nil }
        var boundaries: [UInt16] = []
        for check in replyACLs { check.addPortBoundaries(for: proto, in: graph, to: &boundaries) }
        guard !boundaries.isEmpty else { return [(PortRange.ephemeral.lowerBound, [PortRange.ephemeral])] }
        boundaries.sort()
        // Pieces allowed by the same ACLs form one class, represented by its lowest port.
        var classes: [(UInt16, [PortRange])] = []
        var patterns: [UInt64] = []
        for (port, range) in Self.ephemeralPortClasses(splitAt: boundaries) {
            var pattern: UInt64 = 0
            for (bit, check) in replyACLs.enumerated() where check.allows(proto, port: port, in: graph) {
                pattern |= 1 << UInt64(bit)
            }
            if let index = patterns.firstIndex(of: pattern) {
                classes[index].1.append(range)
            } else {
                patterns.append(pattern)
                classes.append((port, [range]))
            }
        }
        return classes
    }

    /// The ephemeral range cut at the sorted `boundaries`, each piece with its lowest port.
    private static func ephemeralPortClasses(splitAt boundaries: [UInt16]) -> [(UInt16, PortRange)] {
        var result: [(UInt16, PortRange)] = []
        var low = PortRange.ephemeral.lowerBound
        for boundary in boundaries where boundary > low {
            if let range = PortRange(low, boundary - 1) { result.append((low, range)) }
            low = boundary
        }
        if let range = PortRange(low, PortRange.ephemeral.upperBound) { result.append((low, range)) }
        return result
    }

    struct FlowVariant {
        let proto: IPProtocolNumber
        let destinationPort: UInt16
        let sourcePort: UInt16?
        let label: String
    }

    /// The outcome for one source member and one destination member.
    struct MemberOutcome {
        var verdict: Verdict
        var trace: FlowTrace
        var notes: [String]
        var traces: Int
        /// Unknown reasons produced here rather than by a trace.
        var reason: ReasonCode?

        /// Reachable before unknown before unreachable; fewer blockers first.
        var rank: (Int, Int) {
            let order =
                switch verdict {
                case .reachable: 0
                case .unknown: 1
                case .unreachable: 2
                }
            return (order, trace.blockers.count)
        }
    }

    /// The addresses a source sends to `destination` at: its public IP when the query named
    /// it, or when the source is outside AWS and the destination is an interface that has one.
    func destinationAddresses(sourceIsInsideAWS: Bool, _ destination: EndpointMember) -> (
        IPv4AddressSet, AddressQuantifier
    ) {
        if destination.prefersPublicAddress, let address = destination.publicAddress {
            return (IPv4AddressSet(address), .exact)
        }
        if !sourceIsInsideAWS, case .interface = destination.place, let address = destination.publicAddress {
            return (IPv4AddressSet(address), .exact)
        }
        return (destination.addresses, destination.quantifier)
    }

    /// S-GW-1: from the internet, an interface without a public IP, and a DB that is not
    /// publicly accessible, have no address to send to.
    func unaddressableFromInternet(_ source: EndpointMember, _ destination: EndpointMember)
        -> MemberOutcome?
    {
        guard source.place == .internet, case .interface = destination.place, destination.publicAddress == nil
        else {
            return nil
        }
        let blocker =
            destination.isPrivateDatabase
            ? Blocker(
                component: destination.ref, rule: "PubliclyAccessible: false",
                reason: .dbNotPubliclyAccessible,
                direction: .forward,
                detail:
                    "\(destination.ref) is not publicly accessible: it has no public IP, so the internet cannot address it (S-GW-1)",
                isFirst: true)
            : Blocker(
                component: destination.ref, rule: nil, reason: .noPublicIP, direction: .forward,
                detail:
                    "\(destination.ref) has no public or Elastic IP, so the internet cannot address it (S-GW-1)",
                isFirst: true)
        return MemberOutcome(
            verdict: .unreachable,
            trace: FlowTrace(request: nil, hops: [], blockers: [blocker], unknown: nil), notes: [],
            traces: 0)
    }

    private func checkPair(
        _ source: EndpointMember, _ destination: EndpointMember, _ variants: [FlowVariant], _ query: FlowQuery
    ) -> MemberOutcome {
        if let blocked = unaddressableFromInternet(source, destination) { return blocked }
        let (destinationSet, destinationQuantifier) = destinationAddresses(
            sourceIsInsideAWS: source.isInsideAWS, destination)
        let sourceClasses =
            source.quantifier == .exact
            ? source.addresses.first.map { [($0, source.addresses)] } ?? [] : addressClasses(source.addresses)
        let destinationClasses =
            destinationQuantifier == .exact
            ? destinationSet.first.map { [($0, destinationSet)] } ?? [] : addressClasses(destinationSet)
        var traces = 0
        var best: MemberOutcome?
        var reachingSources = IPv4AddressSet()
        var allVariantsReach = true
        var reachingVariants: [String] = []
        for variant in variants {
            var variantBest: MemberOutcome?
            for (sourceAddress, sourceClass) in sourceClasses {
                // For one source address: every oneOf choice must agree.
                var perDestination: MemberOutcome?
                for (destinationAddress, _) in destinationClasses {
                    let outcome = traceOverSourcePorts(
                        source, sourceAddress, destination, destinationAddress, variant, destinationQuantifier
                    )
                    traces += outcome.traces
                    perDestination = merge(
                        perDestination, outcome, anyOf: destinationQuantifier == .anyOf,
                        disagreement: .addressNotKnown,
                        note:
                            "the answer depends on which address of \(destination.ref) the endpoint has, which the input does not give"
                    )
                }
                guard let outcome = perDestination else { continue }
                if outcome.verdict == .reachable { reachingSources = reachingSources.union(sourceClass) }
                variantBest = merge(
                    variantBest, outcome, anyOf: true, disagreement: .addressNotKnown, note: "")
            }
            guard let outcome = variantBest else { continue }
            if outcome.verdict != .reachable { allVariantsReach = false }
            // `all` means every protocol and port: the worst variant decides.
            if let current = best {
                if outcome.rank > current.rank { best = outcome }
            } else {
                best = outcome
            }
            if outcome.verdict == .reachable { reachingVariants.append(variant.label) }
        }
        guard var result = best else {
            let blocker = Blocker(
                component: source.ref, rule: nil, reason: .unknownResource, direction: .forward,
                detail: "no address of \(source.ref) or \(destination.ref) is available to trace",
                isFirst: true)
            let empty = FlowTrace(
                request: nil, hops: [], blockers: [], unknown: blocker)
            return MemberOutcome(
                verdict: .unknown, trace: empty, notes: [], traces: traces, reason: .unknownResource)
        }
        result.traces = traces
        if variants.count > 1, !allVariantsReach {
            result.notes.append(
                reachingVariants.isEmpty
                    ? "no protocol or port gets through"
                    : "not all traffic gets through; what does: \(reachingVariants.joined(separator: ", "))")
        }
        if result.verdict == .reachable, source.quantifier == .anyOf, reachingSources != source.addresses,
            variants.count == 1
        {
            result.notes.append("reachable only from part of \(source.ref): \(reachingSources)")
        }
        return result
    }

    /// The source ports common clients pick: Linux (32768-60999) and Windows/IANA (49152-65535).
    static let commonClientPorts = PortRange(32768, 65535) ?? .ephemeral

    /// Traces one source/destination address pair over every class of ephemeral source port.
    /// The client picks the port, so the classes must agree; where they do not, the answer is
    /// unknown if the ports that get through include ports common clients pick, and
    /// unreachable (with a note) if only ports clients do not normally pick get through.
    func traceOverSourcePorts(
        _ source: EndpointMember, _ sourceAddress: IPv4Address, _ destination: EndpointMember,
        _ destinationAddress: IPv4Address, _ variant: FlowVariant, _ destinationQuantifier: AddressQuantifier
    ) -> MemberOutcome {
        var assumed: (address: IPv4Address, interface: Int)?
        if let interface = destination.assumedInterface, destinationQuantifier == .oneOf {
            assumed = (destinationAddress, interface)
        } else if let interface = source.assumedInterface, source.quantifier == .oneOf {
            assumed = (sourceAddress, interface)
        }
        func trace(sourcePort: UInt16) -> FlowTrace {
            let packet = Packet(
                source: sourceAddress, destination: destinationAddress, protocolNumber: variant.proto,
                sourcePort: sourcePort, destinationPort: variant.destinationPort)
            return traceEveryZoneChoice(packet, source, destination, assumed)
        }
        guard variant.proto.hasPorts, variant.sourcePort == nil else {
            let trace = trace(sourcePort: variant.sourcePort ?? 0)
            return MemberOutcome(verdict: trace.verdict, trace: trace, notes: [], traces: 1)
        }
        // The client's port is read only by the network ACLs the reply meets, so the first
        // trace tells which classes of ports can differ, unless the path itself depends on
        // ports; then every class any network ACL makes is traced.
        let firstPort = PortRange.ephemeral.lowerBound
        let first = trace(sourcePort: firstPort)
        let classes =
            (first.pathDependsOnPorts
                ? nil : ephemeralPortClasses(replyACLs: first.replyACLs, proto: variant.proto))
            ?? ephemeralPortClasses
        var reaching: [MemberOutcome] = []
        var reachingRanges: [PortRange] = []
        var failing: [MemberOutcome] = []
        for (port, ranges) in classes {
            let trace = port == firstPort ? first : trace(sourcePort: port)
            let outcome = MemberOutcome(
                verdict: trace.verdict, trace: trace, notes: [], traces: classes.count)
            if trace.verdict == .reachable {
                reaching.append(outcome)
                reachingRanges += ranges
            } else {
                failing.append(outcome)
            }
        }
        let best = failing.min { $0.rank < $1.rank }
        guard let first = reaching.first else {
            return best ?? unknownOutcome(sourceAddress, destinationAddress, variant)
        }
        guard var result = best else { return first }
        // Some ports get through and others do not.
        let reachingPorts = IntervalSet(reachingRanges.map(\.closedRange))
        let allowed = reachingPorts.rangeList
        let common = ReachabilityChecker.commonClientPorts
        let commonPortsGetThrough = reachingPorts.overlaps(common.closedRange)
        if commonPortsGetThrough {
            result.verdict = .unknown
            result.reason = .sourcePortDependent
            result.notes = [
                "the answer depends on the client's ephemeral source port: replies get through only for ports "
                    + "\(allowed); pass --source-port to pin it"
            ]
        } else {
            result.notes = [
                "replies get through only for source ports \(allowed), which clients do not normally pick "
                    + "(they use \(common)); pass --source-port to check one"
            ]
        }
        return result
    }

    /// Traces `packet`, and again for every other AZ AWS could pick where the path leaves that
    /// choice to AWS; the picks must agree, else the answer is unknown (`ZONE_DEPENDENT`).
    private func traceEveryZoneChoice(
        _ packet: Packet, _ source: EndpointMember, _ destination: EndpointMember,
        _ assumed: (address: IPv4Address, interface: Int)?
    ) -> FlowTrace {
        // Alternatives are traced quietly; the one shown is traced again with text when read (`deferringHopText`).
        func quietTrace(_ choice: Int) -> FlowTrace {
            var tracer = FlowTracer(box: graphBox, assumedAddress: assumed, zoneChoice: choice, isQuiet: true)
            var trace = tracer.trace(packet, from: source.place, to: destination.place)
            trace.replay = TraceReplay(
                source: source.place, destination: destination.place, assumedAddress: assumed?.address,
                assumedInterface: assumed?.interface, zoneChoice: choice)
            return trace
        }
        var first = quietTrace(0)
        guard first.zoneChoices > 1 else { return first }
        for choice in 1..<first.zoneChoices {
            let trace = quietTrace(choice)
            // Each pick's reply may meet other network ACLs, which read the source port too.
            first.replyACLs += trace.replyACLs
            first.pathDependsOnPorts = first.pathDependsOnPorts || trace.pathDependsOnPorts
            if trace.verdict != first.verdict {
                var unknown = first.verdict == .reachable ? trace : first
                // The picks not traced may meet other network ACLs: every class gets traced.
                unknown.pathDependsOnPorts = true
                unknown.unknown = Blocker(
                    component: unknown.endedAt ?? .internet, rule: nil, reason: .zoneDependent,
                    direction: .forward,
                    detail:
                        "the answer depends on which availability zone the transit gateway picks for this traffic"
                )
                unknown.blockers = []
                unknown.notes.append(
                    "some availability zones AWS may pick give \(first.verdict.rawValue), others \(trace.verdict.rawValue)"
                )
                return unknown
            }
        }
        first.notes.append(
            "AWS picks the availability zone for this traffic; every pick was traced and they agree")
        return first
    }

    private func unknownOutcome(_ source: IPv4Address, _ destination: IPv4Address, _ variant: FlowVariant)
        -> MemberOutcome
    {
        MemberOutcome(
            verdict: .unknown,
            trace: FlowTrace(
                request: Packet(
                    source: source, destination: destination, protocolNumber: variant.proto, sourcePort: 0,
                    destinationPort: variant.destinationPort), hops: [], blockers: [], unknown: nil),
            notes: [], traces: 0,
            reason: .unknownResource)
    }

    /// Combines two outcomes over alternatives: for `anyOf`, the better one; otherwise they
    /// must agree, and disagreement makes the answer unknown with `disagreement`.
    private func merge(
        _ current: MemberOutcome?, _ next: MemberOutcome, anyOf: Bool, disagreement: ReasonCode, note: String
    ) -> MemberOutcome? {
        guard let current else { return next }
        if anyOf { return next.rank < current.rank ? next : current }
        if current.verdict == next.verdict {
            return next.rank < current.rank ? next : current
        }
        // The traces disagree: keep the one that shows a block (the reachable one proves nothing
        // for the other choices) and say the answer is unknown.
        var result = current.verdict == .reachable ? next : current
        result.verdict = .unknown
        result.reason = disagreement
        if !note.isEmpty, !result.notes.contains(note) { result.notes.append(note) }
        return result
    }

    private func combine(_ outcomes: [MemberOutcome], query: FlowQuery, traces: Int) -> CheckResult {
        let flow: String
        switch query.flowProtocol {
        case .all: flow = "all traffic"
        case .single(let proto) where proto.hasPorts:
            flow = "\(proto)/\(query.destinationPort ?? query.destination.databasePort ?? 0)"
        case .single(let proto) where proto == .icmp:
            flow = "icmp type \(query.icmpType) code \(query.icmpCode)"
        case .single(let proto): flow = "protocol \(proto)"
        }
        var verdicts = Set(outcomes.map(\.verdict))
        var notes = outcomes.flatMap(\.notes)
        for note in outcomes.flatMap(\.trace.notes) where !notes.contains(note) { notes.append(note) }
        var reason: ReasonCode?
        // An endpoint over several instances (an Aurora reader endpoint) is reachable only when all are.
        var shown = outcomes.max { $0.rank < $1.rank } ?? outcomes[0]
        if verdicts.count > 1, outcomes.count > 1 {
            verdicts = [.unknown]
            reason = .endpointPartiallyReachable
            let reachable = outcomes.filter { $0.verdict == .reachable }.count
            notes.append(
                "\(reachable) of \(outcomes.count) instances behind \(query.destination.ref) are reachable")
        }
        let verdict = verdicts.count == 1 ? verdicts.first ?? .unknown : .unknown
        if verdict == .reachable {
            shown = outcomes[0]
        }
        reason = reason ?? shown.reason ?? shown.trace.reason
        if verdict == .reachable { reason = nil }
        return CheckResult(
            verdict: verdict, reason: reason, source: query.source.ref, destination: query.destination.ref,
            flow: flow,
            trace: deferringHopText(shown.trace), notes: notes, tracesRun: traces)
    }

    /// `trace` with the text of its hops, traced again the same way when they are read if it
    /// was traced quietly.
    func deferringHopText(_ trace: FlowTrace) -> FlowTrace {
        guard let replay = trace.replay, let request = trace.request else { return trace }
        var result = trace
        result.hopSource = HopSource(deferred: (replay, request, graphBox))
        result.replay = nil
        return result
    }
}

extension RandomAccessCollection where Index == Int {
    /// The index of the first element for which `belongsInSecondPartition` is true, assuming
    /// the collection is partitioned by it (binary search); for a slice, an index of the base.
    func partitionPoint(_ belongsInSecondPartition: (Element) -> Bool) -> Int {
        var low = startIndex
        var high = endIndex
        while low < high {
            let middle = (low + high) / 2
            if belongsInSecondPartition(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
