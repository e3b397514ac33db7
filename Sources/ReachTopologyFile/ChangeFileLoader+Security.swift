import ReachModel

/// Security group rules of a change file.
extension ChangeKind {
    /// The rules the fields describe: one per peer under `from` (ingress) or `to` (egress).
    func securityGroupRules(_ fields: YAMLMapping) throws(TopologyFileError) -> [SecurityGroupRule] {
        let direction = try fields.direction()
        let peerKey = direction == .ingress ? "from" : "to"
        let otherKey = direction == .ingress ? "to" : "from"
        try fields.forbid(
            otherKey, "an \(direction.rawValue) rule names its peer with '\(peerKey)', not '\(otherKey)'")
        let match = try fields.protocolMatch()
        var description: String?
        if let text = fields["description"] { description = try text.scalarText("a description (text)") }
        let peersValue = try fields.required(peerKey)
        var peerValues = [peersValue]
        if case .sequence = peersValue.node {
            peerValues = try peersValue.list()
            guard !peerValues.isEmpty else {
                throw peersValue.invalid("a CIDR block, a prefix list or a security group, or a list of them")
            }
        }
        var rules: [SecurityGroupRule] = []
        for value in peerValues {
            rules.append(
                SecurityGroupRule(
                    direction: direction, match: match, peer: try peer(value), description: description))
        }
        return rules
    }

    /// A rule's peer as the topology format writes it; a name stays a name until the change is
    /// applied (a prefix list by its `pl-` id, anything else a security group or prefix list).
    private func peer(_ value: YAMLValue) throws(TopologyFileError) -> SecurityGroupPeer {
        let text = try value.name("a CIDR block, a prefix list or a security group")
        if YAMLValue.isIPv6CIDR(text) { return .ipv6CIDR(text) }
        if TopologyBuilder.looksLikeAddress(text) { return .cidr(try value.prefix()) }
        return text.hasPrefix("pl-") ? .prefixList(text) : .securityGroup(text)
    }
}
