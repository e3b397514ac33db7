import ReachModel
import ReachNetwork
import ReachTopologyFile
import Testing

/// Gateways, endpoints and a firewall that VPC routes may target, each with a name and an id.
private let targetsYAML =
    connectivityBaseYAML + """
        vpcEndpoints:
          - {name: s3-endpoint, id: vpce-s3, vpc: a-vpc, type: gateway, serviceName: com.amazonaws.us-east-1.s3}
        firewallPolicies:
          - {name: pol, statelessDefaultAction: aws:forward_to_sfe}
        networkFirewalls:
          - {name: fw, vpc: a-vpc, policy: pol, endpoints: [{id: vpce-0fw1, subnet: a-1}]}
        routeTables:
          - name: rt
            vpc: a-vpc
            routes:
              - {destination: 10.0.0.0/8, target: TARGET}

        """

/// The target of the only route of `rt` when it is written `target`.
private func resolvedTarget(_ target: String) throws -> RouteTarget {
    let yaml = targetsYAML.replacingOccurrences(of: "TARGET", with: target)
    let table = try #require(try load(yaml).topology.routeTables.first { $0.id == "rt" })
    return try #require(table.routes.first?.target)
}

@Suite("Routes target transit gateways, virtual private gateways and endpoints")
struct RouteTargetTests {
    @Test(
        arguments: [
            ("hub", RouteTarget.transitGateway("tgw-hub")), ("tgw-hub", .transitGateway("tgw-hub")),
            ("eu", .transitGateway("eu")), ("a-vgw", .virtualPrivateGateway("vgw-a")),
            ("vgw-a", .virtualPrivateGateway("vgw-a")), ("s3-endpoint", .vpcEndpoint("vpce-s3")),
            ("vpce-s3", .vpcEndpoint("vpce-s3")), ("vpce-0fw1", .vpcEndpoint("vpce-0fw1")),
            ("eigw-0abc", .unsupported(kind: "egress-only-internet-gateway", id: "eigw-0abc")),
        ])
    func targetResolves(_ written: String, _ expected: RouteTarget) throws {
        #expect(try resolvedTarget(written) == expected)
    }

    @Test(arguments: ["tgw-0gone", "vgw-0gone", "vpce-0gone"])
    func anIDNamingNothingIsADanglingReference(_ id: String) throws {
        let yaml = targetsYAML.replacingOccurrences(of: "TARGET", with: id)
        guard case .unknownReference(let location, let kind, let name, _)? = loadingError(yaml) else {
            Issue.record("expected unknownReference for \(id)")
            return
        }
        #expect(name == id)
        #expect(
            kind.contains(
                "transit gateway, virtual private gateway, VPC endpoint or Network Firewall endpoint"))
        #expect(location.keyPath == "routeTables[0].routes[0].target")
        #expect(location.line == line(of: "target: \(id)", in: yaml))
    }

    @Test func aMisspeltFirewallEndpointSuggestsTheRightOne() throws {
        let yaml = targetsYAML.replacingOccurrences(of: "TARGET", with: "vpce-0fw2")
        guard case .unknownReference(_, _, _, let suggestions)? = loadingError(yaml) else {
            Issue.record("expected unknownReference")
            return
        }
        #expect(suggestions.first == "vpce-0fw1")
    }

    @Test func aVanishedTargetOnABlackholeRouteKeepsItsKind() throws {
        for (id, expected) in [
            ("tgw-0gone", RouteTarget.transitGateway("tgw-0gone")),
            ("vgw-0gone", .virtualPrivateGateway("vgw-0gone")), ("vpce-0gone", .vpcEndpoint("vpce-0gone")),
        ] {
            let yaml = targetsYAML.replacingOccurrences(
                of: "target: TARGET", with: "target: \(id), state: blackhole")
            let table = try #require(try load(yaml).topology.routeTables.first { $0.id == "rt" })
            #expect(table.routes.first?.target == expected)
            #expect(table.routes.first?.state == .blackhole)
        }
    }

    @Test func aNameSharedAcrossKindsIsAmbiguous() throws {
        let yaml =
            targetsYAML
            .replacingOccurrences(of: "{name: a-vgw, id: vgw-a", with: "{name: hub, id: vgw-a")
            .replacingOccurrences(of: "TARGET", with: "hub")
        guard case .ambiguousReference(let location, let name, let candidates)? = loadingError(yaml) else {
            Issue.record("expected ambiguousReference")
            return
        }
        #expect(name == "hub")
        #expect(location.keyPath == "routeTables[0].routes[0].target")
        #expect(
            candidates == [
                "transit gateway 'hub' (line \(line(of: "{name: hub, id: tgw-hub}", in: yaml)))",
                "virtual private gateway 'hub' (line \(line(of: "{name: hub, id: vgw-a", in: yaml)))",
            ])
        // The id picks one.
        #expect(
            try load(yaml.replacingOccurrences(of: "target: hub}", with: "target: vgw-a}")).topology
                .routeTables
                .first { $0.id == "rt" }?.routes.first?.target == .virtualPrivateGateway("vgw-a"))
    }

    @Test func propagatingGatewaysResolveByNameOrID() throws {
        let yaml =
            connectivityBaseYAML + """
                routeTables:
                  - {name: rt, vpc: a-vpc, propagatingGateways: [a-vgw]}
                  - {name: rt-2, vpc: a-vpc, propagatingGateways: [vgw-a]}
                  - {name: rt-3, vpc: a-vpc, propagatingGateways: [b-vgw]}

                """
        guard case .unknownReference(let location, let kind, _, _)? = loadingError(yaml) else {
            Issue.record("expected unknownReference")
            return
        }
        #expect(kind == "virtual private gateway")
        #expect(location.keyPath == "routeTables[2].propagatingGateways[0]")
        #expect(location.line == line(of: "[b-vgw]", in: yaml))
        let topology = try load(
            yaml.replacingOccurrences(
                of: "  - {name: rt-3, vpc: a-vpc, propagatingGateways: [b-vgw]}\n", with: "")
        )
        .topology
        #expect(
            topology.routeTables.filter { $0.vpcID == "a-vpc" }.map(\.propagatingGatewayIDs) == [
                ["vgw-a"], ["vgw-a"], [],
            ])
    }
}
