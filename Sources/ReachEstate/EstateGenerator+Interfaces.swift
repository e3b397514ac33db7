/// Network interfaces (`describe-network-interfaces`): every slot of every subnet, RDS endpoint
/// interfaces included.
extension EstateGenerator {
    /// The stream of random choices of extra groups on interfaces.
    static let interfacesStream: UInt64 = 2

    /// The groups of an ordinary interface in a `tier` subnet: the tier's group, then mgmt
    /// and shared each half the time, then up to two service groups; five at most (the AWS quota).
    func interfaceGroups(tier: Tier, _ random: inout SplitMix64) -> [Int] {
        var groups = [tier.rawValue]
        if random.coin() { groups.append(Self.mgmtGroup) }
        if random.coin() { groups.append(Self.sharedGroup) }
        let services = shape.groupsPerVPC - Self.roleGroupCount
        if services > 0 {
            for _ in 0..<random.below(3) where groups.count < Self.groupsPerInterfaceQuota {
                let group = Self.roleGroupCount + random.below(services)
                if !groups.contains(group) { groups.append(group) }
            }
        }
        return groups
    }

    /// The role groups (web, app, db, mgmt, shared) before the service groups.
    static let roleGroupCount = 5

    /// AWS quota: security groups per network interface.
    static let groupsPerInterfaceQuota = 5

    /// Whether a web interface slot has an Elastic IP: every other one.
    func hasPublicIP(subnet: Int, slot: Int) -> Bool { tier(subnet) == .web && slot % 2 == 0 }

    /// The Elastic IP of a public web interface: counted up from `3.80.0.1`, one per public slot.
    func publicIP(vpc: Int, subnet: Int, slot: Int) -> UInt32 {
        let webSubnets = (shape.subnetsPerVPC + 2) / 3
        let perSubnet = (shape.interfacesPerSubnet + 1) / 2
        let index = (vpc * webSubnets + subnet / 3) * perSubnet + slot / 2
        return 0x0350_0001 + UInt32(index)
    }

    /// What the interfaces of one subnet share, worked out once.
    private struct SubnetContext {
        let vpc: Int
        let subnet: Int
        let vpcID: String
        let subnetID: String
        let zone: String
        let name: String
        /// `{"GroupId": ..., "GroupName": ...}` of every group of the VPC, by index.
        let groups: [String]
        /// `{"Key": "env", ...}`.
        let environmentTag: String
    }

    func networkInterfacesFile() -> String {
        var document = JSONListDocument(key: "NetworkInterfaces", capacity: shape.interfaceCount * 1000)
        for v in 0..<shape.vpcs {
            var random = SplitMix64(seed: shape.seed, stream: Self.interfacesStream, index: v)
            let groups = (0..<shape.groupsPerVPC).map {
                "{\"GroupId\": \"\(groupID(vpc: v, group: $0))\", \"GroupName\": \"\(groupName(vpc: v, group: $0))\"}"
            }
            let vpcID = vpcID(v)
            let environmentTag = "{\"Key\": \"env\", \"Value\": \"\(environment(v))\"}"
            for s in 0..<shape.subnetsPerVPC {
                let context = SubnetContext(
                    vpc: v, subnet: s, vpcID: vpcID, subnetID: subnetID(vpc: v, subnet: s),
                    zone: zoneName(zone(s)),
                    name: subnetName(vpc: v, subnet: s), groups: groups, environmentTag: environmentTag)
                let databases = databasesIn(subnet: s)
                for slot in 0..<shape.interfacesPerSubnet {
                    if slot < databases {
                        let database = slot * shape.zoneCount + zone(s)
                        document.append(
                            databaseInterface(context, slot: slot, groups: databaseGroups(database: database))
                        )
                    } else {
                        let groups = interfaceGroups(tier: tier(s), &random)
                        document.append(interface(context, slot: slot, groups: groups))
                    }
                }
            }
        }
        return document.finished
    }

    private func groupList(_ context: SubnetContext, _ groups: [Int]) -> String {
        var text = ""
        for group in groups {
            if !text.isEmpty { text += ", " }
            text += context.groups[group]
        }
        return text
    }

    /// `02:` and five bytes of the interface's index.
    private func macAddress(_ index: Int) -> String {
        var text = "02"
        for shift in stride(from: 32, through: 0, by: -8) {
            let byte = (index >> shift) & 0xFF
            text += byte < 16 ? ":0" : ":"
            text += String(byte, radix: 16)
        }
        return text
    }

    /// An interface created on its own (`create-network-interface`): not attached, status
    /// `available`; public web slots have an Elastic IP associated.
    private func interface(_ context: SubnetContext, slot: Int, groups: [Int]) -> String {
        let (vpc, subnet) = (context.vpc, context.subnet)
        let index = interfaceIndex(vpc: vpc, subnet: subnet, slot: slot)
        let address = interfaceAddress(vpc: vpc, subnet: subnet, slot: slot)
        let dns = Self.privateDNSName(address)
        let privateIP = Self.dotted(address)
        var association = ""
        if hasPublicIP(subnet: subnet, slot: slot) {
            let ip = publicIP(vpc: vpc, subnet: subnet, slot: slot)
            let name = "ec2-\(Self.dashed(ip)).compute-1.amazonaws.com"
            association =
                "\"Association\": {\"AllocationId\": \"\(Self.id("eipalloc", .elasticIP, index))\", "
                + "\"AssociationId\": \"\(Self.id("eipassoc", .elasticIP, index))\", "
                + "\"IpOwnerId\": \"\(Self.account)\", \"PublicDnsName\": \"\(name)\", "
                + "\"PublicIp\": \"\(Self.dotted(ip))\"}, "
        }
        return """
            {\(association)"AvailabilityZone": "\(context.zone)", "Description": "", \
            "Groups": [\(groupList(context, groups))], "InterfaceType": "interface", "Ipv6Addresses": [], \
            "MacAddress": "\(macAddress(index))", "NetworkInterfaceId": "\(Self.id("eni", .networkInterface, index))", \
            "OwnerId": "\(Self.account)", "PrivateDnsName": "\(dns)", "PrivateIpAddress": "\(privateIP)", \
            "PrivateIpAddresses": [{\(association)"Primary": true, "PrivateDnsName": "\(dns)", \
            "PrivateIpAddress": "\(privateIP)"}], "RequesterId": "AIDAESTATEGENERATOR", \
            "RequesterManaged": false, "SourceDestCheck": true, "Status": "available", \
            "SubnetId": "\(context.subnetID)", \
            "TagSet": [{"Key": "Name", "Value": "\(context.name)-eni-\(slot)"}, \(context.environmentTag)], "VpcId": "\(context.vpcID)"}
            """
    }

    /// The endpoint interface of DB instance `database`, as RDS creates it: requester-managed
    /// by `amazon-rds`, described `RDSNetworkInterface`, with the DB's security groups and no tags.
    private func databaseInterface(_ context: SubnetContext, slot: Int, groups: [Int]) -> String {
        let (vpc, subnet) = (context.vpc, context.subnet)
        let index = interfaceIndex(vpc: vpc, subnet: subnet, slot: slot)
        let address = interfaceAddress(vpc: vpc, subnet: subnet, slot: slot)
        let dns = Self.privateDNSName(address)
        let privateIP = Self.dotted(address)
        return """
            {"Attachment": {"AttachTime": "\(Self.creationTime)", \
            "AttachmentId": "\(Self.id("eni-attach", .interfaceAttachment, index))", "DeleteOnTermination": false, \
            "DeviceIndex": 1, "InstanceOwnerId": "amazon-rds", "Status": "attached"}, \
            "AvailabilityZone": "\(context.zone)", "Description": "RDSNetworkInterface", \
            "Groups": [\(groupList(context, groups))], "InterfaceType": "interface", \
            "Ipv6Addresses": [], "MacAddress": "\(macAddress(index))", \
            "NetworkInterfaceId": "\(Self.id("eni", .networkInterface, index))", "OwnerId": "\(Self.account)", \
            "PrivateDnsName": "\(dns)", "PrivateIpAddress": "\(privateIP)", \
            "PrivateIpAddresses": [{"Primary": true, "PrivateDnsName": "\(dns)", \
            "PrivateIpAddress": "\(privateIP)"}], "RequesterId": "amazon-rds", "RequesterManaged": true, \
            "SourceDestCheck": true, "Status": "in-use", "SubnetId": "\(context.subnetID)", \
            "TagSet": [], "VpcId": "\(context.vpcID)"}
            """
    }
}
