import Foundation
import ReachGraph
import Testing

/// The tgw-hub design with `replacements` applied (each must occur).
private func hub(_ replacements: [String: String] = [:]) throws -> TestNetwork {
    var yaml = try bundledYAML("tgw-hub.yaml")
    for (old, new) in replacements {
        #expect(yaml.contains(old), "fixture has no '\(old)'")
        yaml = yaml.replacingOccurrences(of: old, with: new)
    }
    return try TestNetwork(yaml)
}

@Suite("Transit gateways (S-TGW, S-NACL-5)")
struct TransitGatewayTests {
    @Test("bundled tgw-hub: shared reaches prod, dev does not, the blackhole drops")
    func bundledHub() throws {
        let net = try TestNetwork(bundled: "tgw-hub.yaml")
        #expect(try net.check("prod-app", "prod-db").verdict == .reachable)
        let shared = try net.check("shared-tools", "prod-db")
        #expect(shared.verdict == .reachable)
        #expect(shared.pathUses("propagated route 10.1.0.0/16 -> prod-attach"))
        #expect(shared.pathUses("propagated route 10.3.0.0/16 -> shared-attach"))
        let dev = try net.check("dev-app", "prod-db")
        #expect(dev.verdict == .unreachable)
        #expect(dev.reason == .transitGatewayRouteTableCannotRoute)
        #expect(dev.firstBlocker?.component.name == "dev-tgw-rt")
        #expect(dev.blockers.count == 1)
        #expect(try net.check("dev-app", "shared-tools", port: 22).verdict == .reachable)
        let legacy = try net.check("shared-tools", "legacy-dc", port: 443)
        #expect(legacy.reason == .badStateRoute)
        #expect(legacy.firstBlocker?.component.name == "shared-tgw-rt")
    }

    @Test("the hops through the transit gateway and to a host without an interface say where they go")
    func hopTexts() throws {
        let net = try TestNetwork(bundled: "tgw-hub.yaml")
        let details = try net.check("shared-tools", "prod-db").trace.hops.map(\.detail)
        #expect(details.first == "sent by shared-tools (shared-tools-eni)")
        #expect(details.contains("delivered to prod-db"))
        #expect(details.contains("into hub-tgw through shared-tgw-a (us-east-1a)"))
        #expect(details.contains("longest prefix match in hub-tgw: to prod-attach"))
        #expect(details.contains("out of the transit gateway into prod-vpc at prod-tgw-a (us-east-1a)"))
        // A host without an interface: sent from, and the reply delivered to, its subnet.
        let host = try net.check("10.3.1.20", "prod-db").trace.hops.map(\.detail)
        #expect(
            host.contains(
                "sent by a host at 10.3.1.20 in shared-a; it has no interface in the input, "
                    + "so no security group is evaluated for it"))
        #expect(
            host.contains("delivered to 10.3.1.20 in shared-a; no interface in the input has this address"))
    }

    @Test("S-TGW-2: a missing propagation is the only thing blocking")
    func missingPropagation() throws {
        let net = try hub(["    propagations: [prod-attach, dev-attach]": "    propagations: [dev-attach]"])
        let result = try net.check("shared-tools", "prod-db")
        #expect(result.reason == .transitGatewayRouteTableCannotRoute)
        #expect(result.firstBlocker?.component.name == "shared-tgw-rt")
        #expect(result.blockers.count == 1)
    }

    @Test("S-TGW-1: a missing association is the only thing blocking")
    func missingAssociation() throws {
        let net = try hub(["    associations: [shared-attach]\n": "    associations: []\n"])
        let result = try net.check("shared-tools", "prod-db")
        #expect(result.reason == .transitGatewayAttachmentMissingRouteTableAssociation)
        #expect(result.firstBlocker?.component.name == "shared-attach")
    }

    @Test("S-TGW-3: a missing return route in the destination VPC is the only thing blocking")
    func missingReturnRoute() throws {
        let net = try hub([
            "  - name: prod-rt\n    vpc: prod-vpc\n    main: true\n    routes:\n      - {destination: 10.0.0.0/8, target: hub-tgw}":
                "  - name: prod-rt\n    vpc: prod-vpc\n    main: true\n    routes:\n      - {destination: 10.2.0.0/16, target: hub-tgw}"
        ])
        let result = try net.check("shared-tools", "prod-db")
        #expect(result.verdict == .unreachable)
        #expect(result.reason == .noRouteToDestination)
        #expect(result.firstBlocker?.direction == .return)
        #expect(result.firstBlocker?.component.name == "prod-rt")
        #expect(result.blockers.count == 1)
    }

    @Test("S-NACL-5: the attachment subnet's ACL is crossed on the way to the transit gateway")
    func attachmentSubnetACL() throws {
        let acl = """
            networkAcls:
              - name: tgw-subnet-acl
                vpc: shared-vpc
                subnets: [shared-tgw-a]
                inbound:
                  - {rule: 100, action: allow, protocol: all, cidr: 10.1.0.0/16}
                outbound:
                  - {rule: 100, action: allow, protocol: all, cidr: 0.0.0.0/0}

            """
        let net = try TestNetwork(try bundledYAML("tgw-hub.yaml") + acl)
        let result = try net.check("shared-tools", "prod-db")
        #expect(result.verdict == .unreachable)
        #expect(result.reason == .subnetACLRestriction)
        #expect(result.firstBlocker?.component.name == "tgw-subnet-acl")
        #expect(result.firstBlocker?.direction == .forward)
        #expect(result.firstBlocker?.detail.contains("inbound at shared-tgw-a") == true)
        #expect(result.blockers.count == 1)
    }

    @Test("S-TGW-3: a sender in an AZ where the attachment has no subnet cannot reach the transit gateway")
    func attachmentNotInZone() throws {
        let net = try hub([
            "  - {name: dev-app-a, vpc: dev-vpc, cidr: 10.2.1.0/24, az: us-east-1a}":
                "  - {name: dev-app-a, vpc: dev-vpc, cidr: 10.2.1.0/24, az: us-east-1b}"
        ])
        let result = try net.check("dev-app", "shared-tools", port: 22)
        #expect(result.reason == .transitGatewayAttachmentNotInZone)
        #expect(result.firstBlocker?.component.name == "dev-attach")
    }

    @Test("S-TGW-2: a static route wins over a propagated route for the same prefix")
    func staticOverPropagated() throws {
        let net = try hub([
            "      - {destination: 10.9.0.0/16, blackhole: true}   # the decommissioned legacy network":
                "      - {destination: 10.9.0.0/16, blackhole: true}\n      - {destination: 10.1.0.0/16, blackhole: true}"
        ])
        let result = try net.check("shared-tools", "prod-db")
        #expect(result.reason == .badStateRoute)
        #expect(result.firstBlocker?.rule == "static route 10.1.0.0/16 blackhole")
    }

    @Test("S-TGW-2: the longest prefix wins across static and propagated routes")
    func longestPrefixAcrossKinds() throws {
        let net = try hub([
            "      - {destination: 10.9.0.0/16, blackhole: true}   # the decommissioned legacy network":
                "      - {destination: 10.9.0.0/16, blackhole: true}\n      - {destination: 10.0.0.0/8, blackhole: true}"
        ])
        // The propagated /16 of prod is more specific than the static /8 blackhole.
        #expect(try net.check("shared-tools", "prod-db").verdict == .reachable)
    }

    @Test("an attachment that is not available forwards nothing")
    func unavailableAttachment() throws {
        let net = try hub([
            "  - {name: prod-attach, transitGateway: hub-tgw, vpc: prod-vpc, subnets: [prod-tgw-a, prod-tgw-b]}":
                "  - {name: prod-attach, transitGateway: hub-tgw, vpc: prod-vpc, subnets: [prod-tgw-a, prod-tgw-b], state: deleting}"
        ])
        let result = try net.check("shared-tools", "prod-db")
        #expect(result.reason == .badStateAttachment)
    }

    @Test("S-TGW-4: a transit gateway peering carries static routes across regions")
    func peeringAcrossRegions() throws {
        let yaml = """
            vpcs:
              - {name: us-vpc, cidrs: [10.1.0.0/16], region: us-east-1}
              - {name: eu-vpc, cidrs: [10.40.0.0/16], region: eu-west-1}
            subnets:
              - {name: us-a, vpc: us-vpc, cidr: 10.1.1.0/24, az: us-east-1a}
              - {name: eu-a, vpc: eu-vpc, cidr: 10.40.1.0/24, az: eu-west-1a}
            routeTables:
              - {name: us-rt, vpc: us-vpc, main: true, routes: [{destination: 10.40.0.0/16, target: us-tgw}]}
              - {name: eu-rt, vpc: eu-vpc, main: true, routes: [{destination: 10.1.0.0/16, target: eu-tgw}]}
            transitGateways:
              - {name: us-tgw, region: us-east-1}
              - {name: eu-tgw, region: eu-west-1}
            transitGatewayAttachments:
              - {name: us-attach, transitGateway: us-tgw, vpc: us-vpc, subnets: [us-a]}
              - {name: eu-attach, transitGateway: eu-tgw, vpc: eu-vpc, subnets: [eu-a]}
              - {name: us-to-eu, transitGateway: us-tgw, peerTransitGateway: eu-tgw, peerAttachment: eu-to-us}
              - {name: eu-to-us, transitGateway: eu-tgw, peerTransitGateway: us-tgw, peerAttachment: us-to-eu}
            transitGatewayRouteTables:
              - name: us-tgw-rt
                transitGateway: us-tgw
                associations: [us-attach, us-to-eu]
                propagations: [us-attach]
                routes: [{destination: 10.40.0.0/16, attachment: us-to-eu}]
              - name: eu-tgw-rt
                transitGateway: eu-tgw
                associations: [eu-attach, eu-to-us]
                propagations: [eu-attach]
                routes: [{destination: 10.1.0.0/16, attachment: eu-to-us}]
            securityGroups:
              - {name: eu-sg, vpc: eu-vpc, ingress: [{protocol: tcp, ports: 443, from: 10.1.0.0/16}]}
            instances:
              - {name: us-app, subnet: us-a, privateIp: 10.1.1.10}
              - {name: eu-app, subnet: eu-a, privateIp: 10.40.1.10, securityGroups: [eu-sg]}
            """
        let result = try TestNetwork(yaml).check("us-app", "eu-app", port: 443)
        #expect(result.verdict == .reachable)
        #expect(result.pathUses("static route 10.40.0.0/16 -> us-to-eu"))
        #expect(result.pathUses("static route 10.1.0.0/16 -> eu-to-us"))
        // Without the static route on the far side, the reply has nowhere to go: peering
        // attachments propagate nothing.
        let oneWay = try TestNetwork(
            yaml.replacingOccurrences(
                of: "routes: [{destination: 10.1.0.0/16, attachment: eu-to-us}]", with: "routes: []")
        )
        .check("us-app", "eu-app", port: 443)
        #expect(oneWay.reason == .transitGatewayRouteTableCannotRoute)
        #expect(oneWay.firstBlocker?.direction == .return)
    }
}

/// The text of a bundled design.
func bundledYAML(_ name: String) throws -> String {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    return try String(contentsOf: root.appendingPathComponent("Topologies/\(name)"), encoding: .utf8)
}
