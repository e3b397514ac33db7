/// Where a traced packet starts or arrives, by graph index.
enum TracePlace: Hashable, Sendable {
    /// A known interface: an ENI, a DB endpoint or a NAT gateway.
    case interface(Int)
    /// A host with no interface in the input, at some address of a subnet. It has no known
    /// security groups, so none are evaluated for it.
    case host(subnet: Int)
    /// A host on the public internet.
    case internet
    /// A host at an on-premises site.
    case onPremSite(Int)
    /// An AWS service at the blocks of its managed prefix list (S3, DynamoDB, …).
    case awsService(Int)
}
