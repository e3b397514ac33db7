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
    case databases
    case dbClusters
    case onPremSites

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
        case .databases: "an RDS DB instance"
        case .dbClusters: "an Aurora DB cluster"
        case .onPremSites: "an on-premises site"
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
            case .routeTables: ["vpc", "main", "subnets", "routes"]
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
            case .databases:
                [
                    "engine", "port", "subnetGroup", "subnet", "privateIp", "publiclyAccessible", "publicIp",
                    "securityGroups",
                ]
            case .dbClusters: ["engine", "port", "subnetGroup", "securityGroups", "instances"]
            case .onPremSites: ["cidrs", "publicCidrs"]
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
    /// The keys of one instance of an Aurora cluster.
    static let clusterMemberKeys = [
        "name", "id", "subnet", "privateIp", "role", "publiclyAccessible", "publicIp", "tags",
    ]
}
