import ReachModel
import ReachNetwork

/// Network interfaces, instances, DB subnet groups, DB instances and Aurora clusters.
extension TopologyBuilder {
    /// An interface's private IPs from `privateIps` or `privateIp` (exactly one of them).
    private func privateIPs(_ item: YAMLMapping, reason: String) throws(TopologyFileError) -> [IPv4Address] {
        switch (item["privateIps"], item["privateIp"]) {
        case (let list?, nil):
            let elements = try list.list("a list of IPv4 addresses, primary first")
            guard !elements.isEmpty else { throw list.invalid("a list of at least one IPv4 address") }
            var addresses: [IPv4Address] = []
            for element in elements { addresses.append(try element.address()) }
            return addresses
        case (nil, let single?):
            return [try single.address()]
        case (_?, let single?):
            throw .conflict(single.location, message: "give privateIp or privateIps, not both")
        case (nil, nil):
            throw .missingKey(item.value.location, key: "privateIp", reason: reason)
        }
    }

    /// A network interface read from an interface item or an instance shorthand.
    private func interface(
        _ item: YAMLMapping, id: String, name: String, instanceID: String?
    ) throws(TopologyFileError) -> NetworkInterface {
        let subnetID = try resolve(\.subnets, try item.required("subnet"))
        let addresses = try privateIPs(
            item, reason: "an interface needs a private IP (privateIp, or privateIps)")
        var publicIP: IPv4Address?
        if let value = item["publicIp"] { publicIP = try value.address() }
        return NetworkInterface(
            id: id, name: name, subnetID: subnetID, privateIPs: addresses, publicIP: publicIP,
            securityGroupIDs: try groups(item, vpcID: subnetVPC[subnetID]),
            sourceDestCheck: try item.bool("sourceDestCheck", default: true), instanceID: instanceID,
            tags: try item.tags())
    }

    mutating func buildNetworkInterfaces() throws(TopologyFileError) {
        for item in items[.networkInterfaces] ?? [] {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            topology.networkInterfaces.append(try interface(item, id: id, name: name, instanceID: nil))
            record(.networkInterface, id, item)
        }
    }

    mutating func buildInstances() throws(TopologyFileError) {
        var attachedTo: [String: (instance: String, line: Int)] = [:]
        for item in items[.instances] ?? [] {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            var interfaceIDs: [String] = []
            if let list = item["networkInterfaces"] {
                let shorthandKeys = [
                    "subnet", "privateIp", "privateIps", "publicIp", "securityGroups", "sourceDestCheck",
                ]
                if let key = shorthandKeys.first(where: item.has), let value = item[key] {
                    throw .conflict(
                        value.location,
                        message: "an instance either attaches networkInterfaces or describes one interface"
                            + " (subnet, privateIp, …), not both; move '\(key)' to the interface")
                }
                let elements = try list.list("a list of network interface names or ids, primary first")
                guard !elements.isEmpty else {
                    throw list.invalid("a list of at least one network interface")
                }
                for element in elements {
                    let interfaceID = try resolve(\.networkInterfaces, element)
                    if let owner = attachedTo[interfaceID] {
                        throw .conflict(
                            element.location,
                            message: "network interface \(interfaceID) is already attached to instance"
                                + " \(owner.instance) (line \(owner.line))")
                    }
                    attachedTo[interfaceID] = (id, item.value.line)
                    if let index = topology.networkInterfaces.firstIndex(where: { $0.id == interfaceID }) {
                        topology.networkInterfaces[index].instanceID = id
                    }
                    interfaceIDs.append(interfaceID)
                }
            } else {
                guard item.has("subnet") else {
                    throw .missingKey(
                        item.value.location, key: "subnet",
                        reason: "an instance needs subnet and privateIp, or networkInterfaces")
                }
                let interfaceID = Self.shorthandInterfaceID(instanceID: id)
                topology.networkInterfaces.append(
                    try interface(item, id: interfaceID, name: name, instanceID: id))
                record(.networkInterface, interfaceID, item)
                interfaceIDs = [interfaceID]
            }
            primaryInterface[id] = interfaceIDs.first
            topology.instances.append(
                Instance(id: id, name: name, networkInterfaceIDs: interfaceIDs, tags: try item.tags()))
            record(.instance, id, item)
        }
    }

    mutating func buildDBSubnetGroups() throws(TopologyFileError) {
        for item in items[.dbSubnetGroups] ?? [] {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            let list = try item.required("subnets")
            let elements = try list.list("a list of subnet names or ids")
            guard !elements.isEmpty else { throw list.invalid("a list of at least one subnet") }
            var subnetIDs: [String] = []
            var vpcID: String?
            for element in elements {
                let subnetID = try resolve(\.subnets, element)
                let subnetVPC = subnetVPC[subnetID]
                if let vpcID, let subnetVPC, subnetVPC != vpcID {
                    throw .conflict(
                        element.location,
                        message:
                            "subnet \(subnetID) is in VPC \(subnetVPC) but the group's first subnet is in"
                            + " VPC \(vpcID); a DB subnet group's subnets share one VPC")
                }
                vpcID = vpcID ?? subnetVPC
                subnetIDs.append(subnetID)
            }
            let groupVPC = vpcID ?? ""
            topology.dbSubnetGroups.append(
                DBSubnetGroup(id: id, name: name, vpcID: groupVPC, subnetIDs: subnetIDs))
            subnetGroupVPC[id] = groupVPC
            subnetGroupSubnets[id] = subnetIDs
            record(.dbSubnetGroup, id, item)
        }
    }

    /// A DB listener port: the item's `port`, else the engine's default.
    private func port(_ item: YAMLMapping, engine: String) throws(TopologyFileError) -> UInt16 {
        if let value = item["port"] {
            return UInt16(try value.integer(in: 1...65535, "a port from 1 to 65535"))
        }
        if let port = DBInstance.defaultPort(engine: engine) { return port }
        throw .missingKey(
            item.value.location, key: "port", reason: "the engine '\(engine)' has no default port Reach knows"
        )
    }

    /// Where a DB's endpoint is: the item's `subnet`; else the group subnet holding its
    /// `privateIp`; else the group's only subnet. With several candidates and nothing to
    /// choose by, the input does not say, and guessing could change answers: it is an error.
    private func dbPlacement(
        _ item: YAMLMapping, groupID: String
    ) throws(TopologyFileError) -> (subnetID: String, privateIP: IPv4Address?) {
        var privateIP: IPv4Address?
        if let value = item["privateIp"] { privateIP = try value.address() }
        if let value = item["subnet"] { return (try resolve(\.subnets, value), privateIP) }
        let members = subnetGroupSubnets[groupID] ?? []
        if let privateIP, let holder = members.first(where: { subnetBlock[$0]?.contains(privateIP) == true })
        {
            return (holder, privateIP)
        }
        if members.count == 1, let only = members.first { return (only, privateIP) }
        throw .missingKey(
            item.value.location, key: "subnet",
            reason:
                "the DB subnet group has \(members.count) subnets; give `subnet` or a `privateIp` inside one of them"
        )
    }

    /// The engine of a DB or cluster item.
    private func engine(_ item: YAMLMapping) throws(TopologyFileError) -> String {
        try item.required("engine").name("an engine such as postgres, mysql or aurora-postgresql")
    }

    mutating func buildDatabases() throws(TopologyFileError) {
        for item in items[.databases] ?? [] {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            let engine = try engine(item)
            let port = try port(item, engine: engine)
            let groupID = try resolve(\.dbSubnetGroups, try item.required("subnetGroup"))
            let placement = try dbPlacement(item, groupID: groupID)
            var publicIP: IPv4Address?
            if let value = item["publicIp"] { publicIP = try value.address() }
            topology.dbInstances.append(
                DBInstance(
                    id: id, name: name, engine: engine, port: port, subnetGroupID: groupID,
                    subnetID: placement.subnetID, privateIP: placement.privateIP, publicIP: publicIP,
                    publiclyAccessible: try item.bool("publiclyAccessible", default: false),
                    securityGroupIDs: try groups(item, vpcID: subnetGroupVPC[groupID]), tags: try item.tags(),
                    settings: try dbSettings(item, scope: .instance)))
            record(.dbInstance, id, item)
        }
    }

    mutating func buildDBClusters() throws(TopologyFileError) {
        for item in items[.dbClusters] ?? [] {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            let engine = try engine(item)
            let port = try port(item, engine: engine)
            let groupID = try resolve(\.dbSubnetGroups, try item.required("subnetGroup"))
            let groupIDs = try groups(item, vpcID: subnetGroupVPC[groupID])
            var memberIDs: [String] = []
            for member in try clusterMembers(item) {
                let (memberName, _) = try member.name()
                let (memberID, _) = try member.id(defaultingTo: memberName)
                let role = try choice(member, "role", ["writer", "reader"])
                guard let role else {
                    throw .missingKey(member.value.location, key: "role", reason: "writer or reader")
                }
                let placement = try dbPlacement(member, groupID: groupID)
                var publicIP: IPv4Address?
                if let value = member["publicIp"] { publicIP = try value.address() }
                topology.dbInstances.append(
                    DBInstance(
                        id: memberID, name: memberName, engine: engine, port: port, subnetGroupID: groupID,
                        subnetID: placement.subnetID, privateIP: placement.privateIP, publicIP: publicIP,
                        publiclyAccessible: try member.bool("publiclyAccessible", default: false),
                        securityGroupIDs: groupIDs, clusterID: id, isClusterWriter: role == "writer",
                        tags: try member.tags(),
                        settings: DBSettings(
                            parameterGroupName: try parameterGroup(member, scope: .instance))))
                record(.dbInstance, memberID, member, parent: item)
                memberIDs.append(memberID)
            }
            topology.dbClusters.append(
                DBCluster(
                    id: id, name: name, engine: engine, port: port, memberIDs: memberIDs,
                    tags: try item.tags(), settings: try dbSettings(item, scope: .cluster)))
            record(.dbCluster, id, item)
        }
    }

    mutating func buildDBParameterGroups() throws(TopologyFileError) {
        for item in items[.dbParameterGroups] ?? [] {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            let scope = try choice(item, "scope", DBParameterGroup.Scope.allCases.map(\.rawValue))
            var parameters: [String: String] = [:]
            if let value = item["parameters"] {
                parameters = try value.stringMap(
                    expected: "a mapping of parameter names to values, such as {rds.force_ssl: 1}",
                    keys: "a parameter name")
            }
            var family: String?
            if let value = item["family"] {
                family = try value.name("a parameter group family such as postgres16")
            }
            topology.dbParameterGroups.append(
                DBParameterGroup(
                    name: id, scope: scope.flatMap(DBParameterGroup.Scope.init(rawValue:)) ?? .instance,
                    family: family, parameters: parameters))
            dbParameterGroupScopes[id] = scope.flatMap(DBParameterGroup.Scope.init(rawValue:)) ?? .instance
        }
    }

    /// Encryption, availability, backups and parameter group of a DB or cluster item; what it
    /// omits stays unknown.
    private func dbSettings(_ item: YAMLMapping, scope: DBParameterGroup.Scope) throws(TopologyFileError)
        -> DBSettings
    {
        var settings = DBSettings(parameterGroupName: try parameterGroup(item, scope: scope))
        if let value = item["engineVersion"] {
            settings.engineVersion = try value.name("a version such as 16.3")
        }
        if let value = item["storageEncrypted"] { settings.storageEncrypted = try value.bool() }
        if let value = item["multiAZ"] { settings.multiAZ = try value.bool() }
        if let value = item["backupRetentionDays"] {
            settings.backupRetentionDays = try value.integer(in: 0...35, "a number of days from 0 to 35")
        }
        return settings
    }

    /// The id of the parameter group `item` names, which must be of `scope`.
    private func parameterGroup(_ item: YAMLMapping, scope: DBParameterGroup.Scope) throws(TopologyFileError)
        -> String?
    {
        guard let value = item["parameterGroup"] else { return nil }
        let id = try resolve(\.dbParameterGroups, value)
        guard dbParameterGroupScopes[id] == scope else {
            throw value.invalid(
                "a DB \(scope == .cluster ? "cluster " : "")parameter group (scope: \(scope.rawValue))")
        }
        return id
    }
}
