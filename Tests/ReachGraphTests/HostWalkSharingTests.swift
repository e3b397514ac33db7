import PropertyBased
import ReachNetwork
import Testing

@testable import ReachGraph

/// Who-can-reach answers a subnet's hosts from the walk of an interface of the same subnet and
/// address class; answered alone, a host is walked from itself. On random networks the two
/// must agree for every class of every subnet's hosts and every destination. Security groups
/// are evaluated at the ENI (S-SG-1): a host without one meets no groups of its own, and the
/// groups that judge its address see no membership (S-SG-2).
@Suite("Hosts answered from interfaces' walks")
struct HostWalkSharingTests {
    @Test("each class of a subnet's hosts gets the answer it gets alone", .shrinking(false))
    func hostsAnswerAsAlone() async {
        await propertyCheck(count: 40, input: Gen.uint8().array(of: 40...160)) { bytes in
            let network = RandomNetwork(bytes: bytes)
            failingOnThrow("in:\n\(network.yaml)") {
                let net = try TestNetwork(network.yaml)
                let graph = net.graph
                let analyzer = ReachabilityAnalyzer(graph: graph)
                for name in network.databaseNames + network.instanceNames {
                    let destination = try net.checker.resolver.resolve(name)
                    let answer = analyzer.whoCanReach(destination)
                    for subnet in graph.subnets.indices {
                        let ref = graph.subnets[subnet].ref
                        for (representative, _) in analyzer.catalog.freeHostClasses[subnet] {
                            let alone = Endpoint(
                                kind: .subnet, ref: ref, databasePort: nil,
                                members: [
                                    EndpointMember.hosts(subnet, IPv4AddressSet(representative), graph: graph)
                                ])
                            let expected = analyzer.reach(from: alone, to: destination)
                            let entry = answer.sources.first {
                                $0.kind == .subnetHosts && $0.ref == ref
                                    && $0.addresses.contains(representative)
                            }
                            #expect(
                                entry?.reach == (expected.isUnreachable ? nil : expected),
                                "\(representative) in \(ref) to \(name) in:\n\(network.yaml)")
                        }
                    }
                }
            }
        }
    }
}
