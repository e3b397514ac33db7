import ReachModel

/// A component of the network named in a path or a verdict: its kind, id and display name.
public struct ComponentRef: Hashable, Sendable, Codable {
    /// The kind, such as `security-group` or `route-table`.
    public var kind: String
    /// The id.
    public var id: String
    /// The display name (the `Name` tag or design name); equals `id` when it has none.
    public var name: String

    /// Creates a reference.
    public init(kind: String, id: String, name: String) {
        self.kind = kind
        self.id = id
        self.name = name
    }

    /// A reference to a model resource.
    public init(_ kind: ResourceKind, id: String, name: String) {
        self.init(kind: kind.rawValue, id: id, name: name)
    }

    /// The internet, as one external network.
    public static let internet = ComponentRef(kind: "internet", id: "internet", name: "internet")
}

extension ComponentRef: CustomStringConvertible {
    /// `name (id)`, or the id alone when both are the same.
    public var description: String { name == id ? id : "\(name) (\(id))" }
}
