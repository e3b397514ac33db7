import Foundation
import Testing

@Suite("reach check end to end")
struct CheckCommandTests {
    @Test("exit 0 and a readable path for a reachable flow on the embedded default design")
    func reachableOnDefault() throws {
        let output = try ReachProcess.run(["check", "--from", "app-1", "--to", "orders-db"])
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("REACHABLE: app-1 -> orders-db, tcp/5432"))
        #expect(output.stdout.contains("request:"))
        #expect(output.stdout.contains("reply:"))
    }

    @Test("exit 1 and JSON with verdict, reason, blockedAt and path for an unreachable flow")
    func unreachableJSON() throws {
        let output = try ReachProcess.run([
            "check", "--topology", "Topologies/return-nacl.yaml", "--from", "app-1", "--to", "inventory-db",
            "--format",
            "json",
        ])
        #expect(output.status == 1)
        let json = try output.json()
        #expect(json["verdict"] as? String == "unreachable")
        #expect(json["reason"] as? String == "SUBNET_ACL_RESTRICTION")
        let blockers = try #require(json["blockedAt"] as? [[String: Any]])
        #expect(blockers.count == 1)
        #expect(blockers[0]["first"] as? Bool == true)
        #expect(blockers[0]["name"] as? String == "app-nacl")
        #expect(blockers[0]["direction"] as? String == "return")
        #expect((blockers[0]["rule"] as? String)?.contains("inbound rule *") == true)
        let path = try #require(json["path"] as? [[String: Any]])
        #expect(!path.isEmpty)
        for hop in path {
            #expect(hop["component"] is String)
            #expect(hop["kind"] is String)
            #expect(hop.keys.contains("rule"))
        }
    }

    @Test("reachable JSON has null reason and blockedAt")
    func reachableJSONNulls() throws {
        let output = try ReachProcess.run([
            "check", "--from", "app-1", "--to", "orders-db", "--format", "json",
        ])
        #expect(output.status == 0)
        let json = try output.json()
        #expect(json["verdict"] as? String == "reachable")
        #expect(json["reason"] is NSNull)
        #expect(json["blockedAt"] is NSNull)
    }

    @Test("exit 2 for an unknown verdict")
    func unknownVerdict() throws {
        let path = try ReachProcess.temporaryFile(
            """
            vpcs: [{name: v, cidrs: [10.0.0.0/16]}]
            subnets:
              - {name: a, vpc: v, cidr: 10.0.1.0/24, az: us-east-1a}
              - {name: b, vpc: v, cidr: 10.0.2.0/24, az: us-east-1a}
            networkInterfaces:
              - {name: fw, subnet: b, privateIp: 10.0.2.5, sourceDestCheck: false}
            routeTables:
              - {name: rt, vpc: v, main: true, routes: [{destination: 0.0.0.0/0, target: fw}]}
            instances:
              - {name: host, subnet: a, privateIp: 10.0.1.5}
            """)
        let output = try ReachProcess.run([
            "check", "--topology", path, "--from", "host", "--to", "internet", "--port", "443",
        ])
        #expect(output.status == 2)
        #expect(output.stdout.hasPrefix("UNKNOWN"))
        #expect(output.stdout.contains("UNSUPPORTED_COMPONENT"))
    }

    @Test("exit 64 for bad arguments, unknown and ambiguous names")
    func usageErrors() throws {
        #expect(try ReachProcess.run(["check", "--to", "orders-db"]).status == 64)
        let badProtocol = try ReachProcess.run([
            "check", "--from", "app-1", "--to", "orders-db", "--protocol", "sctpx",
        ])
        #expect(badProtocol.status == 64)
        #expect(badProtocol.stderr.contains("--protocol"))
        let unknown = try ReachProcess.run(["check", "--from", "nobody", "--to", "orders-db"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("'nobody'"))
        let noPort = try ReachProcess.run(["check", "--from", "app-1", "--to", "web-1"])
        #expect(noPort.status == 64)
        #expect(noPort.stderr.contains("--port"))
    }

    @Test("an ambiguous name lists every candidate")
    func ambiguousName() throws {
        let path = try ReachProcess.temporaryFile(
            """
            vpcs: [{name: v, cidrs: [10.0.0.0/16]}]
            subnets:
              - {name: app, vpc: v, cidr: 10.0.1.0/24, az: us-east-1a}
            instances:
              - {name: app, subnet: app, privateIp: 10.0.1.5}
            """)
        let output = try ReachProcess.run([
            "check", "--topology", path, "--from", "app", "--to", "internet", "--port", "443",
        ])
        #expect(output.status == 64)
        #expect(output.stderr.contains("instance app"))
        #expect(output.stderr.contains("subnet app"))
    }

    @Test("exit 65 for an invalid topology, naming file, line and key")
    func invalidTopology() throws {
        let path = try ReachProcess.temporaryFile(
            """
            vpcs:
              - {name: v, cidrs: [10.0.0.0/16]}
            subnets:
              - {name: a, vpc: v, cidr: 10.0.1.0/33, az: us-east-1a}
            """)
        let output = try ReachProcess.run([
            "check", "--topology", path, "--from", "a", "--to", "internet", "--port", "1",
        ])
        #expect(output.status == 65)
        #expect(output.stderr.contains("\(path):4:"))
        #expect(output.stderr.contains("subnets[0].cidr"))
        #expect(!output.stderr.contains("Fatal error"))
    }

    @Test("exit 65 for a file that is not YAML at all, without a crash")
    func garbageFile() throws {
        let path = try ReachProcess.temporaryFile("vpcs: [unclosed\n  - : : :\n\u{7}")
        let output = try ReachProcess.run(["check", "--topology", path, "--from", "a", "--to", "b"])
        #expect(output.status == 65)
        #expect(output.stderr.contains(path))
    }

    @Test("exit 66 for a topology file that does not exist")
    func missingFile() throws {
        let output = try ReachProcess.run([
            "check", "--topology", "/nonexistent/x.yaml", "--from", "a", "--to", "b",
        ])
        #expect(output.status == 66)
        #expect(output.stderr.contains("/nonexistent/x.yaml"))
    }
}
