import ReachModel
import ReachNetwork

/// Compares two who-can-reach answers for one destination, source by source and address by
/// address, into flow changes, each traced through the network after.
struct SourceComparison {
    /// The network after.
    let after: ForwardingGraph
    /// Carries witnesses of the network before into the network after; nil when both number
    /// their components alike (a graph with only filters edited).
    let toAfter: PlaceTranslation?
    /// The network after, boxed once for every change's trace.
    private let box: GraphBox

    init(after: ForwardingGraph, toAfter: PlaceTranslation?) {
        self.after = after
        self.toAfter = toAfter
        box = GraphBox(after)
    }

    /// The changes between the sources that reached `destination` before and those that do
    /// after (answers list only what reaches).
    func changes(
        from oldSources: [ReachingSource], to newSources: [ReachingSource], destination: ComponentRef,
        traffic: TrafficSet
    ) -> [FlowChange] {
        var oldBySource: [SourceKey: [ReachingSource]] = [:]
        var order: [SourceKey] = []
        for source in oldSources {
            let key = SourceKey(source)
            if oldBySource[key] == nil { order.append(key) }
            oldBySource[key, default: []].append(source)
        }
        var newBySource: [SourceKey: [ReachingSource]] = [:]
        for source in newSources {
            let key = SourceKey(source)
            if newBySource[key] == nil, oldBySource[key] == nil { order.append(key) }
            newBySource[key, default: []].append(source)
        }
        var changes: [FlowChange] = []
        for key in order {
            changes += compare(
                oldBySource[key] ?? [], newBySource[key] ?? [], destination: destination, traffic: traffic)
        }
        return changes
    }

    /// A source by kind and id, the same in both graphs.
    private struct SourceKey: Hashable {
        let kind: ReachingSource.Kind
        let ref: RefKey

        init(_ source: ReachingSource) {
            kind = source.kind
            ref = RefKey(source.ref)
        }
    }

    /// One source's answers before and after, address piece by address piece. A source's
    /// addresses absent from an answer are unreachable there (answers list only what reaches).
    private func compare(
        _ old: [ReachingSource], _ new: [ReachingSource], destination: ComponentRef, traffic: TrafficSet
    ) -> [FlowChange] {
        guard let sample = new.first ?? old.first else { return [] }
        let blocked = FlowReach(reachable: .empty, unknown: .empty)
        var pieces: [(IPv4AddressSet, FlowReach, ReachingSource?, FlowReach, ReachingSource?)] = []
        let oldAddresses = old.reduce(IPv4AddressSet()) { $0.union($1.addresses) }
        let newAddresses = new.reduce(IPv4AddressSet()) { $0.union($1.addresses) }
        for o in old {
            for n in new {
                let shared = o.addresses.intersection(n.addresses)
                if !shared.isEmpty { pieces.append((shared, o.reach, o, n.reach, n)) }
            }
            let gone = o.addresses.subtracting(newAddresses)
            if !gone.isEmpty { pieces.append((gone, o.reach, o, blocked, nil)) }
        }
        for n in new {
            let added = n.addresses.subtracting(oldAddresses)
            if !added.isEmpty { pieces.append((added, blocked, nil, n.reach, n)) }
        }
        var changes: [FlowChange] = []
        for (addresses, was, oldSource, now, newSource) in pieces {
            let wasReachable = was.reachable.intersection(traffic)
            let wasUnknown = was.unknown.intersection(traffic)
            let nowReachable = now.reachable.intersection(traffic)
            let nowUnknown = now.unknown.intersection(traffic)
            let gained = nowReachable.subtracting(wasReachable)
            let lost = wasReachable.union(wasUnknown).subtracting(nowReachable).subtracting(nowUnknown)
            let clouded = nowUnknown.subtracting(wasUnknown)
            for (kind, moved) in [
                (FlowChange.Kind.becomesReachable, gained), (.becomesUnreachable, lost),
                (.becomesUnknown, clouded),
            ] where !moved.isEmpty {
                changes.append(
                    FlowChange(
                        kind: kind, destination: destination, sourceKind: sample.kind,
                        source: newSource?.ref ?? sample.ref, sourceVPC: newSource?.vpc ?? sample.vpc,
                        addresses: addresses, traffic: moved,
                        trace: trace(
                            moved, from: addresses, newWitness: newSource?.witness,
                            oldWitness: oldSource?.witness),
                        unknownReasons: kind == .becomesUnknown ? now.unknownReasons : []))
            }
        }
        return changes
    }

    /// One flow of `traffic` from `addresses` traced in the network after: from the new answer's
    /// witness where there is one, else from the old witness carried over to the new graph.
    private func trace(
        _ traffic: TrafficSet, from addresses: IPv4AddressSet, newWitness: Witness?, oldWitness: Witness?
    ) -> FlowTrace? {
        guard let (proto, port) = traffic.sample else { return nil }
        let route: TraceReplay
        let template: Packet
        if let newWitness {
            route = newWitness.route
            template = newWitness.packet
        } else if let oldWitness, let translated = translated(oldWitness.route) {
            route = translated
            template = oldWitness.packet
        } else {
            return nil
        }
        let source =
            addresses.contains(template.source) ? template.source : addresses.first ?? template.source
        let packet = Packet(
            source: source, destination: template.destination, protocolNumber: proto,
            sourcePort: proto.hasPorts ? 49152 : 0, destinationPort: port)
        return route.traceDeferringHopText(packet, over: box)
    }

    /// A route of the network before in the network after.
    private func translated(_ route: TraceReplay) -> TraceReplay? {
        guard let toAfter else { return route }
        return toAfter.replay(route)
    }
}
