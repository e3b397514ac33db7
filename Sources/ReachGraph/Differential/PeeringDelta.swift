import ReachNetwork

/// Where a change to the status of VPC peering connections can change an answer: walks routed to
/// a changed connection (S-GW-3: only an active one forwards), and security group checks in one
/// of its VPCs of a peer held in the other, since a rule may name a group across an active
/// peering only (S-SG-2).
struct PeeringDelta: FootprintDelta {
    /// The changed connections (graph indices) with the two VPCs each joins.
    private let changed: [(connection: Int, vpcs: (Int, Int))]

    init(before: ForwardingGraph, edits: GraphEdits) {
        changed = edits.peerings.map { ($0, (before.peerings[$0].requester, before.peerings[$0].accepter)) }
    }

    var isEmpty: Bool { changed.isEmpty }

    func markTouched(
        _ touched: inout [Bool], in index: FootprintIndex, graph: ForwardingGraph, classes: AddressClasses
    ) {
        for (connection, (a, b)) in changed {
            for batch in index.peeringUses[connection] ?? [] { touched[Int(batch)] = true }
            for (here, there) in [(a, b), (b, a)] {
                // Group memberships count only for private IPs of interfaces (S-SG-2).
                var heldThere: Set<IPv4Address> = []
                for interface in graph.interfaces where graph.subnets[interface.subnet].vpc == there {
                    heldThere.formUnion(interface.privateIPs)
                }
                for entry in index.groupChecksByVPC[here] ?? []
                where entry.assumesAddress || heldThere.contains(entry.peer) {
                    touched[Int(entry.batch)] = true
                }
            }
        }
    }
}

/// What an edit changed, as far as recorded footprints can tell: which answers it may touch.
protocol FootprintDelta {
    /// Whether the edit changed nothing this delta looks at.
    var isEmpty: Bool { get }

    /// Marks the answers in `index` (over `graph`, the graph before the edit, with its address
    /// `classes`) that the edit may change.
    func markTouched(
        _ touched: inout [Bool], in index: FootprintIndex, graph: ForwardingGraph, classes: AddressClasses)
}
