/// An Aurora DB cluster: a writer endpoint, a reader endpoint, and its instances (S-DB-2).
public struct DBCluster: Hashable, Sendable {
    /// The cluster identifier.
    public var id: String
    /// The display name.
    public var name: String
    /// The engine.
    public var engine: String
    /// The listener port.
    public var port: UInt16
    /// Ids of member DB instances.
    public var memberIDs: [String]
    /// Tags.
    public var tags: Tags

    /// Creates a cluster.
    public init(id: String, name: String, engine: String, port: UInt16, memberIDs: [String], tags: Tags = [:])
    {
        self.id = id
        self.name = name
        self.engine = engine
        self.port = port
        self.memberIDs = memberIDs
        self.tags = tags
    }
}
