/// A transit gateway VPC attachment's subnets, one per availability zone, in the order of the
/// zones' names.
///
/// A walk finds the subnet of its AZ on every crossing: among the few zones of an attachment a
/// scan comparing names (short strings, stored inline) is cheaper than hashing a name.
struct ZoneSubnets: Hashable, Sendable {
    private struct Entry: Hashable, Sendable {
        let zone: String
        let subnet: Int
    }

    /// Sorted by zone name, each zone once.
    private let entries: [Entry]

    /// The subnets of `subnetsByZone`, by zone name.
    init(_ subnetsByZone: [String: Int]) {
        entries = subnetsByZone.map { Entry(zone: $0.key, subnet: $0.value) }.sorted { $0.zone < $1.zone }
    }

    /// The subnet in `zone`, if the attachment has one there.
    subscript(zone: String) -> Int? { entries.first { $0.zone == zone }?.subnet }

    /// Every subnet, in the order of the zones' names.
    var inZoneOrder: [Int] { entries.map(\.subnet) }
}
