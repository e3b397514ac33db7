import Foundation
import ReachChange
import ReachModel
import ReachNetwork
import ReachTopologyFile
import Testing

/// Every change kind, as the format documents them.
private let everyKind = """
    description: open the orders DB to the VPN range
    changes:
      - addSecurityGroupRule: {group: db-sg, direction: ingress, protocol: tcp, ports: 5432, from: 10.9.0.0/16}
      - removeSecurityGroupRule: {group: db-sg, direction: ingress, protocol: tcp, ports: 5432, from: app-sg}
      - addRoute: {routeTable: app-rt, destination: 10.9.0.0/16, target: hub-tgw}
      - removeRoute: {routeTable: app-rt, destination: 0.0.0.0/0}
      - addNetworkAclEntry: {networkAcl: db-nacl, direction: ingress, rule: 90, action: allow, protocol: tcp, ports: 5432, cidr: 10.0.1.0/24}
      - removeNetworkAclEntry: {networkAcl: db-nacl, direction: ingress, rule: 100}
      - associateRouteTable: {subnet: db-a, routeTable: public-rt}
      - associateNetworkAcl: {subnet: db-a, networkAcl: open-nacl}
      - associateTransitGatewayRouteTable: {attachment: dev-att, routeTable: prod-rt}
      - disassociateTransitGatewayRouteTable: {attachment: dev-att}
      - addTransitGatewayPropagation: {routeTable: prod-rt, attachment: dev-att}
      - removeTransitGatewayPropagation: {routeTable: prod-rt, attachment: dev-att}
      - addTransitGatewayRoute: {routeTable: prod-rt, destination: 10.50.0.0/16, attachment: dev-att}
      - addTransitGatewayRoute: {routeTable: prod-rt, destination: 10.51.0.0/16, blackhole: true}
      - removeTransitGatewayRoute: {routeTable: prod-rt, destination: 10.50.0.0/16}
      - setPeeringStatus: {peering: app-db-peering, status: deleted}
      - setPubliclyAccessible: {database: orders-db, value: true}
      - setPublicIp: {interface: app-1, address: 198.51.100.7}
      - setPublicIp: {interface: web-1, address: null}

    """

@Suite("The change file format")
struct ChangeFileLoaderTests {
    @Test func readsEveryKind() throws {
        let changes = try ChangeFileLoader.load(yaml: everyKind, file: changeFile)
        let vpn = try block("10.9.0.0/16")
        let postgres = tcp(PortRange(5432))
        let expected: [TopologyChange] = [
            .addSecurityGroupRule(
                group: "db-sg",
                rule: SecurityGroupRule(direction: .ingress, match: postgres, peer: .cidr(vpn))),
            .removeSecurityGroupRule(
                group: "db-sg",
                rule: SecurityGroupRule(direction: .ingress, match: postgres, peer: .securityGroup("app-sg"))),
            .addRoute(routeTable: "app-rt", destination: .cidr(vpn), target: "hub-tgw"),
            .removeRoute(routeTable: "app-rt", destination: .cidr(.all)),
            .addNetworkACLEntry(
                acl: "db-nacl",
                entry: NetworkACLEntry(
                    ruleNumber: 90, direction: .ingress, action: .allow, match: postgres,
                    cidrBlock: try block("10.0.1.0/24"))),
            .removeNetworkACLEntry(acl: "db-nacl", direction: .ingress, ruleNumber: 100),
            .associateRouteTable(subnet: "db-a", routeTable: "public-rt"),
            .associateNetworkACL(subnet: "db-a", acl: "open-nacl"),
            .associateTransitGatewayRouteTable(attachment: "dev-att", routeTable: "prod-rt"),
            .disassociateTransitGatewayRouteTable(attachment: "dev-att"),
            .addTransitGatewayPropagation(routeTable: "prod-rt", attachment: "dev-att"),
            .removeTransitGatewayPropagation(routeTable: "prod-rt", attachment: "dev-att"),
            .addTransitGatewayRoute(
                routeTable: "prod-rt", destination: .cidr(try block("10.50.0.0/16")), attachment: "dev-att"),
            .addTransitGatewayRoute(
                routeTable: "prod-rt", destination: .cidr(try block("10.51.0.0/16")), attachment: nil),
            .removeTransitGatewayRoute(routeTable: "prod-rt", destination: .cidr(try block("10.50.0.0/16"))),
            .setPeeringStatus(peering: "app-db-peering", status: "deleted"),
            .setPubliclyAccessible(database: "orders-db", true),
            .setPublicIP(interface: "app-1", try address("198.51.100.7")),
            .setPublicIP(interface: "web-1", nil),
        ]
        #expect(changes.items.map(\.change) == expected)
        #expect(changes.summary == "open the orders DB to the VPN range")
        #expect(changes.items.first?.origin == "change.yaml:3:5: changes[0]")
        #expect(changes.items.last?.origin == "change.yaml:21:5: changes[18]")
    }

    @Test func readsRuleDetailsLikeTheTopologyFormat() throws {
        let yaml = """
            changes:
              - addSecurityGroupRule:
                  group: app-sg
                  direction: egress
                  protocol: icmp
                  icmpType: 3
                  icmpCode: 4
                  to: [10.0.0.0/8, pl-0abc, db-sg, "::/0"]
                  description: path MTU
              - addNetworkAclEntry: {networkAcl: db-nacl, direction: egress, rule: 7, action: deny, protocol: "-1", cidr: 0.0.0.0/0}
            """
        let changes = try ChangeFileLoader.load(yaml: yaml, file: changeFile)
        let match = ProtocolMatch.icmp(type: 3, code: 4)
        let peers: [SecurityGroupPeer] = [
            .cidr(try block("10.0.0.0/8")), .prefixList("pl-0abc"), .securityGroup("db-sg"),
            .ipv6CIDR("::/0"),
        ]
        let rules = peers.map {
            TopologyChange.addSecurityGroupRule(
                group: "app-sg",
                rule: SecurityGroupRule(direction: .egress, match: match, peer: $0, description: "path MTU"))
        }
        let entry = TopologyChange.addNetworkACLEntry(
            acl: "db-nacl",
            entry: NetworkACLEntry(
                ruleNumber: 7, direction: .egress, action: .deny, match: .all, cidrBlock: .all))
        #expect(changes.items.map(\.change) == rules + [entry])
        // One list element, one origin, for each of its peers.
        #expect(Set(changes.items.prefix(4).map(\.origin)) == ["change.yaml:2:5: changes[0]"])
        #expect(changes.items.last?.origin == "change.yaml:10:5: changes[1]")
        #expect(changes.summary == nil)
    }

    @Test func anEmptyListIsAnEmptyChangeSet() throws {
        #expect(try ChangeFileLoader.load(yaml: "changes: []\n", file: changeFile).isEmpty)
    }

    @Test func loadsAFileAndAppliesIt() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reach-change-\(UUID()).yaml"
        ).path
        let yaml = """
            description: let the web tier reach the database
            changes:
              - addSecurityGroupRule: {group: db-sg, direction: ingress, protocol: tcp, ports: 5432, from: web-sg}
              - addNetworkAclEntry: {networkAcl: db-nacl, direction: ingress, rule: 90, action: allow, protocol: tcp, ports: 5432, cidr: 10.0.1.0/24}
              - addNetworkAclEntry: {networkAcl: db-nacl, direction: egress, rule: 90, action: allow, protocol: tcp, ports: 1024-65535, cidr: 10.0.1.0/24}
            """
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let changes = try ChangeFileLoader.load(contentsOf: path)
        #expect(changes.items.map(\.origin) == [3, 4, 5].map { "\(path):\($0):5: changes[\($0 - 3)]" })
        let changed = try bundled("three-tier.yaml").applying(changes)
        #expect(
            changed.securityGroups.first { $0.id == "db-sg" }?.ingress.map(\.peer) == [
                .securityGroup("app-sg"), .securityGroup("web-sg"),
            ])
        #expect(
            changed.networkACLs.first { $0.id == "db-nacl" }?.entries.filter { $0.ruleNumber == 90 }.count
                == 2)
    }

    @Test func applyErrorsNameTheFileLine() throws {
        let yaml = """
            changes:
              - removeRoute: {routeTable: db-rt, destination: 0.0.0.0/0}
            """
        let changes = try ChangeFileLoader.load(yaml: yaml, file: changeFile)
        let error = try #require(applyingError(changes, to: try bundled("three-tier.yaml")))
        #expect(
            error.description
                == "change.yaml:2:5: changes[0]: remove route 0.0.0.0/0 from db-rt: route table db-rt has no route"
                + " for 0.0.0.0/0")
    }
}
