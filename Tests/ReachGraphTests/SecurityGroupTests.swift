import ReachGraph
import Testing

@Suite("Security groups (S-SG)")
struct SecurityGroupTests {
    @Test("S-SG-1: egress rules of the source's groups are evaluated at the source")
    func egressAtSource() throws {
        let net = try TestNetwork(
            twoTier([
                "      - {protocol: tcp, ports: 8080, from: web-sg}":
                    "      - {protocol: tcp, ports: 8080, from: web-sg}\n    egress: []"
            ]))
        let result = try net.check("app", "db")
        #expect(result.verdict == .unreachable)
        #expect(result.reason == .eniSecurityGroupRulesMismatch)
        #expect(result.firstBlocker?.component.name == "app-sg")
        #expect(result.firstBlocker?.detail.contains("egress") == true)
    }

    @Test("S-SG-1: ingress rules of the destination's groups are evaluated at the destination")
    func ingressAtDestination() throws {
        let net = try TestNetwork(twoTier())
        let result = try net.check("web", "db")
        #expect(result.verdict == .unreachable)
        #expect(result.reason == .eniSecurityGroupRulesMismatch)
        #expect(result.firstBlocker?.component.name == "db-sg")
        #expect(result.firstBlocker?.detail.contains("ingress") == true)
    }

    @Test("S-SG-1: the rules of all an interface's groups are united")
    func unionOfGroups() throws {
        let net = try TestNetwork(
            twoTier(
                [
                    "securityGroups: [db-sg]}": "securityGroups: [db-sg, ops-sg]}"
                ],
                extra: """
                    """
            ).replacingOccurrences(
                of: "instances:\n",
                with:
                    "  - name: ops-sg\n    vpc: vpc-a\n    ingress:\n      - {protocol: tcp, ports: 5432, from: 10.0.1.0/24}\ninstances:\n"
            ))
        let result = try net.check("web", "db")
        #expect(result.verdict == .reachable)
        #expect(result.pathUses("ops-sg") || result.trace.hops.contains { $0.component.name == "ops-sg" })
    }

    @Test("S-SG-2: a rule matches on protocol and port range")
    func protocolAndPorts() throws {
        let net = try TestNetwork(twoTier())
        #expect(try net.check("app", "db", port: 5432).verdict == .reachable)
        #expect(try net.check("app", "db", port: 5433).reason == .eniSecurityGroupRulesMismatch)
        #expect(try net.check("app", "db", "udp", port: 5432).reason == .eniSecurityGroupRulesMismatch)
    }

    @Test("S-SG-2: an ICMP rule matches its type; the echo reply comes back")
    func icmpRule() throws {
        let net = try TestNetwork(
            twoTier([
                "      - {protocol: tcp, ports: 5432, from: app-sg}":
                    "      - {protocol: tcp, ports: 5432, from: app-sg}\n      - {protocol: icmp, icmpType: 8, from: 10.0.0.0/16}"
            ]))
        #expect(try net.check("app", "db", "icmp").verdict == .reachable)
        #expect(try net.check("app", "db", "icmp", icmpType: 13).reason == .eniSecurityGroupRulesMismatch)
    }

    @Test("S-SG-2: a prefix-list peer matches its entries")
    func prefixListPeer() throws {
        let extra = """
            prefixLists:
              - {name: office, cidrs: [198.51.100.0/24]}

            """
        let net = try TestNetwork(
            twoTier(
                [
                    "      - {protocol: tcp, ports: 443, from: 0.0.0.0/0}":
                        "      - {protocol: tcp, ports: 443, from: office}"
                ], extra: extra))
        #expect(try net.check("198.51.100.20", "web", port: 443).verdict == .reachable)
        #expect(try net.check("192.0.2.20", "web", port: 443).reason == .eniSecurityGroupRulesMismatch)
    }

    @Test("S-SG-2: a group reference matches interfaces carrying the group, not others")
    func groupReference() throws {
        let net = try TestNetwork(twoTier())
        #expect(try net.check("web", "app", port: 8080).verdict == .reachable)
        #expect(try net.check("web2", "app", port: 8080).verdict == .reachable)
        // A host in the same subnet as `web` but without web-sg is not admitted.
        #expect(try net.check("public", "app", port: 8080).reason == .eniSecurityGroupRulesMismatch)
    }

    @Test("S-SG-2: a group reference never matches public IPs")
    func groupReferenceIgnoresPublicIPs() throws {
        let net = try TestNetwork(
            twoTier([
                "      - {protocol: tcp, ports: 443, from: 0.0.0.0/0}":
                    "      - {protocol: tcp, ports: 443, from: 0.0.0.0/0}\n      - {protocol: tcp, ports: 8443, from: web-sg}",
                "privateIp: 10.0.1.11, securityGroups":
                    "privateIp: 10.0.1.11, publicIp: 203.0.113.11, securityGroups",
            ]))
        // Private to private: the reference matches.
        #expect(try net.check("web2", "web", port: 8443).verdict == .reachable)
        // To web's public IP: the packet leaves and re-enters through the internet gateway with
        // web2's public IP as source, which the reference does not match.
        let hairpin = try net.check("web2", "203.0.113.10", port: 8443)
        #expect(hairpin.verdict == .unreachable)
        #expect(hairpin.reason == .eniSecurityGroupRulesMismatch)
        #expect(hairpin.pathUses("203.0.113.11"))
    }

    @Test("S-SG-3: replies are allowed whatever the rules")
    func repliesAreStateful() throws {
        // db-sg has no egress rule at all, yet the reply to an allowed request returns.
        let net = try TestNetwork(
            twoTier([
                "      - {protocol: tcp, ports: 5432, from: app-sg}":
                    "      - {protocol: tcp, ports: 5432, from: app-sg}\n    egress: []"
            ]))
        let result = try net.check("app", "db")
        #expect(result.verdict == .reachable)
        #expect(result.trace.hops.contains { $0.direction == .return && $0.action == .skipped })
        // And the DB itself cannot open connections out.
        #expect(try net.check("db", "app", port: 8080).reason == .eniSecurityGroupRulesMismatch)
    }

    @Test("S-SG-4: the default group admits its own members and allows all egress")
    func defaultGroup() throws {
        let extra = """
              - {name: lone-1, subnet: private, privateIp: 10.0.2.21}
              - {name: lone-2, subnet: private, privateIp: 10.0.2.22}

            """
        let net = try TestNetwork(
            twoTier().replacingOccurrences(of: "dbSubnetGroups:", with: extra + "dbSubnetGroups:"))
        // Neither lists a group, so both carry the VPC's default group.
        #expect(try net.check("lone-1", "lone-2", port: 9999).verdict == .reachable)
        let outsider = try net.check("app", "lone-2", port: 9999)
        #expect(outsider.reason == .eniSecurityGroupRulesMismatch)
        #expect(outsider.firstBlocker?.component.name == "default")
    }

    @Test("S-SG-4: a new group without rules admits nothing and allows all egress")
    func newGroupDefaults() throws {
        let net = try TestNetwork(twoTier())
        // app-sg declares ingress only: its egress defaults to everything.
        #expect(try net.check("app", "internet", port: 443).verdict == .reachable)
    }
}
