import ReachModel
import ReachNetwork

/// What one outside source (the internet or an on-prem site) reaches.
public struct ExposedDestination: Hashable, Sendable {
    /// The destination interface (an ENI or a DB endpoint).
    public let destination: ComponentRef
    /// Whether it is a DB endpoint.
    public let isDatabase: Bool
    /// The VPC it is in.
    public let vpc: ComponentRef
    /// The source addresses that reach it, and what they get through.
    public let source: ReachingSource
}

/// Everything reachable from outside AWS, per outside source, DBs first.
public struct ExposureReport: Hashable, Sendable {
    /// One outside source and what it reaches.
    public struct Section: Hashable, Sendable {
        /// The internet or an on-prem site.
        public let source: ComponentRef
        /// What it reaches, DB endpoints first, then by name.
        public let destinations: [ExposedDestination]
    }

    /// The internet first, then each on-prem site.
    public let sections: [Section]
    /// How many destinations were analysed per source.
    public let destinationsAnalysed: Int
}

extension ReachabilityAnalyzer {
    /// Everything reachable from the internet and from each on-prem site: every ENI and DB
    /// endpoint that some outside address reaches with some traffic, or might.
    public func exposure() -> ExposureReport {
        var session = sessions.take()
        defer { sessions.giveBack(session) }
        var outside: [EndpointMember] = [.internet(resolver.internetHostAddresses)]
        for (index, site) in graph.onPremSites.enumerated() { outside.append(.onPremSite(index, site)) }
        let destinations = graph.interfaces.indices.filter {
            SourceCatalog.startsTraffic(graph.interfaces[$0].owner)
        }
        var sections: [ExposureReport.Section] = []
        for source in outside {
            let classes = catalog.classes.split(source.addresses)
            var found: [ExposedDestination] = []
            for index in destinations {
                let destination = EndpointMember.interface(index, graph: graph)
                // S-GW-1: the internet cannot address an interface without a public IP.
                if source.place == .internet, destination.publicAddress == nil { continue }
                var collector = SourceCollector(
                    destination: Endpoint(
                        kind: .networkInterface, ref: destination.ref, databasePort: nil,
                        members: [destination]))
                for (representative, addresses) in classes {
                    let (reach, witness) = session.answer(
                        from: source.narrowed(to: representative), to: destination)
                    collector.add(sourceIdentity(source), addresses, reach: reach, witness: witness)
                }
                let interface = graph.interfaces[index]
                var isDatabase = false
                if case .database = interface.owner { isDatabase = true }
                for reaching in collector.answer(graph: graph).sources {
                    found.append(
                        ExposedDestination(
                            destination: interface.ref, isDatabase: isDatabase,
                            vpc: graph.vpcs[graph.subnets[interface.subnet].vpc].ref, source: reaching))
                }
            }
            found.sort {
                ($0.isDatabase ? 0 : 1, $0.destination.name) < ($1.isDatabase ? 0 : 1, $1.destination.name)
            }
            sections.append(ExposureReport.Section(source: source.ref, destinations: found))
        }
        return ExposureReport(sections: sections, destinationsAnalysed: destinations.count)
    }

    private func sourceIdentity(_ member: EndpointMember) -> SourceIdentity {
        if case .onPremSite(let index) = member.place { return .onPremSite(index) }
        return .internet
    }
}
