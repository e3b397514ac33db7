import ReachModel
import ReachNetwork
import Testing

@testable import ReachGraph

@Suite("Matrix counting")
struct MatrixTests {
    /// The private subnet's hosts are answered in two address classes: replies to the lower
    /// half pass the DB subnet's ACL for only part of the ephemeral ports (unknown), replies to
    /// the upper half for all of them (reachable). The subnet is one source, counted once, as
    /// reaching, although its first class only might reach.
    @Test("a source answered in pieces counts once, as reaching if any piece reaches")
    func piecesCountOnce() throws {
        let net = try TestNetwork(
            twoTier(
                [
                    "      - {protocol: tcp, ports: 5432, from: app-sg}":
                        "      - {protocol: tcp, ports: 5432, from: 10.0.2.0/24}"
                ],
                extra: dataACL(
                    inbound: "      - {rule: 100, action: allow, protocol: all, cidr: 10.0.2.0/24}",
                    outbound: """
                              - {rule: 100, action: allow, protocol: tcp, ports: 1024-40000, cidr: 10.0.2.0/25}
                              - {rule: 110, action: allow, protocol: all, cidr: 10.0.2.128/25}
                        """)))
        let analyzer = ReachabilityAnalyzer(graph: net.graph)
        let database = try analyzer.resolver.resolve("db")
        let pieces = analyzer.whoCanReach(database).sources.filter { $0.ref.name == "private" }
        #expect(pieces.count == 2)
        #expect(pieces.first?.reach.reachable.isEmpty == true)
        #expect(pieces.first?.reach.unknown.isEmpty == false)
        #expect(pieces.last?.reach.reachable.contains(.tcp, port: 5432) == true)
        let rows = try ["private", "app"].map {
            (label: $0, endpoints: try EndpointSelector($0).endpoints(in: net.graph))
        }
        let matrix = analyzer.matrix(rows: rows, columns: [(label: "db", endpoints: [database])])
        #expect(matrix.cells[0][0].pairs == 1)
        #expect(matrix.cells[0][0].reachablePairs == 1)
        #expect(matrix.cells[0][0].unknownPairs == 0)
        #expect(matrix.cells[0][0].traffic.contains(.tcp, port: 5432))
        // The app server's address is in the lower half: it only might reach.
        #expect(matrix.cells[1][0].reachablePairs == 0)
        #expect(matrix.cells[1][0].unknownPairs == 1)
    }
}
