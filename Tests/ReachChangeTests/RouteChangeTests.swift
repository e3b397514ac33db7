import ReachChange
import ReachModel
import ReachNetwork
import Testing

@Suite("Route and route table changes")
struct RouteChangeTests {
    @Test func addsRoutesToEachKindOfTarget() throws {
        let topology = try bundled("three-tier.yaml")
        let changed = try applying(
            .addRoute(routeTable: "db-rt", destination: .cidr(try block("0.0.0.0/0")), target: "nat-a"),
            .addRoute(routeTable: "db-rt", destination: .cidr(try block("10.9.0.0/16")), target: "shop-igw"),
            // An instance stands for its primary interface; a name shared with it is no ambiguity.
            .addRoute(routeTable: "db-rt", destination: .cidr(try block("10.8.0.0/16")), target: "app-1"),
            to: topology)
        let table = try #require(changed.routeTables.first { $0.id == "db-rt" })
        #expect(
            table.routes == [
                Route(destination: .cidr(try block("0.0.0.0/0")), target: .natGateway("nat-a")),
                Route(destination: .cidr(try block("10.9.0.0/16")), target: .internetGateway("shop-igw")),
                Route(destination: .cidr(try block("10.8.0.0/16")), target: .networkInterface("app-1-eni")),
            ])
        #expect(topology.routeTables.first { $0.id == "db-rt" }?.routes.isEmpty == true)
    }

    @Test func addsRoutesToPeeringsAndTransitGateways() throws {
        let peering = try applying(
            .addRoute(
                routeTable: "data-rt", destination: .cidr(try block("10.30.0.0/16")), target: "app-to-data"),
            to: try bundled("peering.yaml"))
        #expect(
            peering.routeTables.first { $0.id == "data-rt" }?.routes.last
                == Route(
                    destination: .cidr(try block("10.30.0.0/16")), target: .peeringConnection("app-to-data")))
        let hub = try applying(
            .addRoute(
                routeTable: "dev-rt", destination: .cidr(try block("192.168.0.0/16")), target: "hub-tgw"),
            to: try bundled("tgw-hub.yaml"))
        #expect(
            hub.routeTables.first { $0.id == "dev-rt" }?.routes.last
                == Route(destination: .cidr(try block("192.168.0.0/16")), target: .transitGateway("hub-tgw")))
    }

    @Test func removesARoute() throws {
        let topology = try bundled("three-tier.yaml")
        let changed = try applying(
            .removeRoute(routeTable: "app-rt", destination: .cidr(try block("0.0.0.0/0"))), to: topology)
        #expect(changed.routeTables.first { $0.id == "app-rt" }?.routes.isEmpty == true)
        #expect(changed.routeTables.first { $0.id == "public-rt" }?.routes.count == 1)
    }

    @Test func removingAnAbsentRouteFails() throws {
        let topology = try bundled("three-tier.yaml")
        let change = TopologyChange.removeRoute(
            routeTable: "db-rt", destination: .cidr(try block("0.0.0.0/0")))
        let error = try #require(applyingError(change, to: topology))
        #expect(
            error
                == .absent(
                    ChangeSet.Item(change: change), resource: ResourceRef(.routeTable, "db-rt"),
                    what: "route for 0.0.0.0/0"))
    }

    @Test func aSecondRouteForADestinationFails() throws {
        let topology = try bundled("three-tier.yaml")
        let again = TopologyChange.addRoute(
            routeTable: "app-rt", destination: .cidr(try block("0.0.0.0/0")), target: "shop-igw")
        guard case .duplicate(_, let resource, let what) = try #require(applyingError(again, to: topology))
        else {
            Issue.record("expected duplicate")
            return
        }
        #expect(resource == ResourceRef(.routeTable, "app-rt"))
        #expect(what == "a route for 0.0.0.0/0")
        // The VPC's own block is the implied local route.
        let local = TopologyChange.addRoute(
            routeTable: "app-rt", destination: .cidr(try block("10.0.0.0/16")), target: "nat-a")
        guard case .duplicate(_, _, let localWhat) = try #require(applyingError(local, to: topology)) else {
            Issue.record("expected duplicate")
            return
        }
        #expect(localWhat == "the local route for 10.0.0.0/16")
    }

    @Test func anUnknownTargetFails() throws {
        let topology = try bundled("three-tier.yaml")
        let change = TopologyChange.addRoute(
            routeTable: "app-rt", destination: .cidr(try block("10.9.0.0/16")), target: "hub-tgw")
        guard
            case .unknownResource(_, let kinds, let reference) = try #require(
                applyingError(change, to: topology))
        else {
            Issue.record("expected unknownResource")
            return
        }
        #expect(reference == "hub-tgw")
        #expect(
            kinds.contains(.transitGateway) && kinds.contains(.internetGateway) && kinds.contains(.instance))
    }

    @Test func prefixListDestinationsResolveToTheirID() throws {
        let topology = try bundled(
            "three-tier.yaml",
            appending: """
                prefixLists:
                  - {name: corp-ranges, id: pl-0abc, cidrs: [172.16.0.0/12]}
                """)
        let added = try applying(
            .addRoute(routeTable: "app-rt", destination: .prefixList("corp-ranges"), target: "nat-a"),
            to: topology)
        #expect(
            added.routeTables.first { $0.id == "app-rt" }?.routes.last?.destination == .prefixList("pl-0abc"))
        let removed = try applying(
            .removeRoute(routeTable: "app-rt", destination: .prefixList("pl-0abc")), to: added)
        #expect(removed.routeTables.first { $0.id == "app-rt" }?.routes.count == 1)
    }

    @Test func associatingARouteTableMovesTheSubnet() throws {
        let topology = try bundled("three-tier.yaml")
        let changed = try applying(
            .associateRouteTable(subnet: "db-a", routeTable: "public-rt"), to: topology)
        let tables = Dictionary(uniqueKeysWithValues: changed.routeTables.map { ($0.id, $0.subnetIDs) })
        #expect(tables["public-rt"] == ["web-a", "web-b", "db-a"])
        #expect(tables["db-rt"] == ["db-b"])
        #expect(tables["app-rt"] == ["app-a", "app-b"])
        // Associating again is a no-op, as AWS's replace to the same table is.
        #expect(
            try applying(.associateRouteTable(subnet: "db-a", routeTable: "public-rt"), to: changed)
                == changed)
    }

    @Test func aRouteTableOfAnotherVPCFails() throws {
        let topology = try bundled("tgw-hub.yaml")
        let change = TopologyChange.associateRouteTable(subnet: "prod-app-a", routeTable: "dev-rt")
        let error = try #require(applyingError(change, to: topology))
        #expect(
            error
                == .wrongVPC(
                    ChangeSet.Item(change: change), resource: ResourceRef(.routeTable, "dev-rt"),
                    vpcID: "dev-vpc",
                    other: ResourceRef(.subnet, "prod-app-a"), expectedVPCID: "prod-vpc"))
        #expect(
            error.description
                == "associate subnet prod-app-a with route table dev-rt: route table dev-rt is in VPC dev-vpc,"
                + " but subnet prod-app-a is in VPC prod-vpc; they must be in the same VPC")
    }
}
