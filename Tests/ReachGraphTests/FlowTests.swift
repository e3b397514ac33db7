import ReachGraph
import Testing

@Suite("Flows and verdicts (S-F)")
struct FlowTests {
    @Test(
        "S-F-1: one trace per class of source ports the reply's network ACLs treat apart, unless one is given"
    )
    func ephemeralPorts() throws {
        // Two entries split the ephemeral range but allow both halves: one trace answers.
        let alike = try dataACLNetwork(
            outbound: """
                      - {rule: 100, action: allow, protocol: tcp, ports: 1024-40000, cidr: 10.0.2.0/24}
                      - {rule: 110, action: allow, protocol: tcp, ports: 40001-65535, cidr: 10.0.2.0/24}
                """)
        let all = try alike.check("app", "db")
        #expect(all.verdict == .reachable)
        #expect(all.tracesRun == 1)
        // Replies to ports 1024-2000 are denied, the rest allowed: two classes, two traces.
        let apart = try dataACLNetwork(
            outbound: """
                      - {rule: 100, action: deny, protocol: tcp, ports: 1024-2000, cidr: 10.0.2.0/24}
                      - {rule: 110, action: allow, protocol: tcp, ports: 1024-65535, cidr: 10.0.2.0/24}
                """)
        let split = try apart.check("app", "db")
        #expect(split.tracesRun == 2)
        #expect(split.verdict == .unknown)
        #expect(split.reason == .sourcePortDependent)
        #expect(split.notes.contains { $0.contains("2001-65535") })
        #expect(try apart.check("app", "db", sourcePort: 1500).verdict == .unreachable)
        let pinned = try apart.check("app", "db", sourcePort: 50000)
        #expect(pinned.verdict == .reachable)
        #expect(pinned.tracesRun == 1)
        #expect(pinned.trace.request?.sourcePort == 50000)
    }

    @Test("S-F-1: a set-valued source reaches when any of its addresses does, and says which")
    func partOfTheInternet() throws {
        let net = try TestNetwork(
            twoTier([
                "      - {protocol: tcp, ports: 443, from: 0.0.0.0/0}":
                    "      - {protocol: tcp, ports: 443, from: 198.51.100.0/24}"
            ]))
        let result = try net.check("internet", "web", port: 443)
        #expect(result.verdict == .reachable)
        #expect(result.notes.contains { $0.contains("198.51.100.0/24") })
        #expect(try net.check("192.0.2.1", "web", port: 443).verdict == .unreachable)
    }

    @Test("S-F-3: reachable means the reply comes back too")
    func replyRequired() throws {
        let net = try dataACLNetwork(
            inbound: "      - {rule: 100, action: allow, protocol: all, cidr: 0.0.0.0/0}",
            outbound: "      []")
        let result = try net.check("app", "db")
        #expect(result.verdict == .unreachable)
        #expect(result.trace.hops.contains { $0.direction == .forward && $0.action == .delivered })
        #expect(result.firstBlocker?.direction == .return)
    }

    @Test("S-F-2: --protocol all is reachable only when every protocol and port gets through")
    func allTraffic() throws {
        let net = try TestNetwork(
            twoTier([
                "      - {protocol: tcp, ports: 5432, from: app-sg}": "      - {protocol: all, from: app-sg}"
            ]))
        #expect(try net.check("app", "db", "all").verdict == .reachable)
        let partial = try net.check("web", "app", "all")
        #expect(partial.verdict == .unreachable)
        #expect(partial.notes.contains { $0.contains("tcp/8080") })
    }

    @Test("S-F-2: the source and the destination must differ")
    func sameEndpoint() throws {
        let net = try TestNetwork(twoTier())
        #expect(throws: FlowQueryError.self) { try net.check("app", "app", port: 80) }
    }

    @Test("S-F-2: an unreachable answer names the component, its id, the rule and a reason code")
    func unreachableNamesBlocker() throws {
        let net = try TestNetwork(twoTier())
        let result = try net.check("web", "db")
        let blocker = try #require(result.firstBlocker)
        #expect(blocker.component.kind == "security-group")
        #expect(blocker.component.id == "db-sg")
        #expect(blocker.rule?.contains("ingress") == true)
        #expect(blocker.reason == .eniSecurityGroupRulesMismatch)
    }

    /// The two-tier network with `dataACL`'s network ACL on the data subnet.
    private func dataACLNetwork(
        inbound: String = "      - {rule: 100, action: allow, protocol: tcp, ports: 5432, cidr: 10.0.2.0/24}",
        outbound: String
    ) throws -> TestNetwork {
        try TestNetwork(twoTier(extra: dataACL(inbound: inbound, outbound: outbound)))
    }
}
