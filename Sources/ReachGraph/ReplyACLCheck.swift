import ReachNetwork

/// A network ACL a reply met, and the far address it was judged for: the reply is addressed to
/// the client's source port, so these entries decide which source ports get through.
struct ReplyACLCheck: Hashable, Sendable {
    /// The graph index of the network ACL.
    let acl: Int
    /// Whether the outbound entries applied (else the inbound ones).
    let outbound: Bool
    /// The address the entries' CIDRs were matched against.
    let peer: IPv4Address

    /// Adds to `boundaries` the first port of every range of `proto` ports the entries that
    /// apply to ``peer`` start or stop matching at.
    func addPortBoundaries(
        for proto: IPProtocolNumber, in graph: ForwardingGraph, to boundaries: inout [UInt16]
    ) {
        for entry in graph.networkACLs[acl].entries(outbound: outbound) where entry.prefix.contains(peer) {
            guard case .ports(proto, let range) = entry.match else { continue }
            boundaries.append(range.lowerBound)
            if range.upperBound != UInt16.max { boundaries.append(range.upperBound + 1) }
        }
    }

    /// Whether the entries allow a reply of `proto` to or from ``peer`` addressed to `port`.
    func allows(_ proto: IPProtocolNumber, port: UInt16, in graph: ForwardingGraph) -> Bool {
        // Only the protocol and the destination port take part in matching an entry.
        let reply = Packet(
            source: peer, destination: peer, protocolNumber: proto, sourcePort: 0, destinationPort: port)
        return graph.networkACLs[acl].decidingEntry(for: reply, peer: peer, outbound: outbound)?.action
            == .allow
    }
}
