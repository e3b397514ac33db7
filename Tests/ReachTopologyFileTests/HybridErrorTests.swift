import ReachTopologyFile
import Testing

/// Errors in virtual private gateways, customer gateways, VPN connections and Direct Connect.
@Suite("Hybrid connectivity errors name the line and key path")
struct HybridErrorTests {
    static let cases: [LoadingErrorCase] = [
        LoadingErrorCase(
            "a VPN on both a virtual private gateway and a transit gateway",
            """
            vpnConnections:
              - name: vpn
                customerGateway: cgw
                virtualPrivateGateway: a-vgw
                transitGateway: hub
                onPremPrefixes: [192.168.0.0/16]

            """, "conflict", at: "    transitGateway: hub", "vpnConnections[0].transitGateway",
            saying: "takes exactly one of 'virtualPrivateGateway' or 'transitGateway'"),
        LoadingErrorCase(
            "a VPN that ends nowhere",
            """
            vpnConnections:
              - {name: vpn, customerGateway: cgw, onPremPrefixes: [192.168.0.0/16]}

            """, "conflict", at: "name: vpn,", "vpnConnections[0]",
            saying: "a VPN connection needs one of 'virtualPrivateGateway' or 'transitGateway'; none is given"
        ),
        LoadingErrorCase(
            "a VPN without a customer gateway",
            """
            vpnConnections:
              - {name: vpn, transitGateway: hub, onPremPrefixes: [192.168.0.0/16]}

            """, "missingKey", at: "name: vpn,", "vpnConnections[0]", saying: "'customerGateway'"),
        LoadingErrorCase(
            "a VPN without on-prem prefixes",
            """
            vpnConnections:
              - {name: vpn, customerGateway: cgw, transitGateway: hub}

            """, "missingKey", at: "name: vpn,", "vpnConnections[0]", saying: "'onPremPrefixes'"),
        LoadingErrorCase(
            "a VPN to a virtual private gateway that does not exist",
            """
            vpnConnections:
              - name: vpn
                customerGateway: cgw
                virtualPrivateGateway: vgw-0gone
                onPremPrefixes: []

            """, "unknownReference", at: "vgw-0gone", "vpnConnections[0].virtualPrivateGateway",
            saying: "no virtual private gateway is named 'vgw-0gone'"),
        LoadingErrorCase(
            "a customer gateway with a bad ASN", "", "invalidValue", at: "bgpAsn: 0",
            "customerGateways[0].bgpAsn",
            saying: "expected a BGP ASN from 1 to 4294967294, found '0'",
            base: connectivityBaseYAML.replacingOccurrences(
                of: "{name: cgw, site: dc1}", with: "{name: cgw, site: dc1, bgpAsn: 0}")),
        LoadingErrorCase(
            "a customer gateway at a site that does not exist", "", "unknownReference", at: "site: dc9",
            "customerGateways[0].site",
            base: connectivityBaseYAML.replacingOccurrences(
                of: "{name: cgw, site: dc1}", with: "{name: cgw, site: dc9}")
        ),
        LoadingErrorCase(
            "a Direct Connect association with two gateways",
            """
            directConnectGateways:
              - name: dx
                associations:
                  - {transitGateway: hub, virtualPrivateGateway: a-vgw, allowedPrefixes: [10.0.0.0/8]}

            """, "conflict", at: "virtualPrivateGateway: a-vgw, allowedPrefixes",
            "directConnectGateways[0].associations[0].virtualPrivateGateway"),
        LoadingErrorCase(
            "a Direct Connect association with no gateway",
            """
            directConnectGateways:
              - name: dx
                associations:
                  - {allowedPrefixes: [10.0.0.0/8]}

            """, "conflict", at: "- {allowedPrefixes", "directConnectGateways[0].associations[0]",
            saying: "a Direct Connect gateway association needs one of"),
        LoadingErrorCase(
            "a Direct Connect association without allowed prefixes",
            """
            directConnectGateways:
              - name: dx
                associations:
                  - {transitGateway: hub}

            """, "missingKey", at: "- {transitGateway: hub}", "directConnectGateways[0].associations[0]",
            saying: "'allowedPrefixes'"),
        LoadingErrorCase(
            "a misspelt association key",
            """
            directConnectGateways:
              - name: dx
                associations:
                  - {transitGateway: hub, allowedPrefix: [10.0.0.0/8]}

            """, "unknownKey", at: "allowedPrefix:", "directConnectGateways[0].associations[0].allowedPrefix",
            saying: "allowed keys here: transitGateway, virtualPrivateGateway, allowedPrefixes"),
        LoadingErrorCase(
            "a transit virtual interface on a virtual private gateway",
            """
            virtualInterfaces:
              - name: vif
                type: transit
                site: dc1
                virtualPrivateGateway: a-vgw
                onPremPrefixes: [192.168.0.0/16]

            """, "conflict", at: "    virtualPrivateGateway: a-vgw",
            "virtualInterfaces[0].virtualPrivateGateway",
            saying: "a transit virtual interface ends on a Direct Connect gateway"),
        LoadingErrorCase(
            "a virtual interface on two gateways",
            """
            directConnectGateways:
              - {name: dx}
            virtualInterfaces:
              - {name: vif, type: private, site: dc1, directConnectGateway: dx, virtualPrivateGateway: a-vgw,
                 onPremPrefixes: []}

            """, "conflict", at: "name: vif", "virtualInterfaces[0].virtualPrivateGateway"),
        LoadingErrorCase(
            "a virtual interface of an unknown type",
            """
            virtualInterfaces:
              - {name: vif, type: public, site: dc1, virtualPrivateGateway: a-vgw, onPremPrefixes: []}

            """, "invalidValue", at: "name: vif", "virtualInterfaces[0].type",
            saying: "expected private or transit"),
        LoadingErrorCase(
            "a virtual interface without a type",
            """
            virtualInterfaces:
              - {name: vif, site: dc1, virtualPrivateGateway: a-vgw, onPremPrefixes: []}

            """, "missingKey", at: "name: vif", "virtualInterfaces[0]", saying: "'type'"),
        LoadingErrorCase(
            "a virtual interface from a site that does not exist",
            """
            virtualInterfaces:
              - {name: vif, type: private, site: dc2, virtualPrivateGateway: a-vgw, onPremPrefixes: []}

            """, "unknownReference", at: "name: vif", "virtualInterfaces[0].site",
            saying: "no on-premises site is named 'dc2'"),
        // A validator problem, placed at the offending field.
        LoadingErrorCase(
            "a second virtual private gateway on one VPC", "", "invalidTopology", at: "name: a-vgw-2",
            "virtualPrivateGateways[1].vpc", saying: "VPC a-vpc already has virtual private gateway vgw-a",
            base: connectivityBaseYAML.replacingOccurrences(
                of: "  - {name: a-vgw, id: vgw-a, vpc: a-vpc}\n",
                with: "  - {name: a-vgw, id: vgw-a, vpc: a-vpc}\n  - {name: a-vgw-2, vpc: a-vpc}\n")),
    ]

    @Test(arguments: cases)
    func failsAtTheOffendingKey(_ errorCase: LoadingErrorCase) {
        check(errorCase)
    }
}
