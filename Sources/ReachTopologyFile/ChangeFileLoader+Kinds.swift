import ReachChange
import ReachModel

/// The change kinds of a change file: the key naming each, the keys of its fields, and the
/// reading of them.
enum ChangeKind: String, CaseIterable {
    case addSecurityGroupRule
    case removeSecurityGroupRule
    case addRoute
    case removeRoute
    case addNetworkAclEntry
    case removeNetworkAclEntry
    case associateRouteTable
    case associateNetworkAcl
    case associateTransitGatewayRouteTable
    case disassociateTransitGatewayRouteTable
    case addTransitGatewayPropagation
    case removeTransitGatewayPropagation
    case addTransitGatewayRoute
    case removeTransitGatewayRoute
    case setPeeringStatus
    case setPubliclyAccessible
    case setPublicIp

    /// What the fields describe, for messages.
    var itemDescription: String {
        "the fields of \(rawValue)"
    }

    /// The keys allowed in the fields.
    var allowedKeys: [String] {
        // The rule and route keys are the topology format's.
        return switch self {
        case .addSecurityGroupRule, .removeSecurityGroupRule:
            ["group", "direction"] + Section.ingressRuleKeys + ["to"]
        case .addRoute: ["routeTable", "destination", "target"]
        case .removeRoute: ["routeTable", "destination"]
        case .addNetworkAclEntry: ["networkAcl", "direction"] + Section.aclEntryKeys
        case .removeNetworkAclEntry: ["networkAcl", "direction", "rule"]
        case .associateRouteTable: ["subnet", "routeTable"]
        case .associateNetworkAcl: ["subnet", "networkAcl"]
        case .associateTransitGatewayRouteTable: ["attachment", "routeTable"]
        case .disassociateTransitGatewayRouteTable: ["attachment"]
        case .addTransitGatewayPropagation, .removeTransitGatewayPropagation: ["routeTable", "attachment"]
        case .addTransitGatewayRoute: ["routeTable"] + Section.transitGatewayRouteKeys
        case .removeTransitGatewayRoute: ["routeTable", "destination"]
        case .setPeeringStatus: ["peering", "status"]
        case .setPubliclyAccessible: ["database", "value"]
        case .setPublicIp: ["interface", "address"]
        }
    }

    /// The changes `fields` describe.
    func changes(_ fields: YAMLMapping) throws(TopologyFileError) -> [TopologyChange] {
        let attachment = "a transit gateway attachment"
        let tgwTable = "a transit gateway route table"
        switch self {
        case .addSecurityGroupRule:
            let group = try fields.reference("group", "a security group")
            return try securityGroupRules(fields).map { .addSecurityGroupRule(group: group, rule: $0) }
        case .removeSecurityGroupRule:
            let group = try fields.reference("group", "a security group")
            return try securityGroupRules(fields).map { .removeSecurityGroupRule(group: group, rule: $0) }
        case .addRoute:
            return [try addRoute(fields)]
        case .removeRoute:
            let table = try fields.reference("routeTable", "a route table")
            return [.removeRoute(routeTable: table, destination: try fields.destination())]
        case .addNetworkAclEntry:
            let acl = try fields.reference("networkAcl", "a network ACL")
            return [.addNetworkACLEntry(acl: acl, entry: try fields.networkACLEntry(try fields.direction()))]
        case .removeNetworkAclEntry:
            let acl = try fields.reference("networkAcl", "a network ACL")
            let direction = try fields.direction()
            return [
                .removeNetworkACLEntry(acl: acl, direction: direction, ruleNumber: try fields.aclRuleNumber())
            ]
        case .associateRouteTable:
            let subnet = try fields.reference("subnet", "a subnet")
            return [
                .associateRouteTable(
                    subnet: subnet, routeTable: try fields.reference("routeTable", "a route table"))
            ]
        case .associateNetworkAcl:
            let subnet = try fields.reference("subnet", "a subnet")
            return [
                .associateNetworkACL(subnet: subnet, acl: try fields.reference("networkAcl", "a network ACL"))
            ]
        case .associateTransitGatewayRouteTable:
            let attachmentID = try fields.reference("attachment", attachment)
            return [
                .associateTransitGatewayRouteTable(
                    attachment: attachmentID, routeTable: try fields.reference("routeTable", tgwTable))
            ]
        case .disassociateTransitGatewayRouteTable:
            return [
                .disassociateTransitGatewayRouteTable(
                    attachment: try fields.reference("attachment", attachment))
            ]
        case .addTransitGatewayPropagation:
            let table = try fields.reference("routeTable", tgwTable)
            return [
                .addTransitGatewayPropagation(
                    routeTable: table, attachment: try fields.reference("attachment", attachment))
            ]
        case .removeTransitGatewayPropagation:
            let table = try fields.reference("routeTable", tgwTable)
            return [
                .removeTransitGatewayPropagation(
                    routeTable: table, attachment: try fields.reference("attachment", attachment))
            ]
        case .addTransitGatewayRoute:
            return [try addTransitGatewayRoute(fields)]
        case .removeTransitGatewayRoute:
            let table = try fields.reference("routeTable", tgwTable)
            return [.removeTransitGatewayRoute(routeTable: table, destination: try fields.destination())]
        case .setPeeringStatus:
            return [try setPeeringStatus(fields)]
        case .setPubliclyAccessible:
            let database = try fields.reference("database", "a DB instance or DB cluster")
            return [.setPubliclyAccessible(database: database, try fields.required("value").bool())]
        case .setPublicIp:
            return [try setPublicIP(fields)]
        }
    }
}

extension YAMLMapping {
    /// The required name or id under `key`; `what` names the kind for messages.
    func reference(_ key: String, _ what: String) throws(TopologyFileError) -> String {
        try required(key).name("the name or id of \(what)")
    }

    /// The required `direction`: ingress or egress.
    func direction() throws(TopologyFileError) -> TrafficDirection {
        let value = try required("direction")
        guard let direction = TrafficDirection(rawValue: try value.scalarText("ingress or egress")) else {
            throw value.invalid("ingress or egress")
        }
        return direction
    }
}
