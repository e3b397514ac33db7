import Foundation
import ReachDiagram
import ReachGraph
import ReachModel
import ReachNetwork
import ReachTopologyFile
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

private func topology(_ name: String) throws -> Topology {
    try TopologyFileLoader.load(contentsOf: root.appendingPathComponent("Topologies/\(name)").path).topology
}

private func flow(_ topology: Topology, _ from: String, _ to: String, port: UInt16? = nil) throws
    -> CheckResult
{
    let checker = ReachabilityChecker(graph: ForwardingGraph(topology))
    return try checker.check(
        FlowQuery(
            source: try checker.resolver.resolve(from), destination: try checker.resolver.resolve(to),
            destinationPort: port))
}

/// The lines of `dot` that declare edges.
private func edges(_ dot: String) -> [Substring] {
    dot.split(separator: "\n").filter { $0.contains(" -> ") }
}

@Suite("Diagram DOT")
struct DiagramBuilderTests {
    @Test("nested clusters region, VPC and subnet, public and private subnets told apart")
    func clusters() throws {
        let dot = try DiagramBuilder.build(try topology("three-tier.yaml")).dot
        #expect(dot.hasPrefix("digraph reach {"))
        #expect(dot.contains("compound=true"))
        #expect(dot.contains("fontname=\"DejaVu Sans\""))
        #expect(dot.contains("subgraph \"cluster_region_us-east-1\""))
        #expect(dot.contains("subgraph \"cluster_vpc_shop-vpc\""))
        #expect(dot.contains("subgraph \"cluster_subnet_web-a\""))
        let web = try #require(dot.range(of: "subgraph \"cluster_subnet_web-a\""))
        #expect(dot[web.upperBound...].prefix(300).contains("public"))
        #expect(dot[web.upperBound...].prefix(300).contains("#e3f2fd"))
        let app = try #require(dot.range(of: "subgraph \"cluster_subnet_app-a\""))
        #expect(dot[app.upperBound...].prefix(300).contains("private"))
        #expect(dot.contains("\"db:orders-db\" [label=<<b>orders-db</b>"))
        #expect(dot.contains("shape=\"cylinder\""))
        #expect(dot.contains("\"igw:shop-igw\""))
        #expect(dot.contains("\"internet\""))
    }

    @Test("routes become edges labelled with their prefixes, with the route table in the tooltip")
    func routeEdges() throws {
        let dot = try DiagramBuilder.build(try topology("three-tier.yaml")).dot
        let nat = edges(dot).first { $0.contains("\"subnet:app-a\" -> \"nat:nat-a\"") }
        #expect(nat?.contains("xlabel=\"0.0.0.0/0\"") == true)
        #expect(nat?.contains("tooltip=\"route table app-rt: 0.0.0.0/0\"") == true)
        #expect(nat?.contains("ltail=\"cluster_subnet_app-a\"") == true)
    }

    @Test("a flow's path is drawn bold and blue, the block red with its rule, the rest grey, with a legend")
    func highlightedPath() throws {
        let design = try topology("three-tier.yaml")
        let dot = try DiagramBuilder.build(design, flow: try flow(design, "web-1", "orders-db")).dot
        let request = try #require(edges(dot).first { $0.contains("\"host:web-1\" -> \"db:orders-db\"") })
        #expect(request.contains("#c62828"))
        #expect(request.contains("inbound rule *: deny all traffic"))
        #expect(request.contains("no ingress rule of db-sg matches"))
        let reply = try #require(edges(dot).first { $0.contains("\"db:orders-db\" -> \"host:web-1\"") })
        #expect(reply.contains("outbound rule *: deny all traffic"))
        #expect(reply.contains("style=\"dashed\""))
        #expect(
            dot.contains("\"host:web-1\" [label=<<b>web-1</b>")
                && dot.contains("color=\"#1565c0\", penwidth=\"3\"]"))
        #expect(
            dot.contains(
                "\"host:app-1\" [label=<<b>app-1</b><br/><font point-size=\"8\">10.0.11.5</font><br/><font point-size=\"8\">SG: app-sg</font>>, color=\"#9e9e9e\""
            ))
        #expect(dot.contains("subgraph cluster_legend"))
        #expect(dot.contains("UNREACHABLE: web-1 -> orders-db, tcp/5432"))
    }

    @Test("a reachable path is blue end to end, through the gateways it crosses")
    func reachablePath() throws {
        let design = try topology("three-tier.yaml")
        let dot = try DiagramBuilder.build(design, flow: try flow(design, "app-1", "internet", port: 443)).dot
        let pathEdges = edges(dot).filter { $0.contains("penwidth=\"3\"") && !$0.contains("legend:") }
        #expect(pathEdges.contains { $0.contains("\"host:app-1\" -> \"nat:nat-a\"") })
        #expect(pathEdges.contains { $0.contains("\"igw:shop-igw\" -> \"internet\"") })
        #expect(!pathEdges.contains { $0.contains("#c62828") })
    }

    @Test("subnet and VPC granularity draw clusters, not hosts")
    func granularity() throws {
        let design = try topology("three-tier.yaml")
        let subnets = try DiagramBuilder.build(design, options: DiagramOptions(granularity: .subnet)).dot
        #expect(!subnets.contains("\"host:web-1\""))
        #expect(subnets.contains("\"subnet:web-a\" [label=\"1 interfaces, 0 DBs\""))
        let vpcs = try DiagramBuilder.build(design, options: DiagramOptions(granularity: .vpc)).dot
        #expect(!vpcs.contains("cluster_subnet_"))
        #expect(vpcs.contains("\"vpc:shop-vpc\""))
    }

    @Test("focus on a path keeps only the VPCs it crosses; focus on a VPC keeps that one")
    func focus() throws {
        let design = try topology("peering.yaml")
        let onPath = try DiagramBuilder.build(
            design, options: DiagramOptions(focus: .path), flow: try flow(design, "app-host", "billing-db")
        ).dot
        #expect(onPath.contains("cluster_vpc_app-vpc"))
        #expect(onPath.contains("cluster_vpc_data-vpc"))
        #expect(!onPath.contains("cluster_vpc_partner-vpc"))
        let one = try DiagramBuilder.build(design, options: DiagramOptions(focus: .vpc("data-vpc"))).dot
        #expect(one.contains("cluster_vpc_data-vpc"))
        #expect(!one.contains("cluster_vpc_app-vpc"))
        #expect(throws: DiagramError.unknownFocus("nope")) {
            try DiagramBuilder.build(design, options: DiagramOptions(focus: .vpc("nope")))
        }
        #expect(throws: DiagramError.focusPathNeedsFlow) {
            try DiagramBuilder.build(design, options: DiagramOptions(focus: .path))
        }
    }

    @Test("transit gateways with their route tables, VPN and Direct Connect links to on-prem sites")
    func hybrid() throws {
        let dot = try DiagramBuilder.build(try topology("hybrid-aurora.yaml")).dot
        #expect(
            dot.contains(
                "\"tgw:hub-tgw\" [label=<<b>hub-tgw</b><br/><font point-size=\"8\">transit gateway</font><br/><font point-size=\"8\">route table hub-rt</font>"
            ))
        #expect(
            edges(dot).contains {
                $0.contains("\"vgw:data-vgw\" -> \"site:branch-office\"") && $0.contains("VPN branch-vpn")
            })
        #expect(
            edges(dot).contains {
                $0.contains("\"dxgw:corp-dxgw\" -> \"site:dc1\"") && $0.contains("DX dc1-transit-vif")
            })
        #expect(
            edges(dot).contains {
                $0.contains("\"dxgw:corp-dxgw\" -> \"tgw:hub-tgw\"") && $0.contains("10.20.0.0/16")
            })
    }

    @Test("the same input gives byte-identical DOT")
    func deterministic() throws {
        let design = try topology("tgw-inspection.yaml")
        let result = try flow(design, "app-1", "ledger-db")
        let first = try DiagramBuilder.build(design, flow: result).dot
        let second = try DiagramBuilder.build(try topology("tgw-inspection.yaml"), flow: result).dot
        #expect(first == second)
    }

    @Test("names are escaped in HTML-like labels and quoted strings")
    func escaping() throws {
        var design = try topology("three-tier.yaml")
        let index = try #require(design.vpcs.firstIndex { $0.id == "shop-vpc" })
        design.vpcs[index].name = "shop <prod> & \"co\""
        let dot = try DiagramBuilder.build(design).dot
        #expect(dot.contains("shop &lt;prod&gt; &amp; &quot;co&quot;"))
        #expect(!dot.contains("<prod>"))
    }

    @Test("a large diagram warns that it is hard to read")
    func largeDiagramWarns() throws {
        var design = try topology("three-tier.yaml")
        let subnet = try #require(design.subnets.first { $0.id == "app-a" })
        for i in 0..<320 {
            let address = IPv4Address(UInt32(0x0A00_0B00) + UInt32(i % 200 + 20))
            design.networkInterfaces.append(
                NetworkInterface(
                    id: "eni-\(i)", name: "extra-\(i)", subnetID: subnet.id, privateIPs: [address],
                    publicIP: nil, securityGroupIDs: []))
        }
        let document = try DiagramBuilder.build(design)
        #expect(document.nodeCount > DiagramBuilder.legibleNodeCount)
        #expect(document.warnings.contains { $0.contains("hard to read") })
    }
}
