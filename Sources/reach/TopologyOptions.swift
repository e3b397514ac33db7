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
        ForwardingGraph(try TopologyLoading.topology(at: topology))
    }
}

/// Loading a topology named on the command line: a YAML design, a snapshot directory, or the
/// bundled default (nil). Errors are printed and become the exit status.
enum TopologyLoading {
    /// The topology at `path`, with warnings printed to standard error.
    static func topology(at path: String?) throws -> Topology {
        try loaded(at: path).topology
    }

    /// The topology at `path` (the bundled default without one) and, for a design file, the
    /// line declaring each resource.
    static func loaded(at path: String?) throws -> (topology: Topology, declarationLines: [ResourceRef: Int])
    {
        var isDirectory: ObjCBool = false
        if let path, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
            isDirectory.boolValue
        {
            return (try snapshot(path), [:])
        }
        let loaded: LoadedTopology
        do {
            if let path {
                loaded = try TopologyFileLoader.load(contentsOf: path)
            } else {
                loaded = try TopologyFileLoader.loadBundledDefault()
            }
        } catch {
            printError("reach: \(error)")
            if case .unreadable = error { throw ExitStatus.unreadableInput }
            throw ExitStatus.invalidInput
        }
        for warning in loaded.warnings { printError("reach: warning: \(warning)") }
        return (loaded.topology, loaded.declarationLines)
    }

    private static func snapshot(_ directory: String) throws -> Topology {
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
        return loaded.topology
    }
}
