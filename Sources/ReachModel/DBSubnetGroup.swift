/// An RDS DB subnet group: the subnets a DB instance may be placed in.
public struct DBSubnetGroup: Hashable, Sendable {
    /// The group name (RDS names these by name).
    public var id: String
    /// The display name.
    public var name: String
    /// The VPC's id.
    public var vpcID: String
    /// Member subnet ids.
    public var subnetIDs: [String]

    /// Creates a DB subnet group.
    public init(id: String, name: String, vpcID: String, subnetIDs: [String]) {
        self.id = id
        self.name = name
        self.vpcID = vpcID
        self.subnetIDs = subnetIDs
    }
}
