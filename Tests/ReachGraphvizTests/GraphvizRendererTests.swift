import Foundation
import Testing

@testable import ReachGraphviz

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Two clusters, an HTML-like label whose text needs XML escaping, and a labelled edge. Fonts are
/// named explicitly (fonts-dejavu-core is the only font package a minimal host is assumed to have).
private let sampleDOT = """
    digraph reach {
        graph [fontname="DejaVu Sans"];
        node [fontname="DejaVu Sans", shape=box];
        edge [fontname="DejaVu Sans"];
        subgraph cluster_vpc_a {
            label="vpc-a";
            web_server [label="web-server"];
        }
        subgraph cluster_vpc_b {
            label="vpc-b";
            db_server [label=<<b>db &amp; cache</b><br/>10.0.2.5 &lt;primary&gt;>];
        }
        web_server -> db_server [label="tcp/5432"];
    }
    """

/// Whether `bytes` form a well-formed XML document.
private func parsesAsXML(_ bytes: [UInt8]) -> Bool {
    XMLParser(data: Data(bytes)).parse()
}

@Suite("Graphviz rendering")
struct GraphvizRendererTests {
    @Test("SVG output is well-formed XML naming the nodes, clusters and escaped label text")
    func svg() throws {
        let bytes = try GraphvizRenderer.render(dot: sampleDOT, format: .svg)
        #expect(parsesAsXML(bytes))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("<svg"))
        for name in ["web_server", "db_server", "cluster_vpc_a", "cluster_vpc_b", "tcp/5432"] {
            #expect(text.contains(name), "\(name) appears in the SVG")
        }
        #expect(text.contains("db &amp; cache"))
        #expect(text.contains("&lt;primary&gt;"))
    }

    @Test("PNG output starts with the PNG signature")
    func png() throws {
        let bytes = try GraphvizRenderer.render(dot: sampleDOT, format: .png)
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        #expect(bytes.count > 8)
    }

    @Test("PDF output starts with %PDF-")
    func pdf() throws {
        let bytes = try GraphvizRenderer.render(dot: sampleDOT, format: .pdf)
        #expect(bytes.starts(with: Array("%PDF-".utf8)))
    }

    @Test("the dot format returns the input bytes exactly, even for text Graphviz would reject")
    func dotPassThrough() throws {
        for input in [sampleDOT, "", "not { valid DOT", "digraph { \"é\" -> \"ü\" }\r\n\u{0}"] {
            #expect(try GraphvizRenderer.render(dot: input, format: .dot) == Array(input.utf8))
        }
    }

    @Test("rendering the same DOT twice draws the same nodes and clusters")
    func repeatableSVG() throws {
        let first = try GraphvizRenderer.render(dot: sampleDOT, format: .svg)
        let second = try GraphvizRenderer.render(dot: sampleDOT, format: .svg)
        #expect(titles(first) == titles(second))
        #expect(!titles(first).isEmpty)
    }

    @Test("concurrent renders are serialised and all succeed")
    func concurrentRenders() async throws {
        let expected = try GraphvizRenderer.render(dot: sampleDOT, format: .svg)
        let results = try await withThrowingTaskGroup(of: (DiagramFormat, [UInt8]).self) { group in
            for index in 0..<8 {
                let format: DiagramFormat = index.isMultiple(of: 2) ? .svg : .png
                group.addTask { (format, try GraphvizRenderer.render(dot: sampleDOT, format: format)) }
            }
            var results: [(DiagramFormat, [UInt8])] = []
            for try await result in group {
                results.append(result)
            }
            return results
        }
        #expect(results.count == 8)
        for (format, bytes) in results {
            switch format {
            case .svg: #expect(titles(bytes) == titles(expected))
            default: #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            }
        }
    }
}

@Suite("Graphviz errors")
struct GraphvizErrorTests {
    @Test("invalid DOT throws invalidDOT carrying Graphviz's message")
    func invalidDOT() throws {
        let error = #expect(throws: GraphvizError.self) {
            try GraphvizRenderer.render(dot: "digraph { a -> ; }", format: .svg)
        }
        guard case .invalidDOT(let message) = error else {
            Issue.record("expected invalidDOT, got \(String(describing: error))")
            return
        }
        #expect(message.contains("syntax error"), "message: \(message)")
        #expect(error?.description.hasPrefix("invalid DOT: ") == true)
    }

    @Test("text with no graph, or with a NUL, throws invalidDOT")
    func noGraph() throws {
        for input in ["", "   \n", "digraph { a }\u{0} garbage"] {
            let error = #expect(throws: GraphvizError.self) {
                try GraphvizRenderer.render(dot: input, format: .svg)
            }
            guard case .invalidDOT(let message) = error else {
                Issue.record(
                    "expected invalidDOT for \(input.debugDescription), got \(String(describing: error))")
                continue
            }
            #expect(!message.isEmpty)
        }
    }

    @Test("a malformed HTML-like label fails the layout with Graphviz's message")
    func malformedHTMLLabel() throws {
        let error = #expect(throws: GraphvizError.self) {
            try GraphvizRenderer.render(dot: "digraph { a [label=<<b>unclosed>] }", format: .svg)
        }
        guard case .layoutFailed(let message) = error else {
            Issue.record("expected layoutFailed, got \(String(describing: error))")
            return
        }
        #expect(!message.isEmpty)
    }

    @Test("a layout engine Graphviz does not have fails the layout")
    func unknownEngine() throws {
        let error = #expect(throws: GraphvizError.self) {
            try GraphvizRenderer.renderWithGraphviz(
                dot: sampleDOT, format: .svg, device: "svg", engine: "no-such-engine")
        }
        guard case .layoutFailed(let message) = error else {
            Issue.record("expected layoutFailed, got \(String(describing: error))")
            return
        }
        #expect(message.contains("no-such-engine"), "message: \(message)")
    }

    @Test("a device with no Graphviz plugin throws formatUnavailable")
    func missingPlugin() throws {
        #expect(throws: GraphvizError.formatUnavailable(.png)) {
            try GraphvizRenderer.renderWithGraphviz(
                dot: sampleDOT, format: .png, device: "no-such-device", engine: "dot")
        }
    }

    @Test("Graphviz still works after errors")
    func recoversAfterErrors() throws {
        _ = try? GraphvizRenderer.render(dot: "digraph { a -> ; }", format: .svg)
        _ = try? GraphvizRenderer.render(dot: "digraph { a [label=<<b>x>] }", format: .svg)
        let bytes = try GraphvizRenderer.render(dot: sampleDOT, format: .svg)
        #expect(parsesAsXML(bytes))
    }
}

@Suite("Writing diagrams")
struct GraphvizWriteTests {
    @Test("writing to an unwritable path throws cannotWrite naming the path and reason")
    func unwritablePath() throws {
        let path = "/nonexistent-dir/x.svg"
        let error = #expect(throws: GraphvizError.self) {
            try GraphvizRenderer.write(dot: sampleDOT, format: .svg, to: path)
        }
        guard case .cannotWrite(let failedPath, let reason) = error else {
            Issue.record("expected cannotWrite, got \(String(describing: error))")
            return
        }
        #expect(failedPath == path)
        #expect(reason == "No such file or directory")
        #expect(error?.description.contains(path) == true)
    }

    @Test("writing creates the file with exactly the rendered bytes", arguments: DiagramFormat.allCases)
    func writesFile(format: DiagramFormat) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("ReachGraphvizTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("diagram.\(format.fileExtension)")

        try GraphvizRenderer.write(dot: sampleDOT, format: format, to: file.path)
        let written = try [UInt8](Data(contentsOf: file))
        switch format {
        case .dot:
            #expect(written == (try GraphvizRenderer.render(dot: sampleDOT, format: format)))
        case .svg:
            // libcgraph orders clusters by the addresses of their interned names, so two renders
            // in one process may emit the same clusters in another order: compare the lines as
            // a multiset.
            let rendered = try GraphvizRenderer.render(dot: sampleDOT, format: format)
            let lines = { (bytes: [UInt8]) in
                String(decoding: bytes, as: UTF8.self).split(separator: "\n").sorted()
            }
            #expect(lines(written) == lines(rendered))
        case .png:
            #expect(written.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        case .pdf:
            #expect(written.starts(with: Array("%PDF-".utf8)))
        }
    }
}

@Suite("Diagram formats")
struct DiagramFormatTests {
    @Test("file extensions name formats regardless of case or a leading dot")
    func fileExtensions() {
        #expect(DiagramFormat(fileExtension: "svg") == .svg)
        #expect(DiagramFormat(fileExtension: "PNG") == .png)
        #expect(DiagramFormat(fileExtension: ".pdf") == .pdf)
        #expect(DiagramFormat(fileExtension: "dot") == .dot)
        #expect(DiagramFormat(fileExtension: "gv") == .dot)
        #expect(DiagramFormat(fileExtension: "jpg") == nil)
        #expect(DiagramFormat(fileExtension: "") == nil)
        #expect(DiagramFormat(fileExtension: "..svg") == nil)
        for format in DiagramFormat.allCases {
            #expect(DiagramFormat(fileExtension: format.fileExtension) == format)
        }
    }
}

/// The `<title>` texts of an SVG: one per node, edge and cluster Graphviz drew.
private func titles(_ svg: [UInt8]) -> Set<String> {
    let text = String(decoding: svg, as: UTF8.self)
    var result: Set<String> = []
    var rest = text[...]
    while let open = rest.range(of: "<title>"),
        let close = rest.range(of: "</title>", range: open.upperBound..<rest.endIndex)
    {
        result.insert(String(rest[open.upperBound..<close.lowerBound]))
        rest = rest[close.upperBound...]
    }
    return result
}
