import ReachModel
import ReachNetwork

/// Compiles a ``Topology`` into a ``ForwardingGraph``.
struct ForwardingGraphBuilder {
    let topology: Topology
    var prefixLists: [String: [IPv4Prefix]] = [:]
    var boundaries: Set<UInt32> = []
    /// Boundaries around interfaces' own addresses, kept apart: only lookups of those exact
    /// addresses change there, which the analysis handles per interface.
    var interfaceBoundaries: Set<UInt32> = []
    var portBoundaries: Set<UInt16> = []

    init(_ topology: Topology) {
        self.topology = topology
        for list in topology.prefixLists { prefixLists[list.id] = list.cidrBlocks }
    }

    mutating func addBoundaries(_ prefix: IPv4Prefix) {
        boundaries.insert(prefix.network.value)
        if prefix.lastAddress.value != UInt32.max { boundaries.insert(prefix.lastAddress.value + 1) }
    }

    mutating func addBoundaries(_ address: IPv4Address) {
        addBoundaries(IPv4Prefix(containing: address, length: 32))
    }

    private mutating func addPortBoundaries(_ match: ProtocolMatch) {
        guard case .ports(_, let range) = match else { return }
        addPortBoundaries(range)
    }

    mutating func addPortBoundaries(_ range: PortRange) {
        portBoundaries.insert(range.lowerBound)
        if range.upperBound != UInt16.max { portBoundaries.insert(range.upperBound + 1) }
    }

    /// The blocks a route destination stands for (S-R-4: a prefix list expands to its entries).
    func prefixes(of destination: RouteDestination) -> [IPv4Prefix] {
        switch destination {
        case .cidr(let prefix): [prefix]
        case .prefixList(let id): prefixLists[id] ?? []
        }
    }

    /// Adds an interface placed at `placed` (an endpoint interface or a load balancer node).
    mutating func addPlacedInterface(
        _ placed: PlacedAddress, ref: (Int) -> ComponentRef, owner: InterfaceOwner, groups: [String],
        _ graph: inout ForwardingGraph
    ) -> Int? {
        guard let subnet = graph.subnetIndex[placed.subnetID] else { return nil }
        return addInterface(
            CompiledInterface(
                ref: ref(subnet), owner: owner, subnet: subnet, privateIPs: [placed.privateIP],
                securityGroups: groups.compactMap { graph.groupIndex[$0] }, sourceDestCheck: true),
            publicIP: nil, &graph)
    }

    mutating func build(into graph: inout ForwardingGraph) {
        buildVPCsAndSubnets(&graph)
        buildSecurityGroups(&graph)
        buildNetworkACLs(&graph)
        buildGatewaysAndPeering(&graph)
        buildInterfaces(&graph)
        // On-prem sites first: hybrid connections refer to them.
        for site in topology.onPremSites {
            site.cidrBlocks.forEach { addBoundaries($0) }
            site.publicCIDRBlocks.forEach { addBoundaries($0) }
            graph.onPremIndex[site.id] = graph.onPremSites.count
            graph.onPremSites.append(
                CompiledOnPremSite(
                    ref: ComponentRef(.onPremSite, id: site.id, name: site.name),
                    addresses: IPv4AddressSet(site.cidrBlocks),
                    publicAddresses: IPv4AddressSet(site.publicCIDRBlocks)))
        }
        buildAWSServices(&graph)
        buildTransitGateways(&graph)
        buildEndpointsAndLoadBalancers(&graph)
        buildNetworkFirewalls(&graph)
        buildRouteTables(&graph)
        for interval in SpecialAddresses.internet.storage.intervals {
            boundaries.insert(interval.lowerBound)
            if interval.upperBound != UInt32.max { boundaries.insert(interval.upperBound + 1) }
        }
        // Every interface is added by now (endpoint and load balancer nodes included).
        graph.privateAddressHolders = PrivateAddressIndex(graph.interfacesByPrivateIP)
        graph.filterBoundaries = boundaries.sorted()
        graph.addressBoundaries = boundaries.union(interfaceBoundaries).sorted()
        graph.portBoundaries = portBoundaries.sorted()
    }

    private mutating func buildVPCsAndSubnets(_ graph: inout ForwardingGraph) {
        for vpc in topology.vpcs {
            graph.vpcIndex[vpc.id] = graph.vpcs.count
            graph.vpcs.append(
                CompiledVPC(
                    ref: ComponentRef(.vpc, id: vpc.id, name: vpc.name), region: vpc.region,
                    cidrs: vpc.cidrBlocks))
            vpc.cidrBlocks.forEach { addBoundaries($0) }
        }
        for subnet in topology.subnets {
            guard let vpc = graph.vpcIndex[subnet.vpcID] else { continue }
            graph.subnetIndex[subnet.id] = graph.subnets.count
            graph.vpcs[vpc].subnetsByAddress.append(graph.subnets.count)
            graph.subnets.append(
                CompiledSubnet(
                    ref: ComponentRef(.subnet, id: subnet.id, name: subnet.name), vpc: vpc,
                    cidr: subnet.cidrBlock,
                    availabilityZone: subnet.availabilityZone))
            addBoundaries(subnet.cidrBlock)
        }
        for v in graph.vpcs.indices {
            graph.vpcs[v].subnetsByAddress.sort {
                graph.subnets[$0].cidr.network < graph.subnets[$1].cidr.network
            }
        }
    }

    private mutating func compilePeer(_ peer: SecurityGroupPeer, _ graph: ForwardingGraph) -> CompiledPeer {
        switch peer {
        case .cidr(let prefix):
            addBoundaries(prefix)
            return .addresses(IPv4AddressSet([prefix]))
        case .ipv6CIDR:
            return .never
        case .prefixList(let id):
            let prefixes = prefixLists[id] ?? []
            prefixes.forEach { addBoundaries($0) }
            return .addresses(IPv4AddressSet(prefixes))
        case .securityGroup(let id):
            return graph.groupIndex[id].map(CompiledPeer.group) ?? .never
        }
    }

    private mutating func buildSecurityGroups(_ graph: inout ForwardingGraph) {
        for (i, group) in topology.securityGroups.enumerated() { graph.groupIndex[group.id] = i }
        // Groups that interfaces or rules refer to but the input lacks get an index too (their
        // members are still known by id); they come after the described ones.
        var referenced: [String] = []
        referenced += topology.networkInterfaces.flatMap(\.securityGroupIDs)
        referenced += topology.dbInstances.flatMap(\.securityGroupIDs)
        referenced += topology.vpcEndpoints.flatMap(\.securityGroupIDs)
        referenced += topology.loadBalancers.flatMap(\.securityGroupIDs)
        for group in topology.securityGroups {
            for rule in group.ingress + group.egress {
                if case .securityGroup(let id) = rule.peer { referenced.append(id) }
            }
        }
        var missingGroups: [String] = []
        for id in referenced where graph.groupIndex[id] == nil {
            graph.groupIndex[id] = topology.securityGroups.count + missingGroups.count
            missingGroups.append(id)
        }
        let groupNames = Dictionary(
            topology.securityGroups.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for group in topology.securityGroups {
            graph.securityGroups.append(compileSecurityGroup(group, groupName: { groupNames[$0] }, graph))
        }
        for id in missingGroups {
            graph.securityGroups.append(
                CompiledSecurityGroup(
                    ref: ComponentRef(.securityGroup, id: id, name: id), vpc: -1, isKnown: false, ingress: [],
                    egress: []))
        }
    }

    private mutating func buildNetworkACLs(_ graph: inout ForwardingGraph) {
        for acl in topology.networkACLs { graph.networkACLs.append(compileNetworkACL(acl)) }
        for (subnet, acl) in networkACLOfEachSubnet(graph).enumerated() {
            graph.subnets[subnet].networkACL = acl
        }
    }

    /// One security group's rules, compiled; `groupName` gives the name of a described group
    /// by id (nil for one the input lacks), for the rules' labels.
    mutating func compileSecurityGroup(
        _ group: SecurityGroup, groupName: (String) -> String?, _ graph: ForwardingGraph
    ) -> CompiledSecurityGroup {
        let vpc = graph.vpcIndex[group.vpcID] ?? -1
        var compiled: [TrafficDirection: [CompiledSecurityGroupRule]] = [:]
        for direction in [TrafficDirection.ingress, .egress] {
            compiled[direction] = group.rules(direction).enumerated().map { index, rule in
                let peerText: String
                if case .securityGroup(let id) = rule.peer {
                    peerText = "group \(groupName(id).map { $0 == id ? id : "\($0) (\(id))" } ?? id)"
                } else {
                    peerText = rule.peer.description
                }
                let preposition = direction == .ingress ? "from" : "to"
                let note = rule.description.map { " \"\($0)\"" } ?? ""
                return CompiledSecurityGroupRule(
                    match: rule.match, peer: compilePeer(rule.peer, graph),
                    label:
                        "\(direction.rawValue) rule #\(index + 1): allow \(rule.match) \(preposition) \(peerText)\(note)"
                )
            }
        }
        return CompiledSecurityGroup(
            ref: ComponentRef(.securityGroup, id: group.id, name: group.name), vpc: vpc,
            ingress: compiled[.ingress] ?? [], egress: compiled[.egress] ?? [])
    }

    /// One network ACL's entries, compiled and sorted by rule number per direction.
    mutating func compileNetworkACL(_ acl: NetworkACL) -> CompiledNetworkACL {
        func compile(_ direction: TrafficDirection) -> [CompiledACLEntry] {
            acl.entries.filter { $0.direction == direction }.sorted { $0.ruleNumber < $1.ruleNumber }.map {
                entry in
                let preposition = direction == .ingress ? "from" : "to"
                return CompiledACLEntry(
                    ruleNumber: entry.ruleNumber, action: entry.action, match: entry.match,
                    prefix: entry.cidrBlock,
                    label: "\(direction == .ingress ? "inbound" : "outbound") rule \(entry.ruleNumber): "
                        + "\(entry.action.rawValue) \(entry.match) \(preposition) \(entry.cidrBlock)")
            }
        }
        for entry in acl.entries {
            addBoundaries(entry.cidrBlock)
            addPortBoundaries(entry.match)
        }
        return CompiledNetworkACL(
            ref: ComponentRef(.networkACL, id: acl.id, name: acl.name), inbound: compile(.ingress),
            outbound: compile(.egress))
    }

    private mutating func buildGatewaysAndPeering(_ graph: inout ForwardingGraph) {
        for gateway in topology.internetGateways {
            let vpc = gateway.vpcID.flatMap { graph.vpcIndex[$0] }
            if let vpc { graph.vpcs[vpc].internetGateway = graph.internetGateways.count }
            if graph.internetGatewayIndex[gateway.id] == nil {
                graph.internetGatewayIndex[gateway.id] = graph.internetGateways.count
            }
            graph.internetGateways.append(
                CompiledInternetGateway(
                    ref: ComponentRef(.internetGateway, id: gateway.id, name: gateway.name), vpc: vpc))
        }
        for peering in topology.peeringConnections {
            guard let a = graph.vpcIndex[peering.requesterVPCID],
                let b = graph.vpcIndex[peering.accepterVPCID]
            else {
                continue
            }
            if graph.peeringIndex[peering.id] == nil { graph.peeringIndex[peering.id] = graph.peerings.count }
            graph.peerings.append(
                CompiledPeering(
                    ref: ComponentRef(.peeringConnection, id: peering.id, name: peering.name), requester: a,
                    accepter: b,
                    status: peering.status))
        }
    }

    mutating func addInterface(
        _ interface: CompiledInterface, publicIP: IPv4Address?, _ graph: inout ForwardingGraph
    ) -> Int {
        let index = graph.interfaces.count
        graph.interfaces.append(interface)
        graph.interfaceSecurityGroups.append(interface.securityGroups)
        graph.publicIPs.append(publicIP)
        for ip in interface.privateIPs + [publicIP].compactMap({ $0 }) {
            interfaceBoundaries.insert(ip.value)
            if ip.value != UInt32.max { interfaceBoundaries.insert(ip.value + 1) }
        }
        for ip in interface.privateIPs {
            graph.interfacesByPrivateIP[ip, default: []].append(index)
        }
        if let ip = publicIP {
            graph.interfacesByPublicIP[ip] = index
        }
        return index
    }

    private mutating func buildInterfaces(_ graph: inout ForwardingGraph) {
        for eni in topology.networkInterfaces {
            guard let subnet = graph.subnetIndex[eni.subnetID] else { continue }
            let index = addInterface(
                CompiledInterface(
                    ref: ComponentRef(.networkInterface, id: eni.id, name: eni.name),
                    owner: .networkInterface,
                    subnet: subnet, privateIPs: eni.privateIPs,
                    securityGroups: eni.securityGroupIDs.compactMap { graph.groupIndex[$0] },
                    sourceDestCheck: eni.sourceDestCheck), publicIP: eni.publicIP, &graph)
            graph.interfaceIndex[eni.id] = index
        }
        for nat in topology.natGateways {
            guard let subnet = graph.subnetIndex[nat.subnetID] else { continue }
            let ref = ComponentRef(.natGateway, id: nat.id, name: nat.name)
            let interface = addInterface(
                CompiledInterface(
                    ref: ref, owner: .natGateway(graph.natGateways.count), subnet: subnet,
                    privateIPs: [nat.privateIP], securityGroups: [], sourceDestCheck: false),
                publicIP: nat.connectivity == .public ? nat.publicIP : nil, &graph)
            if graph.natGatewayIndex[nat.id] == nil {
                graph.natGatewayIndex[nat.id] = graph.natGateways.count
            }
            graph.natGateways.append(
                CompiledNATGateway(
                    ref: ref, subnet: subnet, interface: interface, isPublic: nat.connectivity == .public,
                    isAvailable: nat.isAvailable))
        }
        for (d, db) in topology.dbInstances.enumerated() {
            guard let subnet = graph.subnetIndex[db.subnetID] else { continue }
            let index = addInterface(
                CompiledInterface(
                    ref: ComponentRef(.dbInstance, id: db.id, name: db.name), owner: .database(d),
                    subnet: subnet, privateIPs: db.privateIP.map { [$0] } ?? [],
                    securityGroups: db.securityGroupIDs.compactMap { graph.groupIndex[$0] },
                    sourceDestCheck: true),
                publicIP: ForwardingGraph.publicIP(ofDatabase: db, at: d), &graph)
            graph.databaseInterfaces[db.id] = index
        }
    }

    private mutating func buildRouteTables(_ graph: inout ForwardingGraph) {
        for table in topology.routeTables {
            if let compiled = compileRouteTable(table, graph) { graph.routeTables.append(compiled) }
        }
        for (subnet, table) in routeTableOfEachSubnet(graph).enumerated() {
            graph.subnets[subnet].routeTable = table
        }
    }
}
