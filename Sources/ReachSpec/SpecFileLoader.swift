import Foundation
import ReachGraph
import ReachNetwork
import ReachTopologyFile

/// Reads assertion files (README, "Use Reach in CI"):
///
/// ```yaml
/// topology: three-tier.yaml          # optional, relative to this file
/// assertions:
///   - name: the app tier reaches the orders DB
///     from: app-1                    # a selector: name or id, tag:K=V, kind:K, vpc:NAME, internet
///     to: orders-db
///     protocol: tcp                  # tcp, udp, icmp, all or a number; tcp when a port is given, else all
///     port: 5432                     # a port or a range
///     expect: reachable              # reachable, unreachable or unknown
///   - from: web-1
///     to: orders-db
///     port: 5432
///     expect: unreachable
///     reason: SUBNET_ACL_RESTRICTION # a blocker of this code must be named
///   - to: orders-db
///     port: 5432
///     only: [app-a, app-b]           # nothing else may reach it
/// ```
public enum SpecFileLoader {
    /// Reads the assertion file at `path`.
    public static func load(contentsOf path: String) throws(TopologyFileError) -> RegressionSpec {
        try load(yaml: try YAMLDocument.text(contentsOf: path), file: path)
    }

    /// Reads an assertion file from YAML text; `file` names it in messages and anchors a
    /// relative `topology` path.
    public static func load(yaml: String, file: String) throws(TopologyFileError) -> RegressionSpec {
        let root = try YAMLDocument.root(
            yaml: yaml, file: file, requiring: "assertions", reason: "the file is empty")
        let document = try YAMLMapping(
            root, describing: "an assertion file", allowed: ["topology", "assertions"])
        var topology: String?
        if let value = document["topology"] {
            let path = try value.name("a topology file or snapshot directory")
            topology =
                path.hasPrefix("/")
                ? path
                : URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(path).path
        }
        let items = try document.required("assertions").list("a list of assertions")
        var assertions: [Assertion] = []
        for item in items { assertions.append(try assertion(item)) }
        return RegressionSpec(file: file, topology: topology, assertions: assertions)
    }

    private static let keys = ["name", "from", "to", "protocol", "port", "expect", "reason", "only"]

    private static func assertion(_ value: YAMLValue) throws(TopologyFileError) -> Assertion {
        let item = try YAMLMapping(value, describing: "an assertion", allowed: keys)
        let to = try selector(try item.required("to"))
        let from = try item["from"].map { (value: YAMLValue) throws(TopologyFileError) in try selector(value)
        }
        var ports: PortRange?
        if let value = item["port"] {
            let expected = "a port (5432) or a port range (1024-65535)"
            guard let range = PortRange(try value.scalarText(expected)) else { throw value.invalid(expected) }
            ports = range
        }
        var flowProtocol: FlowProtocol = ports == nil ? .all : .single(.tcp)
        if let value = item["protocol"] {
            let expected = "tcp, udp, icmp, all or a protocol number 0-255"
            guard let parsed = FlowProtocol(try value.scalarText(expected).lowercased()) else {
                throw value.invalid(expected)
            }
            flowProtocol = parsed
        }
        if let port = item["port"], TrafficSet(flowProtocol, ports: ports) == nil {
            throw .conflict(
                port.location, message: "a port applies to tcp and udp only (or to all, for both)")
        }
        let (key, chosen) = try item.exactlyOne(of: ["expect", "only"], in: "an assertion")
        let expectation: Assertion.Expectation
        if key == "only" {
            try item.forbid("from", "an 'only' assertion asks about every source: it takes no 'from'")
            try item.forbid("reason", "'reason' goes with expect: unreachable or unknown")
            var selectors: [EndpointSelector] = []
            for element in try chosen.list("a list of selectors (names, ids, tag:K=V, kind:K)") {
                selectors.append(try selector(element))
            }
            expectation = .only(selectors)
        } else {
            guard from != nil else {
                throw .missingKey(
                    item.value.location, key: "from", reason: "an 'expect' assertion needs its sources")
            }
            let reason = try item["reason"].map { (value: YAMLValue) throws(TopologyFileError) in
                try code(value)
            }
            let expected = "reachable, unreachable or unknown"
            switch try chosen.scalarText(expected).lowercased() {
            case "reachable":
                try item.forbid("reason", "a reachable flow has no blocking reason")
                expectation = .reachable
            case "unreachable": expectation = .unreachable(reason: reason)
            case "unknown": expectation = .unknown(reason: reason)
            default: throw chosen.invalid(expected)
            }
        }
        let name = try item["name"].map { (value: YAMLValue) throws(TopologyFileError) in
            try value.name("a name (text)")
        }
        return Assertion(
            name: name ?? defaultName(from: from, to: to, flowProtocol, ports, expectation),
            location: item.value.location, from: from, to: to, flowProtocol: flowProtocol, ports: ports,
            expectation: expectation)
    }

    private static func selector(_ value: YAMLValue) throws(TopologyFileError) -> EndpointSelector {
        let text = try value.name("a selector: a name or id, tag:K=V, kind:K or vpc:NAME")
        do {
            return try EndpointSelector(text)
        } catch {
            throw value.invalid("a selector: \(error)")
        }
    }

    private static func code(_ value: YAMLValue) throws(TopologyFileError) -> ReasonCode {
        let expected = "a reason code such as SUBNET_ACL_RESTRICTION"
        guard let code = ReasonCode(rawValue: try value.scalarText(expected)) else {
            throw value.invalid("\(expected) (the README lists them under Reason codes)")
        }
        return code
    }

    /// `app-1 -> orders-db tcp/5432: reachable`.
    private static func defaultName(
        from: EndpointSelector?, to: EndpointSelector, _ flowProtocol: FlowProtocol, _ ports: PortRange?,
        _ expectation: Assertion.Expectation
    ) -> String {
        let traffic: String
        switch flowProtocol {
        case .all: traffic = ports.map { "tcp+udp/\($0)" } ?? "all traffic"
        case .single(let proto): traffic = ports.map { "\(proto)/\($0)" } ?? "\(proto)"
        }
        switch expectation {
        case .reachable: return "\(from?.description ?? "?") -> \(to) \(traffic): reachable"
        case .unreachable: return "\(from?.description ?? "?") -> \(to) \(traffic): unreachable"
        case .unknown: return "\(from?.description ?? "?") -> \(to) \(traffic): unknown"
        case .only(let selectors):
            return "only \(selectors.map(\.description).joined(separator: ", ")) reach \(to) \(traffic)"
        }
    }
}
