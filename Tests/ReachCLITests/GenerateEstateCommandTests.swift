import Foundation
import Testing

@Suite("reach generate-estate")
struct GenerateEstateCommandTests {
    /// A fresh, not yet existing folder of the temporary directory.
    private func scratchFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("reach-cli-estate-\(UUID().uuidString)")
            .path
    }

    /// The value after `--flag` in the printed hint.
    private func value(after flag: String, in text: String) throws -> String {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let index = try #require(words.firstIndex(of: flag))
        return try #require(words.indices.contains(index + 1) ? words[index + 1] : nil)
    }

    @Test("3 VPCs: exit 0, a summary, and `reach check` on the sample names answers reachable")
    func generateAndCheck() throws {
        let folder = scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = try ReachProcess.run(["generate-estate", "--output", folder, "--vpcs", "3"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("3 VPCs, 30 subnets, 150 network interfaces"))
        #expect(output.stdout.contains("reach check --topology \(folder)"))
        #expect(FileManager.default.fileExists(atPath: folder + "/123456789012/us-east-1/Vpcs.json"))
        let client = try value(after: "--from", in: output.stdout)
        let database = try value(after: "--to", in: output.stdout)
        let check = try ReachProcess.run(["check", "--topology", folder, "--from", client, "--to", database])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.hasPrefix("REACHABLE"))
        #expect(!check.stderr.contains("warning"))
    }

    @Test(
        "a parameter out of range exits 64 naming it",
        arguments: [["--vpcs", "0"], ["--rules-per-group", "61"]])
    func badParameter(arguments: [String]) throws {
        let folder = scratchFolder()
        let output = try ReachProcess.run(["generate-estate", "--output", folder] + arguments)
        #expect(output.status == 64)
        #expect(output.stderr.contains(arguments[0] == "--vpcs" ? "vpcs is 0" : "ingressRulesPerGroup is 61"))
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test("an output folder that cannot be written, or holds other files, exits 73")
    func unwritable() throws {
        let file = try ReachProcess.temporaryFile("not a folder", name: "notes.txt")
        let onFile = try ReachProcess.run(["generate-estate", "--output", file, "--vpcs", "2"])
        #expect(onFile.status == 73)
        #expect(onFile.stderr.contains("not a directory"))
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
        let foreign = try ReachProcess.run(["generate-estate", "--output", folder, "--vpcs", "2"])
        #expect(foreign.status == 73)
        #expect(foreign.stderr.contains("not a generated estate"))
        #expect(FileManager.default.fileExists(atPath: file))
    }
}
