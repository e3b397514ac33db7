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
    /// destination is analysed once against every source of every row. Destinations are
    /// answered on every core, each core keeping one session's caches across its destinations.
    public func matrix(
        rows: [(label: String, endpoints: [Endpoint])], columns: [(label: String, endpoints: [Endpoint])],
        traffic: TrafficSet = .all
    ) -> ReachabilityMatrix {
        let sources = SourceRows(rows, interfaces: graph.interfaces.count)
        let destinations = columns.enumerated().flatMap { column, group in
            group.endpoints.map { (column: column, endpoint: $0) }
        }
        let rowCount = rows.count
        let groups = ScopedInterfaceGroups(sources.scope, catalog: catalog)
        let tallies = ParallelChunks.map(destinations.count, minimumChunk: 1) { range in
            var session = sessions.take()
            session.traffic = traffic
            let rows = sources.copy()
            let tallies = range.map { index in
                tally(
                    destinations[index].endpoint, rows: rowCount, sources: rows, groups: groups,
                    traffic: traffic, session: &session)
            }
            sessions.giveBack(session)
            return tallies
        }
        var cells = [[ReachabilityMatrix.Cell]](
            repeating: [ReachabilityMatrix.Cell](repeating: .init(), count: columns.count), count: rows.count)
        for ((column, _), tally) in zip(destinations, tallies) {
            for row in rows.indices {
                cells[row][column].pairs += sources.count[row] - tally.itself[row]
                cells[row][column].reachablePairs += tally.cells[row].reachablePairs
                cells[row][column].unknownPairs += tally.cells[row].unknownPairs
                cells[row][column].traffic = cells[row][column].traffic.union(tally.cells[row].traffic)
                if cells[row][column].example == nil { cells[row][column].example = tally.cells[row].example }
            }
        }
        return ReachabilityMatrix(
            rows: rows.map(\.label), columns: columns.map(\.label), cells: cells, traffic: traffic)
    }

    /// The matrix's sources: which rows each belongs to, how many each row has, and the scope
    /// of the who-can-reach question that answers them.
    ///
    /// A class, with one object per core (``copy()``): the tally's closures capture it for
    /// every answer, and capturing a structure of lists would count a reference to each list,
    /// lists every core shares, for each of thousands of answers per destination.
    private final class SourceRows: Sendable {
        /// The rows of each subnet's hosts, site and the internet.
        let rowsOfSource: [SourceIdentity: [Int]]
        /// The rows of each interface, one after another by interface index, at
        /// ``rowStarts``: looked up for each of thousands per destination, without a list per
        /// interface to count a reference for.
        let rowsOfInterfaces: [Int]
        /// Where each interface's rows start in ``rowsOfInterfaces``, with one more start past
        /// the last.
        let rowStarts: [Int]
        let count: [Int]
        let scope: SourceScope

        init(_ rows: [(label: String, endpoints: [Endpoint])], interfaces: Int) {
            var count = Array(repeating: 0, count: rows.count)
            var scope = SourceScope(
                interfaces: [], includesSubnetHosts: false, includesOnPremSites: false,
                includesInternet: false)
            var rowsOfSource: [SourceIdentity: [Int]] = [:]
            var rowsOfInterface = [[Int]](repeating: [], count: interfaces)
            for (row, group) in rows.enumerated() {
                for endpoint in group.endpoints {
                    for member in endpoint.members {
                        count[row] += 1
                        guard let identity = member.sourceIdentity else { continue }
                        switch identity {
                        case .interface(let index):
                            scope.interfaces?.insert(index)
                            rowsOfInterface[index].append(row)
                            continue
                        case .subnetHosts: scope.includesSubnetHosts = true
                        case .onPremSite: scope.includesOnPremSites = true
                        case .internet: scope.includesInternet = true
                        }
                        rowsOfSource[identity, default: []].append(row)
                    }
                }
            }
            var rowsOfInterfaces: [Int] = []
            var rowStarts = [0]
            rowStarts.reserveCapacity(interfaces + 1)
            for rows in rowsOfInterface {
                rowsOfInterfaces += rows
                rowStarts.append(rowsOfInterfaces.count)
            }
            self.count = count
            self.scope = scope
            self.rowsOfSource = rowsOfSource
            self.rowsOfInterfaces = rowsOfInterfaces
            self.rowStarts = rowStarts
        }

        private init(copying other: SourceRows) {
            rowsOfSource = other.rowsOfSource
            rowsOfInterfaces = other.rowsOfInterfaces
            rowStarts = other.rowStarts
            count = other.count
            scope = other.scope
        }

        /// Another object over the same lists, for one core to count its own references to.
        func copy() -> SourceRows { SourceRows(copying: self) }

        /// Calls `body` with each row `identity` is a source of.
        func forEachRow(of identity: SourceIdentity, _ body: (Int) -> Void) {
            if case .interface(let index) = identity {
                for position in rowStarts[index]..<rowStarts[index + 1] { body(rowsOfInterfaces[position]) }
            } else {
                for row in rowsOfSource[identity] ?? [] { body(row) }
            }
        }

        /// Whether `identity` is a source of some row.
        func hasRows(_ identity: SourceIdentity) -> Bool {
            if case .interface(let index) = identity { return rowStarts[index] < rowStarts[index + 1] }
            return rowsOfSource[identity] != nil
        }
    }

    /// One destination's contribution to every row of its column.
    private struct DestinationTally: Sendable {
        /// The reaching (and might-reach) pairs, traffic and example per row.
        var cells: [ReachabilityMatrix.Cell]
        /// Per row, how many of its sources are the destination itself (not paired with itself).
        var itself: [Int]
    }

    /// Counts the sources of each row that reach `destination` with some of `traffic`, or might,
    /// as the answers come: a source counts once, as reaching if any of its answers (a subnet,
    /// site or the internet answers per address class) reaches, else as might-reach.
    private func tally(
        _ destination: Endpoint, rows: Int, sources: SourceRows, groups: ScopedInterfaceGroups,
        traffic: TrafficSet, session: inout AnalysisSession
    ) -> DestinationTally {
        var result = DestinationTally(
            cells: Array(repeating: .init(), count: rows), itself: Array(repeating: 0, count: rows))
        for member in destination.members {
            guard let identity = member.sourceIdentity else { continue }
            sources.forEachRow(of: identity) { result.itself[$0] += 1 }
        }
        session.forgetWalks()
        let excluded = ExcludedInterfaces(of: destination, in: catalog)
        // A source's answers come one after another: how the last source was counted so far.
        var last: (identity: SourceIdentity, reaches: Bool)?
        // Each row's first reaching source, named once all are counted: the closure reads no
        // property of the analyzer, which would copy it for every answer.
        var examples: [(identity: SourceIdentity, witness: Witness)?] = Array(repeating: nil, count: rows)
        // Known once, not compared for each of the destination's thousands of answers.
        let asksAboutAllTraffic = traffic == .all
        // The rows an answer reached, kept between answers rather than made for each.
        var reachedRows: [Int] = []
        // Per row, the answer (before the traffic asked about is cut from it) last merged into
        // its traffic.
        var merged = [FlowReach?](repeating: nil, count: rows)
        forEachAnswer(
            of: destination, scope: sources.scope, groups: groups, excluding: excluded, recording: false,
            in: &session
        ) {
            answered in
            let reach = asksAboutAllTraffic ? answered.reach : answered.reach.restricted(to: traffic)
            if reach.isUnreachable { return }
            let reaches = !reach.reachable.isEmpty
            reachedRows.removeAll(keepingCapacity: true)
            answered.sources.forEach(in: groups) { identity, addresses in
                if !sources.hasRows(identity) { return }
                if let counted = last, counted.identity == identity {
                    guard reaches, !counted.reaches else { return }
                    // An earlier piece only might reach: this one counts instead.
                    sources.forEachRow(of: identity) { result.cells[$0].unknownPairs -= 1 }
                }
                last = (identity, reaches)
                sources.forEachRow(of: identity) { row in
                    guard reaches else {
                        result.cells[row].unknownPairs += 1
                        return
                    }
                    result.cells[row].reachablePairs += 1
                    if !reachedRows.contains(row) { reachedRows.append(row) }
                    guard examples[row] == nil, let witness = answered.witness else { return }
                    examples[row] = (
                        identity,
                        witness.standing(
                            for: identity, at: addresses.set, answeredBy: answered.representative)
                    )
                }
            }
            for row in reachedRows {
                // Sources whose paths judge alike share one answer, and come one after another:
                // a row does not merge again the answer it merged last (the traffic asked
                // about is cut from the answer alike each time).
                if let last = merged[row], last.isIdentical(to: answered.reach) { continue }
                result.cells[row].traffic = result.cells[row].traffic.union(reach.reachable)
                merged[row] = answered.reach
            }
        }
        for (row, example) in examples.enumerated() {
            guard let (identity, witness) = example else { continue }
            result.cells[row].example = .init(
                source: identity.ref(in: graph), destination: destination.ref, witness: witness)
        }
        return result
    }
}

extension EndpointMember {
    /// The source this member is in a who-can-reach answer; nil for an AWS service, which
    /// only answers.
    var sourceIdentity: SourceIdentity? {
        switch place {
        case .interface(let index): .interface(index)
        case .host(let subnet): .subnetHosts(subnet)
        case .onPremSite(let site): .onPremSite(site)
        case .internet: .internet
        case .awsService: nil
        }
    }
}
