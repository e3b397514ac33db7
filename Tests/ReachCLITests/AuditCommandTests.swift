import Foundation
import Testing

@Suite("reach audit")
struct AuditCommandTests {
    @Test("exit 0 on the clean design, 1 on findings at or above --fail-on, 64 on a bad threshold")
    func exitCodes() throws {
        #expect(try ReachProcess.run(["audit", "--topology", "Topologies/three-tier.yaml"]).status == 0)
        let gallery = ["audit", "--topology", "Topologies/audit-gallery.yaml"]
        let failing = try ReachProcess.run(gallery)
        #expect(failing.status == 1)
        #expect(failing.stdout.hasPrefix("reach audit: 2 DB instances, 17 rules: 20 findings (1 critical"))
        #expect(try ReachProcess.run(gallery + ["--fail-on", "critical"]).status == 1)
        #expect(try ReachProcess.run(gallery + ["--fail-on", "never"]).status == 0)
        // hybrid-aurora's worst findings are medium.
        #expect(
            try ReachProcess.run([
                "audit", "--topology", "Topologies/hybrid-aurora.yaml", "--fail-on", "high",
            ]).status
                == 0)
        #expect(try ReachProcess.run(gallery + ["--fail-on", "urgent"]).status == 64)
    }

    @Test("SARIF: every rule described, results with levels, locations, witness code flows and fingerprints")
    func sarif() throws {
        let output = try ReachProcess.run([
            "audit", "--topology", "Topologies/audit-gallery.yaml", "--format", "sarif",
        ])
        #expect(output.status == 1)
        let log = try output.json()
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "Reach")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == 17)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 20)
        let internet = try #require(results.first { $0["ruleId"] as? String == "DB_REACHABLE_FROM_INTERNET" })
        #expect(internet["level"] as? String == "error")
        #expect(rules[internet["ruleIndex"] as? Int ?? -1]["id"] as? String == "DB_REACHABLE_FROM_INTERNET")
        let flow = try #require((internet["codeFlows"] as? [[String: Any]])?.first)
        let steps = try #require((flow["threadFlows"] as? [[String: Any]])?.first?["locations"] as? [Any])
        #expect(steps.count >= 4)
        let location = try #require((internet["locations"] as? [[String: Any]])?.first)
        let physical = try #require(location["physicalLocation"] as? [String: Any])
        #expect(
            (physical["artifactLocation"] as? [String: Any])?["uri"] as? String
                == "Topologies/audit-gallery.yaml")
        let line = try #require((physical["region"] as? [String: Any])?["startLine"] as? Int)
        let source = try String(
            contentsOfFile: "\(ReachProcess.packageRoot.path)/Topologies/audit-gallery.yaml", encoding: .utf8)
        let declared = source.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]
        #expect(declared.contains("name: billing-db"), "line \(line): \(declared)")
        #expect(
            (internet["partialFingerprints"] as? [String: String])?["reachFinding/v1"]
                == "DB_REACHABLE_FROM_INTERNET/billing-db/internet")
    }

    @Test("a policy suppresses with a reason (SARIF suppressions) and a bad policy exits 65 naming the file")
    func policy() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reach-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("policy.yaml").path
        try """
        suppressions:
          - {rule: NACL_UNUSED, resource: spare-nacl, reason: kept for the cut-over}
        """.write(toFile: good, atomically: true, encoding: .utf8)
        let output = try ReachProcess.run([
            "audit", "--topology", "Topologies/audit-gallery.yaml", "--format", "sarif", "--policy", good,
        ])
        let results = try #require(
            ((output.json()["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        let suppressed = try #require(results.first { $0["ruleId"] as? String == "NACL_UNUSED" })
        let suppression = try #require((suppressed["suppressions"] as? [[String: Any]])?.first)
        #expect(suppression["justification"] as? String == "kept for the cut-over")
        let text = try ReachProcess.run([
            "audit", "--topology", "Topologies/audit-gallery.yaml", "--policy", good,
        ])
        #expect(text.stdout.contains("19 findings"))
        #expect(text.stdout.contains("NACL_UNUSED  spare-nacl: kept for the cut-over"))

        let bad = directory.appendingPathComponent("bad.yaml").path
        try "severities: {NO_SUCH_RULE: high}\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let failed = try ReachProcess.run([
            "audit", "--topology", "Topologies/audit-gallery.yaml", "--policy", bad,
        ])
        #expect(failed.status == 65)
        #expect(failed.stderr.contains("bad.yaml:1:"))
        let unknown = directory.appendingPathComponent("unknown.yaml").path
        try "allowedSources:\n  - {to: no-such-db, from: [internet]}\n".write(
            toFile: unknown, atomically: true, encoding: .utf8)
        let unresolved = try ReachProcess.run([
            "audit", "--topology", "Topologies/audit-gallery.yaml", "--policy", unknown,
        ])
        #expect(unresolved.status == 65)
        #expect(unresolved.stderr.contains("no-such-db"))
    }

    @Test("JSON lists findings with witness paths and the summary by severity")
    func json() throws {
        let output = try ReachProcess.run([
            "audit", "--topology", "Topologies/audit-gallery.yaml", "--format", "json",
        ])
        let document = try output.json()
        let summary = try #require(document["summary"] as? [String: Int])
        #expect(summary == ["critical": 1, "high": 5, "medium": 7, "low": 7, "info": 0])
        let findings = try #require(document["findings"] as? [[String: Any]])
        let internet = try #require(findings.first { $0["id"] as? String == "DB_REACHABLE_FROM_INTERNET" })
        let witness = try #require(internet["witness"] as? [String: Any])
        #expect(witness["verdict"] as? String == "reachable")
    }
}
