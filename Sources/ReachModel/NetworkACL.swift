import ReachNetwork

/// Allow or deny.
public enum RuleAction: String, Hashable, Sendable, Codable {
    /// Let matching traffic through.
    case allow
    /// Drop matching traffic.
    case deny
}

/// One numbered entry of a network ACL.
public struct NetworkACLEntry: Hashable, Sendable {
    /// The rule number; lower numbers are evaluated first (S-NACL-2).
    public var ruleNumber: Int
    /// Inbound (ingress) or outbound (egress).
    public var direction: TrafficDirection
    /// Allow or deny.
    public var action: RuleAction
    /// Protocol and destination ports.
    public var match: ProtocolMatch
    /// The source (inbound) or destination (outbound) block.
    public var cidrBlock: IPv4Prefix

    /// Creates an entry.
    public init(
        ruleNumber: Int, direction: TrafficDirection, action: RuleAction, match: ProtocolMatch,
        cidrBlock: IPv4Prefix
    ) {
        self.ruleNumber = ruleNumber
        self.direction = direction
        self.action = action
        self.match = match
        self.cidrBlock = cidrBlock
    }
}

/// A network ACL: stateless, ordered rules at the subnet boundary (S-NACL-1..4).
public struct NetworkACL: Hashable, Sendable {
    /// The ACL id (`acl-…`) or design name.
    public var id: String
    /// The human name.
    public var name: String
    /// The owning VPC's id.
    public var vpcID: String
    /// Whether this is the VPC's default ACL, used by subnets with no explicit association.
    public var isDefault: Bool
    /// Ids of associated subnets.
    public var subnetIDs: [String]
    /// The entries, both directions, in any order.
    public var entries: [NetworkACLEntry]
    /// Tags.
    public var tags: Tags

    /// Creates a network ACL.
    public init(
        id: String, name: String, vpcID: String, isDefault: Bool, subnetIDs: [String],
        entries: [NetworkACLEntry], tags: Tags = [:]
    ) {
        self.id = id
        self.name = name
        self.vpcID = vpcID
        self.isDefault = isDefault
        self.subnetIDs = subnetIDs
        self.entries = entries
        self.tags = tags
    }
}
