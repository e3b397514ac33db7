import ReachModel
import ReachNetwork

extension SnapshotBuilder {
    mutating func buildDatabases() throws {
        var groupSubnets: [String: [String]] = [:]
        for record in records.records("DBSubnetGroups") {
            let node = record.node
            let id = try node.string("DBSubnetGroupName")
            let subnets = try node.list("Subnets").map { try $0.string("SubnetIdentifier") }
            groupSubnets[id] = subnets
            topology.dbSubnetGroups.append(
                DBSubnetGroup(
                    id: id, name: id, vpcID: try node.optionalString("VpcId") ?? "", subnetIDs: subnets))
        }
        let subnetZones = Dictionary(
            topology.subnets.map { ($0.id, $0.availabilityZone) }, uniquingKeysWith: { a, _ in a })
        var placed: [(index: Int, subnet: String, groups: Set<String>)] = []
        for record in records.records("DBInstances") {
            let node = record.node
            let id = try node.string("DBInstanceIdentifier")
            let engine = try node.optionalString("Engine") ?? "unknown"
            guard let group = node["DBSubnetGroup"] else {
                warn(node, "DB instance \(id) has no DB subnet group (EC2-Classic or not in a VPC); skipped")
                continue
            }
            let groupName = try group.string("DBSubnetGroupName")
            if groupSubnets[groupName] == nil {
                let subnets = try group.list("Subnets").map { try $0.string("SubnetIdentifier") }
                groupSubnets[groupName] = subnets
                topology.dbSubnetGroups.append(
                    DBSubnetGroup(
                        id: groupName, name: groupName, vpcID: try group.optionalString("VpcId") ?? "",
                        subnetIDs: subnets))
            }
            let zone = try node.optionalString("AvailabilityZone")
            let candidates = (groupSubnets[groupName] ?? []).filter { zone == nil || subnetZones[$0] == zone }
            guard candidates.count == 1, let subnet = candidates.first else {
                warn(
                    node,
                    "the subnet of DB instance \(id) is not known (AZ \(zone ?? "not given"), \(candidates.count) candidate subnets); skipped"
                )
                continue
            }
            let port =
                try node["Endpoint"]?.optionalInt("Port") ?? node.optionalInt("DbInstancePort")
                ?? DBInstance.defaultPort(engine: engine).map(Int.init) ?? 0
            let groups = try node.list("VpcSecurityGroups").filter {
                (try? $0.optionalString("Status")) != "inactive"
            }
            .map { try $0.string("VpcSecurityGroupId") }
            let clusterID = try node.optionalString("DBClusterIdentifier")
            placed.append((topology.dbInstances.count, subnet, Set(groups)))
            topology.dbInstances.append(
                DBInstance(
                    id: id, name: id, engine: engine, port: UInt16(exactly: port) ?? 0,
                    subnetGroupID: groupName, subnetID: subnet,
                    privateIP: nil, publicIP: nil,
                    publiclyAccessible: try node.bool("PubliclyAccessible", default: false),
                    securityGroupIDs: groups, clusterID: clusterID, isClusterWriter: false,
                    tags: try node.tags(),
                    settings: try dbSettings(
                        node,
                        parameterGroup: try node.list("DBParameterGroups").first?.optionalString(
                            "DBParameterGroupName"))))
        }
        try matchEndpointInterfaces(placed)
        for record in records.records("DBClusters") {
            let node = record.node
            let id = try node.string("DBClusterIdentifier")
            var members: [String] = []
            for member in try node.list("DBClusterMembers") {
                let instance = try member.string("DBInstanceIdentifier")
                members.append(instance)
                if let index = topology.dbInstances.firstIndex(where: { $0.id == instance }) {
                    topology.dbInstances[index].clusterID = id
                    topology.dbInstances[index].isClusterWriter = try member.bool(
                        "IsClusterWriter", default: false)
                }
            }
            let engine = try node.optionalString("Engine") ?? "unknown"
            let port =
                try node.optionalInt("Port") ?? DBInstance.defaultPort(engine: engine).map(Int.init) ?? 0
            topology.dbClusters.append(
                DBCluster(
                    id: id, name: id, engine: engine, port: UInt16(exactly: port) ?? 0,
                    memberIDs: members.filter { member in topology.dbInstances.contains { $0.id == member } },
                    tags: try node.tags(),
                    settings: try dbSettings(
                        node, parameterGroup: try node.optionalString("DBClusterParameterGroup"))))
        }
        try buildParameterGroups()
    }

    /// Encryption, availability, backups and parameter group, from a `describe-db-instances`
    /// or `describe-db-clusters` record; what it omits stays unknown.
    private func dbSettings(_ node: JSONNode, parameterGroup: String?) throws(SnapshotError) -> DBSettings {
        DBSettings(
            engineVersion: try node.optionalString("EngineVersion"),
            storageEncrypted: try node["StorageEncrypted"]?.bool(),
            multiAZ: try node["MultiAZ"]?.bool(),
            backupRetentionDays: try node.optionalInt("BackupRetentionPeriod"),
            parameterGroupName: parameterGroup)
    }

    /// The parameters of DB and DB cluster parameter groups (the collector's wrappers of
    /// `describe-db-parameters` and `describe-db-cluster-parameters`, one entry per group).
    /// A parameter listed without a value keeps its engine default, so it is left out.
    private mutating func buildParameterGroups() throws {
        var families: [String: String] = [:]
        for record in records.records("DBParameterGroups") {
            let node = record.node
            if let family = try node.optionalString("DBParameterGroupFamily") {
                families[try node.string("DBParameterGroupName")] = family
            }
        }
        let sources: [(key: String, nameKey: String, scope: DBParameterGroup.Scope)] = [
            ("DBParameterGroupParameters", "DBParameterGroupName", .instance),
            ("DBClusterParameterGroupParameters", "DBClusterParameterGroupName", .cluster),
        ]
        for source in sources {
            // A group's parameters may come in several pages: merge them into one group.
            var groups: [String: DBParameterGroup] = [:]
            var order: [String] = []
            for record in records.records(source.key) {
                let node = record.node
                let name = try node.string(source.nameKey)
                if groups[name] == nil {
                    order.append(name)
                    groups[name] = DBParameterGroup(
                        name: name, scope: source.scope,
                        family: source.scope == .instance ? families[name] : nil, parameters: [:])
                }
                for parameter in try node.list("Parameters") {
                    guard let value = try parameter.optionalString("ParameterValue") else { continue }
                    groups[name]?.parameters[try parameter.string("ParameterName")] = value
                }
            }
            topology.dbParameterGroups += order.compactMap { groups[$0] }
        }
    }

    /// AWS does not say which interface is a DB's endpoint. Where exactly one RDS interface
    /// sits in a DB's subnet with exactly its security groups, and no other DB there has those
    /// groups, it is that DB's; otherwise the DB's address stays unknown (answers that depend
    /// on it are `unknown`).
    private mutating func matchEndpointInterfaces(
        _ placed: [(index: Int, subnet: String, groups: Set<String>)]
    ) throws {
        var interfaces: [(subnet: String, groups: Set<String>, node: JSONNode)] = []
        for node in rdsInterfaces {
            guard let subnet = try node.optionalString("SubnetId") else { continue }
            interfaces.append((subnet, Set(try node.list("Groups").map { try $0.string("GroupId") }), node))
        }
        for db in placed {
            let rivals = placed.filter { $0.subnet == db.subnet && $0.groups == db.groups }
            let matches = interfaces.filter { $0.subnet == db.subnet && $0.groups == db.groups }
            guard rivals.count == 1, matches.count == 1, let match = matches.first else { continue }
            if let ip = match.node["PrivateIpAddress"] {
                topology.dbInstances[db.index].privateIP = try address(ip)
            }
            if topology.dbInstances[db.index].publiclyAccessible,
                let publicIP = match.node["Association"]?["PublicIp"]
            {
                topology.dbInstances[db.index].publicIP = try address(publicIP)
            }
        }
    }
}
