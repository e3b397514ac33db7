import Foundation

/// The records of one kind (one top-level key) found in a snapshot, with where each came from.
struct SnapshotRecords {
    struct Record {
        let node: JSONNode
        let region: String?
        let account: String?
    }

    private(set) var byKey: [String: [Record]] = [:]
    private(set) var files: [String] = []

    /// The records under top-level `key` across every file (paginated outputs are merged).
    func records(_ key: String) -> [Record] { byKey[key] ?? [] }

    /// Reads every `.json` file below `directory`. Region and account come from folder names:
    /// `ACCOUNT/REGION/`, Batfish's `aws_configs/REGION/` and `aws_configs/accounts/ACCOUNT/REGION/`.
    static func read(directory: String, warnings: inout [SnapshotWarning]) throws(SnapshotError)
        -> SnapshotRecords
    {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw .unreadableDirectory(path: directory, reason: "no such directory")
        }
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
            throw .unreadableDirectory(path: directory, reason: "cannot list its files")
        }
        var relativePaths: [String] = []
        while let next = enumerator.nextObject() as? String {
            if next.hasSuffix(".json") { relativePaths.append(next) }
        }
        var records = SnapshotRecords()
        for relative in relativePaths.sorted() {
            let file = (directory as NSString).appendingPathComponent(relative)
            guard let data = FileManager.default.contents(atPath: file) else {
                throw .unreadableFile(file: file, reason: "permission denied or not a regular file")
            }
            let object: JSONValue
            do {
                object = try JSONParser.parse([UInt8](data))
            } catch {
                throw .invalidJSON(file: file, reason: error.description)
            }
            guard case .object(let members) = object else {
                warnings.append(
                    SnapshotWarning(file: file, path: "", message: "not an AWS CLI output object; skipped"))
                continue
            }
            let folders = relative.split(separator: "/").dropLast().map(String.init)
            let region = folders.last { Self.looksLikeRegion($0) }
            let account = folders.last { $0.count == 12 && $0.allSatisfy(\.isNumber) }
            var recognised = false
            for (key, value) in members.sorted(by: { $0.key < $1.key }) {
                guard SnapshotKeys.known.contains(key) else {
                    if !SnapshotKeys.ignored.contains(key) {
                        warnings.append(
                            SnapshotWarning(
                                file: file, path: key, message: "Reach does not read this AWS output; ignored"
                            ))
                    }
                    continue
                }
                recognised = true
                let node = JSONNode(value: value, file: file, path: key)
                for element in try node.list() {
                    records.byKey[key, default: []].append(
                        Record(node: element, region: region, account: account))
                }
            }
            if recognised { records.files.append(file) }
        }
        guard !records.files.isEmpty else { throw .noRecognisedFiles(path: directory) }
        return records
    }

    static func looksLikeRegion(_ name: String) -> Bool {
        let parts = name.split(separator: "-")
        guard parts.count >= 3, let last = parts.last, last.allSatisfy(\.isNumber), parts[0].count == 2 else {
            return false
        }
        return parts.dropLast().allSatisfy { $0.allSatisfy(\.isLetter) }
    }
}

/// The top-level keys of the AWS CLI outputs (and wrappers) a snapshot may hold.
enum SnapshotKeys {
    static let known: Set<String> = [
        "Vpcs", "Subnets", "RouteTables", "SecurityGroups", "NetworkAcls", "InternetGateways", "NatGateways",
        "VpcPeeringConnections", "NetworkInterfaces", "Reservations", "PrefixLists",
        "ManagedPrefixListEntries",
        "TransitGateways", "TransitGatewayAttachments", "TransitGatewayVpcAttachments",
        "TransitGatewayRouteTables",
        "TransitGatewayStaticRoutes", "TransitGatewayPropagations", "VpnConnections", "VpnGateways",
        "CustomerGateways",
        "VpcEndpoints", "ServiceConfigurations", "LoadBalancers", "Listeners", "TargetGroups", "TargetHealth",
        "directConnectGateways", "directConnectGatewayAssociations", "virtualInterfaces", "DBInstances",
        "DBClusters",
        "DBSubnetGroups", "DBParameterGroups", "DBParameterGroupParameters",
        "DBClusterParameterGroupParameters",
        "ReachOnPremSites",
    ]

    /// Keys that come with outputs but carry nothing to read (pagination markers and the like).
    static let ignored: Set<String> = [
        "NextToken", "Marker", "nextToken", "ResponseMetadata", "AdditionalRoutesAvailable",
    ]
}
