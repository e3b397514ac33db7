import ReachModel
import ReachNetwork

/// VPCs, subnets, gateways, peering, prefix lists, on-prem sites and route tables.
extension TopologyBuilder {
    /// The AWS peering connection status codes.
    static let peeringStatuses = [
        "initiating-request", "pending-acceptance", "active", "deleted", "rejected", "failed", "expired",
        "provisioning", "deleting",
    ]
    /// The AWS NAT gateway states.
    static let natStates = ["pending", "failed", "available", "deleting", "deleted"]
    /// Id prefixes of route targets this version does not model; routes to them give `unknown`.
    /// (Transit gateways, virtual private gateways and VPC endpoints are modelled: an id of
    /// theirs that names nothing is a dangling reference.)
    static let unsupportedTargetPrefixes: [(prefix: String, kind: String)] = [
        ("eigw-", "egress-only-internet-gateway"), ("cagw-", "carrier-gateway"), ("lgw-", "local-gateway"),
        ("gwlbe-", "gateway-load-balancer-endpoint"), ("cgw-", "customer-gateway"),
    ]

    /// A non-empty list of CIDR blocks under `key`.
    func prefixes(_ item: YAMLMapping, _ key: String, allowEmpty: Bool = false) throws(TopologyFileError)
        -> [IPv4Prefix]
    {
        let value = try item.required(key)
        let elements = try value.list("a list of IPv4 CIDR blocks such as [10.0.0.0/16]")
        if elements.isEmpty, !allowEmpty { throw value.invalid("a list of at least one IPv4 CIDR block") }
        var blocks: [IPv4Prefix] = []
        for element in elements { blocks.append(try element.prefix()) }
        return blocks
    }

    /// The optional text under `key` that must be one of `choices`.
    func choice(_ item: YAMLMapping, _ key: String, _ choices: [String]) throws(TopologyFileError) -> String?
    {
        guard let value = item[key] else { return nil }
        let expected =
            choices.count == 2
            ? "\(choices[0]) or \(choices[1])" : "one of \(choices.joined(separator: ", "))"
        let text = try value.scalarText(expected)
        guard choices.contains(text) else { throw value.invalid(expected) }
        return text
    }

    mutating func buildVPCs() throws(TopologyFileError) {
        for item in items[.vpcs] ?? [] {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            var vpcRegion = region
            if let value = item["region"] { vpcRegion = try value.name("a region such as us-east-1") }
            topology.vpcs.append(
                VPC(
                    id: id, name: name, region: vpcRegion, cidrBlocks: try prefixes(item, "cidrs"),
                    tags: try item.tags()))
            record(.vpc, id, item)
        }
    }

    mutating func buildPrefixLists() throws(TopologyFileError) {
        for item in items[.prefixLists] ?? [] {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            topology.prefixLists.append(
                ManagedPrefixList(
                    id: id, name: name, cidrBlocks: try prefixes(item, "cidrs", allowEmpty: true),
                    tags: try item.tags()))
            record(.prefixList, id, item)
        }
    }

    mutating func buildOnPremSites() throws(TopologyFileError) {
        for item in items[.onPremSites] ?? [] {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            topology.onPremSites.append(
                OnPremSite(
                    id: id, name: name, cidrBlocks: try prefixes(item, "cidrs"),
                    publicCIDRBlocks: item["publicCidrs"] == nil
                        ? [] : try prefixes(item, "publicCidrs", allowEmpty: true),
                    tags: try item.tags())
            )
            record(.onPremSite, id, item)
        }
    }

    mutating func buildInternetGateways() throws(TopologyFileError) {
        for item in items[.internetGateways] ?? [] {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            var vpcID: String?
            if let value = item["vpc"] { vpcID = try resolve(\.vpcs, value) }
            topology.internetGateways.append(
                InternetGateway(id: id, name: name, vpcID: vpcID, tags: try item.tags()))
            record(.internetGateway, id, item)
        }
    }

    mutating func buildSubnets() throws(TopologyFileError) {
        for item in items[.subnets] ?? [] {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            let vpcID = try resolve(\.vpcs, try item.required("vpc"))
            let block = try item.required("cidr").prefix()
            let zone = try item.required("az").name("an availability zone such as us-east-1a")
            topology.subnets.append(
                Subnet(
                    id: id, name: name, vpcID: vpcID, availabilityZone: zone, cidrBlock: block,
                    tags: try item.tags()))
            subnetVPC[id] = vpcID
            subnetBlock[id] = block
            record(.subnet, id, item)
        }
    }

    mutating func buildPeeringConnections() throws(TopologyFileError) {
        for item in items[.peeringConnections] ?? [] {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            let requester = try resolve(\.vpcs, try item.required("requester"))
            let accepter = try resolve(\.vpcs, try item.required("accepter"))
            let status = try choice(item, "status", Self.peeringStatuses) ?? "active"
            topology.peeringConnections.append(
                VPCPeeringConnection(
                    id: id, name: name, requesterVPCID: requester, accepterVPCID: accepter, status: status,
                    tags: try item.tags()))
            record(.peeringConnection, id, item)
        }
    }

    mutating func buildNATGateways() throws(TopologyFileError) {
        for item in items[.natGateways] ?? [] {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            let subnetID = try resolve(\.subnets, try item.required("subnet"))
            let privateIP = try item.required("privateIp").address()
            var publicIP: IPv4Address?
            if let value = item["publicIp"] { publicIP = try value.address() }
            let connectivity: NATGateway.Connectivity =
                try choice(item, "connectivity", ["public", "private"]) == "private" ? .private : .public
            if connectivity == .private, let value = item["publicIp"] {
                throw .conflict(
                    value.location, message: "a private NAT gateway has no Elastic IP; remove publicIp")
            }
            let state = try choice(item, "state", Self.natStates) ?? "available"
            topology.natGateways.append(
                NATGateway(
                    id: id, name: name, subnetID: subnetID, connectivity: connectivity, privateIP: privateIP,
                    publicIP: publicIP, isAvailable: state == "available", tags: try item.tags()))
            record(.natGateway, id, item)
        }
    }

    mutating func buildRouteTables() throws(TopologyFileError) {
        for item in items[.routeTables] ?? [] {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            let vpcID = try resolve(\.vpcs, try item.required("vpc"))
            var routes: [Route] = []
            for value in try item.list("routes", "a list of routes, each {destination: …, target: …}") {
                routes.append(try route(value))
            }
            var table = RouteTable(
                id: id, name: name, vpcID: vpcID, isMain: try item.bool("main", default: false),
                subnetIDs: try resolveList(\.subnets, item, "subnets"), routes: routes, tags: try item.tags())
            table.propagatingGatewayIDs = try resolveList(
                \.virtualPrivateGateways, item, "propagatingGateways")
            topology.routeTables.append(table)
            record(.routeTable, id, item)
        }
    }

    /// One route: a destination (CIDR or prefix list), a target and a state.
    private func route(_ value: YAMLValue) throws(TopologyFileError) -> Route {
        let item = try YAMLMapping(value, describing: "a route", allowed: Section.routeKeys)
        let destination = try routeDestination(try item.required("destination"))
        var state: RouteState = .active
        if try choice(item, "state", ["active", "blackhole"]) == "blackhole" { state = .blackhole }
        let targetValue = try item.required("target")
        let targetText = try targetValue.name(
            "a route target: local, blackhole, or a gateway, peering connection, interface, instance"
                + " or endpoint")
        switch targetText {
        case "local":
            return Route(destination: destination, target: .local, state: state)
        case "blackhole":
            if let stateValue = item["state"], state == .active {
                throw .conflict(
                    stateValue.location, message: "a route to blackhole is in state blackhole, not active")
            }
            return Route(
                destination: destination, target: .unsupported(kind: "blackhole", id: "blackhole"),
                state: .blackhole)
        default:
            break
        }
        var candidates: [(label: String, target: RouteTarget)] = []
        func consider(_ registry: Registry, _ make: (String) -> RouteTarget?) {
            guard let found = registry.lookup(targetText), let target = make(found.id) else { return }
            let label = "\(registry.kind) '\(found.name)' (line \(found.item.line))"
            if !candidates.contains(where: { $0.target == target }) { candidates.append((label, target)) }
        }
        consider(internetGateways) { .internetGateway($0) }
        consider(natGateways) { .natGateway($0) }
        consider(peeringConnections) { .peeringConnection($0) }
        consider(networkInterfaces) { .networkInterface($0) }
        consider(instances) { id in primaryInterface[id].map { .networkInterface($0) } }
        consider(transitGateways) { .transitGateway($0) }
        consider(virtualPrivateGateways) { .virtualPrivateGateway($0) }
        consider(vpcEndpoints) { .vpcEndpoint($0) }
        consider(firewallEndpoints) { .vpcEndpoint($0) }
        if candidates.count > 1 {
            throw .ambiguousReference(
                targetValue.location, name: targetText, candidates: candidates.map(\.label))
        }
        if let only = candidates.first {
            return Route(destination: destination, target: only.target, state: state)
        }
        if let unsupported = Self.unsupportedTargetPrefixes.first(where: { targetText.hasPrefix($0.prefix) })
        {
            return Route(
                destination: destination, target: .unsupported(kind: unsupported.kind, id: targetText),
                state: state)
        }
        if state == .blackhole {
            // A blackhole route's target is gone: keep its id, guessing the kind from the prefix.
            return Route(destination: destination, target: Self.guessTarget(targetText), state: state)
        }
        let everything = [
            internetGateways, natGateways, peeringConnections, networkInterfaces, instances, transitGateways,
            virtualPrivateGateways, vpcEndpoints, firewallEndpoints,
        ].flatMap(\.keys)
        throw .unknownReference(
            targetValue.location,
            kind:
                "route target (internet gateway, NAT gateway, peering connection, network interface,"
                + " instance, transit gateway, virtual private gateway, VPC endpoint or Network Firewall"
                + " endpoint)",
            name: targetText,
            suggestions: Array(
                closeMatches(to: targetText, among: everything + ["local", "blackhole"]).prefix(3)))
    }

    /// A route destination (VPC or transit gateway route): a CIDR block, or a prefix list by
    /// name or id.
    func routeDestination(_ value: YAMLValue) throws(TopologyFileError) -> RouteDestination {
        let text = try value.name("a CIDR block or a prefix list name or id")
        return Self.looksLikeAddress(text)
            ? .cidr(try value.prefix()) : .prefixList(try resolve(\.prefixLists, value))
    }

    /// The target a vanished id most likely was.
    private static func guessTarget(_ id: String) -> RouteTarget {
        if id.hasPrefix("igw-") { return .internetGateway(id) }
        if id.hasPrefix("nat-") { return .natGateway(id) }
        if id.hasPrefix("pcx-") { return .peeringConnection(id) }
        if id.hasPrefix("eni-") { return .networkInterface(id) }
        if id.hasPrefix("tgw-") { return .transitGateway(id) }
        if id.hasPrefix("vgw-") { return .virtualPrivateGateway(id) }
        if id.hasPrefix("vpce-") { return .vpcEndpoint(id) }
        return .unsupported(kind: "deleted-target", id: id)
    }

    /// Whether a reference is written as an address or block (so must parse as one) rather
    /// than as a name.
    static func looksLikeAddress(_ text: String) -> Bool {
        text.contains("/") || (text.first?.isNumber == true && text.contains("."))
    }
}
