/// The answer to a reachability question (S-F-2).
public enum Verdict: String, Hashable, Sendable, Codable {
    /// The request reaches the destination and its reply comes back.
    case reachable
    /// Something on the way blocks the request or its reply.
    case unreachable
    /// The input lacks what the answer needs; the reason says what.
    case unknown
}
