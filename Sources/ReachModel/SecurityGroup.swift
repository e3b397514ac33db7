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
///
/// A value, stored behind one reference that is copied on write: an estate has thousands of
/// groups, and a what-if edit copies the topology's array of them, so copying a group costs one
/// reference count rather than one per string and rule list.
public struct SecurityGroup: Hashable, Sendable {
    private var storage: SharedProperties<Properties>

    /// The group id (`sg-…`) or design name.
    public var id: String {
        get { storage.properties.id }
        set { uniqueStorage().properties.id = newValue }
    }
    /// The group name.
    public var name: String {
        get { storage.properties.name }
        set { uniqueStorage().properties.name = newValue }
    }
    /// The owning VPC's id.
    public var vpcID: String {
        get { storage.properties.vpcID }
        set { uniqueStorage().properties.vpcID = newValue }
    }
    /// Whether this is the VPC's default group.
    public var isDefault: Bool {
        get { storage.properties.isDefault }
        set { uniqueStorage().properties.isDefault = newValue }
    }
    /// Ingress rules.
    public var ingress: [SecurityGroupRule] {
        get { storage.properties.ingress }
        set { uniqueStorage().properties.ingress = newValue }
    }
    /// Egress rules.
    public var egress: [SecurityGroupRule] {
        get { storage.properties.egress }
        set { uniqueStorage().properties.egress = newValue }
    }
    /// Tags.
    public var tags: Tags {
        get { storage.properties.tags }
        set { uniqueStorage().properties.tags = newValue }
    }

    /// Creates a security group.
    public init(
        id: String, name: String, vpcID: String, isDefault: Bool = false, ingress: [SecurityGroupRule],
        egress: [SecurityGroupRule], tags: Tags = [:]
    ) {
        storage = SharedProperties(
            Properties(
                id: id, name: name, vpcID: vpcID, isDefault: isDefault, ingress: ingress, egress: egress,
                tags: tags))
    }

    /// The rules facing `direction`.
    public func rules(_ direction: TrafficDirection) -> [SecurityGroupRule] {
        direction == .ingress ? ingress : egress
    }

    /// Whether `other` is this very value, unchanged since one was copied from the other: then
    /// the two are equal without comparing their properties.
    public func isUnchangedCopy(of other: SecurityGroup) -> Bool { storage === other.storage }

    /// Whether `reference` is the group's id or name, read in place (a lookup among thousands
    /// of groups would otherwise copy each id and name out of its storage).
    public func isNamed(_ reference: String) -> Bool {
        storage.properties.id == reference || storage.properties.name == reference
    }

    /// Equal when every property is: at once for an unchanged copy.
    public static func == (lhs: SecurityGroup, rhs: SecurityGroup) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.properties == rhs.storage.properties
    }

    /// Hashes every property.
    public func hash(into hasher: inout Hasher) { hasher.combine(storage.properties) }

    private mutating func uniqueStorage() -> SharedProperties<Properties> {
        SharedProperties.unique(&storage)
    }

    /// Every stored property of a group.
    struct Properties: Hashable {
        var id: String
        var name: String
        var vpcID: String
        var isDefault: Bool
        var ingress: [SecurityGroupRule]
        var egress: [SecurityGroupRule]
        var tags: Tags
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
