import ReachNetwork

/// What every source's answer rests on, indexed by filter: for each security group direction
/// and network ACL direction, the sources whose walks met it and the peer it judged for them.
/// An edit then looks up only the filters it changed (see ``FilterDelta``).
struct FootprintIndex {
    /// One filter met by the sources of one answer.
    struct Entry {
        /// The answer's sources, at ``FootprintIndex/sources``.
        let batch: Int32
        /// The interface whose groups judged it (-1 for a network ACL).
        let interface: Int32
        let peer: IPv4Address
        let assumesAddress: Bool
    }

    /// The sources of each answer indexed.
    private(set) var sources: [[SourceIdentity]] = []
    /// Entries per security group direction (`group * 2 + 1` for ingress).
    private(set) var securityGroups: [Int: [Entry]] = [:]
    /// Entries per network ACL direction (`acl * 2 + 1` for outbound).
    private(set) var networkACLs: [Int: [Entry]] = [:]
    /// Answers that rest on port-by-port tracing, which any edit may change.
    private(set) var opaqueBatches: [Int32] = []

    /// Indexes `footprint`, the footprint of one answer shared by `identities`.
    mutating func add(_ footprint: AnswerFootprint, for identities: [SourceIdentity], graph: ForwardingGraph)
    {
        let batch = Int32(sources.count)
        sources.append(identities)
        if footprint.isOpaque { opaqueBatches.append(batch) }
        for walked in footprint.walks {
            for recorded in walked.checks {
                switch walked.substitution?.apply(to: recorded) ?? recorded {
                case .networkACL(let subnet, let outbound, let peer, _):
                    let acl = graph.subnets[subnet].networkACL
                    guard acl >= 0 else { continue }
                    networkACLs[acl * 2 + (outbound ? 1 : 0), default: []].append(
                        Entry(batch: batch, interface: -1, peer: peer, assumesAddress: walked.assumesAddress))
                case .securityGroups(let interface, let facing, let peer):
                    let entry = Entry(
                        batch: batch, interface: Int32(interface), peer: peer,
                        assumesAddress: walked.assumesAddress)
                    for group in graph.interfaces[interface].securityGroups {
                        securityGroups[group * 2 + (facing == .ingress ? 1 : 0), default: []].append(entry)
                    }
                }
            }
        }
    }
}
