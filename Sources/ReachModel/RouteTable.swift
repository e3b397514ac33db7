/// A route table with its subnet associations. The VPC's main table serves every subnet
/// that has no explicit association (S-R-1).
///
/// A value, stored behind one reference that is copied on write: an estate has thousands of
/// tables, and a what-if edit copies the topology's array of them, so copying a table costs one
/// reference count rather than one per string and list.
public struct RouteTable: Hashable, Sendable {
    private var storage: SharedProperties<Properties>

    /// The route table id or design name.
    public var id: String {
        get { storage.properties.id }
        set { uniqueStorage().properties.id = newValue }
    }
    /// The human name.
    public var name: String {
        get { storage.properties.name }
        set { uniqueStorage().properties.name = newValue }
    }
    /// The owning VPC's id.
    public var vpcID: String {
        get { storage.properties.vpcID }
        set { uniqueStorage().properties.vpcID = newValue }
    }
    /// Whether this is the VPC's main route table.
    public var isMain: Bool {
        get { storage.properties.isMain }
        set { uniqueStorage().properties.isMain = newValue }
    }
    /// Ids of explicitly associated subnets.
    public var subnetIDs: [String] {
        get { storage.properties.subnetIDs }
        set { uniqueStorage().properties.subnetIDs = newValue }
    }
    /// The routes, in input order. `local` routes for the VPC's CIDR blocks are implied.
    public var routes: [Route] {
        get { storage.properties.routes }
        set { uniqueStorage().properties.routes = newValue }
    }
    /// Virtual private gateways whose on-prem routes propagate into this table (S-H-1).
    public var propagatingGatewayIDs: [String] {
        get { storage.properties.propagatingGatewayIDs }
        set { uniqueStorage().properties.propagatingGatewayIDs = newValue }
    }
    /// Tags.
    public var tags: Tags {
        get { storage.properties.tags }
        set { uniqueStorage().properties.tags = newValue }
    }

    /// Creates a route table.
    public init(
        id: String, name: String, vpcID: String, isMain: Bool, subnetIDs: [String], routes: [Route],
        tags: Tags = [:]
    ) {
        storage = SharedProperties(
            Properties(
                id: id, name: name, vpcID: vpcID, isMain: isMain, subnetIDs: subnetIDs, routes: routes,
                propagatingGatewayIDs: [], tags: tags))
    }

    /// Whether `other` is this very value, unchanged since one was copied from the other: then
    /// the two are equal without comparing their properties.
    public func isUnchangedCopy(of other: RouteTable) -> Bool { storage === other.storage }

    /// Whether `reference` is the table's id or name, read in place (a lookup among thousands
    /// of tables would otherwise copy each id and name out of its storage).
    public func isNamed(_ reference: String) -> Bool {
        storage.properties.id == reference || storage.properties.name == reference
    }

    /// Equal when every property is: at once for an unchanged copy.
    public static func == (lhs: RouteTable, rhs: RouteTable) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.properties == rhs.storage.properties
    }

    /// Hashes every property.
    public func hash(into hasher: inout Hasher) { hasher.combine(storage.properties) }

    private mutating func uniqueStorage() -> SharedProperties<Properties> {
        SharedProperties.unique(&storage)
    }

    /// Every stored property of a table.
    struct Properties: Hashable {
        var id: String
        var name: String
        var vpcID: String
        var isMain: Bool
        var subnetIDs: [String]
        var routes: [Route]
        var propagatingGatewayIDs: [String]
        var tags: Tags
    }
}
