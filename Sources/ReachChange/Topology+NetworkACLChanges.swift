import ReachModel

/// Network ACL entries (subnet associations: `Topology+SubnetAssociations.swift`).
extension Topology {
    /// The rule numbers AWS accepts for network ACL entries.
    static let aclRuleNumbers = 1...32766

    /// Applies ``TopologyChange/addNetworkACLEntry(acl:entry:)``.
    mutating func addNetworkACLEntry(
        acl: String, entry: NetworkACLEntry, _ item: ChangeSet.Item
    ) throws(TopologyChangeError) {
        let index = try item.index(of: acl, in: networkACLs)
        guard Self.aclRuleNumbers.contains(entry.ruleNumber) else {
            throw .invalidValue(item, expected: "a rule number from 1 to 32766", found: "\(entry.ruleNumber)")
        }
        // AWS rejects a rule number already used in that direction.
        if let existing = networkACLs[index].entries.first(where: {
            $0.direction == entry.direction && $0.ruleNumber == entry.ruleNumber
        }) {
            throw .duplicate(
                item, resource: ResourceRef(.networkACL, networkACLs[index].id),
                what: "\(existing.ruleName): \(existing.verdictSummary)")
        }
        networkACLs[index].entries.append(entry)
    }

    /// Applies ``TopologyChange/removeNetworkACLEntry(acl:direction:ruleNumber:)``.
    mutating func removeNetworkACLEntry(
        acl: String, direction: TrafficDirection, ruleNumber: Int, _ item: ChangeSet.Item
    ) throws(TopologyChangeError) {
        let index = try item.index(of: acl, in: networkACLs)
        func isTarget(_ entry: NetworkACLEntry) -> Bool {
            entry.direction == direction && entry.ruleNumber == ruleNumber
        }
        guard networkACLs[index].entries.contains(where: isTarget) else {
            throw .absent(
                item, resource: ResourceRef(.networkACL, networkACLs[index].id),
                what: "\(TopologyChange.aclSide(direction)) rule \(ruleNumber)")
        }
        networkACLs[index].entries.removeAll(where: isTarget)
    }
}
