import ReachGraph
import Testing

/// The answers each bundled design's header promises.
@Suite("Bundled topologies")
struct BundledTopologyTests {
    @Test("three-tier: web/app/DB in one VPC")
    func threeTier() throws {
        let net = try TestNetwork(bundled: "three-tier.yaml")
        #expect(try net.check("internet", "web-1", port: 443).verdict == .reachable)
        #expect(try net.check("app-1", "orders-db").verdict == .reachable)
        let web = try net.check("web-1", "orders-db")
        #expect(web.verdict == .unreachable)
        #expect(
            web.blockers.contains {
                $0.reason == .eniSecurityGroupRulesMismatch && $0.component.name == "db-sg"
            })
        #expect(try net.check("internet", "orders-db").reason == .dbNotPubliclyAccessible)
        let egress = try net.check("app-1", "internet", port: 443)
        #expect(egress.verdict == .reachable)
        #expect(egress.trace.hops.contains { $0.component.kind == "nat-gateway" })
        #expect(try net.check("app-1", "orders-cluster").verdict == .reachable)
        #expect(try net.check("app-1", "orders-cluster/reader").verdict == .reachable)
    }

    @Test("peering: reachable over one peering, not transitively over two")
    func peering() throws {
        let net = try TestNetwork(bundled: "peering.yaml")
        #expect(try net.check("app-host", "billing-db").verdict == .reachable)
        #expect(try net.check("partner-host", "app-host", port: 443).verdict == .reachable)
        let transitive = try net.check("partner-host", "billing-db")
        #expect(transitive.verdict == .unreachable)
        #expect(transitive.reason == .peeringRequiresAddressInVPCCIDR)
        #expect(transitive.firstBlocker?.component.name == "app-to-partner")
    }

    @Test("public-db: an exposed MySQL and a publicly accessible one closed by its SG")
    func publicDB() throws {
        let net = try TestNetwork(bundled: "public-db.yaml")
        #expect(try net.check("internet", "legacy-db").verdict == .reachable)
        let reports = try net.check("internet", "reports-db")
        #expect(reports.verdict == .unreachable)
        #expect(reports.reason == .eniSecurityGroupRulesMismatch)
    }

    @Test("return-nacl: the request passes, the reply is dropped by the app subnet's ACL")
    func returnNACL() throws {
        let net = try TestNetwork(bundled: "return-nacl.yaml")
        let result = try net.check("app-1", "inventory-db")
        #expect(result.verdict == .unreachable)
        #expect(result.reason == .subnetACLRestriction)
        #expect(result.blockers.count == 1)
        #expect(result.firstBlocker?.component.name == "app-nacl")
        #expect(result.firstBlocker?.direction == .return)
        #expect(result.trace.hops.contains { $0.direction == .forward && $0.action == .delivered })
    }
}
