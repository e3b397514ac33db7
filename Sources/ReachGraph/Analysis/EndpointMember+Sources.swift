import ReachModel
import ReachNetwork

extension EndpointMember {
    /// An interface as a source or destination, as the resolver makes it.
    static func interface(_ index: Int, graph: ForwardingGraph) -> EndpointMember {
        // Read in place: a copy of the interface would count a reference for each of its
        // strings and lists.
        if let address = graph.interfaces[index].privateIPs.first {
            return interface(index, at: address, graph: graph)
        }
        let isPrivateDatabase = isPrivateDatabase(interface: index, graph: graph)
        let interface = graph.interfaces[index]
        let cidr = graph.subnets[interface.subnet].cidr
        let vpc = graph.subnets[interface.subnet].vpc
        let held = graph.interfacesByPrivateIP.keys.filter {
            cidr.contains($0) && graph.interface(withPrivateIP: $0, inVPC: vpc) != nil
        }
        return EndpointMember(
            place: .interface(index), ref: interface.ref,
            addresses: graph.usableHostAddresses(of: interface.subnet, held: held.map(\.value)),
            quantifier: .oneOf, publicAddress: graph.publicIPs[index], isPrivateDatabase: isPrivateDatabase,
            assumedInterface: index)
    }

    /// Interface `index`, whose private IP (its first) is `address`, as the resolver makes
    /// it: for callers that hold the address already, such as the catalog's groups, so that
    /// the interface's list of addresses is not read again.
    static func interface(_ index: Int, at address: IPv4Address, graph: ForwardingGraph) -> EndpointMember {
        EndpointMember(
            place: .interface(index), ref: graph.interfaces[index].ref, addresses: IPv4AddressSet(address),
            quantifier: .exact, publicAddress: graph.publicIPs[index],
            isPrivateDatabase: isPrivateDatabase(interface: index, graph: graph), assumedInterface: nil)
    }

    /// Whether interface `index` is the endpoint of a DB instance that is not publicly accessible.
    static func isPrivateDatabase(interface index: Int, graph: ForwardingGraph) -> Bool {
        guard case .database(let d) = graph.interfaces[index].owner else { return false }
        return !graph.topology.dbInstances[d].publiclyAccessible
    }

    /// Hosts without interfaces at `addresses` of a subnet.
    static func hosts(_ subnet: Int, _ addresses: IPv4AddressSet, graph: ForwardingGraph) -> EndpointMember {
        EndpointMember(
            place: .host(subnet: subnet), ref: graph.subnets[subnet].ref, addresses: addresses,
            quantifier: .anyOf,
            publicAddress: nil, isPrivateDatabase: false, assumedInterface: nil)
    }

    /// Hosts at an on-prem site.
    static func onPremSite(_ index: Int, _ site: CompiledOnPremSite) -> EndpointMember {
        EndpointMember(
            place: .onPremSite(index), ref: site.ref, addresses: site.addresses, quantifier: .anyOf,
            publicAddress: nil, isPrivateDatabase: false, assumedInterface: nil)
    }

    /// Internet hosts at `addresses`.
    static func internet(_ addresses: IPv4AddressSet) -> EndpointMember {
        EndpointMember(
            place: .internet, ref: .internet, addresses: addresses, quantifier: .anyOf, publicAddress: nil,
            isPrivateDatabase: false, assumedInterface: nil)
    }

    /// The same member at one address.
    func narrowed(to address: IPv4Address) -> EndpointMember {
        EndpointMember(
            place: place, ref: ref, addresses: IPv4AddressSet(address), quantifier: .exact,
            publicAddress: publicAddress, isPrivateDatabase: isPrivateDatabase,
            assumedInterface: assumedInterface,
            prefersPublicAddress: prefersPublicAddress)
    }
}
