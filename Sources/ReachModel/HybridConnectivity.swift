import ReachNetwork

/// A virtual private gateway: the AWS end of VPNs and private virtual interfaces for one VPC (S-H-1).
public struct VirtualPrivateGateway: Hashable, Sendable {
    /// The gateway id (`vgw-…`) or design name.
    public var id: String
    /// The display name.
    public var name: String
    /// The attached VPC, or nil when detached.
    public var vpcID: String?
    /// Tags.
    public var tags: Tags

    /// Creates a virtual private gateway.
    public init(id: String, name: String, vpcID: String?, tags: Tags = [:]) {
        self.id = id
        self.name = name
        self.vpcID = vpcID
        self.tags = tags
    }
}

/// A customer gateway: the on-premises end of a VPN, at an on-prem site.
public struct CustomerGateway: Hashable, Sendable {
    /// The gateway id (`cgw-…`) or design name.
    public var id: String
    /// The display name.
    public var name: String
    /// The device's public IP.
    public var ipAddress: IPv4Address?
    /// The BGP ASN, when it speaks BGP.
    public var bgpASN: Int?
    /// The on-prem site behind it.
    public var siteID: String?
    /// Tags.
    public var tags: Tags

    /// Creates a customer gateway.
    public init(
        id: String, name: String, ipAddress: IPv4Address?, bgpASN: Int?, siteID: String?, tags: Tags = [:]
    ) {
        self.id = id
        self.name = name
        self.ipAddress = ipAddress
        self.bgpASN = bgpASN
        self.siteID = siteID
        self.tags = tags
    }
}

/// Where a VPN connection or a private virtual interface terminates on the AWS side.
public enum HybridGatewayRef: Hashable, Sendable {
    /// A virtual private gateway.
    case virtualPrivateGateway(String)
    /// A transit gateway.
    case transitGateway(String)
    /// A Direct Connect gateway.
    case directConnectGateway(String)
}

/// A Site-to-Site VPN connection (S-H-1).
public struct VPNConnection: Hashable, Sendable {
    /// The connection id (`vpn-…`) or design name.
    public var id: String
    /// The display name.
    public var name: String
    /// The customer gateway's id.
    public var customerGatewayID: String
    /// The AWS end: a virtual private gateway or a transit gateway.
    public var gateway: HybridGatewayRef
    /// Whether routing is static (else BGP).
    public var staticRoutesOnly: Bool
    /// On-prem prefixes reached over this connection: the static routes, or those announced over BGP.
    public var onPremPrefixes: [IPv4Prefix]
    /// The AWS state (`available`, …); only `available` carries traffic.
    public var state: String
    /// Tags.
    public var tags: Tags

    /// Creates a VPN connection.
    public init(
        id: String, name: String, customerGatewayID: String, gateway: HybridGatewayRef,
        staticRoutesOnly: Bool,
        onPremPrefixes: [IPv4Prefix], state: String = "available", tags: Tags = [:]
    ) {
        self.id = id
        self.name = name
        self.customerGatewayID = customerGatewayID
        self.gateway = gateway
        self.staticRoutesOnly = staticRoutesOnly
        self.onPremPrefixes = onPremPrefixes
        self.state = state
        self.tags = tags
    }
}

/// A Direct Connect gateway's association with a virtual private gateway or transit gateway.
public struct DirectConnectGatewayAssociation: Hashable, Sendable {
    /// The associated gateway: a virtual private gateway or a transit gateway.
    public var gateway: HybridGatewayRef
    /// The AWS prefixes advertised to on-prem over this association (S-H-2).
    public var allowedPrefixes: [IPv4Prefix]

    /// Creates an association.
    public init(gateway: HybridGatewayRef, allowedPrefixes: [IPv4Prefix]) {
        self.gateway = gateway
        self.allowedPrefixes = allowedPrefixes
    }
}

/// A Direct Connect gateway (S-H-2).
public struct DirectConnectGateway: Hashable, Sendable {
    /// The gateway id or design name.
    public var id: String
    /// The display name.
    public var name: String
    /// Its associations.
    public var associations: [DirectConnectGatewayAssociation]
    /// Tags.
    public var tags: Tags

    /// Creates a Direct Connect gateway.
    public init(id: String, name: String, associations: [DirectConnectGatewayAssociation], tags: Tags = [:]) {
        self.id = id
        self.name = name
        self.associations = associations
        self.tags = tags
    }
}

/// A Direct Connect virtual interface from an on-prem site (S-H-2).
public struct VirtualInterface: Hashable, Sendable {
    /// Private (to a virtual private gateway or a Direct Connect gateway) or transit (to a
    /// Direct Connect gateway associated with transit gateways).
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A private virtual interface.
        case `private`
        /// A transit virtual interface.
        case transit
    }

    /// The interface id (`dxvif-…`) or design name.
    public var id: String
    /// The display name.
    public var name: String
    /// Private or transit.
    public var kind: Kind
    /// The on-prem site at the other end.
    public var siteID: String
    /// A virtual private gateway (private VIF) or a Direct Connect gateway.
    public var gateway: HybridGatewayRef
    /// On-prem prefixes announced over BGP.
    public var onPremPrefixes: [IPv4Prefix]
    /// The AWS state (`available`, `down`, …); only `available` carries traffic.
    public var state: String
    /// Tags.
    public var tags: Tags

    /// Creates a virtual interface.
    public init(
        id: String, name: String, kind: Kind, siteID: String, gateway: HybridGatewayRef,
        onPremPrefixes: [IPv4Prefix],
        state: String = "available", tags: Tags = [:]
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.siteID = siteID
        self.gateway = gateway
        self.onPremPrefixes = onPremPrefixes
        self.state = state
        self.tags = tags
    }
}
