/// The settings of an RDS DB instance or Aurora cluster that the audit reads: encryption,
/// availability, backups and the parameter group. Each is optional: nil means the input does
/// not say, and checks that need it answer `unknown` rather than guess.
public struct DBSettings: Hashable, Sendable {
    /// The engine version (`16.3`), which decides some engine defaults.
    public var engineVersion: String?
    /// `StorageEncrypted`: whether storage is encrypted at rest.
    public var storageEncrypted: Bool?
    /// `MultiAZ`: whether a standby (or, for Aurora, a replica) runs in another AZ.
    public var multiAZ: Bool?
    /// `BackupRetentionPeriod` in days; 0 turns automated backups off.
    public var backupRetentionDays: Int?
    /// The DB parameter group (for an Aurora cluster, its DB cluster parameter group).
    public var parameterGroupName: String?

    /// Creates settings; every setting defaults to not known.
    public init(
        engineVersion: String? = nil, storageEncrypted: Bool? = nil, multiAZ: Bool? = nil,
        backupRetentionDays: Int? = nil, parameterGroupName: String? = nil
    ) {
        self.engineVersion = engineVersion
        self.storageEncrypted = storageEncrypted
        self.multiAZ = multiAZ
        self.backupRetentionDays = backupRetentionDays
        self.parameterGroupName = parameterGroupName
    }
}
