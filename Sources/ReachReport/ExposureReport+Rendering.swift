import ReachGraph
import ReachNetwork

extension ExposureReport {
    /// Per outside source, what it reaches, DBs first.
    public func text(tracingWith analyzer: ReachabilityAnalyzer) -> String {
        var lines: [String] = []
        for section in sections {
            let dbs = section.destinations.filter(\.isDatabase).count
            lines.append(
                "From \(section.source): \(section.destinations.count) reachable or unknown (\(dbs) DB endpoints)"
            )
            for exposed in section.destinations {
                lines.append(
                    "  \(exposed.isDatabase ? "DB " : "")\(exposed.destination) in \(exposed.vpc.name)")
                for line in WhoCanReachAnswer.lines(exposed.source, analyzer).dropFirst() {
                    lines.append("  " + line)
                }
                lines.append("        from:      \(WhoCanReachAnswer.summary(exposed.source.addresses))")
            }
            lines.append("")
        }
        lines.append("\(destinationsAnalysed) interfaces and DB endpoints analysed per source.")
        return lines.joined(separator: "\n")
    }

    /// The report as JSON: `sections`, each with `source` and `destinations` (DBs first).
    public func jsonString(tracingWith analyzer: ReachabilityAnalyzer) -> String {
        reachJSON(ExposureDocument(report: self, analyzer: analyzer))
    }
}

private struct ExposureDocument: Encodable {
    let report: ExposureReport
    let analyzer: ReachabilityAnalyzer

    private enum Keys: String, CodingKey { case sections, destinationsAnalysed }
    private enum SectionKeys: String, CodingKey { case source, destinations }
    private enum DestinationKeys: String, CodingKey { case destination, isDatabase, vpc, from }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        var sections = container.nestedUnkeyedContainer(forKey: .sections)
        for section in report.sections {
            var sectionContainer = sections.nestedContainer(keyedBy: SectionKeys.self)
            try sectionContainer.encode(ComponentDocument(section.source), forKey: .source)
            var destinations = sectionContainer.nestedUnkeyedContainer(forKey: .destinations)
            for exposed in section.destinations {
                var item = destinations.nestedContainer(keyedBy: DestinationKeys.self)
                try item.encode(ComponentDocument(exposed.destination), forKey: .destination)
                try item.encode(exposed.isDatabase, forKey: .isDatabase)
                try item.encode(ComponentDocument(exposed.vpc), forKey: .vpc)
                try item.encode(
                    ReachingSourceDocument(source: exposed.source, analyzer: analyzer), forKey: .from)
            }
        }
        try container.encode(report.destinationsAnalysed, forKey: .destinationsAnalysed)
    }
}
