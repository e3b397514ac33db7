/// An internet gateway, attached to at most one VPC.
public struct InternetGateway: Hashable, Sendable {
    /// The gateway id or design name.
    public var id: String
    /// The human name.
    public var name: String
    /// The attached VPC's id, or nil when detached.
    public var vpcID: String?
    /// Tags.
    public var tags: Tags

    /// Creates an internet gateway.
    public init(id: String, name: String, vpcID: String?, tags: Tags = [:]) {
        self.id = id
        self.name = name
        self.vpcID = vpcID
        self.tags = tags
    }
}
