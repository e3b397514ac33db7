import ReachNetwork

/// Which way a rule or check faces.
public enum TrafficDirection: String, Hashable, Sendable, Codable {
    /// Traffic entering an interface or subnet.
    case ingress
    /// Traffic leaving an interface or subnet.
    case egress
}

/// The peer a security group rule allows: a CIDR, a prefix list or another group (S-SG-2).
public enum SecurityGroupPeer: Hashable, Sendable {
    /// An IPv4 CIDR block.
    case cidr(IPv4Prefix)
    /// An IPv6 CIDR block, kept as written; it never matches IPv4 traffic.
    case ipv6CIDR(String)
    /// A managed prefix list, by id.
    case prefixList(String)
    /// A security group, by id: matches the private IPs of interfaces that carry it.
    case securityGroup(String)
}

/// One allow rule of a security group (security groups have no deny rules).
public struct SecurityGroupRule: Hashable, Sendable {
    /// Ingress or egress.
    public var direction: TrafficDirection
    /// Protocol and ports.
    public var match: ProtocolMatch
    /// The source (ingress) or destination (egress).
    public var peer: SecurityGroupPeer
    /// The rule's description, if any.
    public var description: String?

    /// Creates a rule.
    public init(
        direction: TrafficDirection, match: ProtocolMatch, peer: SecurityGroupPeer, description: String? = nil
    ) {
        self.direction = direction
        self.match = match
        self.peer = peer
        self.description = description
    }
}

/// A security group: stateful allow rules evaluated at each interface that carries it.
public struct SecurityGroup: Hashable, Sendable {
    /// The group id (`sg-…`) or design name.
    public var id: String
    /// The group name.
    public var name: String
    /// The owning VPC's id.
    public var vpcID: String
    /// Whether this is the VPC's default group.
    public var isDefault: Bool
    /// Ingress rules.
    public var ingress: [SecurityGroupRule]
    /// Egress rules.
    public var egress: [SecurityGroupRule]
    /// Tags.
    public var tags: Tags

    /// Creates a security group.
    public init(
        id: String, name: String, vpcID: String, isDefault: Bool = false, ingress: [SecurityGroupRule],
        egress: [SecurityGroupRule], tags: Tags = [:]
    ) {
        self.id = id
        self.name = name
        self.vpcID = vpcID
        self.isDefault = isDefault
        self.ingress = ingress
        self.egress = egress
        self.tags = tags
    }

    /// The rules facing `direction`.
    public func rules(_ direction: TrafficDirection) -> [SecurityGroupRule] {
        direction == .ingress ? ingress : egress
    }
}

extension SecurityGroupPeer: CustomStringConvertible {
    /// The CIDR, prefix-list id or group id.
    public var description: String {
        switch self {
        case .cidr(let prefix): prefix.description
        case .ipv6CIDR(let text): text
        case .prefixList(let id): id
        case .securityGroup(let id): id
        }
    }
}
