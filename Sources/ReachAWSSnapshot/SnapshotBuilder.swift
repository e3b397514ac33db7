import ReachModel
import ReachNetwork

/// Turns the AWS CLI outputs of a snapshot into a ``Topology``, noting as warnings whatever the
/// snapshot lacks or Reach does not model.
struct SnapshotBuilder {
    let records: SnapshotRecords
    var topology = Topology()
    var warnings: [SnapshotWarning] = []
    /// Regions of VPCs, by id (from the folder, else from their subnets' AZs).
    var vpcRegions: [String: String] = [:]
    /// Interfaces described by `describe-network-interfaces`, by id.
    var interfaceNodes: [String: JSONNode] = [:]
    /// Interfaces of RDS endpoints, matched to DB instances where the match is unambiguous.
    var rdsInterfaces: [JSONNode] = []

    init(records: SnapshotRecords) {
        self.records = records
    }

    mutating func warn(_ node: JSONNode, _ message: String) {
        warnings.append(SnapshotWarning(file: node.file, path: node.path, message: message))
    }

    /// The `Name` tag, else the id.
    func name(_ tags: [String: String], id: String) -> String {
        tags["Name"].flatMap { $0.isEmpty ? nil : $0 } ?? id
    }

    func prefix(_ node: JSONNode) throws -> IPv4Prefix {
        let text = try node.string()
        guard let prefix = IPv4Prefix(text) else {
            // AWS accepts blocks with host bits set in a few places; normalise them.
            let parts = text.split(separator: "/")
            if parts.count == 2, let address = IPv4Address(parts[0]), let length = UInt8(parts[1]),
                length <= 32
            {
                return IPv4Prefix(containing: address, length: length)
            }
            throw node.invalid("an IPv4 CIDR block such as 10.0.0.0/16")
        }
        return prefix
    }

    func address(_ node: JSONNode) throws -> IPv4Address {
        guard let address = IPv4Address(try node.string()) else { throw node.invalid("an IPv4 address") }
        return address
    }

    /// The region of an AZ name: `us-east-1a` → `us-east-1`.
    static func region(ofZone zone: String) -> String? {
        var trimmed = Substring(zone)
        while let last = trimmed.last, last.isLetter { trimmed = trimmed.dropLast() }
        return trimmed.count < zone.count && trimmed.last?.isNumber == true ? String(trimmed) : nil
    }

    mutating func build() throws -> Topology {
        try buildVPCsAndSubnets()
        try buildPrefixLists()
        try buildGateways()
        try buildSecurityGroups()
        try buildNetworkACLs()
        try buildInterfacesAndInstances()
        try buildTransitGateways()
        try buildHybrid()
        try buildEndpointsAndLoadBalancers()
        try buildDatabases()
        try buildRouteTables()
        return topology
    }
}
