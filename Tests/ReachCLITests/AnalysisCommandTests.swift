import Foundation
import Testing

@Suite("reach who-can-reach, exposure and matrix end to end")
struct AnalysisCommandTests {
    @Test("who-can-reach on the default design: only app-1, on tcp 5432, with a witness path")
    func whoCanReachDefault() throws {
        let output = try ReachProcess.run(["who-can-reach", "--to", "orders-db"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("network-interface app-1"))
        #expect(output.stdout.contains("reachable: tcp 5432"))
        #expect(output.stdout.contains("path:      app-1 ->"))
        #expect(!output.stdout.contains("web-1"))
        #expect(output.stdout.contains("1 reaching, 0 unknown"))
    }

    @Test("who-can-reach JSON lists each source with its kind, addresses, traffic and witness path")
    func whoCanReachJSON() throws {
        let output = try ReachProcess.run([
            "who-can-reach", "--topology", "Topologies/tgw-hub.yaml", "--to", "prod-db", "--format", "json",
        ])
        #expect(output.status == 0)
        let json = try output.json()
        let sources = try #require(json["sources"] as? [[String: Any]])
        let names = sources.compactMap { ($0["source"] as? [String: Any])?["name"] as? String }
        #expect(names.contains("prod-app"))
        #expect(names.contains("shared-tools"))
        #expect(!names.contains("dev-app"))
        for source in sources {
            let reach = try #require(source["reach"] as? [String: Any])
            let reachable = try #require(reach["reachable"] as? [String: Any])
            #expect(reachable["tcp"] as? [String] == ["5432"])
            let witness = try #require(source["witness"] as? [String: Any])
            #expect(witness["verdict"] as? String == "reachable")
            #expect((witness["path"] as? [Any])?.isEmpty == false)
        }
    }

    @Test("exposure: the internet reaches legacy-db on 3306, and the DB comes first")
    func exposure() throws {
        let output = try ReachProcess.run([
            "exposure", "--topology", "Topologies/public-db.yaml", "--format", "json",
        ])
        #expect(output.status == 0)
        let json = try output.json()
        let sections = try #require(json["sections"] as? [[String: Any]])
        let internet = try #require(sections.first)
        #expect((internet["source"] as? [String: Any])?["kind"] as? String == "internet")
        let destinations = try #require(internet["destinations"] as? [[String: Any]])
        let first = try #require(destinations.first)
        #expect(first["isDatabase"] as? Bool == true)
        #expect((first["destination"] as? [String: Any])?["name"] as? String == "legacy-db")
        let reach = (first["from"] as? [String: Any])?["reach"] as? [String: Any]
        #expect((reach?["reachable"] as? [String: Any])?["tcp"] as? [String] == ["3306"])
    }

    @Test("matrix between selectors: dev reaches no DB, the estate's ENIs reach prod-db on 5432")
    func matrix() throws {
        let output = try ReachProcess.run([
            "matrix", "--topology", "Topologies/tgw-hub.yaml", "--from", "kind:eni", "--from", "tag:env=dev",
            "--to", "kind:db", "--protocol", "tcp", "--format", "json",
        ])
        #expect(output.status == 0)
        let json = try output.json()
        let cells = try #require(json["cells"] as? [[[String: Any]]])
        #expect(cells[0][0]["reachablePairs"] as? Int == 2)
        #expect(cells[0][0]["pairs"] as? Int == 3)
        #expect((cells[0][0]["traffic"] as? [String: Any])?["tcp"] as? [String] == ["5432"])
        #expect(cells[1][0]["reachablePairs"] as? Int == 0)
        #expect(cells[1][0]["pairs"] as? Int == 1)
    }

    @Test("a bad selector, port or destination is a usage error naming it")
    func usageErrors() throws {
        let kind = try ReachProcess.run(["matrix", "--from", "kind:bogus", "--to", "kind:db"])
        #expect(kind.status == 64)
        #expect(kind.stderr.contains("kind:bogus"))
        let tag = try ReachProcess.run(["matrix", "--from", "tag:env", "--to", "kind:db"])
        #expect(tag.status == 64)
        let port = try ReachProcess.run(["who-can-reach", "--to", "orders-db", "--port", "70000"])
        #expect(port.status == 64)
        let missing = try ReachProcess.run(["who-can-reach", "--to", "no-such-db"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("no-such-db"))
    }
}
