/// RDS DB instances and DB subnet groups (`describe-db-instances`, `describe-db-subnet-groups`).
///
/// A VPC's DB subnet group holds the db subnets of the first row of each AZ (one per AZ).
/// DB `k` sits in AZ `k % zones`, so in that AZ's subnet of the group, and takes its interface
/// slot `k / zones`; the same number picks its security groups (db; db+mgmt; db+shared;
/// db+mgmt+shared), so that every endpoint interface is the only one in its subnet with its
/// DB's groups, which is how a snapshot reader matches it to the DB.
extension EstateGenerator {
    /// The identifier of DB instance `database` of `vpc`: `prod-db-1-0`.
    func databaseIdentifier(vpc: Int, database: Int) -> String {
        "\(environment(vpc))-db-\(vpc)-\(database)"
    }

    /// The number of DB endpoint interfaces in subnet `subnet` of a VPC (its first slots).
    func databasesIn(subnet: Int) -> Int {
        let zones = shape.zoneCount
        let row = subnet / 3
        guard tier(subnet) == .db, row < zones else { return 0 }
        return max(0, (shape.databasesPerVPC - row + zones - 1) / zones)
    }

    /// The subnet of DB instance `database`: the db subnet of row `database % zones`.
    func databaseSubnet(database: Int) -> Int { 3 * (database % shape.zoneCount) + Tier.db.rawValue }

    /// The DB subnet group of a VPC: `prod-vpc-1-db-subnets`.
    func dbSubnetGroupName(vpc: Int) -> String { "\(vpcName(vpc))-db-subnets" }

    private func dbSubnetGroup(vpc: Int) -> String {
        let name = dbSubnetGroupName(vpc: vpc)
        let subnets = (0..<shape.zoneCount).map { zone in
            """
            {"SubnetIdentifier": "\(subnetID(vpc: vpc, subnet: databaseSubnet(database: zone)))", \
            "SubnetAvailabilityZone": {"Name": "\(zoneName(zone))"}, "SubnetOutpost": {}, "SubnetStatus": "Active"}
            """
        }
        return """
            {"DBSubnetGroupName": "\(name)", "DBSubnetGroupDescription": "db tier of \(vpcName(vpc))", \
            "VpcId": "\(vpcID(vpc))", "SubnetGroupStatus": "Complete", "Subnets": [\(subnets.joined(separator: ", "))], \
            "DBSubnetGroupArn": "\(Self.arn("rds", "subgrp:\(name)"))", "SupportedNetworkTypes": ["IPV4"]}
            """
    }

    func dbSubnetGroupsFile() -> String {
        var document = JSONListDocument(key: "DBSubnetGroups", capacity: shape.vpcs * 900)
        for v in 0..<shape.vpcs { document.append(dbSubnetGroup(vpc: v)) }
        return document.finished
    }

    func dbInstancesFile() -> String {
        var document = JSONListDocument(key: "DBInstances", capacity: shape.databaseCount * 2600)
        for v in 0..<shape.vpcs {
            let subnetGroup = dbSubnetGroup(vpc: v)
            for k in 0..<shape.databasesPerVPC {
                let identifier = databaseIdentifier(vpc: v, database: k)
                let groups = databaseGroups(database: k).map {
                    "{\"VpcSecurityGroupId\": \"\(groupID(vpc: v, group: $0))\", \"Status\": \"active\"}"
                }
                let resource = String(v * shape.databasesPerVPC + k)
                let resourceID =
                    "db-ESTATE" + String(repeating: "0", count: max(0, 20 - resource.count)) + resource
                document.append(
                    """
                    {"DBInstanceIdentifier": "\(identifier)", "DBInstanceClass": "db.t3.medium", \
                    "Engine": "postgres", "DBInstanceStatus": "available", "MasterUsername": "postgres", \
                    "Endpoint": {"Address": "\(identifier).cestate0e5a7e.\(Self.region).rds.amazonaws.com", \
                    "Port": \(Self.databasePort), "HostedZoneId": "Z2R2ITUGPM61AM"}, "AllocatedStorage": 100, \
                    "InstanceCreateTime": "\(Self.creationTime)", "PreferredBackupWindow": "03:00-03:30", \
                    "BackupRetentionPeriod": 7, "DBSecurityGroups": [], "VpcSecurityGroups": [\(groups.joined(separator: ", "))], \
                    "DBParameterGroups": [{"DBParameterGroupName": "default.postgres16", "ParameterApplyStatus": "in-sync"}], \
                    "AvailabilityZone": "\(zoneName(k % shape.zoneCount))", "DBSubnetGroup": \(subnetGroup), \
                    "PreferredMaintenanceWindow": "sun:05:00-sun:05:30", "PendingModifiedValues": {}, \
                    "MultiAZ": false, "EngineVersion": "16.3", "AutoMinorVersionUpgrade": true, \
                    "ReadReplicaDBInstanceIdentifiers": [], "LicenseModel": "postgresql-license", \
                    "OptionGroupMemberships": [{"OptionGroupName": "default:postgres-16", "Status": "in-sync"}], \
                    "PubliclyAccessible": false, "StorageType": "gp3", "DbInstancePort": 0, "StorageEncrypted": true, \
                    "DbiResourceId": "\(resourceID)", "CACertificateIdentifier": "rds-ca-rsa2048-g1", \
                    "DomainMemberships": [], "CopyTagsToSnapshot": true, "MonitoringInterval": 0, \
                    "DBInstanceArn": "\(Self.arn("rds", "db:\(identifier)"))", "IAMDatabaseAuthenticationEnabled": false, \
                    "DeletionProtection": false, "AssociatedRoles": [], \
                    "TagList": \(tags(identifier, vpc: v, ("tier", "db"))), "NetworkType": "IPV4"}
                    """)
            }
        }
        return document.finished
    }
}
