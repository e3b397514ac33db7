import ReachGraph

/// One flow as the command line asks it: names, protocol and ports, resolved and answered.
struct FlowQuestion {
    var source: String
    var destination: String
    var protocolName: String
    var port: UInt16?
    var sourcePort: UInt16? = nil
    var icmpType: UInt8 = 8
    var icmpCode: UInt8 = 0

    /// Resolves the names and answers the question; bad names or ports print the reason and
    /// exit with the usage status.
    func answer(over graph: ForwardingGraph) throws -> CheckResult {
        let checker = ReachabilityChecker(graph: graph)
        do {
            let query = FlowQuery(
                source: try checker.resolver.resolve(source),
                destination: try checker.resolver.resolve(destination),
                flowProtocol: FlowProtocol(protocolName) ?? .single(.tcp), destinationPort: port,
                sourcePort: sourcePort,
                icmpType: icmpType, icmpCode: icmpCode)
            return try checker.check(query)
        } catch {
            printError("reach: \(error)")
            throw ExitStatus.usage
        }
    }
}
