import ReachGraph
import ReachModel
import ReachNetwork

/// Writes the DOT text; one instance per diagram.
struct DiagramWriter {
    let topology: Topology
    let options: DiagramOptions
    let path: DiagramPath?
    private(set) var includedVPCs: Set<String> = []
    private var lines: [String] = []
    private var nodeCount = 0
    var warnings: [String] = []
    /// The diagram node standing for each component id (interfaces map to their host node, etc.).
    var nodeOf: [String: String] = [:]
    /// The clusters each node sits in, outermost first, and the clusters open while writing.
    private var clustersOf: [String: [String]] = [:]
    private var openClusters: [String] = []
    private var pathNodes: Set<String> = []

    private static let pathColor = "#1565c0"
    private static let blockColor = "#c62828"
    private static let mutedColor = "#9e9e9e"

    // Indices built once, so that drawing stays linear in the size of the topology.
    let interfacesBySubnet: [String: [NetworkInterface]]
    let databasesBySubnet: [String: [DBInstance]]
    private let natsBySubnet: [String: [NATGateway]]
    private let instancesByID: [String: Instance]
    private let tableOfSubnet: [String: RouteTable]
    private let mainTableOfVPC: [String: RouteTable]
    private let groupNames: [String: String]

    init(topology: Topology, options: DiagramOptions, path: DiagramPath?) {
        self.topology = topology
        self.options = options
        self.path = path
        interfacesBySubnet = Dictionary(grouping: topology.networkInterfaces, by: \.subnetID)
        databasesBySubnet = Dictionary(grouping: topology.dbInstances, by: \.subnetID)
        natsBySubnet = Dictionary(grouping: topology.natGateways, by: \.subnetID)
        instancesByID = Dictionary(
            topology.instances.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var tables: [String: RouteTable] = [:]
        for table in topology.routeTables {
            for subnet in table.subnetIDs where tables[subnet] == nil { tables[subnet] = table }
        }
        tableOfSubnet = tables
        mainTableOfVPC = Dictionary(
            topology.routeTables.filter(\.isMain).map { ($0.vpcID, $0) },
            uniquingKeysWith: { first, _ in first })
        groupNames = Dictionary(
            topology.securityGroups.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: - Selection

    mutating func selectVPCs() throws(DiagramError) {
        switch options.focus {
        case .all:
            includedVPCs = Set(topology.vpcs.map(\.id))
        case .vpc(let name):
            guard let vpc = topology.vpcs.first(where: { $0.id == name || $0.name == name }) else {
                throw .unknownFocus(name)
            }
            includedVPCs = [vpc.id]
        case .path:
            guard let path else { throw .focusPathNeedsFlow }
            let ids = Set(path.components.map(\.id))
            includedVPCs = Set(
                topology.vpcs.filter { vpc in
                    ids.contains(vpc.id) || resources(in: vpc.id).contains { ids.contains($0) }
                }.map(\.id))
            if includedVPCs.isEmpty { includedVPCs = Set(topology.vpcs.map(\.id)) }
        }
    }

    /// Ids of the resources that live in VPC `vpcID` (for matching a path to VPCs).
    private func resources(in vpcID: String) -> [String] {
        let subnets = topology.subnets.filter { $0.vpcID == vpcID }.map(\.id)
        var ids = subnets
        for subnet in subnets {
            ids += (interfacesBySubnet[subnet] ?? []).map(\.id)
            ids += (databasesBySubnet[subnet] ?? []).map(\.id)
            ids += (natsBySubnet[subnet] ?? []).map(\.id)
        }
        ids += topology.routeTables.filter { $0.vpcID == vpcID }.map(\.id)
        ids += topology.internetGateways.filter { $0.vpcID == vpcID }.map(\.id)
        ids += topology.vpcEndpoints.filter { $0.vpcID == vpcID }.map(\.id)
        ids += topology.loadBalancers.filter { $0.vpcID == vpcID }.map(\.id)
        return ids
    }

    // MARK: - Writing

    mutating func write() -> DiagramDocument {
        header()
        let subnetsByVPC = Dictionary(grouping: topology.subnets, by: \.vpcID)
        let vpcs = topology.vpcs.filter { includedVPCs.contains($0.id) }
        for region in Set(vpcs.map(\.region)).sorted() {
            line("subgraph \(DOTText.quoted("cluster_region_\(region)")) {")
            openClusters = ["cluster_region_\(region)"]
            line("  label=\(DOTText.quoted(region)); style=rounded; color=\"#757575\";")
            for gateway in topology.transitGateways.sorted(by: { $0.id < $1.id })
            where gateway.region == region && drawsTransitGateway(gateway) {
                transitGatewayNode(gateway)
            }
            for vpc in vpcs.filter({ $0.region == region }).sorted(by: { $0.id < $1.id }) {
                vpcCluster(
                    vpc,
                    subnets: (subnetsByVPC[vpc.id] ?? []).sorted {
                        $0.cidrBlock.network < $1.cidrBlock.network
                    })
            }
            line("}")
            openClusters = []
        }
        externalNodes()
        connectivityEdges()
        if path == nil, options.showsAllowedTraffic { allowedTrafficEdges() }
        pathEdges()
        if path != nil { legend() }
        lines.append("}")
        if nodeCount > DiagramBuilder.legibleNodeCount {
            warnings.append(
                "the diagram has \(nodeCount) nodes, more than \(DiagramBuilder.legibleNodeCount) are hard to read: "
                    + "use --focus or a coarser --granularity")
        }
        return DiagramDocument(
            dot: lines.joined(separator: "\n") + "\n", nodeCount: nodeCount, warnings: warnings)
    }

    mutating func line(_ text: String) { lines.append(text) }

    private mutating func header() {
        let font = DOTText.quoted(options.fontName)
        line("digraph reach {")
        line(
            "  graph [compound=true, rankdir=LR, forcelabels=true, fontname=\(font), fontsize=11, nodesep=0.3, ranksep=0.6];"
        )
        line("  node [fontname=\(font), fontsize=10, shape=box, style=\"rounded,filled\", fillcolor=white];")
        line("  edge [fontname=\(font), fontsize=9];")
    }

    /// Whether a component is on the path (its node is drawn bold and coloured).
    private func onPath(_ ids: [String]) -> Bool {
        guard let path else { return false }
        let components = Set(path.components.map(\.id))
        return ids.contains { components.contains($0) }
    }

    private func blocked(_ ids: [String]) -> Bool {
        guard let path else { return false }
        return !path.blockedIDs.isDisjoint(with: ids)
    }

    /// Node attributes with path colouring: on the path blue and bold, blocked red, else muted when a path is drawn.
    private func style(_ ids: [String], _ base: [(String, String)]) -> [(String, String)] {
        var attributes = base
        if blocked(ids) {
            attributes += [("color", Self.blockColor), ("penwidth", "3"), ("fontcolor", Self.blockColor)]
        } else if onPath(ids) {
            attributes += [("color", Self.pathColor), ("penwidth", "3")]
        } else if path != nil {
            attributes += [("color", Self.mutedColor), ("fontcolor", Self.mutedColor)]
        }
        return attributes
    }

    private mutating func node(_ id: String, components: [String], _ attributes: [(String, String)]) {
        clustersOf[id] = openClusters
        for component in components { nodeOf[component] = id }
        if onPath(components) || blocked(components) { pathNodes.insert(id) }
        nodeCount += 1
        line("    \(DOTText.quoted(id))\(DOTText.attributes(style(components, attributes)));")
    }

    /// An HTML-like label: a bold title and detail rows, escaped.
    private func htmlLabel(_ title: String, _ rows: [String]) -> String {
        var label = "<<b>\(DOTText.html(title))</b>"
        for row in rows where !row.isEmpty {
            label += "<br/><font point-size=\"8\">\(DOTText.html(row))</font>"
        }
        return label + ">"
    }

    private func blockRows(_ ids: [String]) -> [String] {
        guard let path else { return [] }
        return path.result.blockers.filter { ids.contains($0.component.id) }.map {
            "BLOCKED: \($0.rule ?? $0.reason.rawValue)"
        }
    }

    // MARK: - Clusters

    func isPublic(_ subnet: Subnet) -> Bool {
        guard let table = routeTable(of: subnet) else { return false }
        return table.routes.contains { if case .internetGateway = $0.target { true } else { false } }
    }

    func routeTable(of subnet: Subnet) -> RouteTable? {
        tableOfSubnet[subnet.id] ?? mainTableOfVPC[subnet.vpcID]
    }

    private mutating func vpcCluster(_ vpc: VPC, subnets: [Subnet]) {
        line("  subgraph \(DOTText.quoted("cluster_vpc_\(vpc.id)")) {")
        openClusters.append("cluster_vpc_\(vpc.id)")
        defer { openClusters.removeLast() }
        line(
            "    label=\(htmlLabel(vpc.name, [vpc.id == vpc.name ? "" : vpc.id, vpc.cidrBlocks.map(\.description).joined(separator: ", ")]));"
        )
        line(
            "    style=\"rounded,filled\"; fillcolor=\"#fafafa\"; color=\(DOTText.quoted(onPath([vpc.id]) ? Self.pathColor : "#616161"));"
        )
        if options.granularity == .vpc {
            let hosts = subnets.reduce(0) { $0 + (interfacesBySubnet[$1.id]?.count ?? 0) }
            node(
                "vpc:\(vpc.id)", components: [vpc.id] + subnets.map(\.id) + resources(in: vpc.id),
                [("label", "\(subnets.count) subnets, \(hosts) interfaces"), ("shape", "box")])
        } else {
            for subnet in subnets { subnetCluster(subnet) }
        }
        for gateway in topology.internetGateways where gateway.vpcID == vpc.id {
            node(
                "igw:\(gateway.id)", components: [gateway.id],
                [
                    ("label", htmlLabel(gateway.name, ["internet gateway"])), ("shape", "invhouse"),
                    ("fillcolor", "#fff3e0"),
                ])
        }
        for gateway in topology.virtualPrivateGateways where gateway.vpcID == vpc.id {
            node(
                "vgw:\(gateway.id)",
                components: [gateway.id] + connections(endingOn: .virtualPrivateGateway(gateway.id)),
                [
                    ("label", htmlLabel(gateway.name, ["virtual private gateway"])), ("shape", "invhouse"),
                    ("fillcolor", "#ede7f6"),
                ])
        }
        for endpoint in topology.vpcEndpoints where endpoint.vpcID == vpc.id && endpoint.kind == .gateway {
            node(
                "vpce:\(endpoint.id)", components: [endpoint.id],
                [
                    ("label", htmlLabel(endpoint.name, ["gateway endpoint", endpoint.serviceName])),
                    ("shape", "cds"),
                ])
        }
        line("  }")
    }

    private mutating func subnetCluster(_ subnet: Subnet) {
        let publicSubnet = isPublic(subnet)
        line("    subgraph \(DOTText.quoted("cluster_subnet_\(subnet.id)")) {")
        openClusters.append("cluster_subnet_\(subnet.id)")
        defer { openClusters.removeLast() }
        line(
            "      label=\(htmlLabel(subnet.name, [subnet.cidrBlock.description + " · " + subnet.availabilityZone, publicSubnet ? "public" : "private"]));"
        )
        line(
            "      style=\"rounded,filled\"; fillcolor=\(DOTText.quoted(publicSubnet ? "#e3f2fd" : "#f1f8e9"));"
        )
        let interfaces = interfacesBySubnet[subnet.id] ?? []
        let databases = databasesBySubnet[subnet.id] ?? []
        if options.granularity == .subnet {
            node(
                "subnet:\(subnet.id)", components: [subnet.id] + interfaces.map(\.id) + databases.map(\.id),
                [("label", "\(interfaces.count) interfaces, \(databases.count) DBs"), ("shape", "box")])
        } else {
            node(
                "subnet:\(subnet.id)", components: [subnet.id],
                [("shape", "point"), ("style", "invis"), ("width", "0.01")])
            hostNodes(subnet, interfaces: interfaces, databases: databases)
        }
        line("    }")
    }

    private mutating func hostNodes(_ subnet: Subnet, interfaces: [NetworkInterface], databases: [DBInstance])
    {
        func groups(_ ids: [String]) -> String {
            "SG: " + ids.map { groupNames[$0] ?? $0 }.joined(separator: ", ")
        }
        var byInstance: [String: [NetworkInterface]] = [:]
        for interface in interfaces { byInstance[interface.instanceID ?? "", default: []].append(interface) }
        for instanceID in byInstance.keys.sorted() where !instanceID.isEmpty {
            guard let instance = instancesByID[instanceID], let attached = byInstance[instanceID] else {
                continue
            }
            let ids = [instance.id] + attached.map(\.id)
            var rows = attached.map { interface in
                interface.privateIPs.map(\.description).joined(separator: ", ")
                    + (interface.publicIP.map { " · public \($0)" } ?? "")
            }
            rows.append(groups(Array(Set(attached.flatMap(\.securityGroupIDs))).sorted()))
            node(
                "host:\(instance.id)", components: ids,
                [("label", htmlLabel(instance.name, rows + blockRows(ids)))])
        }
        // Interfaces of no instance, or of an instance the input lacks, are drawn on their own.
        let standalone = byInstance.filter { $0.key.isEmpty || instancesByID[$0.key] == nil }.flatMap(\.value)
        for interface in standalone.sorted(by: { $0.id < $1.id }) {
            let rows = [
                interface.privateIPs.map(\.description).joined(separator: ", "),
                groups(interface.securityGroupIDs),
            ]
            node(
                "host:\(interface.id)", components: [interface.id],
                [("label", htmlLabel(interface.name, rows + blockRows([interface.id])))])
        }
        for db in databases.sorted(by: { $0.id < $1.id }) {
            let rows = [
                "\(db.engine) :\(db.port)", db.privateIP.map(\.description) ?? "address not given",
                db.publiclyAccessible ? "publicly accessible" : "", groups(db.securityGroupIDs),
            ]
            node(
                "db:\(db.id)", components: [db.id],
                [
                    ("label", htmlLabel(db.name, rows + blockRows([db.id]))), ("shape", "cylinder"),
                    ("fillcolor", "#fffde7"),
                ])
        }
        for nat in natsBySubnet[subnet.id] ?? [] {
            node(
                "nat:\(nat.id)", components: [nat.id],
                [
                    (
                        "label",
                        htmlLabel(
                            nat.name,
                            [
                                "NAT gateway", nat.privateIP.description,
                                nat.publicIP.map { "EIP \($0)" } ?? "",
                            ])
                    ), ("shape", "octagon"),
                ])
        }
        for endpoint in topology.vpcEndpoints where endpoint.kind == .interface {
            for placed in endpoint.interfaces where placed.subnetID == subnet.id {
                node(
                    "vpce:\(endpoint.id):\(subnet.id)", components: [endpoint.id],
                    [
                        (
                            "label",
                            htmlLabel(endpoint.name, ["interface endpoint", placed.privateIP.description])
                        ), ("shape", "component"),
                    ])
            }
        }
        for balancer in topology.loadBalancers {
            for placed in balancer.nodes where placed.subnetID == subnet.id {
                node(
                    "lb:\(balancer.id):\(subnet.id)", components: [balancer.id],
                    [
                        (
                            "label",
                            htmlLabel(
                                balancer.name,
                                ["\(balancer.type) load balancer node", placed.privateIP.description])
                        ), ("shape", "box3d"),
                    ])
            }
        }
        for firewall in topology.networkFirewalls {
            for endpoint in firewall.endpoints where endpoint.subnetID == subnet.id {
                node(
                    "fw:\(endpoint.endpointID)",
                    components: [endpoint.endpointID, firewall.id, firewall.policyID],
                    [
                        ("label", htmlLabel(firewall.name, ["firewall endpoint", endpoint.endpointID])),
                        ("shape", "hexagon"), ("fillcolor", "#fce4ec"),
                    ])
            }
        }
    }

    private func drawsTransitGateway(_ gateway: TransitGateway) -> Bool {
        topology.transitGatewayAttachments.contains { attachment in
            guard attachment.transitGatewayID == gateway.id else { return false }
            if case .vpc(let vpc, _) = attachment.resource { return includedVPCs.contains(vpc) }
            return options.focus == .all
        }
    }

    private mutating func transitGatewayNode(_ gateway: TransitGateway) {
        let tables = topology.transitGatewayRouteTables.filter { $0.transitGatewayID == gateway.id }.sorted {
            $0.id < $1.id
        }
        let ids =
            [gateway.id] + tables.map(\.id)
            + topology.transitGatewayAttachments.filter { $0.transitGatewayID == gateway.id }.map(\.id)
        node(
            "tgw:\(gateway.id)", components: ids,
            [
                (
                    "label",
                    htmlLabel(
                        gateway.name,
                        ["transit gateway"] + tables.map { "route table \($0.name)" } + blockRows(ids))
                ),
                ("shape", "doubleoctagon"), ("fillcolor", "#e8eaf6"),
            ])
    }

    /// VPN connections and virtual interfaces that end on `gateway`: a path crossing one is
    /// drawn through the gateway's node.
    private func connections(endingOn gateway: HybridGatewayRef) -> [String] {
        topology.vpnConnections.filter { $0.gateway == gateway }.map(\.id)
            + topology.virtualInterfaces.filter { $0.gateway == gateway }.map(\.id)
    }

    // MARK: - Outside the VPCs

    private mutating func externalNodes() {
        let needsInternet = topology.internetGateways.contains {
            $0.vpcID.map(includedVPCs.contains) ?? false
        }
        if needsInternet || onPath(["internet"]) {
            node(
                "internet", components: ["internet"],
                [("label", "internet"), ("shape", "ellipse"), ("fillcolor", "#eceff1")])
        }
        for site in topology.onPremSites.sorted(by: { $0.id < $1.id }) {
            node(
                "site:\(site.id)", components: [site.id],
                [
                    (
                        "label",
                        htmlLabel(
                            site.name,
                            ["on-prem", site.cidrBlocks.map(\.description).joined(separator: ", ")])
                    ),
                    ("shape", "tab"), ("fillcolor", "#efebe9"),
                ])
        }
        for gateway in topology.directConnectGateways.sorted(by: { $0.id < $1.id }) {
            node(
                "dxgw:\(gateway.id)",
                components: [gateway.id] + connections(endingOn: .directConnectGateway(gateway.id)),
                [
                    ("label", htmlLabel(gateway.name, ["Direct Connect gateway"])), ("shape", "invhouse"),
                    ("fillcolor", "#ede7f6"),
                ])
        }
        for peering in topology.peeringConnections.sorted(by: { $0.id < $1.id })
        where includedVPCs.contains(peering.requesterVPCID) || includedVPCs.contains(peering.accepterVPCID) {
            node(
                "pcx:\(peering.id)", components: [peering.id],
                [
                    ("label", htmlLabel(peering.name, ["peering · \(peering.status)"])), ("shape", "diamond"),
                    ("style", peering.isActive ? "filled" : "filled,dashed"),
                ])
        }
        let services = topology.prefixLists.filter {
            $0.name.hasPrefix("com.amazonaws.") && onPath([$0.name])
        }
        for service in services {
            node(
                "svc:\(service.name)", components: [service.name],
                [("label", service.name), ("shape", "folder")])
        }
    }

    // MARK: - Edges

    /// `attributes` without an `ltail` or `lhead` that would name a cluster holding the other end
    /// of the edge, or not holding its own end: Graphviz cannot clip such an edge, and 2.42
    /// double-frees it when the layout is released.
    func compoundSafe(_ attributes: [(String, String)], from: String, to: String) -> [(String, String)] {
        attributes.filter { key, cluster in
            switch key {
            case "ltail":
                (clustersOf[from] ?? []).contains(cluster) && !(clustersOf[to] ?? []).contains(cluster)
            case "lhead":
                (clustersOf[to] ?? []).contains(cluster) && !(clustersOf[from] ?? []).contains(cluster)
            default: true
            }
        }
    }

    private mutating func edge(
        _ from: String, _ to: String, label: String, tooltip: String, extra: [(String, String)] = []
    ) {
        guard nodeOf.values.contains(from) || from == "internet",
            nodeOf.values.contains(to) || to == "internet"
        else { return }
        var attributes: [(String, String)] = [("xlabel", label), ("tooltip", tooltip)]
        if from.hasPrefix("subnet:") {
            attributes.append(("ltail", "cluster_subnet_" + from.dropFirst("subnet:".count)))
        }
        if path != nil { attributes += [("color", Self.mutedColor), ("fontcolor", Self.mutedColor)] }
        let safe = compoundSafe(attributes + extra, from: from, to: to)
        line("  \(DOTText.quoted(from)) -> \(DOTText.quoted(to))\(DOTText.attributes(safe));")
    }

    private func targetNode(_ target: RouteTarget) -> String? {
        switch target {
        case .internetGateway(let id): "igw:\(id)"
        case .natGateway(let id): "nat:\(id)"
        case .peeringConnection(let id): "pcx:\(id)"
        case .transitGateway(let id): "tgw:\(id)"
        case .virtualPrivateGateway(let id): "vgw:\(id)"
        case .vpcEndpoint(let id): nodeOf[id] ?? "vpce:\(id)"
        case .networkInterface(let id): nodeOf[id]
        case .local, .unsupported, .missing: nil
        }
    }

    private func anchor(ofSubnet subnet: Subnet) -> String {
        options.granularity == .vpc ? "vpc:\(subnet.vpcID)" : "subnet:\(subnet.id)"
    }

    private mutating func connectivityEdges() {
        // Routes, aggregated per source (subnet or VPC) and target, labelled with their prefixes.
        var routesByEdge: [String: (from: String, to: String, prefixes: [String], tables: Set<String>)] = [:]
        for subnet in topology.subnets where includedVPCs.contains(subnet.vpcID) {
            guard let table = routeTable(of: subnet) else { continue }
            for route in table.routes where route.state == .active {
                guard let target = targetNode(route.target) else { continue }
                let from = anchor(ofSubnet: subnet)
                let key = "\(from)|\(target)"
                var entry = routesByEdge[key] ?? (from, target, [], [])
                if !entry.prefixes.contains(route.destination.description) {
                    entry.prefixes.append(route.destination.description)
                }
                entry.tables.insert(table.name)
                routesByEdge[key] = entry
            }
        }
        for (_, entry) in routesByEdge.sorted(by: { $0.key < $1.key }) {
            let shown =
                entry.prefixes.prefix(3).joined(separator: ", ")
                + (entry.prefixes.count > 3 ? " +\(entry.prefixes.count - 3)" : "")
            edge(
                entry.from, entry.to, label: shown,
                tooltip:
                    "route table \(entry.tables.sorted().joined(separator: ", ")): \(entry.prefixes.joined(separator: ", "))"
            )
        }
        for gateway in topology.internetGateways.sorted(by: { $0.id < $1.id })
        where gateway.vpcID.map(includedVPCs.contains) ?? false {
            edge(
                "igw:\(gateway.id)", "internet", label: "", tooltip: "\(gateway.name) to the internet",
                extra: [("dir", "both")])
        }
        for peering in topology.peeringConnections.sorted(by: { $0.id < $1.id }) {
            for vpc in [peering.requesterVPCID, peering.accepterVPCID] where includedVPCs.contains(vpc) {
                if let anchor = vpcAnchor(vpc) {
                    edge(
                        "pcx:\(peering.id)", anchor.node, label: "",
                        tooltip: "\(peering.name) (\(peering.status))",
                        extra: anchor.attributes + [("dir", "both")])
                }
            }
        }
        for attachment in topology.transitGatewayAttachments.sorted(by: { $0.id < $1.id }) {
            let table =
                topology.transitGatewayRouteTables.first { $0.associationIDs.contains(attachment.id) }?.name
                ?? "no route table"
            let tgw = "tgw:\(attachment.transitGatewayID)"
            switch attachment.resource {
            case .vpc(let vpc, _):
                if let anchor = vpcAnchor(vpc) {
                    edge(
                        tgw, anchor.node, label: attachment.name,
                        tooltip: "\(attachment.name): associated with \(table)",
                        extra: anchor.attributes + [("dir", "both")])
                }
            case .vpn(let connectionID):
                if let site = siteOf(vpnConnection: connectionID) {
                    edge(
                        tgw, "site:\(site)", label: "VPN \(connectionID)",
                        tooltip: "\(attachment.name): associated with \(table)",
                        extra: [("dir", "both"), ("style", "dashed")])
                }
            case .directConnectGateway(let gateway):
                edge(
                    tgw, "dxgw:\(gateway)", label: attachment.name,
                    tooltip: "\(attachment.name): associated with \(table)", extra: [("dir", "both")])
            case .peering(let peer, _):
                if attachment.transitGatewayID < peer {
                    edge(
                        tgw, "tgw:\(peer)", label: "TGW peering", tooltip: attachment.name,
                        extra: [("dir", "both"), ("style", "dashed")])
                }
            }
        }
        for connection in topology.vpnConnections.sorted(by: { $0.id < $1.id }) {
            guard case .virtualPrivateGateway(let gateway) = connection.gateway,
                let site = siteOf(vpnConnection: connection.id)
            else { continue }
            edge(
                "vgw:\(gateway)", "site:\(site)", label: "VPN \(connection.name)",
                tooltip: connection.onPremPrefixes.map(\.description).joined(separator: ", "),
                extra: [("dir", "both"), ("style", "dashed")])
        }
        for interface in topology.virtualInterfaces.sorted(by: { $0.id < $1.id }) {
            let gateway: String
            switch interface.gateway {
            case .virtualPrivateGateway(let id): gateway = "vgw:\(id)"
            case .directConnectGateway(let id): gateway = "dxgw:\(id)"
            case .transitGateway(let id): gateway = "tgw:\(id)"
            }
            edge(
                gateway, "site:\(interface.siteID)", label: "DX \(interface.name)",
                tooltip: "\(interface.kind.rawValue) virtual interface",
                extra: [("dir", "both"), ("style", "bold")])
        }
        for gateway in topology.directConnectGateways.sorted(by: { $0.id < $1.id }) {
            for association in gateway.associations {
                let target: String
                switch association.gateway {
                case .virtualPrivateGateway(let id): target = "vgw:\(id)"
                case .transitGateway(let id): target = "tgw:\(id)"
                case .directConnectGateway: continue
                }
                edge(
                    "dxgw:\(gateway.id)", target,
                    label: association.allowedPrefixes.map(\.description).joined(separator: ", "),
                    tooltip: "allowed prefixes", extra: [("dir", "both")])
            }
        }
    }

    private func siteOf(vpnConnection id: String) -> String? {
        guard let connection = topology.vpnConnections.first(where: { $0.id == id }) else { return nil }
        return topology.customerGateways.first { $0.id == connection.customerGatewayID }?.siteID
    }

    /// The node an edge to a whole VPC attaches to, with `lhead`/`ltail` to its cluster.
    private func vpcAnchor(_ vpc: String) -> (node: String, attributes: [(String, String)])? {
        if options.granularity == .vpc { return ("vpc:\(vpc)", []) }
        guard
            let subnet = topology.subnets.filter({ $0.vpcID == vpc }).min(by: {
                $0.cidrBlock.network < $1.cidrBlock.network
            })
        else {
            return nil
        }
        return ("subnet:\(subnet.id)", [("lhead", "cluster_vpc_\(vpc)")])
    }

    /// The flow's path: edges between consecutive diagram nodes it crosses, request then reply;
    /// the edge where it is blocked in red, labelled with the rule or route.
    private mutating func pathEdges() {
        guard let path else { return }
        var previous: String?
        var drawn: Set<String> = []
        var pending: [Blocker] = []
        // The rules and routes crossed since the previous node: the edge's tooltip names them.
        var crossed: [String] = []
        func blockLabel(_ blockers: [Blocker]) -> String {
            "blocked: " + blockers.map { $0.rule ?? $0.reason.rawValue }.joined(separator: "; ")
        }
        for hop in path.result.trace.hops {
            if hop.action == .denied,
                let blocker = path.result.blockers.first(where: {
                    $0.component.id == hop.component.id && $0.direction == hop.direction
                        && $0.rule == hop.rule
                }), !pending.contains(blocker)
            {
                pending.append(blocker)
            }
            if let rule = hop.rule { crossed.append("\(hop.component.kind) \(hop.component): \(rule)") }
            guard let node = nodeOf[hop.component.id] ?? (hop.component.id == "internet" ? "internet" : nil)
            else { continue }
            if let from = previous, from != node {
                let key = "\(from)|\(node)|\(hop.direction.rawValue)"
                if drawn.insert(key).inserted {
                    let color = pending.isEmpty ? Self.pathColor : Self.blockColor
                    let leg = hop.direction == .forward ? "request" : "reply"
                    let label = pending.isEmpty ? "\(leg) \(path.result.flow)" : blockLabel(pending)
                    let attributes: [(String, String)] = [
                        ("xlabel", label),
                        ("tooltip", crossed.isEmpty ? leg : crossed.joined(separator: "\n")),
                        ("color", color), ("fontcolor", color), ("penwidth", "3"),
                        ("style", hop.direction == .forward ? "solid" : "dashed"),
                    ]
                    line(
                        "  \(DOTText.quoted(from)) -> \(DOTText.quoted(node))\(DOTText.attributes(attributes));"
                    )
                }
                pending = []
                crossed = []
            }
            previous = node
        }
        // A trace that stopped at a blocker with no node of its own (a route table, an ACL) ends there, in red.
        if !pending.isEmpty, let from = previous {
            let attributes: [(String, String)] = [
                ("xlabel", blockLabel(pending)), ("color", Self.blockColor), ("fontcolor", Self.blockColor),
                ("penwidth", "3"),
            ]
            line("  \(DOTText.quoted(from)) -> \(DOTText.quoted(from))\(DOTText.attributes(attributes));")
        }
    }

    private mutating func legend() {
        line("subgraph cluster_legend {")
        line("  label=\"legend\"; style=rounded; color=\"#bdbdbd\";")
        line("  \"legend:path\" [label=\"on the path\", color=\"\(Self.pathColor)\", penwidth=3];")
        line(
            "  \"legend:blocked\" [label=\"blocks the flow\", color=\"\(Self.blockColor)\", fontcolor=\"\(Self.blockColor)\", penwidth=3];"
        )
        line(
            "  \"legend:other\" [label=\"not on the path\", color=\"\(Self.mutedColor)\", fontcolor=\"\(Self.mutedColor)\"];"
        )
        line(
            "  \"legend:path\" -> \"legend:blocked\" [xlabel=\"request\", color=\"\(Self.pathColor)\", penwidth=3];"
        )
        line(
            "  \"legend:blocked\" -> \"legend:other\" [xlabel=\"reply\", style=dashed, color=\"\(Self.pathColor)\", penwidth=3];"
        )
        line("}")
        let verdict =
            path.map {
                "\($0.result.verdict.rawValue.uppercased()): \($0.result.source) -> \($0.result.destination), \($0.result.flow)"
            } ?? ""
        line("label=\(DOTText.quoted(verdict)); labelloc=t; fontsize=14;")
    }
}
