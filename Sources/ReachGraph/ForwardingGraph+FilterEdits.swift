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

        var edits = FilterEdits()
        // Borrowed element by element: copying thousands of groups would cost more than the edit.
        let groupsAlike = old.securityGroups.withUnsafeBufferPointer { before in
            topology.securityGroups.withUnsafeBufferPointer { after in
                for index in before.indices where before[index] != after[index] {
                    guard before[index].id == after[index].id, before[index].name == after[index].name,
                        before[index].vpcID == after[index].vpcID,
                        before[index].isDefault == after[index].isDefault,
                        before[index].tags == after[index].tags
                    else { return false }
                    edits.securityGroups.append(index)
                }
                return true
            }
        }
        let aclsAlike = old.networkACLs.withUnsafeBufferPointer { before in
            topology.networkACLs.withUnsafeBufferPointer { after in
                for index in before.indices where before[index] != after[index] {
                    guard before[index].id == after[index].id, before[index].name == after[index].name,
                        before[index].vpcID == after[index].vpcID,
                        before[index].isDefault == after[index].isDefault,
                        before[index].subnetIDs == after[index].subnetIDs,
                        before[index].tags == after[index].tags
                    else { return false }
                    edits.networkACLs.append(index)
                }
                return true
            }
        }
        guard groupsAlike, aclsAlike else { return nil }
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
