import ReachModel
import ReachNetwork

/// Security groups, network ACLs and the protocol/port part of their rules.
extension TopologyBuilder {
    mutating func buildSecurityGroups() throws(TopologyFileError) {
        let groupItems = items[.securityGroups] ?? []
        // Default groups first: rules and interfaces may refer to `default`.
        var vpcOfGroup: [String] = []
        var declaredDefault: [String: YAMLMapping] = [:]
        for item in groupItems {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            let vpcID = try resolve(\.vpcs, try item.required("vpc"))
            vpcOfGroup.append(vpcID)
            guard try item.bool("default", default: false) else { continue }
            if let other = declaredDefault[vpcID], let at = item["default"] {
                throw .conflict(
                    at.location,
                    message:
                        "VPC \(vpcID) already has a default security group, declared on line \(other.value.line)"
                )
            }
            declaredDefault[vpcID] = item
            defaultGroup[vpcID] = id
        }
        for vpc in topology.vpcs where defaultGroup[vpc.id] == nil {
            defaultGroup[vpc.id] = Topology.defaultSecurityGroup(for: vpc).id
        }
        for (item, vpcID) in zip(groupItems, vpcOfGroup) {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            let isDefault = try item.bool("default", default: false)
            var overrides: [String: YAMLValue] = [:]
            var ingress: [SecurityGroupRule] = []
            if let list = item["ingress"] {
                ingress = try rules(list, .ingress, vpcID: vpcID, overrides: &overrides)
            } else if isDefault {
                // As AWS creates it: members of the group reach each other (S-SG-4).
                ingress = [SecurityGroupRule(direction: .ingress, match: .all, peer: .securityGroup(id))]
            }
            var egress = [SecurityGroupRule(direction: .egress, match: .all, peer: .cidr(.all))]
            if let list = item["egress"] {
                egress = try rules(list, .egress, vpcID: vpcID, overrides: &overrides)
            }
            topology.securityGroups.append(
                SecurityGroup(
                    id: id, name: name, vpcID: vpcID, isDefault: isDefault, ingress: ingress, egress: egress,
                    tags: try item.tags()))
            record(.securityGroup, id, item)
            origins[ResourceRef(.securityGroup, id)]?.overrides = overrides
        }
    }

    /// The rules of one direction; a rule whose peer is a list becomes one rule per peer.
    private func rules(
        _ list: YAMLValue, _ direction: TrafficDirection, vpcID: String, overrides: inout [String: YAMLValue]
    ) throws(TopologyFileError) -> [SecurityGroupRule] {
        let peerKey = direction == .ingress ? "from" : "to"
        var rules: [SecurityGroupRule] = []
        for value in try list.list("a list of \(direction.rawValue) rules, each {protocol: …, \(peerKey): …}")
        {
            let item = try YAMLMapping(
                value, describing: "a security group \(direction.rawValue) rule",
                allowed: direction == .ingress ? Section.ingressRuleKeys : Section.egressRuleKeys)
            let match = try item.protocolMatch()
            var description: String?
            if let text = item["description"] { description = try text.scalarText("a description (text)") }
            let peersValue = try item.required(peerKey)
            var peerValues = [peersValue]
            if case .sequence = peersValue.node {
                peerValues = try peersValue.list()
                guard !peerValues.isEmpty else {
                    throw peersValue.invalid(
                        "a CIDR block, a prefix list or a security group, or a list of them")
                }
            }
            for peerValue in peerValues {
                overrides["\(direction.rawValue)[\(rules.count)]"] = peerValue
                rules.append(
                    SecurityGroupRule(
                        direction: direction, match: match, peer: try peer(peerValue, vpcID: vpcID),
                        description: description))
            }
        }
        return rules
    }

    /// A rule's peer: an IPv4 or IPv6 CIDR block, a prefix list, or a security group.
    private func peer(_ value: YAMLValue, vpcID: String) throws(TopologyFileError) -> SecurityGroupPeer {
        let text = try value.name("a CIDR block, a prefix list or a security group")
        if YAMLValue.isIPv6CIDR(text) { return .ipv6CIDR(text) }
        if Self.looksLikeAddress(text) { return .cidr(try value.prefix()) }
        var candidates: [(label: String, peer: SecurityGroupPeer)] = []
        if let list = prefixLists.lookup(text) {
            candidates.append(("prefix list '\(list.name)' (line \(list.item.line))", .prefixList(list.id)))
        }
        if let group = securityGroups.lookup(text) {
            candidates.append(
                ("security group '\(group.name)' (line \(group.item.line))", .securityGroup(group.id)))
        } else if text == "default", let group = defaultGroup[vpcID] {
            candidates.append(("the default security group of VPC \(vpcID)", .securityGroup(group)))
        }
        if candidates.count > 1 {
            throw .ambiguousReference(value.location, name: text, candidates: candidates.map(\.label))
        }
        if let only = candidates.first { return only.peer }
        throw .unknownReference(
            value.location, kind: "security group or prefix list", name: text,
            suggestions: Array(
                closeMatches(to: text, among: securityGroups.keys + prefixLists.keys).prefix(3)))
    }

    mutating func buildNetworkACLs() throws(TopologyFileError) {
        for item in items[.networkAcls] ?? [] {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            let vpcID = try resolve(\.vpcs, try item.required("vpc"))
            let isDefault = try item.bool("default", default: false)
            var overrides: [String: YAMLValue] = [:]
            var entries: [NetworkACLEntry] = []
            for (key, direction) in [("inbound", TrafficDirection.ingress), ("outbound", .egress)] {
                guard let list = item[key] else {
                    if isDefault {
                        // As AWS creates a default ACL: rule 100 allows everything.
                        entries.append(
                            NetworkACLEntry(
                                ruleNumber: 100, direction: direction, action: .allow, match: .all,
                                cidrBlock: .all))
                    }
                    continue
                }
                for value in try list.list(
                    "a list of \(key) entries, each {rule: …, action: …, protocol: …, cidr: …}")
                {
                    let entry = try aclEntry(value, direction)
                    // The later of two entries with one number is the one the validator flags.
                    overrides["\(direction.rawValue) \(entry.ruleNumber)"] = value
                    entries.append(entry)
                }
            }
            topology.networkACLs.append(
                NetworkACL(
                    id: id, name: name, vpcID: vpcID, isDefault: isDefault,
                    subnetIDs: try resolveList(\.subnets, item, "subnets"), entries: entries,
                    tags: try item.tags()))
            record(.networkACL, id, item)
            origins[ResourceRef(.networkACL, id)]?.overrides = overrides
        }
    }

    /// One numbered entry of a network ACL.
    private func aclEntry(_ value: YAMLValue, _ direction: TrafficDirection) throws(TopologyFileError)
        -> NetworkACLEntry
    {
        let item = try YAMLMapping(value, describing: "a network ACL entry", allowed: Section.aclEntryKeys)
        return try item.networkACLEntry(direction)
    }
}

extension YAMLMapping {
    /// A network ACL entry facing `direction` from the keys `rule`, `action`, `cidr` and those
    /// of ``protocolMatch()`` (shared by the topology and change formats).
    func networkACLEntry(_ direction: TrafficDirection) throws(TopologyFileError) -> NetworkACLEntry {
        let number = try aclRuleNumber()
        let actionValue = try required("action")
        guard let action = RuleAction(rawValue: try actionValue.scalarText("allow or deny")) else {
            throw actionValue.invalid("allow or deny")
        }
        let match = try protocolMatch()
        let block = try required("cidr").prefix()
        return NetworkACLEntry(
            ruleNumber: number, direction: direction, action: action, match: match, cidrBlock: block)
    }

    /// The required `rule` of a network ACL entry: 1-32766.
    func aclRuleNumber() throws(TopologyFileError) -> Int {
        try required("rule").integer(in: 1...32766, "a rule number from 1 to 32766")
    }

    /// The protocol, ports and ICMP type/code of a security group rule or ACL entry (shared by
    /// the topology and change formats): keys `protocol`, `ports`, `icmpType`, `icmpCode`.
    func protocolMatch() throws(TopologyFileError) -> ProtocolMatch {
        let protocolValue = try required("protocol")
        let expected = "a protocol: tcp, udp, icmp, all (or -1), or a number from 0 to 255"
        let text = try protocolValue.scalarText(expected).lowercased()
        let ports = self["ports"]
        let icmp = self["icmpType"] ?? self["icmpCode"]
        func forbid(_ value: YAMLValue?, _ message: String) throws(TopologyFileError) {
            if let value { throw .conflict(value.location, message: message) }
        }
        let icmpOnly = "icmpType and icmpCode apply to protocol icmp only"
        if text == "all" || text == "-1" {
            try forbid(ports, "protocol \(text) matches every port; remove ports, or name tcp or udp")
            try forbid(icmp, icmpOnly)
            return .all
        }
        guard let number = IPProtocolNumber(text) else { throw protocolValue.invalid(expected) }
        if number.hasPorts {
            try forbid(icmp, icmpOnly)
            let range = try required(
                "ports", reason: "a \(number) rule needs ports: a port, a range such as 1024-65535, or all")
            return .ports(number, try range.ports())
        }
        try forbid(ports, "ports apply to tcp and udp only, not to protocol \(number)")
        guard number == .icmp else {
            try forbid(icmp, icmpOnly)
            return .other(number)
        }
        let type = try icmpNumber(self["icmpType"])
        let code = try icmpNumber(self["icmpCode"])
        if code != nil, type == nil, let codeValue = self["icmpCode"] {
            throw .conflict(codeValue.location, message: "an icmpCode needs an icmpType")
        }
        return .icmp(type: type, code: code)
    }

    /// An ICMP type or code: 0-255, or -1 (and absent) for any.
    private func icmpNumber(_ value: YAMLValue?) throws(TopologyFileError) -> UInt8? {
        guard let value else { return nil }
        let number = try value.integer(in: -1...255, "an ICMP type or code from 0 to 255, or -1 for any")
        return number < 0 ? nil : UInt8(number)
    }
}
