import ReachNetwork
import Testing

@Suite("Interval sets and address sets")
struct IntervalSetTests {
    /// Random sets over a small universe, compared element by element with `Set<UInt8>`.
    @Test("union, intersection and difference agree with a brute-force model", arguments: 0..<200)
    func algebraAgreesWithModel(seed: Int) {
        var random = SplitMix64(state: UInt64(seed))
        func randomSet() -> (IntervalSet<UInt8>, Set<UInt8>) {
            var ranges: [ClosedRange<UInt8>] = []
            var model: Set<UInt8> = []
            for _ in 0..<Int.random(in: 0...5, using: &random) {
                let low = UInt8.random(in: 0...255, using: &random)
                let high = UInt8.random(in: low...min(255, low &+ 40 < low ? 255 : low + 40), using: &random)
                ranges.append(low...high)
                model.formUnion(low...high)
            }
            return (IntervalSet(ranges), model)
        }
        let (a, modelA) = randomSet()
        let (b, modelB) = randomSet()
        func elements(_ set: IntervalSet<UInt8>) -> Set<UInt8> {
            Set(set.intervals.flatMap { Array($0) })
        }
        #expect(elements(a.union(b)) == modelA.union(modelB))
        #expect(elements(a.intersection(b)) == modelA.intersection(modelB))
        #expect(elements(a.subtracting(b)) == modelA.subtracting(modelB))
        #expect(a.count == UInt64(modelA.count))
        for value in UInt8(0)...UInt8(255) { #expect(a.contains(value) == modelA.contains(value)) }
        // Canonical form: sorted, disjoint, not touching.
        for (x, y) in zip(a.intervals, a.intervals.dropFirst()) {
            #expect(UInt16(x.upperBound) + 1 < UInt16(y.lowerBound))
        }
        // One representation per set, however it was made: a set of one interval is kept
        // inline and one of more in a list, and each result must compare and hash like the
        // set built directly from its elements.
        for result in [a.union(b), a.intersection(b), a.subtracting(b), b.subtracting(a)] {
            let direct = IntervalSet(result.intervals)
            #expect(result == direct)
            #expect(result.hashValue == direct.hashValue)
            #expect(result.intervalCount == result.intervals.count)
            #expect(result.last == result.intervals.last?.upperBound)
        }
        #expect(a.union(b) == b.union(a))
        #expect(a.intersection(b) == b.intersection(a))
        #expect(a.union(IntervalSet()) == a && IntervalSet().union(a) == a)
        #expect(a.subtracting(a).isEmpty && a.intersection(IntervalSet()).isEmpty)
    }

    @Test("sets of one interval equal the same set reached through a list")
    func singleIntervalForm() {
        let split = IntervalSet<UInt16>([1...3, 7...9])
        let joined = split.union(IntervalSet(4...6))
        #expect(joined == IntervalSet(1...9))
        #expect(joined.hashValue == IntervalSet<UInt16>(1...9).hashValue)
        #expect(joined.intervalCount == 1)
        #expect(split.subtracting(IntervalSet(7...9)) == IntervalSet(1...3))
        #expect(IntervalSet<UInt16>([5...5, 6...6]) == IntervalSet<UInt16>(5...6))
        #expect(IntervalSet<UInt8>.full.union(IntervalSet(0...0)) == .full)
        #expect(IntervalSet<UInt8>([0...10, 250...255]).union(IntervalSet(11...249)) == .full)
        #expect(
            IntervalSet<UInt16>.full.subtracting(IntervalSet(100...200)).intervals == [0...99, 201...65535])
    }

    @Test("an address set covers itself with the fewest CIDR blocks")
    func prefixes() throws {
        let set = IPv4AddressSet([
            try #require(IPv4Prefix("10.0.0.0/24")), try #require(IPv4Prefix("10.0.1.0/24")),
        ])
        #expect(set.prefixes.map(\.description) == ["10.0.0.0/23"])
        let odd = IPv4AddressSet(storage: IntervalSet(UInt32(0x0A00_0001)...UInt32(0x0A00_0006)))
        #expect(
            odd.prefixes.map(\.description) == ["10.0.0.1/32", "10.0.0.2/31", "10.0.0.4/31", "10.0.0.6/32"])
        #expect(IPv4AddressSet.all.prefixes.map(\.description) == ["0.0.0.0/0"])
        #expect(IPv4AddressSet().description == "none")
    }

    @Test("the internet excludes private, shared, loopback, link-local and multicast space")
    func internet() throws {
        for text in [
            "10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1", "127.0.0.1", "169.254.1.1", "224.0.0.1",
        ] {
            #expect(!SpecialAddresses.internet.contains(try #require(IPv4Address(text))))
        }
        for text in ["8.8.8.8", "203.0.113.5", "198.51.100.7", "172.32.0.1"] {
            #expect(SpecialAddresses.internet.contains(try #require(IPv4Address(text))))
        }
    }
}
