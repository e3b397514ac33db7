/// SplitMix64: a small, fast, seedable generator, so the same seed always builds the same estate.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension SplitMix64 {
    /// An independent stream of the estate's randomness: `stream` names what it is for (rules,
    /// interfaces, ...) and `index` which VPC, so each part of the estate can be generated on
    /// its own and in any order, always the same for the same seed.
    init(seed: UInt64, stream: UInt64, index: Int) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD6E8_FEB8_6659_FD93))
        let base = mixer.next()
        var indexed = SplitMix64(seed: base ^ (UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15))
        self.init(seed: indexed.next())
    }
}

extension SplitMix64 {
    /// A number in `0..<bound` (`bound` > 0), without the generic machinery of `Int.random(in:using:)`,
    /// which is slow in debug builds. The bias of the remainder is negligible for the small bounds used.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// True or false, evenly.
    mutating func coin() -> Bool { next() & 1 == 1 }
}
