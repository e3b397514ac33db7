/// Places carried from one graph to another: the same component by kind and id.
struct PlaceTranslation {
    private let interfaces: [RefKey: Int]
    private let subnets: [String: Int]
    private let sites: [String: Int]
    private let services: [String: Int]
    private let from: ForwardingGraph

    /// Translates places of `from` into `to`.
    init(from: ForwardingGraph, to: ForwardingGraph) {
        self.from = from
        var interfaces: [RefKey: Int] = [:]
        for (index, interface) in to.interfaces.enumerated() where interfaces[RefKey(interface.ref)] == nil {
            interfaces[RefKey(interface.ref)] = index
        }
        self.interfaces = interfaces
        subnets = Dictionary(to.subnets.enumerated().map { ($1.ref.id, $0) }, uniquingKeysWith: { a, _ in a })
        sites = Dictionary(
            to.onPremSites.enumerated().map { ($1.ref.id, $0) }, uniquingKeysWith: { a, _ in a })
        services = Dictionary(
            to.awsServices.enumerated().map { ($1.ref.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The interface of the other graph with the same reference.
    func interface(_ index: Int) -> Int? { interfaces[RefKey(from.interfaces[index].ref)] }

    /// The same place in the other graph; nil when it does not exist there.
    func place(_ place: TracePlace) -> TracePlace? {
        switch place {
        case .interface(let index): interface(index).map { .interface($0) }
        case .host(let subnet): subnets[from.subnets[subnet].ref.id].map { .host(subnet: $0) }
        case .internet: .internet
        case .onPremSite(let site): sites[from.onPremSites[site].ref.id].map { .onPremSite($0) }
        case .awsService(let service): services[from.awsServices[service].ref.id].map { .awsService($0) }
        }
    }

    /// The same replay in the other graph.
    func replay(_ replay: TraceReplay) -> TraceReplay? {
        guard let source = place(replay.source), let destination = place(replay.destination) else {
            return nil
        }
        var assumedInterface: Int?
        if let index = replay.assumedInterface {
            guard let translated = interface(index) else { return nil }
            assumedInterface = translated
        }
        return TraceReplay(
            source: source, destination: destination, assumedAddress: replay.assumedAddress,
            assumedInterface: assumedInterface, zoneChoice: replay.zoneChoice)
    }
}

/// A component by kind and id: what stays the same when only its name changes.
struct RefKey: Hashable {
    let kind: String
    let id: String

    init(_ ref: ComponentRef) {
        kind = ref.kind
        id = ref.id
    }
}
