import ReachModel
import ReachNetwork

/// Network ACL directions and security groups numbered by what they do once their CIDRs have
/// been matched: two with equal shapes (the same protocol matches and actions, in order) give
/// equal results for equal sets of matching entries, whatever their CIDRs. The estate's VPCs
/// each have their own ACLs and groups built from the same templates, so the result for one
/// serves them all.
struct FilterShapes {
    /// The shape of each network ACL's inbound (`acl * 2`) and outbound (`acl * 2 + 1`) entries.
    private(set) var networkACLs: [Int]
    /// The shape of each security group's egress (`group * 2`) and ingress (`group * 2 + 1`) rules.
    private(set) var securityGroups: [Int]

    private struct ACLEntryShape: Hashable {
        let action: RuleAction
        let match: ProtocolMatch
    }

    init(graph: ForwardingGraph) {
        var aclIDs: [[ACLEntryShape]: Int] = [:]
        var acls: [Int] = []
        acls.reserveCapacity(graph.networkACLs.count * 2)
        for acl in graph.networkACLs {
            for entries in [acl.inbound, acl.outbound] {
                let shape = entries.map { ACLEntryShape(action: $0.action, match: $0.match) }
                acls.append(Self.id(of: shape, in: &aclIDs))
            }
        }
        networkACLs = acls
        var groupIDs: [[ProtocolMatch]: Int] = [:]
        var groups: [Int] = []
        groups.reserveCapacity(graph.securityGroups.count * 2)
        for group in graph.securityGroups {
            for rules in [group.egress, group.ingress] {
                groups.append(Self.id(of: rules.map(\.match), in: &groupIDs))
            }
        }
        securityGroups = groups
    }

    /// These shapes with each filter in `edits` given shapes of its own: an edited filter
    /// shares results with no other.
    func isolating(_ edits: GraphEdits) -> FilterShapes {
        var result = self
        var next = max(networkACLs.max() ?? -1, securityGroups.max() ?? -1) + 1
        for acl in edits.networkACLs {
            for position in [acl * 2, acl * 2 + 1] {
                result.networkACLs[position] = next
                next += 1
            }
        }
        for group in edits.securityGroups {
            for position in [group * 2, group * 2 + 1] {
                result.securityGroups[position] = next
                next += 1
            }
        }
        return result
    }

    private static func id<Shape: Hashable>(of shape: Shape, in ids: inout [Shape: Int]) -> Int {
        if let id = ids[shape] { return id }
        ids[shape] = ids.count
        return ids.count - 1
    }

    /// The shape of one direction of network ACL `acl`.
    func networkACL(_ acl: Int, outbound: Bool) -> Int { networkACLs[acl * 2 + (outbound ? 1 : 0)] }

    /// The shape of the rules of security group `group` facing one way.
    func securityGroup(_ group: Int, _ facing: TrafficDirection) -> Int {
        securityGroups[group * 2 + (facing == .ingress ? 1 : 0)]
    }
}
