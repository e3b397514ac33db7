import ArgumentParser
import ReachGraph

/// `reach diff`: how reach to the DB endpoints differs between two networks.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare who reaches each DB endpoint in two topologies or snapshots.",
        discussion: """
            Reports every flow (source, protocol and ports) to the destinations that becomes \
            reachable, unreachable or unknown from BEFORE to AFTER, with the new path or the new \
            blocker. Sources and destinations are matched by id. Exit 0 when nothing changes, 1 \
            when something does.
            """
    )

    @Option(help: ArgumentHelp("The topology file or snapshot directory before.", valueName: "path"))
    var before: String

    @Option(help: ArgumentHelp("The topology file or snapshot directory after.", valueName: "path"))
    var after: String

    @OptionGroup var differenceOptions: DifferenceOptions

    func run() throws {
        let old = ForwardingGraph(try TopologyLoading.topology(at: before))
        let new = ForwardingGraph(try TopologyLoading.topology(at: after))
        try differenceOptions.report(before: old, after: new)
    }
}
