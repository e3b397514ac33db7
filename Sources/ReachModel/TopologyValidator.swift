import ReachNetwork

/// Checks a topology for inconsistencies AWS itself would refuse: dangling ids, subnets outside
/// their VPC, overlapping subnets or peered CIDRs, interfaces with addresses outside their
/// subnet, resources spanning VPCs that must share one.
public struct TopologyValidator {
    let topology: Topology
    private var problems: [TopologyProblem] = []
    let vpcs: [String: VPC]
    let subnets: [String: Subnet]
    let securityGroups: [String: SecurityGroup]
    let prefixListIDs: Set<String>

    private init(_ topology: Topology) {
        self.topology = topology
        vpcs = Dictionary(topology.vpcs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        subnets = Dictionary(topology.subnets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        securityGroups = Dictionary(
            topology.securityGroups.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        prefixListIDs = Set(topology.prefixLists.map(\.id))
    }

    /// How to treat references to resources the topology does not contain.
    public enum Completeness: Sendable {
        /// A design: everything it refers to must be in it (a missing resource is an error).
        case complete
        /// A snapshot of an account: it may lack what it refers to (another account's group, a
        /// file not collected); a missing resource is a warning, and answers that need it are
        /// `unknown`.
        case partial
    }

    private var completeness = Completeness.complete

    /// Every problem found, errors and warnings, in a stable order.
    public static func validate(_ topology: Topology, completeness: Completeness = .complete)
        -> [TopologyProblem]
    {
        var validator = TopologyValidator(topology)
        validator.completeness = completeness
        validator.checkUniqueIDs()
        validator.checkVPCsAndSubnets()
        validator.checkRouteTables()
        validator.checkGateways()
        validator.checkPeering()
        validator.checkInterfaces()
        validator.checkSecurityGroups()
        validator.checkNetworkACLs()
        validator.checkDatabases()
        validator.checkTransitGateways()
        validator.checkHybridConnectivity()
        validator.checkEndpointsAndLoadBalancers()
        validator.checkNetworkFirewalls()
        return validator.problems
    }

    mutating func error(_ ref: ResourceRef, _ field: String, _ message: String) {
        problems.append(TopologyProblem(.error, ref, field: field, message))
    }

    /// A reference to something the topology lacks, or a value only a hand-written design
    /// gets wrong: an error in a design, a warning in a snapshot.
    mutating func missing(_ ref: ResourceRef, _ field: String, _ message: String) {
        switch completeness {
        case .complete: error(ref, field, message)
        case .partial: warning(ref, field, message)
        }
    }

    mutating func warning(_ ref: ResourceRef, _ field: String, _ message: String) {
        problems.append(TopologyProblem(.warning, ref, field: field, message))
    }

    mutating func checkUnique(_ kind: ResourceKind, _ ids: [String]) {
        var seen = Set<String>()
        for id in ids where !seen.insert(id).inserted {
            error(ResourceRef(kind, id), "id", "the id '\(id)' is used by more than one \(kind.rawValue)")
        }
    }

    private mutating func checkUniqueIDs() {
        checkUnique(.vpc, topology.vpcs.map(\.id))
        checkUnique(.subnet, topology.subnets.map(\.id))
        checkUnique(.routeTable, topology.routeTables.map(\.id))
        checkUnique(.internetGateway, topology.internetGateways.map(\.id))
        checkUnique(.natGateway, topology.natGateways.map(\.id))
        checkUnique(.peeringConnection, topology.peeringConnections.map(\.id))
        checkUnique(.networkInterface, topology.networkInterfaces.map(\.id))
        checkUnique(.instance, topology.instances.map(\.id))
        checkUnique(.securityGroup, topology.securityGroups.map(\.id))
        checkUnique(.prefixList, topology.prefixLists.map(\.id))
        checkUnique(.networkACL, topology.networkACLs.map(\.id))
        checkUnique(.dbSubnetGroup, topology.dbSubnetGroups.map(\.id))
        checkUnique(.dbInstance, topology.dbInstances.map(\.id))
        checkUnique(.dbCluster, topology.dbClusters.map(\.id))
        checkUnique(.onPremSite, topology.onPremSites.map(\.id))
    }

    private mutating func checkVPCsAndSubnets() {
        for vpc in topology.vpcs where vpc.cidrBlocks.isEmpty {
            error(ResourceRef(.vpc, vpc.id), "cidrs", "a VPC needs at least one IPv4 CIDR block")
        }
        for vpc in topology.vpcs {
            for (i, a) in vpc.cidrBlocks.enumerated() {
                for b in vpc.cidrBlocks[(i + 1)...] where a.overlaps(b) {
                    error(ResourceRef(.vpc, vpc.id), "cidrs", "CIDR blocks \(a) and \(b) overlap")
                }
            }
        }
        var byVPC: [String: [Subnet]] = [:]
        for subnet in topology.subnets {
            let ref = ResourceRef(.subnet, subnet.id)
            guard let vpc = vpcs[subnet.vpcID] else {
                missing(ref, "vpc", "no VPC has the id '\(subnet.vpcID)'")
                continue
            }
            if !vpc.cidrBlocks.contains(where: { $0.contains(subnet.cidrBlock) }) {
                error(
                    ref, "cidr",
                    "\(subnet.cidrBlock) is outside the CIDR blocks of VPC \(vpc.id) "
                        + "(\(vpc.cidrBlocks.map(\.description).joined(separator: ", ")))")
            }
            byVPC[subnet.vpcID, default: []].append(subnet)
        }
        for (_, members) in byVPC.sorted(by: { $0.key < $1.key }) {
            // Sorted by start address, an overlap can only be with the previous block.
            let sorted = members.sorted { $0.cidrBlock.network < $1.cidrBlock.network }
            for (previous, next) in zip(sorted, sorted.dropFirst())
            where previous.cidrBlock.overlaps(next.cidrBlock) {
                error(
                    ResourceRef(.subnet, next.id), "cidr",
                    "\(next.cidrBlock) overlaps subnet \(previous.id) (\(previous.cidrBlock))")
            }
        }
    }

    mutating func checkSubnetInVPC(
        _ ref: ResourceRef, _ field: String, subnetID: String, vpcID: String
    ) {
        guard let subnet = subnets[subnetID] else {
            missing(ref, field, "no subnet has the id '\(subnetID)'")
            return
        }
        if subnet.vpcID != vpcID {
            error(ref, field, "subnet \(subnetID) is in VPC \(subnet.vpcID), not in \(vpcID)")
        }
    }

    private mutating func checkRouteTables() {
        var associated: [String: String] = [:]
        var mainByVPC: [String: String] = [:]
        let gateways = Dictionary(
            topology.internetGateways.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let nats = Dictionary(
            topology.natGateways.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let peerings = Dictionary(
            topology.peeringConnections.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let interfaceIDs = Set(topology.networkInterfaces.map(\.id))
        let transitGatewayIDs = Set(topology.transitGateways.map(\.id))
        let virtualPrivateGatewayIDs = Set(topology.virtualPrivateGateways.map(\.id))
        let endpointKinds = Dictionary(
            topology.vpcEndpoints.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
        let firewallEndpointIDs = Set(topology.networkFirewalls.flatMap { $0.endpoints.map(\.endpointID) })
        for table in topology.routeTables {
            let ref = ResourceRef(.routeTable, table.id)
            guard vpcs[table.vpcID] != nil else {
                missing(ref, "vpc", "no VPC has the id '\(table.vpcID)'")
                continue
            }
            if table.isMain {
                if let other = mainByVPC[table.vpcID] {
                    error(ref, "main", "VPC \(table.vpcID) already has main route table \(other)")
                }
                mainByVPC[table.vpcID] = table.id
            }
            for (i, gatewayID) in table.propagatingGatewayIDs.enumerated()
            where !virtualPrivateGatewayIDs.contains(gatewayID) {
                missing(
                    ref, "propagatingGateways[\(i)]", "no virtual private gateway has the id '\(gatewayID)'")
            }
            for (i, subnetID) in table.subnetIDs.enumerated() {
                checkSubnetInVPC(ref, "subnets[\(i)]", subnetID: subnetID, vpcID: table.vpcID)
                if let other = associated.updateValue(table.id, forKey: subnetID), other != table.id {
                    error(
                        ref, "subnets[\(i)]",
                        "subnet \(subnetID) is already associated with route table \(other)")
                }
            }
            for (i, route) in table.routes.enumerated() {
                let field = "routes[\(i)]"
                if case .prefixList(let id) = route.destination, !prefixListIDs.contains(id) {
                    missing(ref, "\(field).destination", "no prefix list has the id '\(id)'")
                }
                switch route.target {
                case .local, .unsupported, .missing:
                    break
                case .internetGateway(let id):
                    if gateways[id] == nil, route.state == .active {
                        missing(ref, "\(field).target", "no internet gateway has the id '\(id)'")
                    }
                case .natGateway(let id):
                    if let nat = nats[id] {
                        if let subnet = subnets[nat.subnetID], subnet.vpcID != table.vpcID {
                            error(
                                ref, "\(field).target",
                                "NAT gateway \(id) is in VPC \(subnet.vpcID), not \(table.vpcID)")
                        }
                    } else if route.state == .active {
                        missing(ref, "\(field).target", "no NAT gateway has the id '\(id)'")
                    }
                case .peeringConnection(let id):
                    if let peering = peerings[id] {
                        if peering.peer(of: table.vpcID) == nil {
                            error(
                                ref, "\(field).target",
                                "peering connection \(id) does not connect VPC \(table.vpcID)")
                        }
                    } else if route.state == .active {
                        missing(ref, "\(field).target", "no peering connection has the id '\(id)'")
                    }
                case .networkInterface(let id):
                    if !interfaceIDs.contains(id), route.state == .active {
                        missing(ref, "\(field).target", "no network interface has the id '\(id)'")
                    }
                case .transitGateway(let id):
                    if !transitGatewayIDs.contains(id), route.state == .active {
                        missing(ref, "\(field).target", "no transit gateway has the id '\(id)'")
                    }
                case .virtualPrivateGateway(let id):
                    if !virtualPrivateGatewayIDs.contains(id), route.state == .active {
                        missing(ref, "\(field).target", "no virtual private gateway has the id '\(id)'")
                    }
                case .vpcEndpoint(let id):
                    let known = endpointKinds[id] != nil || firewallEndpointIDs.contains(id)
                    if !known, route.state == .active {
                        missing(
                            ref, "\(field).target", "no VPC endpoint or firewall endpoint has the id '\(id)'")
                    }
                    if endpointKinds[id] == .interface {
                        error(
                            ref, "\(field).target",
                            "\(id) is an interface endpoint; routes can target gateway and firewall endpoints only"
                        )
                    }
                }
            }
        }
        for vpc in topology.vpcs where mainByVPC[vpc.id] == nil {
            missing(ResourceRef(.vpc, vpc.id), "routeTables", "VPC has no main route table")
        }
    }

    private mutating func checkGateways() {
        var gatewayByVPC: [String: String] = [:]
        for gateway in topology.internetGateways {
            guard let vpcID = gateway.vpcID else { continue }
            let ref = ResourceRef(.internetGateway, gateway.id)
            if vpcs[vpcID] == nil { missing(ref, "vpc", "no VPC has the id '\(vpcID)'") }
            if let other = gatewayByVPC.updateValue(gateway.id, forKey: vpcID) {
                error(ref, "vpc", "VPC \(vpcID) already has internet gateway \(other); a VPC has at most one")
            }
        }
        for nat in topology.natGateways {
            let ref = ResourceRef(.natGateway, nat.id)
            guard let subnet = subnets[nat.subnetID] else {
                missing(ref, "subnet", "no subnet has the id '\(nat.subnetID)'")
                continue
            }
            if !subnet.cidrBlock.contains(nat.privateIP) {
                missing(
                    ref, "privateIp", "\(nat.privateIP) is outside subnet \(subnet.id) (\(subnet.cidrBlock))")
            }
            if nat.connectivity == .public, nat.publicIP == nil {
                error(ref, "publicIp", "a public NAT gateway needs an Elastic IP")
            }
        }
    }

    private mutating func checkPeering() {
        for peering in topology.peeringConnections {
            let ref = ResourceRef(.peeringConnection, peering.id)
            guard let requester = vpcs[peering.requesterVPCID] else {
                missing(ref, "requester", "no VPC has the id '\(peering.requesterVPCID)'")
                continue
            }
            guard let accepter = vpcs[peering.accepterVPCID] else {
                missing(ref, "accepter", "no VPC has the id '\(peering.accepterVPCID)'")
                continue
            }
            if requester.id == accepter.id {
                error(ref, "accepter", "a VPC cannot peer with itself")
            }
            guard peering.isActive else { continue }
            for a in requester.cidrBlocks {
                for b in accepter.cidrBlocks where a.overlaps(b) {
                    error(
                        ref, "accepter",
                        "peered VPCs have overlapping CIDR blocks: \(a) in \(requester.id) and \(b) in \(accepter.id)"
                    )
                }
            }
        }
    }

    mutating func checkSecurityGroupList(_ ref: ResourceRef, _ ids: [String], vpcID: String) {
        for (i, id) in ids.enumerated() {
            guard let group = securityGroups[id] else {
                missing(ref, "securityGroups[\(i)]", "no security group has the id '\(id)'")
                continue
            }
            if group.vpcID != vpcID {
                error(
                    ref, "securityGroups[\(i)]",
                    "security group \(id) belongs to VPC \(group.vpcID), not \(vpcID)")
            }
        }
    }

    private mutating func checkInterfaces() {
        var owners: [String: [IPv4Address: String]] = [:]
        func claim(
            _ validator: inout TopologyValidator, _ ref: ResourceRef, _ field: String, _ ip: IPv4Address,
            vpcID: String
        ) {
            if let other = owners[vpcID]?[ip], other != ref.description {
                validator.error(ref, field, "\(ip) is already the address of \(other)")
            }
            owners[vpcID, default: [:]][ip] = ref.description
        }
        for nat in topology.natGateways {
            if let vpcID = subnets[nat.subnetID]?.vpcID {
                claim(&self, ResourceRef(.natGateway, nat.id), "privateIp", nat.privateIP, vpcID: vpcID)
            }
        }
        for interface in topology.networkInterfaces {
            let ref = ResourceRef(.networkInterface, interface.id)
            guard let subnet = subnets[interface.subnetID] else {
                missing(ref, "subnet", "no subnet has the id '\(interface.subnetID)'")
                continue
            }
            if interface.privateIPs.isEmpty {
                error(ref, "privateIps", "a network interface needs a private IP")
            }
            for (i, ip) in interface.privateIPs.enumerated() {
                if !subnet.cidrBlock.contains(ip) {
                    missing(
                        ref, "privateIps[\(i)]", "\(ip) is outside subnet \(subnet.id) (\(subnet.cidrBlock))")
                }
                claim(&self, ref, "privateIps[\(i)]", ip, vpcID: subnet.vpcID)
            }
            checkSecurityGroupList(ref, interface.securityGroupIDs, vpcID: subnet.vpcID)
        }
        let interfaceIDs = Set(topology.networkInterfaces.map(\.id))
        for instance in topology.instances {
            for (i, id) in instance.networkInterfaceIDs.enumerated() where !interfaceIDs.contains(id) {
                missing(
                    ResourceRef(.instance, instance.id), "networkInterfaces[\(i)]",
                    "no network interface has the id '\(id)'")
            }
        }
        for db in topology.dbInstances {
            if let ip = db.privateIP, let vpcID = subnets[db.subnetID]?.vpcID {
                claim(&self, ResourceRef(.dbInstance, db.id), "privateIp", ip, vpcID: vpcID)
            }
        }
        var publicOwners: [IPv4Address: String] = [:]
        let publicIPs =
            topology.networkInterfaces.compactMap { i in
                i.publicIP.map { ($0, ResourceRef(.networkInterface, i.id)) }
            }
            + topology.natGateways.compactMap { n in n.publicIP.map { ($0, ResourceRef(.natGateway, n.id)) } }
            + topology.dbInstances.compactMap { d in d.publicIP.map { ($0, ResourceRef(.dbInstance, d.id)) } }
        for (ip, ref) in publicIPs {
            if !SpecialAddresses.internet.contains(ip) {
                // A design must use public space; a snapshot reports what AWS (or a mock) assigned.
                missing(ref, "publicIp", "\(ip) is not a public address")
            }
            if let other = publicOwners.updateValue(ref.description, forKey: ip) {
                error(ref, "publicIp", "\(ip) is already the public address of \(other)")
            }
        }
    }

    private mutating func checkSecurityGroups() {
        for group in topology.securityGroups {
            let ref = ResourceRef(.securityGroup, group.id)
            if vpcs[group.vpcID] == nil { missing(ref, "vpc", "no VPC has the id '\(group.vpcID)'") }
            for direction in [TrafficDirection.ingress, .egress] {
                for (i, rule) in group.rules(direction).enumerated() {
                    let field = "\(direction.rawValue)[\(i)]"
                    switch rule.peer {
                    case .prefixList(let id) where !prefixListIDs.contains(id):
                        missing(ref, field, "no prefix list has the id '\(id)'")
                    case .securityGroup(let id) where securityGroups[id] == nil:
                        missing(ref, field, "no security group has the id '\(id)'")
                    default:
                        break
                    }
                }
            }
        }
    }

    private mutating func checkNetworkACLs() {
        var associated: [String: String] = [:]
        var defaultByVPC: [String: String] = [:]
        for acl in topology.networkACLs {
            let ref = ResourceRef(.networkACL, acl.id)
            guard vpcs[acl.vpcID] != nil else {
                missing(ref, "vpc", "no VPC has the id '\(acl.vpcID)'")
                continue
            }
            if acl.isDefault, let other = defaultByVPC.updateValue(acl.id, forKey: acl.vpcID) {
                error(ref, "default", "VPC \(acl.vpcID) already has default network ACL \(other)")
            }
            for (i, subnetID) in acl.subnetIDs.enumerated() {
                checkSubnetInVPC(ref, "subnets[\(i)]", subnetID: subnetID, vpcID: acl.vpcID)
                if let other = associated.updateValue(acl.id, forKey: subnetID), other != acl.id {
                    error(
                        ref, "subnets[\(i)]",
                        "subnet \(subnetID) is already associated with network ACL \(other)")
                }
            }
            var numbers: Set<String> = []
            for entry in acl.entries {
                let key = "\(entry.direction.rawValue) \(entry.ruleNumber)"
                if !(1...32766).contains(entry.ruleNumber) {
                    error(ref, key, "rule numbers run from 1 to 32766")
                }
                if !numbers.insert(key).inserted {
                    error(
                        ref, key,
                        "two \(entry.direction.rawValue) entries have rule number \(entry.ruleNumber)")
                }
            }
        }
        for vpc in topology.vpcs where defaultByVPC[vpc.id] == nil {
            missing(ResourceRef(.vpc, vpc.id), "networkAcls", "VPC has no default network ACL")
        }
    }

    private mutating func checkDatabases() {
        let groups = Dictionary(
            topology.dbSubnetGroups.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for group in topology.dbSubnetGroups {
            let ref = ResourceRef(.dbSubnetGroup, group.id)
            for (i, subnetID) in group.subnetIDs.enumerated() {
                checkSubnetInVPC(ref, "subnets[\(i)]", subnetID: subnetID, vpcID: group.vpcID)
            }
        }
        for db in topology.dbInstances {
            let ref = ResourceRef(.dbInstance, db.id)
            guard let group = groups[db.subnetGroupID] else {
                missing(ref, "subnetGroup", "no DB subnet group has the id '\(db.subnetGroupID)'")
                continue
            }
            if !group.subnetIDs.contains(db.subnetID) {
                error(ref, "subnet", "subnet \(db.subnetID) is not in DB subnet group \(group.id)")
            }
            guard let subnet = subnets[db.subnetID] else {
                missing(ref, "subnet", "no subnet has the id '\(db.subnetID)'")
                continue
            }
            if let ip = db.privateIP, !subnet.cidrBlock.contains(ip) {
                missing(ref, "privateIp", "\(ip) is outside subnet \(subnet.id) (\(subnet.cidrBlock))")
            }
            if db.publicIP != nil, !db.publiclyAccessible {
                error(ref, "publicIp", "a DB instance that is not publicly accessible has no public IP")
            }
            checkSecurityGroupList(ref, db.securityGroupIDs, vpcID: group.vpcID)
        }
        let dbIDs = Set(topology.dbInstances.map(\.id))
        for cluster in topology.dbClusters {
            let ref = ResourceRef(.dbCluster, cluster.id)
            for (i, id) in cluster.memberIDs.enumerated() where !dbIDs.contains(id) {
                missing(ref, "instances[\(i)]", "no DB instance has the id '\(id)'")
            }
            let writers = topology.dbInstances.filter { $0.clusterID == cluster.id && $0.isClusterWriter }
            if writers.count > 1 {
                error(
                    ref, "instances",
                    "a cluster has one writer; found \(writers.map(\.id).joined(separator: ", "))")
            }
        }
    }
}
