/// What a security group rule or network ACL entry matches beyond addresses: a protocol and,
/// for tcp/udp, a port range; for icmp, a type and code (nil meaning any).
public enum ProtocolMatch: Hashable, Sendable {
    /// Every protocol and port (`-1` in AWS).
    case all
    /// TCP or UDP on a destination port range.
    case ports(IPProtocolNumber, PortRange)
    /// ICMP with an optional type and code.
    case icmp(type: UInt8?, code: UInt8?)
    /// Any other protocol number, all of it.
    case other(IPProtocolNumber)

    /// Whether a packet of `protocolNumber` to `destinationPort` (tcp/udp) or with
    /// `icmpType`/`icmpCode` (icmp) matches.
    @inlinable
    public func matches(_ packet: Packet) -> Bool {
        switch self {
        case .all:
            return true
        case .ports(let proto, let range):
            return packet.protocolNumber == proto && range.contains(packet.destinationPort)
        case .icmp(let type, let code):
            guard packet.protocolNumber == .icmp else { return false }
            if let type, type != packet.icmpType { return false }
            if let code, code != packet.icmpCode { return false }
            return true
        case .other(let proto):
            return packet.protocolNumber == proto
        }
    }
}

extension ProtocolMatch: CustomStringConvertible {
    /// `all`, `tcp 5432`, `icmp 8/0`, `icmp all`.
    public var description: String {
        switch self {
        case .all: return "all traffic"
        case .ports(let proto, let range): return "\(proto) \(range)"
        case .icmp(let type, let code):
            guard let type else { return "icmp all" }
            return code.map { "icmp \(type)/\($0)" } ?? "icmp \(type)"
        case .other(let proto): return "protocol \(proto)"
        }
    }
}
