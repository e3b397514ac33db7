import ReachNetwork
import Testing

@Suite("Longest-prefix index")
struct LongestPrefixIndexTests {
    /// Random prefix lists over a small address space, compared with a scan that keeps the
    /// longest holding prefix and, among equal ones, the first listed.
    @Test("agrees with a linear longest-prefix scan", arguments: 0..<100)
    func agreesWithScan(seed: Int) throws {
        var generator = SplitMix64(state: UInt64(seed))
        var prefixes: [IPv4Prefix] = []
        for _ in 0..<Int.random(in: 0...40, using: &generator) {
            let length = UInt8.random(in: 0...32, using: &generator)
            let address = IPv4Address(0x0A00_0000 | UInt32.random(in: 0...0xFFF, using: &generator) << 8)
            prefixes.append(IPv4Prefix(containing: address, length: length))
        }
        let index = LongestPrefixIndex(prefixes)
        for _ in 0..<200 {
            let address = IPv4Address(0x0A00_0000 | UInt32.random(in: 0...0xFFFFF, using: &generator))
            var expected: Int?
            for (position, prefix) in prefixes.enumerated() where prefix.contains(address) {
                if let best = expected, prefixes[best].length >= prefix.length { continue }
                expected = position
            }
            #expect(index.lookup(address) == expected, "\(address) in \(prefixes)")
        }
    }

    @Test("the first of equal prefixes wins and an empty index matches nothing")
    func duplicatesAndEmpty() throws {
        let prefix = try #require(IPv4Prefix("10.0.0.0/16"))
        let index = LongestPrefixIndex([prefix, try #require(IPv4Prefix("10.0.1.0/24")), prefix])
        #expect(index.lookup(try #require(IPv4Address("10.0.2.1"))) == 0)
        #expect(index.lookup(try #require(IPv4Address("10.0.1.1"))) == 1)
        #expect(index.lookup(try #require(IPv4Address("10.1.0.1"))) == nil)
        #expect(LongestPrefixIndex([]).lookup(try #require(IPv4Address("10.1.0.1"))) == nil)
    }
}
