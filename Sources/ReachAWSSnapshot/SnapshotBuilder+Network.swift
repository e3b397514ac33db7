import ReachModel
import ReachNetwork

extension SnapshotBuilder {
    mutating func buildVPCsAndSubnets() throws {
        var subnetZones: [String: String] = [:]
        for record in records.records("Subnets") {
            let node = record.node
            let id = try node.string("SubnetId")
            let tags = try node.tags()
            let zone = try node.optionalString("AvailabilityZone") ?? ""
            let vpcID = try node.string("VpcId")
            guard let cidr = node["CidrBlock"] else {
                warn(node, "an IPv6-only subnet; Reach traces IPv4 and skips it")
                continue
            }
            topology.subnets.append(
                Subnet(
                    id: id, name: name(tags, id: id), vpcID: vpcID, availabilityZone: zone,
                    cidrBlock: try prefix(cidr),
                    tags: tags))
            if subnetZones[vpcID] == nil, let region = record.region ?? Self.region(ofZone: zone) {
                subnetZones[vpcID] = region
            }
        }
        for record in records.records("Vpcs") {
            let node = record.node
            let id = try node.string("VpcId")
            let tags = try node.tags()
            var blocks: [IPv4Prefix] = []
            for association in try node.list("CidrBlockAssociationSet") {
                let state = try association["CidrBlockState"]?.optionalString("State") ?? "associated"
                if state == "associated" { blocks.append(try prefix(try association.required("CidrBlock"))) }
            }
            if blocks.isEmpty, let primary = node["CidrBlock"] { blocks = [try prefix(primary)] }
            guard let region = record.region ?? subnetZones[id] else {
                warn(
                    node,
                    "the region of \(id) is not known (no region folder, no subnets); it is taken as 'unknown'"
                )
                topology.vpcs.append(
                    VPC(id: id, name: name(tags, id: id), region: "unknown", cidrBlocks: blocks, tags: tags))
                continue
            }
            vpcRegions[id] = region
            topology.vpcs.append(
                VPC(id: id, name: name(tags, id: id), region: region, cidrBlocks: blocks, tags: tags))
        }
    }

    mutating func buildPrefixLists() throws {
        var entries: [String: [IPv4Prefix]] = [:]
        var haveEntries: Set<String> = []
        for record in records.records("ManagedPrefixListEntries") {
            let id = try record.node.string("PrefixListId")
            haveEntries.insert(id)
            for entry in try record.node.list("Entries") {
                let cidr = try entry.required("Cidr")
                if let block = IPv4Prefix(try cidr.string()) { entries[id, default: []].append(block) }
            }
        }
        for record in records.records("PrefixLists") {
            let node = record.node
            let id = try node.string("PrefixListId")
            let listName = try node.optionalString("PrefixListName") ?? id
            if try node.optionalString("AddressFamily") == "IPv6" { continue }
            if !haveEntries.contains(id) {
                warn(
                    node,
                    "the entries of \(id) are not in the snapshot (get-managed-prefix-list-entries); rules and routes using it match nothing known"
                )
            }
            topology.prefixLists.append(
                ManagedPrefixList(
                    id: id, name: listName, cidrBlocks: entries[id] ?? [], tags: try node.tags()))
        }
    }

    mutating func buildGateways() throws {
        for record in records.records("InternetGateways") {
            let node = record.node
            let id = try node.string("InternetGatewayId")
            let tags = try node.tags()
            let attached = try node.list("Attachments").first {
                let state = (try? $0.optionalString("State")) ?? nil
                return state == "available" || state == "attached"
            }
            topology.internetGateways.append(
                InternetGateway(
                    id: id, name: name(tags, id: id), vpcID: try attached?.optionalString("VpcId"), tags: tags
                ))
        }
        for record in records.records("NatGateways") {
            let node = record.node
            let id = try node.string("NatGatewayId")
            let tags = try node.tags()
            let state = try node.optionalString("State") ?? "available"
            if state == "deleted" { continue }
            let addresses = try node.list("NatGatewayAddresses")
            let primary =
                addresses.first { (try? $0.bool("IsPrimary", default: true)) ?? true } ?? addresses.first
            guard let primary, let privateNode = primary["PrivateIp"] else {
                warn(node, "NAT gateway \(id) has no private address in the snapshot; it is skipped")
                continue
            }
            let connectivity: NATGateway.Connectivity =
                try node.optionalString("ConnectivityType") == "private" ? .private : .public
            topology.natGateways.append(
                NATGateway(
                    id: id, name: name(tags, id: id), subnetID: try node.string("SubnetId"),
                    connectivity: connectivity,
                    privateIP: try address(privateNode),
                    publicIP: try primary["PublicIp"].map { try address($0) },
                    isAvailable: state == "available", tags: tags))
        }
        for record in records.records("VpcPeeringConnections") {
            let node = record.node
            let id = try node.string("VpcPeeringConnectionId")
            let tags = try node.tags()
            let status = try node["Status"]?.optionalString("Code") ?? "active"
            if status == "deleted" || status == "rejected" || status == "expired" || status == "failed" {
                continue
            }
            topology.peeringConnections.append(
                VPCPeeringConnection(
                    id: id, name: name(tags, id: id),
                    requesterVPCID: try node.required("RequesterVpcInfo").string("VpcId"),
                    accepterVPCID: try node.required("AccepterVpcInfo").string("VpcId"), status: status,
                    tags: tags))
        }
    }

    /// A route's target: `local`, a gateway by its id prefix, or a NAT gateway, peering, ENI,
    /// instance or transit gateway; what the snapshot lacks becomes `.missing`.
    mutating func routeTarget(_ route: JSONNode, known: KnownIDs) throws -> RouteTarget? {
        if let gateway = try route.optionalString("GatewayId") {
            if gateway == "local" { return .local }
            if gateway.hasPrefix("igw-") {
                return known.internetGateways.contains(gateway)
                    ? .internetGateway(gateway) : .missing(kind: "internet-gateway", id: gateway)
            }
            if gateway.hasPrefix("vgw-") {
                return known.virtualPrivateGateways.contains(gateway)
                    ? .virtualPrivateGateway(gateway) : .missing(kind: "virtual-private-gateway", id: gateway)
            }
            if gateway.hasPrefix("vpce-") { return .vpcEndpoint(gateway) }
            return .unsupported(kind: "gateway", id: gateway)
        }
        if let id = try route.optionalString("NatGatewayId") {
            return known.natGateways.contains(id) ? .natGateway(id) : .missing(kind: "nat-gateway", id: id)
        }
        if let id = try route.optionalString("VpcPeeringConnectionId") {
            return known.peerings.contains(id)
                ? .peeringConnection(id) : .missing(kind: "peering-connection", id: id)
        }
        if let id = try route.optionalString("TransitGatewayId") {
            return known.transitGateways.contains(id)
                ? .transitGateway(id) : .missing(kind: "transit-gateway", id: id)
        }
        if let id = try route.optionalString("NetworkInterfaceId") {
            return known.interfaces.contains(id)
                ? .networkInterface(id) : .missing(kind: "network-interface", id: id)
        }
        if let id = try route.optionalString("InstanceId") {
            if let primary = topology.instances.first(where: { $0.id == id })?.networkInterfaceIDs.first {
                return .networkInterface(primary)
            }
            return .missing(kind: "instance", id: id)
        }
        for (key, kind) in [
            ("EgressOnlyInternetGatewayId", "egress-only-internet-gateway"),
            ("CarrierGatewayId", "carrier-gateway"),
            ("LocalGatewayId", "local-gateway"), ("CoreNetworkArn", "core-network"),
        ] {
            if let id = try route.optionalString(key) { return .unsupported(kind: kind, id: id) }
        }
        return nil
    }

    /// Ids present in the snapshot, for telling targets apart from missing ones.
    struct KnownIDs {
        var internetGateways: Set<String> = []
        var natGateways: Set<String> = []
        var peerings: Set<String> = []
        var transitGateways: Set<String> = []
        var virtualPrivateGateways: Set<String> = []
        var interfaces: Set<String> = []
    }

    mutating func buildRouteTables() throws {
        var known = KnownIDs()
        known.internetGateways = Set(topology.internetGateways.map(\.id))
        known.natGateways = Set(topology.natGateways.map(\.id))
        known.peerings = Set(topology.peeringConnections.map(\.id))
        known.transitGateways = Set(topology.transitGateways.map(\.id))
        known.virtualPrivateGateways = Set(topology.virtualPrivateGateways.map(\.id))
        known.interfaces = Set(topology.networkInterfaces.map(\.id))
        for record in records.records("RouteTables") {
            let node = record.node
            let id = try node.string("RouteTableId")
            let tags = try node.tags()
            var isMain = false
            var subnets: [String] = []
            for association in try node.list("Associations") {
                if try association.bool("Main", default: false) { isMain = true }
                if let subnet = try association.optionalString("SubnetId") { subnets.append(subnet) }
                if let gateway = try association.optionalString("GatewayId") {
                    warn(
                        association,
                        "edge association with \(gateway) (ingress routing) is not modelled; traffic entering through it is traced as if the association were absent"
                    )
                }
            }
            var routes: [Route] = []
            for route in try node.list("Routes") {
                let destination: RouteDestination
                if let cidr = route["DestinationCidrBlock"] {
                    destination = .cidr(try prefix(cidr))
                } else if let list = try route.optionalString("DestinationPrefixListId") {
                    destination = .prefixList(list)
                } else {
                    continue  // IPv6 routes do not affect IPv4 flows.
                }
                guard var target = try routeTarget(route, known: known) else {
                    warn(route, "a route with no target Reach recognises; it is treated as unknown")
                    routes.append(
                        Route(destination: destination, target: .unsupported(kind: "unknown-target", id: "?"))
                    )
                    continue
                }
                let state: RouteState =
                    try route.optionalString("State") == "blackhole" ? .blackhole : .active
                if case .missing(let kind, let id) = target {
                    if state == .blackhole {
                        target = .unsupported(kind: kind, id: id)
                    } else {
                        warn(
                            route,
                            "the route's target \(kind) \(id) is not in the snapshot; traffic it carries is unknown"
                        )
                    }
                }
                routes.append(Route(destination: destination, target: target, state: state))
            }
            var table = RouteTable(
                id: id, name: name(tags, id: id), vpcID: try node.string("VpcId"), isMain: isMain,
                subnetIDs: subnets,
                routes: routes, tags: tags)
            // Propagated routes are listed among the routes (Origin EnableVgwRoutePropagation), so
            // the propagating gateways are not added again.
            table.propagatingGatewayIDs = []
            topology.routeTables.append(table)
        }
        if records.records("RouteTables").isEmpty, !topology.vpcs.isEmpty {
            warnings.append(
                SnapshotWarning(
                    file: "snapshot", path: "",
                    message: "no route tables (describe-route-tables): every route is unknown"))
        }
    }
}
