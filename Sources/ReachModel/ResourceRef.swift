/// A reference to one resource of a topology: its kind and id.
public struct ResourceRef: Hashable, Sendable, Codable {
    /// The kind of resource.
    public var kind: ResourceKind
    /// The resource's id (an AWS id, or the name where a design gave none).
    public var id: String

    /// Creates a reference.
    public init(_ kind: ResourceKind, _ id: String) {
        self.kind = kind
        self.id = id
    }
}

extension ResourceRef: CustomStringConvertible {
    /// `subnet app-a`.
    public var description: String { "\(kind.rawValue) \(id)" }
}
