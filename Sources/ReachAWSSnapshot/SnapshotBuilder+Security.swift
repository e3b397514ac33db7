import ReachModel
import ReachNetwork

extension SnapshotBuilder {
    /// AWS's `IpProtocol` with `FromPort`/`ToPort` (ICMP: type and code, -1 for any).
    func protocolMatch(_ node: JSONNode, protocolKey: String, from: Int?, to: Int?) throws -> ProtocolMatch {
        let text = try node.string(protocolKey).lowercased()
        if text == "-1" || text == "all" { return .all }
        guard let proto = IPProtocolNumber(text) else {
            throw node.invalid("a protocol (tcp, udp, icmp, -1 or a number)")
        }
        if proto == .icmp {
            let type = from.flatMap { $0 < 0 ? nil : UInt8(exactly: $0) }
            let code = to.flatMap { $0 < 0 ? nil : UInt8(exactly: $0) }
            return .icmp(type: type, code: type == nil ? nil : code)
        }
        guard proto.hasPorts else { return .other(proto) }
        guard let from, let to, from >= 0 else { return .ports(proto, .all) }
        guard let low = UInt16(exactly: from), let high = UInt16(exactly: to),
            let range = PortRange(low, high)
        else {
            throw node.invalid("a port range within 0-65535")
        }
        return .ports(proto, range)
    }

    mutating func buildSecurityGroups() throws {
        for record in records.records("SecurityGroups") {
            let node = record.node
            let id = try node.string("GroupId")
            var rules: [TrafficDirection: [SecurityGroupRule]] = [:]
            for (key, direction) in [
                ("IpPermissions", TrafficDirection.ingress), ("IpPermissionsEgress", .egress),
            ] {
                for permission in try node.list(key) {
                    let match = try protocolMatch(
                        permission, protocolKey: "IpProtocol", from: try permission.optionalInt("FromPort"),
                        to: try permission.optionalInt("ToPort"))
                    var peers: [(SecurityGroupPeer, String?)] = []
                    for range in try permission.list("IpRanges") {
                        peers.append(
                            (
                                .cidr(try prefix(try range.required("CidrIp"))),
                                try range.optionalString("Description")
                            ))
                    }
                    for range in try permission.list("Ipv6Ranges") {
                        peers.append(
                            (.ipv6CIDR(try range.string("CidrIpv6")), try range.optionalString("Description"))
                        )
                    }
                    for list in try permission.list("PrefixListIds") {
                        peers.append(
                            (
                                .prefixList(try list.string("PrefixListId")),
                                try list.optionalString("Description")
                            ))
                    }
                    for pair in try permission.list("UserIdGroupPairs") {
                        peers.append(
                            (
                                .securityGroup(try pair.string("GroupId")),
                                try pair.optionalString("Description")
                            ))
                    }
                    for (peer, description) in peers {
                        rules[direction, default: []].append(
                            SecurityGroupRule(
                                direction: direction, match: match, peer: peer, description: description))
                    }
                }
            }
            let groupName = try node.optionalString("GroupName") ?? id
            topology.securityGroups.append(
                SecurityGroup(
                    id: id, name: groupName, vpcID: try node.string("VpcId"),
                    isDefault: groupName == "default",
                    ingress: rules[.ingress] ?? [], egress: rules[.egress] ?? [], tags: try node.tags()))
        }
    }

    mutating func buildNetworkACLs() throws {
        for record in records.records("NetworkAcls") {
            let node = record.node
            let id = try node.string("NetworkAclId")
            let tags = try node.tags()
            var entries: [NetworkACLEntry] = []
            for entry in try node.list("Entries") {
                let number = try entry.required("RuleNumber").int()
                // 32767 is the final `*` rule every ACL has; the tracer applies it itself.
                guard number != 32767, let cidr = entry["CidrBlock"] else { continue }
                let portRange = entry["PortRange"]
                let icmp = entry["IcmpTypeCode"]
                let match = try protocolMatch(
                    entry, protocolKey: "Protocol",
                    from: try portRange?.optionalInt("From") ?? icmp?.optionalInt("Type"),
                    to: try portRange?.optionalInt("To") ?? icmp?.optionalInt("Code"))
                let action = try entry.string("RuleAction")
                guard action == "allow" || action == "deny" else {
                    throw entry.invalid("RuleAction allow or deny")
                }
                entries.append(
                    NetworkACLEntry(
                        ruleNumber: number,
                        direction: try entry.bool("Egress", default: false) ? .egress : .ingress,
                        action: action == "allow" ? .allow : .deny, match: match, cidrBlock: try prefix(cidr))
                )
            }
            topology.networkACLs.append(
                NetworkACL(
                    id: id, name: name(tags, id: id), vpcID: try node.string("VpcId"),
                    isDefault: try node.bool("IsDefault", default: false),
                    subnetIDs: try node.list("Associations").compactMap { try $0.optionalString("SubnetId") },
                    entries: entries,
                    tags: tags))
        }
    }

    /// Interface types that stand for something else Reach models (their addresses are read there).
    static let managedInterfaceTypes: Set<String> = [
        "nat_gateway", "vpc_endpoint", "network_load_balancer", "gateway_load_balancer", "transit_gateway",
        "gateway_load_balancer_endpoint",
    ]

    mutating func buildInterfacesAndInstances() throws {
        for record in records.records("NetworkInterfaces") {
            let id = try record.node.string("NetworkInterfaceId")
            interfaceNodes[id] = record.node
        }
        var instanceNodes: [(JSONNode, [String: String])] = []
        for record in records.records("Reservations") {
            for instance in try record.node.list("Instances") {
                let state = try instance["State"]?.optionalString("Name") ?? "running"
                if state == "terminated" { continue }
                instanceNodes.append((instance, try instance.tags()))
                // An instance's interfaces, when describe-network-interfaces lacks them.
                for eni in try instance.list("NetworkInterfaces") {
                    let eniID = try eni.string("NetworkInterfaceId")
                    if interfaceNodes[eniID] == nil { interfaceNodes[eniID] = eni }
                }
            }
        }
        // Interfaces that NAT gateways and VPC endpoints list as theirs are read with them.
        var owned: Set<String> = []
        for record in records.records("NatGateways") {
            for address in try record.node.list("NatGatewayAddresses") {
                if let id = try address.optionalString("NetworkInterfaceId") { owned.insert(id) }
            }
        }
        for record in records.records("VpcEndpoints") {
            for id in try record.node.list("NetworkInterfaceIds") { owned.insert(try id.string()) }
        }
        var instanceNames: [String: String] = [:]
        for (instance, tags) in instanceNodes {
            let id = try instance.string("InstanceId")
            instanceNames[id] = name(tags, id: id)
        }
        for (id, node) in interfaceNodes.sorted(by: { $0.key < $1.key }) {
            let type = try node.optionalString("InterfaceType") ?? "interface"
            if Self.managedInterfaceTypes.contains(type) || owned.contains(id) { continue }
            // RDS endpoints' interfaces are matched to their DB instances (see buildDatabases).
            if try node.optionalString("Description") == "RDSNetworkInterface" {
                rdsInterfaces.append(node)
                continue
            }
            guard let subnetID = try node.optionalString("SubnetId") else {
                warn(node, "interface \(id) has no subnet; skipped")
                continue
            }
            var privateIPs: [IPv4Address] = []
            var publicIP = try node["Association"]?["PublicIp"].map { try address($0) }
            for entry in try node.list("PrivateIpAddresses") {
                guard let ip = entry["PrivateIpAddress"] else { continue }
                let value = try address(ip)
                if try entry.bool("Primary", default: false) {
                    privateIPs.insert(value, at: 0)
                } else {
                    privateIPs.append(value)
                }
                if publicIP == nil, try entry.bool("Primary", default: false) {
                    publicIP = try entry["Association"]?["PublicIp"].map { try address($0) }
                }
            }
            if privateIPs.isEmpty, let primary = node["PrivateIpAddress"] {
                privateIPs = [try address(primary)]
            }
            let instanceID = try node["Attachment"]?.optionalString("InstanceId")
            let tags = try node.tags()
            let fallbackName = instanceID.flatMap { instanceNames[$0] }.map { "\($0)/\(id)" } ?? id
            topology.networkInterfaces.append(
                NetworkInterface(
                    id: id, name: tags["Name"] ?? fallbackName, subnetID: subnetID, privateIPs: privateIPs,
                    publicIP: publicIP,
                    securityGroupIDs: try node.list("Groups").map { try $0.string("GroupId") },
                    sourceDestCheck: try node.bool("SourceDestCheck", default: true), instanceID: instanceID,
                    tags: tags))
        }
        let known = Set(topology.networkInterfaces.map(\.id))
        for (instance, tags) in instanceNodes {
            let id = try instance.string("InstanceId")
            let attached = try instance.list("NetworkInterfaces").sorted { deviceIndex($0) < deviceIndex($1) }
            let interfaces = try attached.map { try $0.string("NetworkInterfaceId") }.filter {
                known.contains($0)
            }
            if interfaces.isEmpty {
                warn(instance, "instance \(id) has no network interface in the snapshot")
            }
            topology.instances.append(
                Instance(id: id, name: name(tags, id: id), networkInterfaceIDs: interfaces, tags: tags))
        }
    }

    private func deviceIndex(_ node: JSONNode) -> Int {
        ((try? node["Attachment"]?.optionalInt("DeviceIndex")) ?? nil) ?? 0
    }
}
