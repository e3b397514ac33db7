import ArgumentParser
import ReachGraph
import ReachReport

/// `reach who-can-reach`: every source that reaches one destination, and on what.
struct WhoCanReachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "who-can-reach",
        abstract:
            "List every source that reaches a destination, with its protocols, ports and a witness path.",
        discussion: """
            Sources are every interface (ENI, instance, DB endpoint), each subnet's hosts without \
            interfaces, each on-prem site and the internet, answered exactly over all their \
            addresses. DST is resolved as in 'reach check'.
            """
    )

    @OptionGroup var topologyOptions: TopologyOptions

    @Option(name: .customLong("to"), help: ArgumentHelp("The destination.", valueName: "DST"))
    var destination: String

    @OptionGroup var trafficOptions: TrafficOptions

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let graph = try topologyOptions.loadGraph()
        let analyzer = ReachabilityAnalyzer(graph: graph)
        let endpoint: Endpoint
        do {
            endpoint = try analyzer.resolver.resolve(destination)
        } catch {
            printError("reach: \(error)")
            throw ExitStatus.usage
        }
        let answer = analyzer.whoCanReach(endpoint, traffic: try trafficOptions.traffic())
        switch format {
        case .text: print(answer.text(tracingWith: analyzer))
        case .json: print(answer.jsonString(tracingWith: analyzer))
        }
    }
}
