import ReachModel

/// Which route table and network ACL each subnet has, and which transit gateway route table
/// each attachment is associated with: computed from the topology's associations for a whole
/// graph, at build time and again when a what-if changes an association (see
/// ``ForwardingGraph/patching(to:)``).
extension ForwardingGraphBuilder {
    /// The route table (graph index) of each subnet: its explicit association, else its VPC's
    /// main table (S-R-1), else -1. A later table wins a subnet or VPC named twice.
    func routeTableOfEachSubnet(_ graph: ForwardingGraph) -> [Int] {
        var tableIndex: [String: Int] = [:]
        var mainTable: [Int: Int] = [:]
        var next = 0
        // Tables of unknown VPCs are not in the graph: count only the others.
        for table in topology.routeTables {
            guard let vpc = graph.vpcIndex[table.vpcID] else { continue }
            tableIndex[table.id] = next
            if table.isMain { mainTable[vpc] = next }
            next += 1
        }
        var result = graph.subnets.map { mainTable[$0.vpc] ?? -1 }
        for table in topology.routeTables {
            guard let index = tableIndex[table.id] else { continue }
            for subnetID in table.subnetIDs {
                if let subnet = graph.subnetIndex[subnetID] { result[subnet] = index }
            }
        }
        return result
    }

    /// The network ACL (graph index) of each subnet: its explicit association, else its VPC's
    /// default ACL, else -1. A later ACL wins a subnet or VPC named twice.
    func networkACLOfEachSubnet(_ graph: ForwardingGraph) -> [Int] {
        var aclIndex: [String: Int] = [:]
        var defaultACL: [Int: Int] = [:]
        for (index, acl) in topology.networkACLs.enumerated() {
            aclIndex[acl.id] = index
            if acl.isDefault, let vpc = graph.vpcIndex[acl.vpcID] { defaultACL[vpc] = index }
        }
        var result = graph.subnets.map { defaultACL[$0.vpc] ?? -1 }
        for acl in topology.networkACLs {
            guard let index = aclIndex[acl.id] else { continue }
            for subnetID in acl.subnetIDs {
                if let subnet = graph.subnetIndex[subnetID] { result[subnet] = index }
            }
        }
        return result
    }

    /// The transit gateway route table (graph index) each attachment is associated with, if
    /// any (S-TGW-1). A later table wins an attachment named twice.
    func transitGatewayRouteTableOfEachAttachment(_ graph: ForwardingGraph) -> [Int?] {
        var result = [Int?](repeating: nil, count: graph.attachments.count)
        for (index, table) in topology.transitGatewayRouteTables.enumerated() {
            for id in table.associationIDs {
                if let attachment = graph.attachmentIndex[id] { result[attachment] = index }
            }
        }
        return result
    }
}
