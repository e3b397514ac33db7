/// One concrete packet header: what the flow tracer moves through the forwarding graph.
///
/// ICMP packets carry their type and code in place of ports, so `destinationPort` holds the
/// type and `sourcePort` the code; ``icmpType`` and ``icmpCode`` read them back.
public struct Packet: Hashable, Sendable {
    /// The source address.
    public var source: IPv4Address
    /// The destination address.
    public var destination: IPv4Address
    /// The IP protocol.
    public var protocolNumber: IPProtocolNumber
    /// The source port (tcp/udp), or the ICMP code.
    public var sourcePort: UInt16
    /// The destination port (tcp/udp), or the ICMP type.
    public var destinationPort: UInt16

    /// Creates a packet header.
    public init(
        source: IPv4Address, destination: IPv4Address, protocolNumber: IPProtocolNumber,
        sourcePort: UInt16, destinationPort: UInt16
    ) {
        self.source = source
        self.destination = destination
        self.protocolNumber = protocolNumber
        self.sourcePort = sourcePort
        self.destinationPort = destinationPort
    }

    /// The ICMP type, for ICMP packets.
    public var icmpType: UInt8 { UInt8(truncatingIfNeeded: destinationPort) }
    /// The ICMP code, for ICMP packets.
    public var icmpCode: UInt8 { UInt8(truncatingIfNeeded: sourcePort) }

    /// The header of the reply: addresses and ports swapped. An ICMP echo request (type 8)
    /// is answered by an echo reply (type 0); other ICMP keeps its type.
    public var reply: Packet {
        if protocolNumber == .icmp {
            return Packet(
                source: destination, destination: source, protocolNumber: .icmp,
                sourcePort: sourcePort, destinationPort: icmpType == 8 ? 0 : destinationPort)
        }
        return Packet(
            source: destination, destination: source, protocolNumber: protocolNumber,
            sourcePort: destinationPort, destinationPort: sourcePort)
    }
}

extension Packet: CustomStringConvertible {
    /// `tcp 10.0.1.5:40000 -> 10.0.2.9:5432`.
    public var description: String {
        if protocolNumber.hasPorts {
            return "\(protocolNumber) \(source):\(sourcePort) -> \(destination):\(destinationPort)"
        }
        if protocolNumber == .icmp {
            return "icmp \(source) -> \(destination) type \(icmpType) code \(icmpCode)"
        }
        return "\(protocolNumber) \(source) -> \(destination)"
    }
}
