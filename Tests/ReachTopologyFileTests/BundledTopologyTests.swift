import Foundation
import ReachModel
import ReachNetwork
import ReachTopologyFile
import Testing

/// The first-match verdict of `acl`'s entries facing `direction` for `packet` (S-NACL-2).
private func aclAllows(_ acl: NetworkACL, _ direction: TrafficDirection, _ packet: Packet) -> Bool {
    let peer = direction == .ingress ? packet.source : packet.destination
    let entries = acl.entries.filter { $0.direction == direction }.sorted { $0.ruleNumber < $1.ruleNumber }
    let first = entries.first { $0.cidrBlock.contains(peer) && $0.match.matches(packet) }
    return first?.action == .allow
}

private func tcp(_ source: String, _ sourcePort: UInt16, _ destination: String, _ destinationPort: UInt16)
    throws -> Packet
{
    Packet(
        source: try #require(IPv4Address(source)), destination: try #require(IPv4Address(destination)),
        protocolNumber: .tcp, sourcePort: sourcePort, destinationPort: destinationPort)
}

@Suite("The bundled designs")
struct BundledTopologyTests {
    static let names = [
        "three-tier.yaml", "peering.yaml", "public-db.yaml", "return-nacl.yaml", "tgw-hub.yaml",
        "tgw-inspection.yaml", "hybrid-aurora.yaml", "privatelink.yaml",
    ]

    @Test(arguments: names)
    func loadsWithoutErrorsOrWarnings(name: String) throws {
        let loaded = try TopologyFileLoader.load(contentsOf: bundledPath(name))
        #expect(loaded.warnings.isEmpty)
        #expect(!loaded.topology.vpcs.isEmpty)
        #expect(!loaded.topology.dbInstances.isEmpty)
        let text = try String(contentsOfFile: bundledPath(name), encoding: .utf8)
        #expect(text.hasPrefix("# "), "each design starts with a comment header")
        #expect(text.contains("Expected answers:"))
    }

    @Test func embeddedDefaultIsTheFileOnDisk() throws {
        #expect(BundledTopologies.defaultName == "three-tier.yaml")
        let onDisk = try String(contentsOfFile: bundledPath(BundledTopologies.defaultName), encoding: .utf8)
        #expect(
            BundledTopologies.defaultYAML == onDisk,
            "run scripts/embed-default-topology.sh after editing Topologies/three-tier.yaml")
        let embedded = try TopologyFileLoader.loadBundledDefault().topology
        let fromFile = try TopologyFileLoader.load(contentsOf: bundledPath(BundledTopologies.defaultName))
            .topology
        #expect(embedded == fromFile)
    }

    @Test func threeTier() throws {
        let topology = try TopologyFileLoader.loadBundledDefault().topology
        #expect(topology.vpcs.map(\.id) == ["shop-vpc"])
        #expect(Set(topology.subnets.map(\.availabilityZone)) == ["us-east-1a", "us-east-1b"])
        let tables = Dictionary(uniqueKeysWithValues: topology.routeTables.map { ($0.id, $0) })
        #expect(tables["public-rt"]?.routes.map(\.target) == [.internetGateway("shop-igw")])
        #expect(tables["app-rt"]?.routes.map(\.target) == [.natGateway("nat-a")])
        #expect(tables["db-rt"]?.routes.isEmpty == true)
        #expect(topology.natGateways.first?.subnetID == "web-a")

        let web = try #require(topology.networkInterfaces.first { $0.name == "web-1" })
        #expect(web.publicIP != nil)
        #expect(web.securityGroupIDs == ["web-sg"])
        let db = try #require(topology.dbInstances.first { $0.id == "orders-db" })
        #expect(db.port == 5432)
        #expect(!db.publiclyAccessible)
        #expect(db.publicIP == nil)
        #expect(db.privateIP != nil)
        let dbGroup = try #require(topology.securityGroups.first { $0.id == "db-sg" })
        #expect(dbGroup.ingress.map(\.peer) == [.securityGroup("app-sg")])
        let cluster = try #require(topology.dbClusters.first)
        let members = topology.dbInstances.filter { $0.clusterID == cluster.id }
        #expect(members.map(\.isClusterWriter) == [true, false])
        #expect(members.allSatisfy { $0.securityGroupIDs == ["db-sg"] })

        // db-nacl: app-1's request and its reply pass; web-1's request does not.
        let acl = try #require(topology.networkACLs.first { $0.id == "db-nacl" })
        #expect(aclAllows(acl, .ingress, try tcp("10.0.11.5", 40000, "10.0.21.10", 5432)))
        #expect(aclAllows(acl, .egress, try tcp("10.0.21.10", 5432, "10.0.11.5", 40000)))
        #expect(!aclAllows(acl, .ingress, try tcp("10.0.1.5", 40000, "10.0.21.10", 5432)))
    }

    @Test func peering() throws {
        let topology = try TopologyFileLoader.load(contentsOf: bundledPath("peering.yaml")).topology
        #expect(topology.peeringConnections.allSatisfy { $0.isActive })
        let partner = try #require(topology.routeTables.first { $0.id == "partner-rt" })
        let toData = try #require(IPv4Prefix("10.20.0.0/16"))
        #expect(
            partner.routes.first { $0.destination == .cidr(toData) }?.target
                == .peeringConnection("app-to-partner"))
        let pcx = try #require(topology.peeringConnections.first { $0.id == "app-to-partner" })
        #expect(pcx.peer(of: "partner-vpc") == "app-vpc", "the partner's peer is app-vpc, not data-vpc")
        let data = try #require(topology.routeTables.first { $0.id == "data-rt" })
        #expect(data.routes.map(\.target) == [.peeringConnection("app-to-data")])
        let db = try #require(topology.dbInstances.first)
        #expect(db.id == "billing-db")
        #expect(db.port == 3306)
    }

    @Test func publicDatabase() throws {
        let topology = try TopologyFileLoader.load(contentsOf: bundledPath("public-db.yaml")).topology
        let legacy = try #require(topology.dbInstances.first { $0.id == "legacy-db" })
        #expect(legacy.publiclyAccessible)
        #expect(legacy.publicIP.map { SpecialAddresses.internet.contains($0) } == true)
        let groups = Dictionary(uniqueKeysWithValues: topology.securityGroups.map { ($0.id, $0) })
        #expect(groups["legacy-db-sg"]?.ingress.map(\.peer) == [.cidr(.all)])
        let reports = try #require(topology.dbInstances.first { $0.id == "reports-db" })
        #expect(reports.publiclyAccessible)
        #expect(
            groups["reports-db-sg"]?.ingress.map(\.peer) == [.cidr(try #require(IPv4Prefix("10.0.0.0/16")))])
        let publicTable = try #require(topology.routeTables.first { $0.id == "public-rt" })
        #expect(Set(publicTable.subnetIDs) == [legacy.subnetID, reports.subnetID])
    }

    @Test func returnPathACL() throws {
        let topology = try TopologyFileLoader.load(contentsOf: bundledPath("return-nacl.yaml")).topology
        let acls = Dictionary(uniqueKeysWithValues: topology.networkACLs.map { ($0.id, $0) })
        let app = try #require(acls["app-nacl"])
        let db = try #require(acls["db-nacl"])
        let request = try tcp("10.0.1.10", 40000, "10.0.2.10", 5432)
        #expect(aclAllows(app, .egress, request))
        #expect(aclAllows(db, .ingress, request))
        #expect(aclAllows(db, .egress, request.reply))
        #expect(!aclAllows(app, .ingress, request.reply), "the reply is what app-nacl drops")
    }
}
