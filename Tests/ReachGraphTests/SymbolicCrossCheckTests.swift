import ReachGraph
import ReachModel
import ReachNetwork
import Testing

/// The symbolic engine against the concrete checker on every bundled design: for every source
/// and destination the designs name and a spread of flows, both must give the same verdict, and
/// every witness the engine reports must trace as reachable.
@Suite("Symbolic engine: bundled designs")
struct SymbolicCrossCheckTests {
    static let designs = [
        "three-tier.yaml", "peering.yaml", "public-db.yaml", "return-nacl.yaml", "tgw-hub.yaml",
        "hybrid-aurora.yaml", "privatelink.yaml", "tgw-inspection.yaml",
    ]

    @Test("agrees with check for every named source and destination", arguments: designs)
    func agreesWithChecker(design: String) throws {
        let net = try TestNetwork(bundled: design)
        let analyzer = ReachabilityAnalyzer(graph: net.graph)
        let topology = net.graph.topology
        let sources =
            topology.networkInterfaces.map(\.id) + topology.subnets.map(\.id) + topology.onPremSites.map(\.id)
            + ["internet"] + topology.dbInstances.map(\.id)
        let destinations = topology.dbInstances.map(\.id) + topology.networkInterfaces.map(\.id)
        let flows = CrossCheck.flows(topology)
        var compared = 0
        for destinationName in destinations {
            let destination = try net.checker.resolver.resolve(destinationName)
            for sourceName in sources where sourceName != destinationName {
                let source = try net.checker.resolver.resolve(sourceName)
                let reach = analyzer.reach(from: source, to: destination)
                for (proto, port) in flows {
                    let query = FlowQuery(
                        source: source, destination: destination, flowProtocol: .single(proto),
                        destinationPort: proto.hasPorts ? port : nil,
                        icmpType: UInt8(truncatingIfNeeded: port))
                    guard let expected = try? net.checker.check(query) else { continue }
                    compared += 1
                    #expect(
                        reach.verdict(proto, port: port) == expected.verdict,
                        "\(design): \(sourceName) -> \(destinationName) \(proto)/\(port): symbolic \(reach.verdict(proto, port: port)), check \(expected.verdict) (\(expected.reason?.rawValue ?? "-"))"
                    )
                }
            }
        }
        #expect(compared > 100)
    }

    @Test("every witness of who-can-reach traces as reachable", arguments: designs)
    func witnessesTrace(design: String) throws {
        let net = try TestNetwork(bundled: design)
        let analyzer = ReachabilityAnalyzer(graph: net.graph)
        for db in net.graph.topology.dbInstances {
            let answer = analyzer.whoCanReach(try net.checker.resolver.resolve(db.id))
            for source in answer.sources where !source.reach.reachable.isEmpty {
                let witness = try #require(source.witness)
                let trace = analyzer.trace(witness)
                #expect(
                    trace.verdict == .reachable,
                    "\(design): witness \(witness.packet) from \(source.ref) to \(db.id)")
            }
        }
    }
}

/// Flows worth comparing: every port a rule or listener names (and the port after it), the
/// DB ports, a few common ones, ICMP echo and another type, and a protocol no rule names.
enum CrossCheck {
    static func flows(_ topology: Topology) -> [(IPProtocolNumber, UInt16)] {
        var ports: Set<UInt16> = [22, 53, 80, 443, 1024, 3306, 5432, 8080, 32768, 65535]
        for group in topology.securityGroups {
            for rule in group.ingress + group.egress {
                if case .ports(_, let range) = rule.match {
                    ports.insert(range.lowerBound)
                    ports.insert(range.upperBound)
                    if range.upperBound < UInt16.max { ports.insert(range.upperBound + 1) }
                }
            }
        }
        for db in topology.dbInstances { ports.insert(db.port) }
        var flows: [(IPProtocolNumber, UInt16)] = []
        for port in ports.sorted() {
            flows.append((.tcp, port))
            flows.append((.udp, port))
        }
        flows += [(.icmp, 8), (.icmp, 3), (IPProtocolNumber(47), 0)]
        return flows
    }
}
