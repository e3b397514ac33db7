import Foundation
import ReachGraph
import Testing

private func inspection(_ replacements: [String: String] = [:]) throws -> TestNetwork {
    var yaml = try bundledYAML("tgw-inspection.yaml")
    for (old, new) in replacements {
        #expect(yaml.contains(old), "fixture has no '\(old)'")
        yaml = yaml.replacingOccurrences(of: old, with: new)
    }
    return try TestNetwork(yaml)
}

@Suite("AWS Network Firewall and appliance mode")
struct NetworkFirewallTests {
    @Test("bundled tgw-inspection: the firewall passes 5432 both ways through one endpoint")
    func bundled() throws {
        let result = try TestNetwork(bundled: "tgw-inspection.yaml").check("app-1", "ledger-db")
        #expect(result.verdict == .reachable)
        let firewallHops = result.trace.hops.filter { $0.component.kind == "firewall-endpoint" }
        #expect(firewallHops.map(\.component.id) == ["vpce-fw-a", "vpce-fw-a"])
        #expect(firewallHops.allSatisfy { $0.detail.contains("spokes-policy") })
        #expect(result.pathUses("route 0.0.0.0/0 -> vpce-fw-a"))
        #expect(!result.pathUses("vpce-fw-b"))
    }

    @Test("the stateful drop rule stops other traffic")
    func statefulDrop() throws {
        let result = try TestNetwork(bundled: "tgw-inspection.yaml").check("app-1", "ledger-db", port: 22)
        #expect(result.reason == .networkFirewallDrop)
        #expect(result.firstBlocker?.rule == "stateful rule #2: drop")
    }

    @Test("without appliance mode the reply crosses the other AZ's endpoint, which has no state")
    func applianceModeOff() throws {
        let net = try inspection(["    applianceMode: true": "    applianceMode: false"])
        let result = try net.check("app-1", "ledger-db")
        #expect(result.verdict == .unreachable)
        #expect(result.reason == .asymmetricFirewallPath)
        #expect(result.firstBlocker?.direction == .return)
        #expect(result.firstBlocker?.component.id == "vpce-fw-b")
        #expect(result.firstBlocker?.detail.contains("vpce-fw-a") == true)
    }

    @Test("a stateless drop rule drops before the stateful engine")
    func statelessDrop() throws {
        let net = try inspection([
            "    statelessDefaultAction: aws:forward_to_sfe":
                "    statelessDefaultAction: aws:forward_to_sfe\n    statelessRules:\n      - {priority: 1, action: aws:drop, protocols: [tcp], destinationPorts: [5432]}"
        ])
        let result = try net.check("app-1", "ledger-db")
        #expect(result.reason == .networkFirewallDrop)
        #expect(result.firstBlocker?.rule == "stateless rule priority 1: aws:drop")
    }

    @Test("strict order: the first decisive rule wins, and the default drop applies")
    func strictOrder() throws {
        let strict = try inspection(["    ruleOrder: DEFAULT_ACTION_ORDER": "    ruleOrder: STRICT_ORDER"])
        #expect(try strict.check("app-1", "ledger-db").verdict == .reachable)
        let dropFirst = try inspection([
            "    ruleOrder: DEFAULT_ACTION_ORDER":
                "    ruleOrder: STRICT_ORDER\n    statefulDefaultAction: drop",
            "      - {action: pass, protocol: tcp, source: 10.10.0.0/16, sourcePort: any, destination: 10.11.0.0/16,\n         destinationPort: 5432, direction: forward}\n":
                "",
        ])
        let result = try dropFirst.check("app-1", "ledger-db")
        #expect(result.reason == .networkFirewallDrop)
        #expect(result.firstBlocker?.rule == "stateful rule #1: drop")
    }
}
