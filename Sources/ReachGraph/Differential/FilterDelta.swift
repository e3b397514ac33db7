import ReachModel
import ReachNetwork

/// Where edits to security group rules and network ACL entries can change a verdict: for each
/// edited filter and direction, the peers of the rules or entries added or removed; and the
/// subnets associated with another network ACL than before, whose every ACL verdict may change.
///
/// A network ACL judges a peer by the entries whose CIDR holds it, in rule-number order; an
/// entry added or removed elsewhere leaves that list, and the verdict, as it was. A security
/// group allows the union of its rules that match the peer; rules added or removed elsewhere
/// leave that union as it was. So a recorded check is touched only when its peer's filter
/// class (every address the answer let the peer stand for) meets a changed rule's peer.
struct FilterDelta: FootprintDelta {
    /// Changed rules' peers, per security group direction (`group * 2 + 1` for ingress).
    private var groupPeers: [Int: [CompiledPeer]] = [:]
    /// Changed entries' CIDRs, per network ACL direction (`acl * 2 + 1` for outbound).
    private var aclAddresses: [Int: IPv4AddressSet] = [:]
    /// The subnets of each edited ACL before the edits, found once rather than per destination.
    private var aclSubnets: [Int: [Int]] = [:]
    /// Subnets associated with another network ACL than before.
    private let reassociatedSubnets: [Int]

    private struct RuleKey: Hashable {
        let match: ProtocolMatch
        let peer: CompiledPeer
    }

    private struct EntryKey: Hashable {
        let ruleNumber: Int
        let action: RuleAction
        let match: ProtocolMatch
        let prefix: IPv4Prefix
    }

    init(before: ForwardingGraph, after: ForwardingGraph, edits: GraphEdits) {
        reassociatedSubnets = edits.subnetNetworkACLs
        for group in edits.securityGroups {
            for facing in [TrafficDirection.egress, .ingress] {
                let old = Set(
                    before.securityGroups[group].rules(facing).map { RuleKey(match: $0.match, peer: $0.peer) }
                )
                let new = Set(
                    after.securityGroups[group].rules(facing).map { RuleKey(match: $0.match, peer: $0.peer) })
                let changed = old.symmetricDifference(new)
                if !changed.isEmpty {
                    groupPeers[group * 2 + (facing == .ingress ? 1 : 0)] = Array(Set(changed.map(\.peer)))
                }
            }
        }
        for acl in edits.networkACLs {
            aclSubnets[acl] = before.subnets.indices.filter { before.subnets[$0].networkACL == acl }
            for outbound in [false, true] {
                func keys(_ graph: ForwardingGraph) -> Set<EntryKey> {
                    let entries = graph.networkACLs[acl].entries(outbound: outbound)
                    return Set(
                        entries.map {
                            EntryKey(
                                ruleNumber: $0.ruleNumber, action: $0.action, match: $0.match,
                                prefix: $0.prefix)
                        })
                }
                let changed = keys(before).symmetricDifference(keys(after))
                if !changed.isEmpty {
                    aclAddresses[acl * 2 + (outbound ? 1 : 0)] = IPv4AddressSet(changed.map(\.prefix))
                }
            }
        }
    }

    /// Whether nothing a filter decides changed.
    var isEmpty: Bool { groupPeers.isEmpty && aclAddresses.isEmpty && reassociatedSubnets.isEmpty }

    /// Marks the answers in `index` (over `graph`, the graph before the edits, with its address
    /// `classes`) whose recorded filters meet a changed rule or entry.
    func markTouched(
        _ touched: inout [Bool], in index: FootprintIndex, graph: ForwardingGraph, classes: AddressClasses
    ) {
        for (key, peers) in groupPeers {
            // Changed CIDRs widened to whole filter classes once, so that each entry is one test.
            var reach = IPv4AddressSet()
            var groups: [Int] = []
            for peer in peers {
                switch peer {
                case .addresses(let set): reach = reach.union(classes.widened(set))
                case .group(let referenced): groups.append(referenced)
                case .never: continue
                }
            }
            for entry in index.securityGroups[key] ?? [] where !touched[Int(entry.batch)] {
                if reach.contains(entry.peer) || touches(entry, groups, graph) {
                    touched[Int(entry.batch)] = true
                }
            }
        }
        for (key, changed) in aclAddresses {
            let reach = classes.widened(changed)
            let (acl, outbound) = key.quotientAndRemainder(dividingBy: 2)
            for subnet in aclSubnets[acl] ?? [] {
                for entry in index.networkACLs[subnet * 2 + outbound] ?? [] where reach.contains(entry.peer) {
                    touched[Int(entry.batch)] = true
                }
            }
        }
        for subnet in reassociatedSubnets {
            for key in [subnet * 2, subnet * 2 + 1] {
                for entry in index.networkACLs[key] ?? [] { touched[Int(entry.batch)] = true }
            }
        }
    }

    /// Whether a security group entry may judge its peer otherwise under changed rules that
    /// refer to `groups`.
    private func touches(_ entry: FootprintIndex.Entry, _ groups: [Int], _ graph: ForwardingGraph) -> Bool {
        guard !groups.isEmpty else { return false }
        // Only interfaces carry groups: a peer standing for several addresses stands for
        // interfaces with its own groups (a group of look-alike interfaces) or for none (hosts,
        // sites, the internet). An assumed address may make any peer a member.
        if entry.assumesAddress { return true }
        let vpc = graph.subnets[graph.interfaces[Int(entry.interface)].subnet].vpc
        return groups.contains { graph.address(entry.peer, carries: $0, seenFrom: vpc, assumed: nil) }
    }
}
