import ReachNetwork

/// Checks of transit gateways, hybrid connectivity, endpoints, load balancers and firewalls.
extension TopologyValidator {
    private func ids<T>(_ items: [T], _ id: (T) -> String) -> Set<String> {
        Set(items.map(id))
    }

    mutating func checkTransitGateways() {
        checkUnique(.transitGateway, topology.transitGateways.map(\.id))
        checkUnique(.transitGatewayAttachment, topology.transitGatewayAttachments.map(\.id))
        checkUnique(.transitGatewayRouteTable, topology.transitGatewayRouteTables.map(\.id))
        let gateways = ids(topology.transitGateways, \.id)
        let vpns = ids(topology.vpnConnections, \.id)
        let dxGateways = ids(topology.directConnectGateways, \.id)
        let attachments = Dictionary(
            topology.transitGatewayAttachments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for attachment in topology.transitGatewayAttachments {
            let ref = ResourceRef(.transitGatewayAttachment, attachment.id)
            if !gateways.contains(attachment.transitGatewayID) {
                missing(
                    ref, "transitGateway", "no transit gateway has the id '\(attachment.transitGatewayID)'")
            }
            switch attachment.resource {
            case .vpc(let vpcID, let subnetIDs):
                if vpcs[vpcID] == nil { missing(ref, "vpc", "no VPC has the id '\(vpcID)'") }
                if subnetIDs.isEmpty {
                    error(ref, "subnets", "a VPC attachment needs one subnet in at least one AZ")
                }
                var zones: [String: String] = [:]
                for (i, subnetID) in subnetIDs.enumerated() {
                    checkSubnetInVPC(ref, "subnets[\(i)]", subnetID: subnetID, vpcID: vpcID)
                    if let zone = subnets[subnetID]?.availabilityZone,
                        let other = zones.updateValue(subnetID, forKey: zone)
                    {
                        error(
                            ref, "subnets[\(i)]",
                            "subnets \(other) and \(subnetID) are both in \(zone); an attachment has one subnet per AZ"
                        )
                    }
                }
            case .vpn(let connectionID):
                guard vpns.contains(connectionID) else {
                    missing(ref, "vpnConnection", "no VPN connection has the id '\(connectionID)'")
                    break
                }
                if let connection = topology.vpnConnections.first(where: { $0.id == connectionID }),
                    connection.gateway != .transitGateway(attachment.transitGatewayID)
                {
                    error(
                        ref, "vpnConnection",
                        "VPN connection \(connectionID) does not end on \(attachment.transitGatewayID)")
                }
            case .directConnectGateway(let gatewayID):
                guard dxGateways.contains(gatewayID) else {
                    missing(
                        ref, "directConnectGateway", "no Direct Connect gateway has the id '\(gatewayID)'")
                    break
                }
                if let gateway = topology.directConnectGateways.first(where: { $0.id == gatewayID }),
                    !gateway.associations.contains(where: {
                        $0.gateway == .transitGateway(attachment.transitGatewayID)
                    })
                {
                    error(
                        ref, "directConnectGateway",
                        "Direct Connect gateway \(gatewayID) has no association with \(attachment.transitGatewayID)"
                    )
                }
            case .peering(let peerID, let peerAttachmentID):
                if !gateways.contains(peerID) {
                    missing(ref, "peerTransitGateway", "no transit gateway has the id '\(peerID)'")
                }
                if let peerAttachmentID, attachments[peerAttachmentID] == nil {
                    missing(
                        ref, "peerAttachment",
                        "no transit gateway attachment has the id '\(peerAttachmentID)'")
                }
            }
        }
        var associatedTable: [String: String] = [:]
        for table in topology.transitGatewayRouteTables {
            let ref = ResourceRef(.transitGatewayRouteTable, table.id)
            if !gateways.contains(table.transitGatewayID) {
                missing(ref, "transitGateway", "no transit gateway has the id '\(table.transitGatewayID)'")
            }
            for (field, list) in [
                ("associations", table.associationIDs), ("propagations", table.propagationIDs),
            ] {
                for (i, id) in list.enumerated() {
                    guard let attachment = attachments[id] else {
                        missing(ref, "\(field)[\(i)]", "no transit gateway attachment has the id '\(id)'")
                        continue
                    }
                    if attachment.transitGatewayID != table.transitGatewayID {
                        error(
                            ref, "\(field)[\(i)]",
                            "attachment \(id) belongs to \(attachment.transitGatewayID), not \(table.transitGatewayID)"
                        )
                    }
                    if field == "propagations", case .peering = attachment.resource {
                        error(
                            ref, "\(field)[\(i)]",
                            "a transit gateway peering attachment carries static routes only (S-TGW-4)")
                    }
                }
            }
            // S-TGW-1: an attachment is associated with at most one route table.
            for (i, id) in table.associationIDs.enumerated() {
                if let other = associatedTable.updateValue(table.id, forKey: id), other != table.id {
                    error(
                        ref, "associations[\(i)]",
                        "attachment \(id) is already associated with \(other); an attachment has one")
                }
            }
            for (i, route) in table.routes.enumerated() {
                if case .prefixList(let id) = route.destination, !prefixListIDs.contains(id) {
                    missing(ref, "routes[\(i)].destination", "no prefix list has the id '\(id)'")
                }
                if let id = route.attachmentID, attachments[id] == nil {
                    missing(
                        ref, "routes[\(i)].attachment", "no transit gateway attachment has the id '\(id)'")
                }
            }
        }
    }

    mutating func checkHybridConnectivity() {
        checkUnique(.virtualPrivateGateway, topology.virtualPrivateGateways.map(\.id))
        checkUnique(.customerGateway, topology.customerGateways.map(\.id))
        checkUnique(.vpnConnection, topology.vpnConnections.map(\.id))
        checkUnique(.directConnectGateway, topology.directConnectGateways.map(\.id))
        checkUnique(.virtualInterface, topology.virtualInterfaces.map(\.id))
        let vgws = ids(topology.virtualPrivateGateways, \.id)
        let tgws = ids(topology.transitGateways, \.id)
        let dxgws = ids(topology.directConnectGateways, \.id)
        let sites = ids(topology.onPremSites, \.id)
        let customerGateways = ids(topology.customerGateways, \.id)
        func checkGateway(
            _ validator: inout TopologyValidator, _ ref: ResourceRef, _ gateway: HybridGatewayRef
        ) {
            switch gateway {
            case .virtualPrivateGateway(let id) where !vgws.contains(id):
                validator.missing(ref, "gateway", "no virtual private gateway has the id '\(id)'")
            case .transitGateway(let id) where !tgws.contains(id):
                validator.missing(ref, "gateway", "no transit gateway has the id '\(id)'")
            case .directConnectGateway(let id) where !dxgws.contains(id):
                validator.missing(ref, "gateway", "no Direct Connect gateway has the id '\(id)'")
            default:
                break
            }
        }
        var vgwByVPC: [String: String] = [:]
        for gateway in topology.virtualPrivateGateways {
            guard let vpcID = gateway.vpcID else { continue }
            let ref = ResourceRef(.virtualPrivateGateway, gateway.id)
            if vpcs[vpcID] == nil { missing(ref, "vpc", "no VPC has the id '\(vpcID)'") }
            if let other = vgwByVPC.updateValue(gateway.id, forKey: vpcID) {
                error(
                    ref, "vpc",
                    "VPC \(vpcID) already has virtual private gateway \(other); a VPC has at most one")
            }
        }
        for gateway in topology.customerGateways {
            if let site = gateway.siteID, !sites.contains(site) {
                missing(
                    ResourceRef(.customerGateway, gateway.id), "site", "no on-prem site has the id '\(site)'")
            }
        }
        for connection in topology.vpnConnections {
            let ref = ResourceRef(.vpnConnection, connection.id)
            if !customerGateways.contains(connection.customerGatewayID) {
                missing(
                    ref, "customerGateway", "no customer gateway has the id '\(connection.customerGatewayID)'"
                )
            }
            if case .directConnectGateway = connection.gateway {
                error(
                    ref, "gateway", "a VPN connection ends on a virtual private gateway or a transit gateway")
            }
            checkGateway(&self, ref, connection.gateway)
        }
        for gateway in topology.directConnectGateways {
            let ref = ResourceRef(.directConnectGateway, gateway.id)
            for association in gateway.associations {
                if case .directConnectGateway = association.gateway {
                    error(
                        ref, "associations",
                        "a Direct Connect gateway associates with virtual private or transit gateways")
                }
                checkGateway(&self, ref, association.gateway)
            }
        }
        for interface in topology.virtualInterfaces {
            let ref = ResourceRef(.virtualInterface, interface.id)
            if !sites.contains(interface.siteID) {
                missing(ref, "site", "no on-prem site has the id '\(interface.siteID)'")
            }
            switch (interface.kind, interface.gateway) {
            case (.transit, .directConnectGateway), (.private, .directConnectGateway),
                (.private, .virtualPrivateGateway):
                break
            default:
                error(
                    ref, "gateway",
                    "a private VIF ends on a virtual private gateway or a Direct Connect gateway; a transit VIF on a Direct Connect gateway"
                )
            }
            checkGateway(&self, ref, interface.gateway)
        }
    }

    mutating func checkEndpointsAndLoadBalancers() {
        checkUnique(.vpcEndpoint, topology.vpcEndpoints.map(\.id))
        checkUnique(.vpcEndpointService, topology.vpcEndpointServices.map(\.id))
        checkUnique(.loadBalancer, topology.loadBalancers.map(\.id))
        checkUnique(.targetGroup, topology.targetGroups.map(\.id))
        let tables = ids(topology.routeTables, \.id)
        let balancers = ids(topology.loadBalancers, \.id)
        let groups = ids(topology.targetGroups, \.id)
        for endpoint in topology.vpcEndpoints {
            let ref = ResourceRef(.vpcEndpoint, endpoint.id)
            guard vpcs[endpoint.vpcID] != nil else {
                missing(ref, "vpc", "no VPC has the id '\(endpoint.vpcID)'")
                continue
            }
            for (i, placed) in endpoint.interfaces.enumerated() {
                checkSubnetInVPC(
                    ref, "interfaces[\(i)].subnet", subnetID: placed.subnetID, vpcID: endpoint.vpcID)
                if let subnet = subnets[placed.subnetID], !subnet.cidrBlock.contains(placed.privateIP) {
                    missing(
                        ref, "interfaces[\(i)].privateIp",
                        "\(placed.privateIP) is outside subnet \(subnet.id) (\(subnet.cidrBlock))")
                }
            }
            checkSecurityGroupList(ref, endpoint.securityGroupIDs, vpcID: endpoint.vpcID)
            for (i, id) in endpoint.routeTableIDs.enumerated() {
                guard tables.contains(id) else {
                    missing(ref, "routeTables[\(i)]", "no route table has the id '\(id)'")
                    continue
                }
                if let table = topology.routeTables.first(where: { $0.id == id }),
                    table.vpcID != endpoint.vpcID
                {
                    error(
                        ref, "routeTables[\(i)]",
                        "route table \(id) is in VPC \(table.vpcID), not \(endpoint.vpcID)")
                }
            }
        }
        for service in topology.vpcEndpointServices {
            for (i, id) in service.loadBalancerIDs.enumerated() where !balancers.contains(id) {
                missing(
                    ResourceRef(.vpcEndpointService, service.id), "loadBalancers[\(i)]",
                    "no load balancer has the id '\(id)'")
            }
        }
        for balancer in topology.loadBalancers {
            let ref = ResourceRef(.loadBalancer, balancer.id)
            for (i, node) in balancer.nodes.enumerated() {
                checkSubnetInVPC(ref, "nodes[\(i)].subnet", subnetID: node.subnetID, vpcID: balancer.vpcID)
                if let subnet = subnets[node.subnetID], !subnet.cidrBlock.contains(node.privateIP) {
                    missing(
                        ref, "nodes[\(i)].privateIp",
                        "\(node.privateIP) is outside subnet \(subnet.id) (\(subnet.cidrBlock))")
                }
            }
            checkSecurityGroupList(ref, balancer.securityGroupIDs, vpcID: balancer.vpcID)
            for (i, listener) in balancer.listeners.enumerated()
            where !groups.contains(listener.targetGroupID) {
                missing(
                    ref, "listeners[\(i)].targetGroup",
                    "no target group has the id '\(listener.targetGroupID)'")
            }
        }
    }

    mutating func checkNetworkFirewalls() {
        checkUnique(.networkFirewall, topology.networkFirewalls.map(\.id))
        checkUnique(.firewallPolicy, topology.firewallPolicies.map(\.id))
        let policies = ids(topology.firewallPolicies, \.id)
        for firewall in topology.networkFirewalls {
            let ref = ResourceRef(.networkFirewall, firewall.id)
            if !policies.contains(firewall.policyID) {
                missing(ref, "policy", "no firewall policy has the id '\(firewall.policyID)'")
            }
            for (i, endpoint) in firewall.endpoints.enumerated() {
                checkSubnetInVPC(
                    ref, "endpoints[\(i)].subnet", subnetID: endpoint.subnetID, vpcID: firewall.vpcID)
            }
        }
    }
}
