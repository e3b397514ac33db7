import Foundation
import ReachModel
import Yams

/// A topology read from a file: the model, with the AWS defaults added and validated, and the
/// validator's warnings.
public struct LoadedTopology: Sendable {
    /// The model, ready for the forwarding graph.
    public let topology: Topology
    /// Validator warnings, each as `file:line:column: keyPath: warning: message`.
    public let warnings: [String]
    /// The line that declares each resource the file spells out.
    public let declarationLines: [ResourceRef: Int]

    /// Creates a loaded topology.
    public init(topology: Topology, warnings: [String], declarationLines: [ResourceRef: Int] = [:]) {
        self.topology = topology
        self.warnings = warnings
        self.declarationLines = declarationLines
    }
}

/// Reads the hand-written YAML topology format (README, "Topology file format") into a
/// ``Topology``. Every error names the file, line, column and key path.
public enum TopologyFileLoader {
    /// Reads and loads the topology file at `path`.
    public static func load(contentsOf path: String) throws(TopologyFileError) -> LoadedTopology {
        try load(yaml: try YAMLDocument.text(contentsOf: path), file: path)
    }

    /// Loads a topology from YAML text; `file` names it in messages.
    public static func load(yaml: String, file: String) throws(TopologyFileError) -> LoadedTopology {
        let root = try YAMLDocument.root(yaml: yaml, file: file)
        var builder = TopologyBuilder(file: file)
        try builder.build(root: root)
        var errors: [LocatedProblem] = []
        var warnings: [String] = []
        for problem in TopologyValidator.validate(builder.topology) {
            let located = LocatedProblem(location: builder.locate(problem), problem: problem)
            switch problem.severity {
            case .error: errors.append(located)
            case .warning: warnings.append(located.description)
            }
        }
        if !errors.isEmpty { throw .invalidTopology(errors) }
        return LoadedTopology(
            topology: builder.topology, warnings: warnings,
            declarationLines: builder.origins.mapValues { $0.item.line })
    }

    /// Loads the bundled default design, ``BundledTopologies/defaultYAML``.
    public static func loadBundledDefault() throws(TopologyFileError) -> LoadedTopology {
        try load(yaml: BundledTopologies.defaultYAML, file: BundledTopologies.defaultName)
    }
}
