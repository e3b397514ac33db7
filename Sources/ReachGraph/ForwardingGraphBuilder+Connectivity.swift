import ReachModel
import ReachNetwork

/// Compiles transit gateways, hybrid connectivity, endpoints, load balancers and firewalls.
extension ForwardingGraphBuilder {
    /// AWS services addressable through their AWS-managed prefix lists (`com.amazonaws.REGION.SERVICE`).
    mutating func buildAWSServices(_ graph: inout ForwardingGraph) {
        for list in topology.prefixLists where list.name.hasPrefix("com.amazonaws.") {
            let index = graph.awsServices.count
            graph.awsServices.append(
                CompiledAWSService(
                    ref: ComponentRef(kind: "aws-service", id: list.name, name: list.name),
                    addresses: IPv4AddressSet(list.cidrBlocks)))
            graph.awsServiceIndex[list.name] = index
            graph.awsServiceIndex[list.id] = index
            list.cidrBlocks.forEach { addBoundaries($0) }
        }
    }

    private func hybridGateway(_ ref: HybridGatewayRef, _ graph: ForwardingGraph) -> CompiledHybridGateway? {
        switch ref {
        case .virtualPrivateGateway(let id):
            graph.virtualPrivateGatewayIndex[id].map(CompiledHybridGateway.virtualPrivateGateway)
        case .transitGateway(let id): graph.transitGatewayIndex[id].map(CompiledHybridGateway.transitGateway)
        case .directConnectGateway(let id):
            graph.directConnectGatewayIndex[id].map(CompiledHybridGateway.directConnectGateway)
        }
    }

    /// Transit gateways, virtual private gateways, Direct Connect gateways, VPN connections,
    /// virtual interfaces, then attachments and transit gateway route tables, which need them.
    mutating func buildTransitGateways(_ graph: inout ForwardingGraph) {
        for gateway in topology.transitGateways {
            graph.transitGatewayIndex[gateway.id] = graph.transitGateways.count
            graph.transitGateways.append(
                CompiledTransitGateway(
                    ref: ComponentRef(.transitGateway, id: gateway.id, name: gateway.name),
                    region: gateway.region))
        }
        for gateway in topology.virtualPrivateGateways {
            graph.virtualPrivateGatewayIndex[gateway.id] = graph.virtualPrivateGateways.count
            graph.virtualPrivateGateways.append(
                CompiledVirtualPrivateGateway(
                    ref: ComponentRef(.virtualPrivateGateway, id: gateway.id, name: gateway.name),
                    vpc: gateway.vpcID.flatMap { graph.vpcIndex[$0] }))
        }
        for (index, gateway) in topology.directConnectGateways.enumerated() {
            graph.directConnectGatewayIndex[gateway.id] = index
        }
        for gateway in topology.directConnectGateways {
            graph.directConnectGateways.append(
                CompiledDirectConnectGateway(
                    ref: ComponentRef(.directConnectGateway, id: gateway.id, name: gateway.name),
                    associations: gateway.associations.compactMap { association in
                        association.allowedPrefixes.forEach { addBoundaries($0) }
                        return hybridGateway(association.gateway, graph).map {
                            ($0, association.allowedPrefixes)
                        }
                    }))
        }
        let customerGatewaySites = Dictionary(
            topology.customerGateways.map { ($0.id, $0.siteID) }, uniquingKeysWith: { first, _ in first })
        var connectionIndex: [String: Int] = [:]
        for connection in topology.vpnConnections {
            guard let gateway = hybridGateway(connection.gateway, graph) else { continue }
            connection.onPremPrefixes.forEach { addBoundaries($0) }
            connectionIndex[connection.id] = graph.hybridConnections.count
            graph.hybridConnections.append(
                CompiledHybridConnection(
                    ref: ComponentRef(.vpnConnection, id: connection.id, name: connection.name), kind: .vpn,
                    site: (customerGatewaySites[connection.customerGatewayID] ?? nil).flatMap {
                        graph.onPremIndex[$0]
                    },
                    gateway: gateway, onPremPrefixes: connection.onPremPrefixes,
                    staticRoutesOnly: connection.staticRoutesOnly,
                    isAvailable: connection.state == "available"))
        }
        for interface in topology.virtualInterfaces {
            guard let gateway = hybridGateway(interface.gateway, graph) else { continue }
            interface.onPremPrefixes.forEach { addBoundaries($0) }
            graph.hybridConnections.append(
                CompiledHybridConnection(
                    ref: ComponentRef(.virtualInterface, id: interface.id, name: interface.name),
                    kind: interface.kind == .transit ? .transitVirtualInterface : .privateVirtualInterface,
                    site: graph.onPremIndex[interface.siteID], gateway: gateway,
                    onPremPrefixes: interface.onPremPrefixes,
                    staticRoutesOnly: false, isAvailable: interface.state == "available"))
        }
        buildAttachments(&graph, connectionIndex: connectionIndex)
        buildTransitGatewayRouteTables(&graph)
    }

    private mutating func buildAttachments(_ graph: inout ForwardingGraph, connectionIndex: [String: Int]) {
        for (index, attachment) in topology.transitGatewayAttachments.enumerated() {
            graph.attachmentIndex[attachment.id] = index
        }
        for attachment in topology.transitGatewayAttachments {
            let resource: CompiledAttachmentResource
            switch attachment.resource {
            case .vpc(let vpcID, let subnetIDs):
                var zones: [String: Int] = [:]
                for subnetID in subnetIDs {
                    if let subnet = graph.subnetIndex[subnetID] {
                        zones[graph.subnets[subnet].availabilityZone] = subnet
                    }
                }
                resource = .vpc(vpc: graph.vpcIndex[vpcID] ?? -1, subnetsByZone: ZoneSubnets(zones))
            case .vpn(let connectionID):
                resource = .vpn(connectionIndex[connectionID] ?? -1)
            case .directConnectGateway(let gatewayID):
                resource = .directConnectGateway(graph.directConnectGatewayIndex[gatewayID] ?? -1)
            case .peering(let peerID, let peerAttachmentID):
                resource = .peering(
                    peerTransitGateway: graph.transitGatewayIndex[peerID] ?? -1,
                    peerAttachment: peerAttachmentID.flatMap { graph.attachmentIndex[$0] })
            }
            graph.attachments.append(
                CompiledAttachment(
                    ref: ComponentRef(.transitGatewayAttachment, id: attachment.id, name: attachment.name),
                    transitGateway: graph.transitGatewayIndex[attachment.transitGatewayID] ?? -1,
                    resource: resource,
                    applianceMode: attachment.applianceMode, isAvailable: attachment.isAvailable,
                    routeTable: nil))
        }
        for (index, attachment) in graph.attachments.enumerated() where attachment.isAvailable {
            switch attachment.resource {
            case .vpc(let vpc, _):
                let key = TransitGatewayAndVPC(transitGateway: attachment.transitGateway, other: vpc)
                if graph.vpcAttachment[key] == nil { graph.vpcAttachment[key] = index }
            case .vpn(let connection):
                if graph.vpnAttachment[connection] == nil { graph.vpnAttachment[connection] = index }
            case .directConnectGateway(let gateway):
                let key = TransitGatewayAndVPC(transitGateway: attachment.transitGateway, other: gateway)
                if graph.directConnectAttachment[key] == nil { graph.directConnectAttachment[key] = index }
            case .peering:
                break
            }
        }
    }

    /// The prefixes an attachment propagates into a transit gateway route table (S-TGW-2).
    private func propagatedPrefixes(of attachment: Int, _ graph: ForwardingGraph) -> [IPv4Prefix] {
        switch graph.attachments[attachment].resource {
        case .vpc(let vpc, _):
            return vpc >= 0 ? graph.vpcs[vpc].cidrs : []
        case .vpn(let connection):
            guard connection >= 0, !graph.hybridConnections[connection].staticRoutesOnly else { return [] }
            return graph.hybridConnections[connection].onPremPrefixes
        case .directConnectGateway(let gateway):
            return graph.hybridConnections.filter {
                $0.kind == .transitVirtualInterface && $0.gateway == .directConnectGateway(gateway)
            }.flatMap(\.onPremPrefixes)
        case .peering:
            return []  // S-TGW-4: static routes only.
        }
    }

    private mutating func buildTransitGatewayRouteTables(_ graph: inout ForwardingGraph) {
        for table in topology.transitGatewayRouteTables {
            graph.transitGatewayRouteTables.append(compileTransitGatewayRouteTable(table, graph))
        }
        for (attachment, table) in transitGatewayRouteTableOfEachAttachment(graph).enumerated() {
            graph.attachments[attachment].routeTable = table
        }
    }

    /// `table`'s static and propagated routes compiled for longest prefix match, the static
    /// ones' prefixes added to the boundaries. `graph` must have its attachments compiled.
    mutating func compileTransitGatewayRouteTable(_ table: TransitGatewayRouteTable, _ graph: ForwardingGraph)
        -> CompiledTransitGatewayRouteTable
    {
        var routes: [CompiledTransitGatewayRoute] = []
        for route in table.routes {
            let prefixes = prefixes(of: route.destination)
            let attachment = route.attachmentID.flatMap { graph.attachmentIndex[$0] }
            for prefix in prefixes {
                addBoundaries(prefix)
                let target = route.attachmentID.map { "-> \($0)" } ?? "blackhole"
                routes.append(
                    CompiledTransitGatewayRoute(
                        prefix: prefix, attachment: attachment, isStatic: true,
                        label: "static route \(prefix) \(target)"))
            }
        }
        for id in table.propagationIDs {
            guard let attachment = graph.attachmentIndex[id] else { continue }
            for prefix in propagatedPrefixes(of: attachment, graph) {
                routes.append(
                    CompiledTransitGatewayRoute(
                        prefix: prefix, attachment: attachment, isStatic: false,
                        label: "propagated route \(prefix) -> \(id)"))
            }
        }
        // Longest prefix first; for the same prefix static before propagated, then input order.
        let ordered = routes.enumerated().sorted { a, b in
            if a.element.prefix.length != b.element.prefix.length {
                return a.element.prefix.length > b.element.prefix.length
            }
            if a.element.isStatic != b.element.isStatic { return a.element.isStatic }
            return a.offset < b.offset
        }.map(\.element)
        return CompiledTransitGatewayRouteTable(
            ref: ComponentRef(.transitGatewayRouteTable, id: table.id, name: table.name),
            transitGateway: graph.transitGatewayIndex[table.transitGatewayID] ?? -1, routes: ordered)
    }

    /// Interface endpoints, gateway endpoints, endpoint services, load balancers and target groups.
    mutating func buildEndpointsAndLoadBalancers(_ graph: inout ForwardingGraph) {
        for endpoint in topology.vpcEndpoints {
            let ref = ComponentRef(.vpcEndpoint, id: endpoint.id, name: endpoint.name)
            switch endpoint.kind {
            case .gateway:
                guard let vpc = graph.vpcIndex[endpoint.vpcID] else { continue }
                graph.gatewayEndpointIndex[endpoint.id] = graph.gatewayEndpoints.count
                graph.gatewayEndpoints.append(
                    CompiledGatewayEndpoint(
                        ref: ref, vpc: vpc, service: graph.awsServiceIndex[endpoint.serviceName]))
            case .interface:
                let index = graph.interfaceEndpoints.count
                graph.interfaceEndpointIndex[endpoint.id] = index
                var compiled = CompiledInterfaceEndpoint(
                    ref: ref, serviceName: endpoint.serviceName, isAvailable: endpoint.state == "available")
                for placed in endpoint.interfaces {
                    let subnets = graph.subnets
                    let interface = addPlacedInterface(
                        placed,
                        ref: {
                            ComponentRef(
                                kind: ResourceKind.vpcEndpoint.rawValue, id: endpoint.id,
                                name: "\(endpoint.name) in \(subnets[$0].ref.name)")
                        }, owner: .vpcEndpoint(index), groups: endpoint.securityGroupIDs, &graph)
                    if let interface { compiled.interfaces.append(interface) }
                }
                graph.interfaceEndpoints.append(compiled)
            case .gatewayLoadBalancer:
                continue
            }
        }
        for (index, group) in topology.targetGroups.enumerated() { graph.targetGroupIndex[group.id] = index }
        for (index, balancer) in topology.loadBalancers.enumerated() {
            graph.loadBalancerIndex[balancer.id] = index
        }
        for balancer in topology.loadBalancers {
            let index = graph.loadBalancers.count
            var compiled = CompiledLoadBalancer(
                ref: ComponentRef(.loadBalancer, id: balancer.id, name: balancer.name),
                isNetwork: balancer.type == "network",
                listeners: balancer.listeners.compactMap { listener in
                    graph.targetGroupIndex[listener.targetGroupID].map {
                        CompiledListener(
                            protocolName: listener.protocolName.uppercased(), port: listener.port,
                            targetGroup: $0)
                    }
                })
            for node in balancer.nodes {
                let subnets = graph.subnets
                let interface = addPlacedInterface(
                    node,
                    ref: {
                        ComponentRef(
                            kind: ResourceKind.loadBalancer.rawValue, id: balancer.id,
                            name: "\(balancer.name) node in \(subnets[$0].ref.name)")
                    }, owner: .loadBalancerNode(index), groups: balancer.securityGroupIDs, &graph)
                if let interface { compiled.nodes.append(interface) }
            }
            graph.loadBalancers.append(compiled)
        }
        let instancePrimaryInterface = Dictionary(
            topology.instances.compactMap { instance in
                instance.networkInterfaceIDs.first.map { (instance.id, $0) }
            },
            uniquingKeysWith: { first, _ in first })
        for group in topology.targetGroups {
            let vpc = graph.vpcIndex[group.vpcID]
            let targets = group.targets.map { target -> CompiledTarget in
                let port = target.port ?? group.port
                if group.targetType == "instance" {
                    let interface = instancePrimaryInterface[target.id].flatMap { graph.interfaceIndex[$0] }
                    return CompiledTarget(
                        label: target.id,
                        address: interface.flatMap { graph.interfaces[$0].privateIPs.first },
                        place: interface.map(TracePlace.interface), port: port, health: target.health)
                }
                guard let address = IPv4Address(target.id), let vpc else {
                    return CompiledTarget(
                        label: target.id, address: nil, place: nil, port: port, health: target.health)
                }
                if let interface = graph.interface(withPrivateIP: address, inVPC: vpc) {
                    return CompiledTarget(
                        label: target.id, address: address, place: .interface(interface), port: port,
                        health: target.health)
                }
                let subnet = graph.subnet(containing: address, inVPC: vpc)
                return CompiledTarget(
                    label: target.id, address: address, place: subnet.map { TracePlace.host(subnet: $0) },
                    port: port,
                    health: target.health)
            }
            graph.targetGroups.append(
                CompiledTargetGroup(
                    ref: ComponentRef(.targetGroup, id: group.id, name: group.name), targets: targets))
        }
        for service in topology.vpcEndpointServices {
            graph.endpointServices.append(
                CompiledEndpointService(
                    ref: ComponentRef(.vpcEndpointService, id: service.id, name: service.name),
                    serviceName: service.serviceName,
                    loadBalancers: service.loadBalancerIDs.compactMap { graph.loadBalancerIndex[$0] }))
        }
    }

    /// Network Firewalls and the index of their endpoints.
    mutating func buildNetworkFirewalls(_ graph: inout ForwardingGraph) {
        let policies = Dictionary(
            topology.firewallPolicies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for firewall in topology.networkFirewalls {
            let index = graph.networkFirewalls.count
            let policy = policies[firewall.policyID]
            for rule in policy?.statelessRules ?? [] {
                (rule.sources + rule.destinations).forEach { addBoundaries($0) }
                for range in rule.sourcePorts + rule.destinationPorts {
                    addPortBoundaries(range)
                }
            }
            for rule in policy?.statefulRules ?? [] {
                [rule.source, rule.destination].compactMap { $0 }.forEach { addBoundaries($0) }
                for range in [rule.sourcePort, rule.destinationPort].compactMap({ $0 }) {
                    addPortBoundaries(range)
                }
            }
            graph.networkFirewalls.append(
                CompiledNetworkFirewall(
                    ref: ComponentRef(.networkFirewall, id: firewall.id, name: firewall.name),
                    policy: policy.map(FirewallPolicyEvaluator.init)))
            for endpoint in firewall.endpoints {
                if let subnet = graph.subnetIndex[endpoint.subnetID] {
                    graph.firewallEndpointIndex[endpoint.endpointID] = (index, subnet)
                }
            }
        }
    }

    /// Routes a VPC route table gets without listing them: on-prem prefixes propagated by its
    /// virtual private gateways (S-H-1) and the prefix lists of its gateway endpoints (S-PL-2).
    func propagatedAndEndpointRoutes(for table: RouteTable, _ graph: ForwardingGraph) -> [CompiledRoute] {
        var routes: [CompiledRoute] = []
        for gatewayID in table.propagatingGatewayIDs {
            guard let gateway = graph.virtualPrivateGatewayIndex[gatewayID] else { continue }
            for prefix in onPremPrefixes(behind: gateway, graph) {
                routes.append(
                    CompiledRoute(
                        prefix: prefix, target: .virtualPrivateGateway(gateway),
                        label: "route \(prefix) -> \(gatewayID) (propagated)"))
            }
        }
        for endpoint in topology.vpcEndpoints
        where endpoint.kind == .gateway && endpoint.routeTableIDs.contains(table.id) {
            guard let index = graph.gatewayEndpointIndex[endpoint.id],
                let service = graph.gatewayEndpoints[index].service
            else {
                continue
            }
            for prefix in graph.awsServices[service].addresses.prefixes {
                routes.append(
                    CompiledRoute(
                        prefix: prefix, target: .gatewayEndpoint(index),
                        label: "route \(prefix) (prefix list \(endpoint.serviceName)) -> \(endpoint.id)"))
            }
        }
        return routes
    }

    /// The on-prem prefixes reachable behind a virtual private gateway: its VPN connections,
    /// its private virtual interfaces, and those of Direct Connect gateways associated with it.
    func onPremPrefixes(behind gateway: Int, _ graph: ForwardingGraph) -> [IPv4Prefix] {
        graph.hybridConnections.filter { graph.reaches(connection: $0, virtualPrivateGateway: gateway) }
            .flatMap(\.onPremPrefixes)
    }
}

extension ForwardingGraph {
    /// Whether `connection` ends on virtual private gateway `gateway`, directly or through a
    /// Direct Connect gateway associated with it.
    func reaches(connection: CompiledHybridConnection, virtualPrivateGateway gateway: Int) -> Bool {
        switch connection.gateway {
        case .virtualPrivateGateway(let g): return g == gateway
        case .directConnectGateway(let d):
            return connection.kind == .privateVirtualInterface
                && directConnectGateways[d].associations.contains {
                    $0.gateway == .virtualPrivateGateway(gateway)
                }
        case .transitGateway: return false
        }
    }
}
