import ReachModel
import ReachNetwork

/// A source that reaches a destination (or might: some of its traffic is unknown), with the
/// traffic and one witness flow.
public struct ReachingSource: Hashable, Sendable {
    /// What kind of source it is.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// An ENI (an instance's, or a standalone one).
        case networkInterface = "network-interface"
        /// A DB endpoint's interface, as a client.
        case database = "db-instance"
        /// Hosts in a subnet at addresses no interface in the input holds.
        case subnetHosts = "subnet-hosts"
        /// Hosts at an on-premises site.
        case onPremSite = "on-prem-site"
        /// Hosts on the public internet.
        case internet
    }

    /// What kind of source it is.
    public var kind: Kind { names.kind(of: identity) }
    /// The source component (the interface, subnet, site or `internet`).
    public var ref: ComponentRef { names.ref(of: identity) }
    /// The VPC the source is in, if any.
    public var vpc: ComponentRef? { names.vpc(of: identity) }
    /// The source addresses this answer holds for (one for an interface; the reaching part of
    /// a subnet, site or the internet).
    public let addresses: IPv4AddressSet
    /// What it gets through, and what is unknown.
    public let reach: FlowReach
    /// A flow that reaches (or, when nothing is certain, one whose answer is unknown).
    public let witness: Witness?
    /// Which source it is, by its place in the graph.
    let identity: SourceIdentity
    /// Where its kind and names are read, when asked for: an answer reports tens of thousands
    /// of sources, and copying each one's names into its entry would count a reference on an
    /// object of its own (a cache miss per entry, a tenth of a question on a large estate).
    private let names: SourceNames

    init(
        _ identity: SourceIdentity, names: SourceNames, addresses: IPv4AddressSet, reach: FlowReach,
        witness: Witness?
    ) {
        self.identity = identity
        self.names = names
        self.addresses = addresses
        self.reach = reach
        self.witness = witness
    }

    /// Equal kinds, components, VPCs, addresses, answers and witnesses.
    public static func == (lhs: ReachingSource, rhs: ReachingSource) -> Bool {
        let sameNames = lhs.names === rhs.names && lhs.identity == rhs.identity
        return lhs.addresses == rhs.addresses && lhs.reach == rhs.reach && lhs.witness == rhs.witness
            && (sameNames || (lhs.kind == rhs.kind && lhs.ref == rhs.ref && lhs.vpc == rhs.vpc))
    }

    /// Hashes what equality compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(ref)
        hasher.combine(vpc)
        hasher.combine(addresses)
        hasher.combine(reach)
        hasher.combine(witness)
    }
}

/// The graph a who-can-reach answer's sources are named from, behind one reference that its
/// entries share (one per part of the answer a core writes, so cores count references on
/// objects of their own). An answer keeps the graph it was made over: its names stay that
/// graph's after an edit, as names copied into it would.
final class SourceNames: Sendable {
    let graph: ForwardingGraph

    init(graph: ForwardingGraph) {
        self.graph = graph
    }

    func kind(of identity: SourceIdentity) -> ReachingSource.Kind {
        switch identity {
        case .interface(let index):
            if case .database = graph.interfaces[index].owner { return .database }
            return .networkInterface
        case .subnetHosts: return .subnetHosts
        case .onPremSite: return .onPremSite
        case .internet: return .internet
        }
    }

    func ref(of identity: SourceIdentity) -> ComponentRef { identity.ref(in: graph) }

    func vpc(of identity: SourceIdentity) -> ComponentRef? {
        switch identity {
        case .interface(let index): graph.vpcs[graph.subnets[graph.interfaces[index].subnet].vpc].ref
        case .subnetHosts(let subnet): graph.vpcs[graph.subnets[subnet].vpc].ref
        case .onPremSite, .internet: nil
        }
    }
}

/// Everything that reaches one destination.
public struct WhoCanReachAnswer: Hashable, Sendable {
    /// The destination.
    public let destination: ComponentRef
    /// The traffic asked about.
    public let traffic: TrafficSet
    /// Sources that reach it, or might; interfaces, then subnets' other hosts, sites and the internet.
    public let sources: [ReachingSource]
    /// How many sources were analysed (interfaces, subnets' free hosts, sites, the internet).
    public let sourcesAnalysed: Int
}
