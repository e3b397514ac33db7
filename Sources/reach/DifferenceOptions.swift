import ArgumentParser
import ReachGraph
import ReachModel
import ReachNetwork
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
        try report { selector, traffic throws(EndpointSelectorError) in
            try ReachabilityDiffer(before: before, after: after).diff(to: selector, traffic: traffic)
        }
    }

    /// Compares the network of `before` with `changed`, a changed copy of its topology (only
    /// the sources a change to filters touches are analysed again), and reports as above.
    func report(before: ForwardingGraph, changedTo changed: Topology) throws {
        try report { selector, traffic throws(EndpointSelectorError) in
            try ReachabilityBaseline.diff(from: before, to: changed, destinations: selector, traffic: traffic)
        }
    }

    private func report(
        _ differential: (EndpointSelector?, TrafficSet) throws(EndpointSelectorError) -> ReachabilityDiff
    ) throws {
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
            diff = try differential(selector, try trafficOptions.traffic())
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
