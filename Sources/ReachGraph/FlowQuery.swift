import ReachNetwork

/// The protocol of a query.
public enum FlowProtocol: Hashable, Sendable {
    /// One IP protocol.
    case single(IPProtocolNumber)
    /// Every protocol and port: reachable only if all traffic gets through.
    case all

    /// Parses `tcp`, `udp`, `icmp`, `all` (or `-1`), or a protocol number.
    public init?(_ text: String) {
        if text == "all" || text == "-1" {
            self = .all
        } else if let number = IPProtocolNumber(text) {
            self = .single(number)
        } else {
            return nil
        }
    }
}

/// One reachability question (S-F-1).
public struct FlowQuery: Hashable, Sendable {
    /// The source.
    public var source: Endpoint
    /// The destination.
    public var destination: Endpoint
    /// The protocol.
    public var flowProtocol: FlowProtocol
    /// The destination port (tcp/udp); defaults to the destination DB's port.
    public var destinationPort: UInt16?
    /// The source port; when nil, every ephemeral port (1024-65535) is considered.
    public var sourcePort: UInt16?
    /// The ICMP type (icmp only; default 8, echo request).
    public var icmpType: UInt8
    /// The ICMP code (icmp only; default 0).
    public var icmpCode: UInt8

    /// Creates a query.
    public init(
        source: Endpoint, destination: Endpoint, flowProtocol: FlowProtocol = .single(.tcp),
        destinationPort: UInt16? = nil, sourcePort: UInt16? = nil, icmpType: UInt8 = 8, icmpCode: UInt8 = 0
    ) {
        self.source = source
        self.destination = destination
        self.flowProtocol = flowProtocol
        self.destinationPort = destinationPort
        self.sourcePort = sourcePort
        self.icmpType = icmpType
        self.icmpCode = icmpCode
    }
}

/// Why a query cannot be asked as given.
public enum FlowQueryError: Error, Hashable, Sendable {
    /// tcp/udp needs a destination port and the destination is not a DB with one.
    case missingPort
    /// A port was given for a protocol without ports.
    case portWithoutPorts(String)
    /// Source and destination are the same endpoint.
    case sameEndpoint(String)
}

extension FlowQueryError: CustomStringConvertible {
    /// A message naming what was expected.
    public var description: String {
        switch self {
        case .missingPort:
            "--port is required for tcp and udp unless the destination is a DB with a known port"
        case .portWithoutPorts(let proto): "--port and --source-port apply to tcp and udp only, not \(proto)"
        case .sameEndpoint(let name): "the source and the destination are both \(name)"
        }
    }
}
