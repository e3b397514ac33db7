import ReachNetwork

/// Where a change to the status of VPC peering connections can change an answer: walks routed to
/// a changed connection (S-GW-3: only an active one forwards), and security group checks in one
/// of its VPCs of a peer held in the other, since a rule may name a group across an active
/// peering only (S-SG-2).
struct PeeringDelta: FootprintDelta {
    /// The changed connections (graph indices), each with its two VPCs as (here, there) both
    /// ways round and the private IPs of the interfaces in `there`: group memberships count only
    /// for those (S-SG-2). Found once rather than per destination.
    private let changed: [(connection: Int, sides: [(here: Int, heldThere: Set<IPv4Address>)])]

    init(before: ForwardingGraph, edits: GraphEdits) {
        changed = edits.peerings.map { connection in
            let (a, b) = (before.peerings[connection].requester, before.peerings[connection].accepter)
            let sides = [(a, b), (b, a)].map { here, there in
                var held: Set<IPv4Address> = []
                for interface in before.interfaces where before.subnets[interface.subnet].vpc == there {
                    held.formUnion(interface.privateIPs)
                }
                return (here, held)
            }
            return (connection, sides)
        }
    }

    var isEmpty: Bool { changed.isEmpty }

    func markTouched(
        _ touched: inout [Bool], in index: FootprintIndex, graph: ForwardingGraph, classes: AddressClasses
    ) {
        for (connection, sides) in changed {
            for batch in index.peeringUses[connection] ?? [] { touched[Int(batch)] = true }
            for (here, heldThere) in sides {
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
