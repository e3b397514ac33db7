import ReachModel

extension Endpoint {
    /// The same endpoint with the public addresses (and `PubliclyAccessible`) `graph` gives its
    /// interfaces: a graph whose public IPs were patched (``ForwardingGraph/patching(to:)``).
    func withPublicAddresses(in graph: ForwardingGraph) -> Endpoint {
        Endpoint(
            kind: kind, ref: ref, databasePort: databasePort,
            members: members.map { $0.withPublicAddress(in: graph) })
    }
}

extension EndpointMember {
    /// The same member with the public address (and `PubliclyAccessible`) `graph` gives its
    /// interface: a graph whose public IPs were patched.
    func withPublicAddress(in graph: ForwardingGraph) -> EndpointMember {
        guard case .interface(let index) = place else { return self }
        return EndpointMember(
            place: place, ref: ref, addresses: addresses, quantifier: quantifier,
            publicAddress: graph.publicIPs[index],
            isPrivateDatabase: Self.isPrivateDatabase(interface: index, graph: graph),
            assumedInterface: assumedInterface, prefersPublicAddress: prefersPublicAddress)
    }
}
