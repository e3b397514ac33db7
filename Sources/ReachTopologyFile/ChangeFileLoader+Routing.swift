import ReachChange
import ReachModel

/// Route changes of a change file, VPC and transit gateway.
extension ChangeKind {
    /// An `addRoute`: `routeTable`, `destination` and `target`.
    func addRoute(_ fields: YAMLMapping) throws(TopologyFileError) -> TopologyChange {
        let table = try fields.reference("routeTable", "a route table")
        let destination = try fields.destination()
        let target = try fields.required("target").name(
            "the name or id of a route target: a gateway, peering connection, VPC endpoint,"
                + " network interface or instance")
        return .addRoute(routeTable: table, destination: destination, target: target)
    }

    /// An `addTransitGatewayRoute`: `routeTable`, `destination`, and `attachment` or
    /// `blackhole: true`.
    func addTransitGatewayRoute(_ fields: YAMLMapping) throws(TopologyFileError) -> TopologyChange {
        let table = try fields.reference("routeTable", "a transit gateway route table")
        let destination = try fields.destination()
        let (key, value) = try fields.exactlyOne(
            of: ["attachment", "blackhole"], in: "a transit gateway route")
        var attachment: String?
        if key == "attachment" {
            attachment = try value.name("the name or id of a transit gateway attachment")
        } else if try !value.bool() {
            throw value.invalid("true (a blackhole route); give 'attachment' for a route to an attachment")
        }
        return .addTransitGatewayRoute(routeTable: table, destination: destination, attachment: attachment)
    }
}

extension YAMLMapping {
    /// The required route `destination`: a CIDR block, or a prefix list by name or id.
    func destination() throws(TopologyFileError) -> RouteDestination {
        let value = try required("destination")
        let text = try value.name("a CIDR block or a prefix list name or id")
        return TopologyBuilder.looksLikeAddress(text) ? .cidr(try value.prefix()) : .prefixList(text)
    }
}
