/// A VPC peering connection between two VPCs (possibly in different regions).
public struct VPCPeeringConnection: Hashable, Sendable {
    /// The connection id (`pcx-…`) or design name.
    public var id: String
    /// The human name.
    public var name: String
    /// The requester VPC's id.
    public var requesterVPCID: String
    /// The accepter VPC's id.
    public var accepterVPCID: String
    /// The AWS status code (`active`, `pending-acceptance`, `deleted`, …); only `active` forwards.
    public var status: String
    /// Tags.
    public var tags: Tags

    /// Creates a peering connection.
    public init(
        id: String, name: String, requesterVPCID: String, accepterVPCID: String, status: String,
        tags: Tags = [:]
    ) {
        self.id = id
        self.name = name
        self.requesterVPCID = requesterVPCID
        self.accepterVPCID = accepterVPCID
        self.status = status
        self.tags = tags
    }

    /// Whether traffic flows (S-GW-3: the connection must be active).
    public var isActive: Bool { status == "active" }

    /// The VPC on the other side from `vpcID`, or nil if `vpcID` is not an end of this connection.
    public func peer(of vpcID: String) -> String? {
        if vpcID == requesterVPCID { return accepterVPCID }
        if vpcID == accepterVPCID { return requesterVPCID }
        return nil
    }
}
