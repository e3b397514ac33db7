import ReachTopologyFile
import Testing

/// A firewall policy around `rules`, lines indented for the `statefulRules` or
/// `statelessRules` list that `rules` starts with.
private func policy(_ rules: String, extra: String = "") -> String {
    """
    firewallPolicies:
      - name: pol
        statelessDefaultAction: aws:forward_to_sfe
    \(extra)\(rules)

    """
}

/// Errors in Network Firewalls and their policies.
@Suite("Network Firewall errors name the line and key path")
struct FirewallErrorTests {
    static let policyCases: [LoadingErrorCase] = [
        LoadingErrorCase(
            "a stateful default drop under default action order",
            policy("", extra: "    ruleOrder: DEFAULT_ACTION_ORDER\n    statefulDefaultAction: drop\n"),
            "conflict",
            at: "statefulDefaultAction: drop", "firewallPolicies[0].statefulDefaultAction",
            saying: "a stateful default action of drop needs ruleOrder: STRICT_ORDER"),
        LoadingErrorCase(
            "a stateful default drop with the rule order left to its default",
            policy("", extra: "    statefulDefaultAction: drop\n"), "conflict",
            at: "statefulDefaultAction: drop",
            "firewallPolicies[0].statefulDefaultAction"),
        LoadingErrorCase(
            "a stateful default action AWS does not have",
            policy("", extra: "    ruleOrder: STRICT_ORDER\n    statefulDefaultAction: aws:drop_strict\n"),
            "invalidValue", at: "statefulDefaultAction:", "firewallPolicies[0].statefulDefaultAction",
            saying: "expected drop or pass"),
        LoadingErrorCase(
            "an unknown rule order",
            policy("", extra: "    ruleOrder: strict\n"), "invalidValue", at: "ruleOrder: strict",
            "firewallPolicies[0].ruleOrder", saying: "expected DEFAULT_ACTION_ORDER or STRICT_ORDER"),
        LoadingErrorCase(
            "a stateless default action without its prefix",
            """
            firewallPolicies:
              - {name: pol, statelessDefaultAction: pass}

            """, "invalidValue", at: "name: pol", "firewallPolicies[0].statelessDefaultAction",
            saying: "expected aws:pass, aws:drop or aws:forward_to_sfe, found 'pass'"),
        LoadingErrorCase(
            "a policy without a stateless default action",
            """
            firewallPolicies:
              - {name: pol, ruleOrder: STRICT_ORDER}

            """, "missingKey", at: "name: pol", "firewallPolicies[0]", saying: "'statelessDefaultAction'"),
        LoadingErrorCase(
            "two stateless rules with one priority",
            policy(
                """
                    statelessRules:
                      - {priority: 10, action: aws:pass}
                      - {action: aws:drop, priority: 10}
                """), "conflict", at: "{action: aws:drop, priority: 10}",
            "firewallPolicies[0].statelessRules[1].priority",
            saying: "already has priority 10"),
        LoadingErrorCase(
            "an empty protocol list",
            policy(
                """
                    statelessRules:
                      - {priority: 10, action: aws:pass, protocols: []}
                """), "invalidValue", at: "protocols: []", "firewallPolicies[0].statelessRules[0].protocols",
            saying: "(omit the key to match any)"),
        LoadingErrorCase(
            "a protocol name the firewall does not know",
            policy(
                """
                    statelessRules:
                      - {priority: 10, action: aws:pass, protocols: [6, gre]}
                """), "invalidValue", at: "protocols: [6, gre]",
            "firewallPolicies[0].statelessRules[0].protocols[1]",
            saying: "found 'gre'"),
        LoadingErrorCase(
            "a reversed stateless port range",
            policy(
                """
                    statelessRules:
                      - {priority: 10, action: aws:pass, destinationPorts: [80-70]}
                """), "invalidValue", at: "80-70", "firewallPolicies[0].statelessRules[0].destinationPorts[0]"
        ),
        LoadingErrorCase(
            "a stateless rule without an action",
            policy(
                """
                    statelessRules:
                      - {priority: 10, sources: [10.0.0.0/8]}
                """), "missingKey", at: "{priority: 10, sources", "firewallPolicies[0].statelessRules[0]",
            saying: "'action'"),
        LoadingErrorCase(
            "a stateful rule over an application protocol",
            policy(
                """
                    statefulRules:
                      - {action: pass, protocol: http}
                """), "invalidValue", at: "protocol: http", "firewallPolicies[0].statefulRules[0].protocol",
            saying: "expected tcp, udp, icmp or ip"),
        LoadingErrorCase(
            "a port on an ip rule",
            policy(
                """
                    statefulRules:
                      - {action: pass, protocol: ip, destinationPort: 5432}
                """), "conflict", at: "destinationPort: 5432",
            "firewallPolicies[0].statefulRules[0].destinationPort",
            saying: "ports apply to tcp and udp only"),
        LoadingErrorCase(
            "a port on a rule whose protocol is left out",
            policy(
                """
                    statefulRules:
                      - {action: drop, sourcePort: 1024-65535}
                """), "conflict", at: "sourcePort: 1024-65535",
            "firewallPolicies[0].statefulRules[0].sourcePort"),
        LoadingErrorCase(
            "all for a stateful port",
            policy(
                """
                    statefulRules:
                      - {action: pass, protocol: tcp, destinationPort: all}
                """), "invalidValue", at: "destinationPort: all",
            "firewallPolicies[0].statefulRules[0].destinationPort",
            saying: "expected a port (5432), a port range (1024-65535) or any"),
        LoadingErrorCase(
            "a stateful source that is neither a block nor any",
            policy(
                """
                    statefulRules:
                      - {action: pass, protocol: tcp, source: anywhere}
                """), "invalidValue", at: "source: anywhere", "firewallPolicies[0].statefulRules[0].source"),
        LoadingErrorCase(
            "a stateful direction AWS does not have",
            policy(
                """
                    statefulRules:
                      - {action: pass, direction: both}
                """), "invalidValue", at: "direction: both", "firewallPolicies[0].statefulRules[0].direction",
            saying: "expected forward or any"),
        LoadingErrorCase(
            "a stateful action AWS does not have",
            policy(
                """
                    statefulRules:
                      - {action: allow}
                """), "invalidValue", at: "{action: allow}", "firewallPolicies[0].statefulRules[0].action",
            saying: "expected pass, drop, reject or alert"),
        LoadingErrorCase(
            "a misspelt stateful key",
            policy(
                """
                    statefulRules:
                      - {action: pass, protocol: tcp, destPort: 80}
                """), "unknownKey", at: "destPort: 80", "firewallPolicies[0].statefulRules[0].destPort",
            saying:
                "allowed keys here: action, protocol, source, sourcePort, destination,"
                + " destinationPort, direction"
        ),
    ]

    static let firewallCases: [LoadingErrorCase] = [
        LoadingErrorCase(
            "a firewall without endpoints",
            """
            firewallPolicies:
              - {name: pol, statelessDefaultAction: aws:pass}
            networkFirewalls:
              - {name: fw, vpc: a-vpc, policy: pol}

            """, "missingKey", at: "name: fw", "networkFirewalls[0]", saying: "'endpoints'"),
        LoadingErrorCase(
            "a firewall on a policy that does not exist",
            """
            firewallPolicies:
              - {name: pol, statelessDefaultAction: aws:pass}
            networkFirewalls:
              - {name: fw, vpc: a-vpc, policy: pool, endpoints: [{id: vpce-0fw1, subnet: a-1}]}

            """, "unknownReference", at: "name: fw", "networkFirewalls[0].policy",
            saying: "no firewall policy is named 'pool' or has that id (did you mean 'pol'?)"),
        LoadingErrorCase(
            "a firewall endpoint id that a VPC endpoint has",
            """
            vpcEndpoints:
              - {name: s3, id: vpce-0fw1, vpc: a-vpc, type: gateway, serviceName: com.amazonaws.us-east-1.s3}
            firewallPolicies:
              - {name: pol, statelessDefaultAction: aws:pass}
            networkFirewalls:
              - name: fw
                vpc: a-vpc
                policy: pol
                endpoints:
                  - {id: vpce-0fw1, subnet: a-1}

            """, "duplicateName", at: "{id: vpce-0fw1, subnet: a-1}", "networkFirewalls[0].endpoints[0].id",
            saying: "the VPC endpoint name or id 'vpce-0fw1' is already used on line 19"),
        LoadingErrorCase(
            "one endpoint id on two firewalls",
            """
            firewallPolicies:
              - {name: pol, statelessDefaultAction: aws:pass}
            networkFirewalls:
              - {name: fw-1, vpc: a-vpc, policy: pol, endpoints: [{id: vpce-0fw1, subnet: a-1}]}
              - {name: fw-2, vpc: a-vpc, policy: pol, endpoints: [{id: vpce-0fw1, subnet: a-2}]}

            """, "duplicateName", at: "name: fw-2", "networkFirewalls[1].endpoints[0].id",
            saying: "the Network Firewall endpoint name or id 'vpce-0fw1' is already used"),
        LoadingErrorCase(
            "a misspelt endpoint key",
            """
            firewallPolicies:
              - {name: pol, statelessDefaultAction: aws:pass}
            networkFirewalls:
              - {name: fw, vpc: a-vpc, policy: pol, endpoints: [{id: vpce-0fw1, subnetId: a-1}]}

            """, "unknownKey", at: "name: fw", "networkFirewalls[0].endpoints[0].subnetId",
            saying: "allowed keys here: id, subnet"),
        LoadingErrorCase(
            "a firewall endpoint in another VPC",
            """
            firewallPolicies:
              - {name: pol, statelessDefaultAction: aws:pass}
            networkFirewalls:
              - name: fw
                vpc: a-vpc
                policy: pol
                endpoints:
                  - {id: vpce-0fw1, subnet: a-1}
                  - {id: vpce-0fw2, subnet: b-1}

            """, "invalidTopology", at: "vpce-0fw2", "networkFirewalls[0].endpoints[1].subnet",
            saying: "subnet b-1 is in VPC b-vpc, not in a-vpc"),
    ]

    @Test(arguments: policyCases + firewallCases)
    func failsAtTheOffendingKey(_ errorCase: LoadingErrorCase) {
        check(errorCase)
    }
}
