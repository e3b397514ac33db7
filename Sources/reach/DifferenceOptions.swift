import ArgumentParser
import ReachGraph
import ReachReport

/// What `what-if` and `diff` share: which destinations to compare, which traffic, the format,
/// and printing the differential with its exit status.
struct DifferenceOptions: ParsableArguments {
    @Option(
        name: .customLong("to"),
        help: ArgumentHelp(
            "The destinations compared: a name or id, tag:K=V, kind:K or vpc:NAME (default: every DB endpoint).",
            valueName: "selector"))
    var destinations: String?

    @OptionGroup var trafficOptions: TrafficOptions

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    /// Compares `before` and `after`, prints the changes and exits 0 when nothing changes, 1
    /// when something does (as diff(1) does).
    func report(before: ForwardingGraph, after: ForwardingGraph) throws {
        let selector: EndpointSelector?
        do {
            selector = try destinations.map { (text) throws(EndpointSelectorError) in
                try EndpointSelector(text)
            }
        } catch {
            printError("reach: --to: \(error)")
            throw ExitStatus.usage
        }
        let diff: ReachabilityDiff
        do {
            diff = try ReachabilityDiffer(before: before, after: after).diff(
                to: selector, traffic: try trafficOptions.traffic())
        } catch let error as EndpointSelectorError {
            printError("reach: --to: \(error)")
            throw ExitStatus.usage
        }
        switch format {
        case .text: print(diff.text())
        case .json: print(diff.jsonString())
        }
        if !diff.isEmpty { throw ExitStatus.changed }
    }
}
