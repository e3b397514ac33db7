/// An IPv4 CIDR block such as `10.0.0.0/16`. Host bits are always zero.
public struct IPv4Prefix: Hashable, Sendable {
    /// The first address of the block.
    public let network: IPv4Address
    /// The prefix length, 0 through 32.
    public let length: UInt8

    /// Creates the block of `length` bits containing `address`, clearing host bits.
    public init(containing address: IPv4Address, length: UInt8) {
        precondition(length <= 32, "prefix length above 32")
        self.length = length
        self.network = IPv4Address(address.value & IPv4Prefix.mask(length))
    }

    /// Parses `a.b.c.d/n`. Returns nil when the text is malformed or has host bits set
    /// (`10.0.1.0/16`), which in a network design is almost always a typo.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = IPv4Address(parts[0]),
            parts[1].count <= 2, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }),
            let length = UInt8(parts[1]), length <= 32
        else { return nil }
        let prefix = IPv4Prefix(containing: address, length: length)
        guard prefix.network == address else { return nil }
        self = prefix
    }

    /// The block holding every IPv4 address.
    public static let all = IPv4Prefix(containing: IPv4Address(0), length: 0)

    /// The netmask of a prefix length.
    @inlinable
    public static func mask(_ length: UInt8) -> UInt32 {
        length == 0 ? 0 : UInt32.max << (32 - UInt32(length))
    }

    /// The last address of the block.
    public var lastAddress: IPv4Address {
        IPv4Address(network.value | ~IPv4Prefix.mask(length))
    }

    /// The addresses of the block as a closed range of integers.
    public var range: ClosedRange<UInt32> {
        network.value...lastAddress.value
    }

    /// Whether the block holds `address`.
    @inlinable
    public func contains(_ address: IPv4Address) -> Bool {
        address.value & IPv4Prefix.mask(length) == network.value
    }

    /// Whether every address of `other` is in this block.
    public func contains(_ other: IPv4Prefix) -> Bool {
        other.length >= length && contains(other.network)
    }

    /// Whether the two blocks share any address (one then contains the other).
    public func overlaps(_ other: IPv4Prefix) -> Bool {
        contains(other.network) || other.contains(network)
    }
}

extension IPv4Prefix: CustomStringConvertible {
    /// CIDR notation.
    public var description: String { "\(network)/\(length)" }
}

extension IPv4Prefix: Codable {
    /// Decodes CIDR notation.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let prefix = IPv4Prefix(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected an IPv4 CIDR block, got '\(text)'")
        }
        self = prefix
    }

    /// Encodes as CIDR notation.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
