import ReachGraph
import ReachModel
import ReachNetwork

/// The allowed-traffic layer of a topology diagram: for each security group ingress rule, the
/// sources it admits are checked against each host carrying the group with the same checker as
/// `reach check`; an edge is drawn only where the flow is reachable end to end (request and
/// reply), labelled with its protocol and ports, its tooltip naming the rule that admits it.
extension DiagramWriter {
    /// One source a rule admits, as an endpoint the checker resolves and the node it is drawn from.
    private struct Source: Hashable {
        let endpoint: String
        let node: String
    }

    private func sources(of peer: SecurityGroupPeer) -> [Source] {
        switch peer {
        case .securityGroup(let group):
            return hosts(carrying: group).map { Source(endpoint: $0.endpoint, node: $0.node) }
        case .cidr(let prefix):
            return sources(covering: [prefix])
        case .prefixList(let id):
            return sources(covering: topology.prefixLists.first { $0.id == id }?.cidrBlocks ?? [])
        case .ipv6CIDR:
            return []
        }
    }

    /// Subnets, on-prem sites and the internet that a rule's blocks cover part of.
    private func sources(covering prefixes: [IPv4Prefix]) -> [Source] {
        let covered = IPv4AddressSet(prefixes)
        var result: [Source] = []
        for subnet in topology.subnets.sorted(by: { $0.id < $1.id }) where nodeOf[subnet.id] != nil {
            if !covered.intersection(IPv4AddressSet([subnet.cidrBlock])).isEmpty {
                result.append(Source(endpoint: "subnet:\(subnet.id)", node: nodeOf[subnet.id] ?? ""))
            }
        }
        for site in topology.onPremSites.sorted(by: { $0.id < $1.id })
        where !covered.intersection(IPv4AddressSet(site.cidrBlocks)).isEmpty {
            result.append(Source(endpoint: "onprem:\(site.id)", node: "site:\(site.id)"))
        }
        if !covered.intersection(SpecialAddresses.internet).isEmpty, nodeOf["internet"] != nil {
            result.append(Source(endpoint: "internet", node: "internet"))
        }
        return result
    }

    /// Hosts (interfaces of instances, standalone interfaces, DBs) carrying `group`, drawn here.
    private func hosts(carrying group: String) -> [(endpoint: String, node: String)] {
        var result: [(String, String)] = []
        var seen: Set<String> = []
        for interface in topology.networkInterfaces.sorted(by: { $0.id < $1.id })
        where interface.securityGroupIDs.contains(group) {
            guard let node = nodeOf[interface.id], seen.insert(node).inserted else { continue }
            result.append(("eni:\(interface.id)", node))
        }
        for db in topology.dbInstances.sorted(by: { $0.id < $1.id }) where db.securityGroupIDs.contains(group)
        {
            guard let node = nodeOf[db.id], seen.insert(node).inserted else { continue }
            result.append(("db:\(db.id)", node))
        }
        return result
    }

    /// The protocol, port and label a rule's match is checked and drawn with.
    private func flow(of match: ProtocolMatch) -> (FlowProtocol, UInt16?, String)? {
        switch match {
        case .ports(let proto, let range): (.single(proto), range.lowerBound, "\(proto) \(range)")
        case .icmp(let type, _): type == nil || type == 8 ? (.single(.icmp), nil, "icmp") : nil
        case .all: (.single(.tcp), 443, "all (checked on tcp 443)")
        case .other: nil
        }
    }

    mutating func allowedTrafficEdges() {
        let checker = ReachabilityChecker(graph: ForwardingGraph(topology))
        var edges: [String: (from: String, to: String, labels: [String], rules: [String])] = [:]
        var checks = 0
        var stopped = false
        for group in topology.securityGroups.sorted(by: { $0.id < $1.id }) {
            let targets = hosts(carrying: group.id)
            guard !targets.isEmpty else { continue }
            for (index, rule) in group.ingress.enumerated() {
                guard let (flowProtocol, port, label) = flow(of: rule.match) else { continue }
                for source in sources(of: rule.peer) {
                    for target in targets where target.node != source.node {
                        guard checks < options.allowedTrafficCheckLimit else {
                            stopped = true
                            continue
                        }
                        checks += 1
                        guard
                            let from = try? checker.resolver.resolve(source.endpoint),
                            let to = try? checker.resolver.resolve(target.endpoint),
                            let result = try? checker.check(
                                FlowQuery(
                                    source: from, destination: to, flowProtocol: flowProtocol,
                                    destinationPort: port)),
                            result.verdict == .reachable
                        else { continue }
                        let tail = options.granularity == .host ? source.node : anchor(of: source.node)
                        let head = options.granularity == .host ? target.node : anchor(of: target.node)
                        guard tail != head else { continue }
                        let key = "\(tail)|\(head)"
                        var entry = edges[key] ?? (tail, head, [], [])
                        if !entry.labels.contains(label) { entry.labels.append(label) }
                        let why = "\(group.name) ingress rule #\(index + 1) admits \(label) from \(rule.peer)"
                        if !entry.rules.contains(why) { entry.rules.append(why) }
                        edges[key] = entry
                    }
                }
            }
        }
        for (_, entry) in edges.sorted(by: { $0.key < $1.key }) {
            var attributes: [(String, String)] = [
                ("xlabel", entry.labels.joined(separator: ", ")),
                ("tooltip", "reachable end to end; " + entry.rules.joined(separator: "; ")),
                ("color", "#2e7d32"), ("fontcolor", "#2e7d32"), ("style", "bold"),
            ]
            if entry.from.hasPrefix("subnet:") {
                attributes.append(("ltail", "cluster_subnet_" + entry.from.dropFirst("subnet:".count)))
            }
            if entry.to.hasPrefix("subnet:") {
                attributes.append(("lhead", "cluster_subnet_" + entry.to.dropFirst("subnet:".count)))
            }
            line(
                "  \(DOTText.quoted(entry.from)) -> \(DOTText.quoted(entry.to))"
                    + DOTText.attributes(compoundSafe(attributes, from: entry.from, to: entry.to)) + ";"
            )
        }
        if !edges.isEmpty {
            line("subgraph cluster_legend {")
            line("  label=\"legend\"; style=rounded; color=\"#bdbdbd\";")
            line(
                "  \"legend:a\" [label=\"source\"]; \"legend:b\" [label=\"destination\"]; \"legend:c\" [label=\"gateway\"];"
            )
            line(
                "  \"legend:a\" -> \"legend:b\" [xlabel=\"reachable: protocol, ports\", color=\"#2e7d32\", fontcolor=\"#2e7d32\", style=bold];"
            )
            line("  \"legend:b\" -> \"legend:c\" [xlabel=\"route: destination prefixes\"];")
            line("}")
        }
        if stopped {
            warnings.append(
                "allowed traffic: stopped after \(options.allowedTrafficCheckLimit) checks; the diagram shows only part of it "
                    + "(use --focus or a coarser --granularity)")
        }
    }

    /// At subnet or VPC granularity, hosts are drawn as their subnet's or VPC's node already.
    private func anchor(of node: String) -> String { node }
}
