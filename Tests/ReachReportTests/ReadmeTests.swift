import Foundation
import ReachGraph
import Testing

@Suite("README stays true")
struct ReadmeTests {
    private let readme: String

    init() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    }

    @Test("the reason-code table lists exactly the codes Reach emits, with their meanings")
    func reasonCodeTable() {
        let rows = readme.split(separator: "\n").filter {
            $0.hasPrefix("| `") && ($0.contains("| AWS |") || $0.contains("| Reach |"))
        }
        let documented = rows.compactMap { row -> (String, String)? in
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3 else { return nil }
            return (cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`")), cells[2])
        }
        #expect(documented.map(\.0) == ReasonCode.allCases.map(\.rawValue))
        for (code, meaning) in documented {
            #expect(ReasonCode(rawValue: code)?.meaning == meaning, "meaning of \(code)")
        }
    }

    @Test("the quick-start commands are the ones the tests run")
    func quickStart() {
        #expect(readme.contains("./scripts/bootstrap && swift run reach check --from app-1 --to orders-db"))
        #expect(readme.contains("./scripts/bootstrap && swift test"))
    }
}
