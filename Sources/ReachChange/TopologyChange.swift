import ReachModel
import ReachNetwork

/// One edit to a topology, as a what-if question or a planned change would make it.
///
/// Resources are named by id or by name; a name must be unique among resources of its kind
/// (an id match wins over a name match). References are resolved when the change is applied
/// (``Topology/applying(_:)``), so a change can be written before the topology it
/// edits is known.
public enum TopologyChange: Hashable, Sendable {
    /// Adds an allow rule to a security group. A `.securityGroup` or `.prefixList` peer may
    /// hold a name or an id and is stored as the id; a `.securityGroup` peer that names no
    /// group but a prefix list is that prefix list, as the topology format reads a bare name.
    /// A group name is looked up in the edited group's VPC first (every VPC has a `default`).
    case addSecurityGroupRule(group: String, rule: SecurityGroupRule)
    /// Removes every rule of a security group with the same direction, protocol, ports and
    /// (resolved) peer; the description is ignored.
    case removeSecurityGroupRule(group: String, rule: SecurityGroupRule)
    /// Adds a route to a VPC route table. `target` is the id or name of an internet gateway, NAT
    /// gateway, peering connection, transit gateway, virtual private gateway, VPC endpoint
    /// (or Network Firewall endpoint), network interface, or instance (its primary interface).
    case addRoute(routeTable: String, destination: RouteDestination, target: String)
    /// Removes the route for `destination` from a VPC route table.
    case removeRoute(routeTable: String, destination: RouteDestination)
    /// Adds a numbered entry to a network ACL.
    case addNetworkACLEntry(acl: String, entry: NetworkACLEntry)
    /// Removes the entry numbered `ruleNumber` facing `direction` from a network ACL.
    case removeNetworkACLEntry(acl: String, direction: TrafficDirection, ruleNumber: Int)
    /// Makes `routeTable` the subnet's explicitly associated table, removing the subnet from
    /// any other table; the table must be in the subnet's VPC.
    case associateRouteTable(subnet: String, routeTable: String)
    /// Makes `acl` the subnet's network ACL, removing the subnet from any other ACL; the ACL
    /// must be in the subnet's VPC.
    case associateNetworkACL(subnet: String, acl: String)
    /// Associates a transit gateway attachment with a route table of its gateway. An
    /// attachment has at most one association, so this moves it.
    case associateTransitGatewayRouteTable(attachment: String, routeTable: String)
    /// Removes a transit gateway attachment's association, whichever table holds it.
    case disassociateTransitGatewayRouteTable(attachment: String)
    /// Propagates an attachment's routes into a transit gateway route table.
    case addTransitGatewayPropagation(routeTable: String, attachment: String)
    /// Stops propagating an attachment's routes into a transit gateway route table.
    case removeTransitGatewayPropagation(routeTable: String, attachment: String)
    /// Adds a static transit gateway route to `attachment`, or a blackhole route when nil.
    case addTransitGatewayRoute(routeTable: String, destination: RouteDestination, attachment: String?)
    /// Removes the static or blackhole route for `destination` from a transit gateway route table.
    case removeTransitGatewayRoute(routeTable: String, destination: RouteDestination)
    /// Sets a VPC peering connection's status (`active`, `deleted`, `pending-acceptance`,
    /// `rejected`, …); only `active` forwards.
    case setPeeringStatus(peering: String, status: String)
    /// Sets `PubliclyAccessible` on a DB instance, or on every instance of a DB cluster.
    case setPubliclyAccessible(database: String, Bool)
    /// Sets or (with nil) removes the public IP of a network interface, or of an instance's
    /// primary interface.
    case setPublicIP(interface: String, IPv4Address?)
}
