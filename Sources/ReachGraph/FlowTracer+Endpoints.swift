import ReachModel
import ReachNetwork

/// VPC endpoints: gateway endpoints to AWS services (S-PL-2) and PrivateLink (S-PL-1).
extension FlowTracer {
    /// A packet routed to a gateway endpoint reaches its AWS service privately.
    mutating func toGatewayEndpoint(
        _ index: Int, from subnet: Int, table: CompiledRouteTable, route: CompiledRoute, _ packet: Packet
    ) -> Arrival? {
        let endpoint = graph.gatewayEndpoints[index]
        hop(table.ref, .routed, rule: route.label, "longest prefix match: to the gateway endpoint", packet)
        checkNetworkACL(of: subnet, packet, outbound: true)
        guard let service = endpoint.service else {
            stopUnknown(
                endpoint.ref, .unknownResource, rule: nil,
                "the prefix list of \(endpoint.ref)'s service is not in the input")
            return nil
        }
        gatewayEndpointUsed = index
        hop(
            endpoint.ref, .delivered,
            describe: { "delivered to \($0.awsServices[service].ref) through \(endpoint.ref)" }, packet)
        return Arrival(place: .awsService(service), packet: packet)
    }

    /// The reply of an AWS service: back through the gateway endpoint the request used, else
    /// over the internet.
    mutating func replyFromAWSService(_ service: Int, _ packet: Packet) -> Arrival? {
        hop(
            graph.awsServices[service].ref, .sent, describe: { "sent by \($0.awsServices[service].ref)" },
            packet)
        guard let index = gatewayEndpointUsed else { return carryOverInternet(packet) }
        let endpoint = graph.gatewayEndpoints[index]
        guard let subnet = graph.subnet(containing: packet.destination, inVPC: endpoint.vpc) else {
            block(
                endpoint.ref, rule: nil, .noRouteToDestination, "no subnet holds \(packet.destination)",
                packet: packet)
            return nil
        }
        hop(endpoint.ref, .forwarded, "back through \(endpoint.ref)", packet)
        checkNetworkACL(of: subnet, packet, outbound: false)
        return deliver(inSubnet: subnet, packet)
    }

    /// A request that reached an interface endpoint's interface (its security groups already
    /// checked) goes on to the endpoint service's Network Load Balancer and its targets, and
    /// their replies come back; the request then counts as arrived at the endpoint (S-PL-1).
    mutating func throughPrivateLink(endpointIndex: Int, interface: Int, _ packet: Packet) -> Arrival? {
        let endpoint = graph.interfaceEndpoints[endpointIndex]
        pathDependsOnPorts = true
        let arrived = Arrival(place: .interface(interface), packet: packet)
        guard endpoint.isAvailable else {
            block(
                endpoint.ref, rule: nil, .badStateAttachment, "\(endpoint.ref) is not available",
                packet: packet)
            return nil
        }
        guard let service = graph.endpointServices.first(where: { $0.serviceName == endpoint.serviceName })
        else {
            if endpoint.serviceName.hasPrefix("com.amazonaws."),
                !endpoint.serviceName.hasPrefix("com.amazonaws.vpce.")
            {
                hop(endpoint.ref, .delivered, "delivered to the AWS service \(endpoint.serviceName)", packet)
                return arrived
            }
            stopUnknown(
                endpoint.ref, .unknownResource, rule: nil,
                "the endpoint service \(endpoint.serviceName) is not in the input")
            return nil
        }
        guard let balancerIndex = service.loadBalancers.first else {
            stopUnknown(
                service.ref, .unknownResource, rule: nil, "\(service.ref) has no load balancer in the input")
            return nil
        }
        let balancer = graph.loadBalancers[balancerIndex]
        hop(service.ref, .forwarded, "PrivateLink to \(balancer.ref)", packet)
        guard balancer.isNetwork else {
            stopUnknown(
                balancer.ref, .unsupportedComponent, rule: nil, "only Network Load Balancers are modelled")
            return nil
        }
        guard let listener = balancer.listeners.first(where: { $0.port == packet.destinationPort }) else {
            block(
                balancer.ref, rule: "no listener on port \(packet.destinationPort)", .targetPortRestriction,
                "\(balancer.ref) has no listener on \(packet.protocolNumber) port \(packet.destinationPort)",
                packet: packet)
            return nil
        }
        guard Self.listener(listener.protocolName, carries: packet.protocolNumber) else {
            block(
                balancer.ref, rule: "listener \(listener.protocolName) \(listener.port)",
                .protocolRestriction,
                "the listener on port \(listener.port) takes \(listener.protocolName), not \(packet.protocolNumber)",
                packet: packet)
            return nil
        }
        let zone = graph.subnets[graph.interfaces[interface].subnet].availabilityZone
        guard
            let node = balancer.nodes.first(where: {
                graph.subnets[graph.interfaces[$0].subnet].availabilityZone == zone
            }),
            let nodeAddress = graph.interfaces[node].privateIPs.first
        else {
            block(
                balancer.ref, rule: nil, .vpceServiceNotInstalledInZone,
                "\(balancer.ref) has no node in \(zone), where \(endpoint.ref) is", packet: packet)
            return nil
        }
        let group = graph.targetGroups[listener.targetGroup]
        // The load balancer spreads flows over healthy targets, or over all when none is healthy.
        let healthy = group.targets.filter {
            $0.health == nil || $0.health == "healthy" || $0.health == "initial"
        }
        let targets = healthy.isEmpty ? group.targets : healthy
        guard !targets.isEmpty else {
            block(group.ref, rule: nil, .unknownDestination, "\(group.ref) has no targets", packet: packet)
            return nil
        }
        if !graph.interfaces[node].securityGroups.isEmpty {
            checkSecurityGroups(of: node, packet, .ingress)
        }
        // Each target is one possible backend: all must answer for the endpoint to be reachable.
        var outcomes: [(target: CompiledTarget, tracer: FlowTracer, reached: Bool)] = []
        for target in targets {
            var branch = self.branch()
            let reached = branch.providerRoundTrip(
                to: target, node: node, nodeAddress: nodeAddress, group: group, packet)
            outcomes.append((target, branch, reached))
        }
        let reaching = outcomes.filter { $0.reached && $0.tracer.blockers.count == blockers.count }
        if reaching.count == outcomes.count || reaching.isEmpty {
            let shown = outcomes[0].tracer
            self = shown
            guard outcomes[0].reached else { return nil }
            hop(endpoint.ref, .forwarded, "the provider's reply reaches \(endpoint.ref)", packet.reply)
            direction = .forward
            return arrived
        }
        let names = reaching.map(\.target.label).joined(separator: ", ")
        stopUnknown(
            group.ref, .endpointPartiallyReachable, rule: nil,
            "\(reaching.count) of \(outcomes.count) targets of \(group.ref) are reachable (\(names))")
        return nil
    }

    /// From a load balancer node to one target and back (S-PL-1: targets' security groups and
    /// ACLs see the node's address as the source).
    private mutating func providerRoundTrip(
        to target: CompiledTarget, node: Int, nodeAddress: IPv4Address, group: CompiledTargetGroup,
        _ packet: Packet
    ) -> Bool {
        guard let place = target.place, let address = target.address else {
            stopUnknown(group.ref, .unknownResource, rule: nil, "target \(target.label) is not in the input")
            return false
        }
        var request = packet
        request.source = nodeAddress
        request.destination = address
        request.destinationPort = target.port
        hop(
            graph.interfaces[node].ref, .translated,
            "to target \(target.label):\(target.port) from the node's address", request)
        guard let arrival = leave(subnet: graph.interfaces[node].subnet, request), arrival.place == place
        else { return false }
        direction = .return
        guard let back = send(arrival.packet.reply, from: place) else { return false }
        guard back.place == .interface(node) else {
            block(
                component(of: back.place), rule: nil, .asymmetricReturnPath,
                "the target's reply does not come back to \(graph.interfaces[node].ref)")
            return false
        }
        return true
    }

    private static func listener(_ protocolName: String, carries proto: IPProtocolNumber) -> Bool {
        switch protocolName {
        case "TCP", "TLS": proto == .tcp
        case "UDP": proto == .udp
        case "TCP_UDP": proto == .tcp || proto == .udp
        default: false
        }
    }
}
