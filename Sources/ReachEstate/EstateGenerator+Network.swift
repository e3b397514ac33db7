/// VPCs, subnets, internet gateways, route tables and network ACLs
/// (`describe-vpcs`, `describe-subnets`, `describe-internet-gateways`, `describe-route-tables`,
/// `describe-network-acls`).
extension EstateGenerator {
    func internetGatewayID(_ vpc: Int) -> String { Self.id("igw", .internetGateway, vpc) }

    var transitGatewayID: String { Self.id("tgw", .transitGateway, 0) }

    // MARK: - VPCs and subnets

    func vpcsFile() -> String {
        var document = JSONListDocument(key: "Vpcs", capacity: shape.vpcs * 600)
        let dhcp = Self.id("dopt", .dhcpOptions, 0)
        for v in 0..<shape.vpcs {
            let cidr = vpcCIDR(v)
            let role = v == 0 ? "shared-services" : "workload"
            document.append(
                """
                {"CidrBlock": "\(cidr)", "DhcpOptionsId": "\(dhcp)", "State": "available", \
                "VpcId": "\(vpcID(v))", "OwnerId": "\(Self.account)", "InstanceTenancy": "default", \
                "CidrBlockAssociationSet": [{"AssociationId": "\(Self.id("vpc-cidr-assoc", .cidrAssociation, v))", \
                "CidrBlock": "\(cidr)", "CidrBlockState": {"State": "associated"}}], "IsDefault": false, \
                "Tags": \(tags(vpcName(v), vpc: v, ("role", role)))}
                """)
        }
        return document.finished
    }

    func subnetsFile() -> String {
        var document = JSONListDocument(key: "Subnets", capacity: shape.subnetCount * 800)
        let available = shape.usableAddressesPerSubnet - shape.interfacesPerSubnet
        for v in 0..<shape.vpcs {
            for s in 0..<shape.subnetsPerVPC {
                let id = subnetID(vpc: v, subnet: s)
                let tier = tier(s)
                document.append(
                    """
                    {"AvailabilityZone": "\(zoneName(zone(s)))", "AvailabilityZoneId": "\(zoneID(zone(s)))", \
                    "AvailableIpAddressCount": \(available), "CidrBlock": "\(subnetCIDR(vpc: v, subnet: s))", \
                    "DefaultForAz": false, "MapPublicIpOnLaunch": \(tier == .web), "State": "available", \
                    "SubnetId": "\(id)", "VpcId": "\(vpcID(v))", "OwnerId": "\(Self.account)", \
                    "AssignIpv6AddressOnCreation": false, "Ipv6CidrBlockAssociationSet": [], \
                    "Tags": \(tags(subnetName(vpc: v, subnet: s), vpc: v, ("tier", tier.name))), \
                    "SubnetArn": "\(Self.arn("ec2", "subnet/\(id)"))", "EnableDns64": false, "Ipv6Native": false, \
                    "PrivateDnsNameOptionsOnLaunch": {"HostnameType": "ip-name", \
                    "EnableResourceNameDnsARecord": false, "EnableResourceNameDnsAAAARecord": false}}
                    """)
            }
        }
        return document.finished
    }

    /// `prod-vpc-1-app-4`: the VPC, the tier and the subnet's number in the VPC.
    func subnetName(vpc: Int, subnet: Int) -> String { "\(vpcName(vpc))-\(tier(subnet).name)-\(subnet)" }

    func internetGatewaysFile() -> String {
        var document = JSONListDocument(key: "InternetGateways", capacity: shape.vpcs * 300)
        for v in 0..<shape.vpcs {
            document.append(
                """
                {"Attachments": [{"State": "available", "VpcId": "\(vpcID(v))"}], \
                "InternetGatewayId": "\(internetGatewayID(v))", "OwnerId": "\(Self.account)", \
                "Tags": \(tags("\(vpcName(v))-igw", vpc: v))}
                """)
        }
        return document.finished
    }

    // MARK: - Route tables

    /// The main route table (`0`) or the table of a tier (`1 + tier`) of a VPC.
    func routeTableID(vpc: Int, table: Int) -> String { Self.id("rtb", .routeTable, vpc * 4 + table) }

    /// Per VPC: the main table (the local route only, no subnets: every subnet has an explicit
    /// association) and one table per tier. Every tier routes `10.0.0.0/8` to the transit
    /// gateway; web routes `0.0.0.0/0` to the internet gateway; app and db route a peered VPC's
    /// `/20` to the peering connection (more specific than `10.0.0.0/8`, so it wins).
    func routeTablesFile() -> String {
        var document = JSONListDocument(
            key: "RouteTables", capacity: shape.vpcs * (2000 + shape.subnetsPerVPC * 200))
        for v in 0..<shape.vpcs {
            let local = route(vpcCIDR(v), target: "\"GatewayId\": \"local\"", origin: "CreateRouteTable")
            let mainID = routeTableID(vpc: v, table: 0)
            document.append(
                """
                {"Associations": [{"Main": true, \
                "RouteTableAssociationId": "\(Self.id("rtbassoc", .routeTableAssociation, (1 << 40) + v))", \
                "RouteTableId": "\(mainID)", "AssociationState": {"State": "associated"}}], \
                "PropagatingVgws": [], "RouteTableId": "\(mainID)", "Routes": [\(local)], \
                "Tags": \(tags("\(vpcName(v))-main-rt", vpc: v)), "VpcId": "\(vpcID(v))", "OwnerId": "\(Self.account)"}
                """)
            let peerings = peerings(of: v)
            for tier in Tier.allCases {
                let id = routeTableID(vpc: v, table: 1 + tier.rawValue)
                var routes = [
                    local, route("10.0.0.0/8", target: "\"TransitGatewayId\": \"\(transitGatewayID)\""),
                ]
                if tier == .web {
                    routes.append(route("0.0.0.0/0", target: "\"GatewayId\": \"\(internetGatewayID(v))\""))
                } else {
                    for peering in peerings {
                        routes.append(
                            route(
                                vpcCIDR(peering.peer), target: "\"VpcPeeringConnectionId\": \"\(peering.id)\""
                            ))
                    }
                }
                var associations: [String] = []
                for s in subnets(tier) {
                    associations.append(
                        """
                        {"Main": false, \
                        "RouteTableAssociationId": "\(Self.id("rtbassoc", .routeTableAssociation, v * shape.subnetsPerVPC + s))", \
                        "RouteTableId": "\(id)", "SubnetId": "\(subnetID(vpc: v, subnet: s))", \
                        "AssociationState": {"State": "associated"}}
                        """)
                }
                document.append(
                    """
                    {"Associations": [\(associations.joined(separator: ", "))], "PropagatingVgws": [], \
                    "RouteTableId": "\(id)", "Routes": [\(routes.joined(separator: ", "))], \
                    "Tags": \(tags("\(vpcName(v))-\(tier.name)-rt", vpc: v, ("tier", tier.name))), \
                    "VpcId": "\(vpcID(v))", "OwnerId": "\(Self.account)"}
                    """)
            }
        }
        return document.finished
    }

    private func route(_ destination: String, target: String, origin: String = "CreateRoute") -> String {
        "{\"DestinationCidrBlock\": \"\(destination)\", \(target), \"Origin\": \"\(origin)\", \"State\": \"active\"}"
    }

    // MARK: - Network ACLs

    /// Where an ACL entry's CIDR block points.
    private enum ACLBlock {
        case anywhere, estate, ownVPC, sharedServices, blocked
    }

    /// One ACL entry: rule number, direction, action, protocol number, ports, block.
    private struct ACLEntry {
        let number: Int
        let egress: Bool
        let allow: Bool
        let proto: String
        let ports: ClosedRange<Int>?
        let block: ACLBlock

        init(
            _ number: Int, egress: Bool, allow: Bool = true, _ proto: String, _ ports: ClosedRange<Int>?,
            _ block: ACLBlock
        ) {
            self.number = number
            self.egress = egress
            self.allow = allow
            self.proto = proto
            self.ports = ports
            self.block = block
        }
    }

    /// The public ACL of the web subnets: HTTP(S) from anywhere, SSH from shared services,
    /// return traffic on the ephemeral ports; a blocked range and outbound SMTP denied.
    private static let publicEntries: [ACLEntry] = [
        ACLEntry(50, egress: false, allow: false, "-1", nil, .blocked),
        ACLEntry(100, egress: false, "6", 443...443, .anywhere),
        ACLEntry(110, egress: false, "6", 80...80, .anywhere),
        ACLEntry(120, egress: false, "6", 22...22, .sharedServices),
        ACLEntry(130, egress: false, "6", 1024...65535, .anywhere),
        ACLEntry(140, egress: false, "17", 1024...65535, .anywhere),
        ACLEntry(150, egress: false, "1", nil, .estate),
        ACLEntry(50, egress: true, allow: false, "6", 25...25, .anywhere),
        ACLEntry(100, egress: true, "6", 80...80, .anywhere),
        ACLEntry(110, egress: true, "6", 443...443, .anywhere),
        ACLEntry(120, egress: true, "6", 1024...65535, .anywhere),
        ACLEntry(130, egress: true, "17", 53...53, .estate),
        ACLEntry(140, egress: true, "1", nil, .estate),
    ]

    /// The private ACL of the app and db subnets: the tiers' ports from the estate, the VPC or
    /// shared services, return traffic on the ephemeral ports from the estate; a blocked range,
    /// telnet and outbound SMTP denied (below port 1024, so no reply on an ephemeral port is caught).
    private static let privateEntries: [ACLEntry] = [
        ACLEntry(50, egress: false, allow: false, "-1", nil, .blocked),
        ACLEntry(60, egress: false, allow: false, "6", 23...23, .anywhere),
        ACLEntry(100, egress: false, "6", 5432...5432, .estate),
        ACLEntry(110, egress: false, "6", 8080...8080, .ownVPC),
        ACLEntry(120, egress: false, "6", 8443...8443, .estate),
        ACLEntry(130, egress: false, "6", 22...22, .sharedServices),
        ACLEntry(140, egress: false, "6", 53...53, .ownVPC),
        ACLEntry(150, egress: false, "17", 53...53, .ownVPC),
        ACLEntry(160, egress: false, "6", 443...443, .ownVPC),
        ACLEntry(170, egress: false, "6", 9100...9100, .sharedServices),
        ACLEntry(180, egress: false, "1", nil, .estate),
        ACLEntry(190, egress: false, "6", 1024...65535, .estate),
        ACLEntry(200, egress: false, "17", 1024...65535, .estate),
        ACLEntry(50, egress: true, allow: false, "6", 25...25, .anywhere),
        ACLEntry(100, egress: true, "6", 1024...65535, .estate),
        ACLEntry(110, egress: true, "17", 1024...65535, .estate),
        ACLEntry(120, egress: true, "6", 443...443, .estate),
        ACLEntry(130, egress: true, "6", 53...53, .estate),
        ACLEntry(140, egress: true, "17", 53...53, .estate),
        ACLEntry(150, egress: true, "1", nil, .estate),
    ]

    /// The default ACL: allow all both ways (no subnet uses it).
    private static let defaultEntries: [ACLEntry] = [
        ACLEntry(100, egress: false, "-1", nil, .anywhere), ACLEntry(100, egress: true, "-1", nil, .anywhere),
    ]

    /// Per VPC: the default ACL, the public ACL (web subnets) and the private ACL (app and db subnets).
    func networkACLsFile() -> String {
        var document = JSONListDocument(
            key: "NetworkAcls", capacity: shape.vpcs * (9000 + shape.subnetsPerVPC * 150))
        for v in 0..<shape.vpcs {
            let acls: [(name: String, isDefault: Bool, entries: [ACLEntry], tiers: [Tier])] = [
                ("default", true, Self.defaultEntries, []),
                ("public", false, Self.publicEntries, [.web]),
                ("private", false, Self.privateEntries, [.app, .db]),
            ]
            for (index, acl) in acls.enumerated() {
                let id = Self.id("acl", .networkACL, v * 3 + index)
                var associations: [String] = []
                for s in 0..<shape.subnetsPerVPC where acl.tiers.contains(tier(s)) {
                    associations.append(
                        """
                        {"NetworkAclAssociationId": "\(Self.id("aclassoc", .aclAssociation, v * shape.subnetsPerVPC + s))", \
                        "NetworkAclId": "\(id)", "SubnetId": "\(subnetID(vpc: v, subnet: s))"}
                        """)
                }
                var entries = acl.entries.map { entry(v, $0) }
                // The final `*` rule of each direction, as AWS lists it.
                entries.append(entry(v, ACLEntry(32767, egress: false, allow: false, "-1", nil, .anywhere)))
                entries.append(entry(v, ACLEntry(32767, egress: true, allow: false, "-1", nil, .anywhere)))
                document.append(
                    """
                    {"Associations": [\(associations.joined(separator: ", "))], \
                    "Entries": [\(entries.joined(separator: ", "))], "IsDefault": \(acl.isDefault), \
                    "NetworkAclId": "\(id)", "Tags": \(tags("\(vpcName(v))-\(acl.name)-acl", vpc: v)), \
                    "VpcId": "\(vpcID(v))", "OwnerId": "\(Self.account)"}
                    """)
            }
        }
        return document.finished
    }

    private func entry(_ vpc: Int, _ entry: ACLEntry) -> String {
        let block =
            switch entry.block {
            case .anywhere: "0.0.0.0/0"
            case .estate: "10.0.0.0/8"
            case .ownVPC: vpcCIDR(vpc)
            case .sharedServices: sharedServicesCIDR
            case .blocked: "198.51.100.0/24"
            }
        var text = "{\"CidrBlock\": \"\(block)\", \"Egress\": \(entry.egress), "
        if entry.proto == "1" {
            text += "\"IcmpTypeCode\": {\"Code\": -1, \"Type\": -1}, "
        } else if let ports = entry.ports {
            text += "\"PortRange\": {\"From\": \(ports.lowerBound), \"To\": \(ports.upperBound)}, "
        }
        return text
            + "\"Protocol\": \"\(entry.proto)\", \"RuleAction\": \"\(entry.allow ? "allow" : "deny")\", \"RuleNumber\": \(entry.number)}"
    }
}
