import ReachNetwork

/// A transit gateway: a regional router between VPCs, VPNs, Direct Connect gateways and
/// peered transit gateways (S-TGW).
public struct TransitGateway: Hashable, Sendable {
    /// The gateway id (`tgw-…`) or design name.
    public var id: String
    /// The display name.
    public var name: String
    /// The region.
    public var region: String
    /// Tags.
    public var tags: Tags

    /// Creates a transit gateway.
    public init(id: String, name: String, region: String, tags: Tags = [:]) {
        self.id = id
        self.name = name
        self.region = region
        self.tags = tags
    }
}

/// What a transit gateway attachment connects.
public enum TransitGatewayAttachmentResource: Hashable, Sendable {
    /// A VPC, through one subnet per availability zone (S-TGW-3).
    case vpc(vpcID: String, subnetIDs: [String])
    /// A Site-to-Site VPN connection.
    case vpn(connectionID: String)
    /// A Direct Connect gateway.
    case directConnectGateway(gatewayID: String)
    /// A peering with another transit gateway, usually in another region (S-TGW-4).
    case peering(peerTransitGatewayID: String, peerAttachmentID: String?)
}

/// An attachment of a resource to a transit gateway.
public struct TransitGatewayAttachment: Hashable, Sendable {
    /// The attachment id (`tgw-attach-…`) or design name.
    public var id: String
    /// The display name.
    public var name: String
    /// The transit gateway's id.
    public var transitGatewayID: String
    /// What is attached.
    public var resource: TransitGatewayAttachmentResource
    /// Appliance mode (VPC attachments): both directions of a flow use the same AZ's interface.
    public var applianceMode: Bool
    /// The AWS state (`available`, `pending`, `deleted`, …); only `available` forwards.
    public var state: String
    /// Tags.
    public var tags: Tags

    /// Creates an attachment.
    public init(
        id: String, name: String, transitGatewayID: String, resource: TransitGatewayAttachmentResource,
        applianceMode: Bool = false, state: String = "available", tags: Tags = [:]
    ) {
        self.id = id
        self.name = name
        self.transitGatewayID = transitGatewayID
        self.resource = resource
        self.applianceMode = applianceMode
        self.state = state
        self.tags = tags
    }

    /// Whether the attachment forwards traffic.
    public var isAvailable: Bool { state == "available" }
}

/// A static or blackhole route of a transit gateway route table.
public struct TransitGatewayRoute: Hashable, Sendable {
    /// The destination block or prefix list.
    public var destination: RouteDestination
    /// The attachment traffic goes to; nil for a blackhole route.
    public var attachmentID: String?

    /// Creates a route; a nil attachment makes it a blackhole.
    public init(destination: RouteDestination, attachmentID: String?) {
        self.destination = destination
        self.attachmentID = attachmentID
    }
}

/// A transit gateway route table with its associations, propagations and static routes (S-TGW-1, S-TGW-2).
public struct TransitGatewayRouteTable: Hashable, Sendable {
    /// The table id (`tgw-rtb-…`) or design name.
    public var id: String
    /// The display name.
    public var name: String
    /// The transit gateway's id.
    public var transitGatewayID: String
    /// Attachments whose incoming traffic this table routes.
    public var associationIDs: [String]
    /// Attachments whose routes propagate into this table.
    public var propagationIDs: [String]
    /// Static and blackhole routes.
    public var routes: [TransitGatewayRoute]
    /// Tags.
    public var tags: Tags

    /// Creates a route table.
    public init(
        id: String, name: String, transitGatewayID: String, associationIDs: [String],
        propagationIDs: [String],
        routes: [TransitGatewayRoute], tags: Tags = [:]
    ) {
        self.id = id
        self.name = name
        self.transitGatewayID = transitGatewayID
        self.associationIDs = associationIDs
        self.propagationIDs = propagationIDs
        self.routes = routes
        self.tags = tags
    }
}
