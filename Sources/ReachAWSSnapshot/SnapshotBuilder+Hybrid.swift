import ReachModel
import ReachNetwork

extension SnapshotBuilder {
    /// An on-prem site declared in a `ReachOnPremSites` file of the snapshot (AWS outputs do
    /// not say which networks sit behind a customer gateway or virtual interface).
    private struct DeclaredSite {
        let id: String
        let name: String
        let cidrs: [IPv4Prefix]
        let publicCIDRs: [IPv4Prefix]
        let customerGateways: [String]
        let virtualInterfaces: [String]
    }

    private func declaredSites() throws -> [DeclaredSite] {
        try records.records("ReachOnPremSites").map { record throws in
            let node = record.node
            let siteName = try node.string("Name")
            return DeclaredSite(
                id: siteName, name: siteName, cidrs: try node.list("Cidrs").map { try prefix($0) },
                publicCIDRs: try node.list("PublicCidrs").map { try prefix($0) },
                customerGateways: try node.list("CustomerGateways").map { try $0.string() },
                virtualInterfaces: try node.list("VirtualInterfaces").map { try $0.string() })
        }
    }

    /// On-prem prefixes each virtual private gateway propagates into route tables: what its
    /// BGP sessions learned, as the route tables list them.
    private func propagatedPrefixes() throws -> [String: [IPv4Prefix]] {
        var result: [String: [IPv4Prefix]] = [:]
        for record in records.records("RouteTables") {
            for route in try record.node.list("Routes")
            where try route.optionalString("Origin") == "EnableVgwRoutePropagation" {
                guard let gateway = try route.optionalString("GatewayId"),
                    let cidr = route["DestinationCidrBlock"],
                    let block = IPv4Prefix(try cidr.string())
                else { continue }
                if !(result[gateway]?.contains(block) ?? false) { result[gateway, default: []].append(block) }
            }
        }
        return result
    }

    mutating func buildHybrid() throws {
        for record in records.records("VpnGateways") {
            let node = record.node
            let id = try node.string("VpnGatewayId")
            if try node.optionalString("State") == "deleted" { continue }
            let tags = try node.tags()
            let attached = try node.list("VpcAttachments").first {
                (try? $0.optionalString("State")) == "attached"
            }
            topology.virtualPrivateGateways.append(
                VirtualPrivateGateway(
                    id: id, name: name(tags, id: id), vpcID: try attached?.optionalString("VpcId"), tags: tags
                ))
        }
        let declared = try declaredSites()
        let learned = try propagatedPrefixes()
        var siteOfGateway: [String: String] = [:]
        var siteOfInterface: [String: String] = [:]
        for site in declared {
            for id in site.customerGateways { siteOfGateway[id] = site.id }
            for id in site.virtualInterfaces { siteOfInterface[id] = site.id }
        }
        var siteCIDRs: [String: [IPv4Prefix]] = Dictionary(
            declared.map { ($0.id, $0.cidrs) }, uniquingKeysWith: { first, _ in first })
        for record in records.records("CustomerGateways") {
            let node = record.node
            let id = try node.string("CustomerGatewayId")
            if try node.optionalString("State") == "deleted" { continue }
            let tags = try node.tags()
            // Without a declared site, the customer gateway stands for the network behind it.
            let site = siteOfGateway[id] ?? id
            if siteOfGateway[id] == nil { siteOfGateway[id] = site }
            topology.customerGateways.append(
                CustomerGateway(
                    id: id, name: name(tags, id: id),
                    ipAddress: try node["IpAddress"].map { try address($0) },
                    bgpASN: try node.optionalInt("BgpAsn"), siteID: site, tags: tags))
        }
        for record in records.records("VpnConnections") {
            let node = record.node
            let id = try node.string("VpnConnectionId")
            let state = try node.optionalString("State") ?? "available"
            if state == "deleted" { continue }
            let tags = try node.tags()
            let gateway: HybridGatewayRef
            if let vgw = try node.optionalString("VpnGatewayId") {
                gateway = .virtualPrivateGateway(vgw)
            } else if let tgw = try node.optionalString("TransitGatewayId") {
                gateway = .transitGateway(tgw)
            } else {
                warn(node, "VPN connection \(id) ends on no gateway Reach models; skipped")
                continue
            }
            let staticOnly = try node["Options"]?.bool("StaticRoutesOnly", default: false) ?? false
            var prefixes = try node.list("Routes").filter { (try? $0.optionalString("State")) != "deleted" }
                .compactMap { IPv4Prefix(try $0.string("DestinationCidrBlock")) }
            let customerGateway = try node.string("CustomerGatewayId")
            let site = siteOfGateway[customerGateway] ?? customerGateway
            if !staticOnly {
                // BGP: what the session learned (route tables list it) or the declared site's blocks.
                var bgp = siteCIDRs[site] ?? []
                if case .virtualPrivateGateway(let vgw) = gateway { bgp += learned[vgw] ?? [] }
                for block in bgp where !prefixes.contains(block) { prefixes.append(block) }
                if bgp.isEmpty {
                    warn(
                        node,
                        "the prefixes \(id) learns over BGP are not in the snapshot; declare the site in a ReachOnPremSites file"
                    )
                }
            }
            siteCIDRs[site, default: []] += prefixes.filter { !(siteCIDRs[site]?.contains($0) ?? false) }
            topology.vpnConnections.append(
                VPNConnection(
                    id: id, name: name(tags, id: id), customerGatewayID: customerGateway, gateway: gateway,
                    staticRoutesOnly: staticOnly, onPremPrefixes: prefixes, state: state, tags: tags))
        }
        try buildDirectConnect(siteOfInterface: &siteOfInterface, siteCIDRs: &siteCIDRs, learned: learned)
        // Sites: declared ones, then one per customer gateway or virtual interface standing for its network.
        var sites: [String: OnPremSite] = [:]
        for site in declared {
            sites[site.id] = OnPremSite(
                id: site.id, name: site.name, cidrBlocks: site.cidrs, publicCIDRBlocks: site.publicCIDRs)
        }
        for (id, site) in siteOfGateway.merging(siteOfInterface, uniquingKeysWith: { first, _ in first })
        where sites[site] == nil {
            let label =
                topology.customerGateways.first { $0.id == id }?.name
                ?? topology.virtualInterfaces.first { $0.id == id }?.name ?? id
            sites[site] = OnPremSite(id: site, name: label, cidrBlocks: siteCIDRs[site] ?? [])
            if (siteCIDRs[site] ?? []).isEmpty {
                warnings.append(
                    SnapshotWarning(
                        file: "snapshot", path: "",
                        message:
                            "the networks behind \(id) are not in the snapshot; declare them in a ReachOnPremSites file"
                    ))
            }
        }
        topology.onPremSites = sites.values.sorted { $0.id < $1.id }
    }

    private mutating func buildDirectConnect(
        siteOfInterface: inout [String: String], siteCIDRs: inout [String: [IPv4Prefix]],
        learned: [String: [IPv4Prefix]]
    ) throws {
        var associations: [String: [DirectConnectGatewayAssociation]] = [:]
        for record in records.records("directConnectGatewayAssociations") {
            let node = record.node
            let state = try node.optionalString("associationState") ?? "associated"
            guard state == "associated" || state == "associating" || state == "updating" else { continue }
            let gateway = try node.required("associatedGateway")
            let gatewayID = try gateway.string("id")
            let ref: HybridGatewayRef =
                try gateway.optionalString("type") == "transitGateway"
                ? .transitGateway(gatewayID) : .virtualPrivateGateway(gatewayID)
            let allowed = try node.list("allowedPrefixesToDirectConnectGateway").compactMap {
                IPv4Prefix(try $0.string("cidr"))
            }
            associations[try node.string("directConnectGatewayId"), default: []].append(
                DirectConnectGatewayAssociation(gateway: ref, allowedPrefixes: allowed))
        }
        for record in records.records("directConnectGateways") {
            let node = record.node
            let id = try node.string("directConnectGatewayId")
            topology.directConnectGateways.append(
                DirectConnectGateway(
                    id: id, name: try node.optionalString("directConnectGatewayName") ?? id,
                    associations: associations[id] ?? []))
        }
        for record in records.records("virtualInterfaces") {
            let node = record.node
            let id = try node.string("virtualInterfaceId")
            let state = try node.optionalString("virtualInterfaceState") ?? "available"
            if state == "deleted" || state == "rejected" { continue }
            let kindText = try node.optionalString("virtualInterfaceType") ?? "private"
            guard kindText == "private" || kindText == "transit" else {
                warn(node, "public virtual interfaces are not modelled; skipped")
                continue
            }
            let gateway: HybridGatewayRef
            if let dxgw = try node.optionalString("directConnectGatewayId"), !dxgw.isEmpty {
                gateway = .directConnectGateway(dxgw)
            } else if let vgw = try node.optionalString("virtualGatewayId"), !vgw.isEmpty {
                gateway = .virtualPrivateGateway(vgw)
            } else {
                warn(node, "virtual interface \(id) is attached to no gateway; skipped")
                continue
            }
            let site = siteOfInterface[id] ?? id
            siteOfInterface[id] = site
            var prefixes = siteCIDRs[site] ?? []
            if case .virtualPrivateGateway(let vgw) = gateway {
                for block in learned[vgw] ?? [] where !prefixes.contains(block) { prefixes.append(block) }
            }
            if prefixes.isEmpty {
                warn(
                    node,
                    "the prefixes \(id) learns over BGP are not in the snapshot; declare the site in a ReachOnPremSites file"
                )
            }
            siteCIDRs[site] = prefixes
            let interfaceName = try node.optionalString("virtualInterfaceName") ?? id
            topology.virtualInterfaces.append(
                VirtualInterface(
                    id: id, name: interfaceName, kind: kindText == "transit" ? .transit : .private,
                    siteID: site,
                    gateway: gateway, onPremPrefixes: prefixes, state: state))
        }
    }
}
