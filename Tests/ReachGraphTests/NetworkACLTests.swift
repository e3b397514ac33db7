import ReachGraph
import Testing

@Suite("Network ACLs (S-NACL)")
struct NetworkACLTests {
    @Test("S-NACL-1: a subnet without an association uses the VPC's default ACL, which allows all")
    func defaultACL() throws {
        let net = try TestNetwork(twoTier())
        let result = try net.check("app", "db")
        #expect(result.verdict == .reachable)
        #expect(result.trace.hops.contains { $0.component.id == "vpc-a:default-network-acl" })
    }

    @Test("S-NACL-1: an explicit association replaces the default ACL")
    func explicitACL() throws {
        let net = try TestNetwork(
            twoTier(
                extra: dataACL(
                    inbound:
                        "      - {rule: 100, action: allow, protocol: tcp, ports: 5432, cidr: 10.0.2.0/24}",
                    outbound:
                        "      - {rule: 100, action: allow, protocol: tcp, ports: 1024-65535, cidr: 10.0.2.0/24}"
                )))
        let result = try net.check("app", "db")
        #expect(result.verdict == .reachable)
        #expect(result.trace.hops.contains { $0.component.name == "data-acl" && $0.direction == .forward })
        #expect(result.trace.hops.contains { $0.component.name == "data-acl" && $0.direction == .return })
    }

    @Test("S-NACL-2: the lowest-numbered matching rule decides")
    func ruleOrder() throws {
        let denyFirst = try TestNetwork(
            twoTier(
                extra: dataACL(
                    inbound: """
                              - {rule: 100, action: deny, protocol: tcp, ports: 5432, cidr: 10.0.2.0/24}
                              - {rule: 200, action: allow, protocol: all, cidr: 0.0.0.0/0}
                        """,
                    outbound: "      - {rule: 100, action: allow, protocol: all, cidr: 0.0.0.0/0}")))
        let denied = try denyFirst.check("app", "db")
        #expect(denied.reason == .subnetACLRestriction)
        #expect(denied.firstBlocker?.rule?.contains("inbound rule 100: deny") == true)
        #expect(denied.firstBlocker?.detail.contains("inbound") == true)

        let allowFirst = try TestNetwork(
            twoTier(
                extra: dataACL(
                    inbound: """
                              - {rule: 300, action: deny, protocol: tcp, ports: 5432, cidr: 10.0.2.0/24}
                              - {rule: 200, action: allow, protocol: all, cidr: 0.0.0.0/0}
                        """,
                    outbound: "      - {rule: 100, action: allow, protocol: all, cidr: 0.0.0.0/0}")))
        #expect(try allowFirst.check("app", "db").verdict == .reachable)
    }

    @Test("S-NACL-2: with no matching rule the final * rule denies")
    func implicitDeny() throws {
        let net = try TestNetwork(
            twoTier(
                extra: dataACL(
                    inbound:
                        "      - {rule: 100, action: allow, protocol: tcp, ports: 22, cidr: 10.0.0.0/16}",
                    outbound: "      - {rule: 100, action: allow, protocol: all, cidr: 0.0.0.0/0}")))
        let result = try net.check("app", "db")
        #expect(result.reason == .subnetACLRestriction)
        #expect(result.firstBlocker?.rule == "inbound rule *: deny all traffic")
    }

    @Test("S-NACL-3: the reply needs outbound at the destination subnet on the ephemeral port")
    func returnTrafficOutbound() throws {
        let net = try TestNetwork(
            twoTier(
                extra: dataACL(
                    inbound:
                        "      - {rule: 100, action: allow, protocol: tcp, ports: 5432, cidr: 10.0.2.0/24}",
                    outbound:
                        "      - {rule: 100, action: allow, protocol: tcp, ports: 5432, cidr: 10.0.2.0/24}")))
        let result = try net.check("app", "db")
        #expect(result.verdict == .unreachable)
        #expect(result.reason == .subnetACLRestriction)
        #expect(result.firstBlocker?.direction == .return)
        #expect(result.firstBlocker?.detail.contains("outbound at data") == true)
        // Only a client that happened to pick source port 5432 would get a reply: not a real client.
        #expect(result.notes.contains { $0.contains("only for source ports 5432") })
    }

    @Test("S-NACL-3: the reply needs inbound at the source subnet")
    func returnTrafficInbound() throws {
        let extra = """
            networkAcls:
              - name: private-acl
                vpc: vpc-a
                subnets: [private]
                inbound:
                  - {rule: 100, action: allow, protocol: tcp, ports: 22, cidr: 10.0.0.0/16}
                outbound:
                  - {rule: 100, action: allow, protocol: all, cidr: 0.0.0.0/0}

            """
        let net = try TestNetwork(twoTier(extra: extra))
        let result = try net.check("app", "db")
        #expect(result.reason == .subnetACLRestriction)
        #expect(result.firstBlocker?.component.name == "private-acl")
        #expect(result.firstBlocker?.direction == .return)
        // Exactly one blocker: the request itself passes.
        #expect(result.blockers.count == 1)
    }

    @Test("S-NACL-3: a reply rule covering part of the ephemeral range makes the answer unknown")
    func partialEphemeralRange() throws {
        let net = try TestNetwork(
            twoTier(
                extra: dataACL(
                    inbound:
                        "      - {rule: 100, action: allow, protocol: tcp, ports: 5432, cidr: 10.0.2.0/24}",
                    outbound:
                        "      - {rule: 100, action: allow, protocol: tcp, ports: 32768-65535, cidr: 10.0.2.0/24}"
                )))
        let result = try net.check("app", "db")
        #expect(result.verdict == .unknown)
        #expect(result.reason == .sourcePortDependent)
        #expect(result.notes.contains { $0.contains("32768-65535") })
        // Pinning the client's port gives a definite answer either way.
        #expect(try net.check("app", "db", sourcePort: 40000).verdict == .reachable)
        let low = try net.check("app", "db", sourcePort: 2000)
        #expect(low.verdict == .unreachable)
        #expect(low.firstBlocker?.direction == .return)
    }

    @Test("S-NACL-4: traffic within one subnet is not evaluated by its ACL")
    func sameSubnetSkipsACL() throws {
        let extra = """
            networkAcls:
              - name: closed-acl
                vpc: vpc-a
                subnets: [public]
                inbound: []
                outbound: []

            """
        let net = try TestNetwork(twoTier(extra: extra))
        let sameSubnet = try net.check("web2", "web", port: 443)
        #expect(sameSubnet.verdict == .reachable)
        #expect(!sameSubnet.trace.hops.contains { $0.component.name == "closed-acl" })
        let fromInternet = try net.check("internet", "web", port: 443)
        #expect(fromInternet.reason == .subnetACLRestriction)
        #expect(fromInternet.firstBlocker?.component.name == "closed-acl")
    }

    @Test("S-F-2: every blocker on the path is named, the first marked")
    func allBlockersNamed() throws {
        let net = try TestNetwork(
            twoTier(
                extra: dataACL(
                    inbound: "      - {rule: 100, action: deny, protocol: all, cidr: 0.0.0.0/0}",
                    outbound: "      - {rule: 100, action: deny, protocol: all, cidr: 0.0.0.0/0}")))
        let result = try net.check("web", "db")
        // The NACL inbound (forward), the DB's SG ingress (forward), and the NACL outbound (return).
        #expect(
            result.blockers.map(\.reason) == [
                .subnetACLRestriction, .eniSecurityGroupRulesMismatch, .subnetACLRestriction,
            ])
        #expect(result.blockers.map(\.direction) == [.forward, .forward, .return])
        #expect(result.blockers.filter(\.isFirst).count == 1)
        #expect(result.blockers.first?.isFirst == true)
    }
}
