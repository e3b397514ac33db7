import ReachModel
import ReachNetwork

/// Where a resource of the model was declared, so that validator problems can be placed.
struct Origin {
    /// The YAML item that declared the resource.
    var item: YAMLValue
    /// An enclosing item whose keys the resource inherits (an Aurora cluster for its members).
    var parent: YAMLValue?
    /// Validator field names that do not follow the file's key paths (security group rules
    /// expanded from a list of peers, `ingress 100` for ACL entries), mapped to their node.
    var overrides: [String: YAMLValue] = [:]
    /// Said after the key path for resources the file does not spell out (`implied main route table`).
    var note: String?
}

/// Builds a ``Topology`` from the composed YAML document: first every resource is registered
/// by name and id (so references may point forward), then each section is read in an order
/// where what it refers to is already built.
struct TopologyBuilder {
    /// The file name used in messages.
    let file: String
    /// The model being built.
    var topology = Topology()
    /// Where each resource was declared.
    var origins: [ResourceRef: Origin] = [:]
    /// The top-level default region.
    var region = "us-east-1"
    /// The items of each section, keys checked.
    var items: [Section: [YAMLMapping]] = [:]

    var vpcs = Registry(kind: "VPC")
    var internetGateways = Registry(kind: "internet gateway")
    var subnets = Registry(kind: "subnet")
    var routeTables = Registry(kind: "route table")
    var natGateways = Registry(kind: "NAT gateway")
    var peeringConnections = Registry(kind: "peering connection")
    var prefixLists = Registry(kind: "prefix list")
    var securityGroups = Registry(kind: "security group")
    var networkACLs = Registry(kind: "network ACL")
    var networkInterfaces = Registry(kind: "network interface")
    var instances = Registry(kind: "instance")
    var dbSubnetGroups = Registry(kind: "DB subnet group")
    var dbParameterGroups = Registry(kind: "DB parameter group")
    var databases = Registry(kind: "DB instance")
    var dbClusters = Registry(kind: "DB cluster")
    var onPremSites = Registry(kind: "on-premises site")
    var transitGateways = Registry(kind: "transit gateway")
    var transitGatewayAttachments = Registry(kind: "transit gateway attachment")
    var transitGatewayRouteTables = Registry(kind: "transit gateway route table")
    var virtualPrivateGateways = Registry(kind: "virtual private gateway")
    var customerGateways = Registry(kind: "customer gateway")
    var vpnConnections = Registry(kind: "VPN connection")
    var directConnectGateways = Registry(kind: "Direct Connect gateway")
    var virtualInterfaces = Registry(kind: "virtual interface")
    var vpcEndpoints = Registry(kind: "VPC endpoint")
    var vpcEndpointServices = Registry(kind: "VPC endpoint service")
    var loadBalancers = Registry(kind: "load balancer")
    var targetGroups = Registry(kind: "target group")
    var networkFirewalls = Registry(kind: "Network Firewall")
    var firewallPolicies = Registry(kind: "firewall policy")
    /// The endpoints of Network Firewalls, by id only (route tables target them).
    var firewallEndpoints = Registry(kind: "Network Firewall endpoint")

    /// Subnet id → its VPC's id.
    var subnetVPC: [String: String] = [:]
    /// Subnet id → its CIDR block.
    var subnetBlock: [String: IPv4Prefix] = [:]
    /// VPC id → the id of its default security group (declared, or the one AWS creates).
    var defaultGroup: [String: String] = [:]
    /// Instance id → the id of its primary network interface.
    var primaryInterface: [String: String] = [:]
    /// DB subnet group id → its VPC id.
    var subnetGroupVPC: [String: String] = [:]
    /// The scope of each DB parameter group, by id, for checking references to them.
    var dbParameterGroupScopes: [String: DBParameterGroup.Scope] = [:]
    /// DB subnet group id → its subnet ids.
    var subnetGroupSubnets: [String: [String]] = [:]

    /// A builder for `file`.
    init(file: String) {
        self.file = file
    }

    /// Builds the topology held by `root` (nil for an empty document), with the AWS defaults
    /// added.
    mutating func build(root: YAMLValue?) throws(TopologyFileError) {
        if let root { try readRoot(root) }
        try registerAll()
        try buildVPCs()
        try buildPrefixLists()
        try buildOnPremSites()
        try buildInternetGateways()
        try buildSubnets()
        try buildPeeringConnections()
        try buildSecurityGroups()
        try buildNetworkACLs()
        try buildNATGateways()
        try buildNetworkInterfaces()
        try buildInstances()
        try buildRouteTables()
        try buildDBSubnetGroups()
        try buildDBParameterGroups()
        try buildDatabases()
        try buildDBClusters()
        try buildTransitGateways()
        try buildTransitGatewayAttachments()
        try buildTransitGatewayRouteTables()
        try buildVirtualPrivateGateways()
        try buildCustomerGateways()
        try buildVPNConnections()
        try buildDirectConnectGateways()
        try buildVirtualInterfaces()
        try buildVPCEndpoints()
        try buildVPCEndpointServices()
        try buildLoadBalancers()
        try buildTargetGroups()
        try buildFirewallPolicies()
        try buildNetworkFirewalls()
        addDefaults()
    }

    // MARK: - Reading and registering

    private mutating func readRoot(_ root: YAMLValue) throws(TopologyFileError) {
        let mapping = try YAMLMapping(root, describing: "a topology", allowed: Section.topLevelKeys)
        if let value = mapping["name"] { topology.name = try value.name("a design name") }
        if let value = mapping["region"] { region = try value.name("a region such as us-east-1") }
        for section in Section.allCases {
            // A section whose entries are all commented out is empty, not an error.
            guard let list = mapping[section.rawValue], !list.isNull else { continue }
            var parsed: [YAMLMapping] = []
            for element in try list.list("a list of items, each describing \(section.itemDescription)") {
                parsed.append(
                    try YAMLMapping(
                        element, describing: section.itemDescription, allowed: section.allowedKeys))
            }
            items[section] = parsed
        }
    }

    /// The registry of a section's kind.
    private func registryPath(_ section: Section) -> WritableKeyPath<TopologyBuilder, Registry> {
        switch section {
        case .vpcs: \.vpcs
        case .internetGateways: \.internetGateways
        case .subnets: \.subnets
        case .routeTables: \.routeTables
        case .natGateways: \.natGateways
        case .peeringConnections: \.peeringConnections
        case .prefixLists: \.prefixLists
        case .securityGroups: \.securityGroups
        case .networkAcls: \.networkACLs
        case .networkInterfaces: \.networkInterfaces
        case .instances: \.instances
        case .dbSubnetGroups: \.dbSubnetGroups
        case .dbParameterGroups: \.dbParameterGroups
        case .databases: \.databases
        case .dbClusters: \.dbClusters
        case .onPremSites: \.onPremSites
        case .transitGateways: \.transitGateways
        case .transitGatewayAttachments: \.transitGatewayAttachments
        case .transitGatewayRouteTables: \.transitGatewayRouteTables
        case .virtualPrivateGateways: \.virtualPrivateGateways
        case .customerGateways: \.customerGateways
        case .vpnConnections: \.vpnConnections
        case .directConnectGateways: \.directConnectGateways
        case .virtualInterfaces: \.virtualInterfaces
        case .vpcEndpoints: \.vpcEndpoints
        case .vpcEndpointServices: \.vpcEndpointServices
        case .loadBalancers: \.loadBalancers
        case .targetGroups: \.targetGroups
        case .networkFirewalls: \.networkFirewalls
        case .firewallPolicies: \.firewallPolicies
        }
    }

    private mutating func registerAll() throws(TopologyFileError) {
        for section in Section.allCases {
            for item in items[section] ?? [] {
                let (name, nameValue) = try item.name()
                let (id, idValue) = try item.id(defaultingTo: name)
                try self[keyPath: registryPath(section)].add(
                    name: name, nameValue: nameValue, id: id, idValue: idValue, item: item.value)
                if section == .instances, !item.has("networkInterfaces") {
                    // The shorthand creates one interface named like the instance.
                    try networkInterfaces.add(
                        name: name, nameValue: nameValue, id: Self.shorthandInterfaceID(instanceID: id),
                        idValue: nil, item: item.value)
                }
                if section == .dbClusters {
                    for member in try clusterMembers(item) {
                        let (memberName, memberNameValue) = try member.name()
                        let (memberID, memberIDValue) = try member.id(defaultingTo: memberName)
                        try databases.add(
                            name: memberName, nameValue: memberNameValue, id: memberID,
                            idValue: memberIDValue,
                            item: member.value)
                    }
                }
                if section == .networkFirewalls { try registerFirewallEndpoints(item) }
            }
        }
        try checkFirewallEndpointIDs()
    }

    /// The id of the interface an instance shorthand creates.
    static func shorthandInterfaceID(instanceID: String) -> String { "\(instanceID)-eni" }

    /// The `instances` of an Aurora cluster item, keys checked.
    func clusterMembers(_ cluster: YAMLMapping) throws(TopologyFileError) -> [YAMLMapping] {
        let list = try cluster.required("instances")
        let elements = try list.list("a list of the cluster's DB instances")
        guard !elements.isEmpty else { throw list.invalid("a list of at least one DB instance") }
        var members: [YAMLMapping] = []
        for element in elements {
            members.append(
                try YAMLMapping(
                    element, describing: "an instance of an Aurora cluster",
                    allowed: Section.clusterMemberKeys))
        }
        return members
    }

    // MARK: - References

    /// The id of the resource of `registry`'s kind that `value` names (by name or id).
    func resolve(_ registry: KeyPath<TopologyBuilder, Registry>, _ value: YAMLValue) throws(TopologyFileError)
        -> String
    {
        try declared(registry, value).id
    }

    /// The resource of `registry`'s kind that `value` names (by name or id).
    func declared(_ registry: KeyPath<TopologyBuilder, Registry>, _ value: YAMLValue)
        throws(TopologyFileError) -> Declared
    {
        let registry = self[keyPath: registry]
        let key = try value.name("the name or id of a \(registry.kind)")
        if let found = registry.lookup(key) { return found }
        throw .unknownReference(
            value.location, kind: registry.kind, name: key,
            suggestions: Array(closeMatches(to: key, among: registry.keys).prefix(3)))
    }

    /// The ids named by the list under `key` (empty when absent).
    func resolveList(
        _ registry: KeyPath<TopologyBuilder, Registry>, _ item: YAMLMapping, _ key: String
    ) throws(TopologyFileError) -> [String] {
        var ids: [String] = []
        for value in try item.list(key, "a list of \(self[keyPath: registry].kind) names or ids") {
            ids.append(try resolve(registry, value))
        }
        return ids
    }

    /// A security group reference in `vpcID`'s context: a name or id, or `default` for the
    /// VPC's default group when no group is named so.
    func resolveGroup(_ value: YAMLValue, vpcID: String?) throws(TopologyFileError) -> String {
        if let vpcID, let key = try? value.name(), securityGroups.lookup(key) == nil, key == "default",
            let group = defaultGroup[vpcID]
        {
            return group
        }
        return try resolve(\.securityGroups, value)
    }

    /// The `securityGroups` of an interface or DB: the listed groups, else the VPC's default.
    func groups(_ item: YAMLMapping, key: String = "securityGroups", vpcID: String?) throws(TopologyFileError)
        -> [String]
    {
        guard let list = item[key] else { return vpcID.flatMap { defaultGroup[$0] }.map { [$0] } ?? [] }
        let elements = try list.list("a list of security group names or ids")
        guard !elements.isEmpty else {
            throw list.invalid(
                "a list of at least one security group (omit the key for the VPC's default group)")
        }
        var ids: [String] = []
        for element in elements { ids.append(try resolveGroup(element, vpcID: vpcID)) }
        return ids
    }

    /// Records where a resource was declared.
    mutating func record(_ kind: ResourceKind, _ id: String, _ item: YAMLMapping, parent: YAMLMapping? = nil)
    {
        if origins[ResourceRef(kind, id)] == nil {
            origins[ResourceRef(kind, id)] = Origin(item: item.value, parent: parent?.value)
        }
    }

    // MARK: - AWS defaults

    private mutating func addDefaults() {
        topology.addAWSDefaults()
        let vpcOrigins = Dictionary(
            topology.vpcs.compactMap { vpc in origins[ResourceRef(.vpc, vpc.id)].map { (vpc.id, $0) } },
            uniquingKeysWith: { first, _ in first })
        func implied(_ ref: ResourceRef, vpcID: String, _ note: String) {
            guard origins[ref] == nil, var origin = vpcOrigins[vpcID] else { return }
            origin.note = note
            origins[ref] = origin
        }
        for table in topology.routeTables {
            implied(ResourceRef(.routeTable, table.id), vpcID: table.vpcID, "implied main route table")
        }
        for acl in topology.networkACLs {
            implied(ResourceRef(.networkACL, acl.id), vpcID: acl.vpcID, "implied default network ACL")
        }
        for group in topology.securityGroups {
            implied(
                ResourceRef(.securityGroup, group.id), vpcID: group.vpcID, "implied default security group")
        }
    }

    // MARK: - Placing problems

    /// Where `problem` is in the file: the offending field when it can be found, else the
    /// resource's item (or, for implied resources, their VPC).
    func locate(_ problem: TopologyProblem) -> SourceLocation {
        guard let origin = origins[problem.resource] else {
            return SourceLocation(file: file, line: 1, column: 1, keyPath: problem.resource.description)
        }
        if let note = origin.note {
            var location = origin.item.location
            location.keyPath += " (\(note))"
            return location
        }
        if let exact = origin.overrides[problem.field] { return exact.location }
        for base in [origin.item, origin.parent].compactMap({ $0 }) {
            if let found = Self.walk(base, field: problem.field) { return found.location }
        }
        var location = origin.item.location
        if !problem.field.isEmpty { location.keyPath += ".\(problem.field)" }
        return location
    }

    /// The node at `field` (`routes[2].target`) below `base`, if the file has it. `privateIps[0]`
    /// also finds a lone `privateIp`.
    static func walk(_ base: YAMLValue, field: String) -> YAMLValue? {
        guard !field.isEmpty else { return nil }
        var current = base
        for part in field.split(separator: ".") {
            var key = Substring(part)
            var index: Int?
            if let open = part.firstIndex(of: "["), part.last == "]" {
                key = part[..<open]
                index = Int(part[part.index(after: open)..<part.index(before: part.endIndex)])
            }
            guard case .mapping(let mapping) = current.node else { return nil }
            if let value = mapping[String(key)] {
                current = current.child(String(key), node: value)
            } else if key == "privateIps", index == 0, let value = mapping["privateIp"] {
                current = current.child("privateIp", node: value)
                continue
            } else {
                return nil
            }
            if let index {
                guard case .sequence(let sequence) = current.node, sequence.indices.contains(index) else {
                    return nil
                }
                current = YAMLValue(
                    node: sequence[index], path: "\(current.path)[\(index)]", file: current.file)
            }
        }
        return current
    }
}
