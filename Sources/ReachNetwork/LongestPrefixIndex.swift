/// Longest-prefix match over a list of prefixes: which entry of the list holds an address with
/// the longest prefix, the first listed winning among equal prefixes.
///
/// A small list (most VPC route tables) is scanned longest prefix first, without hashing. A
/// large one gets one hash table per prefix length present, probed longest first: a lookup costs
/// one probe per distinct length instead of a scan of every entry, which matters for transit
/// gateway route tables holding a propagated route per VPC.
public struct LongestPrefixIndex: Sendable {
    /// Tables this small are scanned: comparing a few masked words beats hashing.
    private static let scanLimit = 16

    /// A small table's entries, longest prefix first, the first listed first among equals.
    private let entries: [Entry]
    /// For each prefix length present in a large table, longest first: the entry index of each
    /// network.
    private let levels: [(mask: UInt32, entries: [UInt32: Int])]

    private struct Entry {
        let network: UInt32
        let mask: UInt32
        let position: Int
    }

    /// Indexes `prefixes`; a lookup answers positions in this list.
    public init(_ prefixes: [IPv4Prefix]) {
        guard prefixes.count > Self.scanLimit else {
            // A stable sort keeps the first of equal prefixes ahead of the later ones.
            entries = prefixes.enumerated()
                .map {
                    Entry(
                        network: $0.element.network.value, mask: IPv4Prefix.mask($0.element.length),
                        position: $0.offset)
                }
                .sorted { $0.mask > $1.mask || ($0.mask == $1.mask && $0.position < $1.position) }
            levels = []
            return
        }
        var byLength: [UInt8: [UInt32: Int]] = [:]
        for (position, prefix) in prefixes.enumerated() {
            // The first of equal prefixes wins, so later duplicates are not recorded.
            if byLength[prefix.length, default: [:]][prefix.network.value] == nil {
                byLength[prefix.length, default: [:]][prefix.network.value] = position
            }
        }
        entries = []
        levels = byLength.keys.sorted(by: >).map { length in
            (IPv4Prefix.mask(length), byLength[length] ?? [:])
        }
    }

    /// The position of the longest prefix holding `address` (the first listed among equal
    /// prefixes), or nil when none does.
    public func lookup(_ address: IPv4Address) -> Int? {
        for entry in entries where address.value & entry.mask == entry.network { return entry.position }
        for level in levels {
            if let position = level.entries[address.value & level.mask] { return position }
        }
        return nil
    }
}
