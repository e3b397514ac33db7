import ReachGraph
import ReachNetwork

extension FlowTrace {
    /// The request's path as one line of component names: `app-1 -> rtb-app -> db-sg -> orders-db`.
    public var requestPathLine: String {
        var names: [String] = []
        for hop in hops where hop.direction == .forward && hop.action != .skipped {
            let name = hop.component.name.isEmpty ? hop.component.id : hop.component.name
            if names.last != name { names.append(name) }
        }
        return names.joined(separator: " -> ")
    }
}

/// A witness flow in JSON: the packet and the full hop list.
struct WitnessDocument: Encodable {
    let witness: Witness
    let trace: FlowTrace

    private enum Keys: String, CodingKey { case packet, verdict, path }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(witness.packet.description, forKey: .packet)
        try container.encode(trace.verdict, forKey: .verdict)
        try container.encode(trace.hops.map(HopDocument.init), forKey: .path)
    }
}

/// What a source gets through, in JSON.
struct FlowReachDocument: Encodable {
    let reach: FlowReach

    private enum Keys: String, CodingKey { case reachable, unknown, unknownReasons }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(TrafficDocument(reach.reachable), forKey: .reachable)
        try container.encode(TrafficDocument(reach.unknown), forKey: .unknown)
        try container.encode(reach.unknownReasons.map(\.rawValue).sorted(), forKey: .unknownReasons)
    }
}

/// A traffic set in JSON: port and type ranges per protocol, as `5432` or `1024-65535` strings.
struct TrafficDocument: Encodable {
    let traffic: TrafficSet

    init(_ traffic: TrafficSet) {
        self.traffic = traffic
    }

    private enum Keys: String, CodingKey { case tcp, udp, icmpTypes, otherProtocols, summary }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(Self.ranges(traffic.tcpPorts.intervals), forKey: .tcp)
        try container.encode(Self.ranges(traffic.udpPorts.intervals), forKey: .udp)
        try container.encode(Self.ranges(traffic.icmpTypes.intervals), forKey: .icmpTypes)
        try container.encode(Self.ranges(traffic.otherProtocols.intervals), forKey: .otherProtocols)
        try container.encode(traffic.description, forKey: .summary)
    }

    private static func ranges<Bound>(_ intervals: [ClosedRange<Bound>]) -> [String] {
        intervals.map {
            $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)"
        }
    }
}
