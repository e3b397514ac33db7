import ReachModel

extension Topology {
    /// A copy with `changes` applied in order; the receiver is untouched.
    ///
    /// Each change sees the result of those before it. The first change that cannot be
    /// applied (a reference that names nothing, a removal of something absent, a duplicate
    /// AWS would reject, …) stops the whole set: there is no partial result.
    public func applying(_ changes: ChangeSet) throws(TopologyChangeError) -> Topology {
        var result = self
        for item in changes.items { try result.apply(item) }
        return result
    }

    /// Applies one change in place.
    private mutating func apply(_ item: ChangeSet.Item) throws(TopologyChangeError) {
        switch item.change {
        case .addSecurityGroupRule(let group, let rule):
            try addSecurityGroupRule(group: group, rule: rule, item)
        case .removeSecurityGroupRule(let group, let rule):
            try removeSecurityGroupRule(group: group, rule: rule, item)
        case .addRoute(let table, let destination, let target):
            try addRoute(table: table, destination: destination, target: target, item)
        case .removeRoute(let table, let destination):
            try removeRoute(table: table, destination: destination, item)
        case .associateRouteTable(let subnet, let table):
            try associate(subnet: subnet, with: table, in: \.routeTables, item)
        case .addNetworkACLEntry(let acl, let entry):
            try addNetworkACLEntry(acl: acl, entry: entry, item)
        case .removeNetworkACLEntry(let acl, let direction, let number):
            try removeNetworkACLEntry(acl: acl, direction: direction, ruleNumber: number, item)
        case .associateNetworkACL(let subnet, let acl):
            try associate(subnet: subnet, with: acl, in: \.networkACLs, item)
        case .associateTransitGatewayRouteTable(let attachment, let table):
            try associateTransitGatewayRouteTable(attachment: attachment, table: table, item)
        case .disassociateTransitGatewayRouteTable(let attachment):
            try disassociateTransitGatewayRouteTable(attachment: attachment, item)
        case .addTransitGatewayPropagation(let table, let attachment):
            try addTransitGatewayPropagation(table: table, attachment: attachment, item)
        case .removeTransitGatewayPropagation(let table, let attachment):
            try removeTransitGatewayPropagation(table: table, attachment: attachment, item)
        case .addTransitGatewayRoute(let table, let destination, let attachment):
            try addTransitGatewayRoute(table: table, destination: destination, attachment: attachment, item)
        case .removeTransitGatewayRoute(let table, let destination):
            try removeTransitGatewayRoute(table: table, destination: destination, item)
        case .setPeeringStatus(let peering, let status):
            try setPeeringStatus(peering: peering, status: status, item)
        case .setPubliclyAccessible(let database, let value):
            try setPubliclyAccessible(database: database, value, item)
        case .setPublicIP(let interface, let address):
            try setPublicIP(interface: interface, address, item)
        }
    }
}
