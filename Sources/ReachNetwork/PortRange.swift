/// An inclusive range of TCP or UDP ports, such as `5432` or `1024-65535`.
public struct PortRange: Hashable, Sendable {
    /// The first port.
    public let lowerBound: UInt16
    /// The last port.
    public let upperBound: UInt16

    /// Creates a range; nil when `lower` is above `upper`.
    public init?(_ lower: UInt16, _ upper: UInt16) {
        guard lower <= upper else { return nil }
        lowerBound = lower
        upperBound = upper
    }

    /// A range of one port.
    public init(_ port: UInt16) {
        lowerBound = port
        upperBound = port
    }

    /// Every port, 0 through 65535.
    public static let all = PortRange(0, 65535) ?? PortRange(0)

    /// The ephemeral ports clients open connections from, as AWS documents them (S-F-1).
    public static let ephemeral = PortRange(1024, 65535) ?? PortRange(1024)

    /// Parses `N`, `N-M` or `all`.
    public init?(_ text: some StringProtocol) {
        if text == "all" {
            self = .all
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
            let lower = UInt16(parts[0]),
            let upper = parts.count == 2 ? UInt16(parts[1]) : lower,
            let range = PortRange(lower, upper)
        else { return nil }
        self = range
    }

    /// Whether `port` is in the range.
    @inlinable
    public func contains(_ port: UInt16) -> Bool {
        port >= lowerBound && port <= upperBound
    }

    /// The range as a closed range of integers.
    public var closedRange: ClosedRange<UInt16> { lowerBound...upperBound }
}

extension PortRange: CustomStringConvertible {
    /// `5432`, `1024-65535`, or `all`.
    public var description: String {
        if self == .all { return "all" }
        return lowerBound == upperBound ? "\(lowerBound)" : "\(lowerBound)-\(upperBound)"
    }
}
