import ReachModel

/// Adding and removing security group rules.
extension Topology {
    /// Applies ``TopologyChange/addSecurityGroupRule(group:rule:)``.
    mutating func addSecurityGroupRule(
        group: String, rule: SecurityGroupRule, _ item: ChangeSet.Item
    ) throws(TopologyChangeError) {
        let index = try item.index(of: group, in: securityGroups)
        var added = rule
        added.peer = try resolvedPeer(rule.peer, vpcID: securityGroups[index].vpcID, item)
        // AWS rejects a rule whose protocol, ports and peer are already allowed.
        if securityGroups[index].rules(rule.direction).contains(where: { $0.isSamePermission(as: added) }) {
            throw .duplicate(
                item, resource: ResourceRef(.securityGroup, securityGroups[index].id),
                what: added.summary)
        }
        switch rule.direction {
        case .ingress: securityGroups[index].ingress.append(added)
        case .egress: securityGroups[index].egress.append(added)
        }
    }

    /// Applies ``TopologyChange/removeSecurityGroupRule(group:rule:)``.
    mutating func removeSecurityGroupRule(
        group: String, rule: SecurityGroupRule, _ item: ChangeSet.Item
    ) throws(TopologyChangeError) {
        let index = try item.index(of: group, in: securityGroups)
        var removed = rule
        removed.peer = try resolvedPeer(rule.peer, vpcID: securityGroups[index].vpcID, item)
        let before = securityGroups[index].rules(rule.direction).count
        switch rule.direction {
        case .ingress: securityGroups[index].ingress.removeAll { $0.isSamePermission(as: removed) }
        case .egress: securityGroups[index].egress.removeAll { $0.isSamePermission(as: removed) }
        }
        if securityGroups[index].rules(rule.direction).count == before {
            throw .absent(
                item, resource: ResourceRef(.securityGroup, securityGroups[index].id),
                what: removed.summary)
        }
    }

    /// `peer` with a group or prefix list named by its id. A group name is looked up among the
    /// groups of `vpcID` first: every VPC has one called `default`.
    private func resolvedPeer(
        _ peer: SecurityGroupPeer, vpcID: String, _ item: ChangeSet.Item
    ) throws(TopologyChangeError) -> SecurityGroupPeer {
        typealias Item = ChangeSet.Item
        switch peer {
        case .cidr, .ipv6CIDR:
            return peer
        case .prefixList(let reference):
            let lists = Item.candidates(prefixLists, matching: reference) { _, list in
                SecurityGroupPeer.prefixList(list.id)
            }
            return try item.pick(reference, kinds: [.prefixList], among: lists)
        case .securityGroup(let reference):
            let kinds: [ResourceKind] = [.securityGroup, .prefixList]
            let lists = Item.candidates(prefixLists, matching: reference) { _, list in
                SecurityGroupPeer.prefixList(list.id)
            }
            let groups = Item.candidates(securityGroups, matching: reference) { _, group in
                SecurityGroupPeer.securityGroup(group.id)
            }
            let local = Item.candidates(securityGroups, matching: reference) { _, group in
                group.vpcID == vpcID ? SecurityGroupPeer.securityGroup(group.id) : nil
            }
            do throws(TopologyChangeError) {
                return try item.pick(reference, kinds: kinds, among: local + lists)
            } catch .unknownResource {
                return try item.pick(reference, kinds: kinds, among: groups + lists)
            }
        }
    }
}

extension SecurityGroupRule {
    /// Whether the two rules allow the same traffic: the description does not count.
    func isSamePermission(as other: SecurityGroupRule) -> Bool {
        direction == other.direction && match == other.match && peer == other.peer
    }
}
