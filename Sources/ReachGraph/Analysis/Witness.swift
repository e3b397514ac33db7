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

extension ReachabilityAnalyzer {
    /// The hop-by-hop path of `witness`, traced concretely (AWS's first AZ pick where it picks).
    public func trace(_ witness: Witness) -> FlowTrace {
        witness.route.trace(witness.packet, over: graph)
    }
}
