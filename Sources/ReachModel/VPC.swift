import ReachNetwork

/// A virtual private cloud: one region, one or more IPv4 CIDR blocks (primary first).
public struct VPC: Hashable, Sendable {
    /// The VPC id (`vpc-…`) or design name.
    public var id: String
    /// The human name (`Name` tag).
    public var name: String
    /// The region, such as `us-east-1`.
    public var region: String
    /// The primary and secondary IPv4 CIDR blocks.
    public var cidrBlocks: [IPv4Prefix]
    /// Tags.
    public var tags: Tags

    /// Creates a VPC.
    public init(id: String, name: String, region: String, cidrBlocks: [IPv4Prefix], tags: Tags = [:]) {
        self.id = id
        self.name = name
        self.region = region
        self.cidrBlocks = cidrBlocks
        self.tags = tags
    }

    /// Whether one of the VPC's CIDR blocks holds `address`.
    public func contains(_ address: IPv4Address) -> Bool {
        cidrBlocks.contains { $0.contains(address) }
    }
}
