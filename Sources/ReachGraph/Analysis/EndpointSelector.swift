import ReachModel
import ReachNetwork

/// A group of endpoints named on the command line: a name or id (anything `check` resolves),
/// `tag:KEY=VALUE`, `kind:KIND` or `vpc:NAME`.
public struct EndpointSelector: Hashable, Sendable, CustomStringConvertible {
    /// The text as given.
    public let description: String
    private let form: Form

    private enum Form: Hashable, Sendable {
        case name(String)
        case tag(key: String, value: String)
        case kind(Kind)
        case vpc(String)
    }

    /// The kinds `kind:` selects.
    public enum Kind: String, CaseIterable, Sendable {
        /// DB instances (each one's endpoint).
        case db
        /// ENIs that are not DB endpoints.
        case eni
        /// EC2 instances (their primary ENIs).
        case instance
        /// Subnets (their hosts without interfaces).
        case subnet
        /// On-prem sites.
        case onprem
        /// The internet.
        case internet
    }

    /// Whether the selector may name an address, whose owner a change of public IPs can change.
    var mayNameAnAddress: Bool {
        guard case .name(let text) = form else { return false }
        return text.first?.isNumber ?? false
    }

    /// Parses a selector; nil with a message when `kind:` names no kind or `tag:` has no `=`.
    public init(_ text: String) throws(EndpointSelectorError) {
        description = text
        if text.hasPrefix("tag:") {
            let body = text.dropFirst(4)
            guard let equals = body.firstIndex(of: "="), equals != body.startIndex else {
                throw .badTag(text)
            }
            form = .tag(key: String(body[..<equals]), value: String(body[body.index(after: equals)...]))
        } else if text.hasPrefix("kind:") {
            guard let kind = Kind(rawValue: String(text.dropFirst(5))) else { throw .unknownKind(text) }
            form = .kind(kind)
        } else if text.hasPrefix("vpc:") {
            form = .vpc(String(text.dropFirst(4)))
        } else {
            form = .name(text)
        }
    }

    /// The endpoints selected, each resolvable as `check` would resolve it; throws when a name
    /// resolves to nothing or the selection is empty.
    public func endpoints(in graph: ForwardingGraph) throws(EndpointSelectorError) -> [Endpoint] {
        let resolver = EndpointResolver(graph: graph)
        let topology = graph.topology
        var names: [String]
        switch form {
        case .name(let name):
            do {
                return [try resolver.resolve(name)]
            } catch {
                throw .unresolved(description, "\(error)")
            }
        case .kind(let kind):
            switch kind {
            case .db: names = topology.dbInstances.map(\.id)
            case .eni: names = topology.networkInterfaces.map(\.id)
            case .instance:
                var seen: Set<String> = []
                names = topology.networkInterfaces.filter {
                    $0.instanceID.map { seen.insert($0).inserted } ?? false
                }
                .map(\.id)
            case .subnet: names = topology.subnets.map(\.id)
            case .onprem: names = topology.onPremSites.map(\.id)
            case .internet: names = ["internet"]
            }
        case .tag(let key, let value):
            names = Self.tagged(key, value, topology)
        case .vpc(let name):
            guard let vpc = topology.vpcs.first(where: { $0.name == name || $0.id == name }) else {
                throw .unresolved(description, "no VPC is named \(name)")
            }
            let subnets = Set(topology.subnets.filter { $0.vpcID == vpc.id }.map(\.id))
            names =
                topology.networkInterfaces.filter { subnets.contains($0.subnetID) }.map(\.id)
                + topology.dbInstances.filter { subnets.contains($0.subnetID) }.map(\.id)
        }
        let endpoints = names.compactMap { Self.endpoint(id: $0, graph) ?? (try? resolver.resolve($0)) }
        guard !endpoints.isEmpty else { throw .empty(description) }
        return endpoints
    }

    /// The endpoint of an ENI, DB instance or subnet by id, built directly (resolving by name
    /// scans the topology, which selectors over thousands of ids cannot afford).
    private static func endpoint(id: String, _ graph: ForwardingGraph) -> Endpoint? {
        if let index = graph.interfaceIndex[id] {
            let member = EndpointMember.interface(index, graph: graph)
            return Endpoint(kind: .networkInterface, ref: member.ref, databasePort: nil, members: [member])
        }
        if let index = graph.databaseInterfaces[id], case .database(let db) = graph.interfaces[index].owner {
            let member = EndpointMember.interface(index, graph: graph)
            return Endpoint(
                kind: .dbInstance, ref: member.ref, databasePort: graph.topology.dbInstances[db].port,
                members: [member])
        }
        return nil
    }

    /// ENIs and DB instances carrying the tag themselves, through their instance, or through
    /// their subnet or VPC.
    private static func tagged(_ key: String, _ value: String, _ topology: Topology) -> [String] {
        let vpcs = Set(topology.vpcs.filter { $0.tags[key] == value }.map(\.id))
        let subnets = Set(
            topology.subnets.filter { $0.tags[key] == value || vpcs.contains($0.vpcID) }.map(\.id))
        let instances = Set(topology.instances.filter { $0.tags[key] == value }.map(\.id))
        let interfaces = topology.networkInterfaces.filter {
            $0.tags[key] == value || subnets.contains($0.subnetID)
                || $0.instanceID.map(instances.contains) == true
        }
        let databases = topology.dbInstances.filter { $0.tags[key] == value || subnets.contains($0.subnetID) }
        return interfaces.map(\.id) + databases.map(\.id)
    }
}

/// Why a selector selects nothing.
public enum EndpointSelectorError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `tag:` without `KEY=VALUE`.
    case badTag(String)
    /// `kind:` with a kind Reach does not know.
    case unknownKind(String)
    /// A name or VPC that resolves to nothing, with the resolver's reason.
    case unresolved(String, String)
    /// A selector that matches no endpoint.
    case empty(String)

    /// A message naming the selector and what was expected.
    public var description: String {
        switch self {
        case .badTag(let text): "\(text): expected tag:KEY=VALUE"
        case .unknownKind(let text):
            "\(text): expected kind:\(EndpointSelector.Kind.allCases.map(\.rawValue).joined(separator: "|"))"
        case .unresolved(let text, let reason): "\(text): \(reason)"
        case .empty(let text): "\(text) selects nothing in this topology"
        }
    }
}
