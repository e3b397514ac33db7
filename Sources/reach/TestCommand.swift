import ArgumentParser
import Foundation
import ReachGraph
import ReachReport
import ReachSpec
import ReachTopologyFile

/// `reach test`: runs assertion files against their designs.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run assertion files (README, \"Use Reach in CI\") against network designs.",
        discussion: """
            Each file names its topology (or pass --topology). Exit 0 only when every assertion \
            holds; 1 when one fails or cannot be evaluated; 65 or 66 for a bad or unreadable file.
            """
    )

    @Argument(help: ArgumentHelp("Assertion files.", valueName: "spec"))
    var specs: [String]

    @Option(
        help: ArgumentHelp(
            "The topology file or snapshot directory to test, instead of the one each file names.",
            valueName: "path"))
    var topology: String?

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("Also write JUnit XML for CI systems to this file.", valueName: "path"))
    var junit: String?

    func run() throws {
        var runs: [TestReport.Run] = []
        for path in specs {
            let spec: RegressionSpec
            do {
                spec = try SpecFileLoader.load(contentsOf: path)
            } catch {
                printError("reach: \(error)")
                if case .unreadable = error { throw ExitStatus.unreadableInput }
                throw ExitStatus.invalidInput
            }
            guard let design = topology ?? spec.topology else {
                printError("reach: \(path) names no topology: add 'topology:' to it or pass --topology")
                throw ExitStatus.usage
            }
            let graph = ForwardingGraph(try TopologyLoading.topology(at: design))
            runs.append(TestReport.Run(spec: spec, outcomes: SpecRunner(graph: graph).run(spec)))
        }
        let report = TestReport(runs: runs)
        if let junit {
            do {
                try report.junitXML().write(toFile: junit, atomically: true, encoding: .utf8)
            } catch {
                printError("reach: cannot write \(junit): \(error.localizedDescription)")
                throw ExitStatus.cannotWrite
            }
        }
        switch format {
        case .text: print(report.text())
        case .json: print(report.jsonString())
        }
        if !report.allPassed { throw ExitStatus.changed }
    }
}
