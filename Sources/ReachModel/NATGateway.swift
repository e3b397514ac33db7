import ReachNetwork

/// A NAT gateway in one subnet. A public one translates to its Elastic IP at the internet
/// gateway; a private one only to its private IP. Either opens connections outward only (S-GW-2).
public struct NATGateway: Hashable, Sendable {
    /// Public (internet egress) or private connectivity.
    public enum Connectivity: String, Hashable, Sendable, Codable {
        /// Translates to an Elastic IP; reaches the internet through the VPC's internet gateway.
        case `public`
        /// Translates to its private IP only.
        case `private`
    }

    /// The gateway id or design name.
    public var id: String
    /// The human name.
    public var name: String
    /// The subnet it lives in.
    public var subnetID: String
    /// Public or private.
    public var connectivity: Connectivity
    /// The gateway's private IP in its subnet.
    public var privateIP: IPv4Address
    /// The Elastic IP of a public gateway.
    public var publicIP: IPv4Address?
    /// Whether the gateway is `available` (other states forward nothing).
    public var isAvailable: Bool
    /// Tags.
    public var tags: Tags

    /// Creates a NAT gateway.
    public init(
        id: String, name: String, subnetID: String, connectivity: Connectivity, privateIP: IPv4Address,
        publicIP: IPv4Address?, isAvailable: Bool = true, tags: Tags = [:]
    ) {
        self.id = id
        self.name = name
        self.subnetID = subnetID
        self.connectivity = connectivity
        self.privateIP = privateIP
        self.publicIP = publicIP
        self.isAvailable = isAvailable
        self.tags = tags
    }
}
