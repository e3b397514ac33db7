/// Which leg of a flow a hop or blocker is on.
public enum PathDirection: String, Hashable, Sendable, Codable {
    /// The request, from source to destination.
    case forward
    /// The reply, from destination back to source.
    case `return`
}
