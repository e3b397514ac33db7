import ReachModel
import ReachNetwork
import ReachTopologyFile
import Testing

/// A design using every section and most options, referring by name in some places and by id
/// in others.
private let fullYAML = """
    name: shop
    region: eu-west-1
    vpcs:
      - name: shop-vpc
        id: vpc-0a1b2c3d
        cidrs: [10.0.0.0/16, 10.1.0.0/16]
        tags: {env: prod, tier: 3}
      - name: analytics-vpc
        cidrs: [10.50.0.0/16]
        region: us-west-2
    internetGateways:
      - name: shop-igw
        id: igw-1
        vpc: vpc-0a1b2c3d
      - name: spare-igw
    subnets:
      - {name: web-a, id: subnet-web-a, vpc: shop-vpc, cidr: 10.0.1.0/24, az: eu-west-1a}
      - {name: app-a, vpc: shop-vpc, cidr: 10.0.2.0/24, az: eu-west-1a}
      - {name: db-a, vpc: shop-vpc, cidr: 10.0.3.0/24, az: eu-west-1a}
      - {name: db-b, vpc: shop-vpc, cidr: 10.1.4.0/24, az: eu-west-1b}
      - {name: an-a, vpc: analytics-vpc, cidr: 10.50.1.0/24, az: us-west-2a}
    routeTables:
      - name: public-rt
        id: rtb-public
        vpc: shop-vpc
        subnets: [subnet-web-a]
        tags: {Name: public}
        routes:
          - {destination: 0.0.0.0/0, target: igw-1}
          - {destination: 10.50.0.0/16, target: shop-to-analytics}
          - {destination: office-ranges, target: fw-1}
          - {destination: 10.0.0.0/16, target: local}
          - {destination: 192.168.0.0/16, target: blackhole}
          - {destination: 10.60.0.0/16, target: pcx-gone, state: blackhole}
          - {destination: 10.70.0.0/16, target: eigw-0123}
      - name: app-rt
        vpc: shop-vpc
        main: true
        routes:
          - {destination: 0.0.0.0/0, target: nat-a}
          - {destination: 172.16.0.0/12, target: firewall-eni}
          - {destination: 172.20.0.0/16, target: web-1}
    natGateways:
      - {name: nat-a, id: nat-1, subnet: web-a, privateIp: 10.0.1.10, publicIp: 203.0.113.10}
      - {name: nat-private, subnet: app-a, privateIp: 10.0.2.10, connectivity: private, state: deleted}
    peeringConnections:
      - {name: shop-to-analytics, id: pcx-1, requester: shop-vpc, accepter: analytics-vpc}
      - {name: old, requester: shop-vpc, accepter: analytics-vpc, status: pending-acceptance}
    prefixLists:
      - {name: office-ranges, id: pl-0123456789abcdef0, cidrs: [198.51.100.0/24, 192.0.2.0/24]}
    securityGroups:
      - name: web-sg
        id: sg-web
        vpc: shop-vpc
        ingress:
          - {protocol: tcp, ports: 443, from: [0.0.0.0/0, "::/0"], description: https}
          - {protocol: icmp, icmpType: 8, from: 10.0.0.0/16}
      - name: db-sg
        vpc: shop-vpc
        ingress:
          - {protocol: tcp, ports: 5432, from: sg-web}
          - {protocol: udp, ports: 1000-2000, from: pl-0123456789abcdef0}
          - {protocol: all, from: default}
          - {protocol: 50, from: 10.0.0.0/8}
          - {protocol: "-1", from: office-ranges}
        egress:
          - {protocol: tcp, ports: all, to: 10.0.0.0/16}
      - name: fw-sg
        vpc: shop-vpc
        default: true
    networkAcls:
      - name: db-nacl
        id: acl-db
        vpc: shop-vpc
        subnets: [db-a, db-b]
        inbound:
          - {rule: 100, action: allow, protocol: tcp, ports: 5432, cidr: 10.0.2.0/24}
          - {rule: 200, action: deny, protocol: all, cidr: 0.0.0.0/0}
        outbound:
          - {rule: 100, action: allow, protocol: tcp, ports: 1024-65535, cidr: 10.0.2.0/24}
          - {rule: 110, action: allow, protocol: icmp, icmpType: 0, icmpCode: 0, cidr: 10.0.0.0/16}
      - name: shop-default-nacl
        vpc: shop-vpc
        default: true
    networkInterfaces:
      - name: firewall-eni
        id: eni-fw
        subnet: web-a
        privateIps: [10.0.1.20, 10.0.1.21]
        publicIp: 203.0.113.20
        securityGroups: [fw-sg]
        sourceDestCheck: false
      - name: spare-eni
        subnet: app-a
        privateIp: 10.0.2.30
    instances:
      - name: web-1
        id: i-web
        subnet: web-a
        privateIp: 10.0.1.5
        publicIp: 203.0.113.5
        securityGroups: [web-sg]
        tags: {role: web}
      - name: fw-1
        networkInterfaces: [eni-fw]
    dbSubnetGroups:
      - {name: orders-subnets, subnets: [db-a, db-b]}
    databases:
      - name: orders-db
        id: db-orders
        engine: postgres
        subnetGroup: orders-subnets
        subnet: db-a
        privateIp: 10.0.3.10
        securityGroups: [db-sg]
      - name: legacy-db
        engine: mysql
        port: 3307
        subnetGroup: orders-subnets
        privateIp: 10.1.4.9
        publiclyAccessible: true
        publicIp: 203.0.113.30
    dbClusters:
      - name: orders-cluster
        engine: aurora-postgresql
        subnetGroup: orders-subnets
        securityGroups: [db-sg]
        instances:
          - {name: orders-1, subnet: db-a, privateIp: 10.0.3.21, role: writer}
          - name: orders-2
            id: db-orders-2
            subnet: db-b
            privateIp: 10.1.4.21
            role: reader
            publiclyAccessible: true
            publicIp: 203.0.113.31
    onPremSites:
      - {name: dc1, cidrs: [192.168.0.0/16], publicCidrs: [198.51.100.0/28]}
      - {name: dc2, cidrs: [172.20.0.0/16]}

    """

private func prefix(_ text: String) throws -> IPv4Prefix { try #require(IPv4Prefix(text)) }
private func address(_ text: String) throws -> IPv4Address { try #require(IPv4Address(text)) }

@Suite("Every section parses into the model")
struct SectionParsingTests {
    let topology: Topology

    init() throws {
        topology = try load(fullYAML).topology
    }

    @Test func designNameAndVPCs() throws {
        #expect(topology.name == "shop")
        let shop = try #require(topology.vpcs.first { $0.name == "shop-vpc" })
        #expect(shop.id == "vpc-0a1b2c3d")
        #expect(shop.cidrBlocks == [try prefix("10.0.0.0/16"), try prefix("10.1.0.0/16")])
        #expect(shop.region == "eu-west-1", "the top-level region is the default")
        #expect(shop.tags == ["env": "prod", "tier": "3"])
        let analytics = try #require(topology.vpcs.first { $0.name == "analytics-vpc" })
        #expect(analytics.id == "analytics-vpc", "the id defaults to the name")
        #expect(analytics.region == "us-west-2")
    }

    @Test func internetGatewaysAndSubnets() throws {
        #expect(topology.internetGateways.map(\.id) == ["igw-1", "spare-igw"])
        #expect(topology.internetGateways.map(\.vpcID) == ["vpc-0a1b2c3d", nil])
        let web = try #require(topology.subnets.first)
        #expect(web.id == "subnet-web-a")
        #expect(web.name == "web-a")
        #expect(web.vpcID == "vpc-0a1b2c3d")
        #expect(web.cidrBlock == (try prefix("10.0.1.0/24")))
        #expect(web.availabilityZone == "eu-west-1a")
        #expect(topology.subnets.map(\.id) == ["subnet-web-a", "app-a", "db-a", "db-b", "an-a"])
    }

    @Test func routeTablesAndEveryKindOfTarget() throws {
        let publicTable = try #require(topology.routeTables.first { $0.id == "rtb-public" })
        #expect(publicTable.name == "public-rt")
        #expect(publicTable.isMain == false)
        #expect(publicTable.subnetIDs == ["subnet-web-a"])
        #expect(publicTable.tags == ["Name": "public"])
        let expected: [Route] = [
            Route(destination: .cidr(try prefix("0.0.0.0/0")), target: .internetGateway("igw-1")),
            Route(destination: .cidr(try prefix("10.50.0.0/16")), target: .peeringConnection("pcx-1")),
            Route(destination: .prefixList("pl-0123456789abcdef0"), target: .networkInterface("eni-fw")),
            Route(destination: .cidr(try prefix("10.0.0.0/16")), target: .local),
            Route(
                destination: .cidr(try prefix("192.168.0.0/16")),
                target: .unsupported(kind: "blackhole", id: "blackhole"), state: .blackhole),
            Route(
                destination: .cidr(try prefix("10.60.0.0/16")), target: .peeringConnection("pcx-gone"),
                state: .blackhole),
            Route(
                destination: .cidr(try prefix("10.70.0.0/16")),
                target: .unsupported(kind: "egress-only-internet-gateway", id: "eigw-0123")),
        ]
        #expect(publicTable.routes == expected)
        let appTable = try #require(topology.routeTables.first { $0.id == "app-rt" })
        #expect(appTable.isMain)
        #expect(appTable.subnetIDs.isEmpty)
        #expect(
            appTable.routes.map(\.target) == [
                .natGateway("nat-1"), .networkInterface("eni-fw"), .networkInterface("i-web-eni"),
            ])
        #expect(
            !topology.routeTables.contains { $0.vpcID == "vpc-0a1b2c3d" && $0.isMain && $0.id != "app-rt" },
            "a declared main table replaces the implied one")
    }

    @Test func natGateways() throws {
        let nat = try #require(topology.natGateways.first)
        #expect(nat.id == "nat-1")
        #expect(nat.subnetID == "subnet-web-a")
        #expect(nat.privateIP == (try address("10.0.1.10")))
        #expect(nat.publicIP == (try address("203.0.113.10")))
        #expect(nat.connectivity == .public)
        #expect(nat.isAvailable)
        let privateNAT = try #require(topology.natGateways.last)
        #expect(privateNAT.connectivity == .private)
        #expect(privateNAT.publicIP == nil)
        #expect(!privateNAT.isAvailable)
    }

    @Test func peeringConnectionsAndPrefixLists() throws {
        let peering = try #require(topology.peeringConnections.first)
        #expect(peering.id == "pcx-1")
        #expect(peering.requesterVPCID == "vpc-0a1b2c3d")
        #expect(peering.accepterVPCID == "analytics-vpc")
        #expect(peering.status == "active")
        #expect(topology.peeringConnections.last?.status == "pending-acceptance")
        let list = try #require(topology.prefixLists.first)
        #expect(list.id == "pl-0123456789abcdef0")
        #expect(list.name == "office-ranges")
        #expect(list.cidrBlocks == [try prefix("198.51.100.0/24"), try prefix("192.0.2.0/24")])
    }

    @Test func securityGroupRules() throws {
        let web = try #require(topology.securityGroups.first { $0.id == "sg-web" })
        #expect(!web.isDefault)
        #expect(
            web.ingress == [
                SecurityGroupRule(
                    direction: .ingress, match: .ports(.tcp, PortRange(443)), peer: .cidr(.all),
                    description: "https"),
                SecurityGroupRule(
                    direction: .ingress, match: .ports(.tcp, PortRange(443)), peer: .ipv6CIDR("::/0"),
                    description: "https"),
                SecurityGroupRule(
                    direction: .ingress, match: .icmp(type: 8, code: nil),
                    peer: .cidr(try prefix("10.0.0.0/16"))),
            ])
        #expect(
            web.egress == [SecurityGroupRule(direction: .egress, match: .all, peer: .cidr(.all))],
            "omitted egress allows everything out")
        let db = try #require(topology.securityGroups.first { $0.id == "db-sg" })
        #expect(
            db.ingress.map(\.match) == [
                .ports(.tcp, PortRange(5432)), .ports(.udp, try #require(PortRange(1000, 2000))), .all,
                .other(IPProtocolNumber(50)), .all,
            ])
        #expect(
            db.ingress.map(\.peer) == [
                .securityGroup("sg-web"), .prefixList("pl-0123456789abcdef0"), .securityGroup("fw-sg"),
                .cidr(try prefix("10.0.0.0/8")), .prefixList("pl-0123456789abcdef0"),
            ])
        #expect(
            db.egress == [
                SecurityGroupRule(
                    direction: .egress, match: .ports(.tcp, .all), peer: .cidr(try prefix("10.0.0.0/16")))
            ])
        let fw = try #require(topology.securityGroups.first { $0.id == "fw-sg" })
        #expect(fw.isDefault)
        #expect(
            fw.ingress == [
                SecurityGroupRule(direction: .ingress, match: .all, peer: .securityGroup("fw-sg"))
            ],
            "a declared default group without ingress admits its own members, as AWS's does")
        #expect(
            topology.securityGroups.filter { $0.vpcID == "vpc-0a1b2c3d" && $0.isDefault }.map(\.id) == [
                "fw-sg"
            ],
            "a declared default group replaces the implied one")
    }

    @Test func networkACLs() throws {
        let acl = try #require(topology.networkACLs.first { $0.id == "acl-db" })
        #expect(acl.name == "db-nacl")
        #expect(!acl.isDefault)
        #expect(acl.subnetIDs == ["db-a", "db-b"])
        #expect(
            acl.entries == [
                NetworkACLEntry(
                    ruleNumber: 100, direction: .ingress, action: .allow,
                    match: .ports(.tcp, PortRange(5432)),
                    cidrBlock: try prefix("10.0.2.0/24")),
                NetworkACLEntry(
                    ruleNumber: 200, direction: .ingress, action: .deny, match: .all, cidrBlock: .all),
                NetworkACLEntry(
                    ruleNumber: 100, direction: .egress, action: .allow, match: .ports(.tcp, .ephemeral),
                    cidrBlock: try prefix("10.0.2.0/24")),
                NetworkACLEntry(
                    ruleNumber: 110, direction: .egress, action: .allow, match: .icmp(type: 0, code: 0),
                    cidrBlock: try prefix("10.0.0.0/16")),
            ])
        let declaredDefault = try #require(topology.networkACLs.first { $0.id == "shop-default-nacl" })
        #expect(declaredDefault.isDefault)
        #expect(
            declaredDefault.entries == [
                NetworkACLEntry(
                    ruleNumber: 100, direction: .ingress, action: .allow, match: .all, cidrBlock: .all),
                NetworkACLEntry(
                    ruleNumber: 100, direction: .egress, action: .allow, match: .all, cidrBlock: .all),
            ], "a declared default ACL without entries allows everything, as AWS's does")
        #expect(topology.networkACLs.filter { $0.vpcID == "vpc-0a1b2c3d" && $0.isDefault }.count == 1)
    }

    @Test func networkInterfacesAndInstances() throws {
        let firewall = try #require(topology.networkInterfaces.first { $0.id == "eni-fw" })
        #expect(firewall.name == "firewall-eni")
        #expect(firewall.subnetID == "subnet-web-a")
        #expect(firewall.privateIPs == [try address("10.0.1.20"), try address("10.0.1.21")])
        #expect(firewall.publicIP == (try address("203.0.113.20")))
        #expect(firewall.securityGroupIDs == ["fw-sg"])
        #expect(!firewall.sourceDestCheck)
        #expect(firewall.instanceID == "fw-1", "attaching an interface records its instance")
        let spare = try #require(topology.networkInterfaces.first { $0.id == "spare-eni" })
        #expect(spare.privateIPs == [try address("10.0.2.30")])
        #expect(spare.securityGroupIDs == ["fw-sg"], "no securityGroups: the VPC's (declared) default group")
        #expect(spare.sourceDestCheck)
        #expect(spare.instanceID == nil)

        let web = try #require(topology.instances.first { $0.id == "i-web" })
        #expect(web.name == "web-1")
        #expect(web.networkInterfaceIDs == ["i-web-eni"])
        #expect(web.tags == ["role": "web"])
        let shorthand = try #require(topology.networkInterfaces.first { $0.id == "i-web-eni" })
        #expect(shorthand.name == "web-1")
        #expect(shorthand.subnetID == "subnet-web-a")
        #expect(shorthand.privateIPs == [try address("10.0.1.5")])
        #expect(shorthand.publicIP == (try address("203.0.113.5")))
        #expect(shorthand.securityGroupIDs == ["sg-web"])
        #expect(shorthand.instanceID == "i-web")
        let firewallInstance = try #require(topology.instances.first { $0.id == "fw-1" })
        #expect(firewallInstance.networkInterfaceIDs == ["eni-fw"])
    }

    @Test func databasesAndSubnetGroups() throws {
        let group = try #require(topology.dbSubnetGroups.first)
        #expect(group.id == "orders-subnets")
        #expect(group.vpcID == "vpc-0a1b2c3d", "a DB subnet group is in its subnets' VPC")
        #expect(group.subnetIDs == ["db-a", "db-b"])
        let orders = try #require(topology.dbInstances.first { $0.id == "db-orders" })
        #expect(orders.name == "orders-db")
        #expect(orders.engine == "postgres")
        #expect(orders.port == 5432, "the engine's default port")
        #expect(orders.subnetGroupID == "orders-subnets")
        #expect(orders.subnetID == "db-a")
        #expect(orders.privateIP == (try address("10.0.3.10")))
        #expect(orders.publicIP == nil)
        #expect(!orders.publiclyAccessible)
        #expect(orders.securityGroupIDs == ["db-sg"])
        #expect(orders.clusterID == nil)
        let legacy = try #require(topology.dbInstances.first { $0.id == "legacy-db" })
        #expect(legacy.port == 3307)
        #expect(legacy.subnetID == "db-b", "without subnet, the group subnet holding the private IP")
        #expect(legacy.publiclyAccessible)
        #expect(legacy.publicIP == (try address("203.0.113.30")))
        #expect(legacy.securityGroupIDs == ["fw-sg"], "no securityGroups: the VPC's default group")
    }

    @Test func auroraClusters() throws {
        let cluster = try #require(topology.dbClusters.first)
        #expect(cluster.id == "orders-cluster")
        #expect(cluster.engine == "aurora-postgresql")
        #expect(cluster.port == 5432)
        #expect(cluster.memberIDs == ["orders-1", "db-orders-2"])
        let writer = try #require(topology.dbInstances.first { $0.id == "orders-1" })
        #expect(writer.clusterID == "orders-cluster")
        #expect(writer.isClusterWriter)
        #expect(writer.engine == "aurora-postgresql")
        #expect(writer.port == 5432)
        #expect(writer.subnetGroupID == "orders-subnets")
        #expect(writer.securityGroupIDs == ["db-sg"])
        #expect(!writer.publiclyAccessible)
        let reader = try #require(topology.dbInstances.first { $0.id == "db-orders-2" })
        #expect(reader.name == "orders-2")
        #expect(!reader.isClusterWriter)
        #expect(reader.subnetID == "db-b")
        #expect(reader.publiclyAccessible)
        #expect(reader.publicIP == (try address("203.0.113.31")))
    }

    @Test func onPremSites() throws {
        #expect(
            topology.onPremSites == [
                OnPremSite(
                    id: "dc1", name: "dc1", cidrBlocks: [try prefix("192.168.0.0/16")],
                    publicCIDRBlocks: [try prefix("198.51.100.0/28")]),
                OnPremSite(
                    id: "dc2", name: "dc2", cidrBlocks: [try prefix("172.20.0.0/16")],
                    publicCIDRBlocks: []),
            ])
    }

    @Test func impliedDefaultsForAVPCThatDeclaresNone() throws {
        let analytics = try #require(topology.vpcs.first { $0.id == "analytics-vpc" })
        let main = topology.routeTables.filter { $0.vpcID == analytics.id && $0.isMain }
        #expect(main.count == 1)
        #expect(main.first?.routes.isEmpty == true)
        let acl = try #require(topology.networkACLs.first { $0.vpcID == analytics.id && $0.isDefault })
        #expect(acl.entries.allSatisfy { $0.action == .allow && $0.match == .all && $0.cidrBlock == .all })
        let group = try #require(topology.securityGroups.first { $0.vpcID == analytics.id && $0.isDefault })
        #expect(group == Topology.defaultSecurityGroup(for: analytics))
    }
}
