/// One thing wrong with a topology, found by ``TopologyValidator``.
public struct TopologyProblem: Hashable, Sendable, Error {
    /// How bad it is.
    public enum Severity: String, Hashable, Sendable, Codable {
        /// The topology is inconsistent; no answer over it can be trusted.
        case error
        /// Worth knowing; answers that depend on it say so.
        case warning
    }

    /// Error or warning.
    public var severity: Severity
    /// The resource at fault.
    public var resource: ResourceRef
    /// The field of that resource, such as `cidr` or `routes[2].target`.
    public var field: String
    /// What is wrong and what was expected.
    public var message: String

    /// Creates a problem.
    public init(_ severity: Severity, _ resource: ResourceRef, field: String, _ message: String) {
        self.severity = severity
        self.resource = resource
        self.field = field
        self.message = message
    }
}

extension TopologyProblem: CustomStringConvertible {
    /// `error: subnet app-a: cidr: 10.1.0.0/24 is outside …`.
    public var description: String {
        "\(severity.rawValue): \(resource): \(field): \(message)"
    }
}
