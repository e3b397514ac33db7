import ReachModel
import ReachNetwork

/// One concrete flow that shows an answer: a packet from a source to a destination that the
/// concrete tracer can follow hop by hop.
public struct Witness: Hashable, Sendable {
    /// The request packet.
    public let packet: Packet
    /// Where it goes from and to, and the DB address assumed on the way (AWS's first AZ pick).
    let route: TraceReplay
}

extension Witness {
    /// The same flow from `interface`, at `address`, instead of `representative`: interfaces
    /// grouped with it take the same path and meet the same rules.
    func standing(in representative: Int, for interface: Int, at address: IPv4Address) -> Witness {
        guard interface != representative, route.source == .interface(representative) else { return self }
        var request = packet
        request.source = address
        return Witness(
            packet: request,
            route: TraceReplay(
                source: .interface(interface), destination: route.destination,
                assumedAddress: route.assumedAddress, assumedInterface: route.assumedInterface,
                zoneChoice: route.zoneChoice))
    }

    /// The flow as it stands for `identity`, one of the sources at `addresses` that a walk from
    /// `representative` answered (a group of interfaces); as it is for any other source.
    func standing(for identity: SourceIdentity, at addresses: IPv4AddressSet, answeredBy representative: Int?)
        -> Witness
    {
        guard let representative, case .interface(let interface) = identity, let address = addresses.first
        else { return self }
        return standing(in: representative, for: interface, at: address)
    }
}

extension Witness {
    /// The same flow with another protocol and port (an ICMP type goes in the port field, as
    /// ``Packet`` keeps it), from a source port common clients use.
    func carrying(_ sample: (proto: IPProtocolNumber, port: UInt16)) -> Witness {
        var request = packet
        request.protocolNumber = sample.proto
        request.sourcePort = sample.proto.hasPorts ? 49152 : 0
        request.destinationPort = sample.port
        return Witness(packet: request, route: route)
    }

    /// Several `candidates` (answers with their witnesses) as one answer, folded by `combine`
    /// (answers that must agree, or alternatives), with a witness of what the whole reaches
    /// with; unknown when there are none.
    static func combining(
        _ candidates: [(reach: FlowReach, witness: Witness?)], traffic: TrafficSet,
        _ combine: (FlowReach, FlowReach) -> FlowReach
    ) -> (reach: FlowReach, witness: Witness?) {
        guard let first = candidates.first else { return (.allUnknown(.unknownResource), nil) }
        if candidates.count == 1 { return first }
        let reach = candidates.dropFirst().reduce(first.reach) { combine($0, $1.reach) }
        return (reach, chosen(for: reach, among: candidates, traffic: traffic))
    }

    /// The witness of `combined`, an answer made of several `candidates` (the addresses of one
    /// endpoint, or the members of a destination, each with its answer and witness): a packet
    /// of the traffic (within `traffic`) that `combined` reaches with, else of its unknown
    /// traffic, sent the way of the first candidate it reaches, else of the first it might.
    /// A candidate's own witness may show traffic the combined answer does not reach with
    /// (answers that must agree reach only with what every one reaches with).
    static func chosen(
        for combined: FlowReach, among candidates: [(reach: FlowReach, witness: Witness?)],
        traffic: TrafficSet
    ) -> Witness? {
        let shown = traffic == .all ? combined : combined.restricted(to: traffic)
        guard let sample = shown.sample else { return nil }
        let carrier =
            candidates.first {
                $0.witness != nil && $0.reach.reachable.contains(sample.proto, port: sample.port)
            }
            ?? candidates.first {
                $0.witness != nil && $0.reach.unknown.contains(sample.proto, port: sample.port)
            }
        return carrier?.witness?.carrying(sample)
    }
}

extension ReachabilityAnalyzer {
    /// The hop-by-hop path of `witness`, traced concretely (AWS's first AZ pick where it picks).
    public func trace(_ witness: Witness) -> FlowTrace {
        witness.route.trace(witness.packet, over: graph)
    }
}
