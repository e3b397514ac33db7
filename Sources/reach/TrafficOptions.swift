import ArgumentParser
import ReachGraph
import ReachNetwork

/// `--protocol` and `--port` for questions over many flows: which traffic to report.
struct TrafficOptions: ParsableArguments {
    @Option(name: .customLong("protocol"), help: "tcp, udp, icmp, all, or a protocol number (default: all).")
    var protocolName: String = "all"

    @Option(
        help: ArgumentHelp(
            "A destination port or range, such as 5432 or 1024-2048 (tcp/udp).", valueName: "ports"))
    var port: String?

    func validate() throws {
        _ = try traffic()
    }

    /// The traffic the options name.
    func traffic() throws -> TrafficSet {
        let ports: IntervalSet<UInt16>
        if let port {
            guard let range = PortRange(port) else {
                throw ValidationError("--port must be a port or a range like 1024-2048, not '\(port)'")
            }
            ports = IntervalSet(range.closedRange)
        } else {
            ports = .full
        }
        let proto: IPProtocolNumber
        switch FlowProtocol(protocolName) {
        case .all:
            return port == nil ? .all : TrafficSet(tcpPorts: ports, udpPorts: ports)
        case .single(let single):
            proto = single
        case nil:
            throw ValidationError(
                "--protocol must be tcp, udp, icmp, all or a number 0-255, not '\(protocolName)'")
        }
        if !proto.hasPorts, port != nil { throw ValidationError("--port applies to tcp and udp only") }
        return proto.hasPorts ? TrafficSet(ports: ports, of: proto) : TrafficSet(protocol: proto)
    }
}
