import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("reach diagram end to end")
struct DiagramCommandTests {
    private func output(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent(
            "reach-diagram-\(UUID().uuidString)-\(name)"
        ).path
    }

    @Test("an SVG with the path drawn parses as XML and names the nodes")
    func svg() throws {
        let path = output("flow.svg")
        let result = try ReachProcess.run(["diagram", "--from", "web-1", "--to", "orders-db", "--out", path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("unreachable"))
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let parser = XMLParser(data: data)
        #expect(parser.parse())
        // Graphviz writes '-' in SVG text as the character reference &#45;.
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "&#45;", with: "-")
        #expect(text.contains("orders-db"))
        #expect(text.contains("web-1"))
        #expect(text.contains("#c62828"))
    }

    @Test("PNG and PDF have their signatures; DOT is byte-identical across runs")
    func formats() throws {
        let png = output("d.png")
        #expect(try ReachProcess.run(["diagram", "--out", png]).status == 0)
        #expect(
            Array(try Data(contentsOf: URL(fileURLWithPath: png)).prefix(8)) == [
                0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A,
            ])
        let pdf = output("d.pdf")
        #expect(try ReachProcess.run(["diagram", "--granularity", "subnet", "--out", pdf]).status == 0)
        #expect(
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: pdf)).prefix(5), as: UTF8.self)
                == "%PDF-")
        let first = output("a.dot")
        let second = output("b.dot")
        for file in [first, second] {
            #expect(
                try ReachProcess.run([
                    "diagram", "--topology", "Topologies/tgw-hub.yaml", "--from", "dev-app", "--to",
                    "prod-db", "--out", file,
                ]).status == 0)
        }
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: first))
                == Data(contentsOf: URL(fileURLWithPath: second)))
    }

    @Test("an unknown format, a lone --from and an unknown focus are usage errors")
    func usageErrors() throws {
        let format = try ReachProcess.run(["diagram", "--out", output("d.gif")])
        #expect(format.status == 64)
        #expect(format.stderr.contains(".svg, .png, .pdf or .dot"))
        #expect(try ReachProcess.run(["diagram", "--from", "web-1", "--out", output("d.svg")]).status == 64)
        let focus = try ReachProcess.run(["diagram", "--focus", "nope", "--out", output("d.svg")])
        #expect(focus.status == 64)
        #expect(focus.stderr.contains("'nope'"))
    }

    @Test("an unwritable output exits 73 naming the path")
    func unwritable() throws {
        let result = try ReachProcess.run(["diagram", "--out", "/nonexistent-dir/d.svg"])
        #expect(result.status == 73)
        #expect(result.stderr.contains("/nonexistent-dir/d.svg"))
    }
}
