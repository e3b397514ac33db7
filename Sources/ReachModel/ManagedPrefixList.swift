import ReachNetwork

/// A managed prefix list: a named set of CIDR blocks usable in routes and rules (S-R-4).
public struct ManagedPrefixList: Hashable, Sendable {
    /// The list id (`pl-…`) or design name.
    public var id: String
    /// The list name.
    public var name: String
    /// The entries.
    public var cidrBlocks: [IPv4Prefix]
    /// Tags.
    public var tags: Tags

    /// Creates a prefix list.
    public init(id: String, name: String, cidrBlocks: [IPv4Prefix], tags: Tags = [:]) {
        self.id = id
        self.name = name
        self.cidrBlocks = cidrBlocks
        self.tags = tags
    }
}
