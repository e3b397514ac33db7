import ReachEstate
import ReachModel
import ReachNetwork
import Testing

@testable import ReachGraph

@Suite("Sessions kept between questions")
struct KeptSessionsTests {
    /// An analyzer keeps the sessions of its questions (their filter results) for the next
    /// ones: every answer must equal that of a new analyzer, which starts with none, whatever
    /// was asked before, including a question about one port (whose traffic a kept session
    /// must not carry into the next question's witnesses) and a matrix.
    @Test("answers from kept sessions equal those of a new analyzer")
    func keptSessionsAnswerAsNewOnes() throws {
        let estate = try LoadedEstate(EstateShape(vpcs: 10))
        let graph = estate.checker.graph
        let kept = ReachabilityAnalyzer(graph: graph)
        let onePort = TrafficSet(ports: IntervalSet(5432...5432), of: .tcp)
        let databases = try estate.topology.dbInstances.prefix(4).map { try kept.resolver.resolve($0.id) }
        let interfaces = try EndpointSelector("kind:eni").endpoints(in: graph)
        for (index, database) in databases.enumerated() {
            let traffic = index % 2 == 0 ? onePort : .all
            let answer = kept.whoCanReach(database, traffic: traffic)
            // Compared as one flag: a failure need not print two answers of thousands of sources.
            let sameAnswer =
                answer == ReachabilityAnalyzer(graph: graph).whoCanReach(database, traffic: traffic)
            #expect(sameAnswer, "who-can-reach \(database.ref) differs after \(index) questions")
            #expect(!answer.sources.isEmpty)
            let matrix = kept.matrix(
                rows: [("eni", interfaces)], columns: [("db", [database])], traffic: traffic)
            let fresh = ReachabilityAnalyzer(graph: graph)
                .matrix(rows: [("eni", interfaces)], columns: [("db", [database])], traffic: traffic)
            let sameCells = matrix.cells == fresh.cells
            #expect(sameCells, "the matrix column of \(database.ref) differs")
            // The question before asked about one port: what needs no traffic asks about all.
            #expect(
                kept.reach(from: interfaces[index], to: database)
                    == ReachabilityAnalyzer(graph: graph).reach(from: interfaces[index], to: database))
        }
        _ = kept.whoCanReach(databases[0], traffic: onePort)
        let sameExposure = kept.exposure() == ReachabilityAnalyzer(graph: graph).exposure()
        #expect(sameExposure, "exposure differs after a question about one port")
    }
}
