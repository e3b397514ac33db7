import ReachNetwork

/// Where a route sends matching traffic (S-R-3).
public enum RouteTarget: Hashable, Sendable {
    /// The VPC's own CIDR blocks.
    case local
    /// An internet gateway, by id.
    case internetGateway(String)
    /// A NAT gateway, by id.
    case natGateway(String)
    /// A VPC peering connection, by id.
    case peeringConnection(String)
    /// A network interface (an appliance such as a NAT instance or firewall), by id.
    case networkInterface(String)
    /// A transit gateway, by id.
    case transitGateway(String)
    /// A virtual private gateway, by id.
    case virtualPrivateGateway(String)
    /// A VPC endpoint, by id: a gateway endpoint, or a Network Firewall endpoint.
    case vpcEndpoint(String)
    /// A target the input refers to but does not contain (a snapshot that lacks it): traffic
    /// routed there gets an `unknown` verdict.
    case missing(kind: String, id: String)
    /// A target of a kind this version does not model (an egress-only internet gateway, …):
    /// traffic routed there gets an `unknown` verdict.
    case unsupported(kind: String, id: String)
}

/// What a route matches: a CIDR block or a managed prefix list (S-R-4).
public enum RouteDestination: Hashable, Sendable {
    /// A CIDR block.
    case cidr(IPv4Prefix)
    /// A managed prefix list, by id; expands to its entries.
    case prefixList(String)
}

/// Whether a route's target still exists.
public enum RouteState: String, Hashable, Sendable, Codable {
    /// The target exists and forwards.
    case active
    /// The target is gone; matching traffic is dropped (S-R-3).
    case blackhole
}

/// One route of a route table.
public struct Route: Hashable, Sendable {
    /// What the route matches.
    public var destination: RouteDestination
    /// Where matching traffic goes.
    public var target: RouteTarget
    /// Active or blackhole.
    public var state: RouteState

    /// Creates a route.
    public init(destination: RouteDestination, target: RouteTarget, state: RouteState = .active) {
        self.destination = destination
        self.target = target
        self.state = state
    }
}

extension RouteDestination: CustomStringConvertible {
    /// The CIDR block or prefix-list id.
    public var description: String {
        switch self {
        case .cidr(let prefix): prefix.description
        case .prefixList(let id): id
        }
    }
}

extension RouteTarget: CustomStringConvertible {
    /// `local`, or the target's id.
    public var description: String {
        switch self {
        case .local: "local"
        case .internetGateway(let id), .natGateway(let id), .peeringConnection(let id),
            .networkInterface(let id), .transitGateway(let id), .virtualPrivateGateway(let id),
            .vpcEndpoint(let id):
            id
        case .unsupported(let kind, let id), .missing(let kind, let id): "\(kind) \(id)"
        }
    }
}
