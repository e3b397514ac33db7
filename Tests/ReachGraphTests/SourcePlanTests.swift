import ReachNetwork
import Testing

@testable import ReachGraph

/// An analyzer plans a question about every source once: the plan must answer exactly as the
/// tasks a question would list itself.
@Suite("The plan of a question about every source")
struct SourcePlanTests {
    /// Every DB endpoint and every ENI of `net` as a destination, answered with the plan and
    /// by an analyzer without one, on one core and split over several.
    private func expectSameAnswers(_ net: TestNetwork, _ label: String) throws {
        let planned = ReachabilityAnalyzer(graph: net.graph)
        let unplanned = ReachabilityAnalyzer(graph: net.graph, catalog: SourceCatalog(graph: net.graph))
        let destinations =
            try EndpointSelector("kind:db").endpoints(in: net.graph)
            + EndpointSelector("kind:eni").endpoints(in: net.graph)
        #expect(!destinations.isEmpty)
        for destination in destinations {
            for minimumChunk in [1, 8192] {
                var footprints: FootprintIndex?
                var positions: [SourceIdentity: Range<Int>]?
                let withPlan = planned.whoCanReach(
                    destination, traffic: .all, scope: .everything, footprints: &footprints,
                    positions: &positions, minimumChunk: minimumChunk)
                let withoutPlan = unplanned.whoCanReach(
                    destination, traffic: .all, scope: .everything, footprints: &footprints,
                    positions: &positions, minimumChunk: minimumChunk)
                #expect(withPlan == withoutPlan, "\(label): \(destination.ref)")
                #expect(
                    withPlan.sourcesAnalysed == withoutPlan.sourcesAnalysed, "\(label): \(destination.ref)")
            }
        }
    }

    @Test("every bundled design answers alike with the plan and without", arguments: FlatListsTests.designs)
    func bundledDesigns(design: String) throws {
        try expectSameAnswers(try TestNetwork(bundled: design), design)
    }

    /// A DB endpoint whose address the input does not give is not its own source: a question
    /// about it leaves it out, which the plan (made for no destination) lists.
    @Test("a destination whose address the input does not give is left out of its own sources")
    func unaddressedDestination() throws {
        let net = try TestNetwork(
            twoTier(["subnet: data, privateIp: 10.1.3.10, securityGroups": "subnet: data, securityGroups"]))
        let database = try #require(net.graph.databaseInterfaces["db"])
        #expect(net.graph.interfaces[database].privateIPs.isEmpty)
        try expectSameAnswers(net, "two tiers")
        let answer = ReachabilityAnalyzer(graph: net.graph).whoCanReach(
            try net.checker.resolver.resolve("db"))
        #expect(!answer.sources.contains { $0.identity == .interface(database) })
        let fromOthers = ReachabilityAnalyzer(graph: net.graph).whoCanReach(
            try net.checker.resolver.resolve("app"))
        #expect(fromOthers.sourcesAnalysed == answer.sourcesAnalysed)
    }
}
