/// An exact set of unsigned integers stored as sorted, disjoint, non-adjacent closed intervals.
///
/// The building block of address and port sets: union, intersection and difference are
/// linear merges over the interval lists.
public struct IntervalSet<Bound: FixedWidthInteger & UnsignedInteger & Sendable>: Hashable, Sendable {
    /// The intervals, sorted, disjoint and never touching.
    public private(set) var intervals: [ClosedRange<Bound>]

    /// The empty set.
    public init() {
        intervals = []
    }

    /// The set holding the values of `range`.
    public init(_ range: ClosedRange<Bound>) {
        intervals = [range]
    }

    /// The union of `ranges`, which may overlap and come in any order.
    public init(_ ranges: some Sequence<ClosedRange<Bound>>) {
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<Bound>] = []
        merged.reserveCapacity(sorted.count)
        for range in sorted {
            if let last = merged.last, last.upperBound == Bound.max || range.lowerBound <= last.upperBound + 1
            {
                if range.upperBound > last.upperBound {
                    merged[merged.count - 1] = last.lowerBound...range.upperBound
                }
            } else {
                merged.append(range)
            }
        }
        intervals = merged
    }

    /// Every value of `Bound`.
    public static var full: IntervalSet { IntervalSet(Bound.min...Bound.max) }

    /// Whether the set holds no value.
    public var isEmpty: Bool { intervals.isEmpty }

    /// The smallest value, if any.
    public var first: Bound? { intervals.first?.lowerBound }

    /// Whether `value` is in the set (binary search).
    public func contains(_ value: Bound) -> Bool { overlaps(value...value) }

    /// Whether some value of `range` is in the set (binary search, no allocation).
    public func overlaps(_ range: ClosedRange<Bound>) -> Bool {
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

    /// Whether every value of `other` is in this set.
    public func isSuperset(of other: IntervalSet) -> Bool {
        other.subtracting(self).isEmpty
    }

    /// The values in either set.
    public func union(_ other: IntervalSet) -> IntervalSet {
        IntervalSet(intervals + other.intervals)
    }

    /// The values in both sets.
    public func intersection(_ other: IntervalSet) -> IntervalSet {
        var result: [ClosedRange<Bound>] = []
        var i = 0
        var j = 0
        while i < intervals.count, j < other.intervals.count {
            let a = intervals[i]
            let b = other.intervals[j]
            let low = max(a.lowerBound, b.lowerBound)
            let high = min(a.upperBound, b.upperBound)
            if low <= high { result.append(low...high) }
            if a.upperBound < b.upperBound { i += 1 } else { j += 1 }
        }
        var set = IntervalSet()
        set.intervals = result
        return set
    }

    /// The values of this set that are not in `other`.
    public func subtracting(_ other: IntervalSet) -> IntervalSet {
        var result: [ClosedRange<Bound>] = []
        var j = 0
        for interval in intervals {
            var low = interval.lowerBound
            var exhausted = false
            while j < other.intervals.count, other.intervals[j].upperBound < low { j += 1 }
            var k = j
            while k < other.intervals.count, other.intervals[k].lowerBound <= interval.upperBound {
                let cut = other.intervals[k]
                if cut.lowerBound > low { result.append(low...(cut.lowerBound - 1)) }
                if cut.upperBound >= interval.upperBound {
                    exhausted = true
                    break
                }
                low = cut.upperBound + 1
                k += 1
            }
            if !exhausted { result.append(low...interval.upperBound) }
        }
        var set = IntervalSet()
        set.intervals = result
        return set
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
        intervals.reduce(0) { total, range in
            let (sum, overflow) = total.addingReportingOverflow(
                UInt64(range.upperBound - range.lowerBound) + 1)
            return overflow ? UInt64.max : sum
        }
    }
}
