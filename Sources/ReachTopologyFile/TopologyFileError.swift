import ReachModel

/// Where in a topology file something is: the file, the line and column (both from 1), and the
/// key path from the document root, such as `subnets[2].cidr`.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file's path or display name, as given to the loader.
    public var file: String
    /// The line, starting from 1.
    public var line: Int
    /// The column, starting from 1 (counted in Unicode scalars).
    public var column: Int
    /// The key path from the document root, such as `subnets[2].cidr`; empty for the root.
    public var keyPath: String

    /// Creates a location.
    public init(file: String, line: Int, column: Int, keyPath: String) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
    }

    /// `file:line:column: keyPath`, or `file:line:column` at the root.
    public var description: String {
        keyPath.isEmpty ? "\(file):\(line):\(column)" : "\(file):\(line):\(column): \(keyPath)"
    }
}

/// A ``TopologyValidator`` problem placed at the part of the file that declared the resource.
public struct LocatedProblem: Hashable, Sendable, CustomStringConvertible {
    /// Where the offending resource (or its offending field) is written. Resources the loader
    /// adds as AWS does (main route table, default ACL and group) are placed at their VPC.
    public var location: SourceLocation
    /// The problem as the validator reported it.
    public var problem: TopologyProblem

    /// Creates a located problem.
    public init(location: SourceLocation, problem: TopologyProblem) {
        self.location = location
        self.problem = problem
    }

    /// `file:line:column: keyPath: message`, with `warning:` before the message of a warning.
    public var description: String {
        let severity = problem.severity == .warning ? "warning: " : ""
        return "\(location): \(severity)\(problem.message)"
    }
}

/// Why a topology file could not be loaded. Every case that concerns the file's content says
/// where: the file, the line and column, and the key path.
public enum TopologyFileError: Error, CustomStringConvertible {
    /// The file could not be read (missing, a directory, not UTF-8, no permission).
    case unreadable(file: String, reason: String)
    /// The text is not well-formed YAML; `line` and `column` are where the parser gave up.
    case invalidYAML(file: String, line: Int, column: Int, message: String)
    /// A mapping lacks a key it must have; `location` is the mapping, `reason` says why the key
    /// is needed when that is not obvious.
    case missingKey(SourceLocation, key: String, reason: String? = nil)
    /// A key the format does not define at that place (a typo must not pass silently);
    /// `allowed` lists the keys that are valid there.
    case unknownKey(SourceLocation, key: String, allowed: [String])
    /// A value of the wrong type or form: `expected` describes what is valid, `found` what the
    /// file holds.
    case invalidValue(SourceLocation, expected: String, found: String)
    /// A reference (by name or id) matches no resource of the kind it may refer to;
    /// `suggestions` are names that are close to it.
    case unknownReference(SourceLocation, kind: String, name: String, suggestions: [String])
    /// A reference matches resources of several kinds (a route target named like both an
    /// internet gateway and a peering connection); `candidates` lists every match.
    case ambiguousReference(SourceLocation, name: String, candidates: [String])
    /// Two resources of one kind share a name or id; `firstLine` is where the first one is.
    case duplicateName(SourceLocation, kind: String, name: String, firstLine: Int)
    /// Keys that are each valid but cannot be used together, or a value that contradicts
    /// another (`ports` on an icmp rule, a DB subnet group spanning VPCs).
    case conflict(SourceLocation, message: String)
    /// The design was read but is inconsistent (subnets outside their VPC, overlapping
    /// blocks, overlapping peered VPCs, addresses outside their subnet, …): every error the
    /// validator found, each at the line of the resource at fault.
    case invalidTopology([LocatedProblem])

    /// Where the error is, when it concerns one place in the file.
    public var location: SourceLocation? {
        switch self {
        case .unreadable, .invalidTopology:
            nil
        case .invalidYAML(let file, let line, let column, _):
            SourceLocation(file: file, line: line, column: column, keyPath: "")
        case .missingKey(let location, _, _), .unknownKey(let location, _, _),
            .invalidValue(let location, _, _), .unknownReference(let location, _, _, _),
            .ambiguousReference(let location, _, _), .duplicateName(let location, _, _, _),
            .conflict(let location, _):
            location
        }
    }

    /// A message naming the file, line, column and key path:
    /// `Topologies/x.yaml:12:5: subnets[2].cidr: expected …`.
    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read the file: \(reason)"
        case .invalidYAML(let file, let line, let column, let message):
            return "\(file):\(line):\(column): invalid YAML: \(message)"
        case .missingKey(let location, let key, let reason):
            return "\(location): missing required key '\(key)'" + (reason.map { " (\($0))" } ?? "")
        case .unknownKey(let location, let key, let allowed):
            var text = "\(location): unknown key '\(key)'"
            if let close = closeMatches(to: key, among: allowed).first {
                text += " (did you mean '\(close)'?)"
            }
            return text + "; allowed keys here: \(allowed.joined(separator: ", "))"
        case .invalidValue(let location, let expected, let found):
            return "\(location): expected \(expected), found \(found)"
        case .unknownReference(let location, let kind, let name, let suggestions):
            var text = "\(location): no \(kind) is named '\(name)' or has that id"
            if !suggestions.isEmpty {
                text += " (did you mean \(suggestions.map { "'\($0)'" }.joined(separator: " or "))?)"
            }
            return text
        case .ambiguousReference(let location, let name, let candidates):
            return "\(location): '\(name)' is ambiguous; it matches \(candidates.joined(separator: ", "))"
                + " (use the id of the one you mean)"
        case .duplicateName(let location, let kind, let name, let firstLine):
            return "\(location): the \(kind) name or id '\(name)' is already used on line \(firstLine);"
                + " names and ids must be unique within a kind"
        case .conflict(let location, let message):
            return "\(location): \(message)"
        case .invalidTopology(let problems):
            if problems.count == 1, let only = problems.first { return only.description }
            return "the topology has \(problems.count) errors:\n"
                + problems.map { "  \($0.description)" }.joined(separator: "\n")
        }
    }
}

/// Names in `candidates` that look like a typo of `name`: at most a couple of edits away, or
/// differing only in case; closest first.
func closeMatches(to name: String, among candidates: [String]) -> [String] {
    let lowered = name.lowercased()
    let limit = max(1, min(3, lowered.count / 3))
    var scored: [(distance: Int, name: String)] = []
    for candidate in Set(candidates) where candidate != name {
        let distance = editDistance(lowered, candidate.lowercased())
        if distance <= limit { scored.append((distance, candidate)) }
    }
    return scored.sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }.map(\.name)
}

/// The Levenshtein distance between two strings, over characters.
private func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
