import ReachModel
import ReachNetwork

extension ForwardingGraphBuilder {
    /// `table` compiled for longest prefix match, its prefixes added to the boundaries; nil
    /// when its VPC is unknown. `graph` must have every other resource compiled.
    mutating func compileRouteTable(_ table: RouteTable, _ graph: ForwardingGraph)
        -> CompiledRouteTable?
    {
        guard let vpc = graph.vpcIndex[table.vpcID] else { return nil }
        var routes: [CompiledRoute] = []
        var explicitPrefixes: Set<IPv4Prefix> = []
        for route in table.routes {
            let target = route.state == .blackhole ? .blackhole : compileTarget(route.target, graph)
            let state = route.state == .blackhole ? " (blackhole)" : ""
            for prefix in prefixes(of: route.destination) {
                addBoundaries(prefix)
                explicitPrefixes.insert(prefix)
                let via =
                    prefix.description == route.destination.description
                    ? "" : " (prefix list \(route.destination))"
                routes.append(
                    CompiledRoute(
                        prefix: prefix, target: target,
                        label: "route \(prefix)\(via) -> \(route.target)\(state)"))
            }
        }
        // The local route of each VPC block is always there; a route for exactly the same block
        // replaces its target (AWS lets the local route point at a middlebox), a shorter one never wins.
        for cidr in graph.vpcs[vpc].cidrs where !explicitPrefixes.contains(cidr) {
            routes.append(CompiledRoute(prefix: cidr, target: .local, label: "route \(cidr) -> local"))
        }
        // Propagated and gateway-endpoint routes come last: for the same prefix, static and
        // local routes win (S-R-2).
        routes += propagatedAndEndpointRoutes(for: table, graph)
        // Stable sort: longest prefix first; among equal prefixes, input order.
        let ordered = routes.enumerated().sorted {
            $0.element.prefix.length != $1.element.prefix.length
                ? $0.element.prefix.length > $1.element.prefix.length : $0.offset < $1.offset
        }.map(\.element)
        return CompiledRouteTable(
            ref: ComponentRef(.routeTable, id: table.id, name: table.name), vpc: vpc, routes: ordered)
    }

    /// Where an active route leads; a gateway or connection the input lacks is a blackhole.
    private func compileTarget(_ target: RouteTarget, _ graph: ForwardingGraph)
        -> CompiledRouteTarget
    {
        switch target {
        case .local: .local
        case .internetGateway(let id):
            graph.internetGatewayIndex[id].map(CompiledRouteTarget.internetGateway) ?? .blackhole
        case .natGateway(let id): graph.natGatewayIndex[id].map(CompiledRouteTarget.natGateway) ?? .blackhole
        case .peeringConnection(let id): graph.peeringIndex[id].map(CompiledRouteTarget.peering) ?? .blackhole
        case .networkInterface(let id):
            graph.interfaceIndex[id].map(CompiledRouteTarget.interface) ?? .blackhole
        case .unsupported(let kind, let id): .unsupported(kind: kind, id: id)
        case .missing(let kind, let id): .missing(kind: kind, id: id)
        case .transitGateway(let id):
            graph.transitGatewayIndex[id].map(CompiledRouteTarget.transitGateway) ?? .blackhole
        case .virtualPrivateGateway(let id):
            graph.virtualPrivateGatewayIndex[id].map(CompiledRouteTarget.virtualPrivateGateway) ?? .blackhole
        case .vpcEndpoint(let id):
            if let firewall = graph.firewallEndpointIndex[id] {
                .firewallEndpoint(firewall: firewall.firewall, subnet: firewall.subnet, endpointID: id)
            } else if let endpoint = graph.gatewayEndpointIndex[id] {
                .gatewayEndpoint(endpoint)
            } else {
                .unsupported(kind: "vpc-endpoint", id: id)
            }
        }
    }
}
