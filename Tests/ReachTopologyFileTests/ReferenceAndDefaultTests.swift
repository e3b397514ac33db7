import ReachModel
import ReachNetwork
import ReachTopologyFile
import Testing

@Suite("References by name or id, and the defaults")
struct ReferenceAndDefaultTests {
    /// A design that leaves every optional key out.
    private let sparse = """
        vpcs:
          - {name: main-vpc, cidrs: [10.0.0.0/16]}
          - {name: peer-vpc, cidrs: [10.1.0.0/16]}
        subnets:
          - {name: a, vpc: main-vpc, cidr: 10.0.1.0/24, az: us-east-1a}
        natGateways:
          - {name: nat, subnet: a, privateIp: 10.0.1.4, publicIp: 198.51.100.4}
        peeringConnections:
          - {name: pcx, requester: main-vpc, accepter: peer-vpc}
        securityGroups:
          - {name: open, vpc: main-vpc, ingress: [{protocol: all, from: default}]}
        networkInterfaces:
          - {name: eni, subnet: a, privateIp: 10.0.1.5}
        instances:
          - {name: host, subnet: a, privateIp: 10.0.1.6, securityGroups: [default, open]}
        dbSubnetGroups:
          - {name: g, subnets: [a]}
        databases:
          - {name: pg, engine: postgres, subnetGroup: g}
          - {name: maria, engine: mariadb, subnetGroup: g}
        dbClusters:
          - name: aurora
            engine: aurora-mysql
            subnetGroup: g
            instances: [{name: aurora-1, role: writer}]
        onPremSites:
          - {name: dc, cidrs: [192.168.0.0/16]}

        """

    @Test func omittedKeysTakeTheirDefaults() throws {
        let topology = try load(sparse).topology
        #expect(topology.name == nil)
        #expect(topology.vpcs.allSatisfy { $0.region == "us-east-1" && $0.id == $0.name && $0.tags.isEmpty })
        let nat = try #require(topology.natGateways.first)
        #expect(nat.connectivity == .public)
        #expect(nat.isAvailable)
        #expect(topology.peeringConnections.first?.status == "active")
        #expect(topology.onPremSites.first?.publicCIDRBlocks == [])
        let eni = try #require(topology.networkInterfaces.first { $0.id == "eni" })
        #expect(eni.sourceDestCheck)
        #expect(eni.publicIP == nil)
        let mainVPC = try #require(topology.vpcs.first { $0.id == "main-vpc" })
        let implied = Topology.defaultSecurityGroup(for: mainVPC)
        #expect(eni.securityGroupIDs == [implied.id], "no securityGroups: the VPC's implied default group")
        #expect(topology.securityGroups.contains(implied))
        let open = try #require(topology.securityGroups.first { $0.id == "open" })
        #expect(
            open.ingress.map(\.peer) == [.securityGroup(implied.id)],
            "`default` names the VPC's default group")
        #expect(open.egress == [SecurityGroupRule(direction: .egress, match: .all, peer: .cidr(.all))])
        let host = try #require(topology.networkInterfaces.first { $0.id == "host-eni" })
        #expect(host.securityGroupIDs == [implied.id, "open"])

        let databases = Dictionary(uniqueKeysWithValues: topology.dbInstances.map { ($0.id, $0) })
        #expect(databases["pg"]?.port == 5432)
        #expect(databases["maria"]?.port == 3306)
        #expect(databases["pg"]?.subnetID == "a", "without subnet or privateIp, the group's only subnet")
        #expect(databases["pg"]?.privateIP == nil)
        #expect(databases["pg"]?.publiclyAccessible == false)
        #expect(databases["pg"]?.securityGroupIDs == [implied.id])
        #expect(databases["aurora-1"]?.port == 3306)
        #expect(databases["aurora-1"]?.securityGroupIDs == [implied.id])
        #expect(topology.dbClusters.first?.port == 3306)

        for vpc in topology.vpcs {
            #expect(topology.routeTables.filter { $0.vpcID == vpc.id && $0.isMain }.count == 1)
            #expect(topology.networkACLs.filter { $0.vpcID == vpc.id && $0.isDefault }.count == 1)
            #expect(topology.securityGroups.filter { $0.vpcID == vpc.id && $0.isDefault }.count == 1)
        }
    }

    @Test func namesAndIDsResolveToTheSameResources() throws {
        let withIDs = """
            vpcs:
              - {name: main-vpc, id: vpc-1, cidrs: [10.0.0.0/16]}
            internetGateways:
              - {name: igw, id: igw-1, vpc: VPC}
            subnets:
              - {name: a, id: subnet-1, vpc: VPC, cidr: 10.0.1.0/24, az: us-east-1a}
            securityGroups:
              - {name: web, id: sg-1, vpc: VPC, ingress: [{protocol: tcp, ports: 443, from: SG}]}
            routeTables:
              - {name: rt, vpc: VPC, subnets: [SUBNET], routes: [{destination: 0.0.0.0/0, target: IGW}]}
            instances:
              - {name: web-1, id: i-1, subnet: SUBNET, privateIp: 10.0.1.5, securityGroups: [SG]}

            """
        func spelled(_ vpc: String, _ igw: String, _ subnet: String, _ group: String) throws -> Topology {
            try load(
                withIDs.replacingOccurrences(of: "VPC", with: vpc).replacingOccurrences(of: "IGW", with: igw)
                    .replacingOccurrences(of: "SUBNET", with: subnet).replacingOccurrences(
                        of: "SG", with: group)
            ).topology
        }
        let byName = try spelled("main-vpc", "igw", "a", "web")
        let byID = try spelled("vpc-1", "igw-1", "subnet-1", "sg-1")
        #expect(byName == byID)
        #expect(byName.subnets.first?.vpcID == "vpc-1")
        #expect(byName.routeTables.first { $0.id == "rt" }?.subnetIDs == ["subnet-1"])
        #expect(byName.routeTables.first { $0.id == "rt" }?.routes.first?.target == .internetGateway("igw-1"))
        #expect(
            byName.securityGroups.first { $0.id == "sg-1" }?.ingress.first?.peer == .securityGroup("sg-1"))
        #expect(byName.networkInterfaces.first?.id == "i-1-eni")
        #expect(byName.networkInterfaces.first?.securityGroupIDs == ["sg-1"])
    }

    @Test func securityGroupsMayReferToGroupsInOtherVPCs() throws {
        let yaml = """
            vpcs:
              - {name: a, cidrs: [10.0.0.0/16]}
              - {name: b, cidrs: [10.1.0.0/16]}
            peeringConnections:
              - {name: ab, requester: a, accepter: b}
            securityGroups:
              - {name: a-sg, vpc: a}
              - {name: b-sg, vpc: b, ingress: [{protocol: tcp, ports: 22, from: a-sg}]}

            """
        let topology = try load(yaml).topology
        #expect(
            topology.securityGroups.first { $0.id == "b-sg" }?.ingress.first?.peer == .securityGroup("a-sg"))
    }

    @Test func duplicateACLRuleNumberIsPlacedAtTheSecondEntry() throws {
        let yaml =
            minimalYAML + """
                networkAcls:
                  - name: acl
                    vpc: shop-vpc
                    inbound:
                      - {rule: 100, action: allow, protocol: all, cidr: 10.0.0.0/16}
                      - {rule: 100, action: deny, protocol: all, cidr: 0.0.0.0/0}

                """
        guard case .invalidTopology(let problems)? = loadingError(yaml) else {
            Issue.record("expected invalidTopology")
            return
        }
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.problem.resource == ResourceRef(.networkACL, "acl"))
        #expect(problem.location.line == line(of: "action: deny", in: yaml))
        #expect(problem.location.keyPath == "networkAcls[0].inbound[1]")
    }

    @Test func blackholeRoutes() throws {
        let yaml =
            minimalYAML + """
                routeTables:
                  - name: rt
                    vpc: shop-vpc
                    routes:
                      - {destination: 10.9.0.0/16, target: blackhole}
                      - {destination: 10.8.0.0/16, target: pcx-0deleted, state: blackhole}
                      - {destination: 10.7.0.0/16, target: igw-0deleted, state: blackhole}

                """
        let table = try #require(try load(yaml).topology.routeTables.first { $0.id == "rt" })
        #expect(table.routes.allSatisfy { $0.state == .blackhole })
        #expect(
            table.routes.map(\.target) == [
                .unsupported(kind: "blackhole", id: "blackhole"), .peeringConnection("pcx-0deleted"),
                .internetGateway("igw-0deleted"),
            ])
        // The same vanished target on an active route is a dangling reference.
        let active = yaml.replacingOccurrences(
            of: "target: pcx-0deleted, state: blackhole", with: "target: pcx-0deleted")
        guard case .unknownReference(let location, _, let name, _)? = loadingError(active) else {
            Issue.record("expected unknownReference")
            return
        }
        #expect(name == "pcx-0deleted")
        #expect(location.keyPath == "routeTables[0].routes[1].target")
        // `blackhole` cannot be active.
        let contradictory = yaml.replacingOccurrences(
            of: "target: blackhole}", with: "target: blackhole, state: active}")
        guard case .conflict(let conflict, _)? = loadingError(contradictory) else {
            Issue.record("expected conflict")
            return
        }
        #expect(conflict.keyPath == "routeTables[0].routes[0].state")
    }

    @Test func emptySectionsAreEmpty() throws {
        let topology = try load(minimalYAML + "dbClusters:\n#  - name: later\nonPremSites: []\n").topology
        #expect(topology.dbClusters.isEmpty)
        #expect(topology.onPremSites.isEmpty)
        #expect(topology.subnets.count == 2)
        // Inside an item, an empty value is still an error.
        guard
            case .invalidValue(let location, _, let found)? = loadingError(
                minimalYAML.replacingOccurrences(
                    of: "az: us-east-1a\n  - name: app-a", with: "az:\n  - name: app-a"))
        else {
            Issue.record("expected invalidValue for an empty az")
            return
        }
        #expect(location.keyPath == "subnets[0].az")
        #expect(found == "an empty value")
    }

    @Test func securityGroupPeerListsExpandToOneRuleEach() throws {
        let yaml =
            minimalYAML + """
                prefixLists:
                  - {name: office, cidrs: [198.51.100.0/24]}
                securityGroups:
                  - name: app-sg
                    vpc: shop-vpc
                  - name: db-sg
                    vpc: shop-vpc
                    ingress:
                      - protocol: tcp
                        ports: 5432-5433
                        from: [app-sg, office, 10.0.1.0/24, "2001:db8::/32"]
                        description: many peers

                """
        let group = try #require(try load(yaml).topology.securityGroups.first { $0.id == "db-sg" })
        #expect(group.ingress.count == 4)
        #expect(group.ingress.allSatisfy { $0.match == .ports(.tcp, PortRange(5432, 5433) ?? .all) })
        #expect(group.ingress.allSatisfy { $0.description == "many peers" })
        #expect(
            group.ingress.map(\.peer) == [
                .securityGroup("app-sg"), .prefixList("office"),
                .cidr(try #require(IPv4Prefix("10.0.1.0/24"))),
                .ipv6CIDR("2001:db8::/32"),
            ])
    }
}
