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
        let acl = graph.networkACLs[acl]
        for entry in outbound ? acl.outbound : acl.inbound where entry.prefix.contains(peer) {
            guard case .ports(proto, let range) = entry.match else { continue }
            boundaries.append(range.lowerBound)
            if range.upperBound != UInt16.max { boundaries.append(range.upperBound + 1) }
        }
    }

    /// Whether the entries allow a packet of `proto` to or from ``peer`` with destination port
    /// `port`: the first matching entry by rule number decides (S-NACL-2).
    func allows(_ proto: IPProtocolNumber, port: UInt16, in graph: ForwardingGraph) -> Bool {
        let acl = graph.networkACLs[acl]
        for entry in outbound ? acl.outbound : acl.inbound where entry.prefix.contains(peer) {
            switch entry.match {
            case .all: return entry.action == .allow
            case .other(let number) where number == proto: return entry.action == .allow
            case .ports(let number, let range) where number == proto && range.contains(port):
                return entry.action == .allow
            default: continue
            }
        }
        return false
    }
}
