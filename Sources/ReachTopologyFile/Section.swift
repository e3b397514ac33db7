/// The top-level sections of a topology file, in the order the format documents them, with
/// the keys allowed in their items.
enum Section: String, CaseIterable {
    case vpcs
    case internetGateways
    case subnets
    case routeTables
    case natGateways
    case peeringConnections
    case prefixLists
    case securityGroups
    case networkAcls
    case networkInterfaces
    case instances
    case dbSubnetGroups
    case dbParameterGroups
    case databases
    case dbClusters
    case onPremSites
    case transitGateways
    case transitGatewayAttachments
    case transitGatewayRouteTables
    case virtualPrivateGateways
    case customerGateways
    case vpnConnections
    case directConnectGateways
    case virtualInterfaces
    case vpcEndpoints
    case vpcEndpointServices
    case loadBalancers
    case targetGroups
    case networkFirewalls
    case firewallPolicies

    /// The keys allowed at the top level of a file.
    static let topLevelKeys = ["name", "region"] + allCases.map(\.rawValue)

    /// What one item describes, for messages (`a VPC`).
    var itemDescription: String {
        switch self {
        case .vpcs: "a VPC"
        case .internetGateways: "an internet gateway"
        case .subnets: "a subnet"
        case .routeTables: "a route table"
        case .natGateways: "a NAT gateway"
        case .peeringConnections: "a VPC peering connection"
        case .prefixLists: "a prefix list"
        case .securityGroups: "a security group"
        case .networkAcls: "a network ACL"
        case .networkInterfaces: "a network interface"
        case .instances: "an instance"
        case .dbSubnetGroups: "a DB subnet group"
        case .dbParameterGroups: "a DB parameter group"
        case .databases: "an RDS DB instance"
        case .dbClusters: "an Aurora DB cluster"
        case .onPremSites: "an on-premises site"
        case .transitGateways: "a transit gateway"
        case .transitGatewayAttachments: "a transit gateway attachment"
        case .transitGatewayRouteTables: "a transit gateway route table"
        case .virtualPrivateGateways: "a virtual private gateway"
        case .customerGateways: "a customer gateway"
        case .vpnConnections: "a Site-to-Site VPN connection"
        case .directConnectGateways: "a Direct Connect gateway"
        case .virtualInterfaces: "a Direct Connect virtual interface"
        case .vpcEndpoints: "a VPC endpoint"
        case .vpcEndpointServices: "a VPC endpoint service"
        case .loadBalancers: "a load balancer"
        case .targetGroups: "a target group"
        case .networkFirewalls: "a Network Firewall"
        case .firewallPolicies: "a Network Firewall policy"
        }
    }

    /// The keys allowed in one item.
    var allowedKeys: [String] {
        let common = ["name", "id"]
        let specific: [String] =
            switch self {
            case .vpcs: ["cidrs", "region"]
            case .internetGateways: ["vpc"]
            case .subnets: ["vpc", "cidr", "az"]
            case .routeTables: ["vpc", "main", "subnets", "propagatingGateways", "routes"]
            case .natGateways: ["subnet", "privateIp", "publicIp", "connectivity", "state"]
            case .peeringConnections: ["requester", "accepter", "status"]
            case .prefixLists: ["cidrs"]
            case .securityGroups: ["vpc", "default", "ingress", "egress"]
            case .networkAcls: ["vpc", "default", "subnets", "inbound", "outbound"]
            case .networkInterfaces:
                ["subnet", "privateIps", "privateIp", "publicIp", "securityGroups", "sourceDestCheck"]
            case .instances:
                [
                    "subnet", "privateIp", "privateIps", "publicIp", "securityGroups", "sourceDestCheck",
                    "networkInterfaces",
                ]
            case .dbSubnetGroups: ["subnets"]
            case .dbParameterGroups: ["scope", "family", "parameters"]
            case .databases:
                [
                    "engine", "port", "subnetGroup", "subnet", "privateIp", "publiclyAccessible", "publicIp",
                    "securityGroups",
                ] + Self.dbSettingKeys
            case .dbClusters:
                ["engine", "port", "subnetGroup", "securityGroups", "instances"] + Self.dbSettingKeys
            case .onPremSites: ["cidrs", "publicCidrs"]
            case .transitGateways: ["region"]
            case .transitGatewayAttachments:
                [
                    "transitGateway", "vpc", "subnets", "vpnConnection", "directConnectGateway",
                    "peerTransitGateway", "peerAttachment", "applianceMode", "state",
                ]
            case .transitGatewayRouteTables: ["transitGateway", "associations", "propagations", "routes"]
            case .virtualPrivateGateways: ["vpc"]
            case .customerGateways: ["ipAddress", "bgpAsn", "site"]
            case .vpnConnections:
                [
                    "customerGateway", "virtualPrivateGateway", "transitGateway", "staticRoutesOnly",
                    "onPremPrefixes", "state",
                ]
            case .directConnectGateways: ["associations"]
            case .virtualInterfaces:
                ["type", "site", "directConnectGateway", "virtualPrivateGateway", "onPremPrefixes", "state"]
            case .vpcEndpoints:
                ["vpc", "type", "serviceName", "routeTables", "interfaces", "securityGroups", "state"]
            case .vpcEndpointServices: ["serviceName", "loadBalancers"]
            case .loadBalancers: ["type", "scheme", "vpc", "nodes", "securityGroups", "listeners"]
            case .targetGroups: ["type", "protocol", "port", "vpc", "targets"]
            case .networkFirewalls: ["vpc", "policy", "endpoints"]
            case .firewallPolicies:
                [
                    "statelessDefaultAction", "statelessRules", "ruleOrder", "statefulDefaultAction",
                    "statefulRules",
                ]
            }
        return common + specific + ["tags"]
    }

    /// The keys of one route of a route table.
    static let routeKeys = ["destination", "target", "state"]
    /// The keys of one security group ingress rule.
    static let ingressRuleKeys = ["protocol", "ports", "icmpType", "icmpCode", "from", "description"]
    /// The keys of one security group egress rule.
    static let egressRuleKeys = ["protocol", "ports", "icmpType", "icmpCode", "to", "description"]
    /// The keys of one network ACL entry.
    static let aclEntryKeys = ["rule", "action", "protocol", "ports", "icmpType", "icmpCode", "cidr"]
    /// The keys of one static route of a transit gateway route table.
    static let transitGatewayRouteKeys = ["destination", "attachment", "blackhole"]
    /// The keys of one association of a Direct Connect gateway.
    static let directConnectAssociationKeys = ["transitGateway", "virtualPrivateGateway", "allowedPrefixes"]
    /// The keys of one interface of a VPC endpoint or one node of a load balancer.
    static let placedAddressKeys = ["subnet", "privateIp"]
    /// The keys of one load balancer listener.
    static let listenerKeys = ["protocol", "port", "targetGroup"]
    /// The keys of one target of a target group.
    static let targetKeys = ["id", "port", "health"]
    /// The keys of one Network Firewall endpoint.
    static let firewallEndpointKeys = ["id", "subnet"]
    /// The keys of one stateless firewall rule.
    static let statelessRuleKeys = [
        "priority", "action", "protocols", "sources", "destinations", "sourcePorts", "destinationPorts",
    ]
    /// The keys of one stateful (5-tuple) firewall rule.
    static let statefulRuleKeys = [
        "action", "protocol", "source", "sourcePort", "destination", "destinationPort", "direction",
    ]
    /// The keys of one instance of an Aurora cluster.
    static let clusterMemberKeys = [
        "name", "id", "subnet", "privateIp", "role", "publiclyAccessible", "publicIp", "tags",
        "parameterGroup",
    ]
    /// The keys of a DB instance or cluster that the audit reads.
    static let dbSettingKeys = [
        "engineVersion", "storageEncrypted", "multiAZ", "backupRetentionDays", "parameterGroup",
    ]
}
