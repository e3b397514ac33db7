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

extension ReachabilityAnalyzer {
    /// The hop-by-hop path of `witness`, traced concretely (AWS's first AZ pick where it picks).
    public func trace(_ witness: Witness) -> FlowTrace {
        witness.route.trace(witness.packet, over: graph)
    }
}
