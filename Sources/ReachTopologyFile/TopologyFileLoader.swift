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

    /// Creates a loaded topology.
    public init(topology: Topology, warnings: [String]) {
        self.topology = topology
        self.warnings = warnings
    }
}

/// Reads the hand-written YAML topology format (README, "Topology file format") into a
/// ``Topology``. Every error names the file, line, column and key path.
public enum TopologyFileLoader {
    /// Reads and loads the topology file at `path`.
    public static func load(contentsOf path: String) throws(TopologyFileError) -> LoadedTopology {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(file: path, reason: "no such file")
        }
        if isDirectory.boolValue { throw .unreadable(file: path, reason: "it is a directory, not a file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(file: path, reason: "the file cannot be opened (check its permissions)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(file: path, reason: "the file is not UTF-8 text")
        }
        return try load(yaml: text, file: path)
    }

    /// Loads a topology from YAML text; `file` names it in messages.
    public static func load(yaml: String, file: String) throws(TopologyFileError) -> LoadedTopology {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw yamlError(error, file: file, yaml: yaml)
        }
        var builder = TopologyBuilder(file: file)
        try builder.build(root: root.map { YAMLValue(node: $0, path: "", file: file) })
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
        return LoadedTopology(topology: builder.topology, warnings: warnings)
    }

    /// Loads the bundled default design, ``BundledTopologies/defaultYAML``.
    public static func loadBundledDefault() throws(TopologyFileError) -> LoadedTopology {
        try load(yaml: BundledTopologies.defaultYAML, file: BundledTopologies.defaultName)
    }

    /// A Yams parse failure as ``TopologyFileError/invalidYAML(file:line:column:message:)``.
    private static func yamlError(_ error: any Error, file: String, yaml: String) -> TopologyFileError {
        guard let error = error as? YamlError else {
            return .invalidYAML(file: file, line: 1, column: 1, message: "\(error)")
        }
        func described(_ problem: String, _ context: YamlError.Context?) -> String {
            guard let context else { return problem }
            return "\(problem) (\(context.text) at line \(context.mark.line))"
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return .invalidYAML(
                file: file, line: mark.line, column: mark.column, message: described(problem, context))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .invalidYAML(
                file: file, line: context.mark.line, column: context.mark.column,
                message: "a mapping has the key \(keys) more than once")
        case .reader(let problem, let offset, _, _):
            // The offset counts characters from the start of the text.
            var line = 1
            var column = 1
            for character in yaml.prefix(offset ?? 0) {
                if character.isNewline {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            return .invalidYAML(file: file, line: line, column: column, message: problem)
        default:
            return .invalidYAML(file: file, line: 1, column: 1, message: "\(error)")
        }
    }
}
