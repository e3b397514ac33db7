import PropertyBased
import ReachModel
import ReachNetwork
import Testing

@testable import ReachGraph

/// Filter edits a what-if may ask about, made straight on a topology: each is one security
/// group rule or network ACL entry added or removed.
private struct FilterEdit: CustomStringConvertible {
    let description: String
    let apply: (inout Topology) -> Void

    /// Edits of every kind for each of the first groups and ACLs of `topology`.
    static func samples(for topology: Topology, limit: Int = 6) -> [FilterEdit] {
        var edits: [FilterEdit] = []
        let anywhere = IPv4Prefix(containing: IPv4Address(0), length: 0)
        let tenSlash8 = IPv4Prefix(containing: IPv4Address(0x0A00_0000), length: 8)
        let narrow = IPv4Prefix(containing: IPv4Address(0x0A00_0100), length: 28)
        for (index, group) in topology.securityGroups.enumerated().prefix(limit) {
            let port = topology.dbInstances.first?.port ?? 5432
            edits.append(
                FilterEdit(description: "\(group.name): ingress tcp \(port) from 0.0.0.0/0") {
                    $0.securityGroups[index].ingress.append(
                        SecurityGroupRule(
                            direction: .ingress, match: .ports(.tcp, PortRange(port)), peer: .cidr(anywhere)))
                })
            edits.append(
                FilterEdit(description: "\(group.name): ingress all from 10.0.1.0/28") {
                    $0.securityGroups[index].ingress.append(
                        SecurityGroupRule(direction: .ingress, match: .all, peer: .cidr(narrow)))
                })
            if !group.ingress.isEmpty {
                edits.append(
                    FilterEdit(description: "\(group.name): first ingress rule removed") {
                        // Applied twice (a pair may pick it twice), the second finds it gone.
                        $0.securityGroups[index].ingress = Array($0.securityGroups[index].ingress.dropFirst())
                    })
            }
            if !group.egress.isEmpty {
                edits.append(
                    FilterEdit(description: "\(group.name): egress rules removed") {
                        $0.securityGroups[index].egress.removeAll()
                    })
            }
            if let other = topology.securityGroups.first(where: {
                $0.id != group.id && $0.vpcID == group.vpcID
            }) {
                edits.append(
                    FilterEdit(description: "\(group.name): ingress all from group \(other.name)") {
                        $0.securityGroups[index].ingress.append(
                            SecurityGroupRule(
                                direction: .ingress, match: .all, peer: .securityGroup(other.id)))
                    })
            }
        }
        for (index, acl) in topology.networkACLs.enumerated().prefix(limit) {
            for direction in [TrafficDirection.ingress, .egress] {
                edits.append(
                    FilterEdit(description: "\(acl.name): \(direction) rule 1 deny all 10.0.0.0/8") {
                        $0.networkACLs[index].entries.append(
                            NetworkACLEntry(
                                ruleNumber: 1, direction: direction, action: .deny, match: .all,
                                cidrBlock: tenSlash8))
                    })
            }
            if !acl.entries.isEmpty {
                edits.append(
                    FilterEdit(description: "\(acl.name): first entry removed") {
                        $0.networkACLs[index].entries = Array($0.networkACLs[index].entries.dropFirst())
                    })
            }
        }
        return edits
    }
}

/// `what-if` re-answers a change to filters from a kept baseline, analysing again only the
/// sources whose recorded filters meet a changed rule; the answer must be the full differ's.
@Suite("Incremental what-if")
struct IncrementalDiffTests {
    private static let designs = [
        "three-tier.yaml", "public-db.yaml", "peering.yaml", "tgw-hub.yaml", "return-nacl.yaml",
        "privatelink.yaml", "hybrid-aurora.yaml", "tgw-inspection.yaml", "audit-gallery.yaml",
    ]

    @Test("every sampled filter edit on a bundled design gives the full differ's answer", arguments: designs)
    func bundledEditsMatchTheFullDiffer(design: String) throws {
        let net = try TestNetwork(bundled: design)
        let before = net.graph.topology
        let baseline = try ReachabilityBaseline(graph: net.graph)
        var changed = 0
        for edit in FilterEdit.samples(for: before) {
            var after = before
            edit.apply(&after)
            #expect(baseline.isAnsweredIncrementally(after: after), "\(design): \(edit)")
            let incremental = try baseline.diff(after: after)
            let full = try ReachabilityDiffer(before: net.graph, after: ForwardingGraph(after)).diff()
            #expect(incremental == full, "\(design): \(edit)")
            if !full.isEmpty { changed += 1 }
        }
        // The edits do change something on every design, so the comparison is not vacuous.
        #expect(changed > 0, "\(design)")
    }

    @Test("the one-shot what-if gives the full differ's answer, destination by destination")
    func oneShotMatchesTheFullDiffer() throws {
        let net = try TestNetwork(bundled: "three-tier.yaml")
        for edit in FilterEdit.samples(for: net.graph.topology) {
            var after = net.graph.topology
            edit.apply(&after)
            let selector = try EndpointSelector("kind:eni")
            #expect(
                try ReachabilityBaseline.diff(from: net.graph, to: after, destinations: selector)
                    == ReachabilityDiffer(before: net.graph, after: ForwardingGraph(after)).diff(to: selector),
                "\(edit)")
        }
    }

    @Test("the rule that opens a public DB to the internet: one change, found incrementally")
    func openingRuleFoundIncrementally() throws {
        let net = try TestNetwork(bundled: "public-db.yaml")
        let baseline = try ReachabilityBaseline(graph: net.graph)
        var after = net.graph.topology
        let index = try #require(after.securityGroups.firstIndex { $0.name == "reports-db-sg" })
        after.securityGroups[index].ingress.append(
            SecurityGroupRule(
                direction: .ingress, match: .ports(.tcp, PortRange(3306)),
                peer: .cidr(IPv4Prefix(containing: IPv4Address(0), length: 0))))
        #expect(baseline.isAnsweredIncrementally(after: after))
        let diff = try baseline.diff(after: after)
        let change = try #require(diff.changes.first)
        #expect(diff.changes.count == 1)
        #expect(change.kind == .becomesReachable && change.sourceKind == .internet)
        #expect(change.trace?.verdict == .reachable)
    }

    @Test("a change to routes is answered by a full rebuild, with the same answer")
    func routeChangeFallsBack() throws {
        let net = try TestNetwork(bundled: "three-tier.yaml")
        let baseline = try ReachabilityBaseline(graph: net.graph)
        var after = net.graph.topology
        let table = try #require(after.routeTables.firstIndex { !$0.routes.isEmpty })
        after.routeTables[table].routes.removeAll()
        #expect(!baseline.isAnsweredIncrementally(after: after))
        #expect(
            try baseline.diff(after: after)
                == ReachabilityDiffer(before: net.graph, after: ForwardingGraph(after)).diff())
    }

    @Test("an unchanged topology changes nothing")
    func unchangedTopology() throws {
        let net = try TestNetwork(bundled: "tgw-hub.yaml")
        let baseline = try ReachabilityBaseline(graph: net.graph)
        let diff = try baseline.diff(after: net.graph.topology)
        #expect(diff.isEmpty)
        #expect(!diff.destinations.isEmpty)
    }

    @Test("the edit check compares every stored property of a security group and a network ACL")
    func editCheckCoversEveryProperty() throws {
        // `ForwardingGraph.patchingFilters(to:)` compares groups and ACLs property by property;
        // a property added to either must be added there too (as identity or as rules).
        let topology = try TestNetwork(bundled: "tgw-hub.yaml").graph.topology
        let group = try #require(topology.securityGroups.first)
        let acl = try #require(topology.networkACLs.first)
        // A group keeps its properties behind a copy-on-write reference: group.storage.properties.
        let storage = try #require(Mirror(reflecting: group).children.first { $0.label == "storage" })
        let properties = try #require(
            Mirror(reflecting: storage.value).children.first { $0.label == "properties" })
        #expect(
            Mirror(reflecting: properties.value).children.compactMap(\.label)
                == ["id", "name", "vpcID", "isDefault", "ingress", "egress", "tags"])
        #expect(Mirror(reflecting: group).children.count == 1)
        #expect(
            Mirror(reflecting: acl).children.compactMap(\.label)
                == ["id", "name", "vpcID", "isDefault", "subnetIDs", "entries", "tags"])
        // A change to a property that names the filter is not an edit in place.
        var renamed = topology
        renamed.securityGroups[0].name += "-renamed"
        #expect(ForwardingGraph(topology).patchingFilters(to: renamed) == nil)
        var reassociated = topology
        reassociated.networkACLs[0].subnetIDs.append("subnet-elsewhere")
        #expect(ForwardingGraph(topology).patchingFilters(to: reassociated) == nil)
    }

    @Test("a patched graph judges flows as a rebuilt one does", arguments: designs)
    func patchedGraphMatchesRebuilt(design: String) throws {
        let net = try TestNetwork(bundled: design)
        for edit in FilterEdit.samples(for: net.graph.topology, limit: 2) {
            var after = net.graph.topology
            edit.apply(&after)
            let patched = try #require(net.graph.patchingFilters(to: after)).graph
            let rebuilt = ForwardingGraph(after)
            #expect(patched.filterBoundaries.count >= rebuilt.filterBoundaries.count)
            let patchedAnalyzer = ReachabilityAnalyzer(graph: patched)
            let rebuiltAnalyzer = ReachabilityAnalyzer(graph: rebuilt)
            for destination in try EndpointSelector("kind:db").endpoints(in: rebuilt) {
                #expect(
                    patchedAnalyzer.whoCanReach(destination) == rebuiltAnalyzer.whoCanReach(destination),
                    "\(design): \(edit)")
            }
        }
    }

    @Test("random filter edits on random networks give the full differ's answer", .shrinking(false))
    func randomEdits() async {
        await propertyCheck(count: 30, input: Gen.uint8().array(of: 60...180)) { bytes in
            let network = RandomNetwork(bytes: bytes)
            let net = try TestNetwork(network.yaml)
            let selector = try EndpointSelector("kind:db")
            let baseline = try ReachabilityBaseline(graph: net.graph, destinations: selector)
            let edits = FilterEdit.samples(for: net.graph.topology, limit: 3)
            guard !edits.isEmpty else { return }
            // The last bytes pick two edits, applied together.
            let first = edits[Int(bytes[bytes.count - 1]) % edits.count]
            let second = edits[Int(bytes[bytes.count - 2]) % edits.count]
            var after = net.graph.topology
            first.apply(&after)
            second.apply(&after)
            #expect(
                try baseline.diff(after: after)
                    == ReachabilityDiffer(before: net.graph, after: ForwardingGraph(after)).diff(to: selector),
                "\(first); \(second) in:\n\(network.yaml)")
        }
    }
}
