/// A JSON value with the file and path it came from, so that every error names both.
struct JSONNode {
    let value: JSONValue
    let file: String
    let path: String

    subscript(key: String) -> JSONNode? {
        guard let child = value[key] else { return nil }
        if case .null = child { return nil }
        return JSONNode(value: child, file: file, path: path.isEmpty ? key : "\(path).\(key)")
    }

    private func describeFound() -> String {
        switch value {
        case .string(let text): "a string '\(text)'"
        case .array: "a list"
        case .object: "an object"
        case .number(let number): number == number.rounded() ? "\(Int(number))" : "\(number)"
        case .bool(let flag): "\(flag)"
        case .null: "null"
        }
    }

    func invalid(_ expected: String) -> SnapshotError {
        .invalidValue(file: file, path: path, expected: expected, found: describeFound())
    }

    /// The elements of a list.
    func list() throws(SnapshotError) -> [JSONNode] {
        guard case .array(let elements) = value else { throw invalid("a list") }
        return elements.enumerated().map { JSONNode(value: $1, file: file, path: "\(path)[\($0)]") }
    }

    func string() throws(SnapshotError) -> String {
        guard case .string(let text) = value else { throw invalid("a string") }
        return text
    }

    func int() throws(SnapshotError) -> Int {
        switch value {
        case .number(let number) where number == number.rounded() && abs(number) < 1e15: return Int(number)
        case .string(let text): if let number = Int(text) { return number }
        default: break
        }
        throw invalid("an integer")
    }

    func bool() throws(SnapshotError) -> Bool {
        switch value {
        case .bool(let flag): return flag
        case .string("true"): return true
        case .string("false"): return false
        default: throw invalid("true or false")
        }
    }

    func required(_ key: String) throws(SnapshotError) -> JSONNode {
        guard let child = self[key] else { throw .missingKey(file: file, path: path, key: key) }
        return child
    }

    func string(_ key: String) throws(SnapshotError) -> String { try required(key).string() }

    func optionalString(_ key: String) throws(SnapshotError) -> String? { try self[key]?.string() }

    func optionalInt(_ key: String) throws(SnapshotError) -> Int? { try self[key]?.int() }

    func bool(_ key: String, default fallback: Bool) throws(SnapshotError) -> Bool {
        try self[key]?.bool() ?? fallback
    }

    /// The list under `key`, or an empty list when absent.
    func list(_ key: String) throws(SnapshotError) -> [JSONNode] { try self[key]?.list() ?? [] }

    /// AWS tags (`Tags`, `TagSet` or `TagList`: lists of `{Key, Value}`) as a dictionary.
    func tags() throws(SnapshotError) -> [String: String] {
        var tags: [String: String] = [:]
        for key in ["Tags", "TagSet", "TagList"] {
            for tag in try list(key) {
                tags[try tag.string("Key")] = try tag.optionalString("Value") ?? ""
            }
        }
        return tags
    }
}
