/// An exact set of unsigned integers stored as sorted, disjoint, non-adjacent closed intervals.
///
/// The building block of address and port sets: union, intersection and difference are
/// linear merges over the interval lists.
public struct IntervalSet<Bound: FixedWidthInteger & UnsignedInteger & Sendable>: Hashable, Sendable {
    /// The intervals, sorted, disjoint and never touching. Most sets an analysis makes (one
    /// address, one port range, every port, none) hold at most one interval, so that one is
    /// kept inline: only a set of two or more intervals allocates a list. Each set has exactly
    /// one representation, so equal sets compare and hash alike.
    private var storage: Storage

    private enum Storage: Hashable, Sendable {
        case none
        case one(ClosedRange<Bound>)
        /// Two or more intervals.
        case many([ClosedRange<Bound>])
    }

    /// The intervals, sorted, disjoint and never touching (a list made on each read: hot
    /// paths use the set's own operations instead).
    public var intervals: [ClosedRange<Bound>] {
        switch storage {
        case .none: []
        case .one(let range): [range]
        case .many(let ranges): ranges
        }
    }

    /// Calls `body` with each interval in order, without making a list.
    public func forEachInterval(_ body: (ClosedRange<Bound>) -> Void) {
        switch storage {
        case .none: break
        case .one(let range): body(range)
        case .many(let ranges): for range in ranges { body(range) }
        }
    }

    /// The number of intervals.
    public var intervalCount: Int {
        switch storage {
        case .none: 0
        case .one: 1
        case .many(let ranges): ranges.count
        }
    }

    /// The `index`th interval.
    private func interval(_ index: Int) -> ClosedRange<Bound> {
        switch storage {
        case .none: preconditionFailure("an empty interval set has no intervals")
        case .one(let range): range
        case .many(let ranges): ranges[index]
        }
    }

    /// The empty set.
    public init() {
        storage = .none
    }

    /// The set holding the values of `range`.
    public init(_ range: ClosedRange<Bound>) {
        storage = .one(range)
    }

    private init(_ builder: Builder) {
        storage = builder.storage
    }

    /// The union of `ranges`, which may overlap and come in any order.
    public init(_ ranges: some Sequence<ClosedRange<Bound>>) {
        var builder = Builder()
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) { builder.append(range) }
        storage = builder.storage
    }

    /// Collects intervals given in order of their lower bounds, joining those that overlap or
    /// touch, without a list until a second interval is kept.
    private struct Builder {
        var storage = Storage.none

        mutating func append(_ range: ClosedRange<Bound>) {
            switch storage {
            case .none:
                storage = .one(range)
            case .one(let last):
                if let joined = Self.joined(last, range) {
                    storage = .one(joined)
                } else {
                    storage = .many([last, range])
                }
            case .many(var ranges):
                storage = .none  // Leaves `ranges` uniquely referenced while it grows.
                if let last = ranges.last, let joined = Self.joined(last, range) {
                    ranges[ranges.count - 1] = joined
                } else {
                    ranges.append(range)
                }
                storage = .many(ranges)
            }
        }

        /// `last` and `next` (which starts no lower) as one interval, when they overlap or touch.
        private static func joined(_ last: ClosedRange<Bound>, _ next: ClosedRange<Bound>) -> ClosedRange<
            Bound
        >? {
            guard last.upperBound == Bound.max || next.lowerBound <= last.upperBound + 1 else { return nil }
            return next.upperBound > last.upperBound ? last.lowerBound...next.upperBound : last
        }
    }

    /// Every value of `Bound`.
    public static var full: IntervalSet { IntervalSet(Bound.min...Bound.max) }

    /// Whether the set holds no value.
    public var isEmpty: Bool {
        if case .none = storage { return true }
        return false
    }

    /// The smallest value, if any.
    public var first: Bound? {
        switch storage {
        case .none: nil
        case .one(let range): range.lowerBound
        case .many(let ranges): ranges.first?.lowerBound
        }
    }

    /// The largest value, if any.
    public var last: Bound? {
        switch storage {
        case .none: nil
        case .one(let range): range.upperBound
        case .many(let ranges): ranges.last?.upperBound
        }
    }

    /// Whether `value` is in the set (binary search).
    public func contains(_ value: Bound) -> Bool { overlaps(value...value) }

    /// Whether some value of `range` is in the set (binary search, no allocation).
    public func overlaps(_ range: ClosedRange<Bound>) -> Bool {
        switch storage {
        case .none:
            return false
        case .one(let only):
            return only.lowerBound <= range.upperBound && range.lowerBound <= only.upperBound
        case .many(let intervals):
            var low = 0
            var high = intervals.count
            while low < high {
                let middle = (low + high) / 2
                if intervals[middle].upperBound < range.lowerBound {
                    low = middle + 1
                } else {
                    high = middle
                }
            }
            return low < intervals.count && intervals[low].lowerBound <= range.upperBound
        }
    }

    /// Whether every value of `other` is in this set.
    public func isSuperset(of other: IntervalSet) -> Bool {
        other.subtracting(self).isEmpty
    }

    /// The values in either set: the two interval lists merged in order.
    public func union(_ other: IntervalSet) -> IntervalSet {
        if other.isEmpty || self == other { return self }
        if isEmpty { return other }
        var builder = Builder()
        var i = 0
        var j = 0
        let count = intervalCount
        let otherCount = other.intervalCount
        while i < count || j < otherCount {
            if j == otherCount || (i < count && interval(i).lowerBound <= other.interval(j).lowerBound) {
                builder.append(interval(i))
                i += 1
            } else {
                builder.append(other.interval(j))
                j += 1
            }
        }
        return IntervalSet(builder)
    }

    /// The values in both sets.
    public func intersection(_ other: IntervalSet) -> IntervalSet {
        var builder = Builder()
        var i = 0
        var j = 0
        let count = intervalCount
        let otherCount = other.intervalCount
        while i < count, j < otherCount {
            let a = interval(i)
            let b = other.interval(j)
            let low = max(a.lowerBound, b.lowerBound)
            let high = min(a.upperBound, b.upperBound)
            if low <= high { builder.append(low...high) }
            if a.upperBound < b.upperBound { i += 1 } else { j += 1 }
        }
        return IntervalSet(builder)
    }

    /// The values of this set that are not in `other`.
    public func subtracting(_ other: IntervalSet) -> IntervalSet {
        if other.isEmpty { return self }
        var builder = Builder()
        var j = 0
        let otherCount = other.intervalCount
        for index in 0..<intervalCount {
            let interval = interval(index)
            var low = interval.lowerBound
            var exhausted = false
            while j < otherCount, other.interval(j).upperBound < low { j += 1 }
            var k = j
            while k < otherCount, other.interval(k).lowerBound <= interval.upperBound {
                let cut = other.interval(k)
                if cut.lowerBound > low { builder.append(low...(cut.lowerBound - 1)) }
                if cut.upperBound >= interval.upperBound {
                    exhausted = true
                    break
                }
                low = cut.upperBound + 1
                k += 1
            }
            if !exhausted { builder.append(low...interval.upperBound) }
        }
        return IntervalSet(builder)
    }

    /// The intervals as `5432, 8000-8080`.
    public var rangeList: String {
        intervals.map {
            $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)"
        }
        .joined(separator: ", ")
    }

    /// The number of values, saturating at `UInt64.max`.
    public var count: UInt64 {
        (0..<intervalCount).reduce(0) { total, index in
            let range = interval(index)
            let (sum, overflow) = total.addingReportingOverflow(
                UInt64(range.upperBound - range.lowerBound) + 1)
            return overflow ? UInt64.max : sum
        }
    }
}
