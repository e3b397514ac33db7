import ReachModel
import ReachNetwork

/// A pair of graph indices keying attachments: a transit gateway and a VPC (or a Direct Connect gateway).
struct TransitGatewayAndVPC: Hashable, Sendable {
    let transitGateway: Int
    let other: Int
}

/// A transit gateway in the graph. A reference: a trace that reads one holds one count, not
/// a copy of each string.
final class CompiledTransitGateway: Sendable {
    let ref: ComponentRef
    let region: String

    init(ref: ComponentRef, region: String) {
        self.ref = ref
        self.region = region
    }
}

/// What a compiled transit gateway attachment connects.
enum CompiledAttachmentResource: Hashable, Sendable {
    /// A VPC, with its attachment subnet per availability zone.
    case vpc(vpc: Int, subnetsByZone: ZoneSubnets)
    /// A VPN connection.
    case vpn(Int)
    /// A Direct Connect gateway.
    case directConnectGateway(Int)
    /// A peering with another transit gateway; `peerAttachment` is the other end, when known.
    case peering(peerTransitGateway: Int, peerAttachment: Int?)
}

/// A transit gateway attachment with the route table it is associated with.
struct CompiledAttachment: Sendable {
    let ref: ComponentRef
    let transitGateway: Int
    let resource: CompiledAttachmentResource
    let applianceMode: Bool
    let isAvailable: Bool
    var routeTable: Int?

    /// The other transit gateway of a peering attachment.
    var peerTransitGateway: Int? {
        if case .peering(let peer, _) = resource { return peer }
        return nil
    }
}

/// One route of a compiled transit gateway route table.
struct CompiledTransitGatewayRoute: Hashable, Sendable {
    let prefix: IPv4Prefix
    /// The attachment; nil for a blackhole.
    let attachment: Int?
    let isStatic: Bool
    let label: String
}

/// A transit gateway route table ready for longest prefix match: longest first, and for the
/// same prefix static routes before propagated ones (S-TGW-2). A reference, like
/// ``CompiledRouteTable``: a trace holds one count, and a patch replaces a table whole.
final class CompiledTransitGatewayRouteTable: Sendable {
    let ref: ComponentRef
    let transitGateway: Int
    let routes: [CompiledTransitGatewayRoute]
    private let index: LongestPrefixIndex

    init(ref: ComponentRef, transitGateway: Int, routes: [CompiledTransitGatewayRoute]) {
        self.ref = ref
        self.transitGateway = transitGateway
        self.routes = routes
        index = LongestPrefixIndex(routes.map(\.prefix))
    }

    /// The longest-prefix match for `address` (S-TGW-2), or nil.
    func lookup(_ address: IPv4Address) -> CompiledTransitGatewayRoute? {
        index.lookup(address).map { routes[$0] }
    }
}

/// Where a VPN connection or virtual interface ends on the AWS side, by graph index.
enum CompiledHybridGateway: Hashable, Sendable {
    case virtualPrivateGateway(Int)
    case transitGateway(Int)
    case directConnectGateway(Int)
}

/// A virtual private gateway.
struct CompiledVirtualPrivateGateway: Sendable {
    let ref: ComponentRef
    let vpc: Int?
}

/// A hybrid connection from an on-prem site: a VPN connection or a Direct Connect virtual interface.
struct CompiledHybridConnection: Sendable {
    enum Kind: Hashable, Sendable {
        case vpn
        case privateVirtualInterface
        case transitVirtualInterface
    }

    let ref: ComponentRef
    let kind: Kind
    let site: Int?
    let gateway: CompiledHybridGateway
    /// On-prem prefixes reached over it (static routes or BGP announcements).
    let onPremPrefixes: [IPv4Prefix]
    let staticRoutesOnly: Bool
    let isAvailable: Bool

    var isDirectConnect: Bool { kind != .vpn }
}

/// A Direct Connect gateway and its associations.
struct CompiledDirectConnectGateway: Sendable {
    let ref: ComponentRef
    let associations: [(gateway: CompiledHybridGateway, allowedPrefixes: [IPv4Prefix])]
}

/// An interface VPC endpoint.
struct CompiledInterfaceEndpoint: Sendable {
    let ref: ComponentRef
    let serviceName: String
    let isAvailable: Bool
    var interfaces: [Int] = []
}

/// A gateway VPC endpoint and the AWS service its routes lead to.
struct CompiledGatewayEndpoint: Sendable {
    let ref: ComponentRef
    let vpc: Int
    let service: Int?
}

/// An AWS service reachable at the blocks of its AWS-managed prefix list (S3, DynamoDB, …).
struct CompiledAWSService: Sendable {
    let ref: ComponentRef
    let addresses: IPv4AddressSet
}

/// A load balancer listener.
struct CompiledListener: Sendable {
    let protocolName: String
    let port: UInt16
    let targetGroup: Int
}

/// A Network Load Balancer: nodes (interfaces), security groups and listeners.
struct CompiledLoadBalancer: Sendable {
    let ref: ComponentRef
    let isNetwork: Bool
    var nodes: [Int] = []
    let listeners: [CompiledListener]
}

/// A target of a target group, resolved to where it lives.
struct CompiledTarget: Sendable {
    let label: String
    let address: IPv4Address?
    let place: TracePlace?
    let port: UInt16
    let health: String?
}

/// A target group.
struct CompiledTargetGroup: Sendable {
    let ref: ComponentRef
    let targets: [CompiledTarget]
}

/// An endpoint service and its load balancers.
struct CompiledEndpointService: Sendable {
    let ref: ComponentRef
    let serviceName: String
    let loadBalancers: [Int]
}

/// An AWS Network Firewall with its policy.
struct CompiledNetworkFirewall: Sendable {
    let ref: ComponentRef
    let policy: FirewallPolicyEvaluator?
}
