/// The transit gateway hub (`describe-transit-gateways`, `-attachments`, `-vpc-attachments`,
/// `-route-tables`, and the collector's wrappers of `get-transit-gateway-route-table-propagations`
/// and `search-transit-gateway-routes`).
///
/// Every VPC is attached, with one app subnet per AZ. Three route tables, with no static
/// routes (every route is propagated):
/// - `prod`: prod VPCs are associated with it; prod VPCs and VPC 0 propagate into it;
/// - `dev`: the same for dev VPCs;
/// - `shared`: the shared-services VPC 0 is associated with it; every VPC propagates into it.
/// So prod and dev VPCs reach their own environment and shared services, never each other.
extension EstateGenerator {
    /// The transit gateway route tables, by index.
    enum HubTable: Int, CaseIterable {
        case prod, dev, shared

        /// `prod`, `dev`, `shared`.
        var name: String {
            switch self {
            case .prod: "prod"
            case .dev: "dev"
            case .shared: "shared"
            }
        }
    }

    func attachmentID(_ vpc: Int) -> String { Self.id("tgw-attach", .attachment, vpc) }

    func hubTableID(_ table: HubTable) -> String {
        Self.id("tgw-rtb", .transitGatewayRouteTable, table.rawValue)
    }

    /// The table a VPC's attachment is associated with.
    func associatedTable(_ vpc: Int) -> HubTable { vpc == 0 ? .shared : vpc % 2 == 1 ? .prod : .dev }

    /// Whether a VPC's attachment propagates its `/20` into `table`.
    func propagates(_ vpc: Int, into table: HubTable) -> Bool {
        switch table {
        case .shared: vpc != 0
        case .prod, .dev: vpc == 0 || associatedTable(vpc) == table
        }
    }

    /// The attachment subnets of a VPC: the app subnet of the first row of each AZ.
    func attachmentSubnets(_ vpc: Int) -> [String] {
        (0..<shape.zoneCount).map { subnetID(vpc: vpc, subnet: 3 * $0 + Tier.app.rawValue) }
    }

    func transitGatewaysFile() -> String {
        var document = JSONListDocument(key: "TransitGateways")
        document.append(
            """
            {"TransitGatewayId": "\(transitGatewayID)", \
            "TransitGatewayArn": "\(Self.arn("ec2", "transit-gateway/\(transitGatewayID)"))", \
            "State": "available", "OwnerId": "\(Self.account)", "Description": "estate hub", \
            "CreationTime": "\(Self.creationTime)", "Options": {"AmazonSideAsn": 64512, \
            "AutoAcceptSharedAttachments": "disable", "DefaultRouteTableAssociation": "disable", \
            "DefaultRouteTablePropagation": "disable", "VpnEcmpSupport": "enable", "DnsSupport": "enable", \
            "SecurityGroupReferencingSupport": "disable", "MulticastSupport": "disable", \
            "TransitGatewayCidrBlocks": []}, "Tags": [{"Key": "Name", "Value": "estate-hub"}]}
            """)
        return document.finished
    }

    func transitGatewayAttachmentsFile() -> String {
        var document = JSONListDocument(key: "TransitGatewayAttachments", capacity: shape.vpcs * 600)
        for v in 0..<shape.vpcs {
            document.append(
                """
                {"TransitGatewayAttachmentId": "\(attachmentID(v))", "TransitGatewayId": "\(transitGatewayID)", \
                "TransitGatewayOwnerId": "\(Self.account)", "ResourceOwnerId": "\(Self.account)", \
                "ResourceType": "vpc", "ResourceId": "\(vpcID(v))", "State": "available", \
                "Association": {"TransitGatewayRouteTableId": "\(hubTableID(associatedTable(v)))", \
                "State": "associated"}, "CreationTime": "\(Self.creationTime)", \
                "Tags": \(tags("\(vpcName(v))-attachment", vpc: v))}
                """)
        }
        return document.finished
    }

    func transitGatewayVPCAttachmentsFile() -> String {
        var document = JSONListDocument(key: "TransitGatewayVpcAttachments", capacity: shape.vpcs * 700)
        for v in 0..<shape.vpcs {
            let subnets = attachmentSubnets(v).map { "\"\($0)\"" }.joined(separator: ", ")
            document.append(
                """
                {"TransitGatewayAttachmentId": "\(attachmentID(v))", "TransitGatewayId": "\(transitGatewayID)", \
                "VpcId": "\(vpcID(v))", "VpcOwnerId": "\(Self.account)", "State": "available", \
                "SubnetIds": [\(subnets)], "CreationTime": "\(Self.creationTime)", \
                "Options": {"DnsSupport": "enable", "SecurityGroupReferencingSupport": "disable", \
                "Ipv6Support": "disable", "ApplianceModeSupport": "disable"}, \
                "Tags": \(tags("\(vpcName(v))-attachment", vpc: v))}
                """)
        }
        return document.finished
    }

    func transitGatewayRouteTablesFile() -> String {
        var document = JSONListDocument(key: "TransitGatewayRouteTables")
        for table in HubTable.allCases {
            document.append(
                """
                {"TransitGatewayRouteTableId": "\(hubTableID(table))", "TransitGatewayId": "\(transitGatewayID)", \
                "State": "available", "DefaultAssociationRouteTable": false, "DefaultPropagationRouteTable": false, \
                "CreationTime": "\(Self.creationTime)", \
                "Tags": [{"Key": "Name", "Value": "estate-hub-\(table.name)"}, {"Key": "env", "Value": "\(table.name)"}]}
                """)
        }
        return document.finished
    }

    /// One wrapper element per table, holding what `get-transit-gateway-route-table-propagations` lists.
    func transitGatewayPropagationsFile() -> String {
        var document = JSONListDocument(key: "TransitGatewayPropagations", capacity: shape.vpcs * 400)
        for table in HubTable.allCases {
            var text = "{\"TransitGatewayRouteTableId\": \"\(hubTableID(table))\", "
            text += "\"TransitGatewayRouteTablePropagations\": ["
            var first = true
            for v in 0..<shape.vpcs where propagates(v, into: table) {
                text += first ? "\n" : ",\n"
                first = false
                text += """
                    {"TransitGatewayAttachmentId": "\(attachmentID(v))", "ResourceId": "\(vpcID(v))", \
                    "ResourceType": "vpc", "State": "enabled"}
                    """
            }
            document.append(text + "]}")
        }
        return document.finished
    }

    /// One wrapper element per table, holding what `search-transit-gateway-routes --filters
    /// Name=type,Values=static` lists: nothing (so a reader knows there are no static routes).
    func transitGatewayStaticRoutesFile() -> String {
        var document = JSONListDocument(key: "TransitGatewayStaticRoutes")
        for table in HubTable.allCases {
            document.append(
                """
                {"TransitGatewayRouteTableId": "\(hubTableID(table))", "Routes": [], "AdditionalRoutesAvailable": false}
                """)
        }
        return document.finished
    }
}
