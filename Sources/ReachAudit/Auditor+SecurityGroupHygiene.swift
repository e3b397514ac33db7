import ReachGraph
import ReachModel
import ReachNetwork

extension Auditor {
    /// Groups nothing carries, rules naming such groups, and rules other rules cover.
    func securityGroupHygiene(_ context: AuditContext, into sink: inout FindingSink) {
        for group in context.topology.securityGroups {
            // A VPC's default group cannot be deleted: an empty one is not a finding.
            if !group.isDefault, !context.attachedGroups.contains(group.id) {
                sink.report(
                    AuditFinding(
                        rule: .securityGroupUnused, resource: context.ref(group),
                        message: "Security group \(context.ref(group)) is attached to nothing.",
                        evidence: [
                            "no interface, DB, endpoint or load balancer carries it; "
                                + "\(group.ingress.count) ingress and \(group.egress.count) egress rules"
                        ]))
            }
            for direction in [TrafficDirection.ingress, .egress] {
                let rules = group.rules(direction)
                for (index, rule) in rules.enumerated() {
                    let position = "\(direction.rawValue) rule \(index + 1)"
                    // A reference to the group itself matches its own members: if it has none,
                    // the group is unused (or is a VPC's default group, whose rule AWS writes).
                    if case .securityGroup(let peer) = rule.peer, peer != group.id,
                        context.securityGroups[peer] != nil,
                        !context.attachedGroups.contains(peer)
                    {
                        sink.report(
                            AuditFinding(
                                rule: .securityGroupRuleUnused, resource: context.ref(group),
                                message:
                                    "Security group \(context.ref(group)) \(position) names group \(peer), "
                                    + "which nothing carries, so it matches no address.",
                                evidence: ["\(position): \(Self.ruleText(rule, context))"],
                                detail: "\(direction.rawValue)-\(index + 1)"))
                        continue
                    }
                    let covering = Self.coveringRules(of: index, in: rules)
                    guard !covering.isEmpty else { continue }
                    sink.report(
                        AuditFinding(
                            rule: .securityGroupRuleRedundant, resource: context.ref(group),
                            message:
                                "Security group \(context.ref(group)) \(position) admits nothing its other "
                                + "rules do not.",
                            evidence: ["redundant: \(position): \(Self.ruleText(rule, context))"]
                                + covering.map {
                                    "covered by \(direction.rawValue) rule \($0 + 1): \(Self.ruleText(rules[$0], context))"
                                },
                            fix: "Delete \(position) of \(group.id).",
                            detail: "\(direction.rawValue)-\(index + 1)"))
                }
            }
        }
    }

    /// The positions of the rules that together cover rule `index` (empty when they do not).
    /// Security group rules are a union, so a rule is redundant when the others admit all it
    /// admits; of identical rules the first is kept.
    static func coveringRules(of index: Int, in rules: [SecurityGroupRule]) -> [Int] {
        let subject = rules[index]
        guard RuleCoverage.isComparable(subject.match) else { return [] }
        let traffic = TrafficSet(subject.match)
        let others = rules.indices.filter { $0 != index && !($0 > index && rules[$0] == subject) }
        let candidates = others.filter { other in
            !RuleCoverage.coveringTraffic(rules[other].match).intersection(traffic).isEmpty
                && covers(rules[other].peer, subject.peer)
        }
        switch subject.peer {
        case .cidr(let block):
            var boxes: [RuleCoverage.Box] = []
            for other in candidates {
                guard case .cidr(let otherBlock) = rules[other].peer else { continue }
                boxes.append(
                    RuleCoverage.Box(
                        block: otherBlock, traffic: RuleCoverage.coveringTraffic(rules[other].match)))
            }
            return RuleCoverage.isCovered(RuleCoverage.Box(block: block, traffic: traffic), by: boxes)
                ? candidates : []
        case .ipv6CIDR, .prefixList, .securityGroup:
            var union = TrafficSet.empty
            for other in candidates { union = union.union(RuleCoverage.coveringTraffic(rules[other].match)) }
            return traffic.subtracting(union).isEmpty ? candidates : []
        }
    }

    /// Whether a rule with peer `other` admits addresses of every kind `peer` stands for: the
    /// same peer, a CIDR block overlapping a CIDR block, or the whole address space.
    private static func covers(_ other: SecurityGroupPeer, _ peer: SecurityGroupPeer) -> Bool {
        if other == peer { return true }
        switch (other, peer) {
        case (.cidr(let a), .cidr(let b)): return a.overlaps(b)
        case (.cidr(let a), .prefixList), (.cidr(let a), .securityGroup): return a.length == 0
        case (.ipv6CIDR(let a), .ipv6CIDR): return a == "::/0"
        default: return false
        }
    }
}
