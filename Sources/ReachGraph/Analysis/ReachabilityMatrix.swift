import ReachModel
import ReachNetwork

/// Reachability between groups of endpoints: one cell per (source group, destination group).
public struct ReachabilityMatrix: Hashable, Sendable {
    /// One cell: how many source/destination pairs reach, might, or do not, and on what.
    public struct Cell: Hashable, Sendable {
        /// Source/destination pairs in the cell.
        public var pairs = 0
        /// Pairs where some of the asked traffic is reachable.
        public var reachablePairs = 0
        /// Pairs where nothing is reachable but some traffic is unknown.
        public var unknownPairs = 0
        /// The traffic some pair reaches with.
        public var traffic = TrafficSet.empty
        /// One reaching pair and its witness flow.
        public var example: Example?
    }

    /// A reaching pair of a cell.
    public struct Example: Hashable, Sendable {
        /// The source.
        public let source: ComponentRef
        /// The destination.
        public let destination: ComponentRef
        /// A flow from one to the other that reaches.
        public let witness: Witness
    }

    /// The rows' labels (the `from` selectors).
    public let rows: [String]
    /// The columns' labels (the `to` selectors).
    public let columns: [String]
    /// Cells by row then column.
    public let cells: [[Cell]]
    /// The traffic asked about.
    public let traffic: TrafficSet
}

extension ReachabilityAnalyzer {
    /// The matrix between `rows` (source groups) and `columns` (destination groups): each
    /// destination is analysed once against every source of every row.
    public func matrix(
        rows: [(label: String, endpoints: [Endpoint])], columns: [(label: String, endpoints: [Endpoint])],
        traffic: TrafficSet = .all
    ) -> ReachabilityMatrix {
        // Which rows each source belongs to, by the component that names it.
        var rowsOfSource: [ComponentRef: [Int]] = [:]
        var sourceCount = [Int](repeating: 0, count: rows.count)
        var scope = SourceScope(
            interfaces: [], includesSubnetHosts: false, includesOnPremSites: false, includesInternet: false)
        for (row, group) in rows.enumerated() {
            for endpoint in group.endpoints {
                for member in endpoint.members {
                    rowsOfSource[member.ref, default: []].append(row)
                    sourceCount[row] += 1
                    switch member.place {
                    case .interface(let index): scope.interfaces?.insert(index)
                    case .host: scope.includesSubnetHosts = true
                    case .onPremSite: scope.includesOnPremSites = true
                    case .internet: scope.includesInternet = true
                    case .awsService: break
                    }
                }
            }
        }
        var cells = [[ReachabilityMatrix.Cell]](
            repeating: [ReachabilityMatrix.Cell](repeating: .init(), count: columns.count), count: rows.count)
        for (column, group) in columns.enumerated() {
            for destination in group.endpoints {
                // A destination is not paired with itself.
                for row in rows.indices {
                    let itself = destination.members.reduce(0) {
                        $0 + (rowsOfSource[$1.ref]?.filter { $0 == row }.count ?? 0)
                    }
                    cells[row][column].pairs += sourceCount[row] - itself
                }
                let answer = whoCanReach(destination, traffic: traffic, scope: scope)
                // A subnet, site or the internet can answer in several address pieces: the best counts.
                var best: [ComponentRef: ReachingSource] = [:]
                for source in answer.sources where rowsOfSource[source.ref] != nil {
                    if let current = best[source.ref], !current.reach.reachable.isEmpty { continue }
                    best[source.ref] = source
                }
                for (ref, source) in best {
                    for row in rowsOfSource[ref] ?? [] {
                        if source.reach.reachable.isEmpty {
                            cells[row][column].unknownPairs += 1
                            continue
                        }
                        cells[row][column].reachablePairs += 1
                        cells[row][column].traffic = cells[row][column].traffic.union(source.reach.reachable)
                        if cells[row][column].example == nil, let witness = source.witness {
                            cells[row][column].example = .init(
                                source: source.ref, destination: destination.ref, witness: witness)
                        }
                    }
                }
            }
        }
        return ReachabilityMatrix(
            rows: rows.map(\.label), columns: columns.map(\.label), cells: cells, traffic: traffic)
    }
}
