import ReachChange
import ReachModel
import ReachNetwork
import Testing

@Suite("Security group rule changes")
struct SecurityGroupChangeTests {
    @Test func addsAnIngressRuleWithACIDRPeer() throws {
        let original = try bundled("three-tier.yaml")
        let rule = SecurityGroupRule(
            direction: .ingress, match: tcp(PortRange(5432)), peer: .cidr(try block("10.9.0.0/16")),
            description: "VPN")
        let changed = try applying(.addSecurityGroupRule(group: "db-sg", rule: rule), to: original)
        let group = try #require(changed.securityGroups.first { $0.id == "db-sg" })
        #expect(group.ingress.count == 2)
        #expect(group.ingress.last == rule)
        #expect(group.egress == original.securityGroups.first { $0.id == "db-sg" }?.egress)
        // The input is a value: applying changed a copy.
        #expect(original.securityGroups.first { $0.id == "db-sg" }?.ingress.count == 1)
        #expect(original == (try bundled("three-tier.yaml")))
    }

    @Test func addsAnEgressRuleWithAGroupPeerNamedByName() throws {
        let original = try bundled("three-tier.yaml")
        let rule = SecurityGroupRule(
            direction: .egress, match: tcp(PortRange(5432)), peer: .securityGroup("db-sg"))
        let changed = try applying(.addSecurityGroupRule(group: "app-sg", rule: rule), to: original)
        let group = try #require(changed.securityGroups.first { $0.id == "app-sg" })
        #expect(group.egress.map(\.peer) == [.cidr(.all), .securityGroup("db-sg")])
        #expect(group.egress.last?.match == .ports(.tcp, PortRange(5432)))
    }

    @Test func resolvesPeerNamesToIDs() throws {
        // Ids differ from names here, so resolution is visible.
        let topology = try bundled(
            "three-tier.yaml",
            appending: """
                prefixLists:
                  - {name: corp-ranges, id: pl-0abc, cidrs: [172.16.0.0/12]}
                """)
        let byName = SecurityGroupRule(direction: .ingress, match: .all, peer: .securityGroup("corp-ranges"))
        let byID = SecurityGroupRule(direction: .ingress, match: tcp(.all), peer: .prefixList("pl-0abc"))
        let changed = try applying(
            .addSecurityGroupRule(group: "web-sg", rule: byName),
            .addSecurityGroupRule(group: "web-sg", rule: byID),
            to: topology)
        let group = try #require(changed.securityGroups.first { $0.id == "web-sg" })
        #expect(group.ingress.dropFirst().map(\.peer) == [.prefixList("pl-0abc"), .prefixList("pl-0abc")])
    }

    @Test func defaultPeerMeansTheGroupsOwnVPC() throws {
        // tgw-hub has three VPCs, each with a group named default.
        let topology = try bundled("tgw-hub.yaml")
        let rule = SecurityGroupRule(direction: .ingress, match: .all, peer: .securityGroup("default"))
        let changed = try applying(.addSecurityGroupRule(group: "dev-app-sg", rule: rule), to: topology)
        let group = try #require(changed.securityGroups.first { $0.id == "dev-app-sg" })
        #expect(group.ingress.map(\.peer) == [.securityGroup("dev-vpc:default-security-group")])
    }

    @Test func removesARuleMatchingDirectionMatchAndPeerIgnoringTheDescription() throws {
        let original = try bundled("three-tier.yaml")
        let rule = SecurityGroupRule(
            direction: .ingress, match: tcp(PortRange(5432)), peer: .securityGroup("app-sg"),
            description: "not the file's description")
        let changed = try applying(.removeSecurityGroupRule(group: "db-sg", rule: rule), to: original)
        #expect(changed.securityGroups.first { $0.id == "db-sg" }?.ingress.isEmpty == true)
        #expect(changed.securityGroups.count == original.securityGroups.count)
    }

    @Test func removingAnAbsentRuleFails() throws {
        let topology = try bundled("three-tier.yaml")
        let rule = SecurityGroupRule(
            direction: .ingress, match: tcp(PortRange(5433)), peer: .securityGroup("app-sg"))
        let error = try #require(
            applyingError(.removeSecurityGroupRule(group: "db-sg", rule: rule), to: topology))
        guard case .absent(_, let resource, let what) = error else {
            Issue.record("expected absent, got \(error)")
            return
        }
        #expect(resource == ResourceRef(.securityGroup, "db-sg"))
        #expect(what == "ingress rule tcp 5433 from app-sg")
        #expect(
            error.description
                == "remove ingress rule tcp 5433 from app-sg in db-sg: security group db-sg has no ingress rule"
                + " tcp 5433 from app-sg")
    }

    @Test func addingADuplicateRuleFails() throws {
        let topology = try bundled("three-tier.yaml")
        // Same permission as the file's rule, with another description: AWS rejects it.
        let rule = SecurityGroupRule(
            direction: .ingress, match: tcp(PortRange(5432)), peer: .securityGroup("app-sg"),
            description: "again")
        let error = try #require(
            applyingError(.addSecurityGroupRule(group: "db-sg", rule: rule), to: topology))
        guard case .duplicate(_, let resource, _) = error else {
            Issue.record("expected duplicate, got \(error)")
            return
        }
        #expect(resource == ResourceRef(.securityGroup, "db-sg"))
        #expect(
            error.description.hasSuffix("security group db-sg already has ingress rule tcp 5432 from app-sg"))
    }

    @Test func anUnknownPeerFails() throws {
        let topology = try bundled("three-tier.yaml")
        let rule = SecurityGroupRule(direction: .ingress, match: .all, peer: .securityGroup("vpn-sg"))
        let error = try #require(
            applyingError(.addSecurityGroupRule(group: "db-sg", rule: rule), to: topology))
        #expect(
            error
                == .unknownResource(
                    ChangeSet.Item(change: .addSecurityGroupRule(group: "db-sg", rule: rule)),
                    kinds: [.securityGroup, .prefixList], reference: "vpn-sg"))
    }
}
