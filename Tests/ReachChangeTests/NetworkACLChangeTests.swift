import ReachChange
import ReachModel
import ReachNetwork
import Testing

@Suite("Network ACL changes")
struct NetworkACLChangeTests {
    @Test func addsAnEntry() throws {
        let topology = try bundled("three-tier.yaml")
        let entry = NetworkACLEntry(
            ruleNumber: 90, direction: .ingress, action: .allow, match: tcp(PortRange(5432)),
            cidrBlock: try block("10.0.1.0/24"))
        let changed = try applying(.addNetworkACLEntry(acl: "db-nacl", entry: entry), to: topology)
        let acl = try #require(changed.networkACLs.first { $0.id == "db-nacl" })
        #expect(acl.entries.count == 5)
        #expect(acl.entries.last == entry)
        #expect(topology.networkACLs.first { $0.id == "db-nacl" }?.entries.count == 4)
    }

    @Test func aRuleNumberIsPerDirection() throws {
        let topology = try bundled("three-tier.yaml")
        // Numbers are unique per direction: outbound 120 is free, inbound 100 is taken.
        let outbound = NetworkACLEntry(
            ruleNumber: 120, direction: .egress, action: .deny, match: .all, cidrBlock: .all)
        let changed = try applying(.addNetworkACLEntry(acl: "db-nacl", entry: outbound), to: topology)
        #expect(changed.networkACLs.first { $0.id == "db-nacl" }?.entries.last == outbound)
        let taken = NetworkACLEntry(
            ruleNumber: 100, direction: .ingress, action: .deny, match: .all, cidrBlock: .all)
        let error = try #require(
            applyingError(.addNetworkACLEntry(acl: "db-nacl", entry: taken), to: topology))
        guard case .duplicate(_, let resource, let what) = error else {
            Issue.record("expected duplicate, got \(error)")
            return
        }
        #expect(resource == ResourceRef(.networkACL, "db-nacl"))
        #expect(what == "inbound rule 100: allow tcp 5432 from 10.0.11.0/24")
    }

    @Test func aRuleNumberOutOfRangeFails() throws {
        let topology = try bundled("three-tier.yaml")
        let entry = NetworkACLEntry(
            ruleNumber: 32767, direction: .ingress, action: .deny, match: .all, cidrBlock: .all)
        guard
            case .invalidValue(_, let expected, let found) = applyingError(
                .addNetworkACLEntry(acl: "db-nacl", entry: entry), to: topology)
        else {
            Issue.record("expected invalidValue")
            return
        }
        #expect(expected == "a rule number from 1 to 32766")
        #expect(found == "32767")
    }

    @Test func removesAnEntryOfOneDirectionOnly() throws {
        let topology = try bundled("three-tier.yaml")
        let changed = try applying(
            .removeNetworkACLEntry(acl: "db-nacl", direction: .ingress, ruleNumber: 100), to: topology)
        let entries = try #require(changed.networkACLs.first { $0.id == "db-nacl" }?.entries)
        #expect(entries.map(\.ruleNumber) == [110, 100, 110])
        #expect(entries.map(\.direction) == [.ingress, .egress, .egress])
        let error = try #require(
            applyingError(
                .removeNetworkACLEntry(acl: "db-nacl", direction: .ingress, ruleNumber: 100), to: changed))
        #expect(
            error.description
                == "remove inbound rule 100 from db-nacl: network ACL db-nacl has no inbound rule 100")
    }

    @Test func associatingAnACLMovesTheSubnet() throws {
        let topology = try bundled("three-tier.yaml")
        let defaultACL = "shop-vpc:default-network-acl"
        let changed = try applying(.associateNetworkACL(subnet: "db-b", acl: defaultACL), to: topology)
        let acls = Dictionary(uniqueKeysWithValues: changed.networkACLs.map { ($0.id, $0.subnetIDs) })
        #expect(acls["db-nacl"] == ["db-a"])
        #expect(acls[defaultACL] == ["db-b"])
    }

    @Test func anACLOfAnotherVPCFails() throws {
        let topology = try bundled("tgw-hub.yaml")
        let change = TopologyChange.associateNetworkACL(
            subnet: "prod-db-a", acl: "dev-vpc:default-network-acl")
        guard
            case .wrongVPC(_, let resource, let vpcID, let other, let expected) = applyingError(
                change, to: topology)
        else {
            Issue.record("expected wrongVPC")
            return
        }
        #expect(resource == ResourceRef(.networkACL, "dev-vpc:default-network-acl"))
        #expect(vpcID == "dev-vpc")
        #expect(other == ResourceRef(.subnet, "prod-db-a"))
        #expect(expected == "prod-vpc")
    }
}
