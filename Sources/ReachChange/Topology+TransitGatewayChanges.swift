import ReachModel

/// Transit gateway route table associations, propagations and static routes.
extension Topology {
    /// Applies ``TopologyChange/associateTransitGatewayRouteTable(attachment:routeTable:)``.
    mutating func associateTransitGatewayRouteTable(
        attachment: String, table: String, _ item: ChangeSet.Item
    ) throws(TopologyChangeError) {
        let (attachmentID, tableIndex) = try attachmentAndTable(attachment, table, item)
        // An attachment has at most one association: associating moves it.
        for index in transitGatewayRouteTables.indices where index != tableIndex {
            transitGatewayRouteTables[index].associationIDs.removeAll { $0 == attachmentID }
        }
        if !transitGatewayRouteTables[tableIndex].associationIDs.contains(attachmentID) {
            transitGatewayRouteTables[tableIndex].associationIDs.append(attachmentID)
        }
    }

    /// Applies ``TopologyChange/disassociateTransitGatewayRouteTable(attachment:)``.
    mutating func disassociateTransitGatewayRouteTable(
        attachment: String, _ item: ChangeSet.Item
    ) throws(TopologyChangeError) {
        let attachmentID = try attachmentID(attachment, item)
        guard transitGatewayRouteTables.contains(where: { $0.associationIDs.contains(attachmentID) }) else {
            throw .absent(
                item, resource: ResourceRef(.transitGatewayAttachment, attachmentID),
                what: "transit gateway route table association")
        }
        for index in transitGatewayRouteTables.indices {
            transitGatewayRouteTables[index].associationIDs.removeAll { $0 == attachmentID }
        }
    }

    /// Applies ``TopologyChange/addTransitGatewayPropagation(routeTable:attachment:)``.
    mutating func addTransitGatewayPropagation(
        table: String, attachment: String, _ item: ChangeSet.Item
    ) throws(TopologyChangeError) {
        let (attachmentID, tableIndex) = try attachmentAndTable(attachment, table, item)
        if transitGatewayRouteTables[tableIndex].propagationIDs.contains(attachmentID) {
            throw .duplicate(
                item, resource: tableRef(tableIndex),
                what: "a propagation from \(attachmentID)")
        }
        transitGatewayRouteTables[tableIndex].propagationIDs.append(attachmentID)
    }

    /// Applies ``TopologyChange/removeTransitGatewayPropagation(routeTable:attachment:)``.
    mutating func removeTransitGatewayPropagation(
        table: String, attachment: String, _ item: ChangeSet.Item
    ) throws(TopologyChangeError) {
        let tableIndex = try item.index(of: table, in: transitGatewayRouteTables)
        let attachmentID = try attachmentID(attachment, item)
        guard transitGatewayRouteTables[tableIndex].propagationIDs.contains(attachmentID) else {
            throw .absent(
                item, resource: tableRef(tableIndex),
                what: "propagation from \(attachmentID)")
        }
        transitGatewayRouteTables[tableIndex].propagationIDs.removeAll { $0 == attachmentID }
    }

    /// Applies ``TopologyChange/addTransitGatewayRoute(routeTable:destination:attachment:)``.
    mutating func addTransitGatewayRoute(
        table: String, destination: RouteDestination, attachment: String?, _ item: ChangeSet.Item
    ) throws(TopologyChangeError) {
        let tableIndex = try item.index(of: table, in: transitGatewayRouteTables)
        var attachmentID: String?
        if let attachment { attachmentID = try attachmentAndTable(attachment, table, item).attachmentID }
        let resolved = try resolvedDestination(destination, item)
        if transitGatewayRouteTables[tableIndex].routes.contains(where: { $0.destination == resolved }) {
            throw .duplicate(
                item, resource: tableRef(tableIndex),
                what: "a static route for \(resolved)")
        }
        transitGatewayRouteTables[tableIndex].routes.append(
            TransitGatewayRoute(destination: resolved, attachmentID: attachmentID))
    }

    /// Applies ``TopologyChange/removeTransitGatewayRoute(routeTable:destination:)``.
    mutating func removeTransitGatewayRoute(
        table: String, destination: RouteDestination, _ item: ChangeSet.Item
    ) throws(TopologyChangeError) {
        let tableIndex = try item.index(of: table, in: transitGatewayRouteTables)
        let resolved = try resolvedDestination(destination, item)
        guard transitGatewayRouteTables[tableIndex].routes.contains(where: { $0.destination == resolved })
        else {
            throw .absent(
                item, resource: tableRef(tableIndex),
                what: "static route for \(resolved)")
        }
        transitGatewayRouteTables[tableIndex].routes.removeAll { $0.destination == resolved }
    }

    /// The id of the attachment `reference` names.
    private func attachmentID(_ reference: String, _ item: ChangeSet.Item) throws(TopologyChangeError)
        -> String
    {
        transitGatewayAttachments[try item.index(of: reference, in: transitGatewayAttachments)].id
    }

    /// The transit gateway route table at `index`, for messages.
    private func tableRef(_ index: Int) -> ResourceRef {
        ResourceRef(.transitGatewayRouteTable, transitGatewayRouteTables[index].id)
    }

    /// The attachment's id and the table's index, checked to be on one transit gateway.
    private func attachmentAndTable(
        _ attachment: String, _ table: String, _ item: ChangeSet.Item
    ) throws(TopologyChangeError) -> (attachmentID: String, tableIndex: Int) {
        let tableIndex = try item.index(of: table, in: transitGatewayRouteTables)
        let found = transitGatewayAttachments[try item.index(of: attachment, in: transitGatewayAttachments)]
        let table = transitGatewayRouteTables[tableIndex]
        guard found.transitGatewayID == table.transitGatewayID else {
            throw .wrongTransitGateway(
                item, resource: ResourceRef(.transitGatewayAttachment, found.id),
                transitGatewayID: found.transitGatewayID,
                other: ResourceRef(.transitGatewayRouteTable, table.id),
                expectedTransitGatewayID: table.transitGatewayID)
        }
        return (found.id, tableIndex)
    }
}
