import ReachModel
import ReachNetwork

/// Resolves the names, ids and addresses users type into ``Endpoint``s.
///
/// Accepted: `internet`; the name or id of a network interface, instance, DB instance, Aurora
/// cluster (its writer; `CLUSTER/reader` or `CLUSTER:reader` for the reader endpoint), subnet or
/// on-prem site; an IPv4 address. A `KIND:` prefix (`subnet:`, `instance:`, `eni:`, `db:`,
/// `cluster:`, `onprem:`) picks among same-named resources.
public struct EndpointResolver: Sendable {
    let graph: ForwardingGraph

    /// A resolver over `graph`.
    public init(graph: ForwardingGraph) {
        self.graph = graph
    }

    private struct Candidate {
        let label: String
        let make: () throws(EndpointResolutionError) -> Endpoint
    }

    /// Resolves `text`.
    public func resolve(_ text: String) throws(EndpointResolutionError) -> Endpoint {
        let trimmed = String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        if trimmed.lowercased() == "internet" { return internetEndpoint() }
        if let address = IPv4Address(trimmed) { return try resolve(address: address, text: trimmed) }
        var kindFilter: String?
        var name = trimmed
        if let colon = trimmed.firstIndex(of: ":"),
            ["subnet", "instance", "eni", "db", "cluster", "onprem", "endpoint", "service"].contains(
                String(trimmed[..<colon]))
        {
            kindFilter = String(trimmed[..<colon])
            name = String(trimmed[trimmed.index(after: colon)...])
        }
        var readerEndpoint = false
        for suffix in ["/reader", ":reader"] where name.hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
            readerEndpoint = true
        }
        for suffix in ["/writer", ":writer"] where name.hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
        }
        let candidates = candidates(named: name, reader: readerEndpoint).filter { (candidate: Candidate) in
            kindFilter.map { candidate.label.hasPrefix($0 + " ") } ?? true
        }
        guard let first = candidates.first else { throw .notFound(trimmed) }
        guard candidates.count == 1 else { throw .ambiguous(trimmed, candidates: candidates.map(\.label)) }
        return try first.make()
    }

    private func matches(_ name: String, id: String, display: String) -> Bool {
        name == id || name == display
    }

    private func candidates(named name: String, reader: Bool) -> [Candidate] {
        let topology = graph.topology
        var result: [Candidate] = []
        if !reader {
            let instanceInterfaces = Set(topology.instances.flatMap(\.networkInterfaceIDs))
            for instance in topology.instances where matches(name, id: instance.id, display: instance.name) {
                result.append(
                    Candidate(label: "instance \(instance.id) (\(instance.name))") {
                        () throws(EndpointResolutionError) in
                        guard let primary = instance.networkInterfaceIDs.first,
                            let index = graph.interfaceIndex[primary]
                        else {
                            throw .notAnEndpoint(
                                name, reason: "instance \(instance.id) has no network interface")
                        }
                        return self.endpoint(
                            .instance, ComponentRef(.instance, id: instance.id, name: instance.name),
                            interface: index)
                    })
            }
            for eni in topology.networkInterfaces where matches(name, id: eni.id, display: eni.name) {
                // An instance's shorthand interface shares its name; the instance stands for both.
                if instanceInterfaces.contains(eni.id),
                    result.contains(where: { $0.label.hasPrefix("instance") }), eni.id != name
                {
                    continue
                }
                result.append(
                    Candidate(label: "eni \(eni.id) (\(eni.name))") { () throws(EndpointResolutionError) in
                        guard let index = graph.interfaceIndex[eni.id] else { throw .notFound(name) }
                        return self.endpoint(.networkInterface, graph.interfaces[index].ref, interface: index)
                    })
            }
            for db in topology.dbInstances where matches(name, id: db.id, display: db.name) {
                result.append(
                    Candidate(label: "db \(db.id) (\(db.name))") { () throws(EndpointResolutionError) in
                        guard let index = graph.databaseInterfaces[db.id] else {
                            throw .notAnEndpoint(
                                name, reason: "DB instance \(db.id) has no subnet in the input")
                        }
                        return self.endpoint(
                            .dbInstance, graph.interfaces[index].ref, interface: index, port: db.port)
                    })
            }
            for subnet in topology.subnets where matches(name, id: subnet.id, display: subnet.name) {
                result.append(
                    Candidate(label: "subnet \(subnet.id) (\(subnet.name))") {
                        () throws(EndpointResolutionError) in
                        guard let index = graph.subnetIndex[subnet.id] else { throw .notFound(name) }
                        return self.subnetEndpoint(index)
                    })
            }
            for endpoint in topology.vpcEndpoints
            where endpoint.kind == .interface && matches(name, id: endpoint.id, display: endpoint.name) {
                result.append(
                    Candidate(label: "endpoint \(endpoint.id) (\(endpoint.name))") {
                        () throws(EndpointResolutionError) in
                        guard let index = graph.interfaceEndpointIndex[endpoint.id],
                            !graph.interfaceEndpoints[index].interfaces.isEmpty
                        else {
                            throw .notAnEndpoint(
                                name, reason: "VPC endpoint \(endpoint.id) has no interface in the input")
                        }
                        return Endpoint(
                            kind: .vpcEndpoint, ref: graph.interfaceEndpoints[index].ref, databasePort: nil,
                            members: graph.interfaceEndpoints[index].interfaces.map {
                                self.member(interface: $0)
                            })
                    })
            }
            for (index, service) in graph.awsServices.enumerated() where name == service.ref.id {
                result.append(
                    Candidate(label: "service \(service.ref.id)") { () throws(EndpointResolutionError) in
                        Endpoint(
                            kind: .awsService, ref: service.ref, databasePort: nil,
                            members: [
                                EndpointMember(
                                    place: .awsService(index), ref: service.ref, addresses: service.addresses,
                                    quantifier: .anyOf,
                                    publicAddress: nil, isPrivateDatabase: false, assumedInterface: nil)
                            ])
                    })
            }
            for site in topology.onPremSites where matches(name, id: site.id, display: site.name) {
                result.append(
                    Candidate(label: "onprem \(site.id) (\(site.name))") {
                        () throws(EndpointResolutionError) in
                        guard let index = graph.onPremIndex[site.id] else { throw .notFound(name) }
                        return self.onPremEndpoint(index)
                    })
            }
        }
        for cluster in topology.dbClusters where matches(name, id: cluster.id, display: cluster.name) {
            result.append(
                Candidate(label: "cluster \(cluster.id) (\(cluster.name))") {
                    () throws(EndpointResolutionError) in
                    try self.clusterEndpoint(cluster, reader: reader)
                })
        }
        return result
    }

    private func member(interface index: Int) -> EndpointMember {
        .interface(index, graph: graph)
    }

    private func endpoint(_ kind: Endpoint.Kind, _ ref: ComponentRef, interface: Int, port: UInt16? = nil)
        -> Endpoint
    {
        Endpoint(kind: kind, ref: ref, databasePort: port, members: [member(interface: interface)])
    }

    /// A subnet's addresses less the five AWS reserves and those held by interfaces.
    private func usableHostAddresses(of subnet: Int) -> IPv4AddressSet {
        let cidr = graph.subnets[subnet].cidr
        let vpc = graph.subnets[subnet].vpc
        let held = graph.interfacesByPrivateIP.keys.filter {
            cidr.contains($0) && graph.interface(withPrivateIP: $0, inVPC: vpc) != nil
        }
        return graph.usableHostAddresses(of: subnet, held: held.map(\.value))
    }

    private func subnetEndpoint(_ index: Int) -> Endpoint {
        let subnet = graph.subnets[index]
        return Endpoint(
            kind: .subnet, ref: subnet.ref, databasePort: nil,
            members: [
                EndpointMember(
                    place: .host(subnet: index), ref: subnet.ref, addresses: usableHostAddresses(of: index),
                    quantifier: .anyOf, publicAddress: nil, isPrivateDatabase: false, assumedInterface: nil)
            ])
    }

    private func onPremEndpoint(_ index: Int) -> Endpoint {
        let site = graph.onPremSites[index]
        return Endpoint(
            kind: .onPremSite, ref: site.ref, databasePort: nil,
            members: [
                EndpointMember(
                    place: .onPremSite(index), ref: site.ref, addresses: site.addresses, quantifier: .anyOf,
                    publicAddress: nil, isPrivateDatabase: false, assumedInterface: nil)
            ])
    }

    /// Every public address that belongs to no interface and no on-prem site.
    var internetHostAddresses: IPv4AddressSet {
        let taken = IPv4AddressSet(
            storage: IntervalSet(graph.interfacesByPublicIP.keys.map { $0.value...$0.value }))
        return SpecialAddresses.internet.subtracting(taken).subtracting(siteAddresses)
    }

    /// ``internetHostAddresses``, from `base`, the set of a graph whose interfaces had the public
    /// IPs before `moves` (the graph this one was patched from).
    func internetHostAddresses(updating base: IPv4AddressSet, moves: [GraphEdits.PublicAddressMove])
        -> IPv4AddressSet
    {
        let released = IPv4AddressSet(
            storage: IntervalSet(
                moves.compactMap { $0.old }.filter { graph.interfacesByPublicIP[$0] == nil }.map {
                    $0.value...$0.value
                }))
        let taken = IPv4AddressSet(
            storage: IntervalSet(moves.compactMap { $0.new }.map { $0.value...$0.value }))
        return base.union(released.intersection(SpecialAddresses.internet).subtracting(siteAddresses))
            .subtracting(taken)
    }

    /// Every address of an on-prem site, inside and public.
    private var siteAddresses: IPv4AddressSet {
        graph.onPremSites.reduce(IPv4AddressSet()) { $0.union($1.publicAddresses).union($1.addresses) }
    }

    private func internetEndpoint() -> Endpoint {
        Endpoint(
            kind: .internet, ref: .internet, databasePort: nil,
            members: [
                EndpointMember(
                    place: .internet, ref: .internet, addresses: internetHostAddresses, quantifier: .anyOf,
                    publicAddress: nil, isPrivateDatabase: false, assumedInterface: nil)
            ])
    }

    private func clusterEndpoint(_ cluster: DBCluster, reader: Bool) throws(EndpointResolutionError)
        -> Endpoint
    {
        let instances = graph.topology.dbInstances.filter { $0.clusterID == cluster.id }
        let writers = instances.filter(\.isClusterWriter)
        let readers = instances.filter { !$0.isClusterWriter }
        // The reader endpoint balances over the readers, and falls back to the writer without them.
        let chosen = reader ? (readers.isEmpty ? writers : readers) : writers
        let members = chosen.compactMap { graph.databaseInterfaces[$0.id] }.map { member(interface: $0) }
        guard !members.isEmpty else {
            throw .notAnEndpoint(
                cluster.name,
                reason: "cluster \(cluster.id) has no \(reader ? "instance" : "writer") in the input")
        }
        let suffix = reader ? "/reader" : ""
        return Endpoint(
            kind: reader ? .clusterReader : .clusterWriter,
            ref: ComponentRef(.dbCluster, id: cluster.id + suffix, name: cluster.name + suffix),
            databasePort: cluster.port,
            members: members)
    }

    private func resolve(address: IPv4Address, text: String) throws(EndpointResolutionError) -> Endpoint {
        if let owners = graph.interfacesByPrivateIP[address], owners.count == 1, let index = owners.first {
            var kind = Endpoint.Kind.networkInterface
            var port: UInt16?
            if case .database(let d) = graph.interfaces[index].owner {
                kind = .dbInstance
                port = graph.topology.dbInstances[d].port
            }
            return endpoint(kind, graph.interfaces[index].ref, interface: index, port: port)
        }
        if let owners = graph.interfacesByPrivateIP[address], owners.count > 1 {
            throw .ambiguous(
                text,
                candidates: owners.map {
                    "\(graph.interfaces[$0].ref) in \(graph.vpcs[graph.subnets[graph.interfaces[$0].subnet].vpc].ref)"
                })
        }
        if let index = graph.interfacesByPublicIP[address] {
            let interface = graph.interfaces[index]
            let inner = member(interface: index)
            return Endpoint(
                kind: .address,
                ref: ComponentRef(kind: "address", id: text, name: "\(text) (public IP of \(interface.ref))"),
                databasePort: nil,
                members: [
                    EndpointMember(
                        place: inner.place, ref: inner.ref, addresses: inner.addresses,
                        quantifier: inner.quantifier,
                        publicAddress: address, isPrivateDatabase: false,
                        assumedInterface: inner.assumedInterface,
                        prefersPublicAddress: true)
                ])
        }
        let ref = ComponentRef(kind: "address", id: text, name: text)
        let subnets = graph.subnets.indices.filter { graph.subnets[$0].cidr.contains(address) }
        if subnets.count > 1 {
            throw .ambiguous(
                text,
                candidates: subnets.map {
                    "subnet \(graph.subnets[$0].ref) in \(graph.vpcs[graph.subnets[$0].vpc].ref)"
                })
        }
        if let subnet = subnets.first {
            return Endpoint(
                kind: .address, ref: ref, databasePort: nil,
                members: [
                    EndpointMember(
                        place: .host(subnet: subnet), ref: graph.subnets[subnet].ref,
                        addresses: IPv4AddressSet(address),
                        quantifier: .exact, publicAddress: nil, isPrivateDatabase: false,
                        assumedInterface: nil)
                ])
        }
        if let site = graph.onPremSites.firstIndex(where: {
            $0.addresses.contains(address) || $0.publicAddresses.contains(address)
        }) {
            return Endpoint(
                kind: .address, ref: ref, databasePort: nil,
                members: [
                    EndpointMember(
                        place: .onPremSite(site), ref: graph.onPremSites[site].ref,
                        addresses: IPv4AddressSet(address),
                        quantifier: .exact, publicAddress: nil, isPrivateDatabase: false,
                        assumedInterface: nil)
                ])
        }
        if SpecialAddresses.internet.contains(address) {
            return Endpoint(
                kind: .address, ref: ref, databasePort: nil,
                members: [
                    EndpointMember(
                        place: .internet, ref: .internet, addresses: IPv4AddressSet(address),
                        quantifier: .exact,
                        publicAddress: nil, isPrivateDatabase: false, assumedInterface: nil)
                ])
        }
        throw .addressOutsideTopology(text)
    }
}
