import ReachGraph
import ReachModel

/// Lookups the checks share, built once per audit so no check scans the topology per resource.
struct AuditContext {
    let topology: Topology
    let policy: AuditPolicy
    let vpcs: [String: VPC]
    let subnets: [String: Subnet]
    let securityGroups: [String: SecurityGroup]
    let clusters: [String: DBCluster]
    let subnetGroups: [String: DBSubnetGroup]
    let prefixLists: [String: ManagedPrefixList]
    /// Subnet id → the route table it uses (its explicit association, else its VPC's main table).
    let routeTableOfSubnet: [String: RouteTable]
    /// Subnet id → the network ACL it uses (its explicit association, else its VPC's default ACL).
    let aclOfSubnet: [String: NetworkACL]
    /// Ids of security groups something carries.
    let attachedGroups: Set<String>

    init(topology: Topology, policy: AuditPolicy) {
        self.topology = topology
        self.policy = policy
        vpcs = Self.index(topology.vpcs, \.id)
        subnets = Self.index(topology.subnets, \.id)
        securityGroups = Self.index(topology.securityGroups, \.id)
        clusters = Self.index(topology.dbClusters, \.id)
        subnetGroups = Self.index(topology.dbSubnetGroups, \.id)
        prefixLists = Self.index(topology.prefixLists, \.id)

        var mainTable: [String: RouteTable] = [:]
        var explicitTable: [String: RouteTable] = [:]
        for table in topology.routeTables {
            if table.isMain, mainTable[table.vpcID] == nil { mainTable[table.vpcID] = table }
            for subnet in table.subnetIDs where explicitTable[subnet] == nil { explicitTable[subnet] = table }
        }
        var defaultACL: [String: NetworkACL] = [:]
        var explicitACL: [String: NetworkACL] = [:]
        for acl in topology.networkACLs {
            if acl.isDefault, defaultACL[acl.vpcID] == nil { defaultACL[acl.vpcID] = acl }
            for subnet in acl.subnetIDs where explicitACL[subnet] == nil { explicitACL[subnet] = acl }
        }
        var tables: [String: RouteTable] = [:]
        var acls: [String: NetworkACL] = [:]
        for subnet in topology.subnets {
            tables[subnet.id] = explicitTable[subnet.id] ?? mainTable[subnet.vpcID]
            acls[subnet.id] = explicitACL[subnet.id] ?? defaultACL[subnet.vpcID]
        }
        routeTableOfSubnet = tables
        aclOfSubnet = acls

        var attached = Set<String>()
        for interface in topology.networkInterfaces { attached.formUnion(interface.securityGroupIDs) }
        for db in topology.dbInstances { attached.formUnion(db.securityGroupIDs) }
        for endpoint in topology.vpcEndpoints { attached.formUnion(endpoint.securityGroupIDs) }
        for balancer in topology.loadBalancers { attached.formUnion(balancer.securityGroupIDs) }
        attachedGroups = attached
    }

    private static func index<T>(_ items: [T], _ key: KeyPath<T, String>) -> [String: T] {
        Dictionary(items.map { ($0[keyPath: key], $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The subnets a DB may run in: its subnet group's (a failover moves it), else its own.
    func subnetIDs(of db: DBInstance) -> [String] {
        let group = subnetGroups[db.subnetGroupID]?.subnetIDs ?? []
        return group.isEmpty ? [db.subnetID] : group
    }

    /// The VPC a DB is in.
    func vpc(of db: DBInstance) -> VPC? {
        subnets[db.subnetID].flatMap { vpcs[$0.vpcID] }
    }

    /// The environment `tags` name, by the policy's tag keys.
    func environment(in tags: Tags) -> String? {
        for key in policy.environmentTagKeys {
            if let value = tags.first(where: { $0.key.caseInsensitiveCompare(key) == .orderedSame })?.value,
                !value.isEmpty
            {
                return value.lowercased()
            }
        }
        return nil
    }

    /// A DB's environment: its own tag, else its cluster's, else its VPC's.
    func environment(of db: DBInstance) -> String? {
        environment(in: db.tags) ?? db.clusterID.flatMap { clusters[$0] }.flatMap { environment(in: $0.tags) }
            ?? vpc(of: db).flatMap { environment(in: $0.tags) }
    }

    /// Whether a DB's environment is production under the policy.
    func isProduction(_ db: DBInstance) -> Bool {
        environment(of: db).map(policy.productionEnvironments.contains) ?? false
    }

    func ref(_ db: DBInstance) -> ComponentRef { ComponentRef(.dbInstance, id: db.id, name: db.name) }
    func ref(_ cluster: DBCluster) -> ComponentRef {
        ComponentRef(.dbCluster, id: cluster.id, name: cluster.name)
    }
    func ref(_ group: SecurityGroup) -> ComponentRef {
        ComponentRef(.securityGroup, id: group.id, name: group.name)
    }
    func ref(_ acl: NetworkACL) -> ComponentRef { ComponentRef(.networkACL, id: acl.id, name: acl.name) }

    /// `name (id)` of a resource, or the id alone.
    static func label(_ name: String, _ id: String) -> String {
        name == id || name.isEmpty ? id : "\(name) (\(id))"
    }
}
