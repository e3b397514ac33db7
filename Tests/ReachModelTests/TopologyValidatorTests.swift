import ReachModel
import ReachNetwork
import Testing

private func prefix(_ text: String) -> IPv4Prefix {
    IPv4Prefix(text) ?? .all
}

private func address(_ text: String) -> IPv4Address {
    IPv4Address(text) ?? IPv4Address(0)
}

/// A valid one-VPC topology to break in each test.
private func base() -> Topology {
    var topology = Topology(name: "t")
    topology.vpcs = [VPC(id: "vpc-1", name: "one", region: "us-east-1", cidrBlocks: [prefix("10.0.0.0/16")])]
    topology.subnets = [
        Subnet(
            id: "subnet-a", name: "a", vpcID: "vpc-1", availabilityZone: "us-east-1a",
            cidrBlock: prefix("10.0.1.0/24"))
    ]
    topology.addAWSDefaults()
    return topology
}

private func errors(_ topology: Topology) -> [TopologyProblem] {
    TopologyValidator.validate(topology).filter { $0.severity == .error }
}

@Suite("Topology validation")
struct TopologyValidatorTests {
    @Test("a consistent topology has no errors")
    func valid() {
        #expect(errors(base()).isEmpty)
    }

    @Test("AWS defaults: main route table, default ACL allowing all, default group (S-R-1, S-NACL-1, S-SG-4)")
    func defaults() throws {
        let topology = base()
        #expect(topology.routeTables.filter(\.isMain).count == 1)
        let acl = try #require(topology.networkACLs.first { $0.isDefault })
        #expect(acl.entries.allSatisfy { $0.action == .allow && $0.match == .all })
        let group = try #require(topology.securityGroups.first { $0.isDefault })
        #expect(group.ingress.map(\.peer) == [.securityGroup(group.id)])
        #expect(group.egress.map(\.peer) == [.cidr(.all)])
    }

    @Test("a subnet outside its VPC's blocks is an error")
    func subnetOutsideVPC() {
        var topology = base()
        topology.subnets[0].cidrBlock = prefix("10.9.0.0/24")
        let found = errors(topology)
        #expect(found.count == 1)
        #expect(found.first?.resource == ResourceRef(.subnet, "subnet-a"))
        #expect(found.first?.field == "cidr")
    }

    @Test("overlapping subnets in one VPC are an error")
    func overlappingSubnets() {
        var topology = base()
        topology.subnets.append(
            Subnet(
                id: "subnet-b", name: "b", vpcID: "vpc-1", availabilityZone: "us-east-1a",
                cidrBlock: prefix("10.0.1.128/25")))
        #expect(errors(topology).contains { $0.resource.id == "subnet-b" && $0.message.contains("overlaps") })
    }

    @Test("active peering between overlapping VPCs is an error; a pending one is not")
    func overlappingPeers() {
        var topology = base()
        topology.vpcs.append(
            VPC(id: "vpc-2", name: "two", region: "us-east-1", cidrBlocks: [prefix("10.0.0.0/8")]))
        topology.addAWSDefaults()
        topology.peeringConnections = [
            VPCPeeringConnection(
                id: "pcx-1", name: "p", requesterVPCID: "vpc-1", accepterVPCID: "vpc-2", status: "active")
        ]
        #expect(
            errors(topology).contains {
                $0.resource.kind == .peeringConnection && $0.message.contains("overlapping")
            })
        topology.peeringConnections[0].status = "pending-acceptance"
        #expect(errors(topology).isEmpty)
    }

    @Test("dangling references are errors naming the field")
    func danglingReferences() {
        var topology = base()
        topology.networkInterfaces = [
            NetworkInterface(
                id: "eni-1", name: "e", subnetID: "subnet-a", privateIPs: [address("10.0.1.5")],
                publicIP: nil,
                securityGroupIDs: ["sg-missing"])
        ]
        topology.routeTables[0].routes = [
            Route(destination: .cidr(.all), target: .internetGateway("igw-missing"))
        ]
        let found = errors(topology)
        #expect(found.contains { $0.resource.id == "eni-1" && $0.field == "securityGroups[0]" })
        #expect(found.contains { $0.resource.kind == .routeTable && $0.field == "routes[0].target" })
    }

    @Test("an interface address outside its subnet, or used twice in a VPC, is an error")
    func interfaceAddresses() {
        var topology = base()
        let group = topology.securityGroups[0].id
        topology.networkInterfaces = [
            NetworkInterface(
                id: "eni-1", name: "e1", subnetID: "subnet-a", privateIPs: [address("10.0.2.5")],
                publicIP: nil,
                securityGroupIDs: [group]),
            NetworkInterface(
                id: "eni-2", name: "e2", subnetID: "subnet-a", privateIPs: [address("10.0.1.9")],
                publicIP: nil,
                securityGroupIDs: [group]),
            NetworkInterface(
                id: "eni-3", name: "e3", subnetID: "subnet-a", privateIPs: [address("10.0.1.9")],
                publicIP: address("10.0.1.1"),
                securityGroupIDs: [group]),
        ]
        let found = errors(topology)
        #expect(found.contains { $0.resource.id == "eni-1" && $0.message.contains("outside") })
        #expect(found.contains { $0.resource.id == "eni-3" && $0.message.contains("already the address") })
        #expect(found.contains { $0.resource.id == "eni-3" && $0.message.contains("not a public address") })
    }

    @Test("a DB must be placed in a subnet of its subnet group")
    func databasePlacement() {
        var topology = base()
        topology.subnets.append(
            Subnet(
                id: "subnet-b", name: "b", vpcID: "vpc-1", availabilityZone: "us-east-1b",
                cidrBlock: prefix("10.0.2.0/24")))
        topology.dbSubnetGroups = [DBSubnetGroup(id: "g", name: "g", vpcID: "vpc-1", subnetIDs: ["subnet-a"])]
        topology.dbInstances = [
            DBInstance(
                id: "db", name: "db", engine: "postgres", port: 5432, subnetGroupID: "g",
                subnetID: "subnet-b", privateIP: nil,
                publicIP: nil, publiclyAccessible: false, securityGroupIDs: [])
        ]
        #expect(errors(topology).contains { $0.resource.id == "db" && $0.field == "subnet" })
    }

    @Test("default ports per engine (S-DB-1)")
    func enginePorts() {
        #expect(DBInstance.defaultPort(engine: "postgres") == 5432)
        #expect(DBInstance.defaultPort(engine: "aurora-mysql") == 3306)
        #expect(DBInstance.defaultPort(engine: "mariadb") == 3306)
        #expect(DBInstance.defaultPort(engine: "sqlserver-se") == 1433)
        #expect(DBInstance.defaultPort(engine: "oracle-ee") == 1521)
        #expect(DBInstance.defaultPort(engine: "cassandra") == nil)
    }
}
