import ReachNetwork

/// Address sets from CIDR text, for tests.
enum IPv4AddressSetParsing {
    static func set(_ blocks: [String]) -> IPv4AddressSet {
        IPv4AddressSet(blocks.compactMap { IPv4Prefix($0) })
    }
}
