import ReachModel
import ReachNetwork

extension SnapshotBuilder {
    /// The subnet and primary private IP of an interface described in the snapshot.
    private func placement(ofInterface id: String) throws -> PlacedAddress? {
        guard let node = interfaceNodes[id], let subnet = try node.optionalString("SubnetId"),
            let ip = node["PrivateIpAddress"]
        else { return nil }
        return PlacedAddress(subnetID: subnet, privateIP: try address(ip))
    }

    mutating func buildEndpointsAndLoadBalancers() throws {
        for record in records.records("VpcEndpoints") {
            let node = record.node
            let id = try node.string("VpcEndpointId")
            let state = (try node.optionalString("State") ?? "available").lowercased()
            if state == "deleted" || state == "rejected" || state == "failed" { continue }
            let tags = try node.tags()
            let kind: VPCEndpoint.Kind
            switch try node.optionalString("VpcEndpointType") ?? "Gateway" {
            case "Interface": kind = .interface
            case "Gateway": kind = .gateway
            default: kind = .gatewayLoadBalancer
            }
            var interfaces: [PlacedAddress] = []
            for eni in try node.list("NetworkInterfaceIds") {
                let eniID = try eni.string()
                if let placed = try placement(ofInterface: eniID) {
                    if let subnet = topology.subnets.first(where: { $0.id == placed.subnetID }),
                        !subnet.cidrBlock.contains(placed.privateIP)
                    {
                        warn(
                            eni,
                            "interface \(eniID) of \(id) has \(placed.privateIP), outside its subnet \(subnet.cidrBlock); it is left out"
                        )
                        continue
                    }
                    interfaces.append(placed)
                } else {
                    warn(
                        eni,
                        "interface \(eniID) of \(id) is not in the snapshot (describe-network-interfaces)")
                }
            }
            topology.vpcEndpoints.append(
                VPCEndpoint(
                    id: id, name: name(tags, id: id), vpcID: try node.string("VpcId"), kind: kind,
                    serviceName: try node.string("ServiceName"), interfaces: interfaces,
                    securityGroupIDs: try node.list("Groups").map { try $0.string("GroupId") },
                    routeTableIDs: try node.list("RouteTableIds").map { try $0.string() }, state: state,
                    tags: tags))
        }
        for record in records.records("ServiceConfigurations") {
            let node = record.node
            let id = try node.string("ServiceId")
            let tags = try node.tags()
            topology.vpcEndpointServices.append(
                VPCEndpointService(
                    id: id, name: name(tags, id: id), serviceName: try node.string("ServiceName"),
                    loadBalancerIDs: try node.list("NetworkLoadBalancerArns").map { try $0.string() },
                    tags: tags))
        }
        try buildLoadBalancers()
    }

    private mutating func buildLoadBalancers() throws {
        var listeners: [String: [Listener]] = [:]
        for record in records.records("Listeners") {
            let node = record.node
            let balancer = try node.string("LoadBalancerArn")
            for action in try node.list("DefaultActions") where try action.optionalString("Type") == "forward"
            {
                var groups = try action.optionalString("TargetGroupArn").map { [$0] } ?? []
                if let forward = action["ForwardConfig"] {
                    groups += try forward.list("TargetGroups").map { try $0.string("TargetGroupArn") }
                }
                guard let port = UInt16(exactly: try node.required("Port").int()) else {
                    throw node.invalid("a port")
                }
                for group in Set(groups).sorted() {
                    listeners[balancer, default: []].append(
                        Listener(
                            protocolName: try node.optionalString("Protocol") ?? "TCP", port: port,
                            targetGroupID: group))
                }
            }
        }
        // Load balancer nodes are interfaces described `ELB net/NAME/ID` (network) in each subnet.
        var nodesByDescription: [String: [PlacedAddress]] = [:]
        for (id, node) in interfaceNodes.sorted(by: { $0.key < $1.key }) {
            guard let description = try node.optionalString("Description"), description.hasPrefix("ELB "),
                let placed = try placement(ofInterface: id)
            else { continue }
            nodesByDescription[String(description.dropFirst(4)), default: []].append(placed)
        }
        for record in records.records("LoadBalancers") {
            let node = record.node
            let arn = try node.string("LoadBalancerArn")
            let balancerName = try node.optionalString("LoadBalancerName") ?? arn
            let type = try node.optionalString("Type") ?? "application"
            // The ARN ends with TYPE/NAME/ID; the interfaces' description repeats it.
            let suffix =
                arn.split(separator: ":").last.map {
                    $0.split(separator: "/").dropFirst().joined(separator: "/")
                } ?? ""
            var nodes = nodesByDescription[suffix] ?? []
            if nodes.isEmpty {
                for zone in try node.list("AvailabilityZones") {
                    guard let subnet = try zone.optionalString("SubnetId") else { continue }
                    for address in try zone.list("LoadBalancerAddresses") {
                        if let ip = address["PrivateIPv4Address"] {
                            nodes.append(PlacedAddress(subnetID: subnet, privateIP: try self.address(ip)))
                        }
                    }
                }
            }
            if nodes.isEmpty, type == "network" {
                warn(
                    node,
                    "the node interfaces of \(balancerName) are not in the snapshot; traffic through it is unknown"
                )
            }
            topology.loadBalancers.append(
                LoadBalancer(
                    id: arn, name: balancerName, type: type,
                    scheme: try node.optionalString("Scheme") ?? "internal",
                    vpcID: try node.optionalString("VpcId") ?? "", nodes: nodes,
                    securityGroupIDs: try node.list("SecurityGroups").map { try $0.string() },
                    listeners: listeners[arn] ?? []))
        }
        var targets: [String: [Target]] = [:]
        var haveHealth: Set<String> = []
        for record in records.records("TargetHealth") {
            let group = try record.node.string("TargetGroupArn")
            haveHealth.insert(group)
            for description in try record.node.list("TargetHealthDescriptions") {
                let target = try description.required("Target")
                let port = try target.optionalInt("Port").flatMap { UInt16(exactly: $0) }
                targets[group, default: []].append(
                    Target(
                        id: try target.string("Id"), port: port,
                        health: try description["TargetHealth"]?.optionalString("State")))
            }
        }
        for record in records.records("TargetGroups") {
            let node = record.node
            let arn = try node.string("TargetGroupArn")
            if !haveHealth.contains(arn) {
                warn(node, "the targets of \(arn) are not in the snapshot (describe-target-health)")
            }
            topology.targetGroups.append(
                TargetGroup(
                    id: arn, name: try node.optionalString("TargetGroupName") ?? arn,
                    targetType: try node.optionalString("TargetType") ?? "instance",
                    protocolName: try node.optionalString("Protocol") ?? "TCP",
                    port: UInt16(exactly: try node.optionalInt("Port") ?? 0) ?? 0,
                    vpcID: try node.optionalString("VpcId") ?? "",
                    targets: targets[arn] ?? []))
        }
    }
}
