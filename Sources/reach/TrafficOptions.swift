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
        var ports: PortRange?
        if let port {
            guard let range = PortRange(port) else {
                throw ValidationError("--port must be a port or a range like 1024-2048, not '\(port)'")
            }
            ports = range
        }
        guard let flowProtocol = FlowProtocol(protocolName) else {
            throw ValidationError(
                "--protocol must be tcp, udp, icmp, all or a number 0-255, not '\(protocolName)'")
        }
        guard let traffic = TrafficSet(flowProtocol, ports: ports) else {
            throw ValidationError("--port applies to tcp and udp only")
        }
        return traffic
    }
}
