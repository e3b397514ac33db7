/// An RDS DB parameter group or DB cluster parameter group, with the parameters the input
/// gives values for. A parameter it does not list has its engine default.
public struct DBParameterGroup: Hashable, Sendable {
    /// Whether the group configures DB instances or Aurora clusters.
    public enum Scope: String, Hashable, Sendable, CaseIterable {
        /// A DB parameter group (`describe-db-parameters`).
        case instance
        /// A DB cluster parameter group (`describe-db-cluster-parameters`).
        case cluster
    }

    /// The group's name, which is also its id.
    public var name: String
    /// Instance or cluster group.
    public var scope: Scope
    /// The parameter group family (`postgres16`), when known.
    public var family: String?
    /// Parameter values by name (`rds.force_ssl` → `1`).
    public var parameters: [String: String]

    /// Creates a parameter group.
    public init(name: String, scope: Scope, family: String? = nil, parameters: [String: String]) {
        self.name = name
        self.scope = scope
        self.family = family
        self.parameters = parameters
    }

    /// Whether this is one of AWS's default groups (`default.postgres16`), which cannot be
    /// modified and so always hold engine defaults.
    public var isAWSDefault: Bool { name.hasPrefix("default.") }
}
