import ReachGraph
import Testing

/// Two VPCs joined by `link`, each with one host; `extra` adds to the design.
private func peered(
    status: String = "active", returnRoute: Bool = true, regionB: String = "us-east-1", extra: String = ""
) -> String {
    """
    vpcs:
      - {name: vpc-a, cidrs: [10.0.0.0/16]}
      - {name: vpc-b, cidrs: [10.2.0.0/16], region: \(regionB)}
      - {name: vpc-c, cidrs: [10.3.0.0/16]}
    subnets:
      - {name: a, vpc: vpc-a, cidr: 10.0.1.0/24, az: us-east-1a}
      - {name: b, vpc: vpc-b, cidr: 10.2.1.0/24, az: us-east-1a}
      - {name: c, vpc: vpc-c, cidr: 10.3.1.0/24, az: us-east-1a}
    peeringConnections:
      - {name: link, requester: vpc-a, accepter: vpc-b, status: \(status)}
      - {name: link-bc, requester: vpc-b, accepter: vpc-c}
    routeTables:
      - name: a-rt
        vpc: vpc-a
        main: true
        routes:
          - {destination: 10.2.0.0/16, target: link}
          - {destination: 10.3.0.0/16, target: link}
      - name: b-rt
        vpc: vpc-b
        main: true
        routes:
    \(returnRoute ? "      - {destination: 10.0.0.0/16, target: link}" : "      - {destination: 10.9.0.0/16, target: blackhole}")
          - {destination: 10.3.0.0/16, target: link-bc}
    securityGroups:
      - name: a-sg
        vpc: vpc-a
      - name: b-sg
        vpc: vpc-b
        ingress:
          - {protocol: tcp, ports: 5432, from: a-sg}
    instances:
      - {name: host-a, subnet: a, privateIp: 10.0.1.10, securityGroups: [a-sg]}
      - {name: host-b, subnet: b, privateIp: 10.2.1.10, securityGroups: [b-sg]}
      - {name: host-c, subnet: c, privateIp: 10.3.1.10}
    \(extra)
    """
}

@Suite("VPC peering (S-GW-3, S-SG-2)")
struct PeeringTests {
    @Test(
        "S-GW-3: active peering with routes both ways carries traffic; S-SG-2 group references cross it in one region"
    )
    func activePeering() throws {
        let result = try TestNetwork(peered()).check("host-a", "host-b", port: 5432)
        #expect(result.verdict == .reachable)
        #expect(result.trace.hops.contains { $0.component.name == "link" && $0.direction == .return })
    }

    @Test("S-SG-2: group references do not cross a peering between regions")
    func crossRegionGroupReference() throws {
        let result = try TestNetwork(peered(regionB: "eu-west-1")).check("host-a", "host-b", port: 5432)
        #expect(result.verdict == .unreachable)
        #expect(result.reason == .eniSecurityGroupRulesMismatch)
    }

    @Test("S-GW-3: the connection must be active")
    func inactivePeering() throws {
        let result = try TestNetwork(peered(status: "pending-acceptance")).check(
            "host-a", "host-b", port: 5432)
        #expect(result.reason == .peeringConnectionNotActive)
        #expect(result.firstBlocker?.component.name == "link")
    }

    @Test("S-GW-3: both sides need routes; without the return route the reply is lost")
    func returnRouteNeeded() throws {
        let result = try TestNetwork(peered(returnRoute: false)).check("host-a", "host-b", port: 5432)
        #expect(result.verdict == .unreachable)
        #expect(result.reason == .noRouteToDestination)
        #expect(result.firstBlocker?.direction == .return)
        #expect(result.firstBlocker?.component.name == "b-rt")
    }

    @Test("S-GW-3: peering is not transitive")
    func notTransitive() throws {
        let result = try TestNetwork(peered()).check("host-a", "host-c", port: 22)
        #expect(result.verdict == .unreachable)
        #expect(result.reason == .peeringRequiresAddressInVPCCIDR)
        #expect(result.firstBlocker?.component.name == "link")
    }

    @Test("S-GW-3: traffic from a peer cannot leave through the VPC's internet gateway")
    func noEdgeToEdgeThroughInternetGateway() throws {
        let extra = """
            internetGateways:
              - {name: igw-b, vpc: vpc-b}
            """
        let yaml = peered(extra: extra).replacingOccurrences(
            of: "      - {destination: 10.3.0.0/16, target: link}",
            with: "      - {destination: 0.0.0.0/0, target: link}")
        let result = try TestNetwork(yaml).check("host-a", "internet", port: 443)
        #expect(result.verdict == .unreachable)
        #expect(result.reason == .peeringRequiresAddressInVPCCIDR)
    }
}
