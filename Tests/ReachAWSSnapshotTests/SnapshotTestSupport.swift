import Foundation
import ReachAWSSnapshot
import ReachGraph
import Testing

/// The package root, from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The moto-made snapshot committed under Tests/Fixtures/aws.
let motoSnapshot = packageRoot.appendingPathComponent("Tests/Fixtures/aws/moto-snapshot").path

/// A loaded snapshot with a one-call `check`.
struct SnapshotNetwork {
    let loaded: LoadedSnapshot
    let checker: ReachabilityChecker

    init(_ directory: String) throws {
        loaded = try AWSSnapshotLoader.load(directory: directory)
        checker = ReachabilityChecker(graph: ForwardingGraph(loaded.topology))
    }

    func check(_ from: String, _ to: String, port: UInt16? = nil) throws -> CheckResult {
        try checker.check(
            FlowQuery(
                source: try checker.resolver.resolve(from), destination: try checker.resolver.resolve(to),
                destinationPort: port))
    }
}

extension CheckResult {
    /// Whether a hop of the shown path mentions `text` in its rule or detail.
    func pathUses(_ text: String) -> Bool {
        trace.hops.contains { ($0.rule ?? "").contains(text) || $0.detail.contains(text) }
    }
}

/// A fresh directory holding a copy of `source` (if given) for a test to change.
func scratchCopy(of source: String? = nil) throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "reach-snapshot-\(UUID().uuidString)")
    if let source {
        try FileManager.default.copyItem(atPath: source, toPath: directory.path)
    } else {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }
    return directory.path
}

/// Writes `text` to `name` under `directory`.
func write(_ text: String, to name: String, in directory: String) throws {
    let url = URL(fileURLWithPath: directory).appendingPathComponent(name)
    try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
}
