import ReachNetwork

/// A subnet: one availability zone, one IPv4 CIDR block inside its VPC.
public struct Subnet: Hashable, Sendable {
    /// The subnet id or design name.
    public var id: String
    /// The human name.
    public var name: String
    /// The owning VPC's id.
    public var vpcID: String
    /// The availability zone, such as `us-east-1a`.
    public var availabilityZone: String
    /// The subnet's CIDR block.
    public var cidrBlock: IPv4Prefix
    /// Tags.
    public var tags: Tags

    /// Creates a subnet.
    public init(
        id: String, name: String, vpcID: String, availabilityZone: String, cidrBlock: IPv4Prefix,
        tags: Tags = [:]
    ) {
        self.id = id
        self.name = name
        self.vpcID = vpcID
        self.availabilityZone = availabilityZone
        self.cidrBlock = cidrBlock
        self.tags = tags
    }
}
