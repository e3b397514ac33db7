/// An IPv4 address, stored as its 32-bit big-endian value.
public struct IPv4Address: Hashable, Comparable, Sendable {
    /// The address as an unsigned integer: `10.0.0.1` is `0x0A00_0001`.
    public var value: UInt32

    /// Creates an address from its integer value.
    public init(_ value: UInt32) {
        self.value = value
    }

    /// Parses dotted-quad notation (`10.0.1.7`); returns nil for anything else,
    /// including leading zeros, which some tools read as octal.
    public init?(_ text: some StringProtocol) {
        var result: UInt32 = 0
        var octet: UInt32 = 0
        var digits = 0
        var octets = 0
        var leadingZero = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, octets < 3 else { return nil }
                result = result << 8 | octet
                octets += 1
                octet = 0
                digits = 0
                leadingZero = false
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                guard !leadingZero, digits < 3 else { return nil }
                if digits == 0, byte == UInt8(ascii: "0") { leadingZero = true }
                octet = octet * 10 + UInt32(byte - UInt8(ascii: "0"))
                guard octet <= 255 else { return nil }
                digits += 1
            } else {
                return nil
            }
        }
        guard digits > 0, octets == 3 else { return nil }
        self.value = result << 8 | octet
    }

    /// Orders addresses numerically.
    public static func < (lhs: IPv4Address, rhs: IPv4Address) -> Bool {
        lhs.value < rhs.value
    }
}

extension IPv4Address: CustomStringConvertible {
    /// Dotted-quad notation.
    public var description: String {
        "\(value >> 24).\(value >> 16 & 0xFF).\(value >> 8 & 0xFF).\(value & 0xFF)"
    }
}

extension IPv4Address: Codable {
    /// Decodes dotted-quad notation.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let address = IPv4Address(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected an IPv4 address, got '\(text)'")
        }
        self = address
    }

    /// Encodes as dotted-quad notation.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
