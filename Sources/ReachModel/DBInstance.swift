import ReachNetwork

/// An RDS DB instance, standalone or a member of an Aurora cluster (S-DB-1, S-DB-2).
public struct DBInstance: Hashable, Sendable {
    /// The DB instance identifier.
    public var id: String
    /// The display name.
    public var name: String
    /// The engine (`postgres`, `mysql`, `aurora-postgresql`, …).
    public var engine: String
    /// The listener port.
    public var port: UInt16
    /// The DB subnet group's id.
    public var subnetGroupID: String
    /// The subnet its endpoint interface is in.
    public var subnetID: String
    /// The endpoint's private IP, when known. When unknown, answers that depend on the exact
    /// address within the subnet are `unknown`.
    public var privateIP: IPv4Address?
    /// The endpoint's public IP, when known.
    public var publicIP: IPv4Address?
    /// `PubliclyAccessible`: whether the endpoint gets a public IP (S-GW-1).
    public var publiclyAccessible: Bool
    /// Ids of its VPC security groups.
    public var securityGroupIDs: [String]
    /// The Aurora cluster it belongs to, if any.
    public var clusterID: String?
    /// Whether it is its cluster's writer.
    public var isClusterWriter: Bool
    /// Tags.
    public var tags: Tags
    /// Encryption, availability, backups and parameter group, as far as the input says.
    public var settings: DBSettings

    /// Creates a DB instance.
    public init(
        id: String, name: String, engine: String, port: UInt16, subnetGroupID: String, subnetID: String,
        privateIP: IPv4Address?, publicIP: IPv4Address?, publiclyAccessible: Bool,
        securityGroupIDs: [String], clusterID: String? = nil, isClusterWriter: Bool = false,
        tags: Tags = [:], settings: DBSettings = DBSettings()
    ) {
        self.id = id
        self.name = name
        self.engine = engine
        self.port = port
        self.subnetGroupID = subnetGroupID
        self.subnetID = subnetID
        self.privateIP = privateIP
        self.publicIP = publicIP
        self.publiclyAccessible = publiclyAccessible
        self.securityGroupIDs = securityGroupIDs
        self.clusterID = clusterID
        self.isClusterWriter = isClusterWriter
        self.tags = tags
        self.settings = settings
    }

    /// The default port of an engine (S-DB-1), or nil when the engine is not known.
    public static func defaultPort(engine: String) -> UInt16? {
        switch engine.lowercased() {
        case "postgres", "aurora-postgresql": 5432
        case "mysql", "mariadb", "aurora-mysql", "aurora": 3306
        case let e where e.hasPrefix("sqlserver"): 1433
        case let e where e.hasPrefix("oracle"): 1521
        case let e where e.hasPrefix("db2"): 50000
        default: nil
        }
    }
}
