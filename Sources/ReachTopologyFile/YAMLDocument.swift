import Foundation
import Yams

/// Reading a YAML file into its root ``YAMLValue``: shared by every hand-written format
/// (topology designs, change sets, assertion files), so all report errors alike.
package enum YAMLDocument {
    /// The UTF-8 text of the file at `path`.
    package static func text(contentsOf path: String) throws(TopologyFileError) -> String {
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
        return text
    }

    /// The composed document of `yaml`, which must not be empty: an empty one lacks `key`,
    /// for `reason`.
    package static func root(yaml: String, file: String, requiring key: String, reason: String)
        throws(TopologyFileError) -> YAMLValue
    {
        guard let root = try root(yaml: yaml, file: file) else {
            throw .missingKey(
                SourceLocation(file: file, line: 1, column: 1, keyPath: ""), key: key, reason: reason)
        }
        return root
    }

    /// The composed document of `yaml`, nil when it is empty; `file` names it in messages.
    package static func root(yaml: String, file: String) throws(TopologyFileError) -> YAMLValue? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw yamlError(error, file: file, yaml: yaml)
        }
        return root.map { YAMLValue(node: $0, path: "", file: file) }
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
