import CGraphviz

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Renders Graphviz DOT text to SVG, PNG or PDF with the system Graphviz libraries.
///
/// Every call is serialised through one process-wide lock, because Graphviz is not thread-safe;
/// callers may render from any number of tasks or threads at once. Graphviz's diagnostics are
/// captured for the thrown ``GraphvizError`` instead of being printed to standard error (messages
/// printed directly by Pango or Fontconfig, outside Graphviz's error channel, cannot be captured).
///
/// Fonts: Graphviz's default font is `Times-Roman`, which Fontconfig maps to whatever serif font
/// the host has, so output varies between hosts and minimal hosts may have no match at all. Callers
/// should set `fontname` explicitly on the graph, nodes and edges (for example
/// `node [fontname="DejaVu Sans"]`) to a font they know is installed.
public enum GraphvizRenderer {
    /// Renders DOT text in the given format.
    ///
    /// For ``DiagramFormat/dot`` the result is the UTF-8 encoding of `dot`, unchanged and without a
    /// Graphviz round-trip, so it is deterministic and never fails. For the other formats the text
    /// is parsed (`agmemread`), laid out with the `dot` engine (`gvLayout`) and
    /// rendered (`gvRenderData`); every Graphviz resource is released before returning or
    /// throwing. Rendering the same DOT twice gives the same SVG bytes; PNG and PDF output may
    /// embed creation dates or font details, so compare those by content, not bytes.
    ///
    /// - Parameters:
    ///   - dot: The DOT source of one graph. See the note on fonts in ``GraphvizRenderer``.
    ///   - format: The output format.
    /// - Returns: The rendered document's bytes.
    /// - Throws: ``GraphvizError/invalidDOT(message:)``, ``GraphvizError/layoutFailed(message:)``,
    ///   ``GraphvizError/formatUnavailable(_:)``, ``GraphvizError/renderFailed(_:message:)`` or
    ///   ``GraphvizError/outOfMemory``.
    public static func render(dot: String, format: DiagramFormat) throws(GraphvizError) -> [UInt8] {
        if format == .dot {
            return Array(dot.utf8)
        }
        return try renderWithGraphviz(dot: dot, format: format, device: format.rawValue, engine: "dot")
    }

    /// Renders DOT text in the given format and writes it to a file, replacing any existing file.
    ///
    /// - Parameters:
    ///   - dot: The DOT source of one graph.
    ///   - format: The output format; it is not inferred from `path` (see
    ///     ``DiagramFormat/init(fileExtension:)`` for that).
    ///   - path: The file to create or overwrite.
    /// - Throws: Any error ``render(dot:format:)`` throws, or
    ///   ``GraphvizError/cannotWrite(path:reason:)`` naming `path` when the file cannot be opened,
    ///   written or closed.
    public static func write(dot: String, format: DiagramFormat, to path: String) throws(GraphvizError) {
        let bytes = try render(dot: dot, format: format)
        try writeFile(bytes, to: path)
    }

    /// Parses, lays out and renders `dot` with Graphviz while holding the Graphviz lock.
    ///
    /// `device` and `engine` are the Graphviz names; they are parameters only so tests can reach
    /// the unavailable-format and failed-layout paths, which the real formats cannot reach here.
    static func renderWithGraphviz(
        dot: String,
        format: DiagramFormat,
        device: String,
        engine: String
    ) throws(GraphvizError) -> [UInt8] {
        // DOT has no use for NUL, and Graphviz's C code treats it as a string terminator in places;
        // refuse it up front rather than risk rendering a silently truncated graph.
        if dot.utf8.contains(0) {
            throw .invalidDOT(message: "the DOT text contains a NUL character")
        }
        return try GraphvizSession.shared.run { session throws(GraphvizError) -> [UInt8] in
            guard let context = gvContext() else {
                throw .outOfMemory
            }
            defer { gvFreeContext(context) }
            _ = session.takeDiagnostics()  // Plugin-loading chatter is not about this graph.

            // Graphviz's own in-memory reader with its default disciplines: custom ID disciplines
            // crashed Graphviz 2.42 (a double free at agclose), so determinism is kept at the DOT
            // level, where Reach needs it, not in the rendered bytes.
            let parsedGraph = dot.withCString { agmemread($0) }
            let parsing = session.takeDiagnostics()
            guard let graph = parsedGraph else {
                throw .invalidDOT(
                    message: parsing.text.isEmpty ? "Graphviz found no graph in the DOT text" : parsing.text)
            }
            defer { agclose(graph) }
            if parsing.hadError {
                throw .invalidDOT(message: parsing.text)
            }

            // gvFreeLayout is safe after a failed or partial layout, and releases whatever it made.
            defer { gvFreeLayout(context, graph) }
            let laidOut = gvLayout(context, graph, engine) == 0
            let layout = session.takeDiagnostics()
            if !laidOut || layout.hadError {
                throw .layoutFailed(message: layout.text.isEmpty ? "gvLayout reported failure" : layout.text)
            }

            // On failure gvRenderData may still have stored its initial buffer in `data` (it
            // allocates before rendering and only reallocates while writing output, which cannot
            // fail with a return code), so the buffer is released on every path.
            var data: UnsafeMutablePointer<CChar>? = nil
            var length = 0
            let rendered = reach_gvRenderData(context, graph, device, &data, &length) == 0
            defer {
                if let data {
                    gvFreeRenderData(data)
                }
            }
            let rendering = session.takeDiagnostics()
            if !rendered || rendering.hadError {
                // A device without a plugin is reported as `Format: "<name>" not recognized. Use
                // one of: ...` (current releases) or `renderer for <name> is unavailable` (2.x).
                let noPlugin = ["not recognized", "is unavailable"].contains { rendering.text.contains($0) }
                if !rendered && noPlugin {
                    throw .formatUnavailable(format)
                }
                throw .renderFailed(
                    format, message: rendering.text.isEmpty ? "gvRenderData reported failure" : rendering.text
                )
            }
            guard let data else {
                throw .renderFailed(format, message: "gvRenderData returned no data")
            }
            return Array(UnsafeRawBufferPointer(start: data, count: length))
        }
    }

    /// Writes `bytes` to `path`, creating or truncating the file.
    static func writeFile(_ bytes: [UInt8], to path: String) throws(GraphvizError) {
        guard let file = fopen(path, "wb") else {
            throw .cannotWrite(path: path, reason: systemErrorDescription(errno))
        }
        let written = bytes.withUnsafeBytes { buffer in
            fwrite(buffer.baseAddress, 1, buffer.count, file)
        }
        let writeError = written == bytes.count ? 0 : errno
        let closed = fclose(file) == 0
        let closeError = closed ? 0 : errno
        if writeError != 0 || written != bytes.count {
            throw .cannotWrite(path: path, reason: systemErrorDescription(writeError))
        }
        if !closed {
            throw .cannotWrite(path: path, reason: systemErrorDescription(closeError))
        }
    }

    /// The C library's text for an `errno` value, or a generic phrase when there is none.
    private static func systemErrorDescription(_ code: Int32) -> String {
        guard code != 0, let text = strerror(code) else {
            return "write failed"
        }
        return String(cString: text)
    }
}
