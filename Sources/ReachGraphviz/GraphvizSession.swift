import CGraphviz
import Foundation

/// The one gate every call into Graphviz goes through.
///
/// Graphviz keeps global state (the parser, the error handler, attribute defaults, the plugin
/// loader), so no two calls may overlap anywhere in the process. ``run(_:)`` holds one lock for the
/// whole of a render, routes Graphviz's diagnostics into ``messages`` instead of standard error for
/// that time, and restores the previous handler and reporting level afterwards.
///
/// `@unchecked Sendable` is sound because ``messages`` is only read or written while ``lock`` is
/// held: by the body passed to ``run(_:)``, and by ``captureGraphvizMessage(_:)``, which Graphviz
/// calls synchronously from inside a call that body makes, on the same thread.
final class GraphvizSession: @unchecked Sendable {
    /// The process-wide session; there must be only one, since Graphviz's state is process-wide.
    static let shared = GraphvizSession()

    private let lock = NSLock()
    private var messages = ""

    private init() {}

    /// Runs `body` with exclusive use of Graphviz and with its diagnostics captured.
    func run<Result>(
        _ body: (GraphvizSession) throws(GraphvizError) -> Result
    ) throws(GraphvizError) -> Result {
        lock.lock()
        defer { lock.unlock() }
        // With a handler installed, every message at or above the reporting level goes to the
        // handler instead of stderr. AGWARN sends warnings there too, so nothing reaches stderr and
        // nothing accumulates in Graphviz's private temporary file (used for suppressed levels).
        let previousHandler = agseterrf(captureGraphvizMessage)
        let previousLevel = agseterr(AGWARN)
        _ = agreseterrors()
        messages = ""
        defer {
            _ = agreseterrors()
            agseterr(previousLevel)
            agseterrf(previousHandler)
            messages = ""
        }
        return try body(self)
    }

    /// Appends one piece of a Graphviz diagnostic. Graphviz 2.x delivers a message in pieces
    /// (`"Error"`, `": "`, then the text), so pieces are concatenated as they come.
    fileprivate func record(_ piece: String) {
        messages += piece
    }

    /// The diagnostics Graphviz reported since the previous call, as one line, and whether any of
    /// them was an error rather than a warning; clears both for the next phase.
    ///
    /// Lines are trimmed and joined with spaces, and the `Error: ` prefix Graphviz puts on errors is
    /// dropped (the thrown ``GraphvizError`` already says it is an error); `Warning: ` is kept.
    func takeDiagnostics() -> (text: String, hadError: Bool) {
        let lines = messages.split(whereSeparator: \.isNewline).map { line -> String in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.hasPrefix("Error: ") ? String(trimmed.dropFirst("Error: ".count)) : trimmed
        }
        let text = lines.filter { !$0.isEmpty }.joined(separator: " ")
        messages = ""
        // agreseterrors returns the highest level reported since the last reset.
        let hadError = agreseterrors() >= Int32(AGERR.rawValue)
        return (text, hadError)
    }
}

/// The `agusererrf` handler installed while a ``GraphvizSession`` runs. It is a global function so
/// that it converts to a C function pointer; it returns 0 as Graphviz expects.
private func captureGraphvizMessage(_ piece: UnsafeMutablePointer<CChar>?) -> Int32 {
    if let piece {
        GraphvizSession.shared.record(String(cString: piece))
    }
    return 0
}
