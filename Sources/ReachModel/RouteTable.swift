/// A route table with its subnet associations. The VPC's main table serves every subnet
/// that has no explicit association (S-R-1).
public struct RouteTable: Hashable, Sendable {
    /// The route table id or design name.
    public var id: String
    /// The human name.
    public var name: String
    /// The owning VPC's id.
    public var vpcID: String
    /// Whether this is the VPC's main route table.
    public var isMain: Bool
    /// Ids of explicitly associated subnets.
    public var subnetIDs: [String]
    /// The routes, in input order. `local` routes for the VPC's CIDR blocks are implied.
    public var routes: [Route]
    /// Virtual private gateways whose on-prem routes propagate into this table (S-H-1).
    public var propagatingGatewayIDs: [String] = []
    /// Tags.
    public var tags: Tags

    /// Creates a route table.
    public init(
        id: String, name: String, vpcID: String, isMain: Bool, subnetIDs: [String], routes: [Route],
        tags: Tags = [:]
    ) {
        self.id = id
        self.name = name
        self.vpcID = vpcID
        self.isMain = isMain
        self.subnetIDs = subnetIDs
        self.routes = routes
        self.tags = tags
    }
}
