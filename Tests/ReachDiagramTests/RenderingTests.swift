import Foundation
import ReachDiagram
import ReachGraph
import ReachGraphviz
import ReachTopologyFile
import Testing

private let designs = [
    "three-tier", "peering", "public-db", "return-nacl", "tgw-hub", "hybrid-aurora", "privatelink",
    "tgw-inspection",
]

/// Graphviz 2.42 double-frees some laid-out graphs on release (edge labels as virtual nodes
/// inside clusters, edges without rank constraints). The diagrams avoid those constructs; this
/// renders every bundled design in this process, at every granularity, so a regression crashes here.
@Suite("Every bundled design renders in process")
struct RenderingTests {
    @Test("topology diagrams at every granularity", arguments: designs)
    func topology(_ name: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let design = try TopologyFileLoader.load(
            contentsOf: root.appendingPathComponent("Topologies/\(name).yaml").path
        ).topology
        for granularity in DiagramOptions.Granularity.allCases {
            let dot = try DiagramBuilder.build(design, options: DiagramOptions(granularity: granularity)).dot
            for format in [DiagramFormat.svg, .png] {
                let bytes = try GraphvizRenderer.render(dot: dot, format: format)
                #expect(!bytes.isEmpty)
            }
        }
    }

    @Test("path diagrams, blocked and reachable")
    func paths() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let queries: [(String, String, String, UInt16?)] = [
            ("three-tier", "web-1", "orders-db", nil), ("three-tier", "app-1", "internet", 443),
            ("tgw-hub", "dev-app", "prod-db", nil), ("hybrid-aurora", "dc1", "ledger", nil),
            ("privatelink", "consumer-app", "orders-endpoint", 5432),
            ("tgw-inspection", "app-1", "ledger-db", nil),
        ]
        for (name, from, to, port) in queries {
            let design = try TopologyFileLoader.load(
                contentsOf: root.appendingPathComponent("Topologies/\(name).yaml").path
            ).topology
            let checker = ReachabilityChecker(graph: ForwardingGraph(design))
            let flow = try checker.check(
                FlowQuery(
                    source: try checker.resolver.resolve(from), destination: try checker.resolver.resolve(to),
                    destinationPort: port))
            let dot = try DiagramBuilder.build(design, flow: flow).dot
            #expect(try GraphvizRenderer.render(dot: dot, format: .svg).count > 1000)
        }
    }
}
