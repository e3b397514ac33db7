import ReachNetwork

/// What every source's answer rests on, indexed for the edits that can change it: for each
/// security group direction, and each subnet's network ACL direction, the sources whose walks
/// met it and the peer it judged for them; for each subnet and transit gateway attachment, the
/// sources whose walks made a route lookup there and the address looked up; for each peering
/// connection, the sources routed to it. An edit then looks up only what it changed (see
/// ``FootprintDelta``).
struct FootprintIndex {
    /// One filter met, or one route lookup made, by the sources of one answer.
    struct Entry {
        /// The answer's sources, at ``FootprintIndex/sources``.
        let batch: Int32
        /// The interface whose groups judged it (-1 for a network ACL or a route lookup).
        let interface: Int32
        /// The address judged, or looked up.
        let peer: IPv4Address
        let assumesAddress: Bool
    }

    /// The sources of each answer indexed.
    private(set) var sources: [[SourceIdentity]] = []
    /// Entries per security group direction (`group * 2 + 1` for ingress).
    private(set) var securityGroups: [Int: [Entry]] = [:]
    /// Network ACL entries per subnet and direction (`subnet * 2 + 1` for outbound): by subnet,
    /// so that an edit finds them whether it changes an ACL's entries or which ACL a subnet has.
    private(set) var networkACLs: [Int: [Entry]] = [:]
    /// Route lookups per subnet, whatever its route table (`interface` is -1).
    private(set) var subnetLookups: [Int: [Entry]] = [:]
    /// Transit gateway route lookups per attachment, whatever its table (`interface` is -1).
    private(set) var attachmentLookups: [Int: [Entry]] = [:]
    /// The answers whose walks were routed to each peering connection.
    private(set) var peeringUses: [Int: [Int32]] = [:]
    /// Security group checks per VPC of the interface judged (once per check, not per group),
    /// for a peering connection's status, which decides whether its VPCs' rules may name each
    /// other's groups.
    private(set) var groupChecksByVPC: [Int: [Entry]] = [:]
    /// Answers that rest on port-by-port tracing, which any edit may change.
    private(set) var opaqueBatches: [Int32] = []

    /// Indexes `footprint`, the footprint of one answer shared by `identities`.
    mutating func add(_ footprint: AnswerFootprint, for identities: [SourceIdentity], graph: ForwardingGraph)
    {
        let batch = Int32(sources.count)
        sources.append(identities)
        if footprint.isOpaque { opaqueBatches.append(batch) }
        for walked in footprint.walks {
            for lookup in walked.lookups {
                switch lookup {
                case .vpc(let subnet, let address):
                    subnetLookups[subnet, default: []].append(
                        Entry(
                            batch: batch, interface: -1, peer: address, assumesAddress: walked.assumesAddress)
                    )
                case .transitGateway(let attachment, let address):
                    attachmentLookups[attachment, default: []].append(
                        Entry(
                            batch: batch, interface: -1, peer: address, assumesAddress: walked.assumesAddress)
                    )
                case .peering(let connection):
                    peeringUses[connection, default: []].append(batch)
                }
            }
            for recorded in walked.checks {
                // A check the stand-in does not meet (a walked interface's groups, for a host).
                guard let check = walked.substitution.map({ $0.apply(to: recorded) }) ?? recorded else {
                    continue
                }
                switch check {
                case .networkACL(let subnet, let outbound, let peer, _):
                    networkACLs[subnet * 2 + (outbound ? 1 : 0), default: []].append(
                        Entry(batch: batch, interface: -1, peer: peer, assumesAddress: walked.assumesAddress))
                case .securityGroups(let interface, let facing, let peer):
                    let entry = Entry(
                        batch: batch, interface: Int32(interface), peer: peer,
                        assumesAddress: walked.assumesAddress)
                    for group in graph.interfaces[interface].securityGroups {
                        securityGroups[group * 2 + (facing == .ingress ? 1 : 0), default: []].append(entry)
                    }
                    let vpc = graph.subnets[graph.interfaces[interface].subnet].vpc
                    groupChecksByVPC[vpc, default: []].append(entry)
                }
            }
        }
    }

    /// The sources whose answers `deltas` may change (over `graph`, the graph before the edits,
    /// with its address `classes`); with any edit, those that rest on port-by-port tracing too.
    func touchedSources(by deltas: [any FootprintDelta], graph: ForwardingGraph, classes: AddressClasses)
        -> Set<SourceIdentity>
    {
        guard deltas.contains(where: { !$0.isEmpty }) else { return [] }
        var touched = [Bool](repeating: false, count: sources.count)
        for batch in opaqueBatches { touched[Int(batch)] = true }
        for delta in deltas { delta.markTouched(&touched, in: self, graph: graph, classes: classes) }
        var result: Set<SourceIdentity> = []
        for (batch, isTouched) in touched.enumerated() where isTouched {
            result.formUnion(sources[batch])
        }
        return result
    }
}
