/// Longest-prefix match over a list of prefixes: which entry of the list holds an address with
/// the longest prefix, the first listed winning among equal prefixes.
///
/// One hash table per prefix length present, probed longest first: a lookup costs one probe per
/// distinct length (a handful in real route tables) instead of a scan of every entry, which
/// matters for transit gateway route tables holding a propagated route per VPC.
public struct LongestPrefixIndex: Sendable {
    /// For each prefix length present, longest first: the entry index of each network.
    private let levels: [(mask: UInt32, entries: [UInt32: Int])]

    /// Indexes `prefixes`; a lookup answers positions in this list.
    public init(_ prefixes: [IPv4Prefix]) {
        var byLength: [UInt8: [UInt32: Int]] = [:]
        for (position, prefix) in prefixes.enumerated() {
            // The first of equal prefixes wins, so later duplicates are not recorded.
            if byLength[prefix.length, default: [:]][prefix.network.value] == nil {
                byLength[prefix.length, default: [:]][prefix.network.value] = position
            }
        }
        levels = byLength.keys.sorted(by: >).map { length in
            (IPv4Prefix.mask(length), byLength[length] ?? [:])
        }
    }

    /// The position of the longest prefix holding `address` (the first listed among equal
    /// prefixes), or nil when none does.
    public func lookup(_ address: IPv4Address) -> Int? {
        for level in levels {
            if let position = level.entries[address.value & level.mask] { return position }
        }
        return nil
    }
}
