import ReachModel
import ReachNetwork

/// Which source an answer belongs to.
enum SourceIdentity: Hashable {
    case interface(Int)
    case subnetHosts(Int)
    case onPremSite(Int)
    case internet

    /// The component the source is reported as.
    func ref(in graph: ForwardingGraph) -> ComponentRef {
        switch self {
        case .interface(let index): graph.interfaces[index].ref
        case .subnetHosts(let subnet): graph.subnets[subnet].ref
        case .onPremSite(let site): graph.onPremSites[site].ref
        case .internet: .internet
        }
    }
}

/// Gathers per-source answers of a who-can-reach question: combines a destination's members,
/// merges address classes of one source with equal answers, and orders the result.
///
/// Each interface is answered once, in one group, so only subnets' hosts, sites and the
/// internet (answered per address class) are looked up to merge with earlier classes.
struct SourceCollector {
    let destination: Endpoint
    /// The traffic asked about: witnesses show some of it.
    let traffic: TrafficSet
    /// Whether ``traffic`` is all traffic, known without comparing sets for every entry.
    private let asksAboutAllTraffic: Bool
    /// Sources in the order first met.
    private var order: [SourceIdentity] = []
    /// The first of each source's entries (parallel to `order`), -1 when it reaches nothing.
    private var firstEntry: [Int32] = []
    /// The position in `order` of each site or the internet (answered per address class).
    private var position: [SourceIdentity: Int] = [:]
    /// The position in `order` of each subnet's hosts (answered per address class), by
    /// subnet, -1 for none yet: thousands of subnets are placed without hashing.
    private var positionOfSubnetHosts: [Int32] = []
    /// Answers that reach (or might), chained per source through ``Entry/next``.
    private var entries: [Entry] = []
    /// The answers of the entries, one per answer recorded that reaches (or might).
    private var reaches: [FlowReach] = []

    private struct Entry {
        var addresses: IPv4AddressSet
        let reach: Int32
        let witness: Witness?
        /// The source's next entry, -1 for its last.
        var next: Int32
    }

    init(destination: Endpoint, traffic: TrafficSet = .all, expectedSources: Int = 0) {
        self.destination = destination
        self.traffic = traffic
        asksAboutAllTraffic = traffic == .all
        order.reserveCapacity(expectedSources)
        firstEntry.reserveCapacity(expectedSources)
        entries.reserveCapacity(expectedSources)
    }

    /// Records one task's answer (see ``ReachabilityAnalyzer/forEachAnswer(of:scope:groups:excluding:recording:in:_:)``)
    /// for each of its sources; for a group of interfaces answered by its representative, each
    /// member's witness starts at the member. A group's members are read from `groups`, the
    /// scope it was answered in.
    mutating func add(_ answered: ReachabilityAnalyzer.AnsweredSources, groups: ScopedInterfaceGroups) {
        let reachIndex = appendReach(answered.reach)
        answered.sources.forEach(in: groups) { identity, addresses in
            add(
                identity, addresses, reach: answered.reach, reachIndex: reachIndex, witness: answered.witness,
                representative: answered.representative)
        }
    }

    /// Records `reach` and its `witness` for one source at `addresses`.
    mutating func add(
        _ identity: SourceIdentity, _ addresses: IPv4AddressSet, reach: FlowReach, witness: Witness?
    ) {
        let reachIndex = appendReach(reach)
        add(
            identity, .set(addresses), reach: reach, reachIndex: reachIndex, witness: witness,
            representative: nil)
    }

    /// The place of `reach` in ``reaches``, kept unless it reaches nothing (nor might).
    private mutating func appendReach(_ reach: FlowReach) -> Int32 {
        let index = Int32(reaches.count)
        if !reach.isUnreachable { reaches.append(reach) }
        return index
    }

    /// Records one source's answer; an interface's address is made into a set only for an
    /// answer that reaches (or might).
    private mutating func add(
        _ identity: SourceIdentity, _ addresses: ReachabilityAnalyzer.AnsweredSourceList.Addresses,
        reach: FlowReach, reachIndex: Int32,
        witness: Witness?, representative: Int?
    ) {
        let index: Int
        if case .interface = identity {
            index = order.count
            order.append(identity)
            firstEntry.append(-1)
        } else if order.last == identity {
            // The next address class of the source recorded last (a task's classes come
            // one after another): no lookup.
            index = order.count - 1
        } else if let known = recordedPosition(of: identity) {
            index = known
        } else {
            index = order.count
            recordPosition(index, of: identity)
            order.append(identity)
            firstEntry.append(-1)
        }
        if reach.isUnreachable { return }
        let addresses = addresses.set
        // Address classes of one source with the same answer are reported together.
        var last: Int32 = -1
        var current = firstEntry[index]
        while current >= 0 {
            let entry = Int(current)
            if reaches[Int(entries[entry].reach)] == reach {
                entries[entry].addresses = entries[entry].addresses.union(addresses)
                break
            }
            last = current
            current = entries[entry].next
        }
        if current >= 0 { return }
        let new = Int32(entries.count)
        entries.append(
            Entry(
                addresses: addresses, reach: reachIndex,
                witness: witness?.standing(for: identity, at: addresses, answeredBy: representative),
                next: -1))
        if last >= 0 { entries[Int(last)].next = new } else { firstEntry[index] = new }
    }

    /// Where a source answered per address class is in `order`, if recorded yet.
    private func recordedPosition(of identity: SourceIdentity) -> Int? {
        guard case .subnetHosts(let subnet) = identity else { return position[identity] }
        let known = subnet < positionOfSubnetHosts.count ? positionOfSubnetHosts[subnet] : -1
        return known >= 0 ? Int(known) : nil
    }

    private mutating func recordPosition(_ index: Int, of identity: SourceIdentity) {
        guard case .subnetHosts(let subnet) = identity else {
            position[identity] = index
            return
        }
        if subnet >= positionOfSubnetHosts.count {
            // Grown by doubling: subnets come in order, one more each time.
            let count = max(subnet + 1, 2 * positionOfSubnetHosts.count)
            positionOfSubnetHosts += repeatElement(-1, count: count - positionOfSubnetHosts.count)
        }
        positionOfSubnetHosts[subnet] = Int32(index)
    }

    /// One source's answers to each destination member as one: every member must be reached
    /// (they must agree), with a witness of what all of them reach with (see
    /// ``Witness/chosen(for:among:traffic:)``).
    static func combined(_ answers: [(reach: FlowReach, witness: Witness?)], traffic: TrafficSet) -> (
        reach: FlowReach, witness: Witness?
    ) {
        Witness.combining(answers, traffic: traffic) {
            $0.agreeing(with: $1, disagreement: .endpointPartiallyReachable)
        }
    }

    /// The answer, restricted to the traffic asked about (``traffic``, which the witnesses show).
    func answer(graph: ForwardingGraph) -> WhoCanReachAnswer {
        var positions: [SourceIdentity: Range<Int>]?
        return answer(graph: graph, positions: &positions)
    }

    /// The answer; with `positions` not nil, also where each source's entries are in it (one
    /// source's entries are consecutive).
    func answer(graph: ForwardingGraph, positions: inout [SourceIdentity: Range<Int>]?) -> WhoCanReachAnswer {
        let report = report()
        let names = SourceNames(graph: graph)
        let sources = ParallelChunks.array(count: report.entryCount, parts: 1) { _, start in
            write(report, sources: 0..<order.count, names: names, to: start)
        }
        if positions != nil {
            for (index, identity) in order.enumerated() where report.starts[index] < report.starts[index + 1]
            {
                positions?[identity] = report.starts[index]..<report.starts[index + 1]
            }
        }
        return WhoCanReachAnswer(
            destination: destination.ref, traffic: traffic, sources: sources, sourcesAnalysed: order.count)
    }

    /// The number of sources recorded so far (each interface, subnet's hosts, site or the
    /// internet once).
    var sourceCount: Int { order.count }

    /// The `index`th source recorded.
    func source(at index: Int) -> SourceIdentity { order[index] }

    /// What the answer reports, settled once every source is recorded: each answer restricted
    /// to the traffic asked about, and where each source's entries start in the report, so
    /// that its parts can be written apart (by several threads, into one answer).
    struct Report: Sendable {
        /// Each recorded answer as reported, by its place in ``SourceCollector/reaches``; nil
        /// when the question asks about all traffic and each is reported as it is.
        fileprivate let shown: [FlowReach]?
        /// Where the entries of each source (by the order they were recorded) start, with one
        /// more start past the last: the entries of the sources recorded from one task to the
        /// next are consecutive, for a join to place them as one block.
        let starts: [Int]

        /// The number of entries reported.
        var entryCount: Int { starts.last ?? 0 }
    }

    /// The report of the sources recorded: which entries reach with some of ``traffic`` (or
    /// might), counted per source.
    func report() -> Report {
        let shown = asksAboutAllTraffic ? nil : reaches.map { $0.restricted(to: traffic) }
        var starts: [Int] = []
        starts.reserveCapacity(order.count + 1)
        var count = 0
        for index in order.indices {
            starts.append(count)
            forEachReported(ofSource: index, shown: shown) { _, _ in count += 1 }
        }
        starts.append(count)
        return Report(shown: shown, starts: starts)
    }

    /// Writes the reported entries of the sources at `sources` (by the order recorded) one
    /// after another from `start`: `report.starts[sources.upperBound] -
    /// report.starts[sources.lowerBound]` places, uninitialized until then.
    func write(
        _ report: Report, sources: Range<Int>, names: SourceNames,
        to start: UnsafeMutablePointer<ReachingSource>
    ) {
        var next = start
        for index in sources {
            forEachReported(ofSource: index, shown: report.shown) { entry, reach in
                next.initialize(
                    to: ReachingSource(
                        order[index], names: names, addresses: entries[entry].addresses, reach: reach,
                        witness: entries[entry].witness))
                next += 1
            }
        }
    }

    /// Calls `body` with each entry of the `index`th source recorded that is reported, and its
    /// answer as reported (from `shown` when the question asks about part of the traffic): one
    /// that reaches with some of it, or might. ``report()`` counts, and
    /// ``write(_:sources:names:to:)`` writes, exactly the entries this hands out.
    private func forEachReported(ofSource index: Int, shown: [FlowReach]?, _ body: (Int, FlowReach) -> Void) {
        var current = firstEntry[index]
        while current >= 0 {
            // Fields are read in place: a copy of the entry would count a reference for its
            // addresses and its witness, for each of thousands of sources.
            let entry = Int(current)
            current = entries[entry].next
            let reachIndex = Int(entries[entry].reach)
            let reach = shown?[reachIndex] ?? reaches[reachIndex]
            if !reach.isUnreachable { body(entry, reach) }
        }
    }
}
