import ReachModel
import ReachNetwork
import Testing

@testable import ReachGraph

/// `db` admits tcp 1024-65535 from the lower half of the subnet and ICMP type 3 from anywhere.
/// `client` sits in the lower half; `unplaced` is a DB endpoint whose address the input omits,
/// so it may be anywhere in the subnet: only ICMP type 3 reaches `db` whatever its address.
private let halfSubnet = """
    vpcs:
      - {name: vpc-a, cidrs: [10.1.0.0/16]}
    subnets:
      - {name: data, vpc: vpc-a, cidr: 10.1.0.0/24, az: us-east-1a}
      - {name: data-b, vpc: vpc-a, cidr: 10.1.1.0/24, az: us-east-1b}
    securityGroups:
      - name: db-sg
        vpc: vpc-a
        ingress:
          - {protocol: tcp, ports: 1024-65535, from: 10.1.0.0/25}
          - {protocol: icmp, icmpType: 3, from: 0.0.0.0/0}
        egress:
          - {protocol: all, to: 0.0.0.0/0}
      - name: open-sg
        vpc: vpc-a
        egress:
          - {protocol: all, to: 0.0.0.0/0}
    instances:
      - {name: client, subnet: data, privateIp: 10.1.0.12, securityGroups: [open-sg]}
    dbSubnetGroups:
      - {name: db-group, subnets: [data, data-b]}
    databases:
      - {name: db, engine: postgres, subnetGroup: db-group, subnet: data, privateIp: 10.1.0.200, securityGroups: [db-sg]}
      - {name: unplaced, engine: postgres, subnetGroup: db-group, subnet: data, securityGroups: [open-sg]}

    """

@Suite("Witnesses show the traffic their answer reaches with")
struct WitnessTests {
    /// The source's reachable traffic contains its witness's, and the witness traces as reachable.
    private func expectShown(_ source: ReachingSource, _ analyzer: ReachabilityAnalyzer) throws {
        let witness = try #require(source.witness)
        #expect(
            source.reach.reachable.contains(
                witness.packet.protocolNumber, port: witness.packet.destinationPort),
            "\(witness.packet) is not in \(source.reach.reachable)")
        #expect(analyzer.trace(witness).verdict == .reachable)
    }

    @Test("a source whose address is unknown shows what every address it may have reaches with")
    func unknownSourceAddress() throws {
        let net = try TestNetwork(halfSubnet)
        let analyzer = ReachabilityAnalyzer(graph: net.graph)
        let answer = analyzer.whoCanReach(try net.checker.resolver.resolve("db"))
        let unplaced = try #require(answer.sources.first { $0.ref.name == "unplaced" })
        // From the lower half tcp 1024 reaches too, but not from every address it may have.
        #expect(unplaced.reach.reachable == TrafficSet(icmpTypes: IntervalSet(3...3)))
        #expect(unplaced.reach.unknown.contains(.tcp, port: 1024))
        try expectShown(unplaced, analyzer)
        #expect(unplaced.witness?.packet.protocolNumber == .icmp)
    }

    @Test("a question about some traffic shows a witness of that traffic")
    func restrictedTraffic() throws {
        let net = try TestNetwork(halfSubnet)
        let analyzer = ReachabilityAnalyzer(graph: net.graph)
        let database = try net.checker.resolver.resolve("db")
        let everything = analyzer.whoCanReach(database)
        let clientAll = try #require(everything.sources.first { $0.ref.name == "client" })
        #expect(clientAll.witness?.packet.destinationPort == 1024)
        let asked = TrafficSet(ports: IntervalSet(2000...2000), of: .tcp)
        let answer = analyzer.whoCanReach(database, traffic: asked)
        let client = try #require(answer.sources.first { $0.ref.name == "client" })
        #expect(client.reach.reachable == asked)
        try expectShown(client, analyzer)
        #expect(client.witness?.packet.destinationPort == 2000)
        // The matrix's example pair shows the asked traffic too.
        let matrix = analyzer.matrix(
            rows: [("client", [try net.checker.resolver.resolve("client")])], columns: [("db", [database])],
            traffic: asked)
        let example = try #require(matrix.cells[0][0].example)
        #expect(example.witness.packet.destinationPort == 2000)
        #expect(example.witness.packet.protocolNumber == .tcp)
    }
}
