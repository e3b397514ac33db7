import ReachModel
import ReachNetwork

/// A source or destination of a query, resolved from a name, id or address (S-F-1).
public struct Endpoint: Hashable, Sendable {
    /// What the name resolved to.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// An ENI.
        case networkInterface = "network-interface"
        /// An EC2 instance (its primary interface).
        case instance
        /// An RDS DB instance endpoint.
        case dbInstance = "db-instance"
        /// An Aurora cluster's writer endpoint.
        case clusterWriter = "db-cluster-writer"
        /// An Aurora cluster's reader endpoint (every reader; the writer when there is none).
        case clusterReader = "db-cluster-reader"
        /// Any host in a subnet.
        case subnet
        /// Any host on the public internet.
        case internet
        /// Any host at an on-premises site.
        case onPremSite = "on-prem-site"
        /// One IP address.
        case address
        /// An interface VPC endpoint (PrivateLink): every one of its interfaces.
        case vpcEndpoint = "vpc-endpoint"
        /// An AWS service at its managed prefix list's blocks (S3, DynamoDB, …).
        case awsService = "aws-service"
    }

    /// What the name resolved to.
    public let kind: Kind
    /// The named component.
    public let ref: ComponentRef
    /// The DB port, when the endpoint is a database (the default `--port`).
    public let databasePort: UInt16?
    let members: [EndpointMember]
}

/// Which addresses a member may use, and what a set of them means.
enum AddressQuantifier: Hashable, Sendable {
    /// One known address.
    case exact
    /// One address of the set that the input does not give: answers must agree across it.
    case oneOf
    /// The question is about every address of the set: the answer holds if any of them reaches.
    case anyOf
}

/// One thing traced to or from: an interface, a host in a subnet, the internet, an on-prem site.
struct EndpointMember: Hashable, Sendable {
    let place: TracePlace
    let ref: ComponentRef
    /// Addresses inside its network (private addresses for interfaces and hosts).
    let addresses: IPv4AddressSet
    let quantifier: AddressQuantifier
    /// The address the internet reaches it at, if any.
    let publicAddress: IPv4Address?
    /// For a DB endpoint that is not publicly accessible: nothing outside AWS can address it.
    let isPrivateDatabase: Bool
    /// The interface whose unknown address is being enumerated (a DB without a known IP).
    let assumedInterface: Int?
    /// Whether a query addressed the public IP itself, so even sources inside AWS use it.
    var prefersPublicAddress = false

    /// Whether the member sits inside a VPC.
    var isInsideAWS: Bool {
        switch place {
        case .interface, .host: true
        case .internet, .onPremSite, .awsService: false
        }
    }
}
