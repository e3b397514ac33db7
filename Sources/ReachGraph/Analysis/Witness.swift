import ReachModel
import ReachNetwork

/// One concrete flow that shows an answer: a packet from a source to a destination that the
/// concrete tracer can follow hop by hop.
public struct Witness: Hashable, Sendable {
    /// The request packet.
    public let packet: Packet
    let source: TracePlace
    let destination: TracePlace
    let assumedAddress: IPv4Address?
    let assumedInterface: Int?
}

extension ReachabilityAnalyzer {
    /// The hop-by-hop path of `witness`, traced concretely (AWS's first AZ pick where it picks).
    public func trace(_ witness: Witness) -> FlowTrace {
        let assumed = zip(witness.assumedAddress, witness.assumedInterface)
        var tracer = FlowTracer(graph: graph, assumedAddress: assumed)
        return tracer.trace(witness.packet, from: witness.source, to: witness.destination)
    }
}

/// Both values, when both are present.
func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
