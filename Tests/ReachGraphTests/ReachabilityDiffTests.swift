import Foundation
import ReachChange
import ReachGraph
import ReachModel
import ReachNetwork
import ReachTopologyFile
import Testing

/// The differential behind `what-if` and `diff`, pinned on the bundled designs.
@Suite("Reachability differential")
struct ReachabilityDiffTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    private func design(_ name: String) throws -> Topology {
        try TopologyFileLoader.load(contentsOf: Self.root.appendingPathComponent("Topologies/\(name)").path)
            .topology
    }

    private func changes(_ name: String) throws -> ChangeSet {
        try ChangeFileLoader.load(
            contentsOf: Self.root.appendingPathComponent("Topologies/changes/\(name)").path)
    }

    private func diff(_ before: Topology, _ after: Topology, to selector: String? = nil) throws
        -> ReachabilityDiff
    {
        try ReachabilityDiffer(before: ForwardingGraph(before), after: ForwardingGraph(after)).diff(
            to: selector.map { try EndpointSelector($0) })
    }

    @Test("an SG rule that opens a public DB to the internet: exactly the internet gains MySQL to it")
    func securityGroupOpensDatabaseToInternet() throws {
        let before = try design("public-db.yaml")
        let after = try before.applying(try changes("public-db-open-reports.yaml"))
        let result = try diff(before, after)
        #expect(result.destinations.map(\.name).sorted() == ["legacy-db", "reports-db"])
        let change = try #require(result.changes.first)
        #expect(result.changes.count == 1)
        #expect(change.kind == .becomesReachable)
        #expect(change.destination.name == "reports-db")
        #expect(change.sourceKind == .internet)
        #expect(change.traffic == TrafficSet(ports: IntervalSet(3306...3306), of: .tcp))
        let trace = try #require(change.trace)
        #expect(trace.verdict == .reachable)
        #expect(trace.hops.contains { $0.component.name == "reports-db-sg" && $0.action == .allowed })
    }

    @Test("a TGW propagation that leaks dev into prod: dev's sources gain Postgres to prod-db over hub-tgw")
    func propagationLeaksDevIntoProd() throws {
        let before = try design("tgw-hub.yaml")
        let after = try before.applying(try changes("tgw-hub-dev-leak.yaml"))
        let result = try diff(before, after)
        #expect(!result.changes.isEmpty)
        for change in result.changes {
            #expect(change.kind == .becomesReachable)
            #expect(change.destination.name == "prod-db")
            #expect(change.sourceVPC?.name == "dev-vpc")
            #expect(change.traffic == TrafficSet(ports: IntervalSet(5432...5432), of: .tcp))
            let trace = try #require(change.trace)
            #expect(trace.verdict == .reachable)
            #expect(trace.hops.contains { $0.component.name == "dev-tgw-rt" })
        }
        #expect(result.changes.contains { $0.source.name == "dev-app" && $0.sourceKind == .networkInterface })

        // The same change undone: those flows become unreachable, blocked at dev-tgw-rt.
        let reverse = try diff(after, before)
        #expect(reverse.changes.count == result.changes.count)
        for change in reverse.changes {
            #expect(change.kind == .becomesUnreachable)
            let blocker = try #require(change.trace?.blockers.first)
            #expect(blocker.reason == .transitGatewayRouteTableCannotRoute)
            #expect(blocker.component.name == "dev-tgw-rt")
        }
    }

    @Test("removing the rule that admits the app tier: app-1 loses Postgres, blocked by db-sg")
    func removedRuleNamesTheNewBlocker() throws {
        let before = try design("three-tier.yaml")
        let after = try before.applying(
            ChangeSet(changes: [
                try TopologyChange(inline: "db-sg ingress tcp 5432 app-sg", kind: .removeSecurityGroupRule)
            ]))
        let result = try diff(before, after, to: "orders-db")
        let lost = try #require(result.changes.first { $0.source.name == "app-1" })
        #expect(lost.kind == .becomesUnreachable)
        #expect(lost.traffic == TrafficSet(ports: IntervalSet(5432...5432), of: .tcp))
        let blocker = try #require(lost.trace?.blockers.first)
        #expect(blocker.reason == .eniSecurityGroupRulesMismatch)
        #expect(blocker.component.name == "db-sg")
        #expect(result.changes.allSatisfy { $0.kind == .becomesUnreachable })
    }

    @Test("no change, no differences; a change away from every DB path, none either")
    func unchangedNetworks() throws {
        let topology = try design("three-tier.yaml")
        #expect(try diff(topology, topology).isEmpty)
        let after = try topology.applying(
            ChangeSet(changes: [
                try TopologyChange(inline: "web-sg ingress tcp 8443 0.0.0.0/0", kind: .addSecurityGroupRule)
            ]))
        #expect(try diff(topology, after).isEmpty)
    }

    @Test("a DB that exists on one side only: its reaching sources appear or disappear without a trace")
    func databaseOnOneSideOnly() throws {
        let before = try design("public-db.yaml")
        var after = before
        after.dbInstances.removeAll { $0.name == "legacy-db" }
        let result = try diff(before, after)
        let gone = result.changes.filter { $0.destination.name == "legacy-db" }
        #expect(!gone.isEmpty)
        #expect(gone.allSatisfy { $0.kind == .becomesUnreachable && $0.trace == nil })
        #expect(gone.contains { $0.sourceKind == .internet })
    }

    /// Each change's kind agrees with the concrete checker on one flow of it, before and after.
    @Test(
        "every change agrees with check before and after",
        arguments: [
            ("tgw-hub.yaml", "tgw-hub-dev-leak.yaml"), ("public-db.yaml", "public-db-open-reports.yaml"),
        ])
    func changesAgreeWithChecker(design name: String, change: String) throws {
        let before = try design(name)
        let after = try before.applying(try changes(change))
        let old = ReachabilityChecker(graph: ForwardingGraph(before))
        let new = ReachabilityChecker(graph: ForwardingGraph(after))
        for flow in try diff(before, after).changes {
            guard flow.sourceKind == .networkInterface, let (proto, port) = flow.traffic.sample else {
                continue
            }
            func verdict(_ checker: ReachabilityChecker) throws -> Verdict {
                try checker.check(
                    FlowQuery(
                        source: try checker.resolver.resolve(flow.source.id),
                        destination: try checker.resolver.resolve(flow.destination.id),
                        flowProtocol: .single(proto),
                        destinationPort: port)
                ).verdict
            }
            switch flow.kind {
            case .becomesReachable:
                #expect(try verdict(old) != .reachable)
                #expect(try verdict(new) == .reachable)
            case .becomesUnreachable:
                #expect(try verdict(new) == .unreachable)
            case .becomesUnknown:
                #expect(try verdict(new) == .unknown)
            }
        }
    }
}
