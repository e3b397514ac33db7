import ReachNetwork

/// Where edits to route tables can change a path: for each edited VPC or transit gateway route
/// table, the prefixes whose routes were added, removed or changed; and the subnets and
/// attachments associated with another table than before.
///
/// A longest-prefix match for an address depends only on the routes whose prefix holds it, in
/// their order; so do the routes an on-prem site learns for it. A recorded lookup is touched
/// when the filter class of its address (every address the walk stood for: route prefixes are
/// filter boundaries) meets a changed prefix of the table it read, or when it was made for a
/// subnet or attachment now associated with another table.
struct RouteDelta: FootprintDelta {
    /// Changed prefixes per VPC route table (by graph index), with the subnets that used the
    /// table before, found once rather than per destination.
    private var routeTables: [Int: (changed: IPv4AddressSet, subnets: [Int])] = [:]
    /// Changed prefixes per transit gateway route table (by graph index), with the attachments
    /// associated with it before.
    private var transitGatewayRouteTables: [Int: (changed: IPv4AddressSet, attachments: [Int])] = [:]
    /// Subnets whose route table changed.
    private let reassociatedSubnets: [Int]
    /// Attachments whose transit gateway route table changed.
    private let reassociatedAttachments: [Int]

    init(before: ForwardingGraph, after: ForwardingGraph, edits: GraphEdits) {
        reassociatedSubnets = edits.subnetRouteTables
        reassociatedAttachments = edits.attachmentRouteTables
        for table in edits.routeTables {
            let changed = Self.changedPrefixes(
                before.routeTables[table].routes.map { RouteKey(prefix: $0.prefix, target: $0.target) },
                after.routeTables[table].routes.map { RouteKey(prefix: $0.prefix, target: $0.target) })
            if !changed.isEmpty {
                routeTables[table] = (
                    IPv4AddressSet(changed),
                    before.subnets.indices.filter { before.subnets[$0].routeTable == table }
                )
            }
        }
        for table in edits.transitGatewayRouteTables {
            func keys(_ graph: ForwardingGraph) -> [GatewayRouteKey] {
                graph.transitGatewayRouteTables[table].routes.map {
                    GatewayRouteKey(prefix: $0.prefix, attachment: $0.attachment, isStatic: $0.isStatic)
                }
            }
            let changed = Self.changedPrefixes(keys(before), keys(after))
            if !changed.isEmpty {
                transitGatewayRouteTables[table] = (
                    IPv4AddressSet(changed),
                    before.attachments.indices.filter { before.attachments[$0].routeTable == table }
                )
            }
        }
    }

    /// What a VPC route decides (its label only names it).
    private struct RouteKey: PrefixedRoute {
        let prefix: IPv4Prefix
        let target: CompiledRouteTarget
    }

    /// What a transit gateway route decides (its label only names it).
    private struct GatewayRouteKey: PrefixedRoute {
        let prefix: IPv4Prefix
        let attachment: Int?
        let isStatic: Bool
    }

    /// The prefixes whose routes, in order, differ between `old` and `new`: those of routes in
    /// one but not the other, and, for a prefix with several routes, those listed otherwise.
    private static func changedPrefixes<Route: PrefixedRoute>(_ old: [Route], _ new: [Route]) -> [IPv4Prefix]
    {
        let oldRoutes = Set(old)
        let newRoutes = Set(new)
        var changed = Set(oldRoutes.symmetricDifference(newRoutes).map(\.prefix))
        // Several routes for one prefix (rare) decide by their order: compare it.
        for routes in [old, new] where Set(routes.map(\.prefix)).count < routes.count {
            var seen: Set<IPv4Prefix> = []
            let repeated = Set(routes.map(\.prefix).filter { !seen.insert($0).inserted })
            for prefix in repeated
            where old.filter({ $0.prefix == prefix }) != new.filter({ $0.prefix == prefix }) {
                changed.insert(prefix)
            }
        }
        return Array(changed)
    }

    /// Whether no route or association changed.
    var isEmpty: Bool {
        routeTables.isEmpty && transitGatewayRouteTables.isEmpty && reassociatedSubnets.isEmpty
            && reassociatedAttachments.isEmpty
    }

    /// Marks the answers in `index` (over `graph`, the graph before, with its address `classes`)
    /// whose walks read a changed table for an address a changed prefix may hold, or read the
    /// table of a subnet or attachment now associated with another.
    func markTouched(
        _ touched: inout [Bool], in index: FootprintIndex, graph: ForwardingGraph, classes: AddressClasses
    ) {
        for (changed, subnets) in routeTables.values {
            let reach = classes.widened(changed)
            for subnet in subnets { Self.mark(&touched, index.subnetLookups[subnet] ?? [], reach) }
        }
        for (changed, attachments) in transitGatewayRouteTables.values {
            let reach = classes.widened(changed)
            for attachment in attachments {
                Self.mark(&touched, index.attachmentLookups[attachment] ?? [], reach)
            }
        }
        for subnet in reassociatedSubnets {
            for entry in index.subnetLookups[subnet] ?? [] { touched[Int(entry.batch)] = true }
        }
        for attachment in reassociatedAttachments {
            for entry in index.attachmentLookups[attachment] ?? [] { touched[Int(entry.batch)] = true }
        }
    }

    /// Marks the entries whose address is in `reach`: the changed prefixes widened to whole
    /// filter classes, so that one test per entry asks whether its class meets them.
    private static func mark(
        _ touched: inout [Bool], _ entries: [FootprintIndex.Entry], _ reach: IPv4AddressSet
    ) {
        for entry in entries where reach.contains(entry.peer) { touched[Int(entry.batch)] = true }
    }
}

/// A route reduced to what decides a lookup, with its prefix.
private protocol PrefixedRoute: Hashable {
    var prefix: IPv4Prefix { get }
}
