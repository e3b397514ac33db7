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
        // Every ACL is in the graph at its position, so reading all subnets' associations
        // is the whole answer.
        networkACL(ofSubnets: Array(graph.subnets.indices), graph).map(\.acl)
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

    /// ``routeTableOfEachSubnet(_:)`` for the subnets at `subnets` only, in one pass over the
    /// tables' associations rather than an index of every subnet: a what-if moves a subnet or
    /// two. `graph` must have every table of the topology (none of an unknown VPC).
    func routeTable(ofSubnets subnets: [Int], _ graph: ForwardingGraph) -> [(subnet: Int, table: Int)] {
        associations(of: subnets, among: topology.routeTables, isDefault: \.isMain, graph)
    }

    /// ``networkACLOfEachSubnet(_:)`` for the subnets at `subnets` only, as
    /// ``routeTable(ofSubnets:_:)`` does for route tables.
    func networkACL(ofSubnets subnets: [Int], _ graph: ForwardingGraph) -> [(subnet: Int, acl: Int)] {
        associations(of: subnets, among: topology.networkACLs, isDefault: \.isDefault, graph).map {
            (subnet: $0.subnet, acl: $0.table)
        }
    }

    /// Each subnet's resource among `resources` (whose positions are graph indices): the last
    /// that lists it (the last with that one's id, as an index by id keeps), else the last
    /// default of its VPC, else -1.
    private func associations<Resource: SubnetAssociating>(
        of subnets: [Int], among resources: [Resource], isDefault: (Resource) -> Bool,
        _ graph: ForwardingGraph
    ) -> [(subnet: Int, table: Int)] {
        guard !subnets.isEmpty else { return [] }
        var wanted: [String: Int] = [:]
        for subnet in subnets where graph.subnetIndex[graph.subnets[subnet].ref.id] == subnet {
            wanted[graph.subnets[subnet].ref.id] = subnet
        }
        let vpcs = Set(subnets.map { graph.subnets[$0].vpc })
        var explicit: [Int: Int] = [:]
        var defaults: [Int: Int] = [:]
        // By position: a resource read whole would copy every one of its properties.
        for position in resources.indices {
            if isDefault(resources[position]), let vpc = graph.vpcIndex[resources[position].vpcID],
                vpcs.contains(vpc)
            {
                defaults[vpc] = position
            }
            for id in resources[position].subnetIDs {
                if let subnet = wanted[id] { explicit[subnet] = position }
            }
        }
        func index(_ position: Int) -> Int {
            resources.lastIndex { $0.id == resources[position].id } ?? position
        }
        return subnets.map { subnet in
            (subnet, explicit[subnet].map(index) ?? defaults[graph.subnets[subnet].vpc] ?? -1)
        }
    }
}
