import ReachModel
import ReachNetwork

/// A VPC in the graph.
struct CompiledVPC: Sendable {
    let ref: ComponentRef
    let region: String
    let cidrs: [IPv4Prefix]
    var internetGateway: Int?
    /// Subnets sorted by network address, for address lookup by binary search.
    var subnetsByAddress: [Int] = []

    func contains(_ address: IPv4Address) -> Bool {
        cidrs.contains { $0.contains(address) }
    }
}

/// A subnet in the graph, with its effective route table and network ACL.
struct CompiledSubnet: Sendable {
    let ref: ComponentRef
    let vpc: Int
    let cidr: IPv4Prefix
    let availabilityZone: String
    var routeTable: Int = -1
    var networkACL: Int = -1
}

/// What a network interface of the graph belongs to.
enum InterfaceOwner: Hashable, Sendable {
    /// A plain ENI (an instance's, or a standalone one).
    case networkInterface
    /// The endpoint interface of an RDS/Aurora DB instance (index into the DB table).
    case database(Int)
    /// The interface of a NAT gateway (index into the NAT table).
    case natGateway(Int)
    /// An interface of an interface VPC endpoint (index into the endpoint table).
    case vpcEndpoint(Int)
    /// A node of a load balancer (index into the load balancer table).
    case loadBalancerNode(Int)
}

/// An interface that sends and receives traffic: ENI, DB endpoint or NAT gateway.
struct CompiledInterface: Sendable {
    let ref: ComponentRef
    let owner: InterfaceOwner
    let subnet: Int
    /// Private IPs, primary first; empty for a DB whose address is not known.
    let privateIPs: [IPv4Address]
    let securityGroups: [Int]
    let sourceDestCheck: Bool
}

/// An internet gateway.
struct CompiledInternetGateway: Sendable {
    let ref: ComponentRef
    let vpc: Int?
}

/// A NAT gateway and its interface.
struct CompiledNATGateway: Sendable {
    let ref: ComponentRef
    let subnet: Int
    let interface: Int
    let isPublic: Bool
    let isAvailable: Bool
}

/// A VPC peering connection.
struct CompiledPeering: Sendable {
    let ref: ComponentRef
    let requester: Int
    let accepter: Int
    let status: String

    var isActive: Bool { status == "active" }

    func peer(of vpc: Int) -> Int? {
        if vpc == requester { return accepter }
        if vpc == accepter { return requester }
        return nil
    }
}

/// An on-premises site.
struct CompiledOnPremSite: Sendable {
    let ref: ComponentRef
    let addresses: IPv4AddressSet
    let publicAddresses: IPv4AddressSet
}
