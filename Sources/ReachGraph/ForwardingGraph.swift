import ReachModel
import ReachNetwork

/// A topology compiled once into a forwarding graph the tracer walks: interfaces, subnets,
/// route tables, gateways, peering connections and external networks as dense tables, with
/// route entries and filter rules (the edges' header predicates) ready for matching.
/// Build it once per topology; every query reuses it.
public struct ForwardingGraph: Sendable {
    /// The topology the graph was compiled from.
    public internal(set) var topology: Topology

    var vpcs: [CompiledVPC] = []
    var subnets: [CompiledSubnet] = []
    var routeTables: [CompiledRouteTable] = []
    var networkACLs: [CompiledNetworkACL] = []
    var securityGroups: [CompiledSecurityGroup] = []
    var interfaces: [CompiledInterface] = []
    var internetGateways: [CompiledInternetGateway] = []
    var natGateways: [CompiledNATGateway] = []
    var peerings: [CompiledPeering] = []
    var onPremSites: [CompiledOnPremSite] = []
    var transitGateways: [CompiledTransitGateway] = []
    var attachments: [CompiledAttachment] = []
    var transitGatewayRouteTables: [CompiledTransitGatewayRouteTable] = []
    var virtualPrivateGateways: [CompiledVirtualPrivateGateway] = []
    var hybridConnections: [CompiledHybridConnection] = []
    var directConnectGateways: [CompiledDirectConnectGateway] = []
    var interfaceEndpoints: [CompiledInterfaceEndpoint] = []
    var gatewayEndpoints: [CompiledGatewayEndpoint] = []
    var awsServices: [CompiledAWSService] = []
    var endpointServices: [CompiledEndpointService] = []
    var loadBalancers: [CompiledLoadBalancer] = []
    var targetGroups: [CompiledTargetGroup] = []
    var networkFirewalls: [CompiledNetworkFirewall] = []

    /// Every interface's security groups, in one list (``CompiledInterface/securityGroups``
    /// has each in a list of its own).
    var interfaceSecurityGroups = InterfaceSecurityGroups()
    /// Interfaces by private IP; several when unpeered VPCs reuse address space.
    var interfacesByPrivateIP: [IPv4Address: [Int]] = [:]
    /// The same, in a table made for lookups on hot paths, built once every interface is added.
    var privateAddressHolders = PrivateAddressIndex([:])
    /// Each interface's public IP, by index: apart from ``interfaces``, so that a what-if that
    /// moves one (``patching(to:)``) copies no interface.
    var publicIPs: [IPv4Address?] = []
    /// Interfaces (ENIs, NAT gateways, DBs) by public IP.
    var interfacesByPublicIP: [IPv4Address: Int] = [:]
    /// Where stand-in public IPs come from: reserved space no input address may use.
    static let standInPublicAddresses = IPv4Prefix(containing: IPv4Address(0xF000_0000), length: 4)
    /// Every address at which some predicate of the graph can change its answer, sorted:
    /// splitting an address set at these gives classes every packet of which is treated alike.
    var addressBoundaries: [UInt32] = []
    /// The same, less the boundaries that only interfaces' own addresses add: between these,
    /// every address that no interface holds is treated alike.
    var filterBoundaries: [UInt32] = []
    /// Likewise for ports, from network ACL entries (the only filters that see reply ports).
    var portBoundaries: [UInt16] = []

    /// Indices of model resources, for resolving names on the command line.
    var vpcIndex: [String: Int] = [:]
    var subnetIndex: [String: Int] = [:]
    var interfaceIndex: [String: Int] = [:]
    var databaseInterfaces: [String: Int] = [:]
    var groupIndex: [String: Int] = [:]
    var onPremIndex: [String: Int] = [:]
    var internetGatewayIndex: [String: Int] = [:]
    var natGatewayIndex: [String: Int] = [:]
    var peeringIndex: [String: Int] = [:]
    var transitGatewayIndex: [String: Int] = [:]
    var attachmentIndex: [String: Int] = [:]
    /// The available VPC attachment of each (transit gateway, VPC) pair.
    var vpcAttachment: [TransitGatewayAndVPC: Int] = [:]
    /// The attachment of each VPN connection (by connection index) and Direct Connect gateway
    /// (by transit gateway and gateway index).
    var vpnAttachment: [Int: Int] = [:]
    var directConnectAttachment: [TransitGatewayAndVPC: Int] = [:]
    var virtualPrivateGatewayIndex: [String: Int] = [:]
    var directConnectGatewayIndex: [String: Int] = [:]
    var interfaceEndpointIndex: [String: Int] = [:]
    var gatewayEndpointIndex: [String: Int] = [:]
    var awsServiceIndex: [String: Int] = [:]
    var loadBalancerIndex: [String: Int] = [:]
    var targetGroupIndex: [String: Int] = [:]
    /// Network Firewall endpoints by id: the firewall and the endpoint's subnet.
    var firewallEndpointIndex: [String: (firewall: Int, subnet: Int)] = [:]

    /// Compiles `topology`. The topology should have passed ``TopologyValidator`` with no
    /// errors; references it cannot resolve are compiled as unsupported targets or skipped.
    public init(_ topology: Topology) {
        self.topology = topology
        var builder = ForwardingGraphBuilder(topology)
        builder.build(into: &self)
    }

    /// The number of interfaces (ENIs, DB endpoints, NAT gateways) in the graph.
    public var interfaceCount: Int { interfaces.count }

    /// The subnet of VPC `vpc` that holds `address`.
    func subnet(containing address: IPv4Address, inVPC vpc: Int) -> Int? {
        let sorted = vpcs[vpc].subnetsByAddress
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if subnets[sorted[middle]].cidr.network <= address { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        let candidate = sorted[low - 1]
        return subnets[candidate].cidr.contains(address) ? candidate : nil
    }

    /// The interface with private IP `address` in VPC `vpc`.
    func interface(withPrivateIP address: IPv4Address, inVPC vpc: Int) -> Int? {
        privateAddressHolders.first(of: privateAddressHolders.holders(of: address)) {
            subnets[interfaces[$0].subnet].vpc == vpc
        }
    }

    /// Whether security group references may cross from `a` to `b`: the same VPC, or VPCs
    /// joined by an active peering connection in the same region (S-SG-2).
    func groupReferencesReach(from a: Int, to b: Int) -> Bool {
        if a == b { return true }
        // Most VPC pairs are not peered: the region (a string) is compared only for those that are.
        return peerings.contains { $0.isActive && $0.peer(of: a) == b } && vpcs[a].region == vpcs[b].region
    }
}

extension ForwardingGraph {
    /// S-SG-2: whether `address` is a private IP of an interface carrying `group` that a rule in
    /// `vpc` may refer to (the same VPC or a peered one of its region); `assumed` counts a DB
    /// endpoint's address that the input does not give.
    func address(
        _ address: IPv4Address, carries group: Int, seenFrom vpc: Int,
        assumed: (address: IPv4Address, interface: Int)?
    ) -> Bool {
        self.address(
            address, holders: privateAddressHolders.holders(of: address), carries: group, seenFrom: vpc,
            assumed: assumed)
    }

    /// ``address(_:carries:seenFrom:assumed:)`` with the interfaces holding `address` (as
    /// ``privateAddressHolders`` finds them) looked up once for many groups.
    func address(
        _ address: IPv4Address, holders: PrivateAddressIndex.Holders, carries group: Int, seenFrom vpc: Int,
        assumed: (address: IPv4Address, interface: Int)?
    ) -> Bool {
        let carries = { (other: Int) -> Bool in
            interfaceSecurityGroups.interface(other, carries: group)
                && groupReferencesReach(from: subnets[interfaces[other].subnet].vpc, to: vpc)
        }
        if let assumed, assumed.address == address, carries(assumed.interface) { return true }
        return privateAddressHolders.contains(holders, where: carries)
    }
}
