import PropertyBased
import ReachModel
import ReachNetwork
import Testing

@testable import ReachGraph

/// Filter edits a what-if may ask about, made straight on a topology: each is one security
/// group rule or network ACL entry added or removed, or subnets associated with another ACL.
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
            if !acl.subnetIDs.isEmpty {
                edits.append(
                    FilterEdit(
                        description: "\(acl.name): associations dropped (its subnets get the default ACL)"
                    ) {
                        $0.networkACLs[index].subnetIDs.removeAll()
                    })
            }
            // Another ACL's subnets of the same VPC moved to this one.
            if let other = topology.networkACLs.firstIndex(where: {
                $0.id != acl.id && $0.vpcID == acl.vpcID && !$0.subnetIDs.isEmpty
            }) {
                edits.append(
                    FilterEdit(
                        description: "\(acl.name): subnets of \(topology.networkACLs[other].name) moved here"
                    ) {
                        $0.networkACLs[index].subnetIDs += $0.networkACLs[other].subnetIDs
                        $0.networkACLs[other].subnetIDs.removeAll()
                    })
            }
        }
        return edits
    }
}

/// Route edits a what-if may ask about: routes of VPC route tables and transit gateway route
/// tables added, removed or pointed elsewhere, transit gateway propagations, the associations
/// of subnets and attachments with route tables, and the status of peering connections.
private enum RouteEdit {
    /// Edits of every kind for each of the first VPC and transit gateway route tables of `topology`.
    static func samples(for topology: Topology, limit: Int = 6) -> [FilterEdit] {
        var edits: [FilterEdit] = []
        let anywhere = IPv4Prefix(containing: IPv4Address(0), length: 0)
        let tenSlash8 = IPv4Prefix(containing: IPv4Address(0x0A00_0000), length: 8)
        let narrow = IPv4Prefix(containing: IPv4Address(0x0A00_0100), length: 28)
        for (index, table) in topology.routeTables.enumerated().prefix(limit) {
            if !table.routes.isEmpty {
                edits.append(
                    FilterEdit(description: "\(table.name): first route removed") {
                        $0.routeTables[index].routes = Array($0.routeTables[index].routes.dropFirst())
                    })
                edits.append(
                    FilterEdit(description: "\(table.name): first route a blackhole") {
                        if !$0.routeTables[index].routes.isEmpty {
                            $0.routeTables[index].routes[0].state = .blackhole
                        }
                    })
            }
            edits.append(
                FilterEdit(description: "\(table.name): 10.0.0.0/8 blackhole") {
                    $0.routeTables[index].routes.append(
                        Route(destination: .cidr(tenSlash8), target: .local, state: .blackhole))
                })
            edits.append(
                FilterEdit(description: "\(table.name): 10.0.1.0/28 blackhole") {
                    $0.routeTables[index].routes.append(
                        Route(destination: .cidr(narrow), target: .local, state: .blackhole))
                })
            // More specific than the local route: traffic to another subnet of the VPC dropped.
            let vpc = topology.vpcs.first { $0.id == table.vpcID || $0.name == table.vpcID }
            for subnet in topology.subnets.filter({ $0.vpcID == vpc?.id && !table.subnetIDs.contains($0.id) })
                .prefix(3)
            {
                edits.append(
                    FilterEdit(description: "\(table.name): \(subnet.cidrBlock) blackhole") {
                        $0.routeTables[index].routes.append(
                            Route(destination: .cidr(subnet.cidrBlock), target: .local, state: .blackhole))
                    })
            }
            if !table.subnetIDs.isEmpty {
                edits.append(
                    FilterEdit(
                        description: "\(table.name): associations dropped (its subnets get the main table)"
                    ) {
                        $0.routeTables[index].subnetIDs.removeAll()
                    })
            }
            if let other = topology.routeTables.firstIndex(where: {
                $0.id != table.id && $0.vpcID == table.vpcID && !$0.subnetIDs.isEmpty
            }) {
                edits.append(
                    FilterEdit(
                        description:
                            "\(table.name): subnets of \(topology.routeTables[other].name) moved here"
                    ) {
                        $0.routeTables[index].subnetIDs += $0.routeTables[other].subnetIDs
                        $0.routeTables[other].subnetIDs.removeAll()
                    })
            }
            if !table.isMain {
                edits.append(
                    FilterEdit(description: "\(table.name): made the main table") {
                        for other in $0.routeTables.indices where $0.routeTables[other].vpcID == table.vpcID {
                            $0.routeTables[other].isMain = other == index
                        }
                    })
            }
            if let gateway = topology.internetGateways.first(where: { $0.vpcID == table.vpcID }) {
                edits.append(
                    FilterEdit(description: "\(table.name): 0.0.0.0/0 -> \(gateway.id)") {
                        $0.routeTables[index].routes.removeAll { $0.destination == .cidr(anywhere) }
                        $0.routeTables[index].routes.append(
                            Route(destination: .cidr(anywhere), target: .internetGateway(gateway.id)))
                    })
            }
            // A target another table of the VPC uses (a peering, a transit gateway), for all of 10/8.
            if let other = topology.routeTables.lazy.filter({ $0.vpcID == table.vpcID }).flatMap(\.routes)
                .first(where: { $0.target != .local && $0.state == .active })
            {
                edits.append(
                    FilterEdit(description: "\(table.name): 10.0.0.0/8 -> \(other.target)") {
                        $0.routeTables[index].routes.append(
                            Route(destination: .cidr(tenSlash8), target: other.target))
                    })
            }
        }
        for (index, connection) in topology.peeringConnections.enumerated().prefix(limit) {
            let status = connection.isActive ? "deleted" : "active"
            edits.append(
                FilterEdit(description: "\(connection.name): \(status)") {
                    $0.peeringConnections[index].status = status
                })
        }
        for (index, table) in topology.transitGatewayRouteTables.enumerated().prefix(limit) {
            if !table.routes.isEmpty {
                edits.append(
                    FilterEdit(description: "\(table.name): first static route removed") {
                        $0.transitGatewayRouteTables[index].routes = Array(
                            $0.transitGatewayRouteTables[index].routes.dropFirst())
                    })
            }
            edits.append(
                FilterEdit(description: "\(table.name): static 10.0.0.0/8 blackhole") {
                    $0.transitGatewayRouteTables[index].routes.append(
                        TransitGatewayRoute(destination: .cidr(tenSlash8), attachmentID: nil))
                })
            if let attachment = table.associationIDs.first {
                edits.append(
                    FilterEdit(description: "\(table.name): static 0.0.0.0/0 -> \(attachment)") {
                        $0.transitGatewayRouteTables[index].routes.append(
                            TransitGatewayRoute(destination: .cidr(anywhere), attachmentID: attachment))
                    })
            }
            if !table.propagationIDs.isEmpty {
                edits.append(
                    FilterEdit(description: "\(table.name): first propagation removed") {
                        $0.transitGatewayRouteTables[index].propagationIDs = Array(
                            $0.transitGatewayRouteTables[index].propagationIDs.dropFirst())
                    })
            }
            if !table.associationIDs.isEmpty {
                edits.append(
                    FilterEdit(description: "\(table.name): associations dropped") {
                        $0.transitGatewayRouteTables[index].associationIDs.removeAll()
                    })
            }
            // Another table's first association moved here: that attachment is routed by this table.
            if let other = topology.transitGatewayRouteTables.firstIndex(where: {
                $0.id != table.id && $0.transitGatewayID == table.transitGatewayID
                    && !$0.associationIDs.isEmpty
            }) {
                edits.append(
                    FilterEdit(
                        description:
                            "\(table.name): \(topology.transitGatewayRouteTables[other].associationIDs[0]) associated here"
                    ) {
                        let moved = $0.transitGatewayRouteTables[other].associationIDs.removeFirst()
                        $0.transitGatewayRouteTables[index].associationIDs.append(moved)
                    })
            }
            // Every attachment of the gateway propagates here: what leaks one segment into another.
            let missing = topology.transitGatewayAttachments.filter {
                $0.transitGatewayID == table.transitGatewayID && !table.propagationIDs.contains($0.id)
            }.map(\.id)
            if !missing.isEmpty {
                edits.append(
                    FilterEdit(description: "\(table.name): propagations from \(missing) added") {
                        $0.transitGatewayRouteTables[index].propagationIDs += missing
                    })
            }
        }
        return edits
    }
}

/// Public IP edits: ENIs given a public IP or losing theirs, DBs made publicly accessible or
/// not, a DB given another public IP, two DBs swapping theirs.
private enum PublicAddressEdit {
    static func samples(for topology: Topology, limit: Int = 6) -> [FilterEdit] {
        var edits: [FilterEdit] = []
        for (index, interface) in topology.networkInterfaces.enumerated().prefix(limit) {
            let address = IPv4Address(0x36EF_0000 + UInt32(index) + 10)  // 54.239.0.10 and on
            let new = interface.publicIP == nil ? address : nil
            edits.append(
                FilterEdit(description: "\(interface.name): public IP \(new.map { "\($0)" } ?? "removed")") {
                    $0.networkInterfaces[index].publicIP = new
                })
        }
        var withPublicIP: [Int] = []
        for (index, database) in topology.dbInstances.enumerated().prefix(limit) {
            let accessible = !database.publiclyAccessible
            edits.append(
                FilterEdit(description: "\(database.name): PubliclyAccessible \(accessible)") {
                    $0.dbInstances[index].publiclyAccessible = accessible
                })
            let address = IPv4Address(0x36EF_0100 + UInt32(index) + 10)  // 54.239.1.10 and on
            edits.append(
                FilterEdit(description: "\(database.name): publicly accessible at \(address)") {
                    $0.dbInstances[index].publiclyAccessible = true
                    $0.dbInstances[index].publicIP = address
                })
            if database.publicIP != nil {
                withPublicIP.append(index)
                edits.append(
                    FilterEdit(description: "\(database.name): public IP not in the input") {
                        $0.dbInstances[index].publicIP = nil
                    })
            }
        }
        if withPublicIP.count >= 2 {
            let (first, second) = (withPublicIP[0], withPublicIP[1])
            edits.append(
                FilterEdit(description: "public IPs of DBs \(first) and \(second) swapped") {
                    let address = $0.dbInstances[first].publicIP
                    $0.dbInstances[first].publicIP = $0.dbInstances[second].publicIP
                    $0.dbInstances[second].publicIP = address
                })
        }
        return edits
    }
}

/// `what-if` re-answers a change to filters or routes from a kept baseline, analysing again only
/// the sources whose walks met a changed rule or read a changed route; the answer must be the
/// full differ's.
@Suite("Incremental what-if")
struct IncrementalDiffTests {
    private static let designs = [
        "three-tier.yaml", "public-db.yaml", "peering.yaml", "tgw-hub.yaml", "return-nacl.yaml",
        "privatelink.yaml", "hybrid-aurora.yaml", "tgw-inspection.yaml", "audit-gallery.yaml",
    ]

    @Test("every sampled filter edit on a bundled design gives the full differ's answer", arguments: designs)
    func bundledEditsMatchTheFullDiffer(design: String) throws {
        let changed = try Self.countChanges(of: design, { FilterEdit.samples(for: $0) })
        // The edits do change something on every design, so the comparison is not vacuous.
        #expect(changed > 0, "\(design)")
    }

    @Test("every sampled route edit on a bundled design gives the full differ's answer", arguments: designs)
    func bundledRouteEditsMatchTheFullDiffer(design: String) throws {
        let changed = try Self.countChanges(of: design, { RouteEdit.samples(for: $0) })
        // The edits change something on every design but return-nacl, whose network ACLs drop
        // every reply whatever the routes: the comparison is not vacuous.
        #expect(changed > 0 || design == "return-nacl.yaml", "\(design)")
    }

    @Test(
        "every sampled public IP edit on a bundled design gives the full differ's answer", arguments: designs)
    func bundledPublicAddressEditsMatchTheFullDiffer(design: String) throws {
        // ENIs as destinations too: the internet addresses an ENI with a public IP.
        let changed = try Self.countChanges(
            of: design, { PublicAddressEdit.samples(for: $0) }, alsoTo: EndpointSelector("kind:eni"))
        // Designs with a route to an internet gateway where a DB or ENI sits change something,
        // so the comparison is not vacuous; elsewhere no public IP is reachable at all.
        let exposed = ["public-db.yaml", "hybrid-aurora.yaml", "audit-gallery.yaml"]
        #expect((changed > 0) == exposed.contains(design), "\(design)")
    }

    /// Applies each sampled edit to a bundled design, expects it answered incrementally with the
    /// full differ's answer (to the DBs, and to `extra` destinations when given), and returns
    /// how many edits changed some answer.
    private static func countChanges(
        of design: String, _ samples: (Topology) -> [FilterEdit], alsoTo extra: EndpointSelector? = nil
    ) throws -> Int {
        let net = try TestNetwork(bundled: design)
        let before = net.graph.topology
        let baseline = try ReachabilityBaseline(graph: net.graph)
        let extraBaseline = try extra.map { try ReachabilityBaseline(graph: net.graph, destinations: $0) }
        var changed = 0
        for edit in samples(before) {
            var after = before
            edit.apply(&after)
            #expect(baseline.isAnsweredIncrementally(after: after), "\(design): \(edit)")
            let afterGraph = ForwardingGraph(after)
            let full = try ReachabilityDiffer(before: net.graph, after: afterGraph).diff()
            #expect(try baseline.diff(after: after) == full, "\(design): \(edit)")
            if !full.isEmpty { changed += 1 }
            if let extra, let extraBaseline {
                #expect(
                    try extraBaseline.diff(after: after)
                        == ReachabilityDiffer(before: net.graph, after: afterGraph).diff(to: extra),
                    "\(design): \(edit), to \(extra)")
            }
        }
        return changed
    }

    @Test("a public IP that stays another interface's, or a destination named by address, is rebuilt")
    func publicAddressFallbacks() throws {
        let net = try TestNetwork(bundled: "public-db.yaml")
        var after = net.graph.topology
        let interface = try #require(after.networkInterfaces.indices.first)
        after.networkInterfaces[interface].publicIP = after.dbInstances[0].publicIP
        #expect(net.graph.patching(to: after) == nil)
        // Handed over: the DB lets its address go, the ENI takes it.
        after.dbInstances[0].publicIP = IPv4Address(0x36EF_0001)
        let handedOver = try #require(net.graph.patching(to: after))
        #expect(handedOver.edits.publicAddresses.count == 2)
        #expect(
            try ReachabilityBaseline(graph: net.graph).diff(after: after)
                == ReachabilityDiffer(before: net.graph, after: ForwardingGraph(after)).diff())
        // An address names whoever holds it: a baseline to it is answered again in full.
        let byAddress = try EndpointSelector("203.0.113.50")
        let baseline = try ReachabilityBaseline(graph: net.graph, destinations: byAddress)
        #expect(!baseline.isAnsweredIncrementally(after: after))
        let internet = try ReachabilityBaseline(graph: net.graph, destinations: EndpointSelector("internet"))
        #expect(!internet.isAnsweredIncrementally(after: after))
        #expect(
            try baseline.diff(after: after)
                == ReachabilityDiffer(before: net.graph, after: ForwardingGraph(after)).diff(to: byAddress))
    }

    @Test("the one-shot what-if gives the full differ's answer, destination by destination")
    func oneShotMatchesTheFullDiffer() throws {
        let net = try TestNetwork(bundled: "three-tier.yaml")
        let topology = net.graph.topology
        for edit in FilterEdit.samples(for: topology) + RouteEdit.samples(for: topology)
            + PublicAddressEdit.samples(for: topology)
        {
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

    @Test("making a DB private: found incrementally, as the full differ finds it")
    func privateDatabaseFoundIncrementally() throws {
        let net = try TestNetwork(bundled: "public-db.yaml")
        let baseline = try ReachabilityBaseline(graph: net.graph)
        var after = net.graph.topology
        let database = try #require(after.dbInstances.firstIndex { $0.name == "legacy-db" })
        after.dbInstances[database].publiclyAccessible = false
        #expect(baseline.isAnsweredIncrementally(after: after))
        let diff = try baseline.diff(after: after)
        let change = try #require(diff.changes.first)
        #expect(diff.changes.count == 1)
        #expect(change.sourceKind == .internet && change.kind == .becomesUnreachable)
        #expect(change.destination.name == "legacy-db")
        #expect(try diff == ReachabilityDiffer(before: net.graph, after: ForwardingGraph(after)).diff())
    }

    @Test("a change to anything the graph cannot patch is answered by a full rebuild, alike")
    func otherChangeFallsBack() throws {
        let net = try TestNetwork(bundled: "public-db.yaml")
        let baseline = try ReachabilityBaseline(graph: net.graph)
        var after = net.graph.topology
        let database = try #require(after.dbInstances.firstIndex { $0.name == "reports-db" })
        let group = try #require(after.securityGroups.first { $0.name == "legacy-db-sg" })
        after.dbInstances[database].securityGroupIDs = [group.id]
        #expect(!baseline.isAnsweredIncrementally(after: after))
        let diff = try baseline.diff(after: after)
        #expect(diff.changes.contains { $0.sourceKind == .internet && $0.kind == .becomesReachable })
        #expect(try diff == ReachabilityDiffer(before: net.graph, after: ForwardingGraph(after)).diff())
    }

    @Test("moving subnets to a table without a route out: found incrementally, as the full differ finds it")
    func reassociationFoundIncrementally() throws {
        let net = try TestNetwork(bundled: "public-db.yaml")
        let baseline = try ReachabilityBaseline(graph: net.graph)
        var after = net.graph.topology
        // The public subnets fall back to the main table, which has no route to the internet.
        let table = try #require(after.routeTables.firstIndex { $0.name == "public-rt" })
        after.routeTables[table].subnetIDs.removeAll()
        #expect(baseline.isAnsweredIncrementally(after: after))
        let diff = try baseline.diff(after: after)
        #expect(diff.changes.contains { $0.sourceKind == .internet && $0.kind == .becomesUnreachable })
        #expect(try diff == ReachabilityDiffer(before: net.graph, after: ForwardingGraph(after)).diff())
    }

    @Test("a peering connection deleted under a transit gateway: group references across it stop matching")
    func deletedPeeringEndsGroupReferences() throws {
        // app-vpc and data-vpc talk over the transit gateway; the peering carries no route, but
        // while it is active data-db-sg may name app-sg (S-SG-2).
        let net = try TestNetwork(
            """
            name: peered-and-attached
            vpcs:
              - {name: app-vpc, cidrs: [10.1.0.0/16]}
              - {name: data-vpc, cidrs: [10.2.0.0/16]}
            subnets:
              - {name: app-a, vpc: app-vpc, cidr: 10.1.1.0/24, az: us-east-1a}
              - {name: data-a, vpc: data-vpc, cidr: 10.2.1.0/24, az: us-east-1a}
            peeringConnections:
              - {name: app-to-data, requester: app-vpc, accepter: data-vpc, status: active}
            transitGateways:
              - {name: hub}
            transitGatewayAttachments:
              - {name: app-attach, transitGateway: hub, vpc: app-vpc, subnets: [app-a]}
              - {name: data-attach, transitGateway: hub, vpc: data-vpc, subnets: [data-a]}
            transitGatewayRouteTables:
              - {name: hub-rt, transitGateway: hub, associations: [app-attach, data-attach], propagations: [app-attach, data-attach]}
            routeTables:
              - {name: app-rt, vpc: app-vpc, main: true, routes: [{destination: 10.2.0.0/16, target: hub}]}
              - {name: data-rt, vpc: data-vpc, main: true, routes: [{destination: 10.1.0.0/16, target: hub}]}
            securityGroups:
              - {name: app-sg, vpc: app-vpc}
              - name: data-db-sg
                vpc: data-vpc
                ingress:
                  - {protocol: tcp, ports: 5432, from: app-sg}
            instances:
              - {name: app-1, subnet: app-a, privateIp: 10.1.1.10, securityGroups: [app-sg]}
            dbSubnetGroups:
              - {name: data-subnets, subnets: [data-a]}
            databases:
              - {name: data-db, engine: postgres, subnetGroup: data-subnets, subnet: data-a, privateIp: 10.2.1.20, securityGroups: [data-db-sg]}
            """)
        let baseline = try ReachabilityBaseline(graph: net.graph)
        var after = net.graph.topology
        after.peeringConnections[0].status = "deleted"
        #expect(baseline.isAnsweredIncrementally(after: after))
        let diff = try baseline.diff(after: after)
        #expect(try diff == ReachabilityDiffer(before: net.graph, after: ForwardingGraph(after)).diff())
        let lost = try #require(diff.changes.first { $0.source.name == "app-1" })
        #expect(lost.kind == .becomesUnreachable)
        #expect(lost.trace?.blockers.first?.component.name == "data-db-sg")
    }

    @Test("a few subnets' associations, read alone, are those the full association gives", arguments: designs)
    func associationsReadAlone(design: String) throws {
        let graph = try TestNetwork(bundled: design).graph
        let builder = ForwardingGraphBuilder(graph.topology)
        let subnets = Array(graph.subnets.indices)
        #expect(
            builder.routeTable(ofSubnets: subnets, graph).map(\.table)
                == builder.routeTableOfEachSubnet(graph))
        let last = try #require(subnets.last)
        #expect(builder.networkACL(ofSubnets: [last], graph).map(\.acl) == [graph.subnets[last].networkACL])
        #expect(subnets.map { graph.subnets[$0].routeTable } == builder.routeTableOfEachSubnet(graph))
    }

    @Test("the propagations that leak dev into prod: found incrementally, as the full differ finds them")
    func leakingPropagationsFoundIncrementally() throws {
        let net = try TestNetwork(bundled: "tgw-hub.yaml")
        let baseline = try ReachabilityBaseline(graph: net.graph)
        var after = net.graph.topology
        let dev = try #require(after.transitGatewayRouteTables.firstIndex { $0.name == "dev-tgw-rt" })
        let prod = try #require(after.transitGatewayRouteTables.firstIndex { $0.name == "prod-tgw-rt" })
        after.transitGatewayRouteTables[dev].propagationIDs.append("prod-attach")
        after.transitGatewayRouteTables[prod].propagationIDs.append("dev-attach")
        #expect(baseline.isAnsweredIncrementally(after: after))
        let diff = try baseline.diff(after: after)
        #expect(try diff == ReachabilityDiffer(before: net.graph, after: ForwardingGraph(after)).diff())
        #expect(diff.changes.contains { $0.source.name == "dev-app" && $0.destination.name == "prod-db" })
        #expect(diff.changes.allSatisfy { $0.kind == .becomesReachable && $0.sourceVPC?.name == "dev-vpc" })
    }

    @Test("an unchanged topology changes nothing")
    func unchangedTopology() throws {
        let net = try TestNetwork(bundled: "tgw-hub.yaml")
        let baseline = try ReachabilityBaseline(graph: net.graph)
        let diff = try baseline.diff(after: net.graph.topology)
        #expect(diff.isEmpty)
        #expect(!diff.destinations.isEmpty)
    }

    @Test("the edit check compares every stored property of a filter and a route table")
    func editCheckCoversEveryProperty() throws {
        // `ForwardingGraph.patching(to:)` compares groups, ACLs and route tables property by
        // property; a property added to one must be added there too (as identity or as rules).
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
        // A route table too: table.storage.properties.
        let table = try #require(topology.routeTables.first)
        let tableStorage = try #require(Mirror(reflecting: table).children.first { $0.label == "storage" })
        let tableProperties = try #require(
            Mirror(reflecting: tableStorage.value).children.first { $0.label == "properties" })
        #expect(
            Mirror(reflecting: tableProperties.value).children.compactMap(\.label)
                == ["id", "name", "vpcID", "isMain", "subnetIDs", "routes", "propagatingGatewayIDs", "tags"])
        #expect(Mirror(reflecting: table).children.count == 1)
        let connection = try #require(
            try TestNetwork(bundled: "peering.yaml").graph.topology.peeringConnections.first)
        #expect(
            Mirror(reflecting: connection).children.compactMap(\.label)
                == ["id", "name", "requesterVPCID", "accepterVPCID", "status", "tags"])
        let gatewayTable = try #require(topology.transitGatewayRouteTables.first)
        #expect(
            Mirror(reflecting: gatewayTable).children.compactMap(\.label)
                == ["id", "name", "transitGatewayID", "associationIDs", "propagationIDs", "routes", "tags"])
        // An interface compares all but its public IP as identity, whatever properties it has;
        // they are behind a copy-on-write reference too: interface.storage.properties.
        let interface = try #require(topology.networkInterfaces.first)
        #expect(
            Mirror(reflecting: interface).children.compactMap(\.label) == [
                "storage", "idDigest", "nameDigest",
            ])
        var moved = interface
        moved.publicIP = IPv4Address(0x36EF_0001)
        #expect(moved.isSameButPublicIP(as: interface) && !moved.isUnchangedCopy(of: interface))
        moved.name += "-renamed"
        #expect(!moved.isSameButPublicIP(as: interface))
        // A change to a property that names a resource is not an edit in place.
        let graph = ForwardingGraph(topology)
        var renamed = topology
        renamed.securityGroups[0].name += "-renamed"
        #expect(graph.patching(to: renamed) == nil)
        var renamedTable = topology
        renamedTable.routeTables[0].name += "-renamed"
        #expect(graph.patching(to: renamedTable) == nil)
        // Rules, routes and associations are; an association naming no subnet changes none.
        var reassociated = topology
        reassociated.networkACLs[0].subnetIDs.append("subnet-elsewhere")
        #expect(graph.patching(to: reassociated)?.edits.subnetNetworkACLs == [])
        var reassociatedGateway = topology
        reassociatedGateway.transitGatewayRouteTables[0].associationIDs.removeAll()
        let attachments = topology.transitGatewayRouteTables[0].associationIDs.compactMap {
            graph.attachmentIndex[$0]
        }
        #expect(graph.patching(to: reassociatedGateway)?.edits.attachmentRouteTables == attachments)
        #expect(!attachments.isEmpty)
        var rerouted = topology
        rerouted.routeTables[0].routes.removeAll()
        #expect(graph.patching(to: rerouted)?.edits.routeTables == [0])
    }

    @Test("a patched graph judges flows as a rebuilt one does", arguments: designs)
    func patchedGraphMatchesRebuilt(design: String) throws {
        let net = try TestNetwork(bundled: design)
        let topology = net.graph.topology
        for edit in FilterEdit.samples(for: topology, limit: 2) + RouteEdit.samples(for: topology, limit: 2)
            + PublicAddressEdit.samples(for: topology, limit: 2)
        {
            var after = net.graph.topology
            edit.apply(&after)
            let (patched, edits) = try #require(net.graph.patching(to: after))
            let rebuilt = ForwardingGraph(after)
            #expect(patched.filterBoundaries.count >= rebuilt.filterBoundaries.count)
            // Sources are split at the interfaces' addresses, public IPs moved or not.
            let catalog = SourceCatalog(
                patching: SourceCatalog(graph: net.graph), graph: patched, edits: edits, scope: .everything)
            let rebuiltCatalog = SourceCatalog(graph: rebuilt)
            #expect(
                catalog.classes.interfaceAddresses == rebuiltCatalog.classes.interfaceAddresses, "\(edit)")
            #expect(catalog.internetHostAddresses == rebuiltCatalog.internetHostAddresses, "\(edit)")
            let patchedAnalyzer = ReachabilityAnalyzer(graph: patched)
            let rebuiltAnalyzer = ReachabilityAnalyzer(graph: rebuilt)
            for destination in try EndpointSelector("kind:db").endpoints(in: rebuilt) {
                #expect(
                    patchedAnalyzer.whoCanReach(destination) == rebuiltAnalyzer.whoCanReach(destination),
                    "\(design): \(edit)")
            }
        }
    }

    @Test(
        "random filter, route and public IP edits on random networks give the full differ's answer",
        .shrinking(false))
    func randomEdits() async {
        await propertyCheck(count: 30, input: Gen.uint8().array(of: 60...180)) { bytes in
            let network = RandomNetwork(bytes: bytes)
            failingOnThrow("in:\n\(network.yaml)") {
                let net = try TestNetwork(network.yaml)
                let selector = try EndpointSelector("kind:db")
                let baseline = try ReachabilityBaseline(graph: net.graph, destinations: selector)
                let edits =
                    FilterEdit.samples(for: net.graph.topology, limit: 3)
                    + RouteEdit.samples(for: net.graph.topology, limit: 3)
                    + PublicAddressEdit.samples(for: net.graph.topology, limit: 3)
                guard !edits.isEmpty else { return }
                // The last bytes pick two edits, applied together.
                let first = edits[Int(bytes[bytes.count - 1]) % edits.count]
                let second = edits[Int(bytes[bytes.count - 2]) % edits.count]
                var after = net.graph.topology
                first.apply(&after)
                second.apply(&after)
                #expect(
                    try baseline.diff(after: after)
                        == ReachabilityDiffer(before: net.graph, after: ForwardingGraph(after)).diff(
                            to: selector),
                    "\(first); \(second) in:\n\(network.yaml)")
            }
        }
    }
}
