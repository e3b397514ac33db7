import ReachModel
import ReachNetwork

/// Virtual private gateways, customer gateways, Site-to-Site VPN and Direct Connect (S-H).
extension TopologyBuilder {
    /// The AWS VPN connection states; only `available` carries traffic.
    static let vpnStates = ["pending", "available", "deleting", "deleted"]
    /// The AWS Direct Connect virtual interface states; only `available` carries traffic.
    static let virtualInterfaceStates = [
        "confirming", "verifying", "pending", "available", "down", "testing", "deleting", "deleted",
        "rejected",
        "unknown",
    ]

    mutating func buildVirtualPrivateGateways() throws(TopologyFileError) {
        for item in items[.virtualPrivateGateways] ?? [] {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            var vpcID: String?
            if let value = item["vpc"] { vpcID = try resolve(\.vpcs, value) }
            topology.virtualPrivateGateways.append(
                VirtualPrivateGateway(id: id, name: name, vpcID: vpcID, tags: try item.tags()))
            record(.virtualPrivateGateway, id, item)
        }
    }

    mutating func buildCustomerGateways() throws(TopologyFileError) {
        for item in items[.customerGateways] ?? [] {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            var address: IPv4Address?
            if let value = item["ipAddress"] { address = try value.address() }
            var asn: Int?
            if let value = item["bgpAsn"] {
                asn = try value.integer(in: 1...4_294_967_294, "a BGP ASN from 1 to 4294967294")
            }
            var siteID: String?
            if let value = item["site"] { siteID = try resolve(\.onPremSites, value) }
            topology.customerGateways.append(
                CustomerGateway(
                    id: id, name: name, ipAddress: address, bgpASN: asn, siteID: siteID, tags: try item.tags()
                ))
            record(.customerGateway, id, item)
        }
    }

    mutating func buildVPNConnections() throws(TopologyFileError) {
        for item in items[.vpnConnections] ?? [] {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            let customerGatewayID = try resolve(\.customerGateways, try item.required("customerGateway"))
            let (key, value) = try item.exactlyOne(
                of: ["virtualPrivateGateway", "transitGateway"], in: "a VPN connection")
            let gateway: HybridGatewayRef =
                key == "transitGateway"
                ? .transitGateway(try resolve(\.transitGateways, value))
                : .virtualPrivateGateway(try resolve(\.virtualPrivateGateways, value))
            topology.vpnConnections.append(
                VPNConnection(
                    id: id, name: name, customerGatewayID: customerGatewayID, gateway: gateway,
                    staticRoutesOnly: try item.bool("staticRoutesOnly", default: false),
                    onPremPrefixes: try prefixes(item, "onPremPrefixes", allowEmpty: true),
                    state: try choice(item, "state", Self.vpnStates) ?? "available", tags: try item.tags()))
            record(.vpnConnection, id, item)
            origins[ResourceRef(.vpnConnection, id)]?.overrides = ["gateway": value]
        }
    }

    mutating func buildDirectConnectGateways() throws(TopologyFileError) {
        for item in items[.directConnectGateways] ?? [] {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            var associations: [DirectConnectGatewayAssociation] = []
            for value in try item.list(
                "associations", "a list of associations, each {transitGateway: …, allowedPrefixes: […]}")
            {
                associations.append(try directConnectAssociation(value))
            }
            topology.directConnectGateways.append(
                DirectConnectGateway(id: id, name: name, associations: associations, tags: try item.tags()))
            record(.directConnectGateway, id, item)
            if let list = item["associations"] {
                origins[ResourceRef(.directConnectGateway, id)]?.overrides = ["gateway": list]
            }
        }
    }

    /// One association of a Direct Connect gateway with a transit or virtual private gateway.
    private func directConnectAssociation(_ value: YAMLValue) throws(TopologyFileError)
        -> DirectConnectGatewayAssociation
    {
        let item = try YAMLMapping(
            value, describing: "a Direct Connect gateway association",
            allowed: Section.directConnectAssociationKeys)
        let (key, gatewayValue) = try item.exactlyOne(
            of: ["transitGateway", "virtualPrivateGateway"], in: "a Direct Connect gateway association")
        let gateway: HybridGatewayRef =
            key == "transitGateway"
            ? .transitGateway(try resolve(\.transitGateways, gatewayValue))
            : .virtualPrivateGateway(try resolve(\.virtualPrivateGateways, gatewayValue))
        return DirectConnectGatewayAssociation(
            gateway: gateway, allowedPrefixes: try prefixes(item, "allowedPrefixes"))
    }

    mutating func buildVirtualInterfaces() throws(TopologyFileError) {
        for item in items[.virtualInterfaces] ?? [] {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            guard let type = try choice(item, "type", ["private", "transit"]),
                let kind = VirtualInterface.Kind(rawValue: type)
            else {
                throw .missingKey(item.value.location, key: "type", reason: "private or transit")
            }
            let siteID = try resolve(\.onPremSites, try item.required("site"))
            let (key, value) = try item.exactlyOne(
                of: ["directConnectGateway", "virtualPrivateGateway"], in: "a virtual interface")
            let gateway: HybridGatewayRef
            if key == "directConnectGateway" {
                gateway = .directConnectGateway(try resolve(\.directConnectGateways, value))
            } else {
                guard kind == .private else {
                    throw .conflict(
                        value.location,
                        message: "a transit virtual interface ends on a Direct Connect gateway;"
                            + " only a private one may end on a virtual private gateway")
                }
                gateway = .virtualPrivateGateway(try resolve(\.virtualPrivateGateways, value))
            }
            topology.virtualInterfaces.append(
                VirtualInterface(
                    id: id, name: name, kind: kind, siteID: siteID, gateway: gateway,
                    onPremPrefixes: try prefixes(item, "onPremPrefixes", allowEmpty: true),
                    state: try choice(item, "state", Self.virtualInterfaceStates) ?? "available",
                    tags: try item.tags()))
            record(.virtualInterface, id, item)
            origins[ResourceRef(.virtualInterface, id)]?.overrides = ["gateway": value]
        }
    }
}
