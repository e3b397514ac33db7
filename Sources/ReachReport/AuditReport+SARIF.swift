import ReachAudit
import ReachGraph

extension FindingSeverity {
    /// The SARIF `level`: critical and high are errors, medium a warning, low and info notes.
    public var sarifLevel: String {
        switch self {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .info: "note"
        }
    }

    /// The `security-severity` score code-scanning tools sort by (GitHub: 9+ critical, 7+ high,
    /// 4+ medium, above 0 low).
    public var securitySeverityScore: String {
        switch self {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "3.0"
        case .info: "0.0"
        }
    }
}

/// Where a resource is declared, for SARIF locations: the input file and, for designs, the line.
public struct AuditSourceLocation: Hashable, Sendable {
    /// The file or snapshot directory, as a relative or absolute URI reference.
    public var uri: String
    /// The 1-based line that declares the resource, when known.
    public var line: Int?

    /// Creates a location.
    public init(uri: String, line: Int?) {
        self.uri = uri
        self.line = line
    }
}

extension AuditReport {
    /// The report as a SARIF 2.1.0 log for code-scanning tools: one run whose driver lists
    /// every rule; a result per finding (level from its severity, a `codeFlows` witness path
    /// for solver findings, a stable `partialFingerprints` entry), suppressed findings with
    /// their justification, and undecided checks as results of kind `open`.
    public func sarifString(
        tracingWith analyzer: ReachabilityAnalyzer,
        locate: (ComponentRef) -> AuditSourceLocation
    ) -> String {
        let rules = AuditRule.allCases
        func result(_ finding: AuditFinding, suppression: String?) -> SARIFResult {
            var flows: [SARIFCodeFlow]?
            if let witness = finding.witness {
                let trace = analyzer.trace(witness)
                let steps = trace.hops.filter { $0.action != .skipped }.map { hop in
                    SARIFThreadFlowLocation(
                        location: SARIFLocation(
                            physicalLocation: nil,
                            logicalLocations: [SARIFLogicalLocation(hop.component)],
                            message: SARIFMessage(
                                text: "\(hop.direction.rawValue): \(hop.component) \(hop.action.rawValue)"
                                    + (hop.rule.map { " (\($0))" } ?? ""))))
                }
                flows = [
                    SARIFCodeFlow(
                        message: SARIFMessage(text: "witness: \(witness.packet)"),
                        threadFlows: [SARIFThreadFlow(locations: steps)])
                ]
            }
            return SARIFResult(
                ruleId: finding.rule.id, ruleIndex: rules.firstIndex(of: finding.rule) ?? 0,
                kind: "fail", level: finding.severity.sarifLevel,
                message: SARIFMessage(
                    text: ([finding.message] + finding.evidence + ["Fix: \(finding.fix)"]).joined(
                        separator: "\n")),
                locations: [SARIFLocation(finding.resource, locate(finding.resource))],
                partialFingerprints: ["reachFinding/v1": finding.fingerprint],
                codeFlows: flows,
                suppressions: suppression.map {
                    [SARIFSuppression(kind: "external", status: "accepted", justification: $0)]
                },
                properties: SARIFResultProperties(
                    severity: finding.severity.rawValue, resourceKind: finding.resource.kind,
                    resourceId: finding.resource.id, evidence: finding.evidence, fix: finding.fix))
        }
        var results = findings.map { result($0, suppression: nil) }
        results += suppressed.map { result($0.finding, suppression: $0.reason) }
        results += gaps.map { gap in
            SARIFResult(
                ruleId: gap.rule.id, ruleIndex: rules.firstIndex(of: gap.rule) ?? 0, kind: "open",
                level: "none",
                message: SARIFMessage(
                    text: "\(gap.rule.title): not decided for \(gap.resource): \(gap.reason)"),
                locations: [SARIFLocation(gap.resource, locate(gap.resource))],
                partialFingerprints: ["reachFinding/v1": "\(gap.rule.id)/\(gap.resource.id)/open"],
                codeFlows: nil, suppressions: nil, properties: nil)
        }
        let descriptors = rules.map { rule in
            SARIFRule(
                id: rule.id, name: rule.id, shortDescription: SARIFMessage(text: rule.title),
                fullDescription: SARIFMessage(text: rule.explanation), help: SARIFMessage(text: rule.remedy),
                defaultConfiguration: SARIFRuleConfiguration(
                    level: rule.defaultSeverity.sarifLevel, enabled: rulesRun.contains(rule)),
                properties: SARIFRuleProperties(
                    tags: ["security", "network", "database"],
                    securitySeverity: rule.defaultSeverity.securitySeverityScore,
                    severity: rule.defaultSeverity.rawValue))
        }
        let log = SARIFLog(
            runs: [
                SARIFRun(
                    tool: SARIFTool(
                        driver: SARIFDriver(
                            name: "Reach",
                            rules: descriptors)),
                    results: results, invocations: [SARIFInvocation(executionSuccessful: true)])
            ])
        return reachJSON(log)
    }
}

// The subset of SARIF 2.1.0 Reach writes; names follow the specification's properties.

private struct SARIFLog: Encodable {
    let version = "2.1.0"
    let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    let runs: [SARIFRun]

    private enum CodingKeys: String, CodingKey {
        case version, runs
        case schema = "$schema"
    }
}

private struct SARIFRun: Encodable {
    let tool: SARIFTool
    let results: [SARIFResult]
    let invocations: [SARIFInvocation]
}

private struct SARIFTool: Encodable { let driver: SARIFDriver }

private struct SARIFDriver: Encodable {
    let name: String
    let rules: [SARIFRule]
}

private struct SARIFInvocation: Encodable { let executionSuccessful: Bool }

private struct SARIFMessage: Encodable { let text: String }

private struct SARIFRule: Encodable {
    let id: String
    let name: String
    let shortDescription: SARIFMessage
    let fullDescription: SARIFMessage
    let help: SARIFMessage
    let defaultConfiguration: SARIFRuleConfiguration
    let properties: SARIFRuleProperties
}

private struct SARIFRuleConfiguration: Encodable {
    let level: String
    let enabled: Bool
}

private struct SARIFRuleProperties: Encodable {
    let tags: [String]
    let securitySeverity: String
    let severity: String

    private enum CodingKeys: String, CodingKey {
        case tags, severity
        case securitySeverity = "security-severity"
    }
}

private struct SARIFResult: Encodable {
    let ruleId: String
    let ruleIndex: Int
    let kind: String
    let level: String
    let message: SARIFMessage
    let locations: [SARIFLocation]
    let partialFingerprints: [String: String]
    let codeFlows: [SARIFCodeFlow]?
    let suppressions: [SARIFSuppression]?
    let properties: SARIFResultProperties?
}

private struct SARIFResultProperties: Encodable {
    let severity: String
    let resourceKind: String
    let resourceId: String
    let evidence: [String]
    let fix: String
}

private struct SARIFSuppression: Encodable {
    let kind: String
    let status: String
    let justification: String
}

private struct SARIFLocation: Encodable {
    let physicalLocation: SARIFPhysicalLocation?
    let logicalLocations: [SARIFLogicalLocation]
    var message: SARIFMessage?

    init(
        physicalLocation: SARIFPhysicalLocation?, logicalLocations: [SARIFLogicalLocation],
        message: SARIFMessage?
    ) {
        self.physicalLocation = physicalLocation
        self.logicalLocations = logicalLocations
        self.message = message
    }

    init(_ resource: ComponentRef, _ source: AuditSourceLocation) {
        physicalLocation = SARIFPhysicalLocation(
            artifactLocation: SARIFArtifactLocation(uri: source.uri),
            region: source.line.map { SARIFRegion(startLine: max($0, 1)) })
        logicalLocations = [SARIFLogicalLocation(resource)]
        message = nil
    }
}

private struct SARIFPhysicalLocation: Encodable {
    let artifactLocation: SARIFArtifactLocation
    let region: SARIFRegion?
}

private struct SARIFArtifactLocation: Encodable { let uri: String }

private struct SARIFRegion: Encodable { let startLine: Int }

private struct SARIFLogicalLocation: Encodable {
    let name: String
    let fullyQualifiedName: String
    let kind: String

    init(_ component: ComponentRef) {
        name = component.name.isEmpty ? component.id : component.name
        fullyQualifiedName = "\(component.kind)/\(component.id)"
        kind = "resource"
    }
}

private struct SARIFCodeFlow: Encodable {
    let message: SARIFMessage
    let threadFlows: [SARIFThreadFlow]
}

private struct SARIFThreadFlow: Encodable { let locations: [SARIFThreadFlowLocation] }

private struct SARIFThreadFlowLocation: Encodable { let location: SARIFLocation }
