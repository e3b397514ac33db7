/// Why a snapshot directory cannot be read.
public enum SnapshotError: Error, Hashable, Sendable {
    /// The path does not exist or is not a readable directory.
    case unreadableDirectory(path: String, reason: String)
    /// A file cannot be read.
    case unreadableFile(file: String, reason: String)
    /// A file is not valid JSON (it may be truncated).
    case invalidJSON(file: String, reason: String)
    /// A value has the wrong type or form; `path` is its JSON path, such as `Vpcs[2].CidrBlock`.
    case invalidValue(file: String, path: String, expected: String, found: String)
    /// A required key is missing.
    case missingKey(file: String, path: String, key: String)
    /// No file in the directory holds a recognised AWS CLI output.
    case noRecognisedFiles(path: String)
    /// The snapshot describes a topology AWS would refuse; every problem is listed.
    case invalidTopology([String])
}

extension SnapshotError: CustomStringConvertible {
    /// A message naming the file, the JSON path and what was expected.
    public var description: String {
        switch self {
        case .unreadableDirectory(let path, let reason): "\(path): \(reason)"
        case .unreadableFile(let file, let reason): "\(file): cannot be read: \(reason)"
        case .invalidJSON(let file, let reason): "\(file): not valid JSON (truncated?): \(reason)"
        case .invalidValue(let file, let path, let expected, let found):
            "\(file): \(path): expected \(expected), found \(found)"
        case .missingKey(let file, let path, let key): "\(file): \(path): the key '\(key)' is missing"
        case .noRecognisedFiles(let path):
            "\(path): no AWS CLI output found (expected JSON files such as describe-vpcs output with a top-level 'Vpcs' key)"
        case .invalidTopology(let problems):
            "the snapshot is inconsistent:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
        }
    }
}

/// Something a snapshot lacks or holds that Reach does not model: answers that depend on it are `unknown`.
public struct SnapshotWarning: Hashable, Sendable, CustomStringConvertible {
    /// The file, or the snapshot directory for snapshot-wide warnings.
    public let file: String
    /// The JSON path inside the file, or empty.
    public let path: String
    /// What is missing or not modelled.
    public let message: String

    /// Creates a warning.
    public init(file: String, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    /// `file: path: message`.
    public var description: String { path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)" }
}
