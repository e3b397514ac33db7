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
    public let kind: Kind
    /// The source component (the interface, subnet, site or `internet`).
    public let ref: ComponentRef
    /// The VPC the source is in, if any.
    public let vpc: ComponentRef?
    /// The source addresses this answer holds for (one for an interface; the reaching part of
    /// a subnet, site or the internet).
    public let addresses: IPv4AddressSet
    /// What it gets through, and what is unknown.
    public let reach: FlowReach
    /// A flow that reaches (or, when nothing is certain, one whose answer is unknown).
    public let witness: Witness?
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
