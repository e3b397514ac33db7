import ReachGraph
import ReachModel
import ReachNetwork

extension Auditor {
    /// DB subnets whose network ACL lets every protocol and port in from every address.
    func networkACLsOfDBSubnets(_ context: AuditContext, into sink: inout FindingSink) {
        var subnetDBs: [String: [DBInstance]] = [:]
        var order: [String] = []
        for db in context.topology.dbInstances {
            for subnet in context.subnetIDs(of: db) {
                if subnetDBs[subnet] == nil { order.append(subnet) }
                subnetDBs[subnet, default: []].append(db)
            }
        }
        for subnetID in order {
            guard let acl = context.aclOfSubnet[subnetID] else { continue }
            let inbound = Self.orderedEntries(acl, .ingress)
            // An entry naming an ICMP code is not tracked exactly: do not claim "everything".
            if inbound.contains(where: { $0.action == .deny && !RuleCoverage.isComparable($0.match) }) {
                continue
            }
            let boxes = inbound.map {
                (
                    box: RuleCoverage.Box(block: $0.cidrBlock, traffic: TrafficSet($0.match)),
                    allows: $0.action == .allow
                )
            }
            guard RuleCoverage.allowsEverything(boxes) else { continue }
            let subnetName = context.subnets[subnetID].map { AuditContext.label($0.name, $0.id) } ?? subnetID
            let names = (subnetDBs[subnetID] ?? []).map { context.ref($0).description }.joined(
                separator: ", ")
            var evidence = ["subnet \(subnetName) holds (or may hold) \(names)"]
            evidence += inbound.map {
                "inbound \($0.ruleNumber): \($0.action.rawValue) \($0.match) from \($0.cidrBlock)"
            }
            sink.report(
                AuditFinding(
                    rule: .networkACLAllowsAllIntoDBSubnet, resource: context.ref(acl),
                    message:
                        "Network ACL \(context.ref(acl)) lets all traffic from anywhere into DB subnet \(subnetName).",
                    evidence: evidence, detail: subnetID))
        }
    }

    /// Entries shadowed by lower-numbered ones, and ACLs no subnet uses.
    func networkACLHygiene(_ context: AuditContext, into sink: inout FindingSink) {
        for acl in context.topology.networkACLs {
            if !acl.isDefault, acl.subnetIDs.isEmpty {
                sink.report(
                    AuditFinding(
                        rule: .networkACLUnused, resource: context.ref(acl),
                        message: "Network ACL \(context.ref(acl)) is associated with no subnet.",
                        evidence: ["no subnet association; \(acl.entries.count) entries"]))
            }
            for direction in [TrafficDirection.ingress, .egress] {
                shadowedEntries(acl, direction, context, into: &sink)
            }
        }
    }

    private func shadowedEntries(
        _ acl: NetworkACL, _ direction: TrafficDirection, _ context: AuditContext,
        into sink: inout FindingSink
    ) {
        let entries = Self.orderedEntries(acl, direction)
        var earlier: [RuleCoverage.Box] = []
        for (position, entry) in entries.enumerated() {
            defer {
                earlier.append(
                    RuleCoverage.Box(
                        block: entry.cidrBlock, traffic: RuleCoverage.coveringTraffic(entry.match)))
            }
            // The final catch-all deny (`*`) is AWS's own and cannot be removed.
            guard entry.ruleNumber < 32767, RuleCoverage.isComparable(entry.match),
                RuleCoverage.isCovered(
                    RuleCoverage.Box(block: entry.cidrBlock, traffic: TrafficSet(entry.match)), by: earlier)
            else { continue }
            let shadowing = entries[..<position].filter {
                $0.cidrBlock.overlaps(entry.cidrBlock)
                    && !RuleCoverage.coveringTraffic($0.match).intersection(TrafficSet(entry.match)).isEmpty
            }
            let contrary = shadowing.contains { $0.action != entry.action }
            let side = direction == .ingress ? "inbound" : "outbound"
            let describe = { (e: NetworkACLEntry) in
                "\(side) \(e.ruleNumber): \(e.action.rawValue) \(e.match) \(direction == .ingress ? "from" : "to") \(e.cidrBlock)"
            }
            sink.report(
                AuditFinding(
                    rule: .networkACLEntryShadowed, resource: context.ref(acl),
                    message:
                        "Network ACL \(context.ref(acl)) \(side) entry \(entry.ruleNumber) never takes effect"
                        + (contrary ? ": lower-numbered entries decide its traffic the other way." : "."),
                    evidence: ["shadowed: " + describe(entry)]
                        + shadowing.map { "decided first by " + describe($0) },
                    fix: contrary
                        ? "Renumber entry \(entry.ruleNumber) below the entries that shadow it if it is meant to decide, or delete it."
                        : "Delete \(side) entry \(entry.ruleNumber); the entries before it already decide the same way.",
                    detail: "\(side)-\(entry.ruleNumber)"))
        }
    }

    /// The entries facing `direction`, in evaluation order.
    static func orderedEntries(_ acl: NetworkACL, _ direction: TrafficDirection) -> [NetworkACLEntry] {
        acl.entries.filter { $0.direction == direction }.sorted { $0.ruleNumber < $1.ruleNumber }
    }
}
