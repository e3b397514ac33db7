import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing

@Suite("reach what-if, diff and test end to end")
struct RegressionCommandTests {
    @Test("what-if with a change file: the dev leak shows dev-app's new path to prod-db, exit 1")
    func whatIfChangeFile() throws {
        let output = try ReachProcess.run([
            "what-if", "--topology", "Topologies/tgw-hub.yaml", "--change",
            "Topologies/changes/tgw-hub-dev-leak.yaml",
        ])
        #expect(output.status == 1)
        #expect(output.stdout.contains("db-instance prod-db:"))
        #expect(output.stdout.contains("+ dev-app (dev-app-eni): tcp 5432 becomes reachable"))
        #expect(output.stdout.contains("new path: dev-app -> dev-app-sg -> dev-rt"))
    }

    @Test("what-if JSON with a quick flag: the internet gains MySQL to reports-db")
    func whatIfQuickFlagJSON() throws {
        let output = try ReachProcess.run([
            "what-if", "--topology", "Topologies/public-db.yaml", "--add-sg-rule",
            "reports-db-sg ingress tcp 3306 0.0.0.0/0", "--format", "json",
        ])
        #expect(output.status == 1)
        let json = try output.json()
        let changes = try #require(json["changes"] as? [[String: Any]])
        #expect(changes.count == 1)
        let change = try #require(changes.first)
        #expect(change["kind"] as? String == "becomes-reachable")
        #expect(change["sourceKind"] as? String == "internet")
        #expect((change["traffic"] as? [String: Any])?["tcp"] as? [String] == ["3306"])
        #expect((change["trace"] as? [String: Any])?["verdict"] as? String == "reachable")
    }

    @Test("what-if with the public address flags: legacy-db made private loses the internet")
    func whatIfPublicAddressFlags() throws {
        let closed = try ReachProcess.run([
            "what-if", "--topology", "Topologies/public-db.yaml", "--set-publicly-accessible",
            "legacy-db false",
        ])
        #expect(closed.status == 1)
        #expect(closed.stdout.contains("db-instance legacy-db:"))
        #expect(closed.stdout.contains("- internet ("))
        #expect(closed.stdout.contains("tcp 3306 becomes unreachable"))
        let badAddress = try ReachProcess.run([
            "what-if", "--topology", "Topologies/public-db.yaml", "--set-public-ip", "legacy-db 1.2.3",
        ])
        #expect(badAddress.status == 64)
        #expect(badAddress.stderr.contains("--set-public-ip 'legacy-db 1.2.3'"))
        let notAnInterface = try ReachProcess.run([
            "what-if", "--topology", "Topologies/public-db.yaml", "--set-public-ip", "legacy-db none",
        ])
        #expect(notAnInterface.status == 65)
        #expect(notAnInterface.stderr.contains("no network interface or instance is named 'legacy-db'"))
    }

    @Test("what-if: nothing changes exits 0; no change, a bad flag or an impossible change exit 64 or 65")
    func whatIfExitCodes() throws {
        let unchanged = try ReachProcess.run([
            "what-if", "--add-sg-rule", "web-sg ingress tcp 8443 0.0.0.0/0",
        ])
        #expect(unchanged.status == 0)
        #expect(unchanged.stdout.contains("no flow to the 3 destinations compared changes"))
        #expect(try ReachProcess.run(["what-if"]).status == 64)
        let badFlag = try ReachProcess.run(["what-if", "--add-sg-rule", "db-sg sideways tcp 5432 0.0.0.0/0"])
        #expect(badFlag.status == 64)
        #expect(badFlag.stderr.contains("--add-sg-rule"))
        let missing = try ReachProcess.run(["what-if", "--remove-route", "app-rt 10.99.0.0/16"])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("10.99.0.0/16"))
    }

    @Test("what-if on a moto snapshot: problems the snapshot already has do not stop it")
    func whatIfOnSnapshot() throws {
        let output = try ReachProcess.run([
            "what-if", "--topology", "Tests/Fixtures/aws/moto-snapshot", "--add-sg-rule",
            "sg-c9350ea4e904fc182 ingress tcp 5432 0.0.0.0/0",
        ])
        #expect(output.status == 0 || output.status == 1, "\(output.stderr)")
    }

    @Test("diff between a design and its changed copy, both ways")
    func diffBetweenFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reach-diff-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = try String(contentsOfFile: "Topologies/tgw-hub.yaml", encoding: .utf8)
        let leaked = original.replacingOccurrences(
            of: "    associations: [dev-attach]\n    propagations: [shared-attach]",
            with: "    associations: [dev-attach]\n    propagations: [shared-attach, prod-attach]"
        ).replacingOccurrences(
            of: "    associations: [prod-attach]\n    propagations: [shared-attach]",
            with: "    associations: [prod-attach]\n    propagations: [shared-attach, dev-attach]")
        #expect(leaked != original)
        let after = directory.appendingPathComponent("after.yaml").path
        try leaked.write(toFile: after, atomically: true, encoding: .utf8)
        let forward = try ReachProcess.run([
            "diff", "--before", "Topologies/tgw-hub.yaml", "--after", after, "--to", "prod-db",
        ])
        #expect(forward.status == 1)
        #expect(forward.stdout.contains("+ dev-app (dev-app-eni): tcp 5432 becomes reachable"))
        let backward = try ReachProcess.run(["diff", "--before", after, "--after", "Topologies/tgw-hub.yaml"])
        #expect(backward.status == 1)
        #expect(backward.stdout.contains("- dev-app (dev-app-eni): tcp 5432 becomes unreachable"))
        #expect(backward.stdout.contains("TGW_RTB_CANNOT_ROUTE"))
        let same = try ReachProcess.run(["diff", "--before", after, "--after", after])
        #expect(same.status == 0)
    }

    @Test("test runs every bundled assertion file, exit 0, and writes JUnit XML")
    func testBundledWithJUnit() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: "Topologies")
            .filter { $0.hasSuffix(".assertions.yaml") }.sorted().map { "Topologies/\($0)" }
        #expect(files.count == 9)
        let junit = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reach-junit-\(ProcessInfo.processInfo.processIdentifier).xml"
        ).path
        defer { try? FileManager.default.removeItem(atPath: junit) }
        let output = try ReachProcess.run(["test"] + files + ["--junit", junit])
        #expect(output.status == 0)
        #expect(output.stdout.contains("0 failed, 0 could not be evaluated"))
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.contains(#"<testsuites name="reach""#))
        #expect(xml.contains(#"failures="0" errors="0""#))
        let document = try XMLDocument(xmlString: xml)
        #expect(try document.nodes(forXPath: "//testcase").count >= 40)
    }

    @Test("a failing assertion: exit 1, the offending path printed, a JUnit failure and JSON evidence")
    func failingAssertion() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reach-spec-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let spec = directory.appendingPathComponent("leak.assertions.yaml").path
        try """
        assertions:
          - name: dev never reaches prod-db
            from: vpc:dev-vpc
            to: prod-db
            expect: unreachable
        """.write(toFile: spec, atomically: true, encoding: .utf8)
        let junit = directory.appendingPathComponent("junit.xml").path
        // The design as it is: the assertion holds.
        let holds = try ReachProcess.run(["test", spec, "--topology", "Topologies/tgw-hub.yaml"])
        #expect(holds.status == 0)
        // With the leak: it fails and shows the new path.
        let leaked = try String(contentsOfFile: "Topologies/tgw-hub.yaml", encoding: .utf8)
            .replacingOccurrences(
                of: "propagations: [shared-attach]",
                with: "propagations: [shared-attach, prod-attach, dev-attach]")
        let design = directory.appendingPathComponent("leaked.yaml").path
        try leaked.write(toFile: design, atomically: true, encoding: .utf8)
        let fails = try ReachProcess.run(["test", spec, "--topology", design, "--junit", junit])
        #expect(fails.status == 1)
        #expect(fails.stdout.contains("FAIL  dev never reaches prod-db"))
        #expect(fails.stdout.contains("path: dev-app -> dev-app-sg -> dev-rt"))
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.contains("<failure message="))
        let json = try ReachProcess.run(["test", spec, "--topology", design, "--format", "json"]).json()
        #expect(json["failed"] as? Int == 1)
    }

    @Test("a bad assertion file: its location and what was expected, exit 65; a missing one exits 66")
    func badSpecFile() throws {
        let spec = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reach-bad-\(ProcessInfo.processInfo.processIdentifier).yaml"
        ).path
        defer { try? FileManager.default.removeItem(atPath: spec) }
        try "assertions:\n  - from: app-1\n    to: orders-db\n    expect: sometimes\n".write(
            toFile: spec, atomically: true, encoding: .utf8)
        let output = try ReachProcess.run(["test", spec])
        #expect(output.status == 65)
        #expect(output.stderr.contains("assertions[0].expect"))
        #expect(output.stderr.contains("reachable, unreachable or unknown"))
        #expect(try ReachProcess.run(["test", "/nonexistent/spec.yaml"]).status == 66)
    }
}
