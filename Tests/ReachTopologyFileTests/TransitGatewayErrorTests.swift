import ReachTopologyFile
import Testing

/// Errors in transit gateways, attachments and transit gateway route tables.
@Suite("Transit gateway errors name the line and key path")
struct TransitGatewayErrorTests {
    static let attachmentCases: [LoadingErrorCase] = [
        LoadingErrorCase(
            "an attachment that attaches nothing",
            """
            transitGatewayAttachments:
              - {name: nothing, transitGateway: hub}

            """, "conflict", at: "name: nothing", "transitGatewayAttachments[0]",
            saying: "needs one of 'vpc', 'vpnConnection', 'directConnectGateway', 'peerTransitGateway'"),
        LoadingErrorCase(
            "an attachment of a VPC and a peer",
            """
            transitGatewayAttachments:
              - name: two
                transitGateway: hub
                vpc: a-vpc
                subnets: [a-1]
                peerTransitGateway: eu

            """, "conflict", at: "peerTransitGateway: eu", "transitGatewayAttachments[0].peerTransitGateway",
            saying: "both 'vpc' and 'peerTransitGateway'"),
        LoadingErrorCase(
            "a VPC attachment without subnets",
            """
            transitGatewayAttachments:
              - {name: bare, transitGateway: hub, vpc: a-vpc}

            """, "missingKey", at: "name: bare", "transitGatewayAttachments[0]",
            saying: "missing required key 'subnets'"),
        LoadingErrorCase(
            "a VPC attachment with an empty subnet list",
            """
            transitGatewayAttachments:
              - {name: bare, transitGateway: hub, vpc: a-vpc, subnets: []}

            """, "invalidValue", at: "name: bare", "transitGatewayAttachments[0].subnets",
            saying: "at least one subnet"),
        LoadingErrorCase(
            "subnets on a peering attachment",
            """
            transitGatewayAttachments:
              - name: peer
                transitGateway: hub
                peerTransitGateway: eu
                subnets: [a-1]

            """, "conflict", at: "subnets: [a-1]", "transitGatewayAttachments[0].subnets"),
        LoadingErrorCase(
            "appliance mode on a VPN attachment",
            """
            vpnConnections:
              - {name: vpn, customerGateway: cgw, transitGateway: hub, onPremPrefixes: []}
            transitGatewayAttachments:
              - {name: v, transitGateway: hub, vpnConnection: vpn, applianceMode: true}

            """, "conflict", at: "applianceMode: true", "transitGatewayAttachments[0].applianceMode"),
        LoadingErrorCase(
            "a peer attachment without a peer gateway",
            """
            transitGatewayAttachments:
              - {name: x, transitGateway: hub, vpc: a-vpc, subnets: [a-1], peerAttachment: x}

            """, "conflict", at: "name: x,", "transitGatewayAttachments[0].peerAttachment"),
        LoadingErrorCase(
            "a gateway peering with itself",
            """
            transitGatewayAttachments:
              - {name: self-peer, transitGateway: hub, peerTransitGateway: tgw-hub}

            """, "conflict", at: "name: self-peer", "transitGatewayAttachments[0].peerTransitGateway",
            saying: "cannot peer with itself"),
        LoadingErrorCase(
            "a peer attachment on the wrong gateway",
            """
            transitGatewayAttachments:
              - {name: to-eu, transitGateway: hub, peerTransitGateway: eu, peerAttachment: local}
              - {name: local, transitGateway: hub, vpc: a-vpc, subnets: [a-1]}

            """, "conflict", at: "name: to-eu", "transitGatewayAttachments[0].peerAttachment",
            saying: "belongs to transit gateway tgw-hub, not to the peer eu"),
        LoadingErrorCase(
            "a dangling VPN connection",
            """
            transitGatewayAttachments:
              - name: v
                transitGateway: hub
                vpnConnection: vpn-0gone

            """, "unknownReference", at: "vpn-0gone", "transitGatewayAttachments[0].vpnConnection",
            saying: "no VPN connection is named 'vpn-0gone'"),
        LoadingErrorCase(
            "a dangling transit gateway",
            """
            transitGatewayAttachments:
              - name: v
                transitGateway: hubb
                vpc: a-vpc
                subnets: [a-1]

            """, "unknownReference", at: "transitGateway: hubb",
            "transitGatewayAttachments[0].transitGateway",
            saying: "(did you mean 'hub'?)"),
        LoadingErrorCase(
            "a misspelt key",
            """
            transitGatewayAttachments:
              - {name: v, transitGateway: hub, vpc: a-vpc, subnet: [a-1]}

            """, "unknownKey", at: "name: v,", "transitGatewayAttachments[0].subnet",
            saying: "(did you mean 'subnets'?); allowed keys here: name, id, transitGateway, vpc, subnets,"),
        LoadingErrorCase(
            "a state AWS does not have",
            """
            transitGatewayAttachments:
              - {name: v, transitGateway: hub, vpc: a-vpc, subnets: [a-1], state: up}

            """, "invalidValue", at: "name: v,", "transitGatewayAttachments[0].state",
            saying: "one of initiating,"),
    ]

    static let routeTableCases: [LoadingErrorCase] = [
        LoadingErrorCase(
            "a route with an attachment and blackhole",
            """
            transitGatewayAttachments:
              - {name: att, transitGateway: hub, vpc: a-vpc, subnets: [a-1]}
            transitGatewayRouteTables:
              - name: rt
                transitGateway: hub
                routes:
                  - {destination: 10.9.0.0/16, attachment: att}
                  - {destination: 10.8.0.0/16, attachment: att, blackhole: true}

            """, "conflict", at: "10.8.0.0/16", "transitGatewayRouteTables[0].routes[1].attachment",
            saying: "give attachment or blackhole: true, not both"),
        LoadingErrorCase(
            "a route with neither attachment nor blackhole",
            """
            transitGatewayRouteTables:
              - name: rt
                transitGateway: hub
                routes:
                  - {destination: 10.9.0.0/16, blackhole: true}
                  - {destination: 10.8.0.0/16, blackhole: false}

            """, "missingKey", at: "10.8.0.0/16", "transitGatewayRouteTables[0].routes[1]",
            saying: "missing required key 'attachment'"),
        LoadingErrorCase(
            "a route to an attachment that does not exist",
            """
            transitGatewayAttachments:
              - {name: inspection, transitGateway: hub, vpc: a-vpc, subnets: [a-1]}
            transitGatewayRouteTables:
              - name: rt
                transitGateway: hub
                routes:
                  - {destination: 10.9.0.0/16, blackhole: true}
                  - {destination: 10.8.0.0/16, attachment: inspecton}

            """, "unknownReference", at: "attachment: inspecton",
            "transitGatewayRouteTables[0].routes[1].attachment",
            saying:
                "no transit gateway attachment is named 'inspecton' or has that id"
                + " (did you mean 'inspection'?)"
        ),
        LoadingErrorCase(
            "an unknown key in a transit gateway route",
            """
            transitGatewayRouteTables:
              - name: rt
                transitGateway: hub
                routes:
                  - {destination: 10.9.0.0/16, blackhole: true}
                  - {destination: 10.9.0.0/16, blackhole: true, x: 1}

            """, "unknownKey", at: "x: 1", "transitGatewayRouteTables[0].routes[1].x",
            saying: "allowed keys here: destination, attachment, blackhole"),
        LoadingErrorCase(
            "a duplicate static route",
            """
            transitGatewayRouteTables:
              - name: rt
                transitGateway: hub
                routes:
                  - {destination: 10.9.0.0/16, blackhole: true}
                  - {destination: 10.9.0.0/16, blackhole: true }

            """, "conflict", at: "blackhole: true }", "transitGatewayRouteTables[0].routes[1]",
            saying: "already has a static route to 10.9.0.0/16"),
        LoadingErrorCase(
            "an association that does not exist",
            """
            transitGatewayRouteTables:
              - {name: rt, transitGateway: hub, associations: [nope]}

            """, "unknownReference", at: "name: rt", "transitGatewayRouteTables[0].associations[0]"),
        LoadingErrorCase(
            "a missing transit gateway",
            """
            transitGatewayRouteTables:
              - {name: rt, associations: []}

            """, "missingKey", at: "name: rt", "transitGatewayRouteTables[0]",
            saying: "missing required key 'transitGateway'"),
        // Validator problems, placed at the offending field.
        LoadingErrorCase(
            "an attachment subnet in another VPC",
            """
            transitGatewayAttachments:
              - name: att
                transitGateway: hub
                vpc: a-vpc
                subnets: [a-2,
                  b-1]

            """, "invalidTopology", at: "  b-1]", "transitGatewayAttachments[0].subnets[1]",
            saying: "subnet b-1 is in VPC b-vpc, not in a-vpc"),
        LoadingErrorCase(
            "two attachment subnets in one AZ",
            """
            transitGatewayAttachments:
              - name: att
                transitGateway: hub
                vpc: a-vpc
                subnets:
                  - a-1
                  - a-3

            """, "invalidTopology", at: "- a-3", "transitGatewayAttachments[0].subnets[1]",
            saying: "one subnet per AZ"),
        LoadingErrorCase(
            "an attachment associated with two tables",
            """
            transitGatewayAttachments:
              - {name: att, transitGateway: hub, vpc: a-vpc, subnets: [a-1]}
            transitGatewayRouteTables:
              - {name: rt-1, transitGateway: hub, associations: [att]}
              - name: rt-2
                transitGateway: hub
                associations: [att]

            """, "invalidTopology", at: "    associations: [att]",
            "transitGatewayRouteTables[1].associations[0]",
            saying: "already associated with rt-1"),
        LoadingErrorCase(
            "a propagation from another gateway's attachment",
            """
            transitGatewayAttachments:
              - {name: eu-att, transitGateway: eu, vpc: b-vpc, subnets: [b-1]}
            transitGatewayRouteTables:
              - name: rt
                transitGateway: hub
                propagations: [eu-att]

            """, "invalidTopology", at: "propagations: [eu-att]",
            "transitGatewayRouteTables[0].propagations[0]",
            saying: "belongs to eu, not tgw-hub"),
    ]

    @Test(arguments: attachmentCases + routeTableCases)
    func failsAtTheOffendingKey(_ errorCase: LoadingErrorCase) {
        check(errorCase)
    }

    @Test func unknownKeyOnATransitGatewayListsTheAllowedKeys() throws {
        let yaml = connectivityBaseYAML.replacingOccurrences(
            of: "{name: eu, region", with: "{name: eu, asn: 64512, region")
        guard case .unknownKey(let location, let key, let allowed)? = loadingError(yaml) else {
            Issue.record("expected unknownKey")
            return
        }
        #expect(key == "asn")
        #expect(allowed == ["name", "id", "region", "tags"])
        #expect(location.keyPath == "transitGateways[1].asn")
        #expect(location.line == line(of: "asn: 64512", in: yaml))
    }
}
