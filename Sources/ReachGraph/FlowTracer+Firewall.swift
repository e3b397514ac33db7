import ReachModel
import ReachNetwork

/// AWS Network Firewall endpoints as route targets: stateless rules on every packet, the
/// stateful engine on forwarded flows, whose replies must come back through the same endpoint.
extension FlowTracer {
    mutating func throughFirewall(
        _ firewallIndex: Int, endpointID: String, endpointSubnet: Int, from subnet: Int,
        table: CompiledRouteTable,
        route: CompiledRoute, _ packet: Packet
    ) -> Arrival? {
        let firewall = graph.networkFirewalls[firewallIndex]
        pathDependsOnPorts = true
        let endpointRef = ComponentRef(
            kind: "firewall-endpoint", id: endpointID, name: "\(firewall.ref.name) endpoint \(endpointID)")
        hop(table.ref, .routed, rule: route.label, "longest prefix match: to \(endpointRef)", packet)
        if endpointSubnet != subnet {
            checkNetworkACL(of: subnet, packet, outbound: true)
            checkNetworkACL(of: endpointSubnet, packet, outbound: false)
        }
        guard let policy = firewall.policy else {
            stopUnknown(
                firewall.ref, .unknownResource, rule: nil,
                "the firewall policy of \(firewall.ref) is not in the input")
            return nil
        }
        let (action, rule) = policy.statelessAction(for: packet)
        let inspected = "\(firewall.ref) policy \(policy.policyRef)"
        switch action {
        case .drop:
            block(
                endpointRef, rule: rule, .networkFirewallDrop, "dropped by \(inspected) (stateless)",
                packet: packet)
        case .pass:
            hop(endpointRef, .allowed, rule: rule, "passed by \(inspected) (stateless)", packet)
        case .forwardToStateful:
            inspectStatefully(
                policy, inspected: inspected, endpoint: endpointRef, statelessRule: rule, packet)
        }
        return leave(subnet: endpointSubnet, packet)
    }

    /// The stateful engine: a reply passes at the endpoint that saw its request; a new flow is
    /// judged by the stateful rules. The endpoint, not the shared policy, names each verdict.
    private mutating func inspectStatefully(
        _ policy: FirewallPolicyEvaluator, inspected: String, endpoint: ComponentRef, statelessRule: String,
        _ packet: Packet
    ) {
        if direction == .return, let requestEndpoint = statefulEndpoint {
            if requestEndpoint == endpoint.id {
                hop(
                    endpoint, .allowed, rule: statelessRule,
                    "reply of a flow \(inspected) allowed (stateful)", packet)
            } else {
                block(
                    endpoint, rule: statelessRule, .asymmetricFirewallPath,
                    "the reply reaches endpoint \(endpoint.id), but the request went through \(requestEndpoint): the stateful "
                        + "engine has no state for it (turn on appliance mode on the transit gateway attachment)",
                    packet: packet)
            }
            return
        }
        let (passes, rule) = policy.statefulVerdict(for: packet)
        if direction == .forward { statefulEndpoint = endpoint.id }
        if passes {
            hop(endpoint, .allowed, rule: rule, "passed by \(inspected) (stateful)", packet)
        } else {
            block(
                endpoint, rule: rule, .networkFirewallDrop, "dropped by \(inspected) (stateful)",
                packet: packet)
        }
    }
}
