import ReachModel
import ReachNetwork

extension SnapshotBuilder {
    mutating func buildTransitGateways() throws {
        for record in records.records("TransitGateways") {
            let node = record.node
            let id = try node.string("TransitGatewayId")
            if try node.optionalString("State") == "deleted" { continue }
            let tags = try node.tags()
            topology.transitGateways.append(
                TransitGateway(
                    id: id, name: name(tags, id: id), region: record.region ?? "unknown", tags: tags))
        }
        var vpcDetails: [String: JSONNode] = [:]
        for record in records.records("TransitGatewayVpcAttachments") {
            vpcDetails[try record.node.string("TransitGatewayAttachmentId")] = record.node
        }
        var associations: [String: [String]] = [:]
        for record in records.records("TransitGatewayAttachments") {
            let node = record.node
            let id = try node.string("TransitGatewayAttachmentId")
            let state = try node.optionalString("State") ?? "available"
            if state == "deleted" { continue }
            let tags = try node.tags()
            let resourceID = try node.optionalString("ResourceId") ?? ""
            let resource: TransitGatewayAttachmentResource
            var applianceMode = false
            switch try node.optionalString("ResourceType") ?? "" {
            case "vpc":
                guard let detail = vpcDetails[id] else {
                    warn(
                        node,
                        "the subnets of VPC attachment \(id) are not in the snapshot (describe-transit-gateway-vpc-attachments); traffic through it is unknown"
                    )
                    resource = .vpc(vpcID: resourceID, subnetIDs: [])
                    break
                }
                resource = .vpc(
                    vpcID: resourceID, subnetIDs: try detail.list("SubnetIds").map { try $0.string() })
                applianceMode = try detail["Options"]?.optionalString("ApplianceModeSupport") == "enable"
            case "vpn":
                resource = .vpn(connectionID: resourceID)
            case "direct-connect-gateway":
                resource = .directConnectGateway(gatewayID: resourceID)
            case "peering", "tgw-peering":
                resource = .peering(peerTransitGatewayID: resourceID, peerAttachmentID: nil)
            case let other:
                warn(node, "transit gateway attachments of type '\(other)' are not modelled; skipped")
                continue
            }
            if let association = node["Association"],
                try association.optionalString("State") != "disassociated",
                let table = try association.optionalString("TransitGatewayRouteTableId")
            {
                associations[table, default: []].append(id)
            }
            topology.transitGatewayAttachments.append(
                TransitGatewayAttachment(
                    id: id, name: name(tags, id: id), transitGatewayID: try node.string("TransitGatewayId"),
                    resource: resource,
                    applianceMode: applianceMode, state: state, tags: tags))
        }
        var propagations: [String: [String]] = [:]
        for record in records.records("TransitGatewayPropagations") {
            let table = try record.node.string("TransitGatewayRouteTableId")
            for propagation in try record.node.list("TransitGatewayRouteTablePropagations")
            where try propagation.optionalString("State") ?? "enabled" == "enabled" {
                propagations[table, default: []].append(try propagation.string("TransitGatewayAttachmentId"))
            }
        }
        var staticRoutes: [String: [TransitGatewayRoute]] = [:]
        var tablesWithRoutes: Set<String> = []
        for record in records.records("TransitGatewayStaticRoutes") {
            let table = try record.node.string("TransitGatewayRouteTableId")
            tablesWithRoutes.insert(table)
            for route in try record.node.list("Routes")
            where try route.optionalString("Type") ?? "static" == "static" {
                let destination: RouteDestination
                if let cidr = route["DestinationCidrBlock"] {
                    guard let block = IPv4Prefix(try cidr.string()) else { continue }  // IPv6
                    destination = .cidr(block)
                } else if let list = try route.optionalString("PrefixListId") {
                    destination = .prefixList(list)
                } else {
                    continue
                }
                let attachment =
                    try route.optionalString("State") == "blackhole"
                    ? nil
                    : try route.list("TransitGatewayAttachments").first?.optionalString(
                        "TransitGatewayAttachmentId")
                staticRoutes[table, default: []].append(
                    TransitGatewayRoute(destination: destination, attachmentID: attachment))
            }
        }
        for record in records.records("TransitGatewayRouteTables") {
            let node = record.node
            let id = try node.string("TransitGatewayRouteTableId")
            if try node.optionalString("State") == "deleted" { continue }
            if !tablesWithRoutes.contains(id) {
                warn(
                    node,
                    "the static routes of \(id) are not in the snapshot (TransitGatewayStaticRoutes); only propagated routes are known"
                )
            }
            let tags = try node.tags()
            topology.transitGatewayRouteTables.append(
                TransitGatewayRouteTable(
                    id: id, name: name(tags, id: id), transitGatewayID: try node.string("TransitGatewayId"),
                    associationIDs: associations[id] ?? [], propagationIDs: propagations[id] ?? [],
                    routes: staticRoutes[id] ?? [], tags: tags))
        }
    }
}
