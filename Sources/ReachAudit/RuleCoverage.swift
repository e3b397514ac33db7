import ReachModel
import ReachNetwork

/// Exact set algebra over (source or destination address, traffic) pairs, for the rule
/// hygiene checks: which rules other rules cover, and what an ordered ACL lets through.
///
/// The address axis is cut at every rule's block boundaries; within one piece every rule
/// either holds all addresses or none, so comparing traffic sets piece by piece is exact.
enum RuleCoverage {
    /// A rule's match: an address block and the traffic it matches.
    struct Box {
        let block: IPv4Prefix
        let traffic: TrafficSet
    }

    /// The traffic of a match as a coverer: ICMP matches naming a code cover nothing, since
    /// ``TrafficSet`` tracks ICMP by type with code 0 only and would overstate them.
    static func coveringTraffic(_ match: ProtocolMatch) -> TrafficSet {
        if case .icmp(_, .some) = match { return .empty }
        return TrafficSet(match)
    }

    /// Whether a match can be checked for being covered (ICMP matches naming a code cannot).
    static func isComparable(_ match: ProtocolMatch) -> Bool {
        if case .icmp(_, .some) = match { return false }
        return true
    }

    /// Whether every pair of `subject` is in one of `boxes`.
    static func isCovered(_ subject: Box, by boxes: [Box]) -> Bool {
        if subject.traffic.isEmpty { return false }
        let relevant = boxes.filter { $0.block.overlaps(subject.block) && !$0.traffic.isEmpty }
        for piece in pieces(of: subject.block.range, cutBy: relevant.map(\.block)) {
            var union = TrafficSet.empty
            for box in relevant where box.block.range.contains(piece) { union = union.union(box.traffic) }
            if !subject.traffic.subtracting(union).isEmpty { return false }
        }
        return true
    }

    /// Whether an ordered list of allow/deny boxes (first match decides, the rest is denied)
    /// allows every pair of every address.
    static func allowsEverything(_ entries: [(box: Box, allows: Bool)]) -> Bool {
        for piece in pieces(of: IPv4Prefix.all.range, cutBy: entries.map(\.box.block)) {
            var decided = TrafficSet.empty
            var allowed = TrafficSet.empty
            for entry in entries where entry.box.block.range.contains(piece) {
                if entry.allows { allowed = allowed.union(entry.box.traffic.subtracting(decided)) }
                decided = decided.union(entry.box.traffic)
            }
            if allowed != .all { return false }
        }
        return true
    }

    /// The first address of each piece of `range` when cut at the edges of `blocks`.
    private static func pieces(of range: ClosedRange<UInt32>, cutBy blocks: [IPv4Prefix]) -> [UInt32] {
        var cuts: Set<UInt32> = [range.lowerBound]
        for block in blocks {
            let edges = block.range
            if range.contains(edges.lowerBound) { cuts.insert(edges.lowerBound) }
            if edges.upperBound < range.upperBound, range.contains(edges.upperBound + 1) {
                cuts.insert(edges.upperBound + 1)
            }
        }
        return cuts.sorted()
    }
}
