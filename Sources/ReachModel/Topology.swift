/// A vendor-independent network topology: everything the graph and the solver need,
/// referenced by id. Importers (the YAML design format, AWS snapshots) produce it.
public struct Topology: Hashable, Sendable {
    /// The design's name, if it has one.
    public var name: String?
    /// VPCs.
    public var vpcs: [VPC] = []
    /// Subnets.
    public var subnets: [Subnet] = []
    /// Route tables with their routes and associations.
    public var routeTables: [RouteTable] = []
    /// Internet gateways.
    public var internetGateways: [InternetGateway] = []
    /// NAT gateways.
    public var natGateways: [NATGateway] = []
    /// VPC peering connections.
    public var peeringConnections: [VPCPeeringConnection] = []
    /// Network interfaces, including those of instances.
    public var networkInterfaces: [NetworkInterface] = []
    /// EC2 instances.
    public var instances: [Instance] = []
    /// Security groups.
    public var securityGroups: [SecurityGroup] = []
    /// Managed prefix lists.
    public var prefixLists: [ManagedPrefixList] = []
    /// Network ACLs with their entries and associations.
    public var networkACLs: [NetworkACL] = []
    /// RDS DB subnet groups.
    public var dbSubnetGroups: [DBSubnetGroup] = []
    /// RDS DB instances, Aurora members included.
    public var dbInstances: [DBInstance] = []
    /// Aurora clusters.
    public var dbClusters: [DBCluster] = []
    /// DB parameter groups and DB cluster parameter groups.
    public var dbParameterGroups: [DBParameterGroup] = []
    /// On-premises sites.
    public var onPremSites: [OnPremSite] = []
    /// Transit gateways.
    public var transitGateways: [TransitGateway] = []
    /// Transit gateway attachments.
    public var transitGatewayAttachments: [TransitGatewayAttachment] = []
    /// Transit gateway route tables.
    public var transitGatewayRouteTables: [TransitGatewayRouteTable] = []
    /// Virtual private gateways.
    public var virtualPrivateGateways: [VirtualPrivateGateway] = []
    /// Customer gateways.
    public var customerGateways: [CustomerGateway] = []
    /// Site-to-Site VPN connections.
    public var vpnConnections: [VPNConnection] = []
    /// Direct Connect gateways.
    public var directConnectGateways: [DirectConnectGateway] = []
    /// Direct Connect virtual interfaces.
    public var virtualInterfaces: [VirtualInterface] = []
    /// VPC endpoints (interface, gateway, Gateway Load Balancer).
    public var vpcEndpoints: [VPCEndpoint] = []
    /// Endpoint services (PrivateLink providers).
    public var vpcEndpointServices: [VPCEndpointService] = []
    /// Load balancers.
    public var loadBalancers: [LoadBalancer] = []
    /// Target groups.
    public var targetGroups: [TargetGroup] = []
    /// AWS Network Firewalls.
    public var networkFirewalls: [NetworkFirewall] = []
    /// Network Firewall policies.
    public var firewallPolicies: [FirewallPolicy] = []

    /// An empty topology.
    public init(name: String? = nil) {
        self.name = name
    }
}
