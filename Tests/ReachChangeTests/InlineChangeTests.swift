import ReachChange
import ReachModel
import ReachNetwork
import Testing

@Suite("Quick change flags")
struct InlineChangeTests {
    @Test func parsesSecurityGroupRules() throws {
        #expect(
            try TopologyChange(inline: "sg-db ingress tcp 5432 10.9.0.0/16", kind: .addSecurityGroupRule)
                == .addSecurityGroupRule(
                    group: "sg-db",
                    rule: SecurityGroupRule(
                        direction: .ingress, match: tcp(PortRange(5432)),
                        peer: .cidr(try block("10.9.0.0/16")))))
        #expect(
            try TopologyChange(inline: "db-sg ingress all 0.0.0.0/0", kind: .addSecurityGroupRule)
                == .addSecurityGroupRule(
                    group: "db-sg",
                    rule: SecurityGroupRule(direction: .ingress, match: .all, peer: .cidr(.all))))
        #expect(
            try TopologyChange(
                inline: "  app-sg   egress  udp 1024-65535  pl-0abc ", kind: .removeSecurityGroupRule)
                == .removeSecurityGroupRule(
                    group: "app-sg",
                    rule: SecurityGroupRule(
                        direction: .egress, match: .ports(.udp, try #require(PortRange(1024, 65535))),
                        peer: .prefixList("pl-0abc"))))
        let peers: [(String, SecurityGroupPeer)] = [
            ("app-sg", .securityGroup("app-sg")), ("sg-0123", .securityGroup("sg-0123")),
            ("::/0", .ipv6CIDR("::/0")),
        ]
        for (text, peer) in peers {
            let change = try TopologyChange(
                inline: "db-sg ingress -1 \(text)", kind: .removeSecurityGroupRule)
            #expect(
                change
                    == .removeSecurityGroupRule(
                        group: "db-sg", rule: SecurityGroupRule(direction: .ingress, match: .all, peer: peer))
            )
        }
    }

    @Test func parsesProtocolsAndICMP() throws {
        let matches: [(String, ProtocolMatch)] = [
            ("tcp all", .ports(.tcp, .all)),
            ("6 22", .ports(.tcp, PortRange(22))),
            ("icmp", .icmp(type: nil, code: nil)),
            ("icmp 8", .icmp(type: 8, code: nil)),
            ("icmp 3:4", .icmp(type: 3, code: 4)),
            ("icmp -1", .icmp(type: nil, code: nil)),
            ("50", .other(IPProtocolNumber(50))),
        ]
        for (text, match) in matches {
            let change = try TopologyChange(
                inline: "db-sg egress \(text) 10.0.0.0/8", kind: .addSecurityGroupRule)
            guard case .addSecurityGroupRule(_, let rule) = change else {
                Issue.record("\(text): \(change)")
                continue
            }
            #expect(rule.match == match, "\(text)")
        }
    }

    @Test func parsesRoutes() throws {
        #expect(
            try TopologyChange(inline: "app-rt 10.9.0.0/16 hub-tgw", kind: .addRoute)
                == .addRoute(
                    routeTable: "app-rt", destination: .cidr(try block("10.9.0.0/16")), target: "hub-tgw"))
        #expect(
            try TopologyChange(inline: "app-rt corp-ranges nat-a", kind: .addRoute)
                == .addRoute(routeTable: "app-rt", destination: .prefixList("corp-ranges"), target: "nat-a"))
        #expect(
            try TopologyChange(inline: "app-rt 0.0.0.0/0", kind: .removeRoute)
                == .removeRoute(routeTable: "app-rt", destination: .cidr(.all)))
    }

    @Test func parsesNetworkACLEntries() throws {
        #expect(
            try TopologyChange(
                inline: "db-nacl ingress 90 allow tcp 5432 10.0.1.0/24", kind: .addNetworkACLEntry)
                == .addNetworkACLEntry(
                    acl: "db-nacl",
                    entry: NetworkACLEntry(
                        ruleNumber: 90, direction: .ingress, action: .allow, match: tcp(PortRange(5432)),
                        cidrBlock: try block("10.0.1.0/24"))))
        #expect(
            try TopologyChange(inline: "db-nacl egress 32766 deny icmp 0.0.0.0/0", kind: .addNetworkACLEntry)
                == .addNetworkACLEntry(
                    acl: "db-nacl",
                    entry: NetworkACLEntry(
                        ruleNumber: 32766, direction: .egress, action: .deny,
                        match: .icmp(type: nil, code: nil),
                        cidrBlock: .all)))
        #expect(
            try TopologyChange(inline: "db-nacl egress 100", kind: .removeNetworkACLEntry)
                == .removeNetworkACLEntry(acl: "db-nacl", direction: .egress, ruleNumber: 100))
    }

    @Test func parsesPublicAddressChanges() throws {
        #expect(
            try TopologyChange(inline: "app-eni 54.239.0.10", kind: .setPublicIP)
                == .setPublicIP(interface: "app-eni", IPv4Address("54.239.0.10")))
        #expect(
            try TopologyChange(inline: "app-1 None", kind: .setPublicIP)
                == .setPublicIP(interface: "app-1", nil))
        #expect(
            try TopologyChange(inline: "orders-db true", kind: .setPubliclyAccessible)
                == .setPubliclyAccessible(database: "orders-db", true))
        #expect(
            try TopologyChange(inline: " orders-cluster FALSE ", kind: .setPubliclyAccessible)
                == .setPubliclyAccessible(database: "orders-cluster", false))
    }

    @Test func everyExampleParses() throws {
        for kind in InlineChangeKind.allCases {
            #expect(inlineError(kind.example, kind) == nil, "\(kind)")
        }
    }

    @Test(arguments: [
        ("", InlineChangeKind.addSecurityGroupRule, "expected a security group name or id, found nothing"),
        (
            "db-sg inbound tcp 5432 10.0.0.0/8", .addSecurityGroupRule,
            "expected ingress or egress, found 'inbound'"
        ),
        (
            "db-sg ingress tcp 10.0.0.0/8", .addSecurityGroupRule,
            "expected a port (5432), a port range (1024-65535) or all for tcp, found '10.0.0.0/8'"
        ),
        (
            "db-sg ingress tcp 5432", .addSecurityGroupRule,
            "expected a peer: a CIDR block, a prefix list or a security group after '5432', found nothing"
        ),
        (
            "db-sg ingress gre 10.0.0.0/8", .removeSecurityGroupRule,
            "expected a protocol: tcp, udp, icmp, all (or -1), or a number from 0 to 255, found 'gre'"
        ),
        (
            "db-sg ingress all 5432 10.0.0.0/8", .addSecurityGroupRule,
            "unexpected '10.0.0.0/8' at the end"
        ),
        (
            "db-sg ingress icmp 300 10.0.0.0/8", .addSecurityGroupRule,
            "expected an ICMP type (0-255, -1 for any) or TYPE:CODE such as 3:4, found '300'"
        ),
        (
            "db-sg ingress tcp 5432 10.0.0.5/16", .addSecurityGroupRule,
            "expected a CIDR block with no host bits set, such as 10.0.0.0/16, found '10.0.0.5/16'"
        ),
        (
            "app-rt 10.9.0.0/16", .addRoute,
            "expected a route target: a gateway, peering connection, interface or instance after '10.9.0.0/16', found nothing"
        ),
        (
            "app-rt 10.9.0/16", .removeRoute,
            "expected an IPv4 CIDR block such as 10.0.1.0/24, found '10.9.0/16'"
        ),
        ("app-rt 0.0.0.0/0 nat-a", .removeRoute, "unexpected 'nat-a' at the end"),
        (
            "db-nacl ingress 0 allow all 0.0.0.0/0", .addNetworkACLEntry,
            "expected a rule number from 1 to 32766, found '0'"
        ),
        (
            "db-nacl ingress 90 permit all 0.0.0.0/0", .addNetworkACLEntry,
            "expected allow or deny, found 'permit'"
        ),
        (
            "db-nacl ingress 90 allow all db-sg", .addNetworkACLEntry,
            "expected an IPv4 CIDR block such as 10.0.1.0/24, found 'db-sg'"
        ),
        (
            "db-nacl ingress", .removeNetworkACLEntry,
            "expected a rule number from 1 to 32766 after 'ingress', found nothing"
        ),
        (
            "app-eni 54.239.0", .setPublicIP,
            "expected an IPv4 address such as 54.239.0.10, or none, found '54.239.0'"
        ),
        ("app-eni 54.239.0.10 54.239.0.11", .setPublicIP, "unexpected '54.239.0.11' at the end"),
        ("orders-db yes", .setPubliclyAccessible, "expected true or false, found 'yes'"),
        ("orders-db", .setPubliclyAccessible, "expected true or false after 'orders-db', found nothing"),
    ])
    func badTextSaysWhatWasExpected(text: String, kind: InlineChangeKind, problem: String) throws {
        let error = try #require(inlineError(text, kind))
        #expect(error == .invalidInline(kind: kind, text: text, problem: problem))
    }

    @Test func theMessageGivesTheGrammarAndAnExample() throws {
        let error = try #require(inlineError("db-sg ingress tcp", .addSecurityGroupRule))
        #expect(
            error.description
                == "--add-sg-rule 'db-sg ingress tcp': expected a port (5432), a port range (1024-65535) or all for"
                + " tcp after 'tcp', found nothing; the form is 'GROUP ingress|egress PROTOCOL [PORTS] PEER', such as"
                + " 'db-sg ingress tcp 5432 10.9.0.0/16'")
    }

    @Test func parsedChangesApply() throws {
        let topology = try bundled("three-tier.yaml")
        let rule = try TopologyChange(inline: "db-sg ingress tcp 5432 web-sg", kind: .addSecurityGroupRule)
        let entry = try TopologyChange(
            inline: "db-nacl ingress 90 allow tcp 5432 10.0.1.0/24", kind: .addNetworkACLEntry)
        var changes = ChangeSet()
        changes.append(rule, origin: "--add-sg-rule")
        changes.append(entry, origin: "--add-nacl-entry")
        let changed = try topology.applying(changes)
        #expect(
            changed.securityGroups.first { $0.id == "db-sg" }?.ingress.last?.peer == .securityGroup("web-sg"))
        #expect(changed.networkACLs.first { $0.id == "db-nacl" }?.entries.last?.ruleNumber == 90)
    }
}
