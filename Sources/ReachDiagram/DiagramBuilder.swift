import ReachGraph
import ReachModel
import ReachNetwork

/// Builds the DOT text of a topology diagram, optionally with a flow's path drawn in: nested
/// clusters region → VPC → subnet, hosts with HTML-like labels, gateways at the VPC edge,
/// transit gateways with their route tables, peering, VPN and Direct Connect links to on-prem
/// sites, and one internet node. Output is deterministic: the same input gives the same bytes.
public enum DiagramBuilder {
    /// Nodes above which a diagram is hard to read.
    public static let legibleNodeCount = 300

    /// The diagram of `topology`, with `flow`'s path highlighted when given.
    public static func build(
        _ topology: Topology, options: DiagramOptions = DiagramOptions(), flow: CheckResult? = nil
    ) throws(DiagramError) -> DiagramDocument {
        var writer = DiagramWriter(topology: topology, options: options, path: flow.map(DiagramPath.init))
        try writer.selectVPCs()
        return writer.write()
    }
}

/// The path of a flow as the diagram sees it: the components it crosses and where it is blocked.
struct DiagramPath {
    let result: CheckResult
    /// Component ids in path order (request, then reply), with the hop's direction.
    let components: [(id: String, kind: String, direction: PathDirection)]

    init(_ result: CheckResult) {
        self.result = result
        components = result.trace.hops.map { ($0.component.id, $0.component.kind, $0.direction) }
    }

    var blockedIDs: Set<String> { Set(result.blockers.map(\.component.id)) }
}
