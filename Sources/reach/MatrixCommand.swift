import ArgumentParser
import ReachGraph
import ReachReport

/// `reach matrix`: reachability between groups of endpoints.
struct MatrixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "Show which groups of sources reach which groups of destinations.",
        discussion: """
            A SELECTOR is a name or id (anything 'reach check' resolves), tag:KEY=VALUE (ENIs and \
            DBs carrying the tag, or in a subnet or VPC carrying it), kind:db|eni|instance|subnet|\
            onprem|internet, or vpc:NAME. Repeat --from and --to for more rows and columns.
            """
    )

    @OptionGroup var topologyOptions: TopologyOptions

    @Option(
        name: .customLong("from"), help: ArgumentHelp("A row: a group of sources.", valueName: "SELECTOR"))
    var sources: [String]

    @Option(
        name: .customLong("to"),
        help: ArgumentHelp("A column: a group of destinations.", valueName: "SELECTOR"))
    var destinations: [String]

    @OptionGroup var trafficOptions: TrafficOptions

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if sources.isEmpty || destinations.isEmpty {
            throw ValidationError("give at least one --from and one --to")
        }
    }

    func run() throws {
        let analyzer = ReachabilityAnalyzer(graph: try topologyOptions.loadGraph())
        let rows = try sources.map { (label: $0, endpoints: try select($0, analyzer.graph)) }
        let columns = try destinations.map { (label: $0, endpoints: try select($0, analyzer.graph)) }
        let matrix = analyzer.matrix(rows: rows, columns: columns, traffic: try trafficOptions.traffic())
        switch format {
        case .text: print(matrix.text(tracingWith: analyzer))
        case .json: print(matrix.jsonString(tracingWith: analyzer))
        }
    }

    private func select(_ text: String, _ graph: ForwardingGraph) throws -> [Endpoint] {
        do {
            return try EndpointSelector(text).endpoints(in: graph)
        } catch {
            printError("reach: \(error)")
            throw ExitStatus.usage
        }
    }
}
