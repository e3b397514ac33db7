import ReachNetwork

/// An on-premises network, named by its CIDR blocks (S-H-3).
public struct OnPremSite: Hashable, Sendable {
    /// The site's id or design name.
    public var id: String
    /// The display name.
    public var name: String
    /// The site's address blocks.
    public var cidrBlocks: [IPv4Prefix]
    /// The public blocks the site's traffic comes from on the internet (its uplink's NAT
    /// addresses). Empty: the site has no internet uplink in the model.
    public var publicCIDRBlocks: [IPv4Prefix]
    /// Tags.
    public var tags: Tags

    /// Creates an on-prem site.
    public init(
        id: String, name: String, cidrBlocks: [IPv4Prefix], publicCIDRBlocks: [IPv4Prefix] = [],
        tags: Tags = [:]
    ) {
        self.id = id
        self.name = name
        self.cidrBlocks = cidrBlocks
        self.publicCIDRBlocks = publicCIDRBlocks
        self.tags = tags
    }
}
