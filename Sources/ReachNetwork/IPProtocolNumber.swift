/// An IP protocol as AWS rules name it: a number, with `-1` (all) handled by ``ProtocolMatch``.
public struct IPProtocolNumber: Hashable, Sendable, Comparable {
    /// The IANA protocol number (6 tcp, 17 udp, 1 icmp).
    public let number: UInt8

    /// Creates a protocol from its IANA number.
    public init(_ number: UInt8) {
        self.number = number
    }

    /// TCP.
    public static let tcp = IPProtocolNumber(6)
    /// UDP.
    public static let udp = IPProtocolNumber(17)
    /// ICMP.
    public static let icmp = IPProtocolNumber(1)

    /// Parses `tcp`, `udp`, `icmp` or a number 0-255.
    public init?(_ text: some StringProtocol) {
        switch text.lowercased() {
        case "tcp": self = .tcp
        case "udp": self = .udp
        case "icmp": self = .icmp
        default:
            guard let number = UInt8(text) else { return nil }
            self.number = number
        }
    }

    /// Whether the protocol carries ports (tcp and udp).
    public var hasPorts: Bool { self == .tcp || self == .udp }

    /// Orders by number.
    public static func < (lhs: IPProtocolNumber, rhs: IPProtocolNumber) -> Bool {
        lhs.number < rhs.number
    }
}

extension IPProtocolNumber: CustomStringConvertible {
    /// `tcp`, `udp`, `icmp`, or the number.
    public var description: String {
        switch self {
        case .tcp: "tcp"
        case .udp: "udp"
        case .icmp: "icmp"
        default: "\(number)"
        }
    }
}
