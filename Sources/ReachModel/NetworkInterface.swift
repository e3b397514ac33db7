import ReachNetwork

/// An elastic network interface: private IPs in one subnet, an optional public IP
/// (auto-assigned or Elastic IP) and up to five security groups.
///
/// A value, stored behind one reference that is copied on write: an estate has tens of
/// thousands of interfaces, and a what-if edit (a public IP) copies the topology's array of
/// them, so copying an interface costs one reference count rather than one per string and list.
/// Digests of its id and name stay beside the reference, for lookups that scan every interface.
public struct NetworkInterface: Hashable, Sendable {
    private var storage: SharedProperties<Properties>
    private var idDigest: NameDigest
    private var nameDigest: NameDigest

    /// The interface id (`eni-…`) or design name.
    public var id: String {
        get { storage.properties.id }
        set {
            uniqueStorage().properties.id = newValue
            idDigest = NameDigest(newValue)
        }
    }
    /// The human name.
    public var name: String {
        get { storage.properties.name }
        set {
            uniqueStorage().properties.name = newValue
            nameDigest = NameDigest(newValue)
        }
    }
    /// The subnet it lives in.
    public var subnetID: String {
        get { storage.properties.subnetID }
        set { uniqueStorage().properties.subnetID = newValue }
    }
    /// Private IPs, primary first.
    public var privateIPs: [IPv4Address] {
        get { storage.properties.privateIPs }
        set { uniqueStorage().properties.privateIPs = newValue }
    }
    /// The associated public or Elastic IP, if any.
    public var publicIP: IPv4Address? {
        get { storage.properties.publicIP }
        set { uniqueStorage().properties.publicIP = newValue }
    }
    /// Ids of its security groups.
    public var securityGroupIDs: [String] {
        get { storage.properties.securityGroupIDs }
        set { uniqueStorage().properties.securityGroupIDs = newValue }
    }
    /// Whether the source/destination check is on (off for appliances that forward traffic).
    public var sourceDestCheck: Bool {
        get { storage.properties.sourceDestCheck }
        set { uniqueStorage().properties.sourceDestCheck = newValue }
    }
    /// The instance it is attached to, if any.
    public var instanceID: String? {
        get { storage.properties.instanceID }
        set { uniqueStorage().properties.instanceID = newValue }
    }
    /// Tags.
    public var tags: Tags {
        get { storage.properties.tags }
        set { uniqueStorage().properties.tags = newValue }
    }

    /// Creates a network interface.
    public init(
        id: String, name: String, subnetID: String, privateIPs: [IPv4Address], publicIP: IPv4Address?,
        securityGroupIDs: [String], sourceDestCheck: Bool = true, instanceID: String? = nil,
        tags: Tags = [:]
    ) {
        storage = SharedProperties(
            Properties(
                id: id, name: name, subnetID: subnetID, privateIPs: privateIPs, publicIP: publicIP,
                securityGroupIDs: securityGroupIDs, sourceDestCheck: sourceDestCheck, instanceID: instanceID,
                tags: tags))
        idDigest = NameDigest(id)
        nameDigest = NameDigest(name)
    }

    /// Whether `other` is this very value, unchanged since one was copied from the other: then
    /// the two are equal without comparing their properties.
    public func isUnchangedCopy(of other: NetworkInterface) -> Bool { storage === other.storage }

    /// Whether `reference` is the interface's id or name.
    public func isNamed(_ reference: String) -> Bool { isNamed(reference, digest: NameDigest(reference)) }

    /// Whether `reference`, whose digest is `digest`, is the interface's id or name: strings are
    /// read (in place) only when a digest matches, so a lookup among tens of thousands of
    /// interfaces reads little more than their digests.
    public func isNamed(_ reference: String, digest: NameDigest) -> Bool {
        (idDigest == digest && storage.properties.id == reference)
            || (nameDigest == digest && storage.properties.name == reference)
    }

    /// Whether `other` has the same properties but perhaps the public IP.
    public func isSameButPublicIP(as other: NetworkInterface) -> Bool {
        var mine = storage.properties
        mine.publicIP = other.storage.properties.publicIP
        return mine == other.storage.properties
    }

    /// Equal when every property is: at once for an unchanged copy.
    public static func == (lhs: NetworkInterface, rhs: NetworkInterface) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.properties == rhs.storage.properties
    }

    /// Hashes every property.
    public func hash(into hasher: inout Hasher) { hasher.combine(storage.properties) }

    private mutating func uniqueStorage() -> SharedProperties<Properties> {
        SharedProperties.unique(&storage)
    }

    /// Every stored property of an interface.
    struct Properties: Hashable {
        var id: String
        var name: String
        var subnetID: String
        var privateIPs: [IPv4Address]
        var publicIP: IPv4Address?
        var securityGroupIDs: [String]
        var sourceDestCheck: Bool
        var instanceID: String?
        var tags: Tags
    }
}
