import ArgumentParser
import ReachGraph
import ReachReport

/// `reach exposure`: everything reachable from the internet and from each on-prem site.
struct ExposureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exposure",
        abstract: "List everything reachable from the internet and from each on-prem site, DBs first."
    )

    @OptionGroup var topologyOptions: TopologyOptions

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let analyzer = ReachabilityAnalyzer(graph: try topologyOptions.loadGraph())
        let report = analyzer.exposure()
        switch format {
        case .text: print(report.text(tracingWith: analyzer))
        case .json: print(report.jsonString(tracingWith: analyzer))
        }
    }
}
