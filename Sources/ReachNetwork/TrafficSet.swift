/// An exact set of traffic kinds: tcp and udp destination ports, ICMP types (code 0), and
/// every other IP protocol by number. The symbolic engine's unit of "what gets through".
///
/// ICMP is tracked by type with code 0, the code every common message (echo, echo reply,
/// unreachable's "net") uses; a rule naming another code matches none of it.
public struct TrafficSet: Hashable, Sendable {
    /// TCP destination ports.
    public var tcpPorts: IntervalSet<UInt16>
    /// UDP destination ports.
    public var udpPorts: IntervalSet<UInt16>
    /// ICMP types (code 0).
    public var icmpTypes: IntervalSet<UInt8>
    /// Protocol numbers other than tcp (6), udp (17) and icmp (1), all of their traffic.
    public var otherProtocols: IntervalSet<UInt8>

    /// Creates a set from its parts.
    public init(
        tcpPorts: IntervalSet<UInt16> = IntervalSet(), udpPorts: IntervalSet<UInt16> = IntervalSet(),
        icmpTypes: IntervalSet<UInt8> = IntervalSet(), otherProtocols: IntervalSet<UInt8> = IntervalSet()
    ) {
        self.tcpPorts = tcpPorts
        self.udpPorts = udpPorts
        self.icmpTypes = icmpTypes
        self.otherProtocols = otherProtocols.subtracting(Self.namedProtocols)
    }

    /// The protocols with fields of their own, kept out of ``otherProtocols``.
    private static let namedProtocols = IntervalSet<UInt8>([1...1, 6...6, 17...17])

    /// No traffic.
    public static let empty = TrafficSet()

    /// All traffic: every protocol, port and ICMP type.
    public static let all = TrafficSet(
        tcpPorts: .full, udpPorts: .full, icmpTypes: .full, otherProtocols: .full)

    /// The traffic a security group rule or network ACL entry matches.
    public init(_ match: ProtocolMatch) {
        switch match {
        case .all:
            self = .all
        case .ports(let proto, let range):
            self = TrafficSet(ports: IntervalSet(range.closedRange), of: proto)
        case .icmp(let type, let code):
            if let code, code != 0 {
                self = .empty
            } else {
                self = TrafficSet(icmpTypes: type.map { IntervalSet($0...$0) } ?? .full)
            }
        case .other(let proto):
            self = TrafficSet(protocol: proto)
        }
    }

    /// `ports` of tcp or udp; all of any other protocol.
    public init(ports: IntervalSet<UInt16>, of proto: IPProtocolNumber) {
        switch proto {
        case .tcp: self = TrafficSet(tcpPorts: ports)
        case .udp: self = TrafficSet(udpPorts: ports)
        default: self = TrafficSet(protocol: proto)
        }
    }

    /// All traffic of one protocol.
    public init(protocol proto: IPProtocolNumber) {
        switch proto {
        case .tcp: self = TrafficSet(tcpPorts: .full)
        case .udp: self = TrafficSet(udpPorts: .full)
        case .icmp: self = TrafficSet(icmpTypes: .full)
        default: self = TrafficSet(otherProtocols: IntervalSet(proto.number...proto.number))
        }
    }

    /// Whether no traffic is in the set.
    public var isEmpty: Bool {
        tcpPorts.isEmpty && udpPorts.isEmpty && icmpTypes.isEmpty && otherProtocols.isEmpty
    }

    /// Whether a packet of `proto` to `port` (tcp/udp), of ICMP type `port` (icmp, code 0), or
    /// of any other protocol is in the set.
    public func contains(_ proto: IPProtocolNumber, port: UInt16) -> Bool {
        switch proto {
        case .tcp: tcpPorts.contains(port)
        case .udp: udpPorts.contains(port)
        case .icmp: port <= UInt8.max && icmpTypes.contains(UInt8(port))
        default: otherProtocols.contains(proto.number)
        }
    }

    /// The traffic in either set.
    public func union(_ other: TrafficSet) -> TrafficSet {
        TrafficSet(
            tcpPorts: tcpPorts.union(other.tcpPorts), udpPorts: udpPorts.union(other.udpPorts),
            icmpTypes: icmpTypes.union(other.icmpTypes),
            otherProtocols: otherProtocols.union(other.otherProtocols))
    }

    /// The traffic in both sets.
    public func intersection(_ other: TrafficSet) -> TrafficSet {
        TrafficSet(
            tcpPorts: tcpPorts.intersection(other.tcpPorts), udpPorts: udpPorts.intersection(other.udpPorts),
            icmpTypes: icmpTypes.intersection(other.icmpTypes),
            otherProtocols: otherProtocols.intersection(other.otherProtocols))
    }

    /// The traffic of this set that is not in `other`.
    public func subtracting(_ other: TrafficSet) -> TrafficSet {
        TrafficSet(
            tcpPorts: tcpPorts.subtracting(other.tcpPorts), udpPorts: udpPorts.subtracting(other.udpPorts),
            icmpTypes: icmpTypes.subtracting(other.icmpTypes),
            otherProtocols: otherProtocols.subtracting(other.otherProtocols))
    }

    /// One packet shape of the set, for a witness: tcp before udp before icmp before the rest,
    /// lowest port first. The ICMP type goes in the destination-port field as ``Packet`` keeps it.
    public var sample: (proto: IPProtocolNumber, port: UInt16)? {
        if let port = tcpPorts.first { return (.tcp, port) }
        if let port = udpPorts.first { return (.udp, port) }
        if let type = icmpTypes.first { return (.icmp, UInt16(type)) }
        if let number = otherProtocols.first { return (IPProtocolNumber(number), 0) }
        return nil
    }
}

extension TrafficSet: CustomStringConvertible {
    /// `tcp 443, 5432; udp 53; icmp 0, 8; protocols 47`, `all traffic`, or `none`.
    public var description: String {
        if self == .all { return "all traffic" }
        if isEmpty { return "none" }
        var parts: [String] = []
        if !tcpPorts.isEmpty { parts.append("tcp \(Self.list(tcpPorts, full: "all ports"))") }
        if !udpPorts.isEmpty { parts.append("udp \(Self.list(udpPorts, full: "all ports"))") }
        if !icmpTypes.isEmpty { parts.append("icmp \(Self.list(icmpTypes, full: "all types"))") }
        if !otherProtocols.isEmpty {
            let full = IntervalSet<UInt8>.full.subtracting(Self.namedProtocols)
            parts.append(
                "protocols \(otherProtocols == full ? "all others" : Self.list(otherProtocols, full: ""))")
        }
        return parts.joined(separator: "; ")
    }

    private static func list<Bound>(_ set: IntervalSet<Bound>, full: String) -> String {
        set == .full ? full : set.rangeList
    }
}
