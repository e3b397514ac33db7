import ArgumentParser
import Foundation
import ReachAWSSnapshot
import ReachGraph
import ReachModel
import ReachTopologyFile

/// The `--topology` option shared by subcommands, and loading what it names.
struct TopologyOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A topology YAML file, or a directory of AWS CLI outputs (a snapshot). Without it, the bundled "
                + "three-tier design is used.", valueName: "path"))
    var topology: String?

    /// Loads and compiles the topology, printing warnings to standard error.
    func loadGraph() throws -> ForwardingGraph {
        var isDirectory: ObjCBool = false
        if let topology, FileManager.default.fileExists(atPath: topology, isDirectory: &isDirectory),
            isDirectory.boolValue
        {
            return try loadSnapshot(topology)
        }
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

    private func loadSnapshot(_ directory: String) throws -> ForwardingGraph {
        let loaded: LoadedSnapshot
        do {
            loaded = try AWSSnapshotLoader.load(directory: directory)
        } catch {
            printError("reach: \(error)")
            switch error {
            case .unreadableDirectory, .unreadableFile: throw ExitStatus.unreadableInput
            default: throw ExitStatus.invalidInput
            }
        }
        for warning in loaded.warnings { printError("reach: warning: \(warning)") }
        return ForwardingGraph(loaded.topology)
    }
}
