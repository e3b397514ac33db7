import Foundation
import ReachAWSSnapshot
import ReachEstate
import ReachGraph
import ReachModel
import Testing

/// A fresh, not yet existing folder of the temporary directory.
func scratchFolder() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("reach-estate-\(UUID().uuidString)").path
}

/// A generated estate written to a temporary folder and loaded back through the snapshot loader.
struct LoadedEstate {
    let generator: EstateGenerator
    let loaded: LoadedSnapshot
    let checker: ReachabilityChecker

    init(_ shape: EstateShape) throws {
        generator = try EstateGenerator(shape: shape)
        let root = scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try generator.write(to: root)
        loaded = try AWSSnapshotLoader.load(directory: root)
        checker = ReachabilityChecker(graph: ForwardingGraph(loaded.topology))
    }

    var topology: Topology { loaded.topology }

    func check(_ from: String, _ to: String, port: UInt16 = EstateGenerator.databasePort) throws
        -> CheckResult
    {
        try checker.check(
            FlowQuery(
                source: try checker.resolver.resolve(from), destination: try checker.resolver.resolve(to),
                destinationPort: port))
    }
}

@Suite("Generated estates load as AWS snapshots")
struct EstateLoadingTests {
    /// 6 VPCs: shared-services VPC 0, prod 1, 3, 5, dev 2, 4; VPCs 3 and 5 are peered.
    static let small = EstateShape(vpcs: 6)

    @Test("the loader reads every VPC, subnet, interface, DB and rule, with no warning")
    func counts() throws {
        let estate = try LoadedEstate(Self.small)
        let shape = Self.small
        let topology = estate.topology
        #expect(estate.loaded.warnings.isEmpty, "\(estate.loaded.warnings.map(\.description))")
        #expect(topology.vpcs.count == shape.vpcs)
        #expect(topology.subnets.count == shape.subnetCount)
        // RDS endpoint interfaces are read as their DBs' addresses, not as interfaces.
        #expect(topology.networkInterfaces.count == shape.interfaceCount - shape.databaseCount)
        #expect(topology.dbInstances.count == shape.databaseCount)
        let groups = topology.securityGroups.filter { !$0.isDefault }
        #expect(groups.count == shape.securityGroupCount)
        #expect(groups.map(\.ingress.count).reduce(0, +) == shape.securityGroupRuleCount)
        #expect(topology.securityGroups.filter(\.isDefault).count == shape.vpcs)
        #expect(topology.internetGateways.count == shape.vpcs)
        #expect(topology.routeTables.count == shape.vpcs * 4)
        #expect(topology.networkACLs.count == shape.vpcs * 3)
        #expect(topology.peeringConnections.count == shape.peeringConnectionCount)
        #expect(topology.peeringConnections.count == 1)
        #expect(topology.transitGateways.count == 1)
        #expect(topology.transitGatewayAttachments.count == shape.vpcs)
        #expect(topology.transitGatewayRouteTables.count == 3)
        #expect(Set(topology.vpcs.map { $0.tags["env"] ?? "" }) == ["shared", "prod", "dev"])
    }

    @Test("every DB instance gets the private IP of its endpoint interface, inside its subnet")
    func databaseAddresses() throws {
        let estate = try LoadedEstate(EstateShape(vpcs: 3, databasesPerVPC: 7))
        let subnets = Dictionary(uniqueKeysWithValues: estate.topology.subnets.map { ($0.id, $0) })
        #expect(estate.loaded.warnings.isEmpty, "\(estate.loaded.warnings.map(\.description))")
        #expect(estate.topology.dbInstances.count == 21)
        for db in estate.topology.dbInstances {
            let ip = try #require(db.privateIP, "\(db.id) has no address")
            #expect(subnets[db.subnetID]?.cidrBlock.contains(ip) == true)
            #expect(db.port == EstateGenerator.databasePort)
            #expect(!db.publiclyAccessible)
        }
        #expect(estate.topology.dbInstances.contains { $0.id == estate.generator.sampleDatabase })
    }

    @Test(
        "AWS quotas hold: rules per group, groups per interface, ACL entries, subnets per VPC",
        arguments: [
            EstateShape(vpcs: 6),
            EstateShape(
                vpcs: 2, subnetsPerVPC: 200, interfacesPerSubnet: 11, groupsPerVPC: 12,
                ingressRulesPerGroup: 60),
            EstateShape(
                vpcs: 3, subnetsPerVPC: 6, interfacesPerSubnet: 1, groupsPerVPC: 9, ingressRulesPerGroup: 3),
        ])
    func quotas(shape: EstateShape) throws {
        let estate = try LoadedEstate(shape)
        let topology = estate.topology
        #expect(estate.loaded.warnings.isEmpty, "\(estate.loaded.warnings.map(\.description))")
        #expect(topology.subnets.count == shape.subnetCount)
        let ingress = topology.securityGroups.filter { !$0.isDefault }.map(\.ingress.count)
        #expect(ingress.reduce(0, +) == shape.securityGroupRuleCount)
        for group in topology.securityGroups {
            #expect(group.ingress.count <= 60)
            #expect(group.egress.count <= 60)
        }
        for interface in topology.networkInterfaces {
            #expect((1...5).contains(interface.securityGroupIDs.count))
        }
        for db in topology.dbInstances { #expect((1...5).contains(db.securityGroupIDs.count)) }
        for acl in topology.networkACLs {
            #expect(acl.entries.filter { $0.direction == .ingress }.count <= 20)
            #expect(acl.entries.filter { $0.direction == .egress }.count <= 20)
        }
        let subnetsPerVPC = Dictionary(grouping: topology.subnets, by: \.vpcID).mapValues(\.count)
        #expect(subnetsPerVPC.values.allSatisfy { $0 <= 200 })
        for table in topology.routeTables { #expect(table.routes.count <= 50) }
    }
}

@Suite("Estate generation is deterministic and checked")
struct EstateGenerationTests {
    @Test("the same shape gives identical files; another seed changes the random rules only")
    func determinism() throws {
        let shape = EstateShape(vpcs: 4)
        let first = try EstateGenerator(shape: shape).files()
        let second = try EstateGenerator(shape: shape).files()
        #expect(first.map(\.name) == second.map(\.name))
        #expect(first.map(\.contents) == second.map(\.contents))
        var reseeded = shape
        reseeded.seed &+= 1
        let other = try EstateGenerator(shape: reseeded).files()
        let changed = zip(first, other).filter { $0.contents != $1.contents }.map(\.0.name)
        #expect(changed.contains("123456789012/us-east-1/SecurityGroups.json"))
        #expect(changed.contains("123456789012/us-east-1/NetworkInterfaces.json"))
        #expect(!changed.contains("123456789012/us-east-1/Vpcs.json"))
    }

    @Test("the file list: one AWS CLI output per file under ACCOUNT/REGION, each valid JSON")
    func files() throws {
        let files = try EstateGenerator(shape: EstateShape(vpcs: 2)).files()
        #expect(files.count == 16)
        for file in files {
            #expect(file.name.hasPrefix("123456789012/us-east-1/") && file.name.hasSuffix(".json"))
            let object = try JSONSerialization.jsonObject(with: Data(file.contents.utf8))
            let members = try #require(object as? [String: Any], "\(file.name)")
            #expect(members.count == 1)
            #expect(members.values.first is [Any])
        }
    }

    @Test("presets and totals")
    func presets() {
        #expect(EstateShape.full.vpcs == 1000)
        #expect(EstateShape.full.label == "1000 VPCs")
        #expect(EstateShape.full.subnetCount == 10_000)
        #expect(EstateShape.full.interfaceCount == 50_000)
        #expect(EstateShape.full.databaseCount == 1000)
        #expect(EstateShape.full.securityGroupRuleCount == 100_000)
        #expect(EstateShape.tenth.vpcs == 100 && EstateShape.hundredth.vpcs == 10)
        var other = EstateShape.full
        other.vpcs = 10
        #expect(other == .hundredth)
        #expect(EstateShape(vpcs: 56).peeringConnectionCount == 2)
    }

    @Test(
        "shapes beyond a quota, the address plan or the layout throw the case that names the limit",
        arguments: [
            (EstateShape(vpcs: 1), EstateShapeError.belowMinimum(.vpcs, value: 1, minimum: 2)),
            (EstateShape(vpcs: 4097), .exceedsAddressPlan(.vpcs, value: 4097, limit: 4096)),
            (EstateShape(vpcs: 2, subnetsPerVPC: 5), .belowMinimum(.subnetsPerVPC, value: 5, minimum: 6)),
            (EstateShape(vpcs: 2, subnetsPerVPC: 201), .exceedsQuota(.subnetsPerVPC, value: 201, quota: 200)),
            (
                EstateShape(vpcs: 2, interfacesPerSubnet: 0),
                .belowMinimum(.interfacesPerSubnet, value: 0, minimum: 1)
            ),
            (
                EstateShape(vpcs: 2, interfacesPerSubnet: 252),
                .exceedsAddressPlan(.interfacesPerSubnet, value: 252, limit: 251)
            ),
            (
                EstateShape(vpcs: 2, subnetsPerVPC: 200, interfacesPerSubnet: 12),
                .exceedsAddressPlan(.interfacesPerSubnet, value: 12, limit: 11)
            ),
            (EstateShape(vpcs: 2, databasesPerVPC: 0), .belowMinimum(.databasesPerVPC, value: 0, minimum: 1)),
            (
                EstateShape(vpcs: 2, databasesPerVPC: 13),
                .exceedsLayout(.databasesPerVPC, value: 13, limit: 12)
            ),
            (
                EstateShape(vpcs: 2, interfacesPerSubnet: 2, databasesPerVPC: 7),
                .exceedsLayout(.databasesPerVPC, value: 7, limit: 6)
            ),
            (EstateShape(vpcs: 2, groupsPerVPC: 4), .belowMinimum(.groupsPerVPC, value: 4, minimum: 5)),
            (
                EstateShape(vpcs: 2, ingressRulesPerGroup: 61),
                .exceedsQuota(.ingressRulesPerGroup, value: 61, quota: 60)
            ),
            (
                EstateShape(vpcs: 2, ingressRulesPerGroup: 2),
                .belowMinimum(.ingressRulesPerGroup, value: 2, minimum: 3)
            ),
        ])
    func invalidShapes(shape: EstateShape, expected: EstateShapeError) {
        #expect(throws: expected) { try shape.validate() }
        #expect(throws: expected) { try EstateGenerator(shape: shape) }
        #expect(expected.description.contains(expected.parameter.rawValue))
    }

    @Test("error messages name the parameter, the value and the limit")
    func messages() {
        let error = EstateShapeError.exceedsQuota(.ingressRulesPerGroup, value: 61, quota: 60)
        #expect(
            error.description
                == "ingressRulesPerGroup is 61, above the AWS quota of 60 inbound rules per security group")
        let plan = EstateShapeError.exceedsAddressPlan(.vpcs, value: 5000, limit: 4096)
        #expect(plan.description.contains("4096") && plan.description.contains("/20 of 10.0.0.0/8"))
    }

    @Test("writing replaces a previous estate but not a folder holding anything else")
    func writeSafety() throws {
        let generator = try EstateGenerator(shape: EstateShape(vpcs: 2))
        let root = scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try generator.write(to: root)
        try generator.write(to: root)
        let notes = URL(fileURLWithPath: root).appendingPathComponent("notes.txt")
        try Data("keep".utf8).write(to: notes)
        #expect(throws: EstateWriteError.notAnEstate(path: root, entries: ["notes.txt"])) {
            try generator.write(to: root)
        }
        #expect(FileManager.default.fileExists(atPath: notes.path))
        #expect(throws: EstateWriteError.notADirectory(path: notes.path)) {
            try generator.write(to: notes.path)
        }
    }
}

@Suite("Reachability in a generated estate")
struct EstateReachabilityTests {
    let estate: LoadedEstate

    init() throws {
        estate = try LoadedEstate(EstateLoadingTests.small)
    }

    @Test("the sample client reaches the sample DB on 5432 inside its VPC")
    func sameVPC() throws {
        let generator = estate.generator
        let result = try estate.check(generator.sampleClient, generator.sampleDatabase)
        #expect(result.verdict == .reachable)
        #expect(result.flow == "tcp/5432")
        #expect(!result.trace.hops.contains { $0.component.kind == "transit-gateway-route-table" })
    }

    @Test("a prod client in another VPC reaches the sample DB over the transit gateway")
    func overTransitGateway() throws {
        let generator = estate.generator
        let result = try estate.check(generator.sampleClientInAnotherVPC, generator.sampleDatabase)
        #expect(result.verdict == .reachable)
        #expect(result.trace.hops.contains { $0.component.kind == "transit-gateway-route-table" })
    }

    @Test("a dev client cannot reach the prod DB: the dev route table has no route to prod")
    func segmentation() throws {
        let generator = estate.generator
        let dev = try #require(generator.sampleClientInDevVPC)
        let result = try estate.check(dev, generator.sampleDatabase)
        #expect(result.verdict == .unreachable)
        #expect(result.reason == .transitGatewayRouteTableCannotRoute)
    }

    @Test("peered prod VPCs 3 and 5 talk over the peering; the internet reaches a public web interface")
    func peeringAndInternet() throws {
        let peered = try estate.check("prod-vpc-5-app-1-eni-0", "prod-db-3-0")
        #expect(peered.verdict == .reachable)
        #expect(peered.trace.hops.contains { $0.component.kind == "peering-connection" })
        let web = try estate.check("internet", "prod-vpc-1-web-0-eni-0", port: 443)
        #expect(web.verdict == .reachable)
        let ssh = try estate.check("internet", "prod-vpc-1-web-0-eni-0", port: 22)
        #expect(ssh.verdict == .unreachable)
    }
}
