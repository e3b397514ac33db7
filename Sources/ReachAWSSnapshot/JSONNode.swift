import Foundation

/// A JSON value with the file and path it came from, so that every error names both.
struct JSONNode {
    let value: Any
    let file: String
    let path: String

    subscript(key: String) -> JSONNode? {
        guard let object = value as? [String: Any], let child = object[key], !(child is NSNull) else {
            return nil
        }
        return JSONNode(value: child, file: file, path: path.isEmpty ? key : "\(path).\(key)")
    }

    var keys: [String] { (value as? [String: Any]).map { Array($0.keys) } ?? [] }

    private func describeFound() -> String {
        switch value {
        case is String: "a string '\(value)'"
        case is [Any]: "a list"
        case is [String: Any]: "an object"
        case let number as NSNumber: "\(number)"
        default: "\(value)"
        }
    }

    func invalid(_ expected: String) -> SnapshotError {
        .invalidValue(file: file, path: path, expected: expected, found: describeFound())
    }

    /// The elements of a list.
    func list() throws(SnapshotError) -> [JSONNode] {
        guard let array = value as? [Any] else { throw invalid("a list") }
        return array.enumerated().map { JSONNode(value: $1, file: file, path: "\(path)[\($0)]") }
    }

    func string() throws(SnapshotError) -> String {
        guard let string = value as? String else { throw invalid("a string") }
        return string
    }

    func int() throws(SnapshotError) -> Int {
        if let number = value as? NSNumber, !(value is Bool), number.doubleValue == Double(number.intValue) {
            return number.intValue
        }
        if let text = value as? String, let number = Int(text) { return number }
        throw invalid("an integer")
    }

    func bool() throws(SnapshotError) -> Bool {
        if let flag = value as? Bool { return flag }
        if let text = value as? String, text == "true" || text == "false" { return text == "true" }
        throw invalid("true or false")
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
