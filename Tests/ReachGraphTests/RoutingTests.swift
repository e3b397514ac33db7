import ReachGraph
import Testing

@Suite("Routing (S-R)")
struct RoutingTests {
    @Test("S-R-1: a subnet without an explicit association uses the VPC's main route table")
    func mainRouteTable() throws {
        let net = try TestNetwork(twoTier())
        // The data subnet has no association: the implied main table has only local routes.
        let result = try net.check("db", "internet", port: 443)
        #expect(result.verdict == .unreachable)
        #expect(result.reason == .noRouteToDestination)
        #expect(result.firstBlocker?.component.id == "vpc-a:main-route-table")
    }

    @Test("S-R-1: an explicit association overrides the main table")
    func explicitAssociation() throws {
        let net = try TestNetwork(twoTier(["subnets: [public]": "subnets: [public, data]"]))
        let result = try net.check("db", "internet", port: 443)
        // Now routed to the internet gateway, where the DB's lack of a public IP stops it.
        #expect(result.reason == .igwPublicIPAssociationForEgress)
        #expect(result.pathUses("route 0.0.0.0/0 -> igw-a"))
    }

    @Test("S-R-2: local routes cover every VPC block, secondary included, and beat a default route")
    func localRouteForSecondaryCIDR() throws {
        let net = try TestNetwork(twoTier())
        let result = try net.check("app", "db")
        #expect(result.verdict == .reachable)
        #expect(result.pathUses("route 10.1.0.0/16 -> local"))
    }

    @Test("S-R-2: a less specific route never overrides the local route")
    func lessSpecificRouteDoesNotOverrideLocal() throws {
        let net = try TestNetwork(
            twoTier([
                "      - {destination: 0.0.0.0/0, target: nat-a}":
                    "      - {destination: 0.0.0.0/0, target: nat-a}\n      - {destination: 10.0.0.0/8, target: igw-a}"
            ]))
        let result = try net.check("app", "db")
        #expect(result.verdict == .reachable)
        #expect(result.pathUses("route 10.1.0.0/16 -> local"))
    }

    @Test("S-R-2: the longest prefix wins: a more specific blackhole route drops")
    func longestPrefixMatch() throws {
        let net = try TestNetwork(
            twoTier([
                "      - {destination: 0.0.0.0/0, target: nat-a}":
                    "      - {destination: 0.0.0.0/0, target: nat-a}\n      - {destination: 10.1.3.0/24, target: blackhole}"
            ]))
        let result = try net.check("app", "db")
        #expect(result.verdict == .unreachable)
        #expect(result.reason == .badStateRoute)
        #expect(result.firstBlocker?.rule?.contains("10.1.3.0/24") == true)
        #expect(result.firstBlocker?.component.id == "private-rt")
    }

    @Test("S-R-3: a route to an internet gateway that is not attached to the VPC is a bad route")
    func detachedInternetGateway() throws {
        let net = try TestNetwork(
            twoTier(
                ["  - {name: igw-a, vpc: vpc-a}": "  - {name: igw-a, vpc: vpc-a}\n  - {name: igw-loose}"],
                extra: ""
            ).replacingOccurrences(
                of: "      - {destination: 0.0.0.0/0, target: igw-a}",
                with: "      - {destination: 0.0.0.0/0, target: igw-loose}"))
        let result = try net.check("web", "internet", port: 443)
        #expect(result.reason == .badStateRoute)
        #expect(result.firstBlocker?.detail.contains("not attached") == true)
    }

    @Test("S-R-3: a NAT gateway that is not available forwards nothing")
    func unavailableNATGateway() throws {
        let net = try TestNetwork(
            twoTier(["publicIp: 203.0.113.100}": "publicIp: 203.0.113.100, state: failed}"]))
        let result = try net.check("app", "internet", port: 443)
        #expect(result.reason == .badStateRoute)
        #expect(result.firstBlocker?.component.id == "private-rt")
    }

    @Test("S-R-3: traffic handed to an appliance interface is unknown, not guessed")
    func applianceTargetIsUnknown() throws {
        let extra = """
            networkInterfaces:
              - {name: fw-eni, subnet: public, privateIp: 10.0.1.50, sourceDestCheck: false, securityGroups: [web-sg]}

            """
        let net = try TestNetwork(
            twoTier(
                [
                    "      - {destination: 0.0.0.0/0, target: nat-a}":
                        "      - {destination: 0.0.0.0/0, target: fw-eni}"
                ], extra: extra))
        let result = try net.check("app", "internet", port: 443)
        #expect(result.verdict == .unknown)
        #expect(result.reason == .unsupportedComponent)
    }

    @Test("S-R-3: an appliance with its source/destination check on drops forwarded traffic")
    func sourceDestCheckDrops() throws {
        let extra = """
            networkInterfaces:
              - {name: fw-eni, subnet: public, privateIp: 10.0.1.50, securityGroups: [web-sg]}

            """
        let net = try TestNetwork(
            twoTier(
                [
                    "      - {destination: 0.0.0.0/0, target: nat-a}":
                        "      - {destination: 0.0.0.0/0, target: fw-eni}"
                ], extra: extra))
        let result = try net.check("app", "internet", port: 443)
        #expect(result.verdict == .unreachable)
        #expect(result.reason == .sourceDestinationCheck)
    }

    @Test("S-R-4: a prefix-list destination matches exactly its entries")
    func prefixListRoute() throws {
        let extra = """
            prefixLists:
              - {name: office, id: pl-0123456789abcdef0, cidrs: [198.51.100.0/24]}

            """
        let net = try TestNetwork(
            twoTier(
                [
                    "      - {destination: 0.0.0.0/0, target: igw-a}":
                        "      - {destination: office, target: igw-a}"
                ], extra: extra))
        let inList = try net.check("web", "198.51.100.7", port: 443)
        #expect(inList.verdict == .reachable)
        #expect(inList.pathUses("prefix list pl-0123456789abcdef0"))
        let outside = try net.check("web", "192.0.2.7", port: 443)
        #expect(outside.reason == .noRouteToDestination)
    }

    @Test("S-R-5: no matching route drops with NO_ROUTE_TO_DESTINATION at that table")
    func noRoute() throws {
        let net = try TestNetwork(
            twoTier([
                "    subnets: [public]\n    routes:\n      - {destination: 0.0.0.0/0, target: igw-a}":
                    "    subnets: [public]\n    routes: []"
            ]))
        let result = try net.check("web", "internet", port: 443)
        #expect(result.verdict == .unreachable)
        #expect(result.reason == .noRouteToDestination)
        #expect(result.firstBlocker?.component.id == "public-rt")
        #expect(result.firstBlocker?.direction == .forward)
    }

    @Test("S-R-2: routing loops are detected, not followed forever")
    func routingLoop() throws {
        // The NAT gateway's own subnet sends everything back to the NAT gateway.
        let net = try TestNetwork(
            twoTier([
                "      - {destination: 0.0.0.0/0, target: igw-a}":
                    "      - {destination: 0.0.0.0/0, target: nat-a}"
            ]))
        let result = try net.check("app", "internet", port: 443)
        #expect(result.verdict == .unreachable)
        #expect(result.reason == .routingLoop)
    }
}
