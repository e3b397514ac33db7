import ReachModel

/// A component of the network named in a path or a verdict: its kind, id and display name.
///
/// The three strings are kept behind one reference: a reference is copied into every hop,
/// blocker and endpoint member that names the component (thousands per question on a large
/// estate), and a copy then counts one reference instead of one per string.
public struct ComponentRef: Hashable, Sendable {
    private final class Names: Sendable {
        let kind: String
        let id: String
        let name: String

        init(kind: String, id: String, name: String) {
            self.kind = kind
            self.id = id
            self.name = name
        }
    }

    private var names: Names

    /// The kind, such as `security-group` or `route-table`.
    public var kind: String {
        get { names.kind }
        set { names = Names(kind: newValue, id: names.id, name: names.name) }
    }
    /// The id.
    public var id: String {
        get { names.id }
        set { names = Names(kind: names.kind, id: newValue, name: names.name) }
    }
    /// The display name (the `Name` tag or design name); equals `id` when it has none.
    public var name: String {
        get { names.name }
        set { names = Names(kind: names.kind, id: names.id, name: newValue) }
    }

    /// Creates a reference.
    public init(kind: String, id: String, name: String) {
        names = Names(kind: kind, id: id, name: name)
    }

    /// A reference to a model resource.
    public init(_ kind: ResourceKind, id: String, name: String) {
        self.init(kind: kind.rawValue, id: id, name: name)
    }

    /// The internet, as one external network.
    public static let internet = ComponentRef(kind: "internet", id: "internet", name: "internet")

    /// Equal kinds, ids and names; the same storage is known equal without comparing them.
    public static func == (lhs: ComponentRef, rhs: ComponentRef) -> Bool {
        lhs.names === rhs.names
            || (lhs.names.kind == rhs.names.kind && lhs.names.id == rhs.names.id
                && lhs.names.name == rhs.names.name)
    }

    /// Hashes the kind, id and name, as equality compares them.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(names.kind)
        hasher.combine(names.id)
        hasher.combine(names.name)
    }
}

extension ComponentRef: CustomStringConvertible {
    /// `name (id)`, or the id alone when both are the same.
    public var description: String { name == id ? id : "\(name) (\(id))" }
}
