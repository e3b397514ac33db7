/// Escaping and formatting for DOT text.
enum DOTText {
    /// A DOT quoted string: backslashes and quotes escaped, newlines as `\n`.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result + "\""
    }

    /// Text escaped for an HTML-like label.
    static func html(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// `[key="value", …]` with keys in the given order.
    static func attributes(_ pairs: [(String, String)]) -> String {
        guard !pairs.isEmpty else { return "" }
        return " ["
            + pairs.map { key, value in
                value.hasPrefix("<") && value.hasSuffix(">") ? "\(key)=\(value)" : "\(key)=\(quoted(value))"
            }
            .joined(separator: ", ") + "]"
    }
}
