/// An exact set of IPv4 addresses with set algebra, in the spirit of netipx's IPSet.
public struct IPv4AddressSet: Hashable, Sendable {
    /// The addresses as integer intervals.
    public private(set) var storage: IntervalSet<UInt32>

    /// The empty set.
    public init() {
        storage = IntervalSet()
    }

    /// The union of `prefixes`.
    public init(_ prefixes: some Sequence<IPv4Prefix>) {
        storage = IntervalSet(prefixes.map(\.range))
    }

    /// A set from integer intervals.
    public init(storage: IntervalSet<UInt32>) {
        self.storage = storage
    }

    /// A set of one address.
    public init(_ address: IPv4Address) {
        storage = IntervalSet(address.value...address.value)
    }

    /// Every IPv4 address.
    public static let all = IPv4AddressSet([IPv4Prefix.all])

    /// Whether the set is empty.
    public var isEmpty: Bool { storage.isEmpty }

    /// The lowest address, if any.
    public var first: IPv4Address? { storage.first.map(IPv4Address.init) }

    /// The number of addresses.
    public var count: UInt64 { storage.count }

    /// Whether `address` is in the set.
    public func contains(_ address: IPv4Address) -> Bool { storage.contains(address.value) }

    /// Whether some address from `low` through `high` is in the set.
    public func overlaps(_ low: IPv4Address, through high: IPv4Address) -> Bool {
        storage.overlaps(low.value...high.value)
    }

    /// The addresses in either set.
    public func union(_ other: IPv4AddressSet) -> IPv4AddressSet {
        IPv4AddressSet(storage: storage.union(other.storage))
    }

    /// The addresses in both sets.
    public func intersection(_ other: IPv4AddressSet) -> IPv4AddressSet {
        IPv4AddressSet(storage: storage.intersection(other.storage))
    }

    /// The addresses of this set that are not in `other`.
    public func subtracting(_ other: IPv4AddressSet) -> IPv4AddressSet {
        IPv4AddressSet(storage: storage.subtracting(other.storage))
    }

    /// The set as the fewest CIDR blocks that cover it exactly, in address order.
    public var prefixes: [IPv4Prefix] {
        var result: [IPv4Prefix] = []
        for interval in storage.intervals {
            var low = UInt64(interval.lowerBound)
            let high = UInt64(interval.upperBound)
            while low <= high {
                // The largest aligned block starting at `low` that stays within the interval.
                var length: UInt8 = low == 0 ? 0 : UInt8(32 - min(32, low.trailingZeroBitCount))
                while low + (UInt64(1) << (32 - UInt64(length))) - 1 > high { length += 1 }
                result.append(IPv4Prefix(containing: IPv4Address(UInt32(low)), length: length))
                low += UInt64(1) << (32 - UInt64(length))
            }
        }
        return result
    }
}

extension IPv4AddressSet: CustomStringConvertible {
    /// The set as comma-separated CIDR blocks, or `none`.
    public var description: String {
        isEmpty ? "none" : prefixes.map(\.description).joined(separator: ", ")
    }
}
