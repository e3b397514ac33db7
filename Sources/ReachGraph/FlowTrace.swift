import ReachNetwork

/// The concrete trace of one packet and its reply through the forwarding graph.
public struct FlowTrace: Hashable, Sendable {
    /// Creates a trace.
    public init(
        request: Packet?, hops: [PathHop], blockers: [Blocker], unknown: Blocker?, notes: [String] = [],
        zoneChoices: Int = 1
    ) {
        self.request = request
        hopSource = HopSource(kept: hops)
        self.blockers = blockers
        self.unknown = unknown
        self.notes = notes
        self.zoneChoices = zoneChoices
    }

    /// The request as the source sent it; nil when the answer needed no trace (the
    /// destination has no address the source could use).
    public var request: Packet?
    /// Every hop, request then reply. A trace made quietly and kept as an answer traces
    /// itself again to give them, each time they are read: most answers (a CI run's passing
    /// assertions) never show their path, and its text costs more than the trace.
    public var hops: [PathHop] {
        get { hopSource.hops }
        set { hopSource = HopSource(kept: newValue) }
    }
    /// Where ``hops`` come from.
    var hopSource: HopSource
    /// Every blocker met, in path order. The tracer goes on past filters that deny (as if
    /// they allowed) so that all of them are named; it stops where no next hop exists.
    public var blockers: [Blocker]
    /// Why the trace could not finish, when it could not.
    public var unknown: Blocker?
    /// What the trace noted along the way.
    public var notes: [String]
    /// How many AZs AWS could pick from where it picks one (1: no choice met).
    public var zoneChoices: Int
    /// How to trace again, with text, a trace made quietly.
    var replay: TraceReplay?
    /// The component of the last hop, also for a quiet trace, which keeps no hops.
    var endedAt: ComponentRef?
    /// The network ACLs the reply met (``FlowTracer/replyACLs``).
    var replyACLs: [ReplyACLCheck] = []
    /// Whether the path itself (not only a filter's verdict) depends on ports or protocol.
    var pathDependsOnPorts = false

    /// The verdict of this one trace: any blocker makes it unreachable; else a stop for want
    /// of input makes it unknown; else it is reachable.
    public var verdict: Verdict {
        if !blockers.isEmpty { return .unreachable }
        return unknown == nil ? .reachable : .unknown
    }

    /// The code of the first blocker, or of the unknown.
    public var reason: ReasonCode? {
        blockers.first?.reason ?? unknown?.reason
    }
}

/// The hops of a trace: kept, or traced again with text when read.
struct HopSource: Hashable, Sendable {
    /// The hops, when kept.
    var kept: [PathHop] = []
    /// How to trace the hops again, when they are not kept.
    var deferred: (replay: TraceReplay, request: Packet, graph: GraphBox)?

    var hops: [PathHop] {
        guard let deferred else { return kept }
        return deferred.replay.trace(deferred.request, over: deferred.graph).hops
    }

    static func == (left: HopSource, right: HopSource) -> Bool { left.hops == right.hops }

    func hash(into hasher: inout Hasher) { hasher.combine(hops) }
}

/// What a quiet trace needs to be traced again with its hops' text.
struct TraceReplay: Hashable, Sendable {
    let source: TracePlace
    let destination: TracePlace
    let assumedAddress: IPv4Address?
    let assumedInterface: Int?
    let zoneChoice: Int

    /// Traces `request` this way, with the text of every hop.
    func trace(_ request: Packet, over graph: ForwardingGraph) -> FlowTrace {
        trace(request, over: GraphBox(graph))
    }

    /// Traces `request` this way over a boxed graph, with the text of every hop.
    func trace(_ request: Packet, over box: GraphBox) -> FlowTrace {
        var tracer = FlowTracer(box: box, assumedAddress: assumed, zoneChoice: zoneChoice)
        return tracer.trace(request, from: source, to: destination)
    }

    /// Traces `request` this way over a boxed graph, leaving the text of its hops to be made
    /// when they are read (a differential traces every change, and few are shown in full).
    func traceDeferringHopText(_ request: Packet, over box: GraphBox) -> FlowTrace {
        var tracer = FlowTracer(box: box, assumedAddress: assumed, zoneChoice: zoneChoice, isQuiet: true)
        var result = tracer.trace(request, from: source, to: destination)
        result.hopSource = HopSource(deferred: (self, request, box))
        return result
    }

    private var assumed: (address: IPv4Address, interface: Int)? {
        guard let assumedAddress, let assumedInterface else { return nil }
        return (assumedAddress, assumedInterface)
    }
}
