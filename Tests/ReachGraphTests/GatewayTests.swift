import ReachGraph
import Testing

@Suite("Internet and NAT gateways (S-GW-1, S-GW-2)")
struct GatewayTests {
    @Test("S-GW-1: a public IP, an IGW route and allowing SG/NACL make an instance internet-reachable")
    func internetToPublicInstance() throws {
        let net = try TestNetwork(twoTier())
        let result = try net.check("internet", "web", port: 443)
        #expect(result.verdict == .reachable)
        #expect(
            result.trace.hops.contains {
                $0.component.name == "igw-a" && $0.action == .translated && $0.direction == .forward
            })
        #expect(
            result.trace.hops.contains {
                $0.component.name == "igw-a" && $0.action == .translated && $0.direction == .return
            })
    }

    @Test("S-GW-1: without a public IP the internet cannot address an instance")
    func noPublicIPInbound() throws {
        let net = try TestNetwork(twoTier())
        let result = try net.check("internet", "web2", port: 443)
        #expect(result.verdict == .unreachable)
        #expect(result.reason == .noPublicIP)
    }

    @Test("S-GW-1: without a public IP an instance cannot use the internet gateway")
    func noPublicIPOutbound() throws {
        let net = try TestNetwork(twoTier())
        let result = try net.check("web2", "internet", port: 443)
        #expect(result.reason == .igwPublicIPAssociationForEgress)
        #expect(result.firstBlocker?.component.name == "igw-a")
    }

    @Test("S-GW-1: the reply needs a route back to the internet gateway")
    func replyNeedsIGWRoute() throws {
        // A public IP in a subnet whose table has no internet route: the request enters, the reply is lost.
        let net = try TestNetwork(
            twoTier([
                "{name: app, subnet: private, privateIp: 10.0.2.10,":
                    "{name: app, subnet: data, privateIp: 10.1.3.20, publicIp: 203.0.113.20,"
            ]))
        let result = try net.check("internet", "app", port: 8080, sourcePort: 40000)
        #expect(result.verdict == .unreachable)
        #expect(result.blockers.contains { $0.reason == .noRouteToDestination && $0.direction == .return })
    }

    @Test("S-GW-1: a VPC with no internet gateway is not reachable from the internet")
    func noInternetGateway() throws {
        let net = try TestNetwork(
            twoTier(["  - {name: igw-a, vpc: vpc-a}": "  - {name: igw-a}"]).replacingOccurrences(
                of: "target: igw-a}", with: "target: blackhole}"))
        let result = try net.check("internet", "web", port: 443)
        #expect(result.reason == .noInternetGateway)
    }

    @Test("S-GW-1: a DB that is not publicly accessible is unreachable from the internet")
    func privateDatabase() throws {
        let net = try TestNetwork(twoTier())
        let result = try net.check("internet", "db")
        #expect(result.verdict == .unreachable)
        #expect(result.reason == .dbNotPubliclyAccessible)
        #expect(result.firstBlocker?.component.id == "db")
    }

    @Test("S-GW-1: a publicly accessible DB needs an internet route and SG too; its public IP may be unknown")
    func publicDatabase() throws {
        let open = twoTier([
            "privateIp: 10.1.3.10, securityGroups: [db-sg]}":
                "privateIp: 10.1.3.10, publiclyAccessible: true, securityGroups: [db-sg]}",
            "      - {protocol: tcp, ports: 5432, from: app-sg}":
                "      - {protocol: tcp, ports: 5432, from: 0.0.0.0/0}",
        ])
        // On the main table (no internet route), the reply cannot leave.
        let noRoute = try TestNetwork(open).check("internet", "db")
        #expect(noRoute.verdict == .unreachable)
        #expect(noRoute.blockers.first?.direction == .return)
        // Routed to the internet gateway: exposed, even though the input does not give its public IP.
        let exposed = try TestNetwork(
            open.replacingOccurrences(of: "subnets: [public]", with: "subnets: [public, data]")
        )
        .check("internet", "db")
        #expect(exposed.verdict == .reachable)
    }

    @Test("S-GW-2: a NAT gateway lets a private subnet open connections out")
    func natOutbound() throws {
        let net = try TestNetwork(twoTier())
        let result = try net.check("app", "internet", port: 443)
        #expect(result.verdict == .reachable)
        #expect(
            result.trace.hops.contains {
                $0.component.name == "nat-a" && $0.action == .translated && $0.direction == .forward
            })
        #expect(
            result.trace.hops.contains {
                $0.component.name == "nat-a" && $0.action == .translated && $0.direction == .return
            })
    }

    @Test("S-GW-2: nothing outside can open a connection in through a NAT gateway")
    func natNoInbound() throws {
        let net = try TestNetwork(twoTier())
        let result = try net.check("internet", "203.0.113.100", port: 443)
        #expect(result.verdict == .unreachable)
        #expect(result.reason == .natGatewayNoInbound)
    }

    @Test("S-GW-2: a reply leaving through a NAT gateway reaches the client from the wrong address")
    func asymmetricReturn() throws {
        // web has a public IP, but its subnet's default route goes to the NAT gateway.
        let net = try TestNetwork(
            twoTier([
                "{name: web, subnet: public,": "{name: web, subnet: private,",
                "privateIp: 10.0.1.10, publicIp": "privateIp: 10.0.2.30, publicIp",
            ]))
        let result = try net.check("internet", "web", port: 443)
        #expect(result.verdict == .unreachable)
        #expect(result.reason == .asymmetricReturnPath)
        #expect(result.firstBlocker?.direction == .return)
    }

    @Test("S-GW-2: a private NAT gateway has no public address for the internet gateway")
    func privateNAT() throws {
        let net = try TestNetwork(
            twoTier(["publicIp: 203.0.113.100}": "connectivity: private}"]))
        let result = try net.check("app", "internet", port: 443)
        #expect(result.reason == .igwPublicIPAssociationForEgress)
    }

    @Test("S-GW-1: a host named only by its subnet may or may not have a public IP: unknown")
    func subnetHostToInternetIsUnknown() throws {
        let net = try TestNetwork(twoTier())
        let result = try net.check("public", "internet", port: 443)
        #expect(result.verdict == .unknown)
        #expect(result.reason == .addressNotKnown)
    }
}
