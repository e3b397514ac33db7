import Foundation
import Testing

@Suite("reach check on AWS snapshot directories")
struct SnapshotCommandTests {
    @Test("a snapshot directory is a topology: verdicts, exit codes and warnings on standard error")
    func snapshotDirectory() throws {
        let reachable = try ReachProcess.run([
            "check", "--topology", "Tests/Fixtures/aws/moto-snapshot", "--from", "app-1", "--to", "orders-db",
        ])
        #expect(reachable.status == 0)
        #expect(reachable.stdout.hasPrefix("REACHABLE"))
        #expect(reachable.stderr.contains("warning:"))
        let blocked = try ReachProcess.run([
            "check", "--topology", "Tests/Fixtures/aws/moto-snapshot", "--from", "web-1", "--to", "orders-db",
            "--format",
            "json",
        ])
        #expect(blocked.status == 1)
        #expect(try blocked.json()["reason"] as? String == "SUBNET_ACL_RESTRICTION")
    }

    @Test("a truncated snapshot file exits 65 naming the file")
    func truncatedFile() throws {
        let path = try ReachProcess.temporaryFile(#"{"Vpcs": [{"VpcId": "vpc-1""#, name: "Vpcs.json")
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let output = try ReachProcess.run(["check", "--topology", directory, "--from", "a", "--to", "b"])
        #expect(output.status == 65)
        #expect(output.stderr.contains("Vpcs.json"))
        #expect(output.stderr.contains("truncated"))
    }

    @Test("a directory with no AWS output exits 65 and says what was expected")
    func emptyDirectory() throws {
        let path = try ReachProcess.temporaryFile("{}", name: "notes.json")
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let output = try ReachProcess.run(["check", "--topology", directory, "--from", "a", "--to", "b"])
        #expect(output.status == 65)
        #expect(output.stderr.contains("no AWS CLI output found"))
    }
}
