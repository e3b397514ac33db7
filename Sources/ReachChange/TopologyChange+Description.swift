import ReachModel

extension TopologyChange: CustomStringConvertible {
    /// The change in one line, naming resources as it was written:
    /// `add ingress rule tcp 5432 from 0.0.0.0/0 to db-sg`.
    public var description: String {
        switch self {
        case .addSecurityGroupRule(let group, let rule):
            "add \(rule.summary) to \(group)"
        case .removeSecurityGroupRule(let group, let rule):
            "remove \(rule.summary) in \(group)"
        case .addRoute(let table, let destination, let target):
            "add route \(destination) -> \(target) to \(table)"
        case .removeRoute(let table, let destination):
            "remove route \(destination) from \(table)"
        case .addNetworkACLEntry(let acl, let entry):
            "add \(entry.ruleName) to \(acl): \(entry.verdictSummary)"
        case .removeNetworkACLEntry(let acl, let direction, let number):
            "remove \(Self.aclSide(direction)) rule \(number) from \(acl)"
        case .associateRouteTable(let subnet, let table):
            "associate subnet \(subnet) with route table \(table)"
        case .associateNetworkACL(let subnet, let acl):
            "associate subnet \(subnet) with network ACL \(acl)"
        case .associateTransitGatewayRouteTable(let attachment, let table):
            "associate attachment \(attachment) with transit gateway route table \(table)"
        case .disassociateTransitGatewayRouteTable(let attachment):
            "disassociate attachment \(attachment) from its transit gateway route table"
        case .addTransitGatewayPropagation(let table, let attachment):
            "propagate attachment \(attachment) into transit gateway route table \(table)"
        case .removeTransitGatewayPropagation(let table, let attachment):
            "stop propagating attachment \(attachment) into transit gateway route table \(table)"
        case .addTransitGatewayRoute(let table, let destination, let attachment):
            "add transit gateway route \(destination) -> \(attachment ?? "blackhole") to \(table)"
        case .removeTransitGatewayRoute(let table, let destination):
            "remove transit gateway route \(destination) from \(table)"
        case .setPeeringStatus(let peering, let status):
            "set the status of peering connection \(peering) to \(status)"
        case .setPubliclyAccessible(let database, let value):
            "make \(database) \(value ? "" : "not ")publicly accessible"
        case .setPublicIP(let interface, let address?):
            "set the public IP of \(interface) to \(address)"
        case .setPublicIP(let interface, nil):
            "remove the public IP of \(interface)"
        }
    }

    /// How network ACL rules name a direction: `inbound` or `outbound`.
    static func aclSide(_ direction: TrafficDirection) -> String {
        direction == .ingress ? "inbound" : "outbound"
    }
}

extension SecurityGroupRule {
    /// `ingress rule tcp 5432 from 10.9.0.0/16`.
    var summary: String {
        "\(direction.rawValue) rule \(match) \(direction == .ingress ? "from" : "to") \(peer)"
    }
}

extension NetworkACLEntry {
    /// `inbound rule 90`.
    var ruleName: String {
        "\(TopologyChange.aclSide(direction)) rule \(ruleNumber)"
    }

    /// `allow tcp 5432 from 10.0.1.0/24`.
    var verdictSummary: String {
        "\(action.rawValue) \(match) \(direction == .ingress ? "from" : "to") \(cidrBlock)"
    }
}
