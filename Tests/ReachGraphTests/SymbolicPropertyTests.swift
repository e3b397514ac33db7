import PropertyBased
import ReachGraph
import ReachNetwork
import Testing

/// Property-based cross-check of the symbolic engine against the concrete checker on random
/// small networks: for every source and destination and every sampled flow the verdicts must
/// be equal, and every witness who-can-reach reports must trace as reachable. Shrinking is off:
/// each case runs the concrete checker hundreds of times, and a failure prints its whole network.
@Suite("Symbolic engine: random networks")
struct SymbolicPropertyTests {
    /// Flows sampled per pair: each port of the generator's pool and the ports around it, for
    /// tcp and udp; ICMP echo and another type; a protocol no rule names.
    static let flows: [(IPProtocolNumber, UInt16)] = {
        var ports: Set<UInt16> = [0, 1, 1023, 65535]
        for port in RandomNetwork.ports {
            ports.insert(port)
            ports.insert(port - 1)
            ports.insert(port + 1)
        }
        var result: [(IPProtocolNumber, UInt16)] = []
        for port in ports.sorted() {
            result.append((.tcp, port))
            result.append((.udp, port))
        }
        return result + [(.icmp, 8), (.icmp, 3), (.icmp, 0), (IPProtocolNumber(47), 0)]
    }()

    @Test("symbolic verdicts equal the tracer's for every sampled flow", .shrinking(false))
    func symbolicEqualsConcrete() async {
        await propertyCheck(count: 25, input: Gen.uint8().array(of: 40...160)) { bytes in
            let network = RandomNetwork(bytes: bytes)
            failingOnThrow("in:\n\(network.yaml)") {
                let net = try TestNetwork(network.yaml)
                let analyzer = ReachabilityAnalyzer(graph: net.graph)
                // Each pair checks every sixth flow, a different sixth per pair, to keep the
                // concrete checker's share of the run short while covering every flow.
                var pair = 0
                let sources =
                    network.instanceNames + network.subnetNames + ["internet"] + network.databaseNames
                for destinationName in network.databaseNames + network.instanceNames {
                    let destination = try net.checker.resolver.resolve(destinationName)
                    for sourceName in sources where sourceName != destinationName {
                        let source = try net.checker.resolver.resolve(sourceName)
                        let reach = analyzer.reach(from: source, to: destination)
                        pair += 1
                        for (index, (proto, port)) in Self.flows.enumerated() where (index + pair) % 6 == 0 {
                            let query = FlowQuery(
                                source: source, destination: destination, flowProtocol: .single(proto),
                                destinationPort: proto.hasPorts ? port : nil,
                                icmpType: UInt8(truncatingIfNeeded: port))
                            let expected = try net.checker.check(query)
                            #expect(
                                reach.verdict(proto, port: port) == expected.verdict,
                                "\(sourceName) -> \(destinationName) \(proto)/\(port) in:\n\(network.yaml)")
                        }
                    }
                }
            }
        }
    }

    @Test("every witness traces as reachable", .shrinking(false))
    func witnessesReTrace() async {
        await propertyCheck(count: 60, input: Gen.uint8().array(of: 40...160)) { bytes in
            let network = RandomNetwork(bytes: bytes)
            failingOnThrow("in:\n\(network.yaml)") {
                let net = try TestNetwork(network.yaml)
                let analyzer = ReachabilityAnalyzer(graph: net.graph)
                // All traffic, and a question about some of it: witnesses show the traffic asked about.
                let questions = [TrafficSet.all, TrafficSet(ports: IntervalSet(2000...9000), of: .tcp)]
                for name in network.databaseNames + network.instanceNames {
                    for traffic in questions {
                        let answer = analyzer.whoCanReach(
                            try net.checker.resolver.resolve(name), traffic: traffic)
                        for source in answer.sources where !source.reach.reachable.isEmpty {
                            let witness = try #require(source.witness)
                            #expect(
                                analyzer.trace(witness).verdict == .reachable,
                                "witness \(witness.packet) from \(source.ref) to \(name) in:\n\(network.yaml)"
                            )
                            // The witness's traffic is in what the source reaches with.
                            #expect(
                                source.reach.reachable.contains(
                                    witness.packet.protocolNumber, port: witness.packet.destinationPort),
                                "witness \(witness.packet) from \(source.ref) to \(name), which reaches with \(source.reach.reachable), in:\n\(network.yaml)"
                            )
                        }
                    }
                }
            }
        }
    }
}
