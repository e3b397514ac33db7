import ReachModel
import ReachNetwork

/// Which source an answer belongs to.
enum SourceIdentity: Hashable {
    case interface(Int)
    case subnetHosts(Int)
    case onPremSite(Int)
    case internet

    /// The component the source is reported as.
    func ref(in graph: ForwardingGraph) -> ComponentRef {
        switch self {
        case .interface(let index): graph.interfaces[index].ref
        case .subnetHosts(let subnet): graph.subnets[subnet].ref
        case .onPremSite(let site): graph.onPremSites[site].ref
        case .internet: .internet
        }
    }
}

/// Gathers per-source answers of a who-can-reach question: combines a destination's members,
/// merges address classes of one source with equal answers, and orders the result.
struct SourceCollector {
    let destination: Endpoint
    private var destinationInterfaces: Set<Int> = []
    /// Sources in the order first met, each with its answers (parallel to `order`).
    private var order: [SourceIdentity] = []
    private var entries: [[(addresses: IPv4AddressSet, reach: FlowReach, witness: Witness?)]] = []
    private var position: [SourceIdentity: Int] = [:]

    init(destination: Endpoint, expectedSources: Int = 0) {
        self.destination = destination
        order.reserveCapacity(expectedSources)
        entries.reserveCapacity(expectedSources)
        position.reserveCapacity(expectedSources)
        for member in destination.members {
            if case .interface(let index) = member.place { destinationInterfaces.insert(index) }
        }
    }

    func isDestination(_ interface: Int) -> Bool { destinationInterfaces.contains(interface) }

    /// Records `answers` (one per destination member) for each of `sources`; for a group of
    /// interfaces answered by `representative`, each member's witness starts at the member.
    mutating func add(
        _ sources: [(SourceIdentity, IPv4AddressSet)], answers: [(reach: FlowReach, witness: Witness?)],
        representative: Int? = nil
    ) {
        var combined: FlowReach?
        for answer in answers {
            combined =
                combined.map { $0.agreeing(with: answer.reach, disagreement: .endpointPartiallyReachable) }
                ?? answer.reach
        }
        let reach = combined ?? .allUnknown(.unknownResource)
        let witness = answers.first { !$0.reach.reachable.isEmpty }?.witness ?? answers.first?.witness
        let unreachable = reach.isUnreachable
        for (identity, addresses) in sources {
            let index: Int
            if let known = position[identity] {
                index = known
            } else {
                index = order.count
                position[identity] = index
                order.append(identity)
                entries.append([])
            }
            if unreachable { continue }
            var ownWitness = witness
            if let representative, case .interface(let member) = identity, let address = addresses.first {
                ownWitness = witness?.standing(in: representative, for: member, at: address)
            }
            // Address classes of one source with the same answer are reported together.
            if let same = entries[index].firstIndex(where: { $0.reach == reach }) {
                entries[index][same].addresses = entries[index][same].addresses.union(addresses)
            } else {
                entries[index].append((addresses, reach, ownWitness))
            }
        }
    }

    func answer(traffic: TrafficSet, graph: ForwardingGraph) -> WhoCanReachAnswer {
        var sources: [ReachingSource] = []
        for (identity, list) in zip(order, entries) {
            for entry in list {
                let reach = traffic == .all ? entry.reach : entry.reach.restricted(to: traffic)
                if reach.isUnreachable { continue }
                sources.append(source(identity, entry.addresses, reach, entry.witness, graph))
            }
        }
        return WhoCanReachAnswer(
            destination: destination.ref, traffic: traffic, sources: sources, sourcesAnalysed: order.count)
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
