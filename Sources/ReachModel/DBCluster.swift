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
    /// Encryption, availability, backups and cluster parameter group, as far as the input says.
    public var settings: DBSettings

    /// Creates a cluster.
    public init(
        id: String, name: String, engine: String, port: UInt16, memberIDs: [String], tags: Tags = [:],
        settings: DBSettings = DBSettings()
    ) {
        self.id = id
        self.name = name
        self.engine = engine
        self.port = port
        self.memberIDs = memberIDs
        self.tags = tags
        self.settings = settings
    }
}
