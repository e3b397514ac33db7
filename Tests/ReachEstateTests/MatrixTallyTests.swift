import ReachEstate
import ReachModel
import ReachNetwork
import Testing

@testable import ReachGraph

@Suite("Matrix cells")
struct MatrixTallyTests {
    /// Each cell counts, over its column's destinations, the row's sources that reach (or
    /// might): the same sources `who-can-reach` lists for each destination. Rows cover
    /// interfaces, a subnet's hosts (answered per address class), on-prem sites and the
    /// internet; columns the DBs and an interface that is also a source of a row.
    @Test("every cell counts what who-can-reach answers for each destination")
    func cellsAgreeWithWhoCanReach() throws {
        let estate = try LoadedEstate(EstateShape(vpcs: 10))
        let graph = estate.checker.graph
        let analyzer = ReachabilityAnalyzer(graph: graph)
        let firstInterface = try #require(estate.topology.networkInterfaces.first?.id)
        var rowSelectors = [
            "kind:eni", "tag:env=prod", "internet", try #require(graph.subnets.first?.ref.id),
        ]
        rowSelectors += graph.onPremSites.map(\.ref.id)
        let rows = try rowSelectors.map {
            (label: $0, endpoints: try EndpointSelector($0).endpoints(in: graph))
        }
        let columns = try ["kind:db", firstInterface].map {
            (label: $0, endpoints: try EndpointSelector($0).endpoints(in: graph))
        }
        for traffic in [TrafficSet.all, TrafficSet(ports: IntervalSet(5432...5432), of: .tcp)] {
            let matrix = analyzer.matrix(rows: rows, columns: columns, traffic: traffic)
            for (column, group) in columns.enumerated() {
                var expected = Array(repeating: ReachabilityMatrix.Cell(), count: rows.count)
                for destination in group.endpoints {
                    let answer = analyzer.whoCanReach(destination, traffic: traffic)
                    var reaching: [ComponentRef: Bool] = [:]
                    for source in answer.sources {
                        // A source listed in pieces reaches if any piece does.
                        reaching[source.ref] =
                            (reaching[source.ref] ?? false) || !source.reach.reachable.isEmpty
                    }
                    let own = Set(destination.members.map(\.ref))
                    for (row, selected) in rows.enumerated() {
                        for member in selected.endpoints.flatMap(\.members) where !own.contains(member.ref) {
                            expected[row].pairs += 1
                            switch reaching[member.ref] {
                            case true?: expected[row].reachablePairs += 1
                            case false?: expected[row].unknownPairs += 1
                            case nil: break
                            }
                        }
                        for source in answer.sources where !source.reach.reachable.isEmpty {
                            guard
                                selected.endpoints.flatMap(\.members).contains(where: { $0.ref == source.ref }
                                )
                            else { continue }
                            expected[row].traffic = expected[row].traffic.union(source.reach.reachable)
                        }
                    }
                }
                for row in rows.indices {
                    let cell = matrix.cells[row][column]
                    let label = "\(rows[row].label) → \(columns[column].label)"
                    #expect(cell.pairs == expected[row].pairs, "\(label)")
                    #expect(cell.reachablePairs == expected[row].reachablePairs, "\(label)")
                    #expect(cell.unknownPairs == expected[row].unknownPairs, "\(label)")
                    #expect(cell.traffic == expected[row].traffic, "\(label)")
                    #expect((cell.example != nil) == (cell.reachablePairs > 0), "\(label)")
                    if let example = cell.example {
                        #expect(analyzer.trace(example.witness).verdict == .reachable, "\(label)")
                    }
                }
            }
            // Cells that reach are not all empty: the comparison means something.
            #expect(matrix.cells.joined().contains { $0.reachablePairs > 0 })
            #expect(matrix.cells.joined().contains { $0.unknownPairs > 0 || $0.reachablePairs < $0.pairs })
        }
    }
}
