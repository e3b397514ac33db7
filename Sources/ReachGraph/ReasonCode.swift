/// Why a flow is unreachable or unknown. Names follow AWS VPC Reachability Analyzer's
/// explanation codes where it has one for the same cause; the rest are Reach's own.
public enum ReasonCode: String, Hashable, Sendable, Codable, CaseIterable {
    /// No route in the route table matches the destination (S-R-5).
    case noRouteToDestination = "NO_ROUTE_TO_DESTINATION"
    /// The matching route is a blackhole, or its target is gone or not usable (S-R-3).
    case badStateRoute = "BAD_STATE_ROUTE"
    /// No security group rule allows the traffic; the detail says ingress or egress (S-SG-1).
    case eniSecurityGroupRulesMismatch = "ENI_SG_RULES_MISMATCH"
    /// A network ACL denies the traffic; the detail says inbound/outbound, forward/return (S-NACL-2).
    case subnetACLRestriction = "SUBNET_ACL_RESTRICTION"
    /// Traffic over a peering connection must be addressed into the peer VPC (S-GW-3).
    case peeringRequiresAddressInVPCCIDR = "PCX_REQUIRES_ADDRESS_IN_VPC_CIDR"
    /// The peering connection is not active (S-GW-3).
    case peeringConnectionNotActive = "PCX_NOT_ACTIVE"
    /// Traffic to the internet gateway needs a public or Elastic IP on the sender (S-GW-1).
    case igwPublicIPAssociationForEgress = "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS"
    /// The VPC has no internet gateway for traffic to or from the internet (S-GW-1).
    case noInternetGateway = "NO_INTERNET_GATEWAY"
    /// A NAT gateway only serves traffic that starts inside its own VPC (S-GW-2, S-GW-3).
    case natGatewayRequiresSourceInVPC = "NGW_REQUIRES_SOURCE_IN_VPC"
    /// A NAT gateway does not accept connections opened from outside (S-GW-2).
    case natGatewayNoInbound = "NAT_GATEWAY_NO_INBOUND"
    /// The DB instance is not publicly accessible, so nothing outside AWS can address it (S-GW-1).
    case dbNotPubliclyAccessible = "DB_NOT_PUBLICLY_ACCESSIBLE"
    /// The destination interface has no public or Elastic IP, so the internet cannot address it (S-GW-1).
    case noPublicIP = "NO_PUBLIC_IP"
    /// The reply does not come back to the client from the address it connected to (for
    /// example it leaves through a NAT gateway), so the client drops it (S-F-3).
    case asymmetricReturnPath = "ASYMMETRIC_RETURN_PATH"
    /// Routes send the packet in a loop.
    case routingLoop = "ROUTING_LOOP"
    /// An interface with the source/destination check on drops traffic not addressed to it.
    case sourceDestinationCheck = "ENI_SOURCE_DEST_CHECK"
    /// The destination address belongs to nothing the topology knows.
    case unknownDestination = "UNKNOWN_DESTINATION"
    /// A referenced resource is missing from the input.
    case unknownResource = "UNKNOWN_RESOURCE"
    /// The path goes through a component this version does not model (an appliance's software,
    /// a transit gateway, a virtual private gateway, …).
    case unsupportedComponent = "UNSUPPORTED_COMPONENT"
    /// The transit gateway attachment, VPN connection or virtual interface is not available,
    /// or the VPC has no attachment to the transit gateway it routes to.
    case badStateAttachment = "BAD_STATE_ATTACHMENT"
    /// The transit gateway attachment is associated with no route table (S-TGW-1).
    case transitGatewayAttachmentMissingRouteTableAssociation = "TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION"
    /// The transit gateway route table has no route for the destination (S-TGW-2).
    case transitGatewayRouteTableCannotRoute = "TGW_RTB_CANNOT_ROUTE"
    /// The VPC's transit gateway attachment has no subnet in the sender's AZ (S-TGW-3).
    case transitGatewayAttachmentNotInZone = "TGW_ATTACHMENT_NOT_IN_AZ"
    /// No VPN or Direct Connect connection announces a route to the destination (S-H).
    case vpnNoRoute = "VPN_NO_ROUTE"
    /// The endpoint service's load balancer has no node in the endpoint's AZ (S-PL-1).
    case vpceServiceNotInstalledInZone = "VPCE_SERVICE_NOT_INSTALLED_IN_AZ"
    /// The load balancer has no listener on the destination port.
    case targetPortRestriction = "TARGET_PORT_RESTRICTION"
    /// The listener does not take the flow's protocol.
    case protocolRestriction = "PROTOCOL_RESTRICTION"
    /// An AWS Network Firewall rule or default action drops the flow.
    case networkFirewallDrop = "NETWORK_FIREWALL_DROP"
    /// The reply crosses a different Network Firewall endpoint than the request, which has no
    /// state for it (appliance mode off on the transit gateway attachment).
    case asymmetricFirewallPath = "ASYMMETRIC_FIREWALL_PATH"
    /// The answer depends on an address the input does not give (a DB endpoint's IP within its
    /// subnet, a public IP not listed).
    case addressNotKnown = "ADDRESS_NOT_KNOWN"
    /// The answer depends on which ephemeral source port the client picks.
    case sourcePortDependent = "SOURCE_PORT_DEPENDENT"
    /// The answer depends on which availability zone AWS picks for the traffic.
    case zoneDependent = "ZONE_DEPENDENT"
    /// Some instances behind an endpoint are reachable and others are not.
    case endpointPartiallyReachable = "ENDPOINT_PARTIALLY_REACHABLE"
    /// An on-prem site or VPC has no connection to the destination's network.
    case disconnected = "DISCONNECTED_VPCS"

    /// A one-line meaning, for the README and `--help`.
    public var meaning: String {
        switch self {
        case .noRouteToDestination: "no route matches the destination in the route table consulted"
        case .badStateRoute:
            "the matching route is a blackhole or its target is gone, detached or not available"
        case .eniSecurityGroupRulesMismatch: "no security group rule allows the traffic (ingress or egress)"
        case .subnetACLRestriction: "a network ACL denies the traffic (inbound/outbound, forward/return)"
        case .peeringRequiresAddressInVPCCIDR:
            "peering is not transitive: the destination is not in the peer VPC"
        case .peeringConnectionNotActive: "the peering connection is not active"
        case .igwPublicIPAssociationForEgress:
            "the sender has no public or Elastic IP for the internet gateway"
        case .noInternetGateway: "the VPC has no internet gateway attached"
        case .natGatewayRequiresSourceInVPC: "a NAT gateway serves only traffic from its own VPC"
        case .natGatewayNoInbound: "a NAT gateway does not accept connections from outside"
        case .dbNotPubliclyAccessible: "the DB instance is not publicly accessible"
        case .noPublicIP: "the destination has no public or Elastic IP, so the internet cannot address it"
        case .asymmetricReturnPath:
            "the reply reaches the client from another address (e.g. via a NAT gateway)"
        case .routingLoop: "the routes send the packet in a loop"
        case .sourceDestinationCheck:
            "an interface with source/destination check drops traffic not addressed to it"
        case .unknownDestination: "the destination address belongs to nothing in the topology"
        case .unknownResource: "a resource the answer needs is missing from the input"
        case .unsupportedComponent: "the path crosses a component Reach does not model yet"
        case .badStateAttachment:
            "the attachment, VPN connection or virtual interface is missing or not available"
        case .transitGatewayAttachmentMissingRouteTableAssociation:
            "the transit gateway attachment is associated with no route table"
        case .transitGatewayRouteTableCannotRoute:
            "the transit gateway route table has no route to the destination"
        case .transitGatewayAttachmentNotInZone:
            "the VPC's transit gateway attachment has no subnet in the sender's availability zone"
        case .vpnNoRoute: "no VPN or Direct Connect connection announces a route to the destination"
        case .vpceServiceNotInstalledInZone:
            "the endpoint service's load balancer has no node in the endpoint's AZ"
        case .targetPortRestriction: "the load balancer has no listener on the destination port"
        case .protocolRestriction: "the listener does not take the flow's protocol"
        case .networkFirewallDrop: "an AWS Network Firewall rule or default action drops the flow"
        case .asymmetricFirewallPath:
            "the reply crosses another firewall endpoint than the request (appliance mode is off)"
        case .addressNotKnown: "the answer depends on an address the input does not give"
        case .zoneDependent: "the answer depends on which availability zone AWS picks for the traffic"
        case .sourcePortDependent: "the answer depends on the client's ephemeral source port"
        case .endpointPartiallyReachable: "some instances behind the endpoint are reachable, others not"
        case .disconnected: "no connection joins the source's network to the destination's"
        }
    }
}
