import ReachGraph
import ReachNetwork

extension WhoCanReachAnswer {
    /// Every reaching source with its traffic and witness path, reachable ones first.
    public func text(tracingWith analyzer: ReachabilityAnalyzer) -> String {
        var lines = ["Who can reach \(destination) (\(traffic)):"]
        let reachable = sources.filter { !$0.reach.reachable.isEmpty }
        let unknown = sources.filter { $0.reach.reachable.isEmpty }
        if reachable.isEmpty { lines.append("  no source reaches it") }
        for source in reachable { lines += Self.lines(source, analyzer) }
        if !unknown.isEmpty {
            lines.append("")
            lines.append("Unknown (the input does not settle these):")
            for source in unknown { lines += Self.lines(source, analyzer) }
        }
        lines.append("")
        lines.append(
            "\(reachable.count) reaching, \(unknown.count) unknown; \(sourcesAnalysed) sources analysed "
                + "(interfaces, subnets' other hosts, on-prem sites, the internet).")
        return lines.joined(separator: "\n")
    }

    /// A set of addresses in a line: its blocks when few, else its size and span.
    static func summary(_ addresses: IPv4AddressSet) -> String {
        let blocks = addresses.prefixes
        guard blocks.count > 4, let first = addresses.first,
            let last = addresses.storage.last
        else { return addresses.description }
        return "\(addresses.count) addresses in \(blocks.count) blocks, \(first) to \(IPv4Address(last))"
    }

    static func lines(_ source: ReachingSource, _ analyzer: ReachabilityAnalyzer) -> [String] {
        var lines: [String] = []
        let place = source.vpc.map { " in \($0.name)" } ?? ""
        let addresses =
            source.kind == .networkInterface || source.kind == .database
            ? "" : " from \(summary(source.addresses))"
        lines.append("  \(source.kind.rawValue) \(source.ref)\(place)\(addresses)")
        if !source.reach.reachable.isEmpty { lines.append("      reachable: \(source.reach.reachable)") }
        if !source.reach.unknown.isEmpty {
            let reasons = source.reach.unknownReasons.map(\.rawValue).sorted().joined(separator: ", ")
            lines.append("      unknown:   \(source.reach.unknown) [\(reasons)]")
        }
        if let witness = source.witness {
            lines.append("      witness:   \(witness.packet)")
            lines.append("      path:      \(analyzer.trace(witness).requestPathLine)")
        }
        return lines
    }
}
