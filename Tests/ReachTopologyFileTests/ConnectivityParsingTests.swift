import ReachModel
import ReachNetwork
import ReachTopologyFile
import Testing

/// A design using every connectivity section and most options, referring by name in some
/// places and by id in others, with sections in an order where references point forward.
private let connectivityYAML = """
    region: us-east-1
    transitGatewayRouteTables:
      - name: prod-rt
        id: tgw-rtb-prod
        transitGateway: hub-tgw
        associations: [prod-attach]
        propagations: [insp-attach, tgw-attach-vpn]
        routes:
          - {destination: 10.0.0.0/8, attachment: insp-attach}
          - {destination: 10.99.0.0/16, blackhole: true}
          - {destination: office, attachment: tgw-attach-prod}
          - {destination: 10.98.0.0/16, attachment: insp-attach, blackhole: false}
        tags: {env: prod}
      - name: eu-rt
        transitGateway: eu-tgw
        associations: [eu-from-us]
        routes:
          - {destination: 10.1.0.0/16, attachment: eu-from-us}
    transitGatewayAttachments:
      - name: prod-attach
        id: tgw-attach-prod
        transitGateway: tgw-hub
        vpc: vpc-prod
        subnets: [subnet-tgw-a, prod-tgw-b]
        applianceMode: true
      - {name: insp-attach, transitGateway: hub-tgw, vpc: inspection-vpc, subnets: [insp-tgw-a]}
      - {name: dc1-vpn-attach, id: tgw-attach-vpn, transitGateway: hub-tgw, vpnConnection: vpn-tgw}
      - {name: dx-attach, transitGateway: hub-tgw, directConnectGateway: corp-dxgw, state: pending}
      - {name: to-eu, transitGateway: hub-tgw, peerTransitGateway: eu-tgw, peerAttachment: eu-from-us}
      - {name: eu-from-us, transitGateway: eu-tgw, peerTransitGateway: tgw-hub}
    transitGateways:
      - {name: hub-tgw, id: tgw-hub, tags: {team: net}}
      - {name: eu-tgw, region: eu-west-1}
    routeTables:
      - name: app-rt
        vpc: prod-vpc
        subnets: [prod-app]
        propagatingGateways: [vgw-prod]
        routes:
          - {destination: 10.0.0.0/8, target: hub-tgw}
          - {destination: 10.64.0.0/10, target: tgw-hub}
          - {destination: 172.16.0.0/12, target: prod-vgw}
          - {destination: 172.32.0.0/16, target: vgw-prod}
          - {destination: s3-prefixes, target: s3-endpoint}
          - {destination: 198.18.0.0/15, target: vpce-s3}
          - {destination: 0.0.0.0/0, target: vpce-0fw1}
      - name: spare-rt
        vpc: prod-vpc
        propagatingGateways: [prod-vgw, spare-vgw]
    vpcs:
      - {name: prod-vpc, id: vpc-prod, cidrs: [10.1.0.0/16]}
      - {name: inspection-vpc, cidrs: [10.2.0.0/16]}
      - {name: consumer-vpc, cidrs: [10.5.0.0/16]}
      - {name: provider-vpc, cidrs: [10.6.0.0/16]}
    subnets:
      - {name: prod-tgw-a, id: subnet-tgw-a, vpc: prod-vpc, cidr: 10.1.0.0/28, az: us-east-1a}
      - {name: prod-tgw-b, vpc: prod-vpc, cidr: 10.1.0.16/28, az: us-east-1b}
      - {name: prod-app, vpc: prod-vpc, cidr: 10.1.1.0/24, az: us-east-1a}
      - {name: fw-a, vpc: inspection-vpc, cidr: 10.2.0.0/28, az: us-east-1a}
      - {name: insp-tgw-a, vpc: inspection-vpc, cidr: 10.2.1.0/28, az: us-east-1a}
      - {name: consumer-a, vpc: consumer-vpc, cidr: 10.5.1.0/24, az: us-east-1a}
      - {name: provider-a, vpc: provider-vpc, cidr: 10.6.1.0/24, az: us-east-1a}
      - {name: provider-b, vpc: provider-vpc, cidr: 10.6.2.0/24, az: us-east-1b}
    prefixLists:
      - {name: office, id: pl-office, cidrs: [198.51.100.0/24]}
      - {name: s3-prefixes, id: pl-63a5400a, cidrs: [52.216.0.0/15]}
    onPremSites:
      - {name: dc1, cidrs: [192.168.0.0/16]}
    virtualPrivateGateways:
      - {name: prod-vgw, id: vgw-prod, vpc: prod-vpc}
      - {name: spare-vgw}
    customerGateways:
      - {name: dc1-cgw, id: cgw-1, ipAddress: 198.51.100.1, bgpAsn: 65000, site: dc1}
      - {name: bare-cgw}
    vpnConnections:
      - name: dc1-vpn
        customerGateway: cgw-1
        virtualPrivateGateway: prod-vgw
        staticRoutesOnly: true
        onPremPrefixes: [192.168.0.0/16, 172.20.0.0/16]
      - name: dc1-tgw-vpn
        id: vpn-tgw
        customerGateway: dc1-cgw
        transitGateway: tgw-hub
        onPremPrefixes: []
        state: pending
    directConnectGateways:
      - name: corp-dxgw
        id: dxgw-1
        associations:
          - {transitGateway: hub-tgw, allowedPrefixes: [10.0.0.0/8]}
          - {virtualPrivateGateway: vgw-prod, allowedPrefixes: [10.1.0.0/16, 10.2.0.0/16]}
      - {name: empty-dxgw}
    virtualInterfaces:
      - name: dc1-transit-vif
        type: transit
        site: dc1
        directConnectGateway: dxgw-1
        onPremPrefixes: [192.168.0.0/16]
      - name: dc1-private-vif
        id: dxvif-2
        type: private
        site: dc1
        virtualPrivateGateway: prod-vgw
        onPremPrefixes: [192.168.10.0/24]
        state: down
    securityGroups:
      - {name: endpoint-sg, vpc: consumer-vpc}
      - {name: nlb-sg, id: sg-nlb, vpc: provider-vpc}
    vpcEndpoints:
      - name: s3-endpoint
        id: vpce-s3
        vpc: prod-vpc
        type: gateway
        serviceName: com.amazonaws.us-east-1.s3
        routeTables: [app-rt]
      - name: orders-endpoint
        vpc: consumer-vpc
        type: interface
        serviceName: com.amazonaws.vpce.us-east-1.vpce-svc-0abc
        interfaces:
          - {subnet: consumer-a, privateIp: 10.5.1.50}
        state: pendingAcceptance
      - name: orders-endpoint-sg
        vpc: consumer-vpc
        type: interface
        serviceName: com.amazonaws.vpce.us-east-1.vpce-svc-0abc
        interfaces: [{subnet: consumer-a, privateIp: 10.5.1.51}]
        securityGroups: [endpoint-sg]
      - {name: gwlb-endpoint, vpc: inspection-vpc, type: gatewayLoadBalancer, serviceName: com.example.gwlb}
    vpcEndpointServices:
      - name: orders-service
        id: vpce-svc-0abc
        serviceName: com.amazonaws.vpce.us-east-1.vpce-svc-0abc
        loadBalancers: [orders-nlb]
    loadBalancers:
      - name: orders-nlb
        vpc: provider-vpc
        nodes: [{subnet: provider-a, privateIp: 10.6.1.10}]
        securityGroups: [sg-nlb]
        listeners:
          - {protocol: TCP, port: 5432, targetGroup: orders-tg}
          - {protocol: TLS, port: 443, targetGroup: tg-inst}
      - name: public-alb
        id: arn-alb
        type: application
        scheme: internet-facing
        vpc: provider-vpc
        nodes: [{subnet: provider-a, privateIp: 10.6.1.11}, {subnet: provider-b, privateIp: 10.6.2.11}]
    targetGroups:
      - name: orders-tg
        type: ip
        protocol: TCP
        port: 5432
        vpc: provider-vpc
        targets:
          - {id: 10.6.2.10}
          - {id: 10.6.3.10, port: 6432, health: healthy}
      - name: instance-tg
        id: tg-inst
        type: instance
        protocol: TLS
        port: 8443
        vpc: provider-vpc
        targets: [{id: backend-1}, {id: i-backend2, health: unhealthy.draining}]
    instances:
      - {name: backend-1, subnet: provider-a, privateIp: 10.6.1.20}
      - {name: backend-2, id: i-backend2, subnet: provider-b, privateIp: 10.6.2.20}
    networkFirewalls:
      - name: inspection-fw
        id: fw-1
        vpc: inspection-vpc
        policy: pol-strict
        endpoints:
          - {id: vpce-0fw1, subnet: fw-a}
    firewallPolicies:
      - name: strict-policy
        id: pol-strict
        statelessDefaultAction: aws:forward_to_sfe
        statelessRules:
          - {priority: 10, action: aws:drop, protocols: [17, tcp], sources: [0.0.0.0/0], destinations: [10.0.0.0/8],
             sourcePorts: [all], destinationPorts: [53, 1000-2000]}
          - {priority: 20, action: aws:pass}
        ruleOrder: STRICT_ORDER
        statefulDefaultAction: drop
        statefulRules:
          - {action: pass, protocol: tcp, source: 10.1.0.0/16, sourcePort: any,
             destination: 10.2.0.0/16, destinationPort: 5432, direction: forward}
          - {action: drop, protocol: ip, source: any, destination: any}
          - {action: alert, protocol: UDP, destinationPort: 53-54, direction: any}
          - {action: reject}
      - {name: lax-policy, statelessDefaultAction: aws:pass, statefulDefaultAction: pass}

    """

private func prefix(_ text: String) throws -> IPv4Prefix { try #require(IPv4Prefix(text)) }
private func address(_ text: String) throws -> IPv4Address { try #require(IPv4Address(text)) }
private func ports(_ text: String) throws -> PortRange { try #require(PortRange(text)) }

@Suite("Connectivity sections parse into the model")
struct ConnectivityParsingTests {
    let topology: Topology

    init() throws {
        topology = try load(connectivityYAML).topology
    }

    @Test func transitGateways() {
        #expect(
            topology.transitGateways == [
                TransitGateway(id: "tgw-hub", name: "hub-tgw", region: "us-east-1", tags: ["team": "net"]),
                TransitGateway(id: "eu-tgw", name: "eu-tgw", region: "eu-west-1"),
            ])
    }

    @Test func transitGatewayAttachmentsOfEveryKind() {
        #expect(
            topology.transitGatewayAttachments == [
                TransitGatewayAttachment(
                    id: "tgw-attach-prod", name: "prod-attach", transitGatewayID: "tgw-hub",
                    resource: .vpc(vpcID: "vpc-prod", subnetIDs: ["subnet-tgw-a", "prod-tgw-b"]),
                    applianceMode: true),
                TransitGatewayAttachment(
                    id: "insp-attach", name: "insp-attach", transitGatewayID: "tgw-hub",
                    resource: .vpc(vpcID: "inspection-vpc", subnetIDs: ["insp-tgw-a"])),
                TransitGatewayAttachment(
                    id: "tgw-attach-vpn", name: "dc1-vpn-attach", transitGatewayID: "tgw-hub",
                    resource: .vpn(connectionID: "vpn-tgw")),
                TransitGatewayAttachment(
                    id: "dx-attach", name: "dx-attach", transitGatewayID: "tgw-hub",
                    resource: .directConnectGateway(gatewayID: "dxgw-1"), state: "pending"),
                TransitGatewayAttachment(
                    id: "to-eu", name: "to-eu", transitGatewayID: "tgw-hub",
                    resource: .peering(peerTransitGatewayID: "eu-tgw", peerAttachmentID: "eu-from-us")),
                TransitGatewayAttachment(
                    id: "eu-from-us", name: "eu-from-us", transitGatewayID: "eu-tgw",
                    resource: .peering(peerTransitGatewayID: "tgw-hub", peerAttachmentID: nil)),
            ])
        #expect(topology.transitGatewayAttachments.filter(\.isAvailable).count == 5)
    }

    @Test func transitGatewayRouteTablesWithForwardReferences() throws {
        #expect(
            topology.transitGatewayRouteTables == [
                TransitGatewayRouteTable(
                    id: "tgw-rtb-prod", name: "prod-rt", transitGatewayID: "tgw-hub",
                    associationIDs: ["tgw-attach-prod"], propagationIDs: ["insp-attach", "tgw-attach-vpn"],
                    routes: [
                        TransitGatewayRoute(
                            destination: .cidr(try prefix("10.0.0.0/8")), attachmentID: "insp-attach"),
                        TransitGatewayRoute(
                            destination: .cidr(try prefix("10.99.0.0/16")), attachmentID: nil),
                        TransitGatewayRoute(
                            destination: .prefixList("pl-office"), attachmentID: "tgw-attach-prod"),
                        TransitGatewayRoute(
                            destination: .cidr(try prefix("10.98.0.0/16")), attachmentID: "insp-attach"),
                    ], tags: ["env": "prod"]),
                TransitGatewayRouteTable(
                    id: "eu-rt", name: "eu-rt", transitGatewayID: "eu-tgw", associationIDs: ["eu-from-us"],
                    propagationIDs: [],
                    routes: [
                        TransitGatewayRoute(
                            destination: .cidr(try prefix("10.1.0.0/16")), attachmentID: "eu-from-us")
                    ]),
            ])
    }

    @Test func vpcRouteTablesTargetGatewaysAndEndpoints() throws {
        let table = try #require(topology.routeTables.first { $0.id == "app-rt" })
        #expect(table.propagatingGatewayIDs == ["vgw-prod"])
        #expect(
            table.routes == [
                Route(destination: .cidr(try prefix("10.0.0.0/8")), target: .transitGateway("tgw-hub")),
                Route(destination: .cidr(try prefix("10.64.0.0/10")), target: .transitGateway("tgw-hub")),
                Route(
                    destination: .cidr(try prefix("172.16.0.0/12")),
                    target: .virtualPrivateGateway("vgw-prod")),
                Route(
                    destination: .cidr(try prefix("172.32.0.0/16")),
                    target: .virtualPrivateGateway("vgw-prod")),
                Route(destination: .prefixList("pl-63a5400a"), target: .vpcEndpoint("vpce-s3")),
                Route(destination: .cidr(try prefix("198.18.0.0/15")), target: .vpcEndpoint("vpce-s3")),
                Route(destination: .cidr(.all), target: .vpcEndpoint("vpce-0fw1")),
            ])
        let spare = try #require(topology.routeTables.first { $0.id == "spare-rt" })
        #expect(spare.propagatingGatewayIDs == ["vgw-prod", "spare-vgw"])
        #expect(spare.routes.isEmpty)
    }

    @Test func virtualPrivateAndCustomerGateways() throws {
        #expect(
            topology.virtualPrivateGateways == [
                VirtualPrivateGateway(id: "vgw-prod", name: "prod-vgw", vpcID: "vpc-prod"),
                VirtualPrivateGateway(id: "spare-vgw", name: "spare-vgw", vpcID: nil),
            ])
        #expect(
            topology.customerGateways == [
                CustomerGateway(
                    id: "cgw-1", name: "dc1-cgw", ipAddress: try address("198.51.100.1"), bgpASN: 65000,
                    siteID: "dc1"),
                CustomerGateway(id: "bare-cgw", name: "bare-cgw", ipAddress: nil, bgpASN: nil, siteID: nil),
            ])
    }

    @Test func vpnConnections() throws {
        #expect(
            topology.vpnConnections == [
                VPNConnection(
                    id: "dc1-vpn", name: "dc1-vpn", customerGatewayID: "cgw-1",
                    gateway: .virtualPrivateGateway("vgw-prod"), staticRoutesOnly: true,
                    onPremPrefixes: [try prefix("192.168.0.0/16"), try prefix("172.20.0.0/16")]),
                VPNConnection(
                    id: "vpn-tgw", name: "dc1-tgw-vpn", customerGatewayID: "cgw-1",
                    gateway: .transitGateway("tgw-hub"),
                    staticRoutesOnly: false, onPremPrefixes: [], state: "pending"),
            ])
    }

    @Test func directConnectGatewaysAndVirtualInterfaces() throws {
        #expect(
            topology.directConnectGateways == [
                DirectConnectGateway(
                    id: "dxgw-1", name: "corp-dxgw",
                    associations: [
                        DirectConnectGatewayAssociation(
                            gateway: .transitGateway("tgw-hub"), allowedPrefixes: [try prefix("10.0.0.0/8")]),
                        DirectConnectGatewayAssociation(
                            gateway: .virtualPrivateGateway("vgw-prod"),
                            allowedPrefixes: [try prefix("10.1.0.0/16"), try prefix("10.2.0.0/16")]),
                    ]),
                DirectConnectGateway(id: "empty-dxgw", name: "empty-dxgw", associations: []),
            ])
        #expect(
            topology.virtualInterfaces == [
                VirtualInterface(
                    id: "dc1-transit-vif", name: "dc1-transit-vif", kind: .transit, siteID: "dc1",
                    gateway: .directConnectGateway("dxgw-1"), onPremPrefixes: [try prefix("192.168.0.0/16")]),
                VirtualInterface(
                    id: "dxvif-2", name: "dc1-private-vif", kind: .private, siteID: "dc1",
                    gateway: .virtualPrivateGateway("vgw-prod"),
                    onPremPrefixes: [try prefix("192.168.10.0/24")],
                    state: "down"),
            ])
    }

    @Test func vpcEndpointsOfEveryType() throws {
        #expect(
            topology.vpcEndpoints == [
                VPCEndpoint(
                    id: "vpce-s3", name: "s3-endpoint", vpcID: "vpc-prod", kind: .gateway,
                    serviceName: "com.amazonaws.us-east-1.s3", routeTableIDs: ["app-rt"]),
                VPCEndpoint(
                    id: "orders-endpoint", name: "orders-endpoint", vpcID: "consumer-vpc", kind: .interface,
                    serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0abc",
                    interfaces: [PlacedAddress(subnetID: "consumer-a", privateIP: try address("10.5.1.50"))],
                    securityGroupIDs: ["consumer-vpc:default-security-group"], state: "pendingAcceptance"),
                VPCEndpoint(
                    id: "orders-endpoint-sg", name: "orders-endpoint-sg", vpcID: "consumer-vpc",
                    kind: .interface,
                    serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0abc",
                    interfaces: [PlacedAddress(subnetID: "consumer-a", privateIP: try address("10.5.1.51"))],
                    securityGroupIDs: ["endpoint-sg"]),
                VPCEndpoint(
                    id: "gwlb-endpoint", name: "gwlb-endpoint", vpcID: "inspection-vpc",
                    kind: .gatewayLoadBalancer,
                    serviceName: "com.example.gwlb"),
            ])
    }

    @Test func endpointServicesLoadBalancersAndTargetGroups() throws {
        #expect(
            topology.vpcEndpointServices == [
                VPCEndpointService(
                    id: "vpce-svc-0abc", name: "orders-service",
                    serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0abc", loadBalancerIDs: ["orders-nlb"]
                )
            ])
        #expect(
            topology.loadBalancers == [
                LoadBalancer(
                    id: "orders-nlb", name: "orders-nlb", type: "network", scheme: "internal",
                    vpcID: "provider-vpc",
                    nodes: [PlacedAddress(subnetID: "provider-a", privateIP: try address("10.6.1.10"))],
                    securityGroupIDs: ["sg-nlb"],
                    listeners: [
                        Listener(protocolName: "TCP", port: 5432, targetGroupID: "orders-tg"),
                        Listener(protocolName: "TLS", port: 443, targetGroupID: "tg-inst"),
                    ]),
                LoadBalancer(
                    id: "arn-alb", name: "public-alb", type: "application", scheme: "internet-facing",
                    vpcID: "provider-vpc",
                    nodes: [
                        PlacedAddress(subnetID: "provider-a", privateIP: try address("10.6.1.11")),
                        PlacedAddress(subnetID: "provider-b", privateIP: try address("10.6.2.11")),
                    ], securityGroupIDs: [], listeners: []),
            ])
        #expect(
            topology.targetGroups == [
                TargetGroup(
                    id: "orders-tg", name: "orders-tg", targetType: "ip", protocolName: "TCP", port: 5432,
                    vpcID: "provider-vpc",
                    targets: [
                        Target(id: "10.6.2.10", port: nil),
                        Target(id: "10.6.3.10", port: 6432, health: "healthy"),
                    ]),
                TargetGroup(
                    id: "tg-inst", name: "instance-tg", targetType: "instance", protocolName: "TLS",
                    port: 8443,
                    vpcID: "provider-vpc",
                    targets: [
                        Target(id: "backend-1", port: nil),
                        Target(id: "i-backend2", port: nil, health: "unhealthy.draining"),
                    ]),
            ])
    }

    @Test func networkFirewalls() {
        #expect(
            topology.networkFirewalls == [
                NetworkFirewall(
                    id: "fw-1", name: "inspection-fw", vpcID: "inspection-vpc",
                    endpoints: [NetworkFirewall.Endpoint(endpointID: "vpce-0fw1", subnetID: "fw-a")],
                    policyID: "pol-strict")
            ])
    }

    @Test func firewallPolicies() throws {
        let strict = try #require(topology.firewallPolicies.first)
        #expect(strict.id == "pol-strict")
        #expect(strict.name == "strict-policy")
        #expect(strict.statelessDefaultAction == .forwardToStateful)
        #expect(
            strict.statelessRules == [
                StatelessRule(
                    priority: 10, sources: [.all], destinations: [try prefix("10.0.0.0/8")],
                    sourcePorts: [.all],
                    destinationPorts: [PortRange(53), try ports("1000-2000")], protocols: [.udp, .tcp],
                    action: .drop),
                StatelessRule(priority: 20, action: .pass),
            ])
        #expect(strict.ruleOrder == .strictOrder)
        #expect(strict.statefulDefaultDrop)
        #expect(
            strict.statefulRules == [
                StatefulRule(
                    action: .pass, protocolNumber: .tcp, source: try prefix("10.1.0.0/16"), sourcePort: nil,
                    destination: try prefix("10.2.0.0/16"), destinationPort: PortRange(5432),
                    bidirectional: false),
                StatefulRule(action: .drop),
                StatefulRule(
                    action: .alert, protocolNumber: .udp, destinationPort: try ports("53-54"),
                    bidirectional: true),
                StatefulRule(action: .reject),
            ])
        #expect(
            topology.firewallPolicies.last
                == FirewallPolicy(
                    id: "lax-policy", name: "lax-policy", statelessRules: [], statelessDefaultAction: .pass,
                    statefulRules: [], ruleOrder: .defaultActionOrder, statefulDefaultDrop: false))
    }

    @Test func namesAndIDsResolveAlike() throws {
        // The same design with every reference spelled by id rather than by name loads identically.
        let byID =
            connectivityYAML
            .replacingOccurrences(of: "transitGateway: hub-tgw", with: "transitGateway: tgw-hub")
            .replacingOccurrences(of: "associations: [prod-attach]", with: "associations: [tgw-attach-prod]")
            .replacingOccurrences(
                of: "virtualPrivateGateway: prod-vgw", with: "virtualPrivateGateway: vgw-prod"
            )
            .replacingOccurrences(of: "directConnectGateway: corp-dxgw", with: "directConnectGateway: dxgw-1")
            .replacingOccurrences(of: "policy: pol-strict", with: "policy: strict-policy")
            .replacingOccurrences(of: "targetGroup: tg-inst", with: "targetGroup: instance-tg")
            .replacingOccurrences(of: "{id: i-backend2,", with: "{id: backend-2,")
            .replacingOccurrences(of: "customerGateway: cgw-1", with: "customerGateway: dc1-cgw")
        #expect(byID != connectivityYAML)
        #expect(try load(byID).topology == topology)
    }
}
