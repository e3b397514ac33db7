import ReachModel
import ReachNetwork

/// Where a compiled route leads, by dense index into the graph's tables.
enum CompiledRouteTarget: Hashable, Sendable {
    case local
    case internetGateway(Int)
    case natGateway(Int)
    case peering(Int)
    case interface(Int)
    case transitGateway(Int)
    case virtualPrivateGateway(Int)
    case gatewayEndpoint(Int)
    /// A Network Firewall endpoint: the firewall and the endpoint's subnet.
    case firewallEndpoint(firewall: Int, subnet: Int, endpointID: String)
    case unsupported(kind: String, id: String)
    /// A target the input refers to but lacks.
    case missing(kind: String, id: String)
    case blackhole
}

/// One entry of a compiled route table: a single prefix (prefix lists are expanded).
struct CompiledRoute: Hashable, Sendable {
    let prefix: IPv4Prefix
    let target: CompiledRouteTarget
    /// How to name the route in a path: `0.0.0.0/0 -> igw-1`.
    let label: String
}

/// A route table compiled for longest prefix match: entries sorted by descending prefix length.
/// A reference, so that a patched graph's copy of thousands of tables costs a count each.
final class CompiledRouteTable: Sendable {
    let ref: ComponentRef
    let vpc: Int
    let routes: [CompiledRoute]
    private let index: LongestPrefixIndex

    init(ref: ComponentRef, vpc: Int, routes: [CompiledRoute]) {
        self.ref = ref
        self.vpc = vpc
        self.routes = routes
        index = LongestPrefixIndex(routes.map(\.prefix))
    }

    /// The longest-prefix match for `address` (S-R-2), or nil (S-R-5).
    func lookup(_ address: IPv4Address) -> CompiledRoute? {
        index.lookup(address).map { routes[$0] }
    }
}
