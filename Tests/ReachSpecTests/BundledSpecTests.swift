import Foundation
import ReachGraph
import ReachSpec
import ReachTopologyFile
import Testing

/// The folder of bundled designs and their assertion files.
let topologiesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Topologies")

@Suite("Bundled designs' assertion files")
struct BundledSpecTests {
    /// Every design in Topologies/ has an assertion file, and every assertion in it holds.
    @Test(
        "every bundled design's assertions hold",
        arguments: [
            "three-tier", "public-db", "return-nacl", "peering", "tgw-hub", "tgw-inspection", "privatelink",
            "hybrid-aurora", "audit-gallery",
        ])
    func assertionsHold(design: String) throws {
        let specPath = topologiesFolder.appendingPathComponent("\(design).assertions.yaml").path
        let spec = try SpecFileLoader.load(contentsOf: specPath)
        let topologyPath = try #require(spec.topology)
        #expect(topologyPath.hasSuffix("\(design).yaml"))
        let graph = ForwardingGraph(try TopologyFileLoader.load(contentsOf: topologyPath).topology)
        let outcomes = SpecRunner(graph: graph).run(spec)
        #expect(outcomes.count >= 4, "each design asserts at least its main answers")
        for outcome in outcomes {
            #expect(
                outcome.status == .passed,
                "\(outcome.assertion.location): \(outcome.assertion.name): \(outcome.summary); \(outcome.evidence.map(\.summary))"
            )
        }
    }

    /// The designs folder and the argument list above agree, so a new design needs its file.
    @Test("the list of designs is every design in Topologies/")
    func everyDesignListed() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: topologiesFolder.path)
        let designs = Set(files.filter { $0.hasSuffix(".yaml") && !$0.hasSuffix(".assertions.yaml") })
        let specs = Set(
            files.filter { $0.hasSuffix(".assertions.yaml") }.map {
                $0.replacingOccurrences(of: ".assertions.yaml", with: ".yaml")
            })
        #expect(designs == specs)
        #expect(designs.count == 9)
    }
}
