import Foundation
import ReachGraph
import ReachNetwork

/// One reaching source in JSON.
struct ReachingSourceDocument: Encodable {
    let source: ReachingSource
    let analyzer: ReachabilityAnalyzer

    private enum Keys: String, CodingKey { case kind, source, vpc, addresses, reach, witness }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(source.kind, forKey: .kind)
        try container.encode(ComponentDocument(source.ref), forKey: .source)
        try container.encode(source.vpc.map(ComponentDocument.init), forKey: .vpc)
        try container.encode(source.addresses.prefixes.map(\.description), forKey: .addresses)
        try container.encode(FlowReachDocument(reach: source.reach), forKey: .reach)
        try container.encode(
            source.witness.map { WitnessDocument(witness: $0, trace: analyzer.trace($0)) }, forKey: .witness)
    }
}

struct WhoCanReachDocument: Encodable {
    let answer: WhoCanReachAnswer
    let analyzer: ReachabilityAnalyzer

    private enum Keys: String, CodingKey { case destination, traffic, sources, sourcesAnalysed }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(ComponentDocument(answer.destination), forKey: .destination)
        try container.encode(TrafficDocument(answer.traffic), forKey: .traffic)
        try container.encode(
            answer.sources.map { ReachingSourceDocument(source: $0, analyzer: analyzer) }, forKey: .sources)
        try container.encode(answer.sourcesAnalysed, forKey: .sourcesAnalysed)
    }
}

/// Pretty-printed JSON with sorted keys, as every Reach document is written.
func reachJSON(_ document: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(document) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
}

extension WhoCanReachAnswer {
    /// The answer as JSON: `destination`, `traffic`, `sources` (each with `kind`, `source`,
    /// `vpc`, `addresses`, `reach` and `witness` with its full path) and `sourcesAnalysed`.
    public func jsonString(tracingWith analyzer: ReachabilityAnalyzer) -> String {
        reachJSON(WhoCanReachDocument(answer: self, analyzer: analyzer))
    }
}
