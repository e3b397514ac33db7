/// Interpolation overloads for the value types every trace message names. The generic
/// interpolation finds `description` through a dynamic protocol-conformance lookup per value,
/// which dominated the cost of building a path's text.
extension DefaultStringInterpolation {
    /// Appends the dotted-quad form.
    public mutating func appendInterpolation(_ address: IPv4Address) {
        appendLiteral(address.description)
    }

    /// Appends the CIDR form.
    public mutating func appendInterpolation(_ prefix: IPv4Prefix) {
        appendLiteral(prefix.description)
    }

    /// Appends `tcp`, `udp`, `icmp` or the number.
    public mutating func appendInterpolation(_ proto: IPProtocolNumber) {
        appendLiteral(proto.description)
    }

    /// Appends the packet's one-line form.
    public mutating func appendInterpolation(_ packet: Packet) {
        appendLiteral(packet.description)
    }

    /// Appends `5432`, `1024-65535` or `all`.
    public mutating func appendInterpolation(_ range: PortRange) {
        appendLiteral(range.description)
    }
}
