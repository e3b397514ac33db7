import ArgumentParser
import Foundation
import ReachAudit
import ReachGraph
import ReachModel
import ReachReport
import ReachTopologyFile

/// `reach audit`: DB security findings computed from the model and the solver.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit every DB: exposure, security groups, ACLs, reachability, encryption, TLS, "
            + "availability, backups and rule hygiene.",
        discussion: """
            Reachability findings come from the symbolic solver, each with a witness path. A \
            policy file (--policy) overrides severities, turns rules off, allows sources and \
            suppresses findings with a reason. Exit 0 when no finding is at or above --fail-on, \
            1 when one is; 64, 65 or 66 for bad arguments or a bad or unreadable input.
            """
    )

    @OptionGroup var topologyOptions: TopologyOptions

    @Option(help: "text, json or sarif (SARIF 2.1.0 for code-scanning tools).")
    var format: AuditFormat = .text

    @Option(help: ArgumentHelp("An audit policy file (YAML).", valueName: "path"))
    var policy: String?

    @Option(
        name: .customLong("fail-on"),
        help: ArgumentHelp(
            "The lowest severity that fails the run: critical, high, medium, low, info, or never.",
            valueName: "severity"))
    var failOn: String = "info"

    func run() throws {
        let threshold: FindingSeverity?
        if failOn == "never" {
            threshold = nil
        } else if let severity = FindingSeverity(rawValue: failOn) {
            threshold = severity
        } else {
            printError("reach: --fail-on takes critical, high, medium, low, info or never, not '\(failOn)'")
            throw ExitStatus.usage
        }
        var auditPolicy = AuditPolicy()
        if let policy {
            do {
                auditPolicy = try AuditPolicyLoader.load(contentsOf: policy)
            } catch {
                printError("reach: \(error)")
                if case .unreadable = error { throw ExitStatus.unreadableInput }
                throw ExitStatus.invalidInput
            }
        }
        let loaded = try TopologyLoading.loaded(at: topologyOptions.topology)
        let auditor = Auditor(graph: ForwardingGraph(loaded.topology), policy: auditPolicy)
        let unresolved = auditor.unresolvedPolicySelectors()
        if !unresolved.isEmpty {
            for problem in unresolved {
                printError("reach: \(policy ?? "policy"): allowedSources: \(problem)")
            }
            throw ExitStatus.invalidInput
        }
        let report = auditor.run()
        switch format {
        case .text: print(report.text(tracingWith: auditor.analyzer))
        case .json: print(report.jsonString(tracingWith: auditor.analyzer))
        case .sarif:
            let uri = topologyOptions.topology ?? BundledTopologies.defaultName
            print(
                report.sarifString(tracingWith: auditor.analyzer) { resource in
                    let line = ResourceKind(rawValue: resource.kind).flatMap {
                        loaded.declarationLines[ResourceRef($0, resource.id)]
                    }
                    return AuditSourceLocation(uri: uri, line: line)
                })
        }
        if let threshold, !report.findings(atLeast: threshold).isEmpty { throw ExitStatus.changed }
    }
}

/// How `reach audit` prints its report.
enum AuditFormat: String, ExpressibleByArgument, CaseIterable {
    /// A readable report.
    case text
    /// A JSON document.
    case json
    /// A SARIF 2.1.0 log.
    case sarif
}
