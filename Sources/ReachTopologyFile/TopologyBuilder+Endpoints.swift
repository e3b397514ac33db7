import ReachModel
import ReachNetwork

/// VPC endpoints, endpoint services, load balancers and target groups (S-PL).
extension TopologyBuilder {
    /// The AWS VPC endpoint states.
    static let endpointStates = [
        "pendingAcceptance", "pending", "available", "deleting", "deleted", "rejected", "failed", "expired",
    ]
    /// Load balancer listener and target group protocols.
    static let loadBalancerProtocols = ["TCP", "TLS", "UDP", "TCP_UDP", "HTTP", "HTTPS", "GENEVE"]
    /// The AWS target health states.
    static let targetHealthStates = [
        "initial", "healthy", "unhealthy", "unhealthy.draining", "unused", "draining", "unavailable",
    ]

    /// A port from 1 to 65535.
    private func port(_ value: YAMLValue) throws(TopologyFileError) -> UInt16 {
        UInt16(try value.integer(in: 1...65535, "a port from 1 to 65535"))
    }

    /// The non-empty list of `{subnet, privateIp}` under `key`: endpoint interfaces or load
    /// balancer nodes.
    private func placedAddresses(_ item: YAMLMapping, _ key: String, describing what: String)
        throws(TopologyFileError) -> [PlacedAddress]
    {
        let list = try item.required(key)
        let elements = try list.list("a list of \(what)s, each {subnet: …, privateIp: …}")
        guard !elements.isEmpty else { throw list.invalid("a list of at least one \(what)") }
        var placed: [PlacedAddress] = []
        for element in elements {
            let entry = try YAMLMapping(element, describing: what, allowed: Section.placedAddressKeys)
            placed.append(
                PlacedAddress(
                    subnetID: try resolve(\.subnets, try entry.required("subnet")),
                    privateIP: try entry.required("privateIp").address()))
        }
        return placed
    }

    mutating func buildVPCEndpoints() throws(TopologyFileError) {
        for item in items[.vpcEndpoints] ?? [] {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            let vpcID = try resolve(\.vpcs, try item.required("vpc"))
            let types = VPCEndpoint.Kind.allFileNames
            guard let type = try choice(item, "type", types.map(\.name)),
                let kind = types.first(where: { $0.name == type })?.kind
            else {
                throw .missingKey(
                    item.value.location, key: "type", reason: "gateway, interface or gatewayLoadBalancer")
            }
            let serviceName = try item.required("serviceName").name(
                "a service name such as com.amazonaws.us-east-1.s3")
            var interfaces: [PlacedAddress] = []
            var groupIDs: [String] = []
            var tableIDs: [String] = []
            switch kind {
            case .gateway:
                try item.forbid(
                    "interfaces", "a gateway endpoint has no interfaces; it is a route-table target")
                try item.forbid("securityGroups", "a gateway endpoint has no security groups")
                tableIDs = try resolveList(\.routeTables, item, "routeTables")
            case .interface:
                try item.forbid("routeTables", "routeTables belong to gateway endpoints only")
                interfaces = try placedAddresses(item, "interfaces", describing: "endpoint interface")
                groupIDs = try groups(item, vpcID: vpcID)
            case .gatewayLoadBalancer:
                try item.forbid("routeTables", "routeTables belong to gateway endpoints only")
                try item.forbid("securityGroups", "a Gateway Load Balancer endpoint has no security groups")
                if item.has("interfaces") {
                    interfaces = try placedAddresses(item, "interfaces", describing: "endpoint interface")
                }
            }
            topology.vpcEndpoints.append(
                VPCEndpoint(
                    id: id, name: name, vpcID: vpcID, kind: kind, serviceName: serviceName,
                    interfaces: interfaces,
                    securityGroupIDs: groupIDs, routeTableIDs: tableIDs,
                    state: try choice(item, "state", Self.endpointStates) ?? "available",
                    tags: try item.tags()))
            record(.vpcEndpoint, id, item)
        }
    }

    mutating func buildVPCEndpointServices() throws(TopologyFileError) {
        var lineOfService: [String: Int] = [:]
        for item in items[.vpcEndpointServices] ?? [] {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            let serviceValue = try item.required("serviceName")
            let serviceName = try serviceValue.name(
                "a service name such as com.amazonaws.vpce.us-east-1.vpce-svc-0abc")
            if let line = lineOfService.updateValue(serviceValue.line, forKey: serviceName) {
                throw .conflict(
                    serviceValue.location,
                    message:
                        "the endpoint service on line \(line) already has the service name \(serviceName)")
            }
            let list = try item.required("loadBalancers")
            guard !(try list.list("a list of load balancer names or ids")).isEmpty else {
                throw list.invalid("a list of at least one load balancer")
            }
            topology.vpcEndpointServices.append(
                VPCEndpointService(
                    id: id, name: name, serviceName: serviceName,
                    loadBalancerIDs: try resolveList(\.loadBalancers, item, "loadBalancers"),
                    tags: try item.tags()))
            record(.vpcEndpointService, id, item)
        }
    }

    mutating func buildLoadBalancers() throws(TopologyFileError) {
        for item in items[.loadBalancers] ?? [] {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            let vpcID = try resolve(\.vpcs, try item.required("vpc"))
            // Unlike an interface's, a load balancer's omitted groups are none, not the default group.
            var groupIDs: [String] = []
            for value in try item.list("securityGroups", "a list of security group names or ids") {
                groupIDs.append(try resolveGroup(value, vpcID: vpcID))
            }
            var listeners: [Listener] = []
            for value in try item.list(
                "listeners", "a list of listeners, each {protocol: …, port: …, targetGroup: …}")
            {
                let entry = try YAMLMapping(value, describing: "a listener", allowed: Section.listenerKeys)
                guard let protocolName = try choice(entry, "protocol", Self.loadBalancerProtocols) else {
                    throw .missingKey(value.location, key: "protocol", reason: "such as TCP")
                }
                listeners.append(
                    Listener(
                        protocolName: protocolName, port: try port(try entry.required("port")),
                        targetGroupID: try resolve(\.targetGroups, try entry.required("targetGroup"))))
            }
            topology.loadBalancers.append(
                LoadBalancer(
                    id: id, name: name,
                    type: try choice(item, "type", ["network", "application", "gateway"]) ?? "network",
                    scheme: try choice(item, "scheme", ["internal", "internet-facing"]) ?? "internal",
                    vpcID: vpcID,
                    nodes: try placedAddresses(item, "nodes", describing: "load balancer node"),
                    securityGroupIDs: groupIDs, listeners: listeners, tags: try item.tags()))
            record(.loadBalancer, id, item)
        }
    }

    mutating func buildTargetGroups() throws(TopologyFileError) {
        for item in items[.targetGroups] ?? [] {
            let (name, _) = try item.name()
            let (id, _) = try item.id(defaultingTo: name)
            guard let type = try choice(item, "type", ["ip", "instance"]) else {
                throw .missingKey(item.value.location, key: "type", reason: "ip or instance")
            }
            guard let protocolName = try choice(item, "protocol", Self.loadBalancerProtocols) else {
                throw .missingKey(item.value.location, key: "protocol", reason: "such as TCP")
            }
            let groupPort = try port(try item.required("port"))
            let vpcID = try resolve(\.vpcs, try item.required("vpc"))
            var targets: [Target] = []
            for value in try item.list("targets", "a list of targets, each {id: …}") {
                targets.append(try target(value, type: type))
            }
            topology.targetGroups.append(
                TargetGroup(
                    id: id, name: name, targetType: type, protocolName: protocolName, port: groupPort,
                    vpcID: vpcID,
                    targets: targets, tags: try item.tags()))
            record(.targetGroup, id, item)
        }
    }

    /// One target: an IPv4 address (ip groups) or an instance by name or id (instance groups).
    private func target(_ value: YAMLValue, type: String) throws(TopologyFileError) -> Target {
        let entry = try YAMLMapping(value, describing: "a target", allowed: Section.targetKeys)
        let idValue = try entry.required("id")
        let id: String
        if type == "ip" {
            let expected = "an IPv4 address such as 10.6.2.10 (the target group's type is ip)"
            guard let address = IPv4Address(try idValue.scalarText(expected)) else {
                throw idValue.invalid(expected)
            }
            id = address.description
        } else {
            id = try resolve(\.instances, idValue)
        }
        var targetPort: UInt16?
        if let portValue = entry["port"] { targetPort = try port(portValue) }
        return Target(id: id, port: targetPort, health: try choice(entry, "health", Self.targetHealthStates))
    }
}

extension VPCEndpoint.Kind {
    /// Each endpoint type with the name the file gives it.
    static let allFileNames: [(name: String, kind: VPCEndpoint.Kind)] = [
        ("gateway", .gateway), ("interface", .interface), ("gatewayLoadBalancer", .gatewayLoadBalancer),
    ]
}
