import ReachModel
import ReachNetwork
import Testing

@Suite("Network interfaces are values behind a shared storage")
struct NetworkInterfaceStorageTests {
    private func interface() throws -> NetworkInterface {
        NetworkInterface(
            id: "eni-0123456789abcdef0", name: "app-1", subnetID: "subnet-1",
            privateIPs: [try #require(IPv4Address("10.0.1.10"))], publicIP: nil, securityGroupIDs: ["sg-1"],
            instanceID: "i-1", tags: ["env": "prod"])
    }

    @Test("a modified copy leaves the original as it was")
    func copyOnWrite() throws {
        let original = try interface()
        var copy = original
        #expect(copy.isUnchangedCopy(of: original))
        copy.publicIP = IPv4Address("54.239.0.10")
        #expect(!copy.isUnchangedCopy(of: original))
        #expect(original.publicIP == nil && copy.publicIP == IPv4Address("54.239.0.10"))
        #expect(copy.isSameButPublicIP(as: original) && copy != original)
        copy.securityGroupIDs.append("sg-2")
        copy.sourceDestCheck = false
        #expect(original.securityGroupIDs == ["sg-1"] && original.sourceDestCheck)
        #expect(!copy.isSameButPublicIP(as: original))
    }

    @Test("equal properties make equal interfaces with equal hashes, whatever the storage")
    func equality() throws {
        let first = try interface()
        let second = try interface()
        #expect(!first.isUnchangedCopy(of: second))
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        var renamed = second
        renamed.name = "app-2"
        #expect(first != renamed)
        #expect(
            first.isNamed("app-1") && first.isNamed("eni-0123456789abcdef0") && !first.isNamed("subnet-1"))
        #expect(!first.isNamed("app-") && !first.isNamed(""))
        // Renamed, it answers to its new name only.
        #expect(renamed.isNamed("app-2") && !renamed.isNamed("app-1"))
        var reidentified = first
        reidentified.id = "eni-1"
        #expect(reidentified.isNamed("eni-1") && !reidentified.isNamed("eni-0123456789abcdef0"))
        #expect(NameDigest("app-1") == NameDigest("app-1") && NameDigest("app-1") != NameDigest("app-2"))
    }
}
