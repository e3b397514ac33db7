import ReachChange
import ReachModel
import ReachNetwork
import Testing

/// The transit gateway route tables of `topology` by id.
private func tables(_ topology: Topology) -> [String: TransitGatewayRouteTable] {
    Dictionary(uniqueKeysWithValues: topology.transitGatewayRouteTables.map { ($0.id, $0) })
}

@Suite("Transit gateway changes")
struct TransitGatewayChangeTests {
    @Test func associatingMovesTheAttachment() throws {
        let topology = try bundled("tgw-hub.yaml")
        let changed = try applying(
            .associateTransitGatewayRouteTable(attachment: "dev-attach", routeTable: "prod-tgw-rt"),
            to: topology)
        #expect(tables(changed)["prod-tgw-rt"]?.associationIDs == ["prod-attach", "dev-attach"])
        #expect(tables(changed)["dev-tgw-rt"]?.associationIDs == [])
        #expect(tables(topology)["dev-tgw-rt"]?.associationIDs == ["dev-attach"])
    }

    @Test func disassociates() throws {
        let topology = try bundled("tgw-hub.yaml")
        let changed = try applying(
            .disassociateTransitGatewayRouteTable(attachment: "shared-attach"), to: topology)
        #expect(changed.transitGatewayRouteTables.allSatisfy { !$0.associationIDs.contains("shared-attach") })
        #expect(tables(changed)["prod-tgw-rt"]?.associationIDs == ["prod-attach"])
        let again = TopologyChange.disassociateTransitGatewayRouteTable(attachment: "shared-attach")
        #expect(
            applyingError(again, to: changed)
                == .absent(
                    ChangeSet.Item(change: again),
                    resource: ResourceRef(.transitGatewayAttachment, "shared-attach"),
                    what: "transit gateway route table association"))
    }

    @Test func addsAndRemovesPropagations() throws {
        let topology = try bundled("tgw-hub.yaml")
        let added = try applying(
            .addTransitGatewayPropagation(routeTable: "dev-tgw-rt", attachment: "prod-attach"), to: topology)
        #expect(tables(added)["dev-tgw-rt"]?.propagationIDs == ["shared-attach", "prod-attach"])
        let removed = try applying(
            .removeTransitGatewayPropagation(routeTable: "dev-tgw-rt", attachment: "shared-attach"), to: added
        )
        #expect(tables(removed)["dev-tgw-rt"]?.propagationIDs == ["prod-attach"])

        let duplicate = applyingError(
            .addTransitGatewayPropagation(routeTable: "dev-tgw-rt", attachment: "shared-attach"), to: topology
        )
        guard case .duplicate(_, let resource, let what) = duplicate else {
            Issue.record("expected duplicate, got \(String(describing: duplicate))")
            return
        }
        #expect(resource == ResourceRef(.transitGatewayRouteTable, "dev-tgw-rt"))
        #expect(what == "a propagation from shared-attach")
        let absent = applyingError(
            .removeTransitGatewayPropagation(routeTable: "dev-tgw-rt", attachment: "dev-attach"), to: topology
        )
        guard case .absent = absent else {
            Issue.record("expected absent, got \(String(describing: absent))")
            return
        }
    }

    @Test func addsStaticAndBlackholeRoutesAndRemovesThem() throws {
        let topology = try bundled("tgw-hub.yaml")
        let changed = try applying(
            .addTransitGatewayRoute(
                routeTable: "dev-tgw-rt", destination: .cidr(try block("10.1.0.0/16")),
                attachment: "prod-attach"),
            .addTransitGatewayRoute(
                routeTable: "dev-tgw-rt", destination: .cidr(try block("10.50.0.0/16")), attachment: nil),
            .removeTransitGatewayRoute(
                routeTable: "shared-tgw-rt", destination: .cidr(try block("10.9.0.0/16"))),
            to: topology)
        #expect(
            tables(changed)["dev-tgw-rt"]?.routes == [
                TransitGatewayRoute(
                    destination: .cidr(try block("10.1.0.0/16")), attachmentID: "prod-attach"),
                TransitGatewayRoute(destination: .cidr(try block("10.50.0.0/16")), attachmentID: nil),
            ])
        #expect(tables(changed)["shared-tgw-rt"]?.routes.isEmpty == true)
        #expect(tables(topology)["shared-tgw-rt"]?.routes.count == 1)
    }

    @Test func routeDuplicatesAndAbsencesFail() throws {
        let topology = try bundled("tgw-hub.yaml")
        let duplicate = applyingError(
            .addTransitGatewayRoute(
                routeTable: "shared-tgw-rt", destination: .cidr(try block("10.9.0.0/16")),
                attachment: "prod-attach"),
            to: topology)
        guard case .duplicate(_, _, let what) = duplicate else {
            Issue.record("expected duplicate, got \(String(describing: duplicate))")
            return
        }
        #expect(what == "a static route for 10.9.0.0/16")
        let absent = applyingError(
            .removeTransitGatewayRoute(
                routeTable: "prod-tgw-rt", destination: .cidr(try block("10.9.0.0/16"))),
            to: topology)
        guard case .absent(_, let resource, _) = absent else {
            Issue.record("expected absent, got \(String(describing: absent))")
            return
        }
        #expect(resource == ResourceRef(.transitGatewayRouteTable, "prod-tgw-rt"))
    }

    @Test func anAttachmentOfAnotherGatewayFails() throws {
        let topology = try bundled(
            "tgw-hub.yaml",
            replacing: [
                ("  - {name: hub-tgw}\n", "  - {name: hub-tgw}\n  - {name: edge-tgw}\n"),
                (
                    "transitGatewayRouteTables:\n",
                    "transitGatewayRouteTables:\n  - {name: edge-rt, transitGateway: edge-tgw}\n"
                ),
            ])
        let change = TopologyChange.addTransitGatewayPropagation(
            routeTable: "edge-rt", attachment: "dev-attach")
        let error = try #require(applyingError(change, to: topology))
        #expect(
            error
                == .wrongTransitGateway(
                    ChangeSet.Item(change: change),
                    resource: ResourceRef(.transitGatewayAttachment, "dev-attach"),
                    transitGatewayID: "hub-tgw", other: ResourceRef(.transitGatewayRouteTable, "edge-rt"),
                    expectedTransitGatewayID: "edge-tgw"))
        let association = applyingError(
            .associateTransitGatewayRouteTable(attachment: "dev-attach", routeTable: "edge-rt"), to: topology)
        guard case .wrongTransitGateway = association else {
            Issue.record("expected wrongTransitGateway, got \(String(describing: association))")
            return
        }
    }
}
