import Foundation
import ReachGraph
import Testing

private func privateLink(_ replacements: [String: String] = [:]) throws -> TestNetwork {
    var yaml = try bundledYAML("privatelink.yaml")
    for (old, new) in replacements {
        #expect(yaml.contains(old), "fixture has no '\(old)'")
        yaml = yaml.replacingOccurrences(of: old, with: new)
    }
    return try TestNetwork(yaml)
}

@Suite("PrivateLink and endpoints (S-PL)")
struct PrivateLinkTests {
    @Test("S-PL-1: a consumer reaches the provider's DB through its interface endpoint and the NLB")
    func bundled() throws {
        let net = try TestNetwork(bundled: "privatelink.yaml")
        let result = try net.check("consumer-app", "orders-endpoint", port: 5432)
        #expect(result.verdict == .reachable)
        #expect(result.trace.hops.contains { $0.component.name == "orders-db" && $0.action == .delivered })
        #expect(result.pathUses("allow tcp 5432 from 10.60.1.0/24"))
        // endpoint-sg admits only 5432, and the load balancer has no listener on 3306 either.
        let mysql = try net.check("consumer-app", "orders-endpoint", port: 3306)
        #expect(mysql.blockers.map(\.reason) == [.eniSecurityGroupRulesMismatch, .targetPortRestriction])
        let back = try net.check("orders-db", "consumer-app", port: 22)
        #expect(back.reason == .noRouteToDestination)
    }

    @Test("S-PL-1: the endpoint's security groups guard it")
    func endpointSecurityGroup() throws {
        let net = try privateLink([
            "      - {protocol: tcp, ports: 5432, from: 10.50.0.0/16, description: consumer apps}":
                "      - {protocol: tcp, ports: 5432, from: 10.50.9.0/24}"
        ])
        let result = try net.check("consumer-app", "orders-endpoint", port: 5432)
        #expect(result.reason == .eniSecurityGroupRulesMismatch)
        #expect(result.firstBlocker?.component.name == "endpoint-sg")
    }

    @Test("S-PL-1: targets see the load balancer's address, not the consumer's")
    func targetsSeeLoadBalancer() throws {
        let net = try privateLink([
            "      - {protocol: tcp, ports: 5432, from: [10.60.1.0/24, 10.60.3.0/24], description: NLB nodes}":
                "      - {protocol: tcp, ports: 5432, from: 10.50.0.0/16}"
        ])
        let result = try net.check("consumer-app", "orders-endpoint", port: 5432)
        #expect(result.reason == .eniSecurityGroupRulesMismatch)
        #expect(result.firstBlocker?.component.name == "orders-db-sg")
    }

    @Test("S-PL-1: the load balancer needs a node in each endpoint interface's AZ")
    func serviceNotInZone() throws {
        let net = try privateLink(["      - {subnet: provider-nlb-b, privateIp: 10.60.3.10}\n": ""])
        let result = try net.check("consumer-app", "orders-endpoint", port: 5432)
        // The endpoint has an interface in each AZ; the one in us-east-1b has no NLB node behind it.
        #expect(result.verdict == .unknown)
        #expect(result.reason == .endpointPartiallyReachable)
        let noNode = try privateLink([
            "      - {subnet: provider-nlb-b, privateIp: 10.60.3.10}\n": "",
            "      - {subnet: consumer-a, privateIp: 10.50.1.50}\n": "",
        ]).check("consumer-app", "orders-endpoint", port: 5432)
        #expect(noNode.reason == .vpceServiceNotInstalledInZone)
    }

    @Test("S-PL-1: a listener takes only its protocol")
    func listenerProtocol() throws {
        let result = try TestNetwork(bundled: "privatelink.yaml").check(
            "consumer-app", "orders-endpoint", "udp", port: 5432)
        #expect(result.blockers.map(\.reason) == [.eniSecurityGroupRulesMismatch, .protocolRestriction])
    }

    @Test("S-PL-2: a gateway endpoint routes the service's prefix list privately")
    func gatewayEndpoint() throws {
        let yaml = twoTier(
            [
                "      - {destination: 0.0.0.0/0, target: nat-a}":
                    "      - {destination: 10.200.0.0/16, target: blackhole}"
            ],
            extra: """
                prefixLists:
                  - {name: com.amazonaws.us-east-1.s3, id: pl-63a5400a, cidrs: [52.216.0.0/15]}
                vpcEndpoints:
                  - {name: s3-endpoint, vpc: vpc-a, type: gateway, serviceName: com.amazonaws.us-east-1.s3, routeTables: [private-rt]}

                """)
        let net = try TestNetwork(yaml)
        let result = try net.check("app", "com.amazonaws.us-east-1.s3", port: 443)
        #expect(result.verdict == .reachable)
        #expect(result.trace.hops.contains { $0.component.name == "s3-endpoint" && $0.direction == .forward })
        #expect(result.trace.hops.contains { $0.component.name == "s3-endpoint" && $0.direction == .return })
        // The public subnet has no endpoint route: it reaches S3 over the internet instead.
        let web = try net.check("web", "com.amazonaws.us-east-1.s3", port: 443)
        #expect(web.verdict == .reachable)
        #expect(web.trace.hops.contains { $0.component.name == "igw-a" })
    }
}
