import Foundation

/// Generates a synthetic AWS estate of any ``EstateShape`` as an AWS CLI snapshot: JSON files
/// shaped like the output of `aws ec2 describe-*` and `aws rds describe-db-*`, under
/// `ACCOUNT/REGION/`, as `scripts/collect-aws-snapshot.sh` names them.
///
/// Per VPC (a `/20` of `10.0.0.0/8`, tagged `Name` and `env`): web, app and db subnets over two
/// or three AZs; an attached internet gateway; a route table per tier (the local route,
/// `10.0.0.0/8` to the transit gateway, `0.0.0.0/0` to the internet gateway for web) besides
/// the main table; a public and a private network ACL besides the default one; security groups
/// with CIDR and group-reference rules padded with random tcp rules; network interfaces (some
/// web ones with public IPs); postgres DB instances in the db tier with their endpoint
/// interfaces. Every VPC is attached to one transit gateway whose `prod`, `dev` and `shared`
/// route tables let prod and dev VPCs reach their own environment and the shared-services
/// VPC 0, never each other; a few prod VPCs are also peered.
public struct EstateGenerator: Sendable {
    /// The account folder the files go under (and every `OwnerId`).
    public static let account = "123456789012"
    /// The region folder the files go under.
    public static let region = "us-east-1"
    /// The port of every DB instance (postgres).
    public static let databasePort: UInt16 = 5432

    /// The shape generated.
    public let shape: EstateShape

    /// A generator of `shape`, after checking it against AWS quotas and the address plan.
    public init(shape: EstateShape) throws(EstateShapeError) {
        try shape.validate()
        self.shape = shape
    }

    // MARK: - Well-known resources

    /// The prod VPC the samples are about (VPC 1).
    static let sampleVPC = 1

    /// The identifier of VPC 1's first DB instance: a prod database that its own app tier, the
    /// other prod VPCs and the shared-services VPC reach on port 5432.
    public var sampleDatabase: String { databaseIdentifier(vpc: Self.sampleVPC, database: 0) }

    /// The id of an app-tier interface in the same VPC as ``sampleDatabase`` that reaches it on 5432.
    public var sampleClient: String { appInterfaceID(vpc: Self.sampleVPC) }

    /// The id of an app-tier interface of another VPC that reaches ``sampleDatabase`` over the
    /// transit gateway: prod VPC 3, or with fewer than 4 VPCs the shared-services VPC 0.
    public var sampleClientInAnotherVPC: String { appInterfaceID(vpc: shape.vpcs >= 4 ? 3 : 0) }

    /// The id of an app-tier interface of dev VPC 2, which the transit gateway keeps away from
    /// ``sampleDatabase`` (the `dev` route table has no route to prod VPCs); nil with 2 VPCs.
    public var sampleClientInDevVPC: String? { shape.vpcs >= 3 ? appInterfaceID(vpc: 2) : nil }

    /// The first interface of the first app subnet (subnet 1) of `vpc`.
    private func appInterfaceID(vpc: Int) -> String { interfaceID(vpc: vpc, subnet: 1, slot: 0) }

    // MARK: - Files

    /// The snapshot's files: paths relative to the snapshot root (`ACCOUNT/REGION/NAME.json`)
    /// and their contents.
    public func files() -> [(name: String, contents: String)] {
        fileMakers.map { (name: $0.name, contents: $0.make()) }
    }

    /// Every file's relative path and what makes its contents, so that ``write(to:)`` holds
    /// one file at a time.
    private var fileMakers: [(name: String, make: () -> String)] {
        let folder = "\(Self.account)/\(Self.region)/"
        let makers: [(String, () -> String)] = [
            ("Vpcs.json", vpcsFile),
            ("Subnets.json", subnetsFile),
            ("InternetGateways.json", internetGatewaysFile),
            ("RouteTables.json", routeTablesFile),
            ("NetworkAcls.json", networkACLsFile),
            ("SecurityGroups.json", securityGroupsFile),
            ("NetworkInterfaces.json", networkInterfacesFile),
            ("VpcPeeringConnections.json", peeringConnectionsFile),
            ("TransitGateways.json", transitGatewaysFile),
            ("TransitGatewayAttachments.json", transitGatewayAttachmentsFile),
            ("TransitGatewayVpcAttachments.json", transitGatewayVPCAttachmentsFile),
            ("TransitGatewayRouteTables.json", transitGatewayRouteTablesFile),
            ("TransitGatewayPropagations.json", transitGatewayPropagationsFile),
            ("TransitGatewayStaticRoutes.json", transitGatewayStaticRoutesFile),
            ("DBSubnetGroups.json", dbSubnetGroupsFile),
            ("DBInstances.json", dbInstancesFile),
        ]
        return makers.map { (name: folder + $0.0, make: $0.1) }
    }

    /// Writes the snapshot under `root`, replacing what `root` held. To keep a mistyped path
    /// from costing data, an existing `root` must be empty or hold only a snapshot's account
    /// folder (a previous estate).
    public func write(to root: String) throws(EstateWriteError) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: root, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .notADirectory(path: root) }
            let entries: [String]
            do {
                entries = try manager.contentsOfDirectory(atPath: root)
            } catch {
                throw .cannotWrite(path: root, reason: error.localizedDescription)
            }
            let foreign = entries.filter { $0 != Self.account }.sorted()
            guard foreign.isEmpty else { throw .notAnEstate(path: root, entries: foreign) }
            do {
                try manager.removeItem(atPath: root)
            } catch {
                throw .cannotWrite(path: root, reason: error.localizedDescription)
            }
        }
        let rootURL = URL(fileURLWithPath: root)
        let folder = rootURL.appendingPathComponent(Self.account).appendingPathComponent(Self.region)
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: folder.path, reason: error.localizedDescription)
        }
        for file in fileMakers {
            let url = rootURL.appendingPathComponent(file.name)
            do {
                try Data(file.make().utf8).write(to: url)
            } catch {
                throw .cannotWrite(path: url.path, reason: error.localizedDescription)
            }
        }
    }

    // MARK: - Ids

    /// Kinds of resources, kept apart in the top bits of their ids.
    enum Kind: UInt64 {
        case vpc = 1, subnet, securityGroup, routeTable, networkACL, networkInterface, internetGateway
        case peering, transitGateway, attachment, transitGatewayRouteTable, cidrAssociation
        case routeTableAssociation, aclAssociation, dhcpOptions, interfaceAttachment, dbResource, elasticIP
    }

    /// An AWS-style id: `prefix-0` and 16 hex digits (17 in all, as AWS's), `kind` in the top bits.
    static func id(_ prefix: String, _ kind: Kind, _ index: Int) -> String {
        let hex = String((kind.rawValue << 48) | UInt64(index), radix: 16)
        return "\(prefix)-0" + String(repeating: "0", count: max(0, 16 - hex.count)) + hex
    }

    func vpcID(_ vpc: Int) -> String { Self.id("vpc", .vpc, vpc) }

    func subnetID(vpc: Int, subnet: Int) -> String {
        Self.id("subnet", .subnet, vpc * shape.subnetsPerVPC + subnet)
    }

    /// The index of an interface among all of the estate's.
    func interfaceIndex(vpc: Int, subnet: Int, slot: Int) -> Int {
        (vpc * shape.subnetsPerVPC + subnet) * shape.interfacesPerSubnet + slot
    }

    func interfaceID(vpc: Int, subnet: Int, slot: Int) -> String {
        Self.id("eni", .networkInterface, interfaceIndex(vpc: vpc, subnet: subnet, slot: slot))
    }

    // MARK: - Names and tags

    /// `shared` for VPC 0, then `prod` for odd and `dev` for even VPCs.
    func environment(_ vpc: Int) -> String {
        vpc == 0 ? "shared" : vpc % 2 == 1 ? "prod" : "dev"
    }

    /// `prod-vpc-1`, `dev-vpc-2`, `shared-vpc-0`.
    func vpcName(_ vpc: Int) -> String { "\(environment(vpc))-vpc-\(vpc)" }

    /// A JSON list of AWS tags: `Name` first, then `env`, then `extra`.
    func tags(_ name: String, vpc: Int, _ extra: (String, String)...) -> String {
        var text =
            "[{\"Key\": \"Name\", \"Value\": \"\(name)\"}, {\"Key\": \"env\", \"Value\": \"\(environment(vpc))\"}"
        for (key, value) in extra { text += ", {\"Key\": \"\(key)\", \"Value\": \"\(value)\"}" }
        return text + "]"
    }

    /// The fixed creation time of every resource, so the files do not change between runs.
    static let creationTime = "2024-06-01T12:00:00.000Z"

    // MARK: - Tiers and zones

    /// The tier of a subnet: subnets take turns web, app, db.
    enum Tier: Int, CaseIterable {
        case web, app, db

        /// `web`, `app`, `db`.
        var name: String {
            switch self {
            case .web: "web"
            case .app: "app"
            case .db: "db"
            }
        }
    }

    func tier(_ subnet: Int) -> Tier { Tier(rawValue: subnet % 3) ?? .web }

    /// The AZ index of a subnet: each row of three subnets (web, app, db) shares one.
    func zone(_ subnet: Int) -> Int { (subnet / 3) % shape.zoneCount }

    func zoneName(_ zone: Int) -> String { Self.region + ["a", "b", "c"][zone] }

    func zoneID(_ zone: Int) -> String { ["use1-az1", "use1-az2", "use1-az4"][zone] }

    /// The subnets of a tier in a VPC, in order.
    func subnets(_ tier: Tier) -> StrideTo<Int> {
        stride(from: tier.rawValue, to: shape.subnetsPerVPC, by: 3)
    }

    // MARK: - Addresses

    /// The first address of VPC `vpc`'s `/20`: `10.(v/16).((v%16)*16).0`.
    func vpcBase(_ vpc: Int) -> UInt32 { 0x0A00_0000 | (UInt32(vpc) << 12) }

    func vpcCIDR(_ vpc: Int) -> String { "\(Self.dotted(vpcBase(vpc)))/20" }

    func subnetBase(vpc: Int, subnet: Int) -> UInt32 {
        vpcBase(vpc) + (UInt32(subnet) << UInt32(32 - shape.subnetPrefixLength))
    }

    func subnetCIDR(vpc: Int, subnet: Int) -> String {
        "\(Self.dotted(subnetBase(vpc: vpc, subnet: subnet)))/\(shape.subnetPrefixLength)"
    }

    /// The address of an interface slot: after the four addresses AWS reserves.
    func interfaceAddress(vpc: Int, subnet: Int, slot: Int) -> UInt32 {
        subnetBase(vpc: vpc, subnet: subnet) + 4 + UInt32(slot)
    }

    /// The shared-services VPC's block, a source many rules admit.
    var sharedServicesCIDR: String { vpcCIDR(0) }

    /// Dotted-quad text of an address.
    static func dotted(_ address: UInt32) -> String {
        "\(address >> 24).\((address >> 16) & 0xFF).\((address >> 8) & 0xFF).\(address & 0xFF)"
    }

    /// `10-0-1-4`: an address as AWS writes it in DNS names.
    static func dashed(_ address: UInt32) -> String {
        "\(address >> 24)-\((address >> 16) & 0xFF)-\((address >> 8) & 0xFF)-\(address & 0xFF)"
    }

    /// `ip-10-0-1-4.ec2.internal`, the private DNS name AWS gives an address in us-east-1.
    static func privateDNSName(_ address: UInt32) -> String { "ip-\(dashed(address)).ec2.internal" }

    /// `arn:aws:SERVICE:REGION:ACCOUNT:RESOURCE`.
    static func arn(_ service: String, _ resource: String) -> String {
        "arn:aws:\(service):\(region):\(account):\(resource)"
    }
}

/// The text of one AWS CLI output: `{"Key": [` items, one a line, `]}`.
struct JSONListDocument {
    private var text: String
    private var empty = true

    /// A document of the list under `key`; `capacity` is a guess of its size in bytes.
    init(key: String, capacity: Int = 1024) {
        text = ""
        text.reserveCapacity(capacity)
        text += "{\"\(key)\": ["
    }

    /// Appends one list element (a JSON object's text).
    mutating func append(_ item: String) {
        text += empty ? "\n" : ",\n"
        empty = false
        text += item
    }

    /// The finished document.
    var finished: String { text + (empty ? "]}\n" : "\n]}\n") }
}
