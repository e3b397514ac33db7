/// The checks `reach audit` runs, each with a stable id (its raw value), a default severity
/// and the fix it suggests.
public enum AuditRule: String, Hashable, Sendable, CaseIterable {
    /// A DB instance has `PubliclyAccessible` set.
    case dbPubliclyAccessible = "DB_PUBLICLY_ACCESSIBLE"
    /// A subnet of a DB's subnet group routes to an internet gateway.
    case dbSubnetRoutesToInternetGateway = "DB_SUBNET_ROUTES_TO_IGW"
    /// A security group of a DB admits the DB port (or all ports) from 0.0.0.0/0 or ::/0.
    case securityGroupOpenToWorld = "SG_DB_PORT_OPEN_TO_WORLD"
    /// A security group of a DB admits the DB port from a very wide CIDR block.
    case securityGroupOpenToWideCIDR = "SG_DB_PORT_OPEN_TO_WIDE_CIDR"
    /// The network ACL of a DB subnet lets all traffic in from anywhere.
    case networkACLAllowsAllIntoDBSubnet = "NACL_ALLOWS_ALL_INTO_DB_SUBNET"
    /// The solver finds a flow from the internet to a DB.
    case dbReachableFromInternet = "DB_REACHABLE_FROM_INTERNET"
    /// The solver finds a flow to a DB from a VPC of another environment.
    case dbReachableFromOtherEnvironment = "DB_REACHABLE_FROM_OTHER_ENVIRONMENT"
    /// The solver finds a flow to a DB from an on-prem site the policy does not allow.
    case dbReachableFromOnPrem = "DB_REACHABLE_FROM_ON_PREM"
    /// A DB's storage is not encrypted.
    case dbStorageNotEncrypted = "DB_STORAGE_NOT_ENCRYPTED"
    /// A DB's parameter group does not force TLS.
    case dbTLSNotEnforced = "DB_TLS_NOT_ENFORCED"
    /// A production DB runs in one AZ.
    case dbSingleAZInProduction = "DB_SINGLE_AZ_IN_PRODUCTION"
    /// A production DB keeps no automated backups.
    case dbNoAutomatedBackups = "DB_NO_AUTOMATED_BACKUPS"
    /// A security group is attached to nothing.
    case securityGroupUnused = "SG_UNUSED"
    /// A security group rule names a group that has no members, so it matches nothing.
    case securityGroupRuleUnused = "SG_RULE_UNUSED"
    /// A security group rule admits nothing the group's other rules do not already admit.
    case securityGroupRuleRedundant = "SG_RULE_REDUNDANT"
    /// A network ACL entry never decides: lower-numbered entries match all of its traffic.
    case networkACLEntryShadowed = "NACL_ENTRY_SHADOWED"
    /// A network ACL is associated with no subnet.
    case networkACLUnused = "NACL_UNUSED"

    /// The rule's id, as in SARIF `ruleId` and policy files.
    public var id: String { rawValue }

    /// The severity used unless a policy overrides it.
    public var defaultSeverity: FindingSeverity {
        switch self {
        case .dbReachableFromInternet: .critical
        case .dbPubliclyAccessible, .securityGroupOpenToWorld, .dbReachableFromOtherEnvironment,
            .dbStorageNotEncrypted:
            .high
        case .dbSubnetRoutesToInternetGateway, .securityGroupOpenToWideCIDR, .dbReachableFromOnPrem,
            .dbTLSNotEnforced, .dbSingleAZInProduction, .dbNoAutomatedBackups:
            .medium
        case .networkACLAllowsAllIntoDBSubnet, .securityGroupUnused, .securityGroupRuleUnused,
            .securityGroupRuleRedundant, .networkACLEntryShadowed, .networkACLUnused:
            .low
        }
    }

    /// A one-line title.
    public var title: String {
        switch self {
        case .dbPubliclyAccessible: "DB instance is publicly accessible"
        case .dbSubnetRoutesToInternetGateway: "DB subnet has a route to an internet gateway"
        case .securityGroupOpenToWorld: "Security group opens a DB port to the whole internet"
        case .securityGroupOpenToWideCIDR: "Security group opens a DB port to a very wide CIDR block"
        case .networkACLAllowsAllIntoDBSubnet: "Network ACL lets all traffic into a DB subnet"
        case .dbReachableFromInternet: "DB is reachable from the internet"
        case .dbReachableFromOtherEnvironment: "DB is reachable from another environment's VPC"
        case .dbReachableFromOnPrem: "DB is reachable from an on-prem site"
        case .dbStorageNotEncrypted: "DB storage is not encrypted"
        case .dbTLSNotEnforced: "DB does not enforce TLS"
        case .dbSingleAZInProduction: "Production DB runs in a single AZ"
        case .dbNoAutomatedBackups: "Production DB has no automated backups"
        case .securityGroupUnused: "Security group is not attached to anything"
        case .securityGroupRuleUnused: "Security group rule references a group with no members"
        case .securityGroupRuleRedundant: "Security group rule is covered by the group's other rules"
        case .networkACLEntryShadowed: "Network ACL entry is shadowed by lower-numbered entries"
        case .networkACLUnused: "Network ACL is not associated with any subnet"
        }
    }

    /// What the rule checks and why it matters.
    public var explanation: String {
        switch self {
        case .dbPubliclyAccessible:
            "PubliclyAccessible gives the DB endpoint a public IP and a public DNS answer; only its security group and network ACL stand between it and the internet."
        case .dbSubnetRoutesToInternetGateway:
            "A subnet of the DB's subnet group sends traffic to an internet gateway, so the DB (or its standby after a failover) sits in a public subnet."
        case .securityGroupOpenToWorld:
            "An ingress rule of a security group the DB carries admits its port (or every port) from 0.0.0.0/0 or ::/0."
        case .securityGroupOpenToWideCIDR:
            "An ingress rule of a security group the DB carries admits its port from a block wider than the policy's limit (default /16)."
        case .networkACLAllowsAllIntoDBSubnet:
            "The network ACL of a DB subnet allows every protocol and port from every address, so it adds no defence in depth."
        case .dbReachableFromInternet:
            "The symbolic solver finds internet addresses whose connections to the DB port get through every route, gateway, ACL and security group, and whose replies come back."
        case .dbReachableFromOtherEnvironment:
            "The solver finds sources in a VPC whose environment tag differs from the DB's that reach the DB port."
        case .dbReachableFromOnPrem:
            "The solver finds an on-prem site that reaches the DB port, and the audit policy does not list it among the DB's allowed sources."
        case .dbStorageNotEncrypted:
            "StorageEncrypted is false: data, snapshots and backups are stored unencrypted. Encryption can only be set when a DB is created."
        case .dbTLSNotEnforced:
            "The DB's parameter group leaves rds.force_ssl (PostgreSQL, SQL Server) or require_secure_transport (MySQL, MariaDB) off, so clients may connect in plain text."
        case .dbSingleAZInProduction:
            "A production DB without a standby (Multi-AZ) or an Aurora replica in another AZ goes down with its AZ."
        case .dbNoAutomatedBackups:
            "BackupRetentionPeriod is 0: no automated backups and no point-in-time recovery."
        case .securityGroupUnused:
            "No interface, DB, endpoint or load balancer carries the group. Unused groups hide stale rules that come back when someone attaches them."
        case .securityGroupRuleUnused:
            "The rule's source or destination is a security group that nothing carries, so the rule matches no address."
        case .securityGroupRuleRedundant:
            "Security group rules are a union: every flow this rule admits is admitted by another rule of the same group."
        case .networkACLEntryShadowed:
            "Network ACL entries decide in rule-number order; every flow this entry matches is decided by lower-numbered entries first, so it never takes effect."
        case .networkACLUnused:
            "No subnet uses the network ACL."
        }
    }

    /// The general fix; findings add the specific one.
    public var remedy: String {
        switch self {
        case .dbPubliclyAccessible: "Modify the DB instance with --no-publicly-accessible."
        case .dbSubnetRoutesToInternetGateway:
            "Place DB subnets in a route table without an internet gateway route (private subnets)."
        case .securityGroupOpenToWorld, .securityGroupOpenToWideCIDR:
            "Admit the DB port only from the application tier's security group or its exact CIDR blocks."
        case .networkACLAllowsAllIntoDBSubnet:
            "Give DB subnets a network ACL that admits the DB port from the application subnets only (and return traffic)."
        case .dbReachableFromInternet, .dbReachableFromOtherEnvironment, .dbReachableFromOnPrem:
            "Remove the route, gateway or rule the witness path passes, or list the source as allowed in the audit policy if it is meant to reach."
        case .dbStorageNotEncrypted:
            "Restore an encrypted copy of a snapshot into a new DB (storage encryption cannot be turned on in place)."
        case .dbTLSNotEnforced:
            "Use a custom parameter group with rds.force_ssl=1 or require_secure_transport=ON."
        case .dbSingleAZInProduction: "Enable Multi-AZ, or add an Aurora replica in another AZ."
        case .dbNoAutomatedBackups: "Set a backup retention period of at least 7 days."
        case .securityGroupUnused: "Delete the security group."
        case .securityGroupRuleUnused: "Delete the rule, or attach the referenced group where intended."
        case .securityGroupRuleRedundant: "Delete the redundant rule."
        case .networkACLEntryShadowed:
            "Delete the entry, or renumber it below the entries that shadow it if it was meant to decide."
        case .networkACLUnused: "Delete the network ACL."
        }
    }
}
