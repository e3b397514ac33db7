import ReachModel

extension ReachingSource {
    /// Whether one of `endpoints` stands for this source: the same interface, site or the
    /// internet, or a subnet holding the interface or hosts. An endpoint over several members
    /// (a cluster, a subnet) covers each of them.
    public func isCovered(by endpoints: [Endpoint], in graph: ForwardingGraph) -> Bool {
        for endpoint in endpoints {
            if endpoint.kind == .subnet, lies(in: endpoint.ref, graph) {
                return true
            }
            for member in endpoint.members {
                switch (kind, member.place) {
                case (.networkInterface, .interface(let index)), (.database, .interface(let index)):
                    if RefKey(graph.interfaces[index].ref) == RefKey(ref) { return true }
                case (.onPremSite, .onPremSite(let site)):
                    if RefKey(graph.onPremSites[site].ref) == RefKey(ref) { return true }
                case (.internet, .internet):
                    return true
                default:
                    continue
                }
            }
        }
        return false
    }

    /// Whether this source lies in `subnet`: its hosts, or an interface placed in it.
    private func lies(in subnet: ComponentRef, _ graph: ForwardingGraph) -> Bool {
        let index: Int?
        switch kind {
        case .subnetHosts: return RefKey(ref) == RefKey(subnet)
        case .networkInterface: index = graph.interfaceIndex[ref.id]
        case .database: index = graph.databaseInterfaces[ref.id]
        case .onPremSite, .internet: return false
        }
        guard let index else { return false }
        return RefKey(graph.subnets[graph.interfaces[index].subnet].ref) == RefKey(subnet)
    }
}
