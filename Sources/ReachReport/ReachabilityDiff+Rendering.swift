import ReachGraph
import ReachNetwork

extension ReachabilityDiff {
    /// Each changed flow under its destination: what changes, for which source and traffic, and
    /// the new path (`+`) or what now blocks it (`-`) or leaves it unknown (`?`).
    public func text() -> String {
        guard !changes.isEmpty else {
            return
                "no flow to the \(destinations.count) destination\(destinations.count == 1 ? "" : "s") compared changes"
        }
        var lines = [
            "\(changes.count) change\(changes.count == 1 ? "" : "s") in reach to \(Set(changes.map(\.destination)).count) of \(destinations.count) destinations compared:"
        ]
        var current: ComponentRef?
        for change in changes {
            if change.destination != current {
                current = change.destination
                lines.append("")
                lines.append("\(change.destination.kind) \(change.destination):")
            }
            lines += changeLines(change)
        }
        return lines.joined(separator: "\n")
    }

    private func changeLines(_ change: FlowChange) -> [String] {
        let (mark, what) =
            switch change.kind {
            case .becomesReachable: ("+", "becomes reachable")
            case .becomesUnreachable: ("-", "becomes unreachable")
            case .becomesUnknown: ("?", "becomes unknown")
            }
        var source = "\(change.source)"
        if change.sourceKind == .subnetHosts || change.sourceKind == .internet
            || change.sourceKind == .onPremSite
        {
            source += " (\(WhoCanReachAnswer.summary(change.addresses)))"
        }
        var lines = ["  \(mark) \(source): \(change.traffic) \(what)"]
        if change.kind == .becomesUnknown, !change.unknownReasons.isEmpty {
            lines.append(
                "      unknown: \(change.unknownReasons.map(\.rawValue).sorted().joined(separator: ", "))")
        }
        guard let trace = change.trace else {
            lines.append("      (the endpoint exists on one side only)")
            return lines
        }
        if let packet = trace.request { lines.append("      flow: \(packet)") }
        switch change.kind {
        case .becomesReachable:
            lines.append("      new path: \(trace.requestPathLine)")
        case .becomesUnreachable, .becomesUnknown:
            lines += trace.stopLines(details: true).map { "      \($0)" }
        }
        return lines
    }

    /// The differential as JSON: `destinations` compared and `changes`, each with `kind`,
    /// `destination`, `source`, `sourceKind`, `vpc`, `addresses`, `traffic`, `unknownReasons`
    /// and `trace` (verdict, blockers and hops of one flow in the network after).
    public func jsonString() -> String {
        reachJSON(DiffDocument(diff: self))
    }
}

private struct DiffDocument: Encodable {
    let diff: ReachabilityDiff

    private enum Keys: String, CodingKey { case destinations, changes }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(diff.destinations.map(ComponentDocument.init), forKey: .destinations)
        try container.encode(diff.changes.map(FlowChangeDocument.init), forKey: .changes)
    }
}

private struct FlowChangeDocument: Encodable {
    let change: FlowChange

    private enum Keys: String, CodingKey {
        case kind, destination, source, sourceKind, vpc, addresses, traffic, unknownReasons, trace
    }
    private enum TraceKeys: String, CodingKey { case packet, verdict, blockedAt, path }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(change.kind, forKey: .kind)
        try container.encode(ComponentDocument(change.destination), forKey: .destination)
        try container.encode(ComponentDocument(change.source), forKey: .source)
        try container.encode(change.sourceKind, forKey: .sourceKind)
        try container.encode(change.sourceVPC.map(ComponentDocument.init), forKey: .vpc)
        try container.encode(change.addresses.prefixes.map(\.description), forKey: .addresses)
        try container.encode(TrafficDocument(change.traffic), forKey: .traffic)
        try container.encode(change.unknownReasons.map(\.rawValue).sorted(), forKey: .unknownReasons)
        if let trace = change.trace {
            var nested = container.nestedContainer(keyedBy: TraceKeys.self, forKey: .trace)
            try nested.encode(trace.request?.description, forKey: .packet)
            try nested.encode(trace.verdict, forKey: .verdict)
            try nested.encode(trace.blockers.map(BlockerDocument.init), forKey: .blockedAt)
            try nested.encode(trace.hops.map(HopDocument.init), forKey: .path)
        } else {
            try container.encodeNil(forKey: .trace)
        }
    }
}
