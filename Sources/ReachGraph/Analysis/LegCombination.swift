import ReachNetwork

/// What the filters of a whole path admit, per leg, before the source port is accounted for.
///
/// Request-leg sets are in terms of the request (destination ports, ICMP types); reply-leg
/// sets in terms of the reply, whose destination port is the request's source port and whose
/// ICMP type answers the request's (an echo request, 8, is answered by an echo reply, 0).
struct LegAdmission {
    var requestAllowed = TrafficSet.all
    var requestNotDenied = TrafficSet.all
    var replyAllowed = TrafficSet.all
    var replyNotDenied = TrafficSet.all
    var unknownReasons: Set<ReasonCode> = []

    /// The answer over every request, with the client's ephemeral source port left open (S-F-1):
    /// replies that pass for every ephemeral port make a request reachable; for only some of
    /// them, it is unknown when ports common clients pick are among them (as the checker does).
    /// `pathUnknown` marks a path that could not be followed to its end.
    func answer(pathUnknown: ReasonCode?) -> FlowReach {
        var reasons = unknownReasons
        if let pathUnknown { reasons.insert(pathUnknown) }
        let requestAllowed = pathUnknown == nil ? self.requestAllowed : .empty
        let replyAllowed = pathUnknown == nil ? self.replyAllowed : .empty
        var reachable = TrafficSet.empty
        var unknown = TrafficSet.empty
        for proto in [IPProtocolNumber.tcp, .udp] {
            let allowedPorts = ports(requestAllowed, proto)
            let notDeniedPorts = ports(requestNotDenied, proto)
            let (allowedVerdict, sourcePortReason) = Self.sourcePortVerdict(
                reaching: ports(replyAllowed, proto), notDenied: ports(replyNotDenied, proto))
            let (uncertainVerdict, _) = Self.sourcePortVerdict(
                reaching: IntervalSet(), notDenied: ports(replyNotDenied, proto))
            switch allowedVerdict {
            case .reachable: reachable = reachable.union(TrafficSet(ports: allowedPorts, of: proto))
            case .unknown:
                unknown = unknown.union(TrafficSet(ports: allowedPorts, of: proto))
                if let sourcePortReason, !allowedPorts.isEmpty { reasons.insert(sourcePortReason) }
            case .unreachable: break
            }
            if uncertainVerdict == .unknown {
                unknown = unknown.union(
                    TrafficSet(ports: notDeniedPorts.subtracting(allowedPorts), of: proto))
            }
        }
        let icmpAllowed = requestAllowed.icmpTypes.intersection(Self.echoPreimage(replyAllowed.icmpTypes))
        let icmpNotDenied = requestNotDenied.icmpTypes.intersection(
            Self.echoPreimage(replyNotDenied.icmpTypes))
        reachable = reachable.union(TrafficSet(icmpTypes: icmpAllowed))
        unknown = unknown.union(TrafficSet(icmpTypes: icmpNotDenied))
        reachable = reachable.union(
            TrafficSet(
                otherProtocols: requestAllowed.otherProtocols.intersection(replyAllowed.otherProtocols)))
        unknown = unknown.union(
            TrafficSet(
                otherProtocols: requestNotDenied.otherProtocols.intersection(replyNotDenied.otherProtocols)))
        return FlowReach(reachable: reachable, unknown: unknown, unknownReasons: reasons)
    }

    private func ports(_ set: TrafficSet, _ proto: IPProtocolNumber) -> IntervalSet<UInt16> {
        proto == .tcp ? set.tcpPorts : set.udpPorts
    }

    /// The request ICMP types whose reply type is in `replyTypes`: an echo request (8) is
    /// answered by an echo reply (0), every other type by its own type.
    static func echoPreimage(_ replyTypes: IntervalSet<UInt8>) -> IntervalSet<UInt8> {
        var result = replyTypes.subtracting(IntervalSet(8...8))
        if replyTypes.contains(0) { result = result.union(IntervalSet(8...8)) }
        return result
    }

    private static let ephemeral = IntervalSet(PortRange.ephemeral.closedRange)
    private static let commonClientPorts = IntervalSet(ReachabilityChecker.commonClientPorts.closedRange)

    /// The verdict over every ephemeral source port for a request its filters allow, given the
    /// source ports whose replies get through (`reaching`) and those not denied (`notDenied`).
    static func sourcePortVerdict(reaching: IntervalSet<UInt16>, notDenied: IntervalSet<UInt16>) -> (
        Verdict, ReasonCode?
    ) {
        let reachingPorts = reaching.intersection(ephemeral)
        let uncertain = notDenied.intersection(ephemeral).subtracting(reachingPorts)
        if reachingPorts == ephemeral { return (.reachable, nil) }
        if reachingPorts.isEmpty { return (uncertain.isEmpty ? .unreachable : .unknown, nil) }
        if !reachingPorts.intersection(commonClientPorts).isEmpty { return (.unknown, .sourcePortDependent) }
        return (uncertain.isEmpty ? .unreachable : .unknown, nil)
    }
}
