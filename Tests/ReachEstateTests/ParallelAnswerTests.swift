import ReachEstate
import ReachModel
import ReachNetwork
import Testing

@testable import ReachGraph

@Suite("Answers split across cores")
struct ParallelAnswerTests {
    /// Chunks come back joined in order, whatever thread ran them.
    @Test("chunked work is joined in item order")
    func order() {
        let joined = ParallelChunks.map(1000, minimumChunk: 1) { range in range.map { $0 * 2 } }
        #expect(joined == (0..<1000).map { $0 * 2 })
        #expect(ParallelChunks.map(0) { range in Array(range) }.isEmpty)
        let chunks = ParallelChunks.chunks(1000, minimumChunk: 1) { range in Array(range) }
        #expect(chunks.count == min(ParallelChunks.processorCount, 1000))
        #expect(Array(chunks.joined()) == Array(0..<1000))
        // Ranges end only where allowed, and still cover every item once, in order.
        let aligned = ParallelChunks.chunks(1000, minimumChunk: 1, splitsAt: { $0 % 300 == 0 }) { range in
            [range]
        }
        #expect(aligned.joined().allSatisfy { $0.lowerBound % 300 == 0 })
        #expect(Array(aligned.joined().joined()) == Array(0..<1000))
        // By cost: a first item worth the rest is a range of its own (split only after it).
        let costly = ParallelChunks.chunks(
            10, minimumChunk: 1, costs: [90] + Array(repeating: 1, count: 9),
            splitsAt: { position in
                #expect(position > 0, "a split is asked about a position before the first item")
                return true
            }
        ) { range in [range] }
        if ParallelChunks.processorCount > 1 { #expect(costly.joined().first == 0..<1) }
        #expect(Array(costly.joined().joined()) == Array(0..<10))
    }

    /// Parts written into one array at once land where each was told to write, and the
    /// array holds exactly what they wrote: elements that count references (strings) come out
    /// whole, whichever thread wrote them.
    @Test("an array written in parts by several threads holds every part in place")
    func arrayWrittenInParts() {
        let words = (0..<1000).map { "word number \($0), long enough to live on the heap" }
        let bounds = [0, 1, 250, 999, 1000]
        let parts = bounds.count - 1
        let written = ParallelChunks.array(count: words.count, parts: parts) { part, start in
            for index in bounds[part]..<bounds[part + 1] {
                (start + index).initialize(to: words[index])
            }
        }
        #expect(written == words)
        let single = ParallelChunks.array(count: 3, parts: 1) { _, start in
            for index in 0..<3 { (start + index).initialize(to: words[index]) }
        }
        #expect(single == Array(words.prefix(3)))
        #expect(ParallelChunks.array(count: 0, parts: 2) { (_, _: UnsafeMutablePointer<String>) in }.isEmpty)
    }

    /// A 10-VPC estate has hundreds of interface groups and subnets: split into chunks of 16
    /// (the default split waits for thousands), each chunk gathering its own sources and
    /// writing their entries into the one answer, the answer must equal the one a single
    /// session gives, source for source, and so must the public answer; so must where each
    /// source's entries are. Asked about one port, entries that reach nothing of it are left
    /// out of the count each chunk reports and of what it writes alike.
    @Test(
        "who-can-reach split across cores equals the answer of one session",
        arguments: [TrafficSet.all, TrafficSet(ports: IntervalSet(5432...5432), of: .tcp)])
    func whoCanReachMatchesOneSession(traffic: TrafficSet) throws {
        let estate = try LoadedEstate(EstateShape(vpcs: 10))
        let analyzer = ReachabilityAnalyzer(graph: estate.checker.graph)
        for database in estate.topology.dbInstances.prefix(3) {
            let destination = try analyzer.resolver.resolve(database.id)
            var footprints: FootprintIndex? = FootprintIndex()
            var splitPositions: [SourceIdentity: Range<Int>]? = [:]
            let split = analyzer.whoCanReach(
                destination, traffic: traffic, scope: .everything, footprints: &footprints,
                positions: &splitPositions, minimumChunk: 16)
            var session = AnalysisSession(graph: analyzer.graph, catalog: analyzer.catalog)
            session.traffic = traffic
            let excluded = ExcludedInterfaces(of: destination, in: analyzer.catalog)
            var singlePositions: [SourceIdentity: Range<Int>]? = [:]
            var answered: [ReachabilityAnalyzer.AnsweredSources] = []
            let groups = ScopedInterfaceGroups(.everything, catalog: analyzer.catalog)
            analyzer.forEachAnswer(
                of: destination, scope: .everything, groups: groups, excluding: excluded,
                recording: true, in: &session
            ) { answered.append($0) }
            let single = gather(
                answered, groups: groups, to: destination, traffic: traffic, graph: analyzer.graph,
                positions: &singlePositions)
            var singleFootprints = FootprintIndex()
            for result in answered {
                if let footprint = result.footprint {
                    singleFootprints.add(
                        footprint, for: result.sources.identities(in: groups), graph: analyzer.graph)
                }
            }
            #expect(split.sourcesAnalysed > 2 * 16, "too few sources to be split")
            expectSame(split, single, database.id)
            expectSame(analyzer.whoCanReach(destination, traffic: traffic), single, database.id)
            #expect(splitPositions == singlePositions, "\(database.id)")
            #expect(singlePositions?.isEmpty == false, "\(database.id)")
            // Footprints are indexed in the order of the sources they answer, split or not.
            #expect(footprints?.sources == singleFootprints.sources, "\(database.id)")
            #expect(singleFootprints.sources.count == answered.count, "\(database.id)")
        }
    }

    private func gather(
        _ answered: some Sequence<ReachabilityAnalyzer.AnsweredSources>, groups: ScopedInterfaceGroups,
        to destination: Endpoint,
        traffic: TrafficSet, graph: ForwardingGraph, positions: inout [SourceIdentity: Range<Int>]?
    ) -> WhoCanReachAnswer {
        var collector = SourceCollector(destination: destination, traffic: traffic)
        for result in answered {
            collector.add(result, groups: groups)
        }
        return collector.answer(graph: graph, positions: &positions)
    }

    /// Equal answers, reported by the first differing source rather than in full.
    private func expectSame(_ answer: WhoCanReachAnswer, _ expected: WhoCanReachAnswer, _ label: String) {
        #expect(answer.sourcesAnalysed == expected.sourcesAnalysed, "\(label)")
        #expect(answer.sources.count == expected.sources.count, "\(label)")
        let firstDifference = answer.sources.indices.first {
            $0 < expected.sources.count && answer.sources[$0] != expected.sources[$0]
        }
        #expect(firstDifference == nil, "\(label): sources differ from position \(firstDifference ?? -1)")
    }
}
