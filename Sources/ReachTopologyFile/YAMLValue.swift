import ReachModel
import ReachNetwork
import Yams

/// One node of the composed YAML document with its key path, so that every error can say
/// where it is.
package struct YAMLValue {
    /// The node.
    package let node: Node
    /// The key path from the document root (`subnets[2].cidr`).
    package let path: String
    /// The file name used in messages.
    package let file: String

    /// A node at `path` of `file`.
    package init(node: Node, path: String, file: String) {
        self.node = node
        self.path = path
        self.file = file
    }

    /// The node's position and key path.
    package var location: SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, keyPath: path)
    }

    /// The line of the node.
    package var line: Int { node.mark?.line ?? 1 }

    /// The value under `key`, for paths.
    package func child(_ key: String, node: Node) -> YAMLValue {
        YAMLValue(node: node, path: path.isEmpty ? key : "\(path).\(key)", file: file)
    }

    /// Whether the node is a plain `null`, `~` or an empty value.
    package var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else {
            return false
        }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// How the value reads in an error message: `'text'`, `a list`, `a mapping`, or
    /// `an empty value`.
    package var foundDescription: String {
        switch node {
        case .scalar(let scalar):
            if isNull { return "an empty value" }
            return "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// Fails with `invalidValue`: `expected` what is valid, found what this value is.
    package func invalid(_ expected: String) -> TopologyFileError {
        .invalidValue(location, expected: expected, found: foundDescription)
    }

    /// The text of a scalar that is not empty.
    package func scalarText(_ expected: String) throws(TopologyFileError) -> String {
        guard case .scalar(let scalar) = node, !isNull else { throw invalid(expected) }
        return scalar.string
    }

    /// A name or id: a non-empty scalar.
    package func name(_ what: String = "a name") throws(TopologyFileError) -> String {
        let text = try scalarText(what)
        guard !text.allSatisfy(\.isWhitespace) else { throw invalid(what) }
        return text
    }

    /// `true` or `false` (also `yes`/`no`).
    package func bool() throws(TopologyFileError) -> Bool {
        let expected = "true or false"
        switch try scalarText(expected).lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw invalid(expected)
        }
    }

    /// A whole number in `range`.
    package func integer(in range: ClosedRange<Int>, _ expected: String) throws(TopologyFileError) -> Int {
        guard let number = Int(try scalarText(expected)), range.contains(number) else {
            throw invalid(expected)
        }
        return number
    }

    /// The elements of a list.
    package func list(_ expected: String = "a list") throws(TopologyFileError) -> [YAMLValue] {
        guard case .sequence(let sequence) = node else { throw invalid(expected) }
        return sequence.enumerated().map { index, element in
            YAMLValue(node: element, path: "\(path)[\(index)]", file: file)
        }
    }

    /// An IPv4 CIDR block with no host bits set.
    package func prefix() throws(TopologyFileError) -> IPv4Prefix {
        let example = "an IPv4 CIDR block such as 10.0.1.0/24"
        let text = try scalarText(example)
        if let prefix = IPv4Prefix(text) { return prefix }
        // Say what the block would be with its host bits cleared: usually the intended one.
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2, let address = IPv4Address(parts[0]), let length = UInt8(parts[1]), length <= 32 {
            let network = IPv4Prefix(containing: address, length: length)
            throw invalid("an IPv4 CIDR block with no host bits set, such as \(network)")
        }
        if text.contains(":") {
            throw invalid("\(example) (IPv6 blocks are not modelled here)")
        }
        throw invalid(example)
    }

    /// Whether the text looks like an IPv6 CIDR block (`::/0`, `2001:db8::/32`).
    package static func isIPv6CIDR(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let length = Int(parts[1]), (0...128).contains(length),
            parts[0].contains(":"), parts[0].allSatisfy({ $0 == ":" || $0.isHexDigit })
        else { return false }
        return true
    }

    /// An IPv4 address in dotted-quad notation.
    package func address() throws(TopologyFileError) -> IPv4Address {
        let expected = "an IPv4 address such as 10.0.1.5"
        guard let address = IPv4Address(try scalarText(expected)) else { throw invalid(expected) }
        return address
    }

    /// A port (`N`), a port range (`N-M`) or `all`.
    package func ports() throws(TopologyFileError) -> PortRange {
        let expected = "a port (443), a port range (1024-65535) or all"
        guard let range = PortRange(try scalarText(expected).lowercased()) else { throw invalid(expected) }
        return range
    }

    /// A string-to-string map.
    package func tags() throws(TopologyFileError) -> Tags {
        try stringMap(expected: "a mapping of tag names to values, such as {env: prod}", keys: "a tag name")
    }

    /// A mapping of names to text values (`{rds.force_ssl: 1}`); a null value reads as the
    /// empty string.
    package func stringMap(expected: String, keys: String) throws(TopologyFileError) -> [String: String] {
        guard case .mapping(let mapping) = node else { throw invalid(expected) }
        var map: [String: String] = [:]
        for (key, value) in mapping {
            let keyValue = YAMLValue(node: key, path: path, file: file)
            let name = try keyValue.scalarText(keys)
            let item = child(name, node: value)
            map[name] = item.isNull ? "" : try item.scalarText("a value (text or a number)")
        }
        return map
    }
}

/// A YAML mapping whose keys have been checked against the keys allowed at its place.
package struct YAMLMapping {
    /// The mapping itself.
    package let value: YAMLValue
    /// The entries, in file order.
    private let entries: [(key: String, value: YAMLValue)]

    /// Reads `value` as a mapping whose keys are all in `allowed`.
    package init(_ value: YAMLValue, describing what: String, allowed: [String]) throws(TopologyFileError) {
        guard case .mapping(let mapping) = value.node else {
            throw value.invalid("a mapping (key: value pairs) describing \(what)")
        }
        self.value = value
        var entries: [(key: String, value: YAMLValue)] = []
        for (keyNode, valueNode) in mapping {
            let keyValue = YAMLValue(node: keyNode, path: value.path, file: value.file)
            let key = try keyValue.scalarText("a key")
            guard allowed.contains(key) else {
                let at = value.child(key, node: keyNode)
                throw .unknownKey(at.location, key: key, allowed: allowed)
            }
            entries.append((key, value.child(key, node: valueNode)))
        }
        self.entries = entries
    }

    /// The value under `key`, if the key is present.
    package subscript(key: String) -> YAMLValue? {
        entries.first { $0.key == key }?.value
    }

    /// Whether `key` is present.
    package func has(_ key: String) -> Bool { self[key] != nil }

    /// The value under `key`, which must be present.
    package func required(_ key: String, reason: String? = nil) throws(TopologyFileError) -> YAMLValue {
        guard let found = self[key] else { throw .missingKey(value.location, key: key, reason: reason) }
        return found
    }

    /// The resource's `name`, required.
    package func name() throws(TopologyFileError) -> (text: String, value: YAMLValue) {
        let value = try required("name")
        return (try value.name(), value)
    }

    /// The resource's `id`, else its name.
    package func id(defaultingTo name: String) throws(TopologyFileError) -> (text: String, value: YAMLValue?)
    {
        guard let value = self["id"] else { return (name, nil) }
        return (try value.name("an id"), value)
    }

    /// The optional boolean under `key`, else `fallback`.
    package func bool(_ key: String, default fallback: Bool) throws(TopologyFileError) -> Bool {
        guard let value = self[key] else { return fallback }
        return try value.bool()
    }

    /// The `tags` map, empty when absent.
    package func tags() throws(TopologyFileError) -> Tags {
        guard let value = self["tags"] else { return [:] }
        return try value.tags()
    }

    /// The one key of `keys` that is present, with its value: none, or more than one, is a
    /// `conflict` (placed at the mapping, or at the second key given); `what` describes the
    /// mapping for the message (`a transit gateway attachment`).
    package func exactlyOne(of keys: [String], in what: String) throws(TopologyFileError) -> (
        key: String, value: YAMLValue
    ) {
        let present = entries.filter { keys.contains($0.key) }
        let choices = keys.map { "'\($0)'" }.joined(separator: keys.count == 2 ? " or " : ", ")
        guard let first = present.first else {
            throw .conflict(value.location, message: "\(what) needs one of \(choices); none is given")
        }
        if present.count > 1 {
            let second = present[1]
            throw .conflict(
                second.value.location,
                message: "\(what) takes exactly one of \(choices), but both '\(first.key)' and"
                    + " '\(second.key)' are given")
        }
        return first
    }

    /// Fails with a `conflict` at `key` when it is present: `message` says why it may not be.
    package func forbid(_ key: String, _ message: String) throws(TopologyFileError) {
        if let found = self[key] { throw .conflict(found.location, message: message) }
    }

    /// The list under `key`, empty when absent.
    package func list(_ key: String, _ expected: String = "a list") throws(TopologyFileError) -> [YAMLValue] {
        guard let value = self[key] else { return [] }
        return try value.list(expected)
    }
}
