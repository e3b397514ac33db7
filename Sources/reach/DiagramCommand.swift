import ArgumentParser
import ReachDiagram
import ReachGraph
import ReachGraphviz

/// `reach diagram`: draw the topology, optionally with one flow's path, through Graphviz.
struct DiagramCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagram",
        abstract: "Draw the topology as SVG, PNG, PDF or DOT, with a flow's path and its block highlighted.",
        discussion: """
            The format follows the extension of --out. With --from and --to, the flow's path is drawn \
            bold, the hop that blocks it red with the rule or route, and everything else grey.
            """
    )

    @OptionGroup var topologyOptions: TopologyOptions

    @Option(
        name: .customLong("from"), help: ArgumentHelp("The flow's source (as for check).", valueName: "SRC"))
    var source: String?

    @Option(
        name: .customLong("to"),
        help: ArgumentHelp("The flow's destination (as for check).", valueName: "DST"))
    var destination: String?

    @Option(name: .customLong("protocol"), help: "tcp, udp, icmp, all, or a protocol number.")
    var protocolName: String = "tcp"

    @Option(help: "The destination port (tcp/udp). Defaults to the destination DB's port.")
    var port: UInt16?

    @Option(help: "'path' (the VPCs the flow crosses) or a VPC's name or id. Default: everything.")
    var focus: String?

    @Option(help: "host, subnet or vpc.")
    var granularity: DiagramOptions.Granularity = .host

    @Flag(
        inversion: .prefixedNo,
        help: "Without a flow: draw the traffic security group rules admit, where it is reachable end to end."
    )
    var allowedTraffic = true

    @Option(help: ArgumentHelp("The output file: .svg, .png, .pdf or .dot.", valueName: "file"))
    var out: String

    func validate() throws {
        guard format != nil else {
            throw ValidationError("--out must end in .svg, .png, .pdf or .dot, not '\(out)'")
        }
        guard (source == nil) == (destination == nil) else {
            throw ValidationError("--from and --to go together")
        }
        guard FlowProtocol(protocolName) != nil else {
            throw ValidationError(
                "--protocol must be tcp, udp, icmp, all or a number 0-255, not '\(protocolName)'")
        }
    }

    private var format: DiagramFormat? {
        guard let dot = out.lastIndex(of: ".") else { return nil }
        return DiagramFormat(fileExtension: String(out[out.index(after: dot)...]).lowercased())
    }

    func run() throws {
        let graph = try topologyOptions.loadGraph()
        var flow: CheckResult?
        if let source, let destination {
            flow = try FlowQuestion(
                source: source, destination: destination, protocolName: protocolName, port: port
            )
            .answer(over: graph)
        }
        let focusOption: DiagramOptions.Focus =
            switch focus {
            case nil: .all
            case "path": .path
            case let name?: .vpc(name)
            }
        let document: DiagramDocument
        do {
            document = try DiagramBuilder.build(
                graph.topology, options: DiagramOptions(granularity: granularity, focus: focusOption),
                flow: flow)
        } catch {
            printError("reach: \(error)")
            throw ExitStatus.usage
        }
        for warning in document.warnings { printError("reach: warning: \(warning)") }
        guard let format else { throw ExitStatus.usage }
        do {
            try GraphvizRenderer.write(dot: document.dot, format: format, to: out)
        } catch {
            printError("reach: \(error)")
            throw ExitStatus.cannotWrite
        }
        print("wrote \(out) (\(document.nodeCount) nodes\(flow.map { ", \($0.verdict.rawValue)" } ?? ""))")
    }
}

extension DiagramOptions.Granularity: ExpressibleByArgument {}
