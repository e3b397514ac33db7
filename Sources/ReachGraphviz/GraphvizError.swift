/// Why Graphviz could not turn DOT text into a diagram, or why the diagram could not be saved.
///
/// Messages carried by the cases are Graphviz's own diagnostics, captured while the call was under
/// way instead of being printed to standard error, joined into one line.
public enum GraphvizError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The DOT text could not be parsed (cgraph's reader failed or reported an error).
    ///
    /// `message` is Graphviz's diagnostic, such as `syntax error in line 1 near '}'`, or a
    /// short explanation when Graphviz said nothing (for example, when the text holds no graph).
    case invalidDOT(message: String)

    /// The `dot` layout engine failed or reported an error while placing the graph.
    ///
    /// HTML-like labels are parsed during layout, so a malformed `<...>` label is reported here.
    case layoutFailed(message: String)

    /// Graphviz has no plugin on this host that renders the format (for PNG and PDF, the
    /// cairo/pango plugin `libgvplugin_pango` must be installed and registered).
    case formatUnavailable(DiagramFormat)

    /// The renderer for the format failed or reported an error.
    case renderFailed(DiagramFormat, message: String)

    /// Graphviz could not allocate its context.
    case outOfMemory

    /// The rendered diagram could not be written to the file at `path`; `reason` is the system's
    /// explanation, such as `No such file or directory`.
    case cannotWrite(path: String, reason: String)

    /// A one-line explanation suitable for a command-line error message.
    public var description: String {
        switch self {
        case .invalidDOT(let message):
            return "invalid DOT: \(message)"
        case .layoutFailed(let message):
            return "Graphviz layout failed: \(message)"
        case .formatUnavailable(let format):
            return "Graphviz cannot render \(format.rawValue) on this host (no plugin for it is installed)"
        case .renderFailed(let format, let message):
            return "Graphviz failed to render \(format.rawValue): \(message)"
        case .outOfMemory:
            return "Graphviz ran out of memory"
        case .cannotWrite(let path, let reason):
            return "cannot write \(path): \(reason)"
        }
    }
}
