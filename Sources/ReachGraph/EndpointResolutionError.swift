/// Why a source or destination on the command line does not name one endpoint.
public enum EndpointResolutionError: Error, Hashable, Sendable {
    /// Nothing has this name or id.
    case notFound(String)
    /// Several resources have this name; every candidate is listed.
    case ambiguous(String, candidates: [String])
    /// An IP address outside every VPC, on-prem site and the public internet.
    case addressOutsideTopology(String)
    /// The resource exists but cannot send or receive traffic (such as a DB with no interface).
    case notAnEndpoint(String, reason: String)
}

extension EndpointResolutionError: CustomStringConvertible {
    /// A message naming the input and what was expected.
    public var description: String {
        switch self {
        case .notFound(let name):
            "'\(name)' names no network interface, instance, DB instance, DB cluster endpoint, subnet, "
                + "on-prem site or IP address in the topology (or use 'internet')"
        case .ambiguous(let name, let candidates):
            "'\(name)' matches several resources; use an id or a kind prefix (e.g. 'subnet:\(name)'):\n"
                + candidates.map { "  \($0)" }.joined(separator: "\n")
        case .addressOutsideTopology(let address):
            "\(address) is in no VPC, subnet or on-prem site of the topology and is not a public internet address"
        case .notAnEndpoint(let name, let reason):
            "'\(name)' cannot be a source or destination: \(reason)"
        }
    }
}
