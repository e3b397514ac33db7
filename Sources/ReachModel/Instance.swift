/// An EC2 instance: a name for one or more network interfaces, the first being primary.
public struct Instance: Hashable, Sendable {
    /// The instance id (`i-…`) or design name.
    public var id: String
    /// The human name.
    public var name: String
    /// Ids of its network interfaces, primary (device 0) first.
    public var networkInterfaceIDs: [String]
    /// Tags.
    public var tags: Tags

    /// Creates an instance.
    public init(id: String, name: String, networkInterfaceIDs: [String], tags: Tags = [:]) {
        self.id = id
        self.name = name
        self.networkInterfaceIDs = networkInterfaceIDs
        self.tags = tags
    }
}
