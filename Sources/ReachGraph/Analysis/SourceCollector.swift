import ReachModel
import ReachNetwork

/// Which source an answer belongs to.
enum SourceIdentity: Hashable {
    case interface(Int)
    case subnetHosts(Int)
    case onPremSite(Int)
    case internet
}

/// Gathers per-source answers of a who-can-reach question: combines a destination's members,
/// merges address classes of one source with equal answers, and orders the result.
struct SourceCollector {
    let destination: Endpoint
    private var destinationInterfaces: Set<Int> = []
    private var entries:
        [SourceIdentity: [(addresses: IPv4AddressSet, reach: FlowReach, witness: Witness?)]] = [:]
    private var order: [SourceIdentity] = []
    private var seen: Set<SourceIdentity> = []

    init(destination: Endpoint) {
        self.destination = destination
        for member in destination.members {
            if case .interface(let index) = member.place { destinationInterfaces.insert(index) }
        }
    }

    func isDestination(_ interface: Int) -> Bool { destinationInterfaces.contains(interface) }

    /// Records `answers` (one per destination member) for each of `sources`.
    mutating func add(
        _ sources: [(SourceIdentity, IPv4AddressSet)], answers: [(reach: FlowReach, witness: Witness?)]
    ) {
        var combined: FlowReach?
        for answer in answers {
            combined =
                combined.map { $0.agreeing(with: answer.reach, disagreement: .endpointPartiallyReachable) }
                ?? answer.reach
        }
        let reach = combined ?? .allUnknown(.unknownResource)
        let witness = answers.first { !$0.reach.reachable.isEmpty }?.witness ?? answers.first?.witness
        for (identity, addresses) in sources {
            if seen.insert(identity).inserted { order.append(identity) }
            if reach.isUnreachable { continue }
            // Address classes of one source with the same answer are reported together.
            var list = entries[identity] ?? []
            if let index = list.firstIndex(where: { $0.reach == reach }) {
                list[index].addresses = list[index].addresses.union(addresses)
            } else {
                list.append((addresses, reach, witness))
            }
            entries[identity] = list
        }
    }

    func answer(traffic: TrafficSet, graph: ForwardingGraph) -> WhoCanReachAnswer {
        var sources: [ReachingSource] = []
        for identity in order {
            for entry in entries[identity] ?? [] {
                let reach = entry.reach.restricted(to: traffic)
                if reach.isUnreachable { continue }
                sources.append(source(identity, entry.addresses, reach, entry.witness, graph))
            }
        }
        return WhoCanReachAnswer(
            destination: destination.ref, traffic: traffic, sources: sources, sourcesAnalysed: seen.count)
    }

    private func source(
        _ identity: SourceIdentity, _ addresses: IPv4AddressSet, _ reach: FlowReach, _ witness: Witness?,
        _ graph: ForwardingGraph
    ) -> ReachingSource {
        switch identity {
        case .interface(let index):
            let interface = graph.interfaces[index]
            let kind: ReachingSource.Kind
            if case .database = interface.owner { kind = .database } else { kind = .networkInterface }
            return ReachingSource(
                kind: kind, ref: interface.ref, vpc: graph.vpcs[graph.subnets[interface.subnet].vpc].ref,
                addresses: addresses, reach: reach, witness: witness)
        case .subnetHosts(let subnet):
            return ReachingSource(
                kind: .subnetHosts, ref: graph.subnets[subnet].ref,
                vpc: graph.vpcs[graph.subnets[subnet].vpc].ref,
                addresses: addresses, reach: reach, witness: witness)
        case .onPremSite(let site):
            return ReachingSource(
                kind: .onPremSite, ref: graph.onPremSites[site].ref, vpc: nil, addresses: addresses,
                reach: reach,
                witness: witness)
        case .internet:
            return ReachingSource(
                kind: .internet, ref: .internet, vpc: nil, addresses: addresses, reach: reach,
                witness: witness)
        }
    }
}
