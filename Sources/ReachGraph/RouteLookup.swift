import ReachNetwork

/// A route lookup a recording walk made, with the address looked up: what an edit to the
/// routes of the table it read, or to which table it reads, can change (see ``RouteDelta``).
enum RouteLookup: Hashable, Sendable {
    /// A lookup in the route table of a subnet (by graph index), or in none when the subnet
    /// has no table.
    case vpc(subnet: Int, address: IPv4Address)
    /// A lookup in the transit gateway route table an attachment (by graph index) is associated
    /// with, or in none: a longest-prefix match for a packet entering through it, or the routes
    /// an on-prem site learns over it (a VPN) that hold the address.
    case transitGateway(attachment: Int, address: IPv4Address)
}
