import ReachModel
import ReachNetwork

/// Transit gateways (S-TGW) and hybrid connectivity: VPN, Direct Connect, virtual private gateways (S-H).
extension FlowTracer {
    /// A packet routed from `subnet` to transit gateway `gateway`: it needs the VPC's attachment
    /// with a subnet in the same AZ; the source subnet's outbound and the attachment subnet's
    /// inbound ACL rules apply, even when they are the same subnet (S-NACL-5).
    mutating func toTransitGateway(
        _ gateway: Int, from subnet: Int, table: CompiledRouteTable, route: CompiledRoute, _ packet: Packet
    ) -> Arrival? {
        let vpc = self.vpc(ofSubnet: subnet)
        let tgw = graph.transitGateways[gateway]
        guard let attachment = graph.vpcAttachment[TransitGatewayAndVPC(transitGateway: gateway, other: vpc)]
        else {
            block(
                tgw.ref, rule: route.label, .badStateAttachment,
                "\(graph.vpcs[vpc].ref) has no available attachment to \(tgw.ref)", packet: packet)
            return nil
        }
        hop(table.ref, .routed, rule: route.label, "longest prefix match: to the transit gateway", packet)
        let zone = graph.subnets[subnet].availabilityZone
        guard case .vpc(_, let zones) = graph.attachments[attachment].resource,
            let attachmentSubnet = zones[zone]
        else {
            block(
                graph.attachments[attachment].ref, rule: nil, .transitGatewayAttachmentNotInZone,
                "\(graph.attachments[attachment].ref) has no subnet in \(zone), so \(graph.subnets[subnet].ref) cannot reach "
                    + "\(tgw.ref) (S-TGW-3)", packet: packet)
            return nil
        }
        checkNetworkACL(of: subnet, packet, outbound: true)
        checkNetworkACL(of: attachmentSubnet, packet, outbound: false)
        hop(
            graph.attachments[attachment].ref, .forwarded,
            describe: {
                "into \($0.transitGateways[gateway].ref) through \($0.subnets[attachmentSubnet].ref) (\(zone))"
            },
            packet)
        return atTransitGateway(gateway, from: attachment, zone: zone, packet)
    }

    /// Routes a packet that entered transit gateway `gateway` from `ingress` by the route table
    /// associated with that attachment (S-TGW-1, S-TGW-2).
    mutating func atTransitGateway(_ gateway: Int, from ingress: Int, zone: String?, _ packet: Packet)
        -> Arrival?
    {
        let tgw = graph.transitGateways[gateway]
        let visit = TransitGatewayVisit(
            gateway: gateway, ingress: ingress, direction: direction, packet: packet)
        guard visitedTransitGateways.insert(visit) else {
            block(tgw.ref, rule: nil, .routingLoop, "the packet comes back to \(tgw.ref)")
            return nil
        }
        if recordsLookups {
            routeLookups.append(.transitGateway(attachment: ingress, address: packet.destination))
        }
        guard let tableIndex = graph.attachments[ingress].routeTable else {
            block(
                graph.attachments[ingress].ref, rule: nil,
                .transitGatewayAttachmentMissingRouteTableAssociation,
                "\(graph.attachments[ingress].ref) is associated with no route table of \(tgw.ref) (S-TGW-1)",
                packet: packet)
            return nil
        }
        let table = graph.transitGatewayRouteTables[tableIndex]
        guard let route = table.lookup(packet.destination) else {
            block(
                table.ref, rule: text("no route matches \(packet.destination)"),
                .transitGatewayRouteTableCannotRoute,
                text("\(table.ref) has no route to \(packet.destination) (S-TGW-2)"), packet: packet)
            return nil
        }
        guard let egress = route.attachment else {
            block(
                table.ref, rule: route.label, .badStateRoute, "the route is a blackhole (S-TGW-2)",
                packet: packet)
            return nil
        }
        // The attachment is read in place: a copy would retain each of its strings.
        hop(
            table.ref, .routed, rule: route.label,
            describe: { "longest prefix match in \(tgw.ref): to \($0.attachments[egress].ref)" }, packet)
        guard graph.attachments[egress].isAvailable else {
            let ref = graph.attachments[egress].ref
            block(ref, rule: route.label, .badStateAttachment, "\(ref) is not available", packet: packet)
            return nil
        }
        switch graph.attachments[egress].resource {
        case .vpc(let vpc, let zones):
            return intoVPC(from: egress, vpc: vpc, zones: zones, zone: zone, packet)
        case .vpn(let connection):
            return overConnection(connection, packet)
        case .directConnectGateway(let dxGateway):
            let candidates = graph.hybridConnections.indices.filter {
                graph.hybridConnections[$0].kind == .transitVirtualInterface
                    && graph.hybridConnections[$0].gateway == .directConnectGateway(dxGateway)
            }
            guard let connection = bestConnection(candidates, for: packet.destination) else {
                block(
                    graph.directConnectGateways[dxGateway].ref, rule: nil, .vpnNoRoute,
                    "no transit virtual interface of \(graph.directConnectGateways[dxGateway].ref) announces \(packet.destination)",
                    packet: packet)
                return nil
            }
            return overConnection(connection, packet)
        case .peering(let peer, let peerAttachment):
            let other =
                peerAttachment
                ?? graph.attachments.indices.first {
                    graph.attachments[$0].transitGateway == peer
                        && graph.attachments[$0].peerTransitGateway == gateway
                }
            let ref = graph.attachments[egress].ref
            guard peer >= 0, let other else {
                stopUnknown(ref, .unknownResource, rule: nil, "the peer side of \(ref) is not in the input")
                return nil
            }
            hop(
                ref, .forwarded,
                describe: { "to \($0.transitGateways[peer].ref) over the peering (S-TGW-4)" },
                packet)
            return atTransitGateway(peer, from: other, zone: nil, packet)
        }
    }

    /// A packet leaves a transit gateway into a VPC through the attachment subnet of its AZ,
    /// and is routed by that subnet's route table (S-TGW-3). With appliance mode the reply
    /// takes the same subnet as the request.
    private mutating func intoVPC(
        from attachment: Int, vpc: Int, zones: ZoneSubnets, zone: String?, _ packet: Packet
    ) -> Arrival? {
        let chosen: Int?
        if direction == .return, graph.attachments[attachment].applianceMode,
            let used = attachmentSubnetUsed[attachment]
        {
            chosen = used
        } else if let zone, let same = zones[zone] {
            chosen = same
        } else {
            // No AZ to follow (traffic from a VPN, Direct Connect or a peering): AWS picks one,
            // and the checker traces every pick.
            let candidates = zones.inZoneOrder
            chosen = candidates.isEmpty ? nil : candidates[zoneChoice % candidates.count]
            zoneChoices = max(zoneChoices, candidates.count)
        }
        guard let subnet = chosen else {
            block(
                graph.attachments[attachment].ref, rule: nil, .badStateAttachment,
                "the attachment has no subnet", packet: packet)
            return nil
        }
        // Only appliance mode reads it back: other attachments note nothing (no list made per walk).
        if direction == .forward, graph.attachments[attachment].applianceMode {
            attachmentSubnetUsed[attachment] = subnet
        }
        hop(
            graph.attachments[attachment].ref, .forwarded,
            describe: {
                "out of the transit gateway into \($0.vpcs[vpc].ref) at \($0.subnets[subnet].ref) "
                    + "(\($0.subnets[subnet].availabilityZone))"
            }, packet)
        return leave(subnet: subnet, packet)
    }

    /// The connection with the longest on-prem prefix holding `address`; Direct Connect wins a tie.
    func bestConnection(_ candidates: [Int], for address: IPv4Address) -> Int? {
        var best: (index: Int, length: UInt8, directConnect: Bool)?
        for index in candidates {
            let connection = graph.hybridConnections[index]
            for prefix in connection.onPremPrefixes where prefix.contains(address) {
                let better =
                    best.map {
                        prefix.length > $0.length
                            || (prefix.length == $0.length && connection.isDirectConnect && !$0.directConnect)
                    }
                    ?? true
                if better { best = (index, prefix.length, connection.isDirectConnect) }
            }
        }
        return best?.index
    }

    /// A packet carried to its on-prem site over a VPN connection or a virtual interface.
    mutating func overConnection(_ index: Int, _ packet: Packet) -> Arrival? {
        let connection = graph.hybridConnections[index]
        guard connection.isAvailable else {
            block(
                connection.ref, rule: nil, .badStateAttachment, "\(connection.ref) is not available",
                packet: packet)
            return nil
        }
        guard let site = connection.site else {
            stopUnknown(
                connection.ref, .unknownResource, rule: nil,
                "the on-prem site behind \(connection.ref) is not in the input")
            return nil
        }
        hop(connection.ref, .forwarded, describe: { "to \($0.onPremSites[site].ref)" }, packet)
        guard graph.onPremSites[site].addresses.contains(packet.destination) else {
            block(
                graph.onPremSites[site].ref, rule: nil, .unknownDestination,
                "\(packet.destination) is not an address of \(graph.onPremSites[site].ref)", packet: packet)
            return nil
        }
        hop(
            graph.onPremSites[site].ref, .delivered,
            describe: { "delivered to \(packet.destination) at \($0.onPremSites[site].ref)" }, packet)
        return Arrival(place: .onPremSite(site), packet: packet)
    }

    /// A packet routed from a VPC to its virtual private gateway, on to the connection whose
    /// on-prem prefix matches best (S-H-1, S-H-2).
    mutating func toVirtualPrivateGateway(
        _ gateway: Int, from subnet: Int, table: CompiledRouteTable, route: CompiledRoute, _ packet: Packet
    ) -> Arrival? {
        let vgw = graph.virtualPrivateGateways[gateway]
        guard vgw.vpc == vpc(ofSubnet: subnet) else {
            block(
                table.ref, rule: route.label, .badStateRoute, "\(vgw.ref) is not attached to this VPC",
                packet: packet)
            return nil
        }
        hop(
            table.ref, .routed, rule: route.label, "longest prefix match: to the virtual private gateway",
            packet)
        checkNetworkACL(of: subnet, packet, outbound: true)
        let candidates = graph.hybridConnections.indices.filter {
            graph.reaches(connection: graph.hybridConnections[$0], virtualPrivateGateway: gateway)
        }
        guard let connection = bestConnection(candidates, for: packet.destination) else {
            block(
                vgw.ref, rule: nil, .vpnNoRoute,
                "no VPN or Direct Connect connection of \(vgw.ref) reaches \(packet.destination)",
                packet: packet)
            return nil
        }
        return overConnection(connection, packet)
    }

    /// The AWS prefixes an on-prem site learns over a connection, and where traffic to them
    /// enters AWS; a recording walk notes the transit gateway route table read for `destination`.
    private mutating func advertisedPrefixes(ofConnection index: Int, for destination: IPv4Address) -> [(
        IPv4Prefix, OnPremEntry
    )] {
        let connection = graph.hybridConnections[index]
        switch connection.gateway {
        case .virtualPrivateGateway(let gateway):
            guard let vpc = graph.virtualPrivateGateways[gateway].vpc else { return [] }
            return graph.vpcs[vpc].cidrs.map { ($0, .virtualPrivateGateway(gateway)) }
        case .transitGateway(let gateway):
            // A VPN on a transit gateway learns the routes of the table its attachment is associated with.
            guard let attachment = graph.vpnAttachment[index] else { return [] }
            if recordsLookups {
                routeLookups.append(.transitGateway(attachment: attachment, address: destination))
            }
            guard let table = graph.attachments[attachment].routeTable else { return [] }
            return graph.transitGatewayRouteTables[table].routes.filter { $0.attachment != nil }
                .map { ($0.prefix, .transitGateway(gateway, attachment: attachment)) }
        case .directConnectGateway(let dxGateway):
            // Only the allowed prefixes of the Direct Connect gateway's associations are announced (S-H-2).
            return graph.directConnectGateways[dxGateway].associations.flatMap {
                association -> [(IPv4Prefix, OnPremEntry)] in
                switch (connection.kind, association.gateway) {
                case (.transitVirtualInterface, .transitGateway(let tgw)):
                    guard
                        let attachment = graph.directConnectAttachment[
                            TransitGatewayAndVPC(transitGateway: tgw, other: dxGateway)]
                    else { return [] }
                    return association.allowedPrefixes.map {
                        ($0, .transitGateway(tgw, attachment: attachment))
                    }
                case (.privateVirtualInterface, .virtualPrivateGateway(let vgw)):
                    return association.allowedPrefixes.map { ($0, .virtualPrivateGateway(vgw)) }
                default:
                    return []
                }
            }
        }
    }

    /// Where traffic from on-prem enters AWS.
    enum OnPremEntry {
        case virtualPrivateGateway(Int)
        case transitGateway(Int, attachment: Int)
    }

    /// A packet from an on-prem site to a private address: over the connection whose learned
    /// AWS prefix matches best (Direct Connect winning a tie), into AWS.
    mutating func fromOnPremOverConnections(_ site: Int, _ packet: Packet) -> Arrival? {
        let siteRef = graph.onPremSites[site].ref
        var best: (connection: Int, prefix: IPv4Prefix, entry: OnPremEntry)?
        var anyConnection = false
        for (index, connection) in graph.hybridConnections.enumerated() where connection.site == site {
            anyConnection = true
            for (prefix, entry) in advertisedPrefixes(ofConnection: index, for: packet.destination)
            where prefix.contains(packet.destination) {
                if let current = best {
                    let currentIsDX = graph.hybridConnections[current.connection].isDirectConnect
                    guard
                        prefix.length > current.prefix.length
                            || (prefix.length == current.prefix.length && connection.isDirectConnect
                                && !currentIsDX)
                    else { continue }
                }
                best = (index, prefix, entry)
            }
        }
        guard let best else {
            block(
                siteRef, rule: nil, anyConnection ? .vpnNoRoute : .disconnected,
                anyConnection
                    ? "\(siteRef) learns no route to \(packet.destination) over its VPN or Direct Connect connections"
                    : "\(siteRef) has no VPN or Direct Connect connection that reaches \(packet.destination)",
                packet: packet)
            return nil
        }
        let connection = graph.hybridConnections[best.connection]
        guard connection.isAvailable else {
            block(
                connection.ref, rule: nil, .badStateAttachment, "\(connection.ref) is not available",
                packet: packet)
            return nil
        }
        hop(
            connection.ref, .forwarded, rule: "learned route \(best.prefix)", "from \(siteRef) into AWS",
            packet)
        switch best.entry {
        case .virtualPrivateGateway(let gateway):
            return intoVPC(throughVirtualPrivateGateway: gateway, packet)
        case .transitGateway(let gateway, let attachment):
            return atTransitGateway(gateway, from: attachment, zone: nil, packet)
        }
    }

    /// Traffic from a virtual private gateway is delivered within its VPC (no route table applies).
    private mutating func intoVPC(throughVirtualPrivateGateway gateway: Int, _ packet: Packet) -> Arrival? {
        let vgw = graph.virtualPrivateGateways[gateway]
        guard let vpc = vgw.vpc, let subnet = graph.subnet(containing: packet.destination, inVPC: vpc) else {
            block(
                vgw.ref, rule: nil, .noRouteToDestination,
                "no subnet behind \(vgw.ref) holds \(packet.destination)", packet: packet)
            return nil
        }
        hop(vgw.ref, .forwarded, describe: { "into \($0.vpcs[vpc].ref)" }, packet)
        checkNetworkACL(of: subnet, packet, outbound: false)
        return deliver(inSubnet: subnet, packet)
    }
}
