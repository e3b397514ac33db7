import ReachNetwork

/// A routing decision a recording walk made, with the address it was made for: what an edit
/// to the routes of the table it read, to which table it reads, or to the status of the
/// connection it crossed can change (see ``RouteDelta``).
enum RouteLookup: Hashable, Sendable {
    /// A lookup in the route table of a subnet (by graph index), or in none when the subnet
    /// has no table.
    case vpc(subnet: Int, address: IPv4Address)
    /// A lookup in the transit gateway route table an attachment (by graph index) is associated
    /// with, or in none: a longest-prefix match for a packet entering through it, or the routes
    /// an on-prem site learns over it (a VPN) that hold the address.
    case transitGateway(attachment: Int, address: IPv4Address)
    /// A route to a VPC peering connection (by graph index), taken whatever its status.
    case peering(Int)
}
