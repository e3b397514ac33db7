import ReachModel
import ReachNetwork
import Testing

@Suite("Security groups are values behind a shared storage")
struct SecurityGroupStorageTests {
    private func group() throws -> SecurityGroup {
        SecurityGroup(
            id: "sg-0123456789abcdef0", name: "db", vpcID: "vpc-1",
            ingress: [
                SecurityGroupRule(
                    direction: .ingress, match: .ports(.tcp, PortRange(5432)),
                    peer: .cidr(try #require(IPv4Prefix("10.0.0.0/16"))))
            ],
            egress: [], tags: ["env": "prod"])
    }

    @Test("a modified copy leaves the original as it was")
    func copyOnWrite() throws {
        let original = try group()
        var copy = original
        #expect(copy.isUnchangedCopy(of: original))
        copy.ingress.append(
            SecurityGroupRule(
                direction: .ingress, match: .ports(.tcp, PortRange(22)),
                peer: .cidr(try #require(IPv4Prefix("10.1.0.0/16")))))
        copy.name = "db-renamed"
        #expect(!copy.isUnchangedCopy(of: original))
        #expect(original.ingress.count == 1)
        #expect(original.name == "db")
        #expect(copy.ingress.count == 2)
        #expect(copy.name == "db-renamed")
        #expect(copy != original)
    }

    @Test("equal properties make equal groups with equal hashes, whatever the storage")
    func equality() throws {
        let first = try group()
        let second = try group()
        #expect(!first.isUnchangedCopy(of: second))
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        var tagged = second
        tagged.tags["owner"] = "dba"
        #expect(first != tagged)
        #expect(first.isNamed("db") && first.isNamed("sg-0123456789abcdef0") && !first.isNamed("vpc-1"))
    }
}
