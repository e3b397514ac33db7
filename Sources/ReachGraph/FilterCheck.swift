import ReachModel
import ReachNetwork

/// A filter a recording walk met on its path, with the addresses it would have judged: what
/// the symbolic engine evaluates for whole sets of ports and protocols at once.
enum FilterCheck: Hashable, Sendable {
    /// The network ACL of `subnet`, in one direction, for a packet whose far end is `peer`
    /// (its destination when outbound, its source when inbound), on the request or reply leg.
    case networkACL(subnet: Int, outbound: Bool, peer: IPv4Address, leg: PathDirection)
    /// The security groups of an interface, facing one way, for a request whose far end is `peer`.
    case securityGroups(interface: Int, facing: TrafficDirection, peer: IPv4Address)
}
