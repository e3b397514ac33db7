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
        switch action {
        case .drop:
            block(
                policy.policyRef, rule: rule, .networkFirewallDrop, "dropped by \(firewall.ref) (stateless)",
                packet: packet)
        case .pass:
            hop(policy.policyRef, .allowed, rule: rule, "passed by \(firewall.ref) (stateless)", packet)
        case .forwardToStateful:
            inspectStatefully(
                policy, firewall: firewall.ref, endpointID: endpointID, statelessRule: rule, packet)
        }
        return leave(subnet: endpointSubnet, packet)
    }

    private mutating func inspectStatefully(
        _ policy: FirewallPolicyEvaluator, firewall: ComponentRef, endpointID: String, statelessRule: String,
        _ packet: Packet
    ) {
        if direction == .return, let requestEndpoint = statefulEndpoint {
            if requestEndpoint == endpointID {
                hop(
                    policy.policyRef, .allowed, rule: statelessRule,
                    "reply of a flow \(firewall) allowed (stateful)", packet)
            } else {
                block(
                    policy.policyRef, rule: statelessRule, .asymmetricFirewallPath,
                    "the reply reaches endpoint \(endpointID), but the request went through \(requestEndpoint): the stateful "
                        + "engine has no state for it (turn on appliance mode on the transit gateway attachment)",
                    packet: packet)
            }
            return
        }
        let (passes, rule) = policy.statefulVerdict(for: packet)
        if direction == .forward { statefulEndpoint = endpointID }
        if passes {
            hop(policy.policyRef, .allowed, rule: rule, "passed by \(firewall) (stateful)", packet)
        } else {
            block(
                policy.policyRef, rule: rule, .networkFirewallDrop, "dropped by \(firewall) (stateful)",
                packet: packet)
        }
    }
}
