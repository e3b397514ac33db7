import ArgumentParser
import ReachGraph
import ReachTopologyFile

/// The `--topology` option shared by subcommands, and loading what it names.
struct TopologyOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A topology YAML file. Without it, the bundled three-tier design is used.", valueName: "path"))
    var topology: String?

    /// Loads and compiles the topology, printing warnings to standard error.
    func loadGraph() throws -> ForwardingGraph {
        let loaded: LoadedTopology
        do {
            if let topology {
                loaded = try TopologyFileLoader.load(contentsOf: topology)
            } else {
                loaded = try TopologyFileLoader.loadBundledDefault()
            }
        } catch {
            printError("reach: \(error)")
            if case .unreadable = error { throw ExitStatus.unreadableInput }
            throw ExitStatus.invalidInput
        }
        for warning in loaded.warnings { printError("reach: warning: \(warning)") }
        return ForwardingGraph(loaded.topology)
    }
}
