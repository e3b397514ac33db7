import Foundation
import ReachGraph
import Testing

private func hybrid(_ replacements: [String: String] = [:]) throws -> TestNetwork {
    var yaml = try bundledYAML("hybrid-aurora.yaml")
    for (old, new) in replacements {
        #expect(yaml.contains(old), "fixture has no '\(old)'")
        yaml = yaml.replacingOccurrences(of: old, with: new)
    }
    return try TestNetwork(yaml)
}

@Suite("VPN and Direct Connect (S-H)")
struct HybridTests {
    @Test("bundled hybrid-aurora: the branch over VPN and dc1 over Direct Connect reach the cluster")
    func bundled() throws {
        let net = try TestNetwork(bundled: "hybrid-aurora.yaml")
        let branch = try net.check("branch-office", "ledger")
        #expect(branch.verdict == .reachable)
        #expect(branch.trace.hops.contains { $0.component.name == "branch-vpn" && $0.direction == .forward })
        #expect(branch.pathUses("route 192.168.10.0/24 -> data-vgw (propagated)"))
        let dc1 = try net.check("dc1", "ledger")
        #expect(dc1.verdict == .reachable)
        #expect(dc1.trace.hops.contains { $0.component.name == "dc1-transit-vif" })
        #expect(dc1.pathUses("propagated route 172.16.0.0/16 -> dx-attach"))
        #expect(try net.check("dc1", "ledger/reader").verdict == .reachable)
        let reporting = try net.check("dc1", "reporting-host", port: 443)
        #expect(reporting.reason == .vpnNoRoute)
        let sg = try net.check("reporting-host", "ledger")
        #expect(sg.reason == .eniSecurityGroupRulesMismatch)
    }

    @Test("S-H-1: without VGW route propagation the reply to the branch has no route")
    func missingPropagation() throws {
        let net = try hybrid([
            "    propagatingGateways: [data-vgw]        # brings in branch-office's 192.168.10.0/24\n": ""
        ])
        let result = try net.check("branch-office", "ledger")
        #expect(result.verdict == .unreachable)
        #expect(result.reason == .noRouteToDestination)
        #expect(result.firstBlocker?.direction == .return)
        #expect(result.firstBlocker?.component.name == "data-rt")
    }

    @Test("S-H-1: a VPN connection that is not available carries nothing")
    func vpnDown() throws {
        let net = try hybrid([
            "    onPremPrefixes: [192.168.10.0/24]\n":
                "    onPremPrefixes: [192.168.10.0/24]\n    state: deleted\n"
        ])
        let result = try net.check("branch-office", "ledger")
        #expect(result.reason == .badStateAttachment)
        #expect(result.firstBlocker?.component.name == "branch-vpn")
    }

    @Test("S-H-2: the allowed prefixes limit what on-prem learns over Direct Connect")
    func allowedPrefixes() throws {
        let net = try hybrid([
            "      - {transitGateway: hub-tgw, allowedPrefixes: [10.20.0.0/16]}":
                "      - {transitGateway: hub-tgw, allowedPrefixes: [10.20.2.0/24]}"
        ])
        #expect(try net.check("dc1", "ledger").reason == .vpnNoRoute)
        #expect(try net.check("dc1", "ledger/reader").verdict == .reachable)
    }

    @Test("S-H-2: Direct Connect wins over VPN for the same on-prem prefix")
    func directConnectPreferred() throws {
        // dc1 also gets a BGP VPN on data-vgw announcing the same prefix as its transit VIF.
        let net = try hybrid([
            "  - {name: branch-cgw, ipAddress: 198.51.100.10, site: branch-office}":
                "  - {name: branch-cgw, ipAddress: 198.51.100.10, site: branch-office}\n  - {name: dc1-cgw, ipAddress: 198.51.100.20, site: dc1}",
            "    onPremPrefixes: [192.168.10.0/24]\n":
                "    onPremPrefixes: [192.168.10.0/24]\n  - {name: dc1-backup-vpn, customerGateway: dc1-cgw, virtualPrivateGateway: data-vgw, onPremPrefixes: [172.16.0.0/16]}\n",
        ])
        let result = try net.check("dc1", "ledger")
        #expect(result.verdict == .reachable)
        #expect(
            result.trace.hops.contains { $0.component.name == "dc1-transit-vif" && $0.direction == .forward })
        #expect(
            !result.trace.hops.contains { $0.component.name == "dc1-backup-vpn" && $0.direction == .forward })
    }

    @Test("S-H-3: an on-prem site without any connection is disconnected")
    func disconnectedSite() throws {
        let net = try hybrid([
            "  - {name: dc1, cidrs: [172.16.0.0/16]}":
                "  - {name: dc1, cidrs: [172.16.0.0/16]}\n  - {name: lab, cidrs: [192.168.99.0/24]}"
        ])
        let result = try net.check("lab", "ledger")
        #expect(result.reason == .disconnected)
    }

    @Test("AWS picks the AZ for traffic from Direct Connect: every pick is traced")
    func everyZonePickTraced() throws {
        let net = try TestNetwork(bundled: "hybrid-aurora.yaml")
        let agree = try net.check("dc1", "ledger")
        #expect(agree.notes.contains { $0.contains("every pick was traced") })
        // Close the AZ-b attachment subnet's ACL: the answer now depends on AWS's pick.
        let yaml =
            try bundledYAML("hybrid-aurora.yaml") + """
                networkAcls:
                  - name: closed-b
                    vpc: data-vpc
                    subnets: [data-tgw-b]
                    inbound: []
                    outbound: []

                """
        let result = try TestNetwork(yaml).check("dc1", "ledger")
        #expect(result.verdict == .unknown)
        #expect(result.reason == .zoneDependent)
    }

    @Test(
        "S-H-1/S-TGW-2: a BGP VPN on a transit gateway propagates its prefixes; a static one needs static routes"
    )
    func vpnOnTransitGateway() throws {
        let bgp = try hybrid([
            "  - {name: branch-cgw, ipAddress: 198.51.100.10, site: branch-office}":
                "  - {name: branch-cgw, ipAddress: 198.51.100.10, site: branch-office}\n  - {name: lab-cgw, ipAddress: 198.51.100.30, site: lab}",
            "    onPremPrefixes: [192.168.10.0/24]\n":
                "    onPremPrefixes: [192.168.10.0/24]\n  - {name: lab-vpn, customerGateway: lab-cgw, transitGateway: hub-tgw, onPremPrefixes: [192.168.30.0/24]}\n",
            "  - {name: dx-attach, transitGateway: hub-tgw, directConnectGateway: corp-dxgw}":
                "  - {name: dx-attach, transitGateway: hub-tgw, directConnectGateway: corp-dxgw}\n  - {name: lab-attach, transitGateway: hub-tgw, vpnConnection: lab-vpn}",
            "    associations: [data-attach, reporting-attach, dx-attach]\n    propagations: [data-attach, reporting-attach, dx-attach]":
                "    associations: [data-attach, reporting-attach, dx-attach, lab-attach]\n    propagations: [data-attach, reporting-attach, dx-attach, lab-attach]",
            "      - {destination: 10.30.0.0/16, target: hub-tgw}\n  - name: reporting-rt":
                "      - {destination: 10.30.0.0/16, target: hub-tgw}\n      - {destination: 192.168.30.0/24, target: hub-tgw}\n  - name: reporting-rt",
            "      - {protocol: tcp, ports: 5432, from: [192.168.10.0/24, 172.16.0.0/16], description: branch office and dc1}":
                "      - {protocol: tcp, ports: 5432, from: [192.168.10.0/24, 172.16.0.0/16, 192.168.30.0/24]}",
            "  - {name: dc1, cidrs: [172.16.0.0/16]}":
                "  - {name: dc1, cidrs: [172.16.0.0/16]}\n  - {name: lab, cidrs: [192.168.30.0/24]}",
        ])
        let result = try bgp.check("lab", "ledger")
        #expect(result.verdict == .reachable)
        #expect(result.pathUses("propagated route 192.168.30.0/24 -> lab-attach"))
        // With static routing nothing propagates, so the reply has no route in the TGW table.
        let staticVPN = try TestNetwork(
            bgp.sourceYAML.replacingOccurrences(
                of: "transitGateway: hub-tgw, onPremPrefixes: [192.168.30.0/24]}",
                with: "transitGateway: hub-tgw, staticRoutesOnly: true, onPremPrefixes: [192.168.30.0/24]}"))
        let lost = try staticVPN.check("lab", "ledger")
        #expect(lost.reason == .transitGatewayRouteTableCannotRoute)
        #expect(lost.firstBlocker?.direction == .return)
    }

    @Test("S-H-2: a private virtual interface to a virtual private gateway")
    func privateVirtualInterface() throws {
        let net = try hybrid([
            "  - name: dc1-transit-vif":
                "  - {name: dc2-private-vif, type: private, site: dc2, virtualPrivateGateway: data-vgw, onPremPrefixes: [172.17.0.0/16]}\n  - name: dc1-transit-vif",
            "  - {name: dc1, cidrs: [172.16.0.0/16]}":
                "  - {name: dc1, cidrs: [172.16.0.0/16]}\n  - {name: dc2, cidrs: [172.17.0.0/16]}",
            "      - {protocol: tcp, ports: 5432, from: [192.168.10.0/24, 172.16.0.0/16], description: branch office and dc1}":
                "      - {protocol: tcp, ports: 5432, from: [192.168.10.0/24, 172.16.0.0/12]}",
        ])
        let result = try net.check("dc2", "ledger")
        #expect(result.verdict == .reachable)
        #expect(
            result.trace.hops.contains { $0.component.name == "dc2-private-vif" && $0.direction == .return })
        #expect(result.pathUses("route 172.17.0.0/16 -> data-vgw (propagated)"))
    }

    @Test("S-H-3: an on-prem site as the destination; the reply needs on-prem to learn the route back")
    func onPremDestination() throws {
        let net = try TestNetwork(bundled: "hybrid-aurora.yaml")
        // reporting-vpc routes to dc1 over hub-tgw, but corp-dxgw announces only 10.20.0.0/16 to dc1.
        let result = try net.check("reporting-host", "dc1", port: 443)
        #expect(result.verdict == .unreachable)
        #expect(result.reason == .vpnNoRoute)
        #expect(result.firstBlocker?.direction == .return)
        #expect(result.trace.hops.contains { $0.component.name == "dc1" && $0.action == .delivered })
    }
}
