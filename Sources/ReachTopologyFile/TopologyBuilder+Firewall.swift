import ReachModel
import ReachNetwork

/// AWS Network Firewalls, their endpoints and their policies.
extension TopologyBuilder {
    /// A firewall's `endpoints`, keys checked: a non-empty list.
    private func firewallEndpointItems(_ firewall: YAMLMapping) throws(TopologyFileError) -> [YAMLMapping] {
        let list = try firewall.required("endpoints", reason: "route tables send traffic to its endpoints")
        let elements = try list.list("a list of endpoints, each {id: …, subnet: …}")
        guard !elements.isEmpty else { throw list.invalid("a list of at least one endpoint (one per AZ)") }
        var endpoints: [YAMLMapping] = []
        for element in elements {
            endpoints.append(
                try YAMLMapping(
                    element, describing: "a Network Firewall endpoint", allowed: Section.firewallEndpointKeys)
            )
        }
        return endpoints
    }

    /// Registers the endpoint ids of a firewall, so that routes may target them.
    mutating func registerFirewallEndpoints(_ firewall: YAMLMapping) throws(TopologyFileError) {
        for endpoint in try firewallEndpointItems(firewall) {
            let value = try endpoint.required("id")
            let id = try value.name("an endpoint id such as vpce-0fw1")
            try firewallEndpoints.add(name: id, nameValue: value, id: id, idValue: nil, item: endpoint.value)
        }
    }

    /// Fails when a firewall endpoint id is also a VPC endpoint's name or id: both become
    /// `.vpcEndpoint` route targets, so they share one namespace.
    func checkFirewallEndpointIDs() throws(TopologyFileError) {
        for endpoint in firewallEndpoints.entries {
            guard let other = vpcEndpoints.lookup(endpoint.id) else { continue }
            let at = Self.walk(endpoint.item, field: "id") ?? endpoint.item
            throw .duplicateName(
                at.location, kind: "VPC endpoint", name: endpoint.id, firstLine: other.item.line)
        }
    }

    mutating func buildNetworkFirewalls() throws(TopologyFileError) {
        for item in items[.networkFirewalls] ?? [] {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            let vpcID = try resolve(\.vpcs, try item.required("vpc"))
            let policyID = try resolve(\.firewallPolicies, try item.required("policy"))
            var endpoints: [NetworkFirewall.Endpoint] = []
            for endpoint in try firewallEndpointItems(item) {
                endpoints.append(
                    NetworkFirewall.Endpoint(
                        endpointID: try endpoint.required("id").name("an endpoint id such as vpce-0fw1"),
                        subnetID: try resolve(\.subnets, try endpoint.required("subnet"))))
            }
            topology.networkFirewalls.append(
                NetworkFirewall(
                    id: id, name: name, vpcID: vpcID, endpoints: endpoints, policyID: policyID,
                    tags: try item.tags()))
            record(.networkFirewall, id, item)
        }
    }

    mutating func buildFirewallPolicies() throws(TopologyFileError) {
        for item in items[.firewallPolicies] ?? [] {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            let defaultValue = try item.required("statelessDefaultAction")
            let statelessDefault = try statelessAction(defaultValue)
            var statelessRules: [StatelessRule] = []
            var priorities: [Int: Int] = [:]
            for value in try item.list(
                "statelessRules", "a list of stateless rules, each {priority: …, action: …, …}")
            {
                let rule = try statelessRule(value)
                if let line = priorities.updateValue(value.line, forKey: rule.priority) {
                    let at = Self.walk(value, field: "priority") ?? value
                    throw .conflict(
                        at.location,
                        message: "the stateless rule on line \(line) already has priority \(rule.priority)")
                }
                statelessRules.append(rule)
            }
            var statefulRules: [StatefulRule] = []
            for value in try item.list(
                "statefulRules", "a list of stateful rules, each {action: …, protocol: …, …}")
            {
                statefulRules.append(try statefulRule(value))
            }
            let orders = [
                FirewallPolicy.RuleOrder.defaultActionOrder.rawValue,
                FirewallPolicy.RuleOrder.strictOrder.rawValue,
            ]
            let order =
                FirewallPolicy.RuleOrder(rawValue: try choice(item, "ruleOrder", orders) ?? "")
                ?? .defaultActionOrder
            let defaultDrop = try choice(item, "statefulDefaultAction", ["drop", "pass"]) == "drop"
            if defaultDrop, order == .defaultActionOrder, let value = item["statefulDefaultAction"] {
                throw .conflict(
                    value.location,
                    message: "a stateful default action of drop needs ruleOrder: STRICT_ORDER; with"
                        + " DEFAULT_ACTION_ORDER flows no rule matches pass")
            }
            topology.firewallPolicies.append(
                FirewallPolicy(
                    id: id, name: name, statelessRules: statelessRules,
                    statelessDefaultAction: statelessDefault,
                    statefulRules: statefulRules, ruleOrder: order, statefulDefaultDrop: defaultDrop,
                    tags: try item.tags()))
            record(.firewallPolicy, id, item)
        }
    }

    /// `aws:pass`, `aws:drop` or `aws:forward_to_sfe`.
    private func statelessAction(_ value: YAMLValue) throws(TopologyFileError) -> StatelessAction {
        let expected = "aws:pass, aws:drop or aws:forward_to_sfe"
        guard let action = StatelessAction(rawValue: try value.scalarText(expected)) else {
            throw value.invalid(expected)
        }
        return action
    }

    /// The non-empty list under `key`, read element by element; absent is empty (matches any).
    private func matchList<T>(
        _ item: YAMLMapping, _ key: String, _ expected: String,
        _ read: (YAMLValue) throws(TopologyFileError) -> T
    ) throws(TopologyFileError) -> [T] {
        guard let list = item[key] else { return [] }
        let elements = try list.list("a list of \(expected)s")
        guard !elements.isEmpty else {
            throw list.invalid("a list of at least one \(expected) (omit the key to match any)")
        }
        var values: [T] = []
        for element in elements { values.append(try read(element)) }
        return values
    }

    /// One stateless rule; every match key is optional (omitted matches any).
    private func statelessRule(_ value: YAMLValue) throws(TopologyFileError) -> StatelessRule {
        let item = try YAMLMapping(value, describing: "a stateless rule", allowed: Section.statelessRuleKeys)
        let priority = try item.required("priority").integer(in: 1...65535, "a priority from 1 to 65535")
        let action = try statelessAction(try item.required("action"))
        let protocolExpected = "protocol number from 0 to 255 (or tcp, udp, icmp)"
        return StatelessRule(
            priority: priority,
            sources: try matchList(item, "sources", "IPv4 CIDR block") { value throws(TopologyFileError) in
                try value.prefix()
            },
            destinations: try matchList(item, "destinations", "IPv4 CIDR block") {
                value throws(TopologyFileError) in
                try value.prefix()
            },
            sourcePorts: try matchList(item, "sourcePorts", "port, port range or all") {
                value throws(TopologyFileError) in try value.ports()
            },
            destinationPorts: try matchList(item, "destinationPorts", "port, port range or all") {
                value throws(TopologyFileError) in try value.ports()
            },
            protocols: try matchList(item, "protocols", protocolExpected) { value throws(TopologyFileError) in
                guard let number = IPProtocolNumber(try value.scalarText("a \(protocolExpected)")) else {
                    throw value.invalid("a \(protocolExpected)")
                }
                return number
            },
            action: action)
    }

    /// One stateful 5-tuple rule; an omitted match field, or `any`, matches any.
    private func statefulRule(_ value: YAMLValue) throws(TopologyFileError) -> StatefulRule {
        let item = try YAMLMapping(value, describing: "a stateful rule", allowed: Section.statefulRuleKeys)
        let actionValue = try item.required("action")
        let actionExpected = "pass, drop, reject or alert"
        guard let action = StatefulAction(rawValue: try actionValue.scalarText(actionExpected)) else {
            throw actionValue.invalid(actionExpected)
        }
        var protocolNumber: IPProtocolNumber?
        if let protocolValue = item["protocol"] {
            let expected = "tcp, udp, icmp or ip"
            switch try protocolValue.scalarText(expected).lowercased() {
            case "tcp": protocolNumber = .tcp
            case "udp": protocolNumber = .udp
            case "icmp": protocolNumber = .icmp
            case "ip", "any": protocolNumber = nil
            default: throw protocolValue.invalid(expected)
            }
        }
        let sourcePort = try statefulPort(item["sourcePort"])
        let destinationPort = try statefulPort(item["destinationPort"])
        if protocolNumber?.hasPorts != true {
            for key in ["sourcePort", "destinationPort"] {
                if let portValue = item[key], try statefulPort(portValue) != nil {
                    throw .conflict(
                        portValue.location,
                        message: "ports apply to tcp and udp only; with protocol"
                            + " \(protocolNumber?.description ?? "ip") give any")
                }
            }
        }
        return StatefulRule(
            action: action, protocolNumber: protocolNumber, source: try statefulAddress(item["source"]),
            sourcePort: sourcePort, destination: try statefulAddress(item["destination"]),
            destinationPort: destinationPort,
            bidirectional: try choice(item, "direction", ["forward", "any"]) == "any")
    }

    /// A stateful rule's source or destination: a CIDR block, or `any` (and absent) for nil.
    private func statefulAddress(_ value: YAMLValue?) throws(TopologyFileError) -> IPv4Prefix? {
        guard let value else { return nil }
        let text = try value.scalarText("an IPv4 CIDR block or any")
        if text.lowercased() == "any" { return nil }
        return try value.prefix()
    }

    /// A stateful rule's port: `N`, `N-M`, or `any` (and absent) for nil.
    private func statefulPort(_ value: YAMLValue?) throws(TopologyFileError) -> PortRange? {
        guard let value else { return nil }
        let expected = "a port (5432), a port range (1024-65535) or any"
        let text = try value.scalarText(expected).lowercased()
        if text == "any" { return nil }
        guard text != "all", let range = PortRange(text) else { throw value.invalid(expected) }
        return range
    }
}
