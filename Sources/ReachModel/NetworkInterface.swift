import ReachNetwork

/// An elastic network interface: private IPs in one subnet, an optional public IP
/// (auto-assigned or Elastic IP) and up to five security groups.
public struct NetworkInterface: Hashable, Sendable {
    /// The interface id (`eni-…`) or design name.
    public var id: String
    /// The human name.
    public var name: String
    /// The subnet it lives in.
    public var subnetID: String
    /// Private IPs, primary first.
    public var privateIPs: [IPv4Address]
    /// The associated public or Elastic IP, if any.
    public var publicIP: IPv4Address?
    /// Ids of its security groups.
    public var securityGroupIDs: [String]
    /// Whether the source/destination check is on (off for appliances that forward traffic).
    public var sourceDestCheck: Bool
    /// The instance it is attached to, if any.
    public var instanceID: String?
    /// Tags.
    public var tags: Tags

    /// Creates a network interface.
    public init(
        id: String, name: String, subnetID: String, privateIPs: [IPv4Address], publicIP: IPv4Address?,
        securityGroupIDs: [String], sourceDestCheck: Bool = true, instanceID: String? = nil,
        tags: Tags = [:]
    ) {
        self.id = id
        self.name = name
        self.subnetID = subnetID
        self.privateIPs = privateIPs
        self.publicIP = publicIP
        self.securityGroupIDs = securityGroupIDs
        self.sourceDestCheck = sourceDestCheck
        self.instanceID = instanceID
        self.tags = tags
    }
}
