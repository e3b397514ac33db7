import Foundation
import ReachGraph
import ReachReport
import ReachTopologyFile
import Testing

private func check(_ from: String, _ to: String, port: UInt16? = nil) throws -> CheckResult {
    let loaded = try TopologyFileLoader.loadBundledDefault()
    let checker = ReachabilityChecker(graph: ForwardingGraph(loaded.topology))
    let query = FlowQuery(
        source: try checker.resolver.resolve(from), destination: try checker.resolver.resolve(to),
        destinationPort: port)
    return try checker.check(query)
}

@Suite("Text and JSON reports")
struct ReportTests {
    @Test("the text report lists blockers, first marked, then the hops of both legs")
    func text() throws {
        let report = try check("web-1", "orders-db").text()
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "UNREACHABLE: web-1 -> orders-db, tcp/5432")
        #expect(report.contains("* first: "))
        #expect(report.contains("  request:"))
        #expect(
            report.range(of: "* first: ")?.lowerBound ?? report.endIndex < report.range(of: "path:")?
                .lowerBound ?? report.startIndex)
    }

    @Test("the JSON report has every key, with null where absent")
    func json() throws {
        let data = Data(try check("app-1", "orders-db").jsonString().utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in [
            "verdict", "reason", "source", "destination", "flow", "blockedAt", "path", "notes", "unknown",
        ] {
            #expect(object.keys.contains(key), "missing \(key)")
        }
        #expect(object["verdict"] as? String == "reachable")
        #expect(object["blockedAt"] is NSNull)
        let source = try #require(object["source"] as? [String: Any])
        #expect(source["kind"] as? String == "instance")
    }

    @Test("every reason code has a meaning and an upper-case name")
    func reasonCodes() {
        for code in ReasonCode.allCases {
            #expect(!code.meaning.isEmpty)
            #expect(code.rawValue == code.rawValue.uppercased())
        }
    }
}
