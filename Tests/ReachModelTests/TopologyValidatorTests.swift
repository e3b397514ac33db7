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

@Suite("Connectivity validation")
struct ConnectivityValidatorTests {
    private func hub() -> Topology {
        var topology = base()
        topology.transitGateways = [TransitGateway(id: "tgw-1", name: "hub", region: "us-east-1")]
        topology.customerGateways = [
            CustomerGateway(id: "cgw-1", name: "c", ipAddress: nil, bgpASN: nil, siteID: nil)
        ]
        topology.virtualPrivateGateways = [VirtualPrivateGateway(id: "vgw-1", name: "v", vpcID: "vpc-1")]
        topology.vpnConnections = [
            VPNConnection(
                id: "vpn-1", name: "vpn", customerGatewayID: "cgw-1",
                gateway: .virtualPrivateGateway("vgw-1"),
                staticRoutesOnly: true, onPremPrefixes: [])
        ]
        return topology
    }

    @Test("a VPN attachment must name a VPN that ends on its transit gateway")
    func vpnAttachmentGateway() {
        var topology = hub()
        topology.transitGatewayAttachments = [
            TransitGatewayAttachment(
                id: "att-1", name: "a", transitGatewayID: "tgw-1", resource: .vpn(connectionID: "vpn-1"))
        ]
        #expect(
            errors(topology).contains {
                $0.resource.id == "att-1" && $0.message.contains("does not end on tgw-1")
            })
        topology.vpnConnections[0].gateway = .transitGateway("tgw-1")
        #expect(errors(topology).isEmpty)
    }

    @Test("S-TGW-1: an attachment is associated with at most one route table")
    func oneAssociation() {
        var topology = hub()
        topology.transitGatewayAttachments = [
            TransitGatewayAttachment(
                id: "att-1", name: "a", transitGatewayID: "tgw-1",
                resource: .vpc(vpcID: "vpc-1", subnetIDs: ["subnet-a"]))
        ]
        topology.transitGatewayRouteTables = ["rt-1", "rt-2"].map {
            TransitGatewayRouteTable(
                id: $0, name: $0, transitGatewayID: "tgw-1", associationIDs: ["att-1"], propagationIDs: [],
                routes: [])
        }
        #expect(
            errors(topology).contains {
                $0.resource.id == "rt-2" && $0.message.contains("already associated")
            })
    }

    @Test("S-TGW-4: a peering attachment propagates nothing")
    func peeringPropagation() {
        var topology = hub()
        topology.transitGateways.append(TransitGateway(id: "tgw-2", name: "eu", region: "eu-west-1"))
        topology.transitGatewayAttachments = [
            TransitGatewayAttachment(
                id: "peer", name: "p", transitGatewayID: "tgw-1",
                resource: .peering(peerTransitGatewayID: "tgw-2", peerAttachmentID: nil))
        ]
        topology.transitGatewayRouteTables = [
            TransitGatewayRouteTable(
                id: "rt-1", name: "rt", transitGatewayID: "tgw-1", associationIDs: [],
                propagationIDs: ["peer"], routes: [])
        ]
        #expect(errors(topology).contains { $0.message.contains("static routes only") })
    }

    @Test("routes cannot target an interface endpoint; gateway endpoints serve tables of their own VPC")
    func endpointRoutes() {
        var topology = hub()
        topology.vpcs.append(
            VPC(id: "vpc-2", name: "two", region: "us-east-1", cidrBlocks: [prefix("10.9.0.0/16")]))
        topology.addAWSDefaults()
        let otherTable = topology.routeTables.first { $0.vpcID == "vpc-2" }?.id ?? ""
        topology.vpcEndpoints = [
            VPCEndpoint(id: "vpce-i", name: "i", vpcID: "vpc-1", kind: .interface, serviceName: "svc"),
            VPCEndpoint(
                id: "vpce-g", name: "g", vpcID: "vpc-1", kind: .gateway, serviceName: "s3",
                routeTableIDs: [otherTable]),
        ]
        topology.routeTables[0].routes = [Route(destination: .cidr(.all), target: .vpcEndpoint("vpce-i"))]
        let found = errors(topology)
        #expect(found.contains { $0.message.contains("is an interface endpoint") })
        #expect(found.contains { $0.resource.id == "vpce-g" && $0.message.contains("not vpc-1") })
    }
}
