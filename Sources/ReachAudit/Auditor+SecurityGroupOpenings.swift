import ReachGraph
import ReachModel
import ReachNetwork

extension Auditor {
    /// Ingress rules of DBs' security groups that admit a DB port from the whole internet or
    /// from a very wide block.
    func securityGroupOpenings(_ context: AuditContext, into sink: inout FindingSink) {
        // Security group id → the DBs that carry it, in topology order.
        var guarded: [String: [DBInstance]] = [:]
        var order: [String] = []
        for db in context.topology.dbInstances {
            for id in db.securityGroupIDs {
                if guarded[id] == nil { order.append(id) }
                guarded[id, default: []].append(db)
            }
        }
        for id in order {
            guard let group = context.securityGroups[id], let dbs = guarded[id] else { continue }
            let ports = IntervalSet(dbs.map { $0.port...$0.port })
            for (index, rule) in group.ingress.enumerated() {
                let traffic = TrafficSet(rule.match)
                let opened = traffic.tcpPorts.intersection(ports)
                guard !opened.isEmpty else { continue }
                let blocks = Self.blocks(of: rule.peer, context)
                let world = blocks.filter { $0 == "0.0.0.0/0" || $0 == "::/0" }
                let wide = blocks.filter { block in
                    guard !world.contains(block), let prefix = IPv4Prefix(block) else { return false }
                    return prefix.length < context.policy.wideCIDRPrefixLength
                }
                guard !world.isEmpty || !wide.isEmpty else { continue }
                let allPorts = traffic.tcpPorts == .full
                let names = dbs.map { context.ref($0).description }.joined(separator: ", ")
                let what = allPorts ? "every port" : "port \(opened.rangeList)"
                var evidence = [
                    "ingress rule \(index + 1): \(Self.ruleText(rule, context))", "carried by \(names)",
                ]
                if case .prefixList(let list) = rule.peer {
                    evidence.append("prefix list \(list) holds \((world + wide).joined(separator: ", "))")
                }
                let rule: AuditRule = world.isEmpty ? .securityGroupOpenToWideCIDR : .securityGroupOpenToWorld
                let from = world.isEmpty ? wide.joined(separator: ", ") : world.joined(separator: ", ")
                sink.report(
                    AuditFinding(
                        rule: rule, resource: context.ref(group),
                        message:
                            "Security group \(context.ref(group)) admits \(what) of \(names) from \(from).",
                        evidence: evidence,
                        fix: "Replace ingress rule \(index + 1) of \(group.id) with one whose source is the "
                            + "application tier's security group or its exact CIDR blocks.",
                        detail: "ingress-\(index + 1)"))
            }
        }
    }

    /// The address blocks a rule's peer stands for, as text (IPv6 blocks as written).
    static func blocks(of peer: SecurityGroupPeer, _ context: AuditContext) -> [String] {
        switch peer {
        case .cidr(let prefix): ["\(prefix)"]
        case .ipv6CIDR(let block): [block]
        case .prefixList(let id): context.prefixLists[id]?.cidrBlocks.map { "\($0)" } ?? []
        case .securityGroup: []
        }
    }

    /// `tcp 5432 from 10.0.0.0/16` and the like.
    static func ruleText(_ rule: SecurityGroupRule, _ context: AuditContext) -> String {
        let peer: String
        switch rule.peer {
        case .cidr(let prefix): peer = "\(prefix)"
        case .ipv6CIDR(let block): peer = block
        case .prefixList(let id): peer = "prefix list \(id)"
        case .securityGroup(let id):
            peer =
                "security group \(context.securityGroups[id].map { AuditContext.label($0.name, $0.id) } ?? id)"
        }
        let side = rule.direction == .ingress ? "from" : "to"
        return "\(rule.match) \(side) \(peer)"
    }
}
