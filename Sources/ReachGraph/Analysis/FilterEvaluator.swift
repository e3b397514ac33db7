import ReachModel
import ReachNetwork

/// Evaluates recorded filters for every protocol and port at once: a network ACL or a set of
/// security groups, judged for fixed addresses, becomes the ``TrafficSet`` it lets through.
///
/// Results are cached by the peer's class among the filter's own CIDRs: between two of them only
/// group references can tell peers apart, and those are checked per peer. A filter has a few
/// dozen CIDRs where the graph has thousands, so peers in many subnets share a class and a
/// result, kept by position (``FilterLayout``), or under a ``ClassKey`` for a peer that carries
/// a group the rules refer to. Behind that, results are cached by which entries or rules
/// matched. Every distinct result is interned as a small integer, so that whole paths can be
/// cached by the results of their filters.
struct FilterEvaluator {
    let graph: ForwardingGraph
    let shapes: FilterShapes
    /// An address assumed for a DB endpoint whose address the input does not give.
    var assumed: (address: IPv4Address, interface: Int)?

    /// Every distinct traffic set met, by id.
    private(set) var sets: [TrafficSet] = [.empty, .all]
    private var ids: [TrafficSet: Int] = [.empty: 0, .all: 1]
    private var aclCache: [MatchKey: Int] = [:]
    private var groupCache: [MatchKey: Int] = [:]
    /// The union of two interned sets, by their ids (the lower id in the high half).
    private var unionCache: [UInt64: Int] = [:]
    private var ruleSets: [ProtocolMatch: TrafficSet] = [:]
    /// Results of group directions for peers that carry one of the groups the rules refer to.
    private var groupClassCache: [ClassKey: Int] = [:]
    /// Where the facts of each ACL direction (at `acl * 2 + direction`) are kept, found when
    /// first needed.
    private var aclLayouts: [FilterLayout?]
    /// The same for each group direction (at `group * 2 + direction`).
    private var groupLayouts: [FilterLayout?]
    /// The boundaries of every filter direction met, each filter's sorted, one after another.
    private var boundaryStorage: [UInt32] = []
    /// The groups each group direction met refers to, one after another.
    private var referenceStorage: [Int] = []
    /// Each filter direction's result per peer class, for peers that carry none of the groups
    /// it refers to (-1 until judged): looked up by position, without hashing, for the
    /// thousands of checks a question judges.
    private var classResults: [Int32] = []

    /// What a peer's result for one ACL or group direction depends on, kept in the flat arrays
    /// above: its class among the filter's own address boundaries, and which of the groups the
    /// rules refer to it carries.
    private struct FilterLayout {
        /// The ends of every address block an entry or rule names, sorted, in ``boundaryStorage``.
        let boundaries: Range<Int>
        /// The distinct groups the rules refer to, in order of first use, in ``referenceStorage``.
        let references: Range<Int>
        /// Where the results per peer class start in ``classResults``.
        let results: Int
        /// Whether the input describes the filter (a group it does not may allow anything).
        var isKnown = true
    }

    /// The id of the empty set.
    static let nothing = 0
    /// The id of all traffic.
    static let everything = 1

    /// Which entries or rules of one ACL direction or group matched, by position; `shape`
    /// from ``FilterShapes``, so that look-alike filters share results.
    private struct MatchKey: Hashable {
        let shape: Int
        let direction: Int
        let matched: [UInt64]
    }

    /// One ACL direction or group, judged for any peer of one class among the filter's own
    /// boundaries that carries exactly the referenced groups marked in `references` (bit `i`:
    /// the `i`th group the rules refer to).
    private struct ClassKey: Hashable {
        let filter: Int
        let direction: Int
        let peerClass: Int
        let references: UInt64
    }

    init(
        graph: ForwardingGraph, shapes: FilterShapes, assumed: (address: IPv4Address, interface: Int)? = nil
    ) {
        self.graph = graph
        self.shapes = shapes
        self.assumed = assumed
        groupLayouts = Array(repeating: nil, count: graph.securityGroups.count * 2)
        aclLayouts = Array(repeating: nil, count: graph.networkACLs.count * 2)
    }

    /// What a filter lets through, as interned ids: `allowed` for certain, `notDenied`
    /// including what rules the input lacks might allow.
    struct Admitted: Hashable {
        var allowed: Int
        var notDenied: Int
        var unknownReason: ReasonCode?
    }

    mutating func evaluate(_ check: FilterCheck) -> Admitted {
        switch check {
        case .networkACL(let subnet, let outbound, let peer, _):
            let acl = graph.subnets[subnet].networkACL
            guard acl >= 0 else {
                return Admitted(
                    allowed: Self.nothing, notDenied: Self.everything, unknownReason: .unknownResource)
            }
            let allowed = networkACL(acl, outbound: outbound, peer: peer)
            return Admitted(allowed: allowed, notDenied: allowed)
        case .securityGroups(let interface, let facing, let peer):
            return securityGroups(of: interface, facing: facing, peer: peer)
        }
    }

    private mutating func intern(_ set: TrafficSet) -> Int {
        if let id = ids[set] { return id }
        ids[set] = sets.count
        sets.append(set)
        return sets.count - 1
    }

    private mutating func traffic(of match: ProtocolMatch) -> TrafficSet {
        if let cached = ruleSets[match] { return cached }
        let set = TrafficSet(match)
        ruleSets[match] = set
        return set
    }

    private static func isSet(_ matched: [UInt64], _ position: Int) -> Bool {
        matched[position / 64] & (1 << UInt64(position % 64)) != 0
    }

    /// S-NACL-2: entries in rule-number order; the first that matches a packet decides it.
    private mutating func networkACL(_ index: Int, outbound: Bool, peer: IPv4Address) -> Int {
        let layout = self.layout(ofACL: index, outbound: outbound)
        let slot = layout.results + peerClass(of: peer, among: layout.boundaries)
        if classResults[slot] >= 0 { return Int(classResults[slot]) }
        let id = matchedNetworkACL(index, outbound: outbound, peer: peer)
        classResults[slot] = Int32(id)
        return id
    }

    private mutating func matchedNetworkACL(_ index: Int, outbound: Bool, peer: IPv4Address) -> Int {
        let entries = graph.networkACLs[index].entries(outbound: outbound)
        var matched = [UInt64](repeating: 0, count: (entries.count + 63) / 64)
        for (position, entry) in entries.enumerated() where entry.prefix.contains(peer) {
            matched[position / 64] |= 1 << UInt64(position % 64)
        }
        let key = MatchKey(
            shape: shapes.networkACL(index, outbound: outbound), direction: outbound ? 1 : 0, matched: matched
        )
        if let cached = aclCache[key] { return cached }
        var remaining = TrafficSet.all
        var allowed = TrafficSet.empty
        for (position, entry) in entries.enumerated() where Self.isSet(matched, position) {
            let hit = remaining.intersection(traffic(of: entry.match))
            if hit.isEmpty { continue }
            if entry.action == .allow { allowed = allowed.union(hit) }
            remaining = remaining.subtracting(hit)
            if remaining.isEmpty { break }
        }
        let id = intern(allowed)
        aclCache[key] = id
        return id
    }

    /// S-SG-1: the union of the rules of every group on the interface that match the peer; a
    /// group the input does not describe may allow anything.
    private mutating func securityGroups(of index: Int, facing: TrafficDirection, peer: IPv4Address)
        -> Admitted
    {
        // The groups are read from the graph's one list of every interface's, not from the
        // interface's own list, and whether a group is known from its layout, not from the
        // group: for thousands of sources per question, each would be a cache miss.
        let places = graph.interfaceSecurityGroups.places(of: index)
        guard !places.isEmpty else {
            return Admitted(allowed: Self.everything, notDenied: Self.everything)
        }
        let here = graph.subnets[graph.interfaces[index].subnet].vpc
        var allowed: Int?
        var anyUnknown = false
        // The peer's interfaces, looked up once for every group its rules refer to.
        var holders: PrivateAddressIndex.Holders?
        for place in places {
            let group = graph.interfaceSecurityGroups[place]
            let layout = self.layout(ofGroup: group, facing)
            if !layout.isKnown { anyUnknown = true }
            let peerClass = peerClass(of: peer, among: layout.boundaries)
            var classKey: ClassKey?
            var slot: Int?
            if layout.references.count <= 64 {
                var mask: UInt64 = 0
                if !layout.references.isEmpty {
                    let found = holders ?? graph.privateAddressHolders.holders(of: peer)
                    holders = found
                    for position in layout.references
                    where graph.address(
                        peer, holders: found, carries: referenceStorage[position], seenFrom: here,
                        assumed: assumed)
                    {
                        mask |= 1 << UInt64(position - layout.references.lowerBound)
                    }
                }
                if mask == 0 {
                    let classSlot = layout.results + peerClass
                    if classResults[classSlot] >= 0 {
                        allowed = unite(allowed, Int(classResults[classSlot]))
                        continue
                    }
                    slot = classSlot
                } else {
                    let key = ClassKey(
                        filter: group, direction: facing == .ingress ? 1 : 0, peerClass: peerClass,
                        references: mask)
                    if let cached = groupClassCache[key] {
                        allowed = unite(allowed, cached)
                        continue
                    }
                    classKey = key
                }
            }
            let rules = graph.securityGroups[group].rules(facing)
            var matched = [UInt64](repeating: 0, count: (rules.count + 63) / 64)
            for (position, rule) in rules.enumerated() where peerMatches(rule.peer, peer, here) {
                matched[position / 64] |= 1 << UInt64(position % 64)
            }
            let key = MatchKey(
                shape: shapes.securityGroup(group, facing), direction: facing == .ingress ? 1 : 0,
                matched: matched)
            if let cached = groupCache[key] {
                remember(cached, at: slot, classKey)
                allowed = unite(allowed, cached)
                continue
            }
            var admitted = TrafficSet.empty
            for (position, rule) in rules.enumerated() where Self.isSet(matched, position) {
                admitted = admitted.union(traffic(of: rule.match))
            }
            let id = intern(admitted)
            groupCache[key] = id
            remember(id, at: slot, classKey)
            allowed = unite(allowed, id)
        }
        let result = allowed ?? Self.nothing
        if anyUnknown {
            return Admitted(allowed: result, notDenied: Self.everything, unknownReason: .unknownResource)
        }
        return Admitted(allowed: result, notDenied: result)
    }

    /// The id of the union of the sets `first` (nil for none yet) and `second`.
    private mutating func unite(_ first: Int?, _ second: Int) -> Int {
        guard let first, first != second else { return second }
        let key = UInt64(min(first, second)) << 32 | UInt64(max(first, second))
        if let cached = unionCache[key] { return cached }
        let id = intern(sets[first].union(sets[second]))
        unionCache[key] = id
        return id
    }

    /// Keeps a group direction's result for a class of peers: by position for peers that carry
    /// none of the referenced groups, by key for the others.
    private mutating func remember(_ id: Int, at slot: Int?, _ classKey: ClassKey?) {
        if let slot { classResults[slot] = Int32(id) }
        if let classKey { groupClassCache[classKey] = id }
    }

    /// Where an ACL direction's boundaries and results are kept.
    private mutating func layout(ofACL acl: Int, outbound: Bool) -> FilterLayout {
        let key = acl * 2 + (outbound ? 1 : 0)
        if let known = aclLayouts[key] { return known }
        let blocks = graph.networkACLs[acl].entries(outbound: outbound).map {
            $0.prefix.network.value...$0.prefix.lastAddress.value
        }
        let found = store(boundaries: Self.boundaries(of: blocks), references: [])
        aclLayouts[key] = found
        return found
    }

    /// Where a group direction's boundaries, referenced groups and results are kept: the
    /// groups its rules refer to and the blocks they name, found in one pass over the rules.
    private mutating func layout(ofGroup group: Int, _ facing: TrafficDirection) -> FilterLayout {
        let key = group * 2 + (facing == .ingress ? 1 : 0)
        if let known = groupLayouts[key] { return known }
        var referenced: [Int] = []
        var blocks: [ClosedRange<UInt32>] = []
        for rule in graph.securityGroups[group].rules(facing) {
            switch rule.peer {
            case .group(let other): if !referenced.contains(other) { referenced.append(other) }
            case .addresses(let set):
                set.storage.forEachInterval { blocks.append($0) }
            case .never: break
            }
        }
        var found = store(boundaries: Self.boundaries(of: blocks), references: referenced)
        found.isKnown = graph.securityGroups[group].isKnown
        groupLayouts[key] = found
        return found
    }

    /// Appends one filter direction's facts to the flat arrays, with a result slot per peer class.
    private mutating func store(boundaries: [UInt32], references: [Int]) -> FilterLayout {
        let layout = FilterLayout(
            boundaries: boundaryStorage.count..<(boundaryStorage.count + boundaries.count),
            references: referenceStorage.count..<(referenceStorage.count + references.count),
            results: classResults.count)
        boundaryStorage += boundaries
        referenceStorage += references
        classResults += repeatElement(-1, count: boundaries.count + 1)
        return layout
    }

    /// Where each of `blocks` starts and where it ends (the address after), sorted, each once
    /// (sorted in place rather than hashed: a filter names a few dozen blocks).
    private static func boundaries(of blocks: [ClosedRange<UInt32>]) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(blocks.count * 2)
        for range in blocks {
            result.append(range.lowerBound)
            if range.upperBound != UInt32.max { result.append(range.upperBound + 1) }
        }
        result.sort()
        var kept = 0
        for index in result.indices where kept == 0 || result[kept - 1] != result[index] {
            result[kept] = result[index]
            kept += 1
        }
        result.removeLast(result.count - kept)
        return result
    }

    /// The class of `address` among one filter's `boundaries` (a range of ``boundaryStorage``):
    /// equal classes, equal membership in every block. The number of boundaries at or below it.
    private func peerClass(of address: IPv4Address, among boundaries: Range<Int>) -> Int {
        // Searched in place: a slice of the shared list would count a reference to it, for
        // each of the checks a question judges.
        var low = boundaries.lowerBound
        var high = boundaries.upperBound
        while low < high {
            let middle = (low + high) / 2
            if boundaryStorage[middle] > address.value { high = middle } else { low = middle + 1 }
        }
        return low - boundaries.lowerBound
    }

    private func peerMatches(_ peer: CompiledPeer, _ address: IPv4Address, _ vpc: Int) -> Bool {
        switch peer {
        case .addresses(let set): set.contains(address)
        case .never: false
        case .group(let group): graph.address(address, carries: group, seenFrom: vpc, assumed: assumed)
        }
    }
}
