/// The size and randomness of a generated estate. Every count scales with the number of VPCs;
/// the same shape (seed included) always gives the same files.
///
/// VPC 0 is the shared-services VPC; after it, odd-numbered VPCs are `prod` and even-numbered
/// ones `dev`. A VPC's subnets take turns in three tiers (web, app, db), in rows of three that
/// share an availability zone, over two AZs (fewer than 9 subnets) or three.
public struct EstateShape: Hashable, Sendable {
    /// The number of VPCs, each a `/20` of `10.0.0.0/8`: from 2 (shared services and one prod
    /// VPC) to 4096.
    public var vpcs: Int
    /// Subnets per VPC: from 6 (web, app and db in two AZs) to 200 (the AWS quota). Up to 16
    /// they are `/24`s; beyond, smaller blocks so that all fit in the VPC's `/20`.
    public var subnetsPerVPC: Int
    /// Network interfaces per subnet, RDS endpoint interfaces included: at least 1, at most the
    /// addresses of a subnet AWS does not reserve (251 in a `/24`).
    public var interfacesPerSubnet: Int
    /// RDS DB instances per VPC (postgres, in the db tier): at least 1.
    public var databasesPerVPC: Int
    /// Security groups per VPC besides the default group: web, app, db, mgmt, shared, then
    /// service groups with random rules. At least 5.
    public var groupsPerVPC: Int
    /// Ingress rules (one source each) per security group besides the default group: at least
    /// the roles' fixed rules (3), at most 60 (the AWS quota); the rest are random tcp rules.
    public var ingressRulesPerGroup: Int
    /// The seed of every random choice (padding rules, extra groups on interfaces).
    public var seed: UInt64

    /// The seed used unless another is given.
    public static let defaultSeed: UInt64 = 0x5EED_E57A_7E00_0001

    /// A shape; everything but the number of VPCs defaults to the value of the presets.
    public init(
        vpcs: Int, subnetsPerVPC: Int = 10, interfacesPerSubnet: Int = 5, databasesPerVPC: Int = 1,
        groupsPerVPC: Int = 5, ingressRulesPerGroup: Int = 20, seed: UInt64 = EstateShape.defaultSeed
    ) {
        self.vpcs = vpcs
        self.subnetsPerVPC = subnetsPerVPC
        self.interfacesPerSubnet = interfacesPerSubnet
        self.databasesPerVPC = databasesPerVPC
        self.groupsPerVPC = groupsPerVPC
        self.ingressRulesPerGroup = ingressRulesPerGroup
        self.seed = seed
    }

    /// 1000 VPCs: 10,000 subnets, 50,000 interfaces, 1000 DB instances, 100,000 security group rules.
    public static let full = EstateShape(vpcs: 1000)
    /// 100 VPCs: 1000 subnets, 5000 interfaces, 100 DB instances, 10,000 security group rules.
    public static let tenth = EstateShape(vpcs: 100)
    /// 10 VPCs: 100 subnets, 500 interfaces, 10 DB instances, 1000 security group rules.
    public static let hundredth = EstateShape(vpcs: 10)

    /// A short label for reports and benchmark names, such as `1000 VPCs`.
    public var label: String { vpcs == 1 ? "1 VPC" : "\(vpcs) VPCs" }

    /// The number of subnets in the estate.
    public var subnetCount: Int { vpcs * subnetsPerVPC }
    /// The number of network interfaces in the estate, RDS endpoint interfaces included.
    public var interfaceCount: Int { subnetCount * interfacesPerSubnet }
    /// The number of RDS DB instances in the estate (each has one endpoint interface).
    public var databaseCount: Int { vpcs * databasesPerVPC }
    /// The number of security groups in the estate, not counting each VPC's default group.
    public var securityGroupCount: Int { vpcs * groupsPerVPC }
    /// The number of ingress rules (one source each) of those groups. Each VPC's default group
    /// adds one more (all traffic from itself), and every group has one allow-all egress rule.
    public var securityGroupRuleCount: Int { securityGroupCount * ingressRulesPerGroup }
    /// The number of VPC peering connections: VPC `v` with `v + 2` for every `v % 50 == 3`.
    public var peeringConnectionCount: Int { vpcs >= 6 ? (vpcs - 6) / 50 + 1 : 0 }

    // MARK: - Layout

    /// The number of availability zones a VPC's subnets use: 2 or 3.
    var zoneCount: Int { max(1, min(3, subnetsPerVPC / 3)) }

    /// The prefix length of every subnet: `/24` up to 16 subnets, then the longest prefix that
    /// fits `subnetsPerVPC` blocks in a `/20`.
    var subnetPrefixLength: Int {
        var length = 24
        while (1 << (length - 20)) < subnetsPerVPC { length += 1 }
        return length
    }

    /// The addresses of a subnet AWS does not reserve (the first four and the last).
    var usableAddressesPerSubnet: Int { (1 << (32 - subnetPrefixLength)) - 5 }

    /// How many DB instances a VPC can hold with every endpoint interface told apart: a DB sits
    /// in one of the DB subnet group's subnets (one per AZ) with one of four security group
    /// combinations, and its interface takes one of the subnet's interface slots.
    var databaseLimit: Int {
        zoneCount * min(EstateGenerator.databaseGroupCombinations, interfacesPerSubnet)
    }

    /// The smallest ingress rule count: the fixed rules of the busiest role group.
    static var minimumIngressRules: Int { EstateGenerator.fixedIngressRuleCount }
    /// The roles of the first groups of a VPC: web, app, db, mgmt, shared.
    static let minimumGroups = 5
    /// The largest number of VPCs: the `/20`s of `10.0.0.0/8`.
    static let maximumVPCs = 4096
    /// AWS quota: subnets per VPC.
    static let subnetQuota = 200
    /// AWS quota: inbound rules per security group.
    static let ingressRuleQuota = 60
    /// AWS quota (default, adjustable) of security groups per Region, which one VPC cannot exceed either.
    static let groupQuota = 2500

    /// Checks the shape against AWS quotas and the estate's address plan and layout.
    public func validate() throws(EstateShapeError) {
        if vpcs < 2 { throw .belowMinimum(.vpcs, value: vpcs, minimum: 2) }
        if vpcs > Self.maximumVPCs {
            throw .exceedsAddressPlan(.vpcs, value: vpcs, limit: Self.maximumVPCs)
        }
        if subnetsPerVPC < 6 { throw .belowMinimum(.subnetsPerVPC, value: subnetsPerVPC, minimum: 6) }
        if subnetsPerVPC > Self.subnetQuota {
            throw .exceedsQuota(.subnetsPerVPC, value: subnetsPerVPC, quota: Self.subnetQuota)
        }
        if interfacesPerSubnet < 1 {
            throw .belowMinimum(.interfacesPerSubnet, value: interfacesPerSubnet, minimum: 1)
        }
        if interfacesPerSubnet > usableAddressesPerSubnet {
            throw .exceedsAddressPlan(
                .interfacesPerSubnet, value: interfacesPerSubnet, limit: usableAddressesPerSubnet)
        }
        if databasesPerVPC < 1 { throw .belowMinimum(.databasesPerVPC, value: databasesPerVPC, minimum: 1) }
        if databasesPerVPC > databaseLimit {
            throw .exceedsLayout(.databasesPerVPC, value: databasesPerVPC, limit: databaseLimit)
        }
        if groupsPerVPC < Self.minimumGroups {
            throw .belowMinimum(.groupsPerVPC, value: groupsPerVPC, minimum: Self.minimumGroups)
        }
        if groupsPerVPC > Self.groupQuota {
            throw .exceedsQuota(.groupsPerVPC, value: groupsPerVPC, quota: Self.groupQuota)
        }
        if ingressRulesPerGroup < Self.minimumIngressRules {
            throw .belowMinimum(
                .ingressRulesPerGroup, value: ingressRulesPerGroup, minimum: Self.minimumIngressRules)
        }
        if ingressRulesPerGroup > Self.ingressRuleQuota {
            throw .exceedsQuota(
                .ingressRulesPerGroup, value: ingressRulesPerGroup, quota: Self.ingressRuleQuota)
        }
    }
}
