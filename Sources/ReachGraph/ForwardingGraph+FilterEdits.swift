import ReachModel
import ReachNetwork

/// The security groups and network ACLs (by graph index) whose rules or entries differ between
/// two versions of a topology that are otherwise the same.
struct FilterEdits {
    var securityGroups: [Int] = []
    var networkACLs: [Int] = []
}

extension ForwardingGraph {
    /// The graph of `topology` made from this one by recompiling only the security groups and
    /// network ACLs whose rules or entries differ, when that is all that differs: the same
    /// groups and ACLs in the same order, with the same names, VPCs and associations, and every
    /// other resource the same. Nil otherwise (or when a new rule refers to a group the graph
    /// does not know), for a full build.
    ///
    /// Boundaries of the new rules are added to the graph's; those of removed rules stay, which
    /// only splits address and port classes finer than needed.
    func patchingFilters(to topology: Topology) -> (graph: ForwardingGraph, edits: FilterEdits)? {
        let old = self.topology
        guard old.securityGroups.count == topology.securityGroups.count,
            old.networkACLs.count == topology.networkACLs.count
        else { return nil }
        // Arrays left untouched share storage, so this comparison is quick.
        var oldRest = old
        var newRest = topology
        oldRest.securityGroups = []
        oldRest.networkACLs = []
        newRest.securityGroups = []
        newRest.networkACLs = []
        guard oldRest == newRest else { return nil }

        // Filters edited in place: the same identity, names and associations, other rules.
        // Between them, identity and rules cover every stored property of a group and an ACL
        // (`IncrementalDiffTests` holds the list, and fails when a property is added).
        guard
            let groups = Self.editedIndices(
                old.securityGroups, topology.securityGroups,
                unchanged: { $0.pointee.isUnchangedCopy(of: $1.pointee) },
                sameIdentity: {
                    $0.pointee.id == $1.pointee.id && $0.pointee.name == $1.pointee.name
                        && $0.pointee.vpcID == $1.pointee.vpcID
                        && $0.pointee.isDefault == $1.pointee.isDefault
                        && $0.pointee.tags == $1.pointee.tags
                },
                sameRules: {
                    $0.pointee.ingress == $1.pointee.ingress && $0.pointee.egress == $1.pointee.egress
                }),
            let acls = Self.editedIndices(
                old.networkACLs, topology.networkACLs, unchanged: { _, _ in false },
                sameIdentity: {
                    $0.pointee.id == $1.pointee.id && $0.pointee.name == $1.pointee.name
                        && $0.pointee.vpcID == $1.pointee.vpcID
                        && $0.pointee.isDefault == $1.pointee.isDefault
                        && $0.pointee.subnetIDs == $1.pointee.subnetIDs && $0.pointee.tags == $1.pointee.tags
                },
                sameRules: { $0.pointee.entries == $1.pointee.entries })
        else { return nil }
        let edits = FilterEdits(securityGroups: groups, networkACLs: acls)
        for index in edits.securityGroups {
            for rule in topology.securityGroups[index].ingress + topology.securityGroups[index].egress {
                if case .securityGroup(let id) = rule.peer, groupIndex[id] == nil { return nil }
            }
        }

        var patched = self
        patched.topology = topology
        var builder = ForwardingGraphBuilder(topology)
        let described = topology.securityGroups.count
        for index in edits.securityGroups {
            patched.securityGroups[index] = builder.compileSecurityGroup(
                topology.securityGroups[index],
                groupName: { id in
                    groupIndex[id].flatMap { $0 < described ? securityGroups[$0].ref.name : nil }
                }, self)
        }
        for index in edits.networkACLs {
            patched.networkACLs[index] = builder.compileNetworkACL(topology.networkACLs[index])
        }
        patched.filterBoundaries = filterBoundaries.merging(builder.boundaries)
        patched.addressBoundaries = addressBoundaries.merging(builder.boundaries)
        patched.portBoundaries = portBoundaries.merging(builder.portBoundaries)
        return (patched, edits)
    }
}

extension ForwardingGraph {
    /// The positions where `after` has other rules than `before` (arrays of equal length), or
    /// nil when an element is not `sameIdentity` with its counterpart. Elements are compared in
    /// place through pointers, property by property: copying thousands of groups, as comparing
    /// whole values does, would cost more than the edit. Elements the edit left alone are
    /// `unchanged` copies (one storage reference) or share their properties' storage with the
    /// old ones, so most comparisons stop at that.
    fileprivate static func editedIndices<Element>(
        _ before: [Element], _ after: [Element],
        unchanged: (UnsafePointer<Element>, UnsafePointer<Element>) -> Bool,
        sameIdentity: (UnsafePointer<Element>, UnsafePointer<Element>) -> Bool,
        sameRules: (UnsafePointer<Element>, UnsafePointer<Element>) -> Bool
    ) -> [Int]? {
        before.withUnsafeBufferPointer { old in
            after.withUnsafeBufferPointer { new in
                guard let oldBase = old.baseAddress, let newBase = new.baseAddress else { return [] }
                var edited: [Int] = []
                for index in old.indices where !unchanged(oldBase + index, newBase + index) {
                    guard sameIdentity(oldBase + index, newBase + index) else { return nil }
                    if !sameRules(oldBase + index, newBase + index) { edited.append(index) }
                }
                return edited
            }
        }
    }
}

extension Array where Element: Comparable & Hashable {
    /// This sorted array with the values of `extra` it lacks inserted (an edit adds a few).
    fileprivate func merging(_ extra: Set<Element>) -> [Element] {
        let missing = extra.filter { value in
            let index = partitionPoint { $0 >= value }
            return index == count || self[index] != value
        }
        guard !missing.isEmpty else { return self }
        guard missing.count <= 64 else { return (self + missing).sorted() }
        var result = self
        for value in missing {
            result.insert(value, at: result.partitionPoint { $0 >= value })
        }
        return result
    }
}
