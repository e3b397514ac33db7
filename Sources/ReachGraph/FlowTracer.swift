import ReachModel
import ReachNetwork

/// Moves one concrete packet through a ``ForwardingGraph`` and its reply back, recording each
/// hop and every blocker, following `semantics.md` (S-F, S-R, S-SG, S-NACL, S-GW).
///
/// Filters that deny (security groups, network ACLs) are recorded and then passed as if they
/// had allowed, so that one answer names every blocker on the path; where no next hop exists
/// (no route, a blackhole, a gateway that cannot forward) the trace stops.
struct FlowTracer {
    /// The graph, boxed: hop recording borrows the tracer, and a tracer holding the graph's many
    /// tables inline would copy all of their references on every hop.
    private let graphBox: GraphBox
    var graph: ForwardingGraph {
        _read { yield graphBox.graph }
    }
    /// An address assumed for an interface whose address the input does not give (a DB endpoint).
    let assumedAddress: (address: IPv4Address, interface: Int)?
    /// Which of AWS's choices to take where AWS picks an AZ (traffic entering a VPC from a transit
    /// gateway with no AZ to follow); the checker traces each.
    let zoneChoice: Int
    /// The most choices met at one such point.
    var zoneChoices = 1
    /// When set, the tracer only walks the path: it records the filters on the way in
    /// ``filterChecks`` instead of evaluating them, and builds no hop text. The symbolic
    /// engine evaluates the recorded filters for whole sets of ports at once.
    let recordsFilters: Bool
    /// Whether a recording walk also notes the route tables it reads in ``routeLookups``
    /// (what an answer's footprint needs, and only that).
    let recordsLookups: Bool
    /// When set, hops are counted but not kept: for traces whose path nobody reads (the
    /// checker's alternatives, the engine's walks), traced again with text when shown
    /// (``TraceReplay``). Blockers keep their text.
    let isQuiet: Bool
    /// The filters met, in path order (recording mode only).
    var filterChecks: [FilterCheck] = []
    /// The route tables read and the addresses looked up in them (recording mode only).
    var routeLookups: [RouteLookup] = []
    /// Whether the path went through something whose forwarding depends on ports or protocol
    /// (a load balancer listener, a Network Firewall), so one walk does not speak for all ports.
    var pathDependsOnPorts = false
    /// Whether the packet left through an internet gateway, which looks up the sender's public
    /// IP: only then does the path depend on which public IP (if any) an interface has.
    var readsPublicAddresses = false
    /// The network ACLs the reply met: the only filters that read the client's source port,
    /// since the reply is addressed to it.
    var replyACLs: [ReplyACLCheck] = []

    /// The hops so far, in a box so that ``hop(_:_:rule:_:_:)`` need not mutate the tracer and
    /// can take its text lazily (a branching tracer copies it: see ``branch()``).
    private(set) var hopLog = HopLog()
    var hops: [PathHop] { hopLog.hops }
    var blockers: [Blocker] = []
    var unknown: Blocker?
    var direction: PathDirection = .forward
    /// Original source of each NAT gateway's translated request, for untranslating the reply.
    var natOriginalSource = TraceNotes<Int, IPv4Address>()
    var visited = VisitLog<VisitKey>()
    /// The subnet each transit gateway VPC attachment used for the request (appliance mode).
    var attachmentSubnetUsed = TraceNotes<Int, Int>()
    var visitedTransitGateways = VisitLog<TransitGatewayVisit>()
    /// The gateway endpoint the request reached an AWS service through.
    var gatewayEndpointUsed: Int?
    /// The Network Firewall endpoint whose stateful engine saw the request.
    var statefulEndpoint: String?
    /// What the answer assumed, for the result's notes.
    var notes: Set<String> = []

    /// A packet entering a transit gateway from an attachment, for loop detection.
    struct TransitGatewayVisit: Hashable {
        let gateway: Int
        let ingress: Int
        let direction: PathDirection
        let packet: Packet
    }

    struct VisitKey: Hashable {
        let subnet: Int
        let packet: Packet
        let direction: PathDirection
    }

    /// Where a leg ended up, and the packet as it arrived.
    struct Arrival {
        let place: TracePlace
        let packet: Packet
    }

    init(
        graph: ForwardingGraph, assumedAddress: (address: IPv4Address, interface: Int)? = nil,
        zoneChoice: Int = 0, recordsFilters: Bool = false, isQuiet: Bool = false
    ) {
        self.init(
            box: GraphBox(graph), assumedAddress: assumedAddress, zoneChoice: zoneChoice,
            recordsFilters: recordsFilters, isQuiet: isQuiet)
    }

    /// A tracer over a graph already boxed: callers that trace many packets box it once.
    init(
        box: GraphBox, assumedAddress: (address: IPv4Address, interface: Int)? = nil,
        zoneChoice: Int = 0, recordsFilters: Bool = false, recordsLookups: Bool = true, isQuiet: Bool = false
    ) {
        graphBox = box
        self.assumedAddress = assumedAddress
        self.zoneChoice = zoneChoice
        self.recordsFilters = recordsFilters
        self.recordsLookups = recordsFilters && recordsLookups
        self.isQuiet = isQuiet || recordsFilters
    }

    /// A copy that records its own hops from here on (to explore one of several alternatives).
    func branch() -> FlowTracer {
        var copy = self
        copy.hopLog = HopLog(copying: hopLog)
        return copy
    }

    /// Traces `request` from `source` to `destination` and, when it arrives, its reply back (S-F-3).
    mutating func trace(_ request: Packet, from source: TracePlace, to destination: TracePlace) -> FlowTrace {
        follow(request, from: source, to: destination)
        var trace = FlowTrace(
            request: request, hops: hops, blockers: markFirst(blockers), unknown: unknown,
            notes: notes.sorted(),
            zoneChoices: zoneChoices)
        trace.endedAt = hopLog.lastComponent
        trace.replyACLs = replyACLs
        trace.pathDependsOnPorts = pathDependsOnPorts
        return trace
    }

    /// Follows `request` and its reply as ``trace(_:from:to:)`` does, leaving the outcome in the
    /// tracer (``blockers``, ``unknown``, and the recorded filters): a recording walk reads only
    /// those, and assembling a ``FlowTrace`` would copy them.
    mutating func follow(_ request: Packet, from source: TracePlace, to destination: TracePlace) {
        if recordsFilters {
            // A path meets about a dozen filters and route tables: one allocation each.
            filterChecks.reserveCapacity(16)
            if recordsLookups { routeLookups.reserveCapacity(8) }
        }
        direction = .forward
        if let arrival = send(request, from: source) {
            if arrival.place != destination {
                stopUnknown(
                    component(of: arrival.place), .unknownDestination, rule: nil,
                    "the request arrives at \(component(of: arrival.place)), not at the destination \(component(of: destination))"
                )
            } else {
                direction = .return
                let reply = arrival.packet.reply
                if let back = send(reply, from: destination) {
                    checkReturn(back, request: request, source: source)
                }
            }
        }
    }

    func markFirst(_ list: [Blocker]) -> [Blocker] {
        var marked = list
        if !marked.isEmpty { marked[0].isFirst = true }
        return marked
    }

    mutating func checkReturn(_ back: Arrival, request: Packet, source: TracePlace) {
        guard back.place == source, back.packet.destination == request.source else {
            stopUnknown(
                component(of: back.place), .unknownDestination, rule: nil,
                "the reply arrives at \(component(of: back.place)) (\(back.packet.destination)), not back at the source"
            )
            return
        }
        if back.packet.source != request.destination {
            block(
                component(of: back.place), rule: nil, .asymmetricReturnPath,
                "the reply comes from \(back.packet.source), but the client connected to \(request.destination); "
                    + "the client drops it")
        }
    }

    // MARK: - Recording

    /// Notes a hop; its rule and detail are read only for a trace that keeps hops (a
    /// recording walk keeps none, and reading a route's label counts a reference to it).
    func hop(
        _ component: ComponentRef, _ action: PathHop.Action, rule: @autoclosure () -> String? = nil,
        _ detail: @autoclosure () -> String, _ packet: Packet
    ) {
        record(component) {
            PathHop(
                component: component, direction: direction, action: action, rule: rule(), detail: detail(),
                packet: hopLog.text(of: packet))
        }
    }

    /// ``hop(_:_:rule:_:_:)`` with text that reads the graph: `describe` is handed the graph
    /// rather than capturing the tracer, which a mutating caller would otherwise copy whole
    /// (every table and log it holds) on each hop, text or not.
    func hop(
        _ component: ComponentRef, _ action: PathHop.Action, rule: @autoclosure () -> String? = nil,
        describe: (ForwardingGraph) -> String, _ packet: Packet
    ) {
        record(component) {
            PathHop(
                component: component, direction: direction, action: action, rule: rule(),
                detail: describe(graph), packet: hopLog.text(of: packet))
        }
    }

    /// Counts a hop at `component`, and keeps it unless the trace is quiet. A recording walk
    /// is read only for its filters and reasons, so it does not note where it ended either.
    private func record(_ component: ComponentRef, _ makeHop: () -> PathHop) {
        hopLog.count += 1
        if !recordsFilters { hopLog.lastComponent = component }
        if !isQuiet { hopLog.hops.append(makeHop()) }
    }

    /// `text`, or nothing in a recording walk, which keeps only a blocker's reason: for the
    /// blockers many walks meet, whose text would cost more than the rest of the walk.
    func text(_ text: @autoclosure () -> String) -> String { recordsFilters ? "" : text() }

    mutating func block(
        _ component: ComponentRef, rule: String?, _ reason: ReasonCode, _ detail: String,
        packet: Packet? = nil
    ) {
        blockers.append(
            Blocker(component: component, rule: rule, reason: reason, direction: direction, detail: detail))
        if let packet {
            record(component) {
                PathHop(
                    component: component, direction: direction, action: .denied, rule: rule, detail: detail,
                    packet: hopLog.text(of: packet))
            }
        }
    }

    mutating func stopUnknown(
        _ component: ComponentRef, _ reason: ReasonCode, rule: String?, _ detail: String
    ) {
        if unknown == nil {
            unknown = Blocker(
                component: component, rule: rule, reason: reason, direction: direction, detail: detail)
        }
        record(component) {
            PathHop(
                component: component, direction: direction, action: .unknown, rule: rule, detail: detail,
                packet: "")
        }
    }

    func component(of place: TracePlace) -> ComponentRef {
        switch place {
        case .interface(let i): graph.interfaces[i].ref
        case .host(let subnet): graph.subnets[subnet].ref
        case .internet: .internet
        case .onPremSite(let site): graph.onPremSites[site].ref
        case .awsService(let service): graph.awsServices[service].ref
        }
    }

    func vpc(ofSubnet subnet: Int) -> Int { graph.subnets[subnet].vpc }

    func vpc(ofInterface interface: Int) -> Int {
        graph.subnets[graph.interfaces[interface].subnet].vpc
    }

    /// The interface holding private `address` in `vpc`, counting an assumed DB address.
    func interface(at address: IPv4Address, inVPC vpc: Int) -> Int? {
        if let assumed = assumedAddress, assumed.address == address,
            self.vpc(ofInterface: assumed.interface) == vpc
        {
            return assumed.interface
        }
        return graph.interface(withPrivateIP: address, inVPC: vpc)
    }

    func privateAddress(of interface: Int) -> IPv4Address? {
        graph.interfaces[interface].privateIPs.first
            ?? (assumedAddress?.interface == interface ? assumedAddress?.address : nil)
    }

    // MARK: - Legs

    mutating func send(_ packet: Packet, from place: TracePlace) -> Arrival? {
        switch place {
        case .interface(let i):
            // Read in place: a copy of the interface would retain its strings and lists.
            hop(graph.interfaces[i].ref, .sent, describe: { "sent by \($0.interfaces[i].ref)" }, packet)
            if direction == .forward {
                checkSecurityGroups(of: i, packet, .egress)
            } else {
                hop(
                    graph.interfaces[i].ref, .skipped,
                    "security groups are stateful: the reply is allowed (S-SG-3)", packet)
            }
            return leave(subnet: graph.interfaces[i].subnet, packet)
        case .host(let subnet):
            hop(
                graph.subnets[subnet].ref, .sent,
                describe: {
                    "sent by a host at \(packet.source) in \($0.subnets[subnet].ref); it has no interface in the input, "
                        + "so no security group is evaluated for it"
                }, packet)
            return leave(subnet: subnet, packet)
        case .internet:
            hop(.internet, .sent, "sent by an internet host at \(packet.source)", packet)
            return carryOverInternet(packet)
        case .onPremSite(let site):
            return sendFromOnPrem(site, packet)
        case .awsService(let service):
            return replyFromAWSService(service, packet)
        }
    }

    mutating func sendFromOnPrem(_ site: Int, _ packet: Packet) -> Arrival? {
        let ref = graph.onPremSites[site].ref
        hop(ref, .sent, "sent by a host at \(packet.source) in \(ref)", packet)
        if graph.onPremSites[site].publicAddresses.contains(packet.source) {
            hop(ref, .forwarded, "leaves \(ref) through its internet uplink", packet)
            return carryOverInternet(packet)
        }
        return fromOnPremOverConnections(site, packet)
    }

    /// A packet leaves a host in `subnet`: same-subnet traffic is delivered without routing or
    /// network ACLs (S-NACL-4); anything else is routed by the subnet's route table (S-R-1).
    mutating func leave(subnet: Int, _ packet: Packet) -> Arrival? {
        if graph.subnets[subnet].cidr.contains(packet.destination) {
            hop(
                graph.subnets[subnet].ref, .forwarded,
                "the destination is in the same subnet: no route table or network ACL is consulted (S-NACL-4)",
                packet)
            return deliver(inSubnet: subnet, packet)
        }
        return route(from: subnet, packet)
    }

    mutating func route(from subnet: Int, _ packet: Packet) -> Arrival? {
        let vpc = self.vpc(ofSubnet: subnet)
        guard visited.insert(VisitKey(subnet: subnet, packet: packet, direction: direction)),
            hopLog.count < 512
        else {
            block(
                graph.subnets[subnet].ref, rule: nil, .routingLoop,
                "the packet comes back to \(graph.subnets[subnet].ref)")
            return nil
        }
        let tableIndex = graph.subnets[subnet].routeTable
        if recordsLookups { routeLookups.append(.vpc(subnet: subnet, address: packet.destination)) }
        guard tableIndex >= 0 else {
            stopUnknown(
                graph.subnets[subnet].ref, .unknownResource, rule: nil,
                "the subnet has no route table in the input")
            return nil
        }
        let table = graph.routeTables[tableIndex]
        guard let route = table.lookup(packet.destination) else {
            block(
                table.ref, rule: "no route matches \(packet.destination)", .noRouteToDestination,
                "\(table.ref) has no route to \(packet.destination) (S-R-5)", packet: packet)
            return nil
        }
        switch route.target {
        case .blackhole:
            block(
                table.ref, rule: route.label, .badStateRoute,
                "the route is a blackhole: its target is gone (S-R-3)", packet: packet)
            return nil
        case .local:
            hop(
                table.ref, .routed, rule: route.label,
                "longest prefix match: local delivery in the VPC (S-R-2)", packet)
            guard let target = graph.subnet(containing: packet.destination, inVPC: vpc) else {
                block(
                    graph.vpcs[vpc].ref, rule: route.label, .noRouteToDestination,
                    "no subnet of \(graph.vpcs[vpc].ref) holds \(packet.destination)",
                    packet: packet)
                return nil
            }
            checkNetworkACL(of: subnet, packet, outbound: true)
            checkNetworkACL(of: target, packet, outbound: false)
            return deliver(inSubnet: target, packet)
        case .internetGateway(let gateway):
            let igw = graph.internetGateways[gateway]
            guard igw.vpc == vpc else {
                block(
                    table.ref, rule: route.label, .badStateRoute,
                    "\(igw.ref) is not attached to \(graph.vpcs[vpc].ref)", packet: packet)
                return nil
            }
            hop(
                table.ref, .routed, rule: route.label, "longest prefix match: to the internet gateway", packet
            )
            checkNetworkACL(of: subnet, packet, outbound: true)
            return leaveThroughInternetGateway(gateway, vpc: vpc, packet)
        case .natGateway(let index):
            let nat = graph.natGateways[index]
            guard nat.isAvailable else {
                block(
                    table.ref, rule: route.label, .badStateRoute, "\(nat.ref) is not available",
                    packet: packet)
                return nil
            }
            hop(table.ref, .routed, rule: route.label, "longest prefix match: to the NAT gateway", packet)
            if nat.subnet != subnet {
                checkNetworkACL(of: subnet, packet, outbound: true)
                checkNetworkACL(of: nat.subnet, packet, outbound: false)
            }
            return throughNATGateway(index, packet)
        case .peering(let index):
            return throughPeering(index, from: subnet, table: table, route: route, packet)
        case .interface(let target):
            let appliance = graph.interfaces[target]
            hop(table.ref, .routed, rule: route.label, "longest prefix match: to \(appliance.ref)", packet)
            if appliance.sourceDestCheck {
                block(
                    appliance.ref, rule: route.label, .sourceDestinationCheck,
                    "\(appliance.ref) has its source/destination check on and drops traffic for \(packet.destination)"
                )
            } else {
                stopUnknown(
                    appliance.ref, .unsupportedComponent, rule: route.label,
                    "traffic is handed to the appliance \(appliance.ref); Reach does not model the software that forwards it"
                )
            }
            return nil
        case .transitGateway(let gateway):
            return toTransitGateway(gateway, from: subnet, table: table, route: route, packet)
        case .virtualPrivateGateway(let gateway):
            return toVirtualPrivateGateway(gateway, from: subnet, table: table, route: route, packet)
        case .gatewayEndpoint(let endpoint):
            return toGatewayEndpoint(endpoint, from: subnet, table: table, route: route, packet)
        case .firewallEndpoint(let firewall, let endpointSubnet, let endpointID):
            return throughFirewall(
                firewall, endpointID: endpointID, endpointSubnet: endpointSubnet, from: subnet, table: table,
                route: route,
                packet)
        case .missing(let kind, let id):
            stopUnknown(
                ComponentRef(kind: kind, id: id, name: id), .unknownResource, rule: route.label,
                "the route leads to \(kind) \(id), which the input does not contain")
            return nil
        case .unsupported(let kind, let id):
            stopUnknown(
                ComponentRef(kind: kind, id: id, name: id), .unsupportedComponent, rule: route.label,
                "the route leads to a \(kind), which this version does not model")
            return nil
        }
    }

    mutating func throughPeering(
        _ index: Int, from subnet: Int, table: CompiledRouteTable, route: CompiledRoute, _ packet: Packet
    ) -> Arrival? {
        let peering = graph.peerings[index]
        let vpc = self.vpc(ofSubnet: subnet)
        if recordsLookups { routeLookups.append(.peering(index)) }
        guard peering.isActive else {
            block(
                peering.ref, rule: route.label, .peeringConnectionNotActive,
                "\(peering.ref) is \(peering.status), not active (S-GW-3)", packet: packet)
            return nil
        }
        guard let peer = peering.peer(of: vpc) else {
            block(
                table.ref, rule: route.label, .badStateRoute,
                "\(peering.ref) does not connect \(graph.vpcs[vpc].ref)")
            return nil
        }
        hop(table.ref, .routed, rule: route.label, "longest prefix match: to the peering connection", packet)
        checkNetworkACL(of: subnet, packet, outbound: true)
        hop(peering.ref, .forwarded, describe: { "to \($0.vpcs[peer].ref)" }, packet)
        guard graph.vpcs[peer].contains(packet.destination) else {
            block(
                peering.ref, rule: route.label, .peeringRequiresAddressInVPCCIDR,
                "\(packet.destination) is not in \(graph.vpcs[peer].ref); peering is not transitive (S-GW-3)",
                packet: packet)
            return nil
        }
        guard let target = graph.subnet(containing: packet.destination, inVPC: peer) else {
            block(
                graph.vpcs[peer].ref, rule: nil, .noRouteToDestination,
                "no subnet of \(graph.vpcs[peer].ref) holds \(packet.destination)", packet: packet
            )
            return nil
        }
        checkNetworkACL(of: target, packet, outbound: false)
        return deliver(inSubnet: target, packet)
    }

    /// A packet reaches an address in `subnet`, having passed any network ACLs on the way.
    mutating func deliver(inSubnet subnet: Int, _ packet: Packet) -> Arrival? {
        guard let target = interface(at: packet.destination, inVPC: vpc(ofSubnet: subnet)) else {
            hop(
                graph.subnets[subnet].ref, .delivered,
                describe: {
                    "delivered to \(packet.destination) in \($0.subnets[subnet].ref); no interface in the input has this address"
                }, packet)
            return Arrival(place: .host(subnet: subnet), packet: packet)
        }
        let owner = graph.interfaces[target].owner
        switch owner {
        case .natGateway(let nat):
            return addressedToNATGateway(nat, packet)
        case .loadBalancerNode where direction == .forward:
            pathDependsOnPorts = true
            stopUnknown(
                graph.interfaces[target].ref, .unsupportedComponent, rule: nil,
                "traffic addressed to a load balancer directly is not modelled yet; ask about its endpoint or its targets"
            )
            return nil
        default:
            break
        }
        if direction == .forward {
            checkSecurityGroups(of: target, packet, .ingress)
        }
        hop(
            graph.interfaces[target].ref, .delivered,
            describe: { "delivered to \($0.interfaces[target].ref)" }, packet)
        if case .vpcEndpoint(let endpoint) = owner, direction == .forward {
            return throughPrivateLink(endpointIndex: endpoint, interface: target, packet)
        }
        return Arrival(place: .interface(target), packet: packet)
    }

    // MARK: - Gateways

    /// S-GW-1: the internet gateway maps the sender's private address to its public IP.
    mutating func leaveThroughInternetGateway(_ gateway: Int, vpc: Int, _ packet: Packet) -> Arrival? {
        readsPublicAddresses = true
        let igw = graph.internetGateways[gateway].ref
        var packet = packet
        guard let sender = interface(at: packet.source, inVPC: vpc) else {
            stopUnknown(
                igw, .addressNotKnown, rule: nil,
                "whether the host at \(packet.source) has a public IP is not in the input (it has no interface there)"
            )
            return nil
        }
        guard let publicIP = graph.publicIPs[sender] else {
            block(
                igw, rule: nil, .igwPublicIPAssociationForEgress,
                "\(graph.interfaces[sender].ref) has no public or Elastic IP, so the internet gateway cannot carry its traffic (S-GW-1)",
                packet: packet)
            return nil
        }
        hop(igw, .translated, "source \(packet.source) -> public IP \(publicIP)", packet)
        packet.source = publicIP
        return carryOverInternet(packet)
    }

    /// The internet delivers to a public address: an interface's public IP (through its VPC's
    /// internet gateway), an on-prem site's public block, or an internet host.
    mutating func carryOverInternet(_ packet: Packet) -> Arrival? {
        if let target = graph.interfacesByPublicIP[packet.destination] {
            return enterThroughInternetGateway(target, packet)
        }
        if let site = graph.onPremSites.firstIndex(where: { $0.publicAddresses.contains(packet.destination) })
        {
            hop(
                graph.onPremSites[site].ref, .delivered,
                describe: { "delivered to \($0.onPremSites[site].ref) over its internet uplink" }, packet)
            return Arrival(place: .onPremSite(site), packet: packet)
        }
        if let service = graph.awsServices.firstIndex(where: { $0.addresses.contains(packet.destination) }) {
            hop(
                graph.awsServices[service].ref, .delivered,
                describe: { "delivered to \($0.awsServices[service].ref) over the internet" }, packet)
            return Arrival(place: .awsService(service), packet: packet)
        }
        guard SpecialAddresses.internet.contains(packet.destination) else {
            block(
                .internet, rule: nil, .noRouteToDestination,
                "the internet does not route the private address \(packet.destination)",
                packet: packet)
            return nil
        }
        hop(.internet, .delivered, "delivered to the internet host \(packet.destination)", packet)
        return Arrival(place: .internet, packet: packet)
    }

    mutating func enterThroughInternetGateway(_ target: Int, _ packet: Packet) -> Arrival? {
        let interface = graph.interfaces[target]
        let vpc = self.vpc(ofInterface: target)
        guard let gateway = graph.vpcs[vpc].internetGateway else {
            block(
                graph.vpcs[vpc].ref, rule: nil, .noInternetGateway,
                "\(graph.vpcs[vpc].ref) has no internet gateway to receive traffic for \(packet.destination)",
                packet: packet)
            return nil
        }
        guard let privateIP = privateAddress(of: target) else {
            stopUnknown(
                interface.ref, .addressNotKnown, rule: nil,
                "the private address of \(interface.ref) is not in the input")
            return nil
        }
        var packet = packet
        hop(
            graph.internetGateways[gateway].ref, .translated,
            "destination \(packet.destination) -> private IP \(privateIP)", packet)
        packet.destination = privateIP
        checkNetworkACL(of: interface.subnet, packet, outbound: false)
        return deliver(inSubnet: interface.subnet, packet)
    }

    /// A packet routed to a NAT gateway as its next hop: the gateway rewrites the source to its
    /// own private address and routes on from its subnet (S-GW-2).
    mutating func throughNATGateway(_ index: Int, _ packet: Packet) -> Arrival? {
        let nat = graph.natGateways[index]
        let vpc = self.vpc(ofSubnet: nat.subnet)
        guard graph.vpcs[vpc].contains(packet.source) else {
            block(
                nat.ref, rule: nil, .natGatewayRequiresSourceInVPC,
                "\(packet.source) is not in \(graph.vpcs[vpc].ref); the NAT gateway serves only its own VPC",
                packet: packet)
            return nil
        }
        guard let natAddress = graph.interfaces[nat.interface].privateIPs.first else { return nil }
        var packet = packet
        hop(nat.ref, .translated, "source \(packet.source) -> \(natAddress)", packet)
        if direction == .forward { natOriginalSource[index] = packet.source }
        packet.source = natAddress
        return leave(subnet: nat.subnet, packet)
    }

    /// A packet addressed to a NAT gateway itself: only the reply to a connection it opened gets
    /// through, translated back to the original source (S-GW-2).
    mutating func addressedToNATGateway(_ index: Int, _ packet: Packet) -> Arrival? {
        let nat = graph.natGateways[index]
        guard direction == .return, let original = natOriginalSource[index] else {
            block(
                nat.ref, rule: nil, .natGatewayNoInbound,
                "\(nat.ref) does not accept connections opened from outside (S-GW-2)",
                packet: packet)
            return nil
        }
        var packet = packet
        hop(
            nat.ref, .translated,
            "destination \(packet.destination) -> \(original) (reply to a translated connection)", packet)
        packet.destination = original
        return leave(subnet: nat.subnet, packet)
    }

    // MARK: - Filters

    /// S-NACL-2/3: first matching entry by rule number decides; the final `*` entry denies.
    mutating func checkNetworkACL(of subnet: Int, _ packet: Packet, outbound: Bool) {
        let aclIndex = graph.subnets[subnet].networkACL
        if recordsFilters {
            filterChecks.append(
                .networkACL(
                    subnet: subnet, outbound: outbound, peer: outbound ? packet.destination : packet.source,
                    leg: direction))
            return
        }
        guard aclIndex >= 0 else {
            stopUnknown(
                graph.subnets[subnet].ref, .unknownResource, rule: nil,
                "the subnet has no network ACL in the input")
            return
        }
        let acl = graph.networkACLs[aclIndex]
        let peerAddress = outbound ? packet.destination : packet.source
        if direction == .return {
            replyACLs.append(ReplyACLCheck(acl: aclIndex, outbound: outbound, peer: peerAddress))
        }
        let side = outbound ? "outbound" : "inbound"
        let leg = direction == .forward ? "forward" : "return"
        if let entry = acl.decidingEntry(for: packet, peer: peerAddress, outbound: outbound) {
            if entry.action == .allow {
                hop(
                    acl.ref, .allowed, rule: entry.label,
                    describe: { "\(side) at \($0.subnets[subnet].ref), \(leg) path" }, packet)
            } else {
                block(
                    acl.ref, rule: entry.label, .subnetACLRestriction,
                    "denied \(side) at \(graph.subnets[subnet].ref), \(leg) path", packet: packet)
            }
            return
        }
        block(
            acl.ref, rule: "\(side) rule *: deny all traffic", .subnetACLRestriction,
            "no entry allows it, \(side) at \(graph.subnets[subnet].ref), \(leg) path: the final rule denies",
            packet: packet)
    }

    /// S-SG-1/2: the union of the interface's groups' rules; no match denies.
    mutating func checkSecurityGroups(of index: Int, _ packet: Packet, _ facing: TrafficDirection) {
        if recordsFilters {
            filterChecks.append(
                .securityGroups(
                    interface: index, facing: facing,
                    peer: facing == .ingress ? packet.source : packet.destination))
            return
        }
        let interface = graph.interfaces[index]
        guard !interface.securityGroups.isEmpty else {
            hop(interface.ref, .skipped, "no security groups on \(interface.ref)", packet)
            return
        }
        for group in interface.securityGroups {
            let compiled = graph.securityGroups[group]
            for rule in compiled.rules(facing)
            where rule.match.matches(packet) && peerMatches(rule.peer, at: index, packet, facing) {
                hop(
                    compiled.ref, .allowed, rule: rule.label,
                    "\(facing.rawValue) allowed at \(interface.ref)", packet)
                return
            }
        }
        if let unknownGroup = interface.securityGroups.first(where: { !graph.securityGroups[$0].isKnown }) {
            stopUnknown(
                graph.securityGroups[unknownGroup].ref, .unknownResource, rule: nil,
                "no known rule allows it at \(interface.ref), and the rules of \(graph.securityGroups[unknownGroup].ref) "
                    + "are not in the input")
            return
        }
        let groups = interface.securityGroups.map { graph.securityGroups[$0].ref.description }.joined(
            separator: ", ")
        let peer = facing == .ingress ? "from \(packet.source)" : "to \(packet.destination)"
        block(
            graph.securityGroups[interface.securityGroups[0]].ref,
            rule: "no \(facing.rawValue) rule of \(groups) matches", .eniSecurityGroupRulesMismatch,
            "\(facing.rawValue) denied at \(interface.ref): no rule allows \(packet.protocolNumber) "
                + "\(packet.protocolNumber.hasPorts ? "port \(packet.destinationPort) " : "")\(peer)",
            packet: packet)
    }

    /// S-SG-2: a group reference matches the private IPs of interfaces carrying the group, in
    /// the same VPC or a peered VPC of the same region; never public IPs.
    func peerMatches(
        _ peer: CompiledPeer, at index: Int, _ packet: Packet, _ facing: TrafficDirection
    ) -> Bool {
        let address = facing == .ingress ? packet.source : packet.destination
        switch peer {
        case .addresses(let set):
            return set.contains(address)
        case .never:
            return false
        case .group(let group):
            return graph.address(
                address, carries: group, seenFrom: vpc(ofInterface: index), assumed: assumedAddress)
        }
    }
}

/// The hops of a trace in the making.
final class HopLog {
    var hops: [PathHop] = []
    /// Hops met, kept or not (the loop guard counts them).
    var count = 0
    /// Where the last hop was.
    var lastComponent: ComponentRef?

    /// The last packet described, and its text: consecutive hops mostly carry the same packet.
    private var described: (packet: Packet, text: String)?

    init() {}

    init(copying other: HopLog) {
        hops = other.hops
        count = other.count
        lastComponent = other.lastComponent
    }

    /// `packet`'s text, reusing the last hop's when the packet is the same.
    func text(of packet: Packet) -> String {
        if let described, described.packet == packet { return described.text }
        let text = packet.description
        described = (packet, text)
        return text
    }
}

/// A graph behind a reference, so that copying a tracer copies one reference.
final class GraphBox: Sendable {
    let graph: ForwardingGraph

    init(_ graph: ForwardingGraph) {
        self.graph = graph
    }
}
