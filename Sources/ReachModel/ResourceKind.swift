/// The kinds of resource a topology holds; used to name resources in errors and reports.
public enum ResourceKind: String, Sendable, Codable, CaseIterable {
    case vpc
    case subnet
    case routeTable = "route-table"
    case internetGateway = "internet-gateway"
    case natGateway = "nat-gateway"
    case peeringConnection = "peering-connection"
    case networkInterface = "network-interface"
    case instance
    case securityGroup = "security-group"
    case prefixList = "prefix-list"
    case networkACL = "network-acl"
    case dbSubnetGroup = "db-subnet-group"
    case dbInstance = "db-instance"
    case dbCluster = "db-cluster"
    case onPremSite = "on-prem-site"
    case internet
}
