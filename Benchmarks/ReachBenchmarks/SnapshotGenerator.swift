import Foundation

/// The size of a generated estate: every count scales with the number of VPCs.
struct EstateScale: Sendable {
    /// The number of VPCs (at most 256: VPC `v` is `10.v.0.0/16`).
    let vpcs: Int
    /// Subnets per VPC, each a `/24` (`10.v.s.0/24`).
    let subnetsPerVPC = 2
    /// Interfaces per subnet (a `/24` has 251 addresses AWS does not reserve).
    let interfacesPerSubnet = 250
    /// Security groups per VPC.
    let groupsPerVPC = 20
    /// tcp ingress rules per security group (each group also has one allow-all egress rule).
    let ingressRulesPerGroup = 50

    /// The number of network interfaces in the estate.
    var interfaces: Int { vpcs * subnetsPerVPC * interfacesPerSubnet }
    /// The number of security group ingress rules in the estate.
    var ingressRules: Int { vpcs * groupsPerVPC * ingressRulesPerGroup }
    /// A short label for benchmark names: `50k ENIs`, `5k ENIs`, `500 ENIs`.
    var label: String {
        interfaces >= 1000 && interfaces % 1000 == 0 ? "\(interfaces / 1000)k ENIs" : "\(interfaces) ENIs"
    }

    /// 100 VPCs: 50,000 ENIs and 100,000 security group rules.
    static let full = EstateScale(vpcs: 100)
    /// 10 VPCs: 5,000 ENIs and 10,000 security group rules.
    static let tenth = EstateScale(vpcs: 10)
    /// 1 VPC: 500 ENIs and 1,000 security group rules.
    static let hundredth = EstateScale(vpcs: 1)
}

/// SplitMix64: a small seedable generator, so every run builds the same estate.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Writes an AWS CLI snapshot (`ACCOUNT/REGION/*.json`, shaped like `aws ec2 describe-*` output)
/// of a generated estate: per VPC, subnets full of interfaces, security groups with many tcp
/// rules, the main route table with the local route and the default network ACL allowing all.
///
/// Every group's first ingress rule admits tcp 5432 from the VPC's first subnet, so the flow
/// ``checkSource`` to ``checkDestination`` is reachable; the other rules have random ports and
/// random `/24` sources from a fixed seed.
struct SnapshotGenerator {
    /// The account folder the files go under.
    static let account = "123456789012"
    /// The region folder the files go under.
    static let region = "us-east-1"
    /// The destination port of the checked flow.
    static let checkPort: UInt16 = 5432

    let scale: EstateScale

    /// The first interface of VPC 0's first subnet (`10.0.0.4`): the checked flow's source.
    var checkSource: String { Self.id("eni", kind: 6, interfaceIndex(vpc: 0, subnet: 0, interface: 0)) }
    /// The first interface of VPC 0's second subnet (`10.0.1.4`): the checked flow's destination.
    var checkDestination: String { Self.id("eni", kind: 6, interfaceIndex(vpc: 0, subnet: 1, interface: 0)) }

    /// Where this process keeps the snapshot of `scale`: a folder of the temporary directory.
    static func temporaryDirectory(for scale: EstateScale) -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent(
                "reach-benchmark-\(scale.vpcs)-\(ProcessInfo.processInfo.processIdentifier)"
            ).path
    }

    /// Writes the snapshot's files under `root/ACCOUNT/REGION/`, replacing what `root` held.
    func write(to root: String) throws {
        if FileManager.default.fileExists(atPath: root) { try FileManager.default.removeItem(atPath: root) }
        let folder = URL(fileURLWithPath: root).appendingPathComponent(Self.account)
            .appendingPathComponent(Self.region)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let files: [(String, String)] = [
            ("Vpcs.json", vpcs()), ("Subnets.json", subnets()), ("RouteTables.json", routeTables()),
            ("NetworkAcls.json", networkACLs()), ("SecurityGroups.json", securityGroups()),
            ("NetworkInterfaces.json", networkInterfaces()),
        ]
        for (name, text) in files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
    }

    // MARK: - Ids and addresses

    /// An AWS-style id: `prefix-0` and 16 hex digits, `kind` in the top bits keeping kinds apart.
    static func id(_ prefix: String, kind: UInt64, _ index: Int) -> String {
        let hex = String((kind << 48) | UInt64(index), radix: 16)
        return "\(prefix)-0" + String(repeating: "0", count: max(0, 16 - hex.count)) + hex
    }

    private func vpcID(_ vpc: Int) -> String { Self.id("vpc", kind: 1, vpc) }
    private func subnetID(_ vpc: Int, _ subnet: Int) -> String {
        Self.id("subnet", kind: 2, vpc * scale.subnetsPerVPC + subnet)
    }
    private func groupID(_ vpc: Int, _ group: Int) -> String {
        Self.id("sg", kind: 3, vpc * scale.groupsPerVPC + group)
    }
    private func interfaceIndex(vpc: Int, subnet: Int, interface: Int) -> Int {
        (vpc * scale.subnetsPerVPC + subnet) * scale.interfacesPerSubnet + interface
    }
    private func zone(_ subnet: Int) -> String { "\(Self.region)\(["a", "b", "c", "d"][subnet % 4])" }

    // MARK: - Files

    private func vpcs() -> String {
        let items = (0..<scale.vpcs).map { v in
            """
            {"VpcId": "\(vpcID(v))", "CidrBlock": "10.\(v).0.0/16", "State": "available", \
            "OwnerId": "\(Self.account)", "IsDefault": false, \
            "CidrBlockAssociationSet": [{"AssociationId": "\(Self.id("vpc-cidr-assoc", kind: 1, v))", \
            "CidrBlock": "10.\(v).0.0/16", "CidrBlockState": {"State": "associated"}}], \
            "Tags": [{"Key": "Name", "Value": "bench-vpc-\(v)"}]}
            """
        }
        return document("Vpcs", items)
    }

    private func subnets() -> String {
        var items: [String] = []
        for v in 0..<scale.vpcs {
            for s in 0..<scale.subnetsPerVPC {
                items.append(
                    """
                    {"SubnetId": "\(subnetID(v, s))", "VpcId": "\(vpcID(v))", "CidrBlock": "10.\(v).\(s).0/24", \
                    "AvailabilityZone": "\(zone(s))", "State": "available", "MapPublicIpOnLaunch": false, \
                    "OwnerId": "\(Self.account)"}
                    """)
            }
        }
        return document("Subnets", items)
    }

    private func routeTables() -> String {
        let items = (0..<scale.vpcs).map { v in
            """
            {"RouteTableId": "\(Self.id("rtb", kind: 4, v))", "VpcId": "\(vpcID(v))", \
            "OwnerId": "\(Self.account)", "PropagatingVgws": [], "Tags": [], \
            "Associations": [{"Main": true, "RouteTableAssociationId": "\(Self.id("rtbassoc", kind: 4, v))", \
            "RouteTableId": "\(Self.id("rtb", kind: 4, v))", "AssociationState": {"State": "associated"}}], \
            "Routes": [{"DestinationCidrBlock": "10.\(v).0.0/16", "GatewayId": "local", \
            "Origin": "CreateRouteTable", "State": "active"}]}
            """
        }
        return document("RouteTables", items)
    }

    private func networkACLs() -> String {
        let items = (0..<scale.vpcs).map { v in
            """
            {"NetworkAclId": "\(Self.id("acl", kind: 5, v))", "VpcId": "\(vpcID(v))", "IsDefault": true, \
            "OwnerId": "\(Self.account)", "Tags": [], "Associations": [], "Entries": [\
            {"RuleNumber": 100, "Egress": true, "RuleAction": "allow", "Protocol": "-1", "CidrBlock": "0.0.0.0/0"}, \
            {"RuleNumber": 32767, "Egress": true, "RuleAction": "deny", "Protocol": "-1", "CidrBlock": "0.0.0.0/0"}, \
            {"RuleNumber": 100, "Egress": false, "RuleAction": "allow", "Protocol": "-1", "CidrBlock": "0.0.0.0/0"}, \
            {"RuleNumber": 32767, "Egress": false, "RuleAction": "deny", "Protocol": "-1", "CidrBlock": "0.0.0.0/0"}]}
            """
        }
        return document("NetworkAcls", items)
    }

    private func securityGroups() -> String {
        var random = SplitMix64(seed: 0x5EED_2EAC)
        var items: [String] = []
        items.reserveCapacity(scale.vpcs * scale.groupsPerVPC)
        for v in 0..<scale.vpcs {
            for g in 0..<scale.groupsPerVPC {
                var rules: [String] = [permission(port: Self.checkPort, cidr: "10.\(v).0.0/24")]
                for _ in 1..<scale.ingressRulesPerGroup {
                    let port = UInt16.random(in: 1024...65535, using: &random)
                    let cidr =
                        "10.\(Int.random(in: 0...255, using: &random)).\(Int.random(in: 0...255, using: &random)).0/24"
                    rules.append(permission(port: port, cidr: cidr))
                }
                items.append(
                    """
                    {"GroupId": "\(groupID(v, g))", "GroupName": "bench-sg-\(v)-\(g)", \
                    "Description": "benchmark group", "VpcId": "\(vpcID(v))", "OwnerId": "\(Self.account)", \
                    "IpPermissions": [\(rules.joined(separator: ", "))], \
                    "IpPermissionsEgress": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}], \
                    "Ipv6Ranges": [], "PrefixListIds": [], "UserIdGroupPairs": []}]}
                    """)
            }
        }
        return document("SecurityGroups", items)
    }

    private func permission(port: UInt16, cidr: String) -> String {
        """
        {"IpProtocol": "tcp", "FromPort": \(port), "ToPort": \(port), "IpRanges": [{"CidrIp": "\(cidr)"}], \
        "Ipv6Ranges": [], "PrefixListIds": [], "UserIdGroupPairs": []}
        """
    }

    private func networkInterfaces() -> String {
        var items: [String] = []
        items.reserveCapacity(scale.interfaces)
        for v in 0..<scale.vpcs {
            for s in 0..<scale.subnetsPerVPC {
                for i in 0..<scale.interfacesPerSubnet {
                    let index = interfaceIndex(vpc: v, subnet: s, interface: i)
                    let address = "10.\(v).\(s).\(4 + i)"
                    let group = index % scale.groupsPerVPC
                    items.append(
                        """
                        {"NetworkInterfaceId": "\(Self.id("eni", kind: 6, index))", "SubnetId": "\(subnetID(v, s))", \
                        "VpcId": "\(vpcID(v))", "AvailabilityZone": "\(zone(s))", "Description": "", \
                        "OwnerId": "\(Self.account)", "Status": "in-use", "InterfaceType": "interface", \
                        "SourceDestCheck": true, "PrivateIpAddress": "\(address)", \
                        "PrivateIpAddresses": [{"PrivateIpAddress": "\(address)", "Primary": true}], \
                        "Groups": [{"GroupId": "\(groupID(v, group))", "GroupName": "bench-sg-\(v)-\(group)"}], \
                        "TagSet": []}
                        """)
                }
            }
        }
        return document("NetworkInterfaces", items)
    }

    private func document(_ key: String, _ items: [String]) -> String {
        "{\"\(key)\": [\n" + items.joined(separator: ",\n") + "\n]}\n"
    }
}
