import ReachModel
import ReachNetwork

/// Evaluates recorded filters for every protocol and port at once: a network ACL or a set of
/// security groups, judged for fixed addresses, becomes the ``TrafficSet`` it lets through.
///
/// Results are cached by which entries or rules matched the addresses, not by the addresses
/// themselves: thousands of sources in the same address class hit the same few entries.
struct FilterEvaluator {
    let graph: ForwardingGraph
    /// An address assumed for a DB endpoint whose address the input does not give.
    var assumed: (address: IPv4Address, interface: Int)?

    private var aclCache: [ACLMatchKey: TrafficSet] = [:]
    private var groupCache: [GroupMatchKey: TrafficSet] = [:]
    private var ruleSets: [ProtocolMatch: TrafficSet] = [:]

    /// Network ACL entries that matched, by rule position: the key of a cached verdict.
    private struct ACLMatchKey: Hashable {
        let acl: Int
        let outbound: Bool
        let matched: [UInt64]
    }

    /// Security group rules that matched, by rule position.
    private struct GroupMatchKey: Hashable {
        let group: Int
        let facing: TrafficDirection
        let matched: [UInt64]
    }

    init(graph: ForwardingGraph, assumed: (address: IPv4Address, interface: Int)? = nil) {
        self.graph = graph
        self.assumed = assumed
    }

    /// What a filter lets through: `allowed` for certain, `notDenied` including what unknown
    /// rules might allow.
    struct Admitted {
        var allowed: TrafficSet
        var notDenied: TrafficSet
        var unknownReason: ReasonCode?
    }

    mutating func evaluate(_ check: FilterCheck) -> Admitted {
        switch check {
        case .networkACL(let subnet, let outbound, let peer, _):
            let acl = graph.subnets[subnet].networkACL
            guard acl >= 0 else {
                return Admitted(allowed: .empty, notDenied: .all, unknownReason: .unknownResource)
            }
            let allowed = networkACL(acl, outbound: outbound, peer: peer)
            return Admitted(allowed: allowed, notDenied: allowed)
        case .securityGroups(let interface, let facing, let peer):
            return securityGroups(of: interface, facing: facing, peer: peer)
        }
    }

    private mutating func traffic(of match: ProtocolMatch) -> TrafficSet {
        if let cached = ruleSets[match] { return cached }
        let set = TrafficSet(match)
        ruleSets[match] = set
        return set
    }

    /// S-NACL-2: entries in rule-number order; the first that matches a packet decides it.
    private mutating func networkACL(_ index: Int, outbound: Bool, peer: IPv4Address) -> TrafficSet {
        let entries = outbound ? graph.networkACLs[index].outbound : graph.networkACLs[index].inbound
        var matched = [UInt64](repeating: 0, count: (entries.count + 63) / 64)
        for (position, entry) in entries.enumerated() where entry.prefix.contains(peer) {
            matched[position / 64] |= 1 << UInt64(position % 64)
        }
        let key = ACLMatchKey(acl: index, outbound: outbound, matched: matched)
        if let cached = aclCache[key] { return cached }
        var remaining = TrafficSet.all
        var allowed = TrafficSet.empty
        for (position, entry) in entries.enumerated()
        where matched[position / 64] & (1 << UInt64(position % 64)) != 0 {
            let hit = remaining.intersection(traffic(of: entry.match))
            if hit.isEmpty { continue }
            if entry.action == .allow { allowed = allowed.union(hit) }
            remaining = remaining.subtracting(hit)
            if remaining.isEmpty { break }
        }
        aclCache[key] = allowed
        return allowed
    }

    /// S-SG-1: the union of the rules of every group on the interface that match the peer; a
    /// group the input does not describe may allow anything.
    private mutating func securityGroups(of index: Int, facing: TrafficDirection, peer: IPv4Address)
        -> Admitted
    {
        let interface = graph.interfaces[index]
        guard !interface.securityGroups.isEmpty else { return Admitted(allowed: .all, notDenied: .all) }
        let here = graph.subnets[interface.subnet].vpc
        var allowed = TrafficSet.empty
        var anyUnknown = false
        for group in interface.securityGroups {
            let compiled = graph.securityGroups[group]
            if !compiled.isKnown { anyUnknown = true }
            let rules = compiled.rules(facing)
            var matched = [UInt64](repeating: 0, count: (rules.count + 63) / 64)
            for (position, rule) in rules.enumerated() where peerMatches(rule.peer, peer, here) {
                matched[position / 64] |= 1 << UInt64(position % 64)
            }
            let key = GroupMatchKey(group: group, facing: facing, matched: matched)
            let groupAllowed: TrafficSet
            if let cached = groupCache[key] {
                groupAllowed = cached
            } else {
                var union = TrafficSet.empty
                for (position, rule) in rules.enumerated()
                where matched[position / 64] & (1 << UInt64(position % 64)) != 0 {
                    union = union.union(traffic(of: rule.match))
                }
                groupCache[key] = union
                groupAllowed = union
            }
            allowed = allowed.isEmpty ? groupAllowed : allowed.union(groupAllowed)
        }
        if anyUnknown { return Admitted(allowed: allowed, notDenied: .all, unknownReason: .unknownResource) }
        return Admitted(allowed: allowed, notDenied: allowed)
    }

    private func peerMatches(_ peer: CompiledPeer, _ address: IPv4Address, _ vpc: Int) -> Bool {
        switch peer {
        case .addresses(let set): set.contains(address)
        case .never: false
        case .group(let group): graph.address(address, carries: group, seenFrom: vpc, assumed: assumed)
        }
    }
}
