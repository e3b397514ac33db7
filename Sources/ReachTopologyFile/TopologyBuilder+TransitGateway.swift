import ReachModel
import ReachNetwork

/// Transit gateways, their attachments and their route tables (S-TGW).
extension TopologyBuilder {
    /// The AWS transit gateway attachment states; only `available` forwards.
    static let attachmentStates = [
        "initiating", "initiatingRequest", "pendingAcceptance", "rollingBack", "pending", "available",
        "modifying", "deleting", "deleted", "failed", "rejected", "rejecting", "failing",
    ]
    /// The keys that say what an attachment connects; an attachment has exactly one.
    static let attachmentResourceKeys = [
        "vpc", "vpnConnection", "directConnectGateway", "peerTransitGateway",
    ]

    mutating func buildTransitGateways() throws(TopologyFileError) {
        for item in items[.transitGateways] ?? [] {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            var gatewayRegion = region
            if let value = item["region"] { gatewayRegion = try value.name("a region such as us-east-1") }
            topology.transitGateways.append(
                TransitGateway(id: id, name: name, region: gatewayRegion, tags: try item.tags()))
            record(.transitGateway, id, item)
        }
    }

    mutating func buildTransitGatewayAttachments() throws(TopologyFileError) {
        for item in items[.transitGatewayAttachments] ?? [] {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            let gatewayID = try resolve(\.transitGateways, try item.required("transitGateway"))
            let resource = try attachmentResource(item, transitGatewayID: gatewayID)
            topology.transitGatewayAttachments.append(
                TransitGatewayAttachment(
                    id: id, name: name, transitGatewayID: gatewayID, resource: resource,
                    applianceMode: try item.bool("applianceMode", default: false),
                    state: try choice(item, "state", Self.attachmentStates) ?? "available",
                    tags: try item.tags()))
            record(.transitGatewayAttachment, id, item)
        }
    }

    /// What an attachment connects: exactly one of `vpc` (with `subnets`), `vpnConnection`,
    /// `directConnectGateway` or `peerTransitGateway` (with an optional `peerAttachment`).
    private func attachmentResource(
        _ item: YAMLMapping, transitGatewayID: String
    ) throws(TopologyFileError) -> TransitGatewayAttachmentResource {
        let (key, value) = try item.exactlyOne(
            of: Self.attachmentResourceKeys, in: "a transit gateway attachment")
        if key != "vpc" {
            try item.forbid("subnets", "subnets belong to a VPC attachment (vpc) only")
            try item.forbid("applianceMode", "applianceMode applies to VPC attachments (vpc) only")
        }
        if key != "peerTransitGateway" {
            try item.forbid(
                "peerAttachment", "peerAttachment belongs to a peering attachment (peerTransitGateway) only")
        }
        switch key {
        case "vpc":
            let vpcID = try resolve(\.vpcs, value)
            let list = try item.required(
                "subnets", reason: "a VPC attachment has one subnet per availability zone")
            let elements = try list.list("a list of subnet names or ids, one per availability zone")
            guard !elements.isEmpty else { throw list.invalid("a list of at least one subnet") }
            var subnetIDs: [String] = []
            for element in elements { subnetIDs.append(try resolve(\.subnets, element)) }
            return .vpc(vpcID: vpcID, subnetIDs: subnetIDs)
        case "vpnConnection":
            return .vpn(connectionID: try resolve(\.vpnConnections, value))
        case "directConnectGateway":
            return .directConnectGateway(gatewayID: try resolve(\.directConnectGateways, value))
        default:
            let peerID = try resolve(\.transitGateways, value)
            if peerID == transitGatewayID {
                throw .conflict(value.location, message: "a transit gateway cannot peer with itself")
            }
            var peerAttachmentID: String?
            if let attachmentValue = item["peerAttachment"] {
                peerAttachmentID = try peerAttachment(attachmentValue, peerTransitGatewayID: peerID)
            }
            return .peering(peerTransitGatewayID: peerID, peerAttachmentID: peerAttachmentID)
        }
    }

    /// The id of a peering attachment's other end, which must belong to the peer gateway.
    private func peerAttachment(
        _ value: YAMLValue, peerTransitGatewayID: String
    ) throws(TopologyFileError) -> String {
        let other = try declared(\.transitGatewayAttachments, value)
        let otherItem = try YAMLMapping(
            other.item, describing: Section.transitGatewayAttachments.itemDescription,
            allowed: Section.transitGatewayAttachments.allowedKeys)
        let otherGateway = try resolve(\.transitGateways, try otherItem.required("transitGateway"))
        guard otherGateway == peerTransitGatewayID else {
            throw .conflict(
                value.location,
                message: "attachment \(other.id) (line \(other.item.line)) belongs to transit gateway"
                    + " \(otherGateway), not to the peer \(peerTransitGatewayID)")
        }
        return other.id
    }

    mutating func buildTransitGatewayRouteTables() throws(TopologyFileError) {
        for item in items[.transitGatewayRouteTables] ?? [] {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            let gatewayID = try resolve(\.transitGateways, try item.required("transitGateway"))
            var routes: [TransitGatewayRoute] = []
            var seen: [RouteDestination: Int] = [:]
            for value in try item.list(
                "routes",
                "a list of static routes, each {destination: …, attachment: …}"
                    + " or {destination: …, blackhole: true}"
            ) {
                let route = try transitGatewayRoute(value)
                if let line = seen.updateValue(value.line, forKey: route.destination) {
                    throw .conflict(
                        value.location,
                        message: "the table already has a static route to \(route.destination) (line \(line))"
                    )
                }
                routes.append(route)
            }
            topology.transitGatewayRouteTables.append(
                TransitGatewayRouteTable(
                    id: id, name: name, transitGatewayID: gatewayID,
                    associationIDs: try resolveList(\.transitGatewayAttachments, item, "associations"),
                    propagationIDs: try resolveList(\.transitGatewayAttachments, item, "propagations"),
                    routes: routes, tags: try item.tags()))
            record(.transitGatewayRouteTable, id, item)
        }
    }

    /// One static route: `{destination, attachment}`, or `{destination, blackhole: true}`
    /// (a nil attachment).
    private func transitGatewayRoute(_ value: YAMLValue) throws(TopologyFileError) -> TransitGatewayRoute {
        let item = try YAMLMapping(
            value, describing: "a transit gateway route", allowed: Section.transitGatewayRouteKeys)
        let destination = try routeDestination(try item.required("destination"))
        let isBlackhole = try item.bool("blackhole", default: false)
        switch (item["attachment"], isBlackhole) {
        case (let attachment?, false):
            return TransitGatewayRoute(
                destination: destination, attachmentID: try resolve(\.transitGatewayAttachments, attachment))
        case (nil, true):
            return TransitGatewayRoute(destination: destination, attachmentID: nil)
        case (_?, true):
            try item.forbid(
                "attachment",
                "a blackhole route has no attachment; give attachment or blackhole: true, not both")
            return TransitGatewayRoute(destination: destination, attachmentID: nil)
        case (nil, false):
            throw .missingKey(
                item.value.location, key: "attachment",
                reason: "a static route goes to an attachment, or is blackhole: true")
        }
    }
}
