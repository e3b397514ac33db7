import ArgumentParser
import ReachGraph
import ReachNetwork
import ReachReport

/// `reach check`: can one source reach one destination on a protocol and port?
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Trace one flow and say whether it is reachable, and if not, what blocks it.",
        discussion: """
            SRC and DST: the name or id of a network interface, instance, DB instance, Aurora \
            cluster (CLUSTER for its writer, CLUSTER/reader for its reader endpoint), subnet, \
            on-prem site or interface VPC endpoint; 'internet'; an AWS service by its prefix \
            list name (com.amazonaws.REGION.SERVICE); or an IPv4 address. Prefix with subnet:, \
            instance:, eni:, db:, cluster:, onprem:, endpoint: or service: to pick among \
            resources sharing a name.
            """
    )

    @OptionGroup var topologyOptions: TopologyOptions

    @Option(name: .customLong("from"), help: ArgumentHelp("The source.", valueName: "SRC"))
    var source: String

    @Option(name: .customLong("to"), help: ArgumentHelp("The destination.", valueName: "DST"))
    var destination: String

    @Option(name: .customLong("protocol"), help: "tcp, udp, icmp, all, or a protocol number.")
    var protocolName: String = "tcp"

    @Option(help: "The destination port (tcp/udp). Defaults to the destination DB's port.")
    var port: UInt16?

    @Option(help: "The client's source port. Without it every ephemeral port (1024-65535) is considered.")
    var sourcePort: UInt16?

    @Option(help: "The ICMP type (icmp only).")
    var icmpType: UInt8 = 8

    @Option(help: "The ICMP code (icmp only).")
    var icmpCode: UInt8 = 0

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        guard FlowProtocol(protocolName) != nil else {
            throw ValidationError(
                "--protocol must be tcp, udp, icmp, all or a number 0-255, not '\(protocolName)'")
        }
    }

    func run() throws {
        let graph = try topologyOptions.loadGraph()
        let result = try FlowQuestion(
            source: source, destination: destination, protocolName: protocolName, port: port,
            sourcePort: sourcePort,
            icmpType: icmpType, icmpCode: icmpCode
        ).answer(over: graph)
        switch format {
        case .text: print(result.text())
        case .json: print(result.jsonString())
        }
        throw ExitStatus.of(result.verdict)
    }
}
