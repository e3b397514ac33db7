import ReachEstate
import ReachModel
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
    }

    /// A 10-VPC estate has hundreds of interface groups and subnets: split into chunks of 16
    /// (the default split waits for thousands), the answer must equal the one a single session
    /// gives, source for source, and so must the public answer.
    @Test("who-can-reach split across cores equals the answer of one session")
    func whoCanReachMatchesOneSession() throws {
        let estate = try LoadedEstate(EstateShape(vpcs: 10))
        let analyzer = ReachabilityAnalyzer(graph: estate.checker.graph)
        for database in estate.topology.dbInstances.prefix(3) {
            let destination = try analyzer.resolver.resolve(database.id)
            let excluded = SourceCollector(destination: destination).destinationInterfaces
            let split = gather(
                analyzer.answerSources(
                    of: destination, scope: .everything, excluding: excluded, recording: false,
                    minimumChunk: 16
                ).joined(),
                to: destination, graph: analyzer.graph)
            var session = AnalysisSession(graph: analyzer.graph, catalog: analyzer.catalog)
            let single = gather(
                analyzer.answerSources(
                    of: destination, scope: .everything, excluding: excluded, recording: false, in: &session),
                to: destination, graph: analyzer.graph)
            #expect(split.sourcesAnalysed > 2 * 16, "too few sources to be split")
            expectSame(split, single, database.id)
            expectSame(analyzer.whoCanReach(destination), single, database.id)
        }
    }

    private func gather(
        _ answered: some Sequence<ReachabilityAnalyzer.AnsweredSources>, to destination: Endpoint,
        graph: ForwardingGraph
    ) -> WhoCanReachAnswer {
        var collector = SourceCollector(destination: destination)
        for result in answered {
            collector.add(result)
        }
        return collector.answer(traffic: .all, graph: graph)
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
