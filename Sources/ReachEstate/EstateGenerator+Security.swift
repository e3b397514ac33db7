/// Security groups (`describe-security-groups`): per VPC the role groups web, app, db, mgmt and
/// shared, service groups after them, and the default group.
extension EstateGenerator {
    /// The id of group `group` of a VPC; `group == groupsPerVPC` is the VPC's default group.
    func groupID(vpc: Int, group: Int) -> String {
        Self.id("sg", .securityGroup, vpc * (shape.groupsPerVPC + 1) + group)
    }

    /// `prod-vpc-1-web-sg`, ..., `prod-vpc-1-svc-7-sg`; `default` for the default group.
    func groupName(vpc: Int, group: Int) -> String {
        group == shape.groupsPerVPC ? "default" : "\(vpcName(vpc))-\(Self.role(group))-sg"
    }

    /// The role of group `group`: web, app, db, mgmt, shared, then `svc-N`.
    static func role(_ group: Int) -> String {
        group < roles.count ? roles[group] : "svc-\(group)"
    }

    private static let roles = ["web", "app", "db", "mgmt", "shared"]

    /// Role group indices.
    static let webGroup = 0, appGroup = 1, dbGroup = 2, mgmtGroup = 3, sharedGroup = 4

    /// The number of fixed ingress rules of every role group (service groups have none).
    static let fixedIngressRuleCount = 3

    /// How many security group combinations tell the DB instances of one subnet apart.
    static let databaseGroupCombinations = 4

    /// The groups of DB instance `database` of a VPC: db, then mgmt and/or shared by its slot.
    func databaseGroups(database: Int) -> [Int] {
        switch database / shape.zoneCount {
        case 0: [Self.dbGroup]
        case 1: [Self.dbGroup, Self.mgmtGroup]
        case 2: [Self.dbGroup, Self.sharedGroup]
        default: [Self.dbGroup, Self.mgmtGroup, Self.sharedGroup]
        }
    }

    /// What one ingress rule admits traffic from: a CIDR block (address and prefix length) or
    /// a group of the VPC.
    enum Peer: Equatable {
        case cidr(UInt32, length: UInt32)
        case group(Int)
    }

    /// The protocol of a rule.
    enum RuleProtocol: String {
        case tcp, udp, icmp
    }

    /// One ingress rule: a protocol, ports (-1 for any ICMP), one source, a description.
    struct Rule {
        let proto: RuleProtocol
        let from: Int
        let to: Int
        let peer: Peer
        let description: String?

        /// Whether AWS takes both for the same rule (the description does not count).
        func isSameRule(as other: Rule) -> Bool {
            proto == other.proto && from == other.from && to == other.to && peer == other.peer
        }
    }

    /// The fixed rules of role group `group` of `vpc`.
    private func fixedRules(vpc: Int, group: Int) -> [Rule] {
        let anywhere = Peer.cidr(0, length: 0)
        let shared = Peer.cidr(vpcBase(0), length: 20)
        let estate = Peer.cidr(0x0A00_0000, length: 8)
        let ownVPC = Peer.cidr(vpcBase(vpc), length: 20)
        switch group {
        case Self.webGroup:
            return [
                Rule(proto: .tcp, from: 443, to: 443, peer: anywhere, description: "HTTPS from anywhere"),
                Rule(proto: .tcp, from: 80, to: 80, peer: anywhere, description: "HTTP, redirected to HTTPS"),
                Rule(proto: .tcp, from: 22, to: 22, peer: shared, description: "SSH from shared services"),
            ]
        case Self.appGroup:
            return [
                Rule(
                    proto: .tcp, from: 8080, to: 8080, peer: .group(Self.webGroup),
                    description: "from the web tier"),
                Rule(
                    proto: .tcp, from: 8443, to: 8443, peer: estate,
                    description: "internal API over the transit gateway"),
                Rule(proto: .tcp, from: 22, to: 22, peer: shared, description: "SSH from shared services"),
            ]
        case Self.dbGroup:
            let port = Int(Self.databasePort)
            return [
                Rule(proto: .tcp, from: port, to: port, peer: .group(Self.appGroup), description: "app tier"),
                Rule(proto: .tcp, from: port, to: port, peer: shared, description: "shared services"),
                Rule(
                    proto: .tcp, from: port, to: port, peer: estate,
                    description: "estate clients over the transit gateway"),
            ]
        case Self.mgmtGroup:
            return [
                Rule(proto: .tcp, from: 22, to: 22, peer: shared, description: "SSH from shared services"),
                Rule(proto: .tcp, from: 9100, to: 9100, peer: shared, description: "metrics scraping"),
                Rule(proto: .icmp, from: -1, to: -1, peer: estate, description: "ping from the estate"),
            ]
        case Self.sharedGroup:
            return [
                Rule(proto: .tcp, from: 53, to: 53, peer: ownVPC, description: "DNS"),
                Rule(proto: .udp, from: 53, to: 53, peer: ownVPC, description: "DNS"),
                Rule(proto: .tcp, from: 443, to: 443, peer: ownVPC, description: "internal HTTPS"),
            ]
        default:
            return []
        }
    }

    private static let servicePorts = [
        1433, 2049, 3000, 3306, 5000, 5601, 6379, 8000, 8081, 8888, 9000, 9090, 9200, 9300, 11211, 15672,
        27017,
    ]

    /// A random tcp rule: a common service port or any high port (now and then a small range),
    /// from a group of the VPC or a `/24` of the estate, of `172.16.0.0/12` or of `192.168.0.0/16`.
    private func randomRule(_ random: inout SplitMix64) -> Rule {
        let from: Int
        var to: Int
        if random.coin() {
            from = Self.servicePorts[random.below(Self.servicePorts.count)]
            to = from
        } else {
            from = 1024 + random.below(63_512)
            to = from
            if random.below(10) == 0 { to += 1 + random.below(1000) }
        }
        let peer: Peer
        switch random.below(20) {
        case 0..<5: peer = .group(random.below(shape.groupsPerVPC))
        case 5..<8: peer = .cidr(0xAC10_0000 | (UInt32(random.below(0x1000)) << 8), length: 24)
        case 8..<10: peer = .cidr(0xC0A8_0000 | (UInt32(random.below(0x100)) << 8), length: 24)
        default: peer = .cidr(0x0A00_0000 | (UInt32(random.below(0x1_0000)) << 8), length: 24)
        }
        return Rule(proto: .tcp, from: from, to: to, peer: peer, description: nil)
    }

    /// The ingress rules of group `group` of `vpc`: its fixed rules, then distinct random ones
    /// up to ``EstateShape/ingressRulesPerGroup``.
    func ingressRules(vpc: Int, group: Int, _ random: inout SplitMix64) -> [Rule] {
        var rules = fixedRules(vpc: vpc, group: group)
        rules.reserveCapacity(shape.ingressRulesPerGroup)
        while rules.count < shape.ingressRulesPerGroup {
            let rule = randomRule(&random)
            // AWS refuses a rule that duplicates another; at most 60 rules, a scan is cheap.
            if !rules.contains(where: { $0.isSameRule(as: rule) }) { rules.append(rule) }
        }
        return rules
    }

    /// What one `IpPermissions` entry gathers: a protocol and a port range.
    private struct PermissionKey: Equatable {
        let proto: RuleProtocol
        let from: Int
        let to: Int
    }

    /// The stream of random rules.
    static let rulesStream: UInt64 = 1

    func securityGroupsFile() -> String {
        var document = JSONListDocument(
            key: "SecurityGroups",
            capacity: shape.vpcs * (shape.groupsPerVPC * (600 + shape.ingressRulesPerGroup * 170) + 800))
        for v in 0..<shape.vpcs {
            var random = SplitMix64(seed: shape.seed, stream: Self.rulesStream, index: v)
            let groupIDs = (0..<shape.groupsPerVPC).map { groupID(vpc: v, group: $0) }
            for g in 0..<shape.groupsPerVPC {
                let rules = ingressRules(vpc: v, group: g, &random)
                document.append(
                    group(
                        vpc: v, group: g, description: "\(Self.role(g)) group of \(vpcName(v))",
                        ingress: permissions(rules, groupIDs: groupIDs)))
            }
            let defaultGroup = groupID(vpc: v, group: shape.groupsPerVPC)
            document.append(
                group(
                    vpc: v, group: shape.groupsPerVPC, description: "default VPC security group",
                    ingress: """
                        {"IpProtocol": "-1", "IpRanges": [], "Ipv6Ranges": [], "PrefixListIds": [], \
                        "UserIdGroupPairs": [{"GroupId": "\(defaultGroup)", "UserId": "\(Self.account)"}]}
                        """))
        }
        return document.finished
    }

    private func group(vpc: Int, group: Int, description: String, ingress: String) -> String {
        let id = groupID(vpc: vpc, group: group)
        return """
            {"Description": "\(description)", "GroupName": "\(groupName(vpc: vpc, group: group))", \
            "IpPermissions": [\(ingress)], "OwnerId": "\(Self.account)", "GroupId": "\(id)", \
            "IpPermissionsEgress": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}], \
            "Ipv6Ranges": [], "PrefixListIds": [], "UserIdGroupPairs": []}], \
            "Tags": \(tags(group == shape.groupsPerVPC ? "\(vpcName(vpc))-default-sg" : groupName(vpc: vpc, group: group), vpc: vpc)), \
            "VpcId": "\(vpcID(vpc))", "SecurityGroupArn": "\(Self.arn("ec2", "security-group/\(id)"))"}
            """
    }

    /// Rules as AWS lists them: one `IpPermissions` entry per protocol and port range, holding
    /// every CIDR (`IpRanges`) and group (`UserIdGroupPairs`) source of that range.
    private func permissions(_ rules: [Rule], groupIDs: [String]) -> String {
        var entries: [(key: PermissionKey, ranges: String, pairs: String)] = []
        for rule in rules {
            let key = PermissionKey(proto: rule.proto, from: rule.from, to: rule.to)
            let index =
                entries.firstIndex { $0.key == key }
                ?? {
                    entries.append((key, "", ""))
                    return entries.count - 1
                }()
            let description = rule.description.map { ", \"Description\": \"\($0)\"" } ?? ""
            switch rule.peer {
            case .cidr(let address, let length):
                if !entries[index].ranges.isEmpty { entries[index].ranges += ", " }
                entries[index].ranges += "{\"CidrIp\": \"\(Self.dotted(address))/\(length)\"\(description)}"
            case .group(let group):
                if !entries[index].pairs.isEmpty { entries[index].pairs += ", " }
                entries[index].pairs +=
                    "{\"GroupId\": \"\(groupIDs[group])\", \"UserId\": \"\(Self.account)\"\(description)}"
            }
        }
        return entries.map { entry in
            """
            {"FromPort": \(entry.key.from), "IpProtocol": "\(entry.key.proto.rawValue)", \
            "IpRanges": [\(entry.ranges)], "Ipv6Ranges": [], "PrefixListIds": [], \
            "ToPort": \(entry.key.to), "UserIdGroupPairs": [\(entry.pairs)]}
            """
        }
        .joined(separator: ", ")
    }
}
