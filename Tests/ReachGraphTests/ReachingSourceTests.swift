import Testing

@testable import ReachGraph

/// A reported source reads its kind and names from the graph when asked: it must report what an
/// entry holding them would, and compare as one.
@Suite("Reported sources' names")
struct ReachingSourceTests {
    @Test("every source's kind, component and VPC are the graph's, on every bundled design")
    func namesAreTheGraphs() throws {
        for design in ["three-tier.yaml", "tgw-hub.yaml", "hybrid-aurora.yaml", "public-db.yaml"] {
            let net = try TestNetwork(bundled: design)
            let graph = net.graph
            let analyzer = ReachabilityAnalyzer(graph: graph)
            for destination in try EndpointSelector("kind:db").endpoints(in: graph) {
                let answer = analyzer.whoCanReach(destination)
                #expect(!answer.sources.isEmpty, "\(design)")
                for source in answer.sources {
                    switch source.identity {
                    case .interface(let index):
                        let interface = graph.interfaces[index]
                        var isDatabase = false
                        if case .database = interface.owner { isDatabase = true }
                        #expect(source.kind == (isDatabase ? .database : .networkInterface))
                        #expect(source.ref == interface.ref)
                        #expect(source.vpc == graph.vpcs[graph.subnets[interface.subnet].vpc].ref)
                    case .subnetHosts(let subnet):
                        #expect(source.kind == .subnetHosts)
                        #expect(source.ref == graph.subnets[subnet].ref)
                        #expect(source.vpc == graph.vpcs[graph.subnets[subnet].vpc].ref)
                    case .onPremSite(let site):
                        #expect(source.kind == .onPremSite)
                        #expect(source.ref == graph.onPremSites[site].ref)
                        #expect(source.vpc == nil)
                    case .internet:
                        #expect(source.kind == .internet)
                        #expect(source.ref == .internet)
                        #expect(source.vpc == nil)
                    }
                }
            }
        }
    }

    @Test("answers named through different objects are equal and hash alike")
    func equalAcrossNames() throws {
        let net = try TestNetwork(bundled: "tgw-hub.yaml")
        let destination = try #require(try EndpointSelector("kind:db").endpoints(in: net.graph).first)
        let first = ReachabilityAnalyzer(graph: net.graph).whoCanReach(destination)
        let second = ReachabilityAnalyzer(graph: net.graph).whoCanReach(destination)
        #expect(first == second)
        #expect(Set(first.sources + second.sources).count == Set(first.sources).count)
        #expect(Set(first.sources).count == first.sources.count)
    }

    @Test("a source named otherwise in another graph is another source")
    func renamedSourceDiffers() throws {
        let before = try TestNetwork(twoTier())
        let after = try TestNetwork(
            twoTier([
                "{name: app, subnet: private, privateIp: 10.0.2.10, securityGroups: [app-sg]}":
                    "{name: app-renamed, subnet: private, privateIp: 10.0.2.10, securityGroups: [app-sg]}"
            ]))
        func appSource(_ net: TestNetwork) throws -> ReachingSource {
            let answer = ReachabilityAnalyzer(graph: net.graph).whoCanReach(
                try net.checker.resolver.resolve("db"))
            return try #require(answer.sources.first { $0.ref.name.hasPrefix("app") })
        }
        let old = try appSource(before)
        let new = try appSource(after)
        #expect(old.addresses == new.addresses)
        #expect(old.reach == new.reach)
        #expect(old.ref.name == "app")
        #expect(new.ref.name == "app-renamed")
        #expect(old != new)
    }
}
