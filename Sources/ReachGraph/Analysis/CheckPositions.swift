/// A few positions in a walk's list of checks, packed in one word: at most seven, each below
/// 256.
///
/// A walk's template notes the checks a stand-in source can change (two or three); a list of
/// its own would be one more allocation, and one more to free, for each of the thousands of
/// walks of a question.
struct CheckPositions: Sequence {
    /// The count in the low byte, then one byte per position, in the order appended.
    private var packed: UInt64 = 0

    /// The most positions one word holds.
    static let capacity = 7

    /// The number of positions held.
    var count: Int { Int(packed & 0xFF) }

    /// Adds `position`; false, leaving the positions as they were, when seven are held already
    /// or `position` does not fit in a byte.
    mutating func append(_ position: Int) -> Bool {
        guard count < Self.capacity, (0..<256).contains(position) else { return false }
        packed |= UInt64(position) << UInt64(8 * (count + 1))
        packed += 1
        return true
    }

    /// The positions in the order appended.
    struct Iterator: IteratorProtocol {
        fileprivate var packed: UInt64
        fileprivate var taken = 0

        mutating func next() -> Int? {
            guard taken < Int(packed & 0xFF) else { return nil }
            taken += 1
            return Int((packed >> UInt64(8 * taken)) & 0xFF)
        }
    }

    func makeIterator() -> Iterator { Iterator(packed: packed) }
}
