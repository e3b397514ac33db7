import ReachGraph

extension CheckResult {
    /// The answer as a readable hop list for humans.
    public func text() -> String {
        var lines: [String] = []
        lines.append("\(verdict.rawValue.uppercased()): \(source) -> \(destination), \(flow)")
        if let reason {
            lines.append("reason: \(reason.rawValue): \(reason.meaning)")
        }
        lines += trace.blockerLines()
        if let unknown = trace.unknown, verdict == .unknown {
            lines.append("")
            lines.append(unknown.unknownLine)
        }
        lines += trace.pathLines()
        if !notes.isEmpty {
            lines.append("")
            lines.append("notes:")
            for note in notes { lines.append("  - \(note)") }
        }
        return lines.joined(separator: "\n")
    }
}

extension FlowTrace {
    /// Every blocker, the first marked, after a blank line; empty when nothing blocks.
    public func blockerLines() -> [String] {
        guard !blockers.isEmpty else { return [] }
        var lines = [
            "",
            blockers.count == 1
                ? "blocked at:"
                : "blocked at (\(blockers.count) blockers; all must change for the flow to pass):",
        ]
        for blocker in blockers {
            let mark = blocker.isFirst ? "* first: " : "  then:  "
            lines.append(
                "  \(mark)\(blocker.component.kind) \(blocker.component) [\(blocker.reason.rawValue), \(blocker.direction.rawValue) path]"
            )
            lines.append("           \(blocker.detail)")
            if let rule = blocker.rule { lines.append("           rule: \(rule)") }
        }
        return lines
    }

    /// Where the flow stops, one line each: every blocker with its code, leg and rule (and its
    /// detail on the next line when `details`), or where it became unknown when nothing blocks.
    func stopLines(details: Bool) -> [String] {
        var lines: [String] = []
        for blocker in blockers {
            let rule = blocker.rule.map { " (\($0))" } ?? ""
            lines.append(
                "blocked at \(blocker.component.kind) \(blocker.component) [\(blocker.reason.rawValue), \(blocker.direction.rawValue) path]\(rule)"
            )
            if details { lines.append("  \(blocker.detail)") }
        }
        if let unknown, blockers.isEmpty { lines.append(unknown.unknownLine) }
        return lines
    }

    /// The hop list, request then reply, after a blank line; empty without hops.
    public func pathLines() -> [String] {
        guard !hops.isEmpty else { return [] }
        var lines = ["", "path:"]
        var leg: PathDirection?
        var number = 0
        for hop in hops {
            if hop.direction != leg {
                leg = hop.direction
                lines.append(hop.direction == .forward ? "  request:" : "  reply:")
            }
            number += 1
            let rule = hop.rule.map { " | \($0)" } ?? ""
            let action = hop.action.rawValue.padding(to: 10)
            lines.append(
                "  \(String(number).leftPadded(to: 3)). \(action) \(hop.component.kind) \(hop.component)\(rule)"
            )
            lines.append("       \(hop.detail)")
            if !hop.packet.isEmpty { lines.append("       packet: \(hop.packet)") }
        }
        return lines
    }
}

extension Blocker {
    /// `unknown at KIND COMPONENT: detail`.
    var unknownLine: String { "unknown at \(component.kind) \(component): \(detail)" }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
