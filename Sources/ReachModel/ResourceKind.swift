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
    case transitGateway = "transit-gateway"
    case transitGatewayAttachment = "transit-gateway-attachment"
    case transitGatewayRouteTable = "transit-gateway-route-table"
    case virtualPrivateGateway = "virtual-private-gateway"
    case customerGateway = "customer-gateway"
    case vpnConnection = "vpn-connection"
    case directConnectGateway = "direct-connect-gateway"
    case virtualInterface = "virtual-interface"
    case vpcEndpoint = "vpc-endpoint"
    case vpcEndpointService = "vpc-endpoint-service"
    case loadBalancer = "load-balancer"
    case targetGroup = "target-group"
    case networkFirewall = "network-firewall"
    case firewallPolicy = "firewall-policy"
    case internet
}
