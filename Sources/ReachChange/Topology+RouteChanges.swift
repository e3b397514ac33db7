import ReachModel

/// Routes of VPC route tables (subnet associations: `Topology+SubnetAssociations.swift`).
extension Topology {
    /// Applies ``TopologyChange/addRoute(routeTable:destination:target:)``.
    mutating func addRoute(
        table: String, destination: RouteDestination, target: String, _ item: ChangeSet.Item
    ) throws(TopologyChangeError) {
        let index = try item.index(of: table, in: routeTables)
        let resolved = try resolvedDestination(destination, item)
        let tableRef = ResourceRef(.routeTable, routeTables[index].id)
        // AWS rejects a second route for one destination, and any route for a VPC block
        // (the local route already covers it).
        if routeTables[index].routes.contains(where: { $0.destination == resolved }) {
            throw .duplicate(item, resource: tableRef, what: "a route for \(resolved)")
        }
        let vpc = vpcs.first { $0.id == routeTables[index].vpcID }
        if case .cidr(let block) = resolved, vpc?.cidrBlocks.contains(block) == true {
            throw .duplicate(item, resource: tableRef, what: "the local route for \(block)")
        }
        let route = Route(destination: resolved, target: try routeTarget(target, item))
        routeTables[index].routes.append(route)
    }

    /// Applies ``TopologyChange/removeRoute(routeTable:destination:)``.
    mutating func removeRoute(
        table: String, destination: RouteDestination, _ item: ChangeSet.Item
    ) throws(TopologyChangeError) {
        let index = try item.index(of: table, in: routeTables)
        let resolved = try resolvedDestination(destination, item)
        guard routeTables[index].routes.contains(where: { $0.destination == resolved }) else {
            throw .absent(
                item, resource: ResourceRef(.routeTable, routeTables[index].id), what: "route for \(resolved)"
            )
        }
        routeTables[index].routes.removeAll { $0.destination == resolved }
    }

    /// `destination` with a prefix list named by its id.
    func resolvedDestination(
        _ destination: RouteDestination, _ item: ChangeSet.Item
    ) throws(TopologyChangeError) -> RouteDestination {
        guard case .prefixList(let reference) = destination else { return destination }
        let lists = ChangeSet.Item.candidates(prefixLists, matching: reference) { _, list in
            RouteDestination.prefixList(list.id)
        }
        return try item.pick(reference, kinds: [.prefixList], among: lists)
    }

    /// The target `reference` names, among every kind a route may target.
    private func routeTarget(_ reference: String, _ item: ChangeSet.Item) throws(TopologyChangeError)
        -> RouteTarget
    {
        typealias Item = ChangeSet.Item
        var candidates: [Candidate<RouteTarget>] = []
        candidates += Item.candidates(internetGateways, matching: reference) { .internetGateway($1.id) }
        candidates += Item.candidates(natGateways, matching: reference) { .natGateway($1.id) }
        candidates += Item.candidates(peeringConnections, matching: reference) { .peeringConnection($1.id) }
        candidates += Item.candidates(transitGateways, matching: reference) { .transitGateway($1.id) }
        candidates += Item.candidates(virtualPrivateGateways, matching: reference) {
            .virtualPrivateGateway($1.id)
        }
        candidates += Item.candidates(vpcEndpoints, matching: reference) { .vpcEndpoint($1.id) }
        candidates += Item.candidates(networkInterfaces, matching: reference) { .networkInterface($1.id) }
        candidates += Item.candidates(instances, matching: reference) { _, instance in
            // An instance stands for its primary interface.
            guard let primary = instance.networkInterfaceIDs.first,
                networkInterfaces.contains(where: { $0.id == primary })
            else {
                return nil
            }
            return .networkInterface(primary)
        }
        // Network Firewall endpoints have an id only: routes name them by it.
        for firewall in networkFirewalls {
            for endpoint in firewall.endpoints {
                candidates.append(
                    Candidate(
                        ref: ResourceRef(.vpcEndpoint, endpoint.endpointID), name: nil,
                        value: .vpcEndpoint(endpoint.endpointID)))
            }
        }
        let kinds: [ResourceKind] = [
            .internetGateway, .natGateway, .peeringConnection, .transitGateway, .virtualPrivateGateway,
            .vpcEndpoint, .networkInterface, .instance,
        ]
        return try item.pick(reference, kinds: kinds, among: candidates)
    }
}
