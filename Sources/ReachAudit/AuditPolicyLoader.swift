import ReachGraph
import ReachNetwork
import ReachTopologyFile

/// Reads audit policy files (README, "`reach audit`"):
///
/// ```yaml
/// severities:                       # override a rule's severity, or turn it off
///   SG_DB_PORT_OPEN_TO_WIDE_CIDR: high
///   NACL_ENTRY_SHADOWED: off
/// environmentTags: [env]            # tag keys naming an environment
/// productionEnvironments: [prod]
/// wideCidrPrefixLength: 16          # blocks shorter than /16 are very wide
/// allowedSources:                   # sources meant to reach DBs
///   - to: orders-db
///     from: [corp-office, 10.50.0.0/16]
/// suppressions:
///   - rule: DB_NO_AUTOMATED_BACKUPS
///     resource: reports-replica
///     reason: a read replica; the primary keeps the backups
/// ```
public enum AuditPolicyLoader {
    /// Reads the policy file at `path`.
    public static func load(contentsOf path: String) throws(TopologyFileError) -> AuditPolicy {
        try load(yaml: try YAMLDocument.text(contentsOf: path), file: path)
    }

    /// Reads a policy from YAML text; `file` names it in messages. An empty file is the default policy.
    public static func load(yaml: String, file: String) throws(TopologyFileError) -> AuditPolicy {
        var policy = AuditPolicy()
        guard let root = try YAMLDocument.root(yaml: yaml, file: file) else { return policy }
        let document = try YAMLMapping(
            root, describing: "an audit policy",
            allowed: [
                "severities", "environmentTags", "productionEnvironments", "wideCidrPrefixLength",
                "allowedSources", "suppressions",
            ])
        if let value = document["severities"] {
            let levels = FindingSeverity.allCases.map(\.rawValue) + ["off"]
            let map = try value.stringMap(
                expected: "a mapping of rule ids to severities, such as {NACL_ENTRY_SHADOWED: off}",
                keys: "a rule id")
            for (id, level) in map.sorted(by: { $0.key < $1.key }) {
                let at = value.child(id, node: value.node)
                let rule = try rule(id, at: at)
                if level.lowercased() == "off" {
                    policy.disabledRules.insert(rule)
                } else if let severity = FindingSeverity(rawValue: level.lowercased()) {
                    policy.severities[rule] = severity
                } else {
                    throw .invalidValue(
                        at.location, expected: levels.joined(separator: ", "), found: "'\(level)'")
                }
            }
        }
        if let value = document["environmentTags"] {
            policy.environmentTagKeys = try value.list("a list of tag keys").map {
                (element: YAMLValue) throws(TopologyFileError) in try element.name("a tag key")
            }
        }
        if let value = document["productionEnvironments"] {
            policy.productionEnvironments = Set(
                try value.list("a list of environment names").map {
                    (element: YAMLValue) throws(TopologyFileError) in
                    try element.name("an environment name").lowercased()
                })
        }
        if let value = document["wideCidrPrefixLength"] {
            policy.wideCIDRPrefixLength = UInt8(try value.integer(in: 1...32, "a prefix length from 1 to 32"))
        }
        for element in try document.list("allowedSources", "a list of {to, from} entries") {
            policy.allowedSources.append(try allowance(element))
        }
        for element in try document.list("suppressions", "a list of {rule, resource, reason} entries") {
            let item = try YAMLMapping(
                element, describing: "a suppression", allowed: ["rule", "resource", "reason"])
            let ruleValue = try item.required("rule")
            policy.suppressions.append(
                Suppression(
                    rule: try rule(try ruleValue.name("a rule id"), at: ruleValue),
                    resource: try item.required("resource").name("a resource id or name"),
                    reason: try item.required("reason", reason: "every suppression says why").name(
                        "the reason the finding is accepted")))
        }
        return policy
    }

    private static func rule(_ id: String, at value: YAMLValue) throws(TopologyFileError) -> AuditRule {
        guard let rule = AuditRule(rawValue: id) else {
            throw .invalidValue(
                value.location,
                expected: "a rule id (\(AuditRule.allCases.map(\.id).joined(separator: ", ")))",
                found: "'\(id)'")
        }
        return rule
    }

    private static func allowance(_ element: YAMLValue) throws(TopologyFileError) -> AllowedSources {
        let item = try YAMLMapping(element, describing: "an allowed-sources entry", allowed: ["to", "from"])
        let destinations = try selector(try item.required("to"))
        var sources: [EndpointSelector] = []
        var addresses = IPv4AddressSet()
        for value in try item.required("from").list("a list of selectors and CIDR blocks") {
            let text = try value.name("a selector or a CIDR block")
            if text.contains("/"), text.first?.isNumber == true {
                guard let prefix = IPv4Prefix(text) else {
                    throw value.invalid("an IPv4 CIDR block such as 10.50.0.0/16")
                }
                addresses = addresses.union(IPv4AddressSet([prefix]))
            } else {
                sources.append(try selector(value))
            }
        }
        return AllowedSources(destinations: destinations, sources: sources, addresses: addresses)
    }

    private static func selector(_ value: YAMLValue) throws(TopologyFileError) -> EndpointSelector {
        let text = try value.name("a selector: a name or id, tag:K=V, kind:K or vpc:NAME")
        do {
            return try EndpointSelector(text)
        } catch {
            throw value.invalid("a selector: \(error)")
        }
    }
}
