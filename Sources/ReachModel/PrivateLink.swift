import ReachNetwork

/// One network interface of an interface VPC endpoint or a load balancer node.
public struct PlacedAddress: Hashable, Sendable {
    /// The subnet.
    public var subnetID: String
    /// The private IP there.
    public var privateIP: IPv4Address

    /// Creates a placed address.
    public init(subnetID: String, privateIP: IPv4Address) {
        self.subnetID = subnetID
        self.privateIP = privateIP
    }
}

/// A VPC endpoint (S-PL).
public struct VPCEndpoint: Hashable, Sendable {
    /// The endpoint type.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// Interface endpoint: interfaces in consumer subnets, to an endpoint service (PrivateLink).
        case interface = "Interface"
        /// Gateway endpoint: a route-table target for an AWS service's prefix list.
        case gateway = "Gateway"
        /// Gateway Load Balancer endpoint (not modelled: traffic there is `unknown`).
        case gatewayLoadBalancer = "GatewayLoadBalancer"
    }

    /// The endpoint id (`vpce-…`) or design name.
    public var id: String
    /// The display name.
    public var name: String
    /// The consumer VPC.
    public var vpcID: String
    /// The type.
    public var kind: Kind
    /// The service name (`com.amazonaws.us-east-1.s3`, `com.amazonaws.vpce.us-east-1.vpce-svc-…`).
    public var serviceName: String
    /// Interface endpoints: one interface per subnet.
    public var interfaces: [PlacedAddress]
    /// Interface endpoints: the security groups on those interfaces.
    public var securityGroupIDs: [String]
    /// Gateway endpoints: the route tables that route the service's prefix list to it.
    public var routeTableIDs: [String]
    /// The AWS state (`available`, …).
    public var state: String
    /// Tags.
    public var tags: Tags

    /// Creates an endpoint.
    public init(
        id: String, name: String, vpcID: String, kind: Kind, serviceName: String,
        interfaces: [PlacedAddress] = [],
        securityGroupIDs: [String] = [], routeTableIDs: [String] = [], state: String = "available",
        tags: Tags = [:]
    ) {
        self.id = id
        self.name = name
        self.vpcID = vpcID
        self.kind = kind
        self.serviceName = serviceName
        self.interfaces = interfaces
        self.securityGroupIDs = securityGroupIDs
        self.routeTableIDs = routeTableIDs
        self.state = state
        self.tags = tags
    }
}

/// An endpoint service: a provider's Network Load Balancer offered over PrivateLink.
public struct VPCEndpointService: Hashable, Sendable {
    /// The service id (`vpce-svc-…`) or design name.
    public var id: String
    /// The display name.
    public var name: String
    /// The service name consumers use.
    public var serviceName: String
    /// The Network Load Balancers behind it.
    public var loadBalancerIDs: [String]
    /// Tags.
    public var tags: Tags

    /// Creates an endpoint service.
    public init(id: String, name: String, serviceName: String, loadBalancerIDs: [String], tags: Tags = [:]) {
        self.id = id
        self.name = name
        self.serviceName = serviceName
        self.loadBalancerIDs = loadBalancerIDs
        self.tags = tags
    }
}

/// A load balancer listener.
public struct Listener: Hashable, Sendable {
    /// The protocol (`TCP`, `TLS`, `UDP`, `TCP_UDP`).
    public var protocolName: String
    /// The port it listens on.
    public var port: UInt16
    /// The target group it forwards to.
    public var targetGroupID: String

    /// Creates a listener.
    public init(protocolName: String, port: UInt16, targetGroupID: String) {
        self.protocolName = protocolName
        self.port = port
        self.targetGroupID = targetGroupID
    }
}

/// A Network Load Balancer (other types are recorded but not modelled).
public struct LoadBalancer: Hashable, Sendable {
    /// The load balancer ARN or design name.
    public var id: String
    /// The display name.
    public var name: String
    /// `network`, `application` or `gateway`.
    public var type: String
    /// `internal` or `internet-facing`.
    public var scheme: String
    /// Its VPC.
    public var vpcID: String
    /// Its nodes: one address per enabled subnet.
    public var nodes: [PlacedAddress]
    /// Its security groups (a Network Load Balancer may have none).
    public var securityGroupIDs: [String]
    /// Its listeners.
    public var listeners: [Listener]
    /// Tags.
    public var tags: Tags

    /// Creates a load balancer.
    public init(
        id: String, name: String, type: String, scheme: String, vpcID: String, nodes: [PlacedAddress],
        securityGroupIDs: [String], listeners: [Listener], tags: Tags = [:]
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.scheme = scheme
        self.vpcID = vpcID
        self.nodes = nodes
        self.securityGroupIDs = securityGroupIDs
        self.listeners = listeners
        self.tags = tags
    }
}

/// A target of a target group: an IP or an instance, on a port.
public struct Target: Hashable, Sendable {
    /// The instance id (instance targets) or the IP (ip targets).
    public var id: String
    /// The port; nil uses the group's port.
    public var port: UInt16?
    /// The health state (`healthy`, `unhealthy`, `unused`, …) when known.
    public var health: String?

    /// Creates a target.
    public init(id: String, port: UInt16?, health: String? = nil) {
        self.id = id
        self.port = port
        self.health = health
    }
}

/// A target group of a load balancer.
public struct TargetGroup: Hashable, Sendable {
    /// The target group ARN or design name.
    public var id: String
    /// The display name.
    public var name: String
    /// `ip` or `instance`.
    public var targetType: String
    /// The protocol.
    public var protocolName: String
    /// The default target port.
    public var port: UInt16
    /// Its VPC.
    public var vpcID: String
    /// Its targets.
    public var targets: [Target]
    /// Tags.
    public var tags: Tags

    /// Creates a target group.
    public init(
        id: String, name: String, targetType: String, protocolName: String, port: UInt16, vpcID: String,
        targets: [Target], tags: Tags = [:]
    ) {
        self.id = id
        self.name = name
        self.targetType = targetType
        self.protocolName = protocolName
        self.port = port
        self.vpcID = vpcID
        self.targets = targets
        self.tags = tags
    }
}
