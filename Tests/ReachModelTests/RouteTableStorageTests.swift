import ReachModel
import ReachNetwork
import Testing

@Suite("Route tables are values behind a shared storage")
struct RouteTableStorageTests {
    private func table() throws -> RouteTable {
        RouteTable(
            id: "rtb-0123456789abcdef0", name: "app-rt", vpcID: "vpc-1", isMain: false,
            subnetIDs: ["subnet-1"],
            routes: [
                Route(
                    destination: .cidr(try #require(IPv4Prefix("0.0.0.0/0"))),
                    target: .natGateway("nat-1"))
            ],
            tags: ["env": "prod"])
    }

    @Test("a modified copy leaves the original as it was")
    func copyOnWrite() throws {
        let original = try table()
        var copy = original
        #expect(copy.isUnchangedCopy(of: original))
        copy.routes.append(
            Route(
                destination: .cidr(try #require(IPv4Prefix("10.9.0.0/16"))), target: .transitGateway("tgw-1"))
        )
        copy.subnetIDs.removeAll()
        copy.propagatingGatewayIDs = ["vgw-1"]
        #expect(!copy.isUnchangedCopy(of: original))
        #expect(original.routes.count == 1 && original.subnetIDs == ["subnet-1"])
        #expect(original.propagatingGatewayIDs.isEmpty)
        #expect(copy.routes.count == 2 && copy.subnetIDs.isEmpty && copy.propagatingGatewayIDs == ["vgw-1"])
        #expect(copy != original)
    }

    @Test("equal properties make equal tables with equal hashes, whatever the storage")
    func equality() throws {
        let first = try table()
        let second = try table()
        #expect(!first.isUnchangedCopy(of: second))
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        var main = second
        main.isMain = true
        #expect(first != main)
        #expect(first.isNamed("app-rt") && first.isNamed("rtb-0123456789abcdef0") && !first.isNamed("vpc-1"))
    }
}
