import Foundation
import ReachAudit
import ReachGraph
import ReachTopologyFile

/// The repository's folders the tests read.
enum Folders {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let topologies = root.appendingPathComponent("Topologies")
    static let awsFixtures = root.appendingPathComponent("Tests/Fixtures/aws")
}

/// Audits a bundled design under `policy`.
func auditDesign(_ name: String, policy: AuditPolicy = AuditPolicy()) throws -> (AuditReport, Auditor) {
    let path = Folders.topologies.appendingPathComponent("\(name).yaml").path
    let graph = ForwardingGraph(try TopologyFileLoader.load(contentsOf: path).topology)
    let auditor = Auditor(graph: graph, policy: policy)
    return (auditor.run(), auditor)
}

extension AuditReport {
    /// The findings of `rule`.
    func findings(_ rule: AuditRule) -> [AuditFinding] { findings.filter { $0.rule == rule } }
}
