import Foundation
import ReachAWSSnapshot
import ReachGraph
import ReachModel
import Testing

/// Verdicts over the snapshot moto made (Tests/Fixtures/aws, see its README for the network).
@Suite("Queries over a moto-made AWS snapshot")
struct MotoSnapshotTests {
    private let net: SnapshotNetwork

    init() throws {
        net = try SnapshotNetwork(motoSnapshot)
    }

    @Test("app-1 reaches orders-db whichever free address of db-a the DB has (S-DB-1)")
    func appToDatabase() throws {
        let result = try net.check("app-1", "orders-db")
        #expect(result.verdict == .reachable)
        #expect(result.flow == "tcp/5432")
        #expect(result.trace.hops.contains { $0.component.name == "db-sg" && $0.action == .allowed })
    }

    @Test("web-1 is stopped by db-nacl's deny rule and db-sg (S-NACL-2, S-SG-1)")
    func webToDatabase() throws {
        let result = try net.check("web-1", "orders-db")
        #expect(result.verdict == .unreachable)
        #expect(result.reason == .subnetACLRestriction)
        #expect(result.firstBlocker?.rule?.contains("inbound rule 200: deny") == true)
        #expect(result.blockers.contains { $0.reason == .eniSecurityGroupRulesMismatch })
    }

    @Test("analytics-1 reaches orders-db over the peering; partner-1 over hub-tgw")
    func peeringAndTransitGateway() throws {
        let peered = try net.check("analytics-1", "orders-db")
        #expect(peered.verdict == .reachable)
        #expect(peered.trace.hops.contains { $0.component.kind == "peering-connection" })
        let viaHub = try net.check("partner-1", "orders-db")
        #expect(viaHub.verdict == .reachable)
        #expect(viaHub.trace.hops.contains { $0.component.kind == "transit-gateway-route-table" })
    }

    @Test("the internet reaches web-1 on 443; app-1 reaches the internet through the NAT gateway")
    func internet() throws {
        #expect(try net.check("internet", "web-1", port: 443).verdict == .reachable)
        let egress = try net.check("app-1", "internet", port: 443)
        #expect(egress.verdict == .reachable)
        #expect(egress.trace.hops.contains { $0.component.kind == "nat-gateway" })
    }

    @Test("the Aurora writer and reader endpoints, and S3 through the gateway endpoint (S-DB-2, S-PL-2)")
    func auroraAndGatewayEndpoint() throws {
        #expect(try net.check("app-1", "ledger").verdict == .reachable)
        #expect(try net.check("app-1", "ledger/reader").verdict == .reachable)
        let s3 = try net.check("app-1", "com.amazonaws.us-east-1.s3", port: 443)
        #expect(s3.verdict == .reachable)
        #expect(s3.trace.hops.contains { $0.component.name == "s3-endpoint" && $0.direction == .forward })
    }

    @Test("an endpoint whose interface address moto put outside its subnet is left out, with a warning")
    func endpointOutsideItsSubnet() {
        #expect(
            net.loaded.warnings.contains {
                $0.message.contains("outside its subnet") && $0.file.hasSuffix("VpcEndpoints.json")
            })
        #expect(throws: EndpointResolutionError.self) { try net.checker.resolver.resolve("orders-endpoint") }
    }

    @Test("AWS ids and Name tags both name resources")
    func idsAndNames() throws {
        let byName = try net.checker.resolver.resolve("app-1")
        let instance = try #require(net.loaded.topology.instances.first { $0.name == "app-1" })
        let byID = try net.checker.resolver.resolve(instance.id)
        #expect(byName.ref == byID.ref)
        let vpc = try #require(net.loaded.topology.vpcs.first { $0.name == "shop-vpc" })
        #expect(vpc.region == "us-east-1")
    }

    @Test("outputs paginated over several files are merged")
    func pagination() throws {
        let directory = packageRoot.appendingPathComponent(
            "Tests/Fixtures/aws/moto-snapshot/123456789012/us-east-1")
        let loaded = Set(net.loaded.topology.networkInterfaces.map(\.id))
        for file in ["NetworkInterfaces.json", "NetworkInterfaces.2.json"] {
            let data = try Data(contentsOf: directory.appendingPathComponent(file))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let ids = try #require(object["NetworkInterfaces"] as? [[String: Any]]).compactMap {
                $0["NetworkInterfaceId"] as? String
            }
            #expect(ids.contains { loaded.contains($0) }, "no interface of \(file) was read")
        }
    }

    @Test("the model carries transit gateway tables, VPN, Direct Connect, endpoints, NLB and Aurora")
    func modelledComponents() throws {
        let topology = net.loaded.topology
        let table = try #require(topology.transitGatewayRouteTables.first)
        #expect(table.associationIDs.count == 2)
        #expect(table.propagationIDs.count == 2)
        #expect(
            table.routes.contains { $0.attachmentID == nil && $0.destination.description == "10.99.0.0/16" })
        #expect(topology.vpnConnections.count == 1)
        #expect(
            topology.directConnectGateways.first?.associations.first?.allowedPrefixes.map(\.description) == [
                "10.0.0.0/16"
            ])
        #expect(topology.virtualInterfaces.first?.kind == .transit)
        #expect(topology.vpcEndpoints.contains { $0.kind == .gateway && !$0.routeTableIDs.isEmpty })
        #expect(topology.loadBalancers.first?.listeners.first?.port == 5432)
        #expect(topology.targetGroups.first?.targets.first?.id == "10.0.21.50")
        let cluster = try #require(topology.dbClusters.first { $0.id == "ledger" })
        #expect(cluster.memberIDs.count == 2)
        #expect(topology.dbInstances.filter { $0.clusterID == "ledger" && $0.isClusterWriter }.count == 1)
    }

    @Test("what the snapshot lacks is a warning naming the file and JSON path")
    func warningsNameFileAndPath() {
        let nlb = net.loaded.warnings.first { $0.message.contains("node interfaces of orders-nlb") }
        #expect(nlb?.file.hasSuffix("LoadBalancers.json") == true)
        #expect(nlb?.path == "LoadBalancers[0]")
    }
}
