import ReachChange
import ReachModel
import ReachNetwork
import Testing

@Suite("Peering status, public accessibility and public IP changes")
struct AttributeChangeTests {
    @Test func setsAPeeringStatus() throws {
        let topology = try bundled("peering.yaml")
        let changed = try applying(.setPeeringStatus(peering: "app-to-data", status: "deleted"), to: topology)
        let peerings = Dictionary(uniqueKeysWithValues: changed.peeringConnections.map { ($0.id, $0.status) })
        #expect(peerings == ["app-to-data": "deleted", "app-to-partner": "active"])
        #expect(changed.peeringConnections.first { $0.id == "app-to-data" }?.isActive == false)
        #expect(topology.peeringConnections.allSatisfy { $0.isActive })
    }

    @Test func makesADBInstancePubliclyAccessible() throws {
        let topology = try bundled("three-tier.yaml")
        let changed = try applying(.setPubliclyAccessible(database: "orders-db", true), to: topology)
        let access = Dictionary(
            uniqueKeysWithValues: changed.dbInstances.map { ($0.id, $0.publiclyAccessible) })
        #expect(access == ["orders-db": true, "orders-cluster-1": false, "orders-cluster-2": false])
    }

    @Test func aClusterAppliesToEveryInstance() throws {
        let topology = try bundled("three-tier.yaml")
        let opened = try applying(.setPubliclyAccessible(database: "orders-cluster", true), to: topology)
        let access = Dictionary(
            uniqueKeysWithValues: opened.dbInstances.map { ($0.id, $0.publiclyAccessible) })
        #expect(access == ["orders-db": false, "orders-cluster-1": true, "orders-cluster-2": true])
        let closed = try applying(.setPubliclyAccessible(database: "orders-cluster", false), to: opened)
        #expect(closed == topology)
    }

    @Test("a DB made private lets its public IP go, and the changed design stays valid")
    func aPrivateDatabaseHasNoPublicIP() throws {
        let topology = try bundled("public-db.yaml")
        #expect(topology.dbInstances.first { $0.id == "legacy-db" }?.publicIP != nil)
        let closed = try applying(.setPubliclyAccessible(database: "legacy-db", false), to: topology)
        let legacy = try #require(closed.dbInstances.first { $0.id == "legacy-db" })
        #expect(!legacy.publiclyAccessible)
        #expect(legacy.publicIP == nil)
        #expect(TopologyValidator.validate(closed).allSatisfy { $0.severity != .error })
    }

    @Test func setsAndRemovesPublicIPs() throws {
        let topology = try bundled("three-tier.yaml")
        // An instance names its primary interface.
        let set = try applying(.setPublicIP(interface: "app-1", try address("198.51.100.7")), to: topology)
        #expect(
            set.networkInterfaces.first { $0.id == "app-1-eni" }?.publicIP == (try address("198.51.100.7")))
        let removed = try applying(.setPublicIP(interface: "web-1-eni", nil), to: set)
        #expect(removed.networkInterfaces.first { $0.id == "web-1-eni" }?.publicIP == nil)
        #expect(
            topology.networkInterfaces.first { $0.id == "web-1-eni" }?.publicIP
                == (try address("203.0.113.5")))
    }

    @Test func aDatabaseMustExist() throws {
        let topology = try bundled("three-tier.yaml")
        let change = TopologyChange.setPubliclyAccessible(database: "orders", true)
        #expect(
            applyingError(change, to: topology)
                == .unknownResource(
                    ChangeSet.Item(change: change), kinds: [.dbInstance, .dbCluster], reference: "orders"))
    }
}
