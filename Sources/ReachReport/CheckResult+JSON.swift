import Foundation
import ReachGraph

/// The JSON document of a `reach check` answer. Absent values are written as `null` so that
/// consumers can rely on every key being present.
struct CheckResultDocument: Encodable {
    let result: CheckResult

    private enum Keys: String, CodingKey {
        case verdict, reason, source, destination, flow, blockedAt, path, notes, unknown, tracesRun
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(result.verdict, forKey: .verdict)
        try container.encode(result.reason, forKey: .reason)
        try container.encode(ComponentDocument(result.source), forKey: .source)
        try container.encode(ComponentDocument(result.destination), forKey: .destination)
        try container.encode(result.flow, forKey: .flow)
        let blockers = result.blockers.map(BlockerDocument.init)
        try container.encode(blockers.isEmpty ? nil : blockers, forKey: .blockedAt)
        try container.encode(result.trace.hops.map(HopDocument.init), forKey: .path)
        try container.encode(result.notes, forKey: .notes)
        try container.encode(result.trace.unknown.map(BlockerDocument.init), forKey: .unknown)
        try container.encode(result.tracesRun, forKey: .tracesRun)
    }
}

struct ComponentDocument: Encodable {
    let component: ComponentRef

    init(_ component: ComponentRef) {
        self.component = component
    }

    private enum Keys: String, CodingKey { case kind, id, name }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(component.kind, forKey: .kind)
        try container.encode(component.id, forKey: .id)
        try container.encode(component.name, forKey: .name)
    }
}

struct BlockerDocument: Encodable {
    let blocker: Blocker

    private enum Keys: String, CodingKey {
        case component, kind, name, rule, reason, direction, detail, first
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(blocker.component.id, forKey: .component)
        try container.encode(blocker.component.kind, forKey: .kind)
        try container.encode(blocker.component.name, forKey: .name)
        try container.encode(blocker.rule, forKey: .rule)
        try container.encode(blocker.reason, forKey: .reason)
        try container.encode(blocker.direction, forKey: .direction)
        try container.encode(blocker.detail, forKey: .detail)
        try container.encode(blocker.isFirst, forKey: .first)
    }
}

struct HopDocument: Encodable {
    let hop: PathHop

    private enum Keys: String, CodingKey {
        case component, kind, name, direction, action, rule, detail, packet
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(hop.component.id, forKey: .component)
        try container.encode(hop.component.kind, forKey: .kind)
        try container.encode(hop.component.name, forKey: .name)
        try container.encode(hop.direction, forKey: .direction)
        try container.encode(hop.action, forKey: .action)
        try container.encode(hop.rule, forKey: .rule)
        try container.encode(hop.detail, forKey: .detail)
        try container.encode(hop.packet, forKey: .packet)
    }
}

extension CheckResult {
    /// The answer as pretty-printed JSON with sorted keys: `verdict`, `reason`, `blockedAt`
    /// (every blocker, the first marked, or null), `path` (hops), `notes`, and more.
    public func jsonString() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(CheckResultDocument(result: self)) else {
            return #"{"verdict":"unknown","reason":"UNKNOWN_RESOURCE"}"#
        }
        return String(decoding: data, as: UTF8.self)
    }
}
