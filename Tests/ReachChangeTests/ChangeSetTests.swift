import ReachChange
import ReachModel
import ReachNetwork
import Testing

@Suite("Change sets and reference errors")
struct ChangeSetTests {
    @Test func buildsAndAppends() {
        var changes = ChangeSet()
        #expect(changes.isEmpty)
        changes.append(.disassociateTransitGatewayRouteTable(attachment: "a"), origin: "--x")
        #expect(!changes.isEmpty)
        #expect(
            changes.items == [
                ChangeSet.Item(change: .disassociateTransitGatewayRouteTable(attachment: "a"), origin: "--x")
            ])
        let plain = ChangeSet(changes: [.setPeeringStatus(peering: "p", status: "active")])
        #expect(plain.items.map(\.origin) == [nil])
    }

    @Test func changesApplyInOrderEachSeeingTheLast() throws {
        let topology = try bundled("three-tier.yaml")
        let route = TopologyChange.addRoute(
            routeTable: "db-rt", destination: .cidr(try block("0.0.0.0/0")), target: "nat-a")
        let changed = try applying(
            route, .removeRoute(routeTable: "db-rt", destination: .cidr(.all)), route, to: topology)
        #expect(
            changed.routeTables.first { $0.id == "db-rt" }?.routes.map(\.target) == [.natGateway("nat-a")])
    }

    @Test func aFailingChangeStopsTheSetAndNamesItsOrigin() throws {
        let topology = try bundled("three-tier.yaml")
        var changes = ChangeSet()
        changes.append(
            .setPubliclyAccessible(database: "orders-db", true), origin: "change.yaml:3:5: changes[0]")
        changes.append(
            .removeRoute(routeTable: "app-rtb", destination: .cidr(.all)),
            origin: "change.yaml:4:5: changes[1]")
        let error = try #require(applyingError(changes, to: topology))
        #expect(
            error.description
                == "change.yaml:4:5: changes[1]: remove route 0.0.0.0/0 from app-rtb: no route table is named"
                + " 'app-rtb' or has that id")
        guard case .unknownResource(let item, let kinds, let reference) = error else {
            Issue.record("expected unknownResource, got \(error)")
            return
        }
        #expect(item == changes.items[1])
        #expect(kinds == [.routeTable])
        #expect(reference == "app-rtb")
    }

    @Test func anAmbiguousNameListsTheMatchingIDs() throws {
        // Each of tgw-hub's three VPCs has a security group named default.
        let topology = try bundled("tgw-hub.yaml")
        let rule = SecurityGroupRule(direction: .ingress, match: .all, peer: .cidr(try block("10.0.0.0/8")))
        let change = TopologyChange.addSecurityGroupRule(group: "default", rule: rule)
        let error = try #require(applyingError(change, to: topology))
        let matches = ["prod-vpc", "dev-vpc", "shared-vpc"].map {
            ResourceRef(.securityGroup, "\($0):default-security-group")
        }
        #expect(error == .ambiguousName(ChangeSet.Item(change: change), name: "default", matches: matches))
        #expect(
            error.description
                == "add ingress rule all traffic from 10.0.0.0/8 to default: 'default' is ambiguous; it names"
                + " security group prod-vpc:default-security-group, security group dev-vpc:default-security-group,"
                + " security group shared-vpc:default-security-group (use the id of the one you mean)")
        // The id picks one.
        let changed = try applying(
            .addSecurityGroupRule(group: "dev-vpc:default-security-group", rule: rule), to: topology)
        #expect(
            changed.securityGroups.first { $0.id == "dev-vpc:default-security-group" }?.ingress.last == rule)
    }

    @Test func unknownReferencesOfEveryKindFail() throws {
        let topology = try bundled("tgw-hub.yaml")
        let cidr = RouteDestination.cidr(.all)
        let cases: [(TopologyChange, ResourceKind)] = [
            (.removeRoute(routeTable: "nope", destination: cidr), .routeTable),
            (.removeNetworkACLEntry(acl: "nope", direction: .ingress, ruleNumber: 1), .networkACL),
            (.associateRouteTable(subnet: "nope", routeTable: "prod-rt"), .subnet),
            (.associateNetworkACL(subnet: "prod-app-a", acl: "nope"), .networkACL),
            (.disassociateTransitGatewayRouteTable(attachment: "nope"), .transitGatewayAttachment),
            (.removeTransitGatewayRoute(routeTable: "nope", destination: cidr), .transitGatewayRouteTable),
            (.setPeeringStatus(peering: "nope", status: "active"), .peeringConnection),
        ]
        for (change, kind) in cases {
            #expect(
                applyingError(change, to: topology)
                    == .unknownResource(ChangeSet.Item(change: change), kinds: [kind], reference: "nope"),
                "\(change)")
        }
        let interface = TopologyChange.setPublicIP(interface: "nope", nil)
        #expect(
            applyingError(interface, to: topology)
                == .unknownResource(
                    ChangeSet.Item(change: interface), kinds: [.networkInterface, .instance],
                    reference: "nope"))
    }

    @Test func describesEveryChangeInOneLine() throws {
        let cidr = RouteDestination.cidr(try block("10.50.0.0/16"))
        let entry = NetworkACLEntry(
            ruleNumber: 90, direction: .egress, action: .deny, match: .icmp(type: 8, code: nil),
            cidrBlock: .all)
        let rule = SecurityGroupRule(
            direction: .egress, match: tcp(PortRange(443)), peer: .prefixList("pl-1"))
        let expected: [(TopologyChange, String)] = [
            (
                .addSecurityGroupRule(
                    group: "db-sg",
                    rule: SecurityGroupRule(
                        direction: .ingress, match: tcp(PortRange(5432)), peer: .cidr(.all))),
                "add ingress rule tcp 5432 from 0.0.0.0/0 to db-sg"
            ),
            (
                .removeSecurityGroupRule(group: "app-sg", rule: rule),
                "remove egress rule tcp 443 to pl-1 in app-sg"
            ),
            (
                .addRoute(routeTable: "app-rt", destination: cidr, target: "hub-tgw"),
                "add route 10.50.0.0/16 -> hub-tgw to app-rt"
            ),
            (
                .removeRoute(routeTable: "app-rt", destination: .prefixList("pl-1")),
                "remove route pl-1 from app-rt"
            ),
            (
                .addNetworkACLEntry(acl: "db-nacl", entry: entry),
                "add outbound rule 90 to db-nacl: deny icmp 8 to 0.0.0.0/0"
            ),
            (
                .removeNetworkACLEntry(acl: "db-nacl", direction: .ingress, ruleNumber: 100),
                "remove inbound rule 100 from db-nacl"
            ),
            (
                .associateRouteTable(subnet: "db-a", routeTable: "public-rt"),
                "associate subnet db-a with route table public-rt"
            ),
            (
                .associateNetworkACL(subnet: "db-a", acl: "open"),
                "associate subnet db-a with network ACL open"
            ),
            (
                .associateTransitGatewayRouteTable(attachment: "dev", routeTable: "prod"),
                "associate attachment dev with transit gateway route table prod"
            ),
            (
                .disassociateTransitGatewayRouteTable(attachment: "dev"),
                "disassociate attachment dev from its transit gateway route table"
            ),
            (
                .addTransitGatewayPropagation(routeTable: "prod", attachment: "dev"),
                "propagate attachment dev into transit gateway route table prod"
            ),
            (
                .removeTransitGatewayPropagation(routeTable: "prod", attachment: "dev"),
                "stop propagating attachment dev into transit gateway route table prod"
            ),
            (
                .addTransitGatewayRoute(routeTable: "prod", destination: cidr, attachment: nil),
                "add transit gateway route 10.50.0.0/16 -> blackhole to prod"
            ),
            (
                .removeTransitGatewayRoute(routeTable: "prod", destination: cidr),
                "remove transit gateway route 10.50.0.0/16 from prod"
            ),
            (
                .setPeeringStatus(peering: "pcx", status: "deleted"),
                "set the status of peering connection pcx to deleted"
            ),
            (.setPubliclyAccessible(database: "db", true), "make db publicly accessible"),
            (.setPubliclyAccessible(database: "db", false), "make db not publicly accessible"),
            (
                .setPublicIP(interface: "app-1", try address("198.51.100.7")),
                "set the public IP of app-1 to 198.51.100.7"
            ),
            (.setPublicIP(interface: "app-1", nil), "remove the public IP of app-1"),
        ]
        for (change, text) in expected {
            #expect(change.description == text)
        }
    }
}
