import ReachModel
import ReachNetwork

/// Every place traffic can start from, grouped so that sources that behave identically are
/// analysed once: interfaces by subnet, security groups and address class; each subnet's
/// addresses that no interface holds; each on-prem site; the internet.
struct SourceCatalog {
    /// Interfaces that share a subnet, a set of security groups and address classes (private,
    /// and public when they have one): every member takes the same path and meets the same rules.
    struct InterfaceGroup {
        let subnet: Int
        /// Where its members are in ``SourceCatalog/memberInterfaces`` (and their private IPs,
        /// each its first, in ``SourceCatalog/memberAddresses``).
        let members: Range<Int>
        /// Members that also share the walk: same subnet and address classes, any groups.
        let walkKey: WalkKey
        /// The number of the walk key shared by every public class (see ``walkSlots``).
        let walkSlot: Int
    }

    /// What makes two interfaces' paths the same, whatever their security groups.
    struct WalkKey: Hashable {
        let subnet: Int
        let privateClass: Int
        let publicClass: Int

        /// The key shared by interfaces of any public class, for walks that read no public IP.
        var withAnyPublicClass: WalkKey { Self.anyPublicClass(subnet: subnet, privateClass: privateClass) }

        /// The key of a subnet and private address class shared by every public class.
        static func anyPublicClass(subnet: Int, privateClass: Int) -> WalkKey {
            WalkKey(subnet: subnet, privateClass: privateClass, publicClass: .min)
        }
    }

    private struct GroupKey: Hashable {
        let walk: WalkKey
        let securityGroups: [Int]
    }

    let classes: AddressClasses
    /// The graph's filters numbered by shape, for results shared between look-alike filters.
    let shapes: FilterShapes
    private(set) var interfaceGroups: [InterfaceGroup] = []
    /// Every group's members, one group after another in the order of the groups: lists
    /// shared by all groups, so that answering a group counts no reference for lists of its own
    /// (thousands of them, scattered over the heap).
    private(set) var memberInterfaces: [Int] = []
    /// Each member's private IP (its first), parallel to ``memberInterfaces``.
    private(set) var memberAddresses: [IPv4Address] = []
    /// The group of each of the graph's interfaces, by index; -1 for one in none.
    private(set) var groupOfInterface: [Int32] = []
    /// Each walk key of the interfaces grouped, for any public class, numbered from 0: a
    /// session keeps its walks by these numbers, looked up by position rather than hashed.
    private(set) var walkSlots: [WalkKey: Int] = [:]
    /// Interfaces that can start traffic (ENIs and DB endpoints, not NAT gateways, endpoint
    /// interfaces or load balancer nodes) but whose address the input does not give.
    private(set) var unaddressedInterfaces: [Int] = []
    /// Each subnet's addresses that AWS does not reserve and no interface holds.
    private(set) var freeHostAddresses: [IPv4AddressSet] = []
    /// Each subnet's free host addresses split into address classes (empty for a subnet with
    /// none), split once here rather than on every question.
    private(set) var freeHostClasses: [[(representative: IPv4Address, addresses: IPv4AddressSet)]] = []
    /// Every public address that belongs to no interface and no on-prem site.
    let internetHostAddresses: IPv4AddressSet
    /// The same, split into address classes.
    let internetHostClasses: [(representative: IPv4Address, addresses: IPv4AddressSet)]

    init(graph: ForwardingGraph) {
        classes = AddressClasses(graph: graph)
        shapes = FilterShapes(graph: graph)
        internetHostAddresses = EndpointResolver(graph: graph).internetHostAddresses
        internetHostClasses = classes.split(internetHostAddresses)
        var held = [[UInt32]](repeating: [], count: graph.subnets.count)
        for interface in graph.interfaces {
            // An address is held in the subnet of its VPC that contains it, whichever subnet the
            // input places its interface in (moto addresses some interfaces outside theirs).
            let vpc = graph.subnets[interface.subnet].vpc
            for ip in interface.privateIPs {
                if let subnet = graph.subnet(containing: ip, inVPC: vpc) { held[subnet].append(ip.value) }
            }
        }
        group(graph.interfaces.indices, of: graph)
        freeHostAddresses = graph.subnets.indices.map { subnet in
            graph.usableHostAddresses(of: subnet, held: held[subnet])
        }
        freeHostClasses = freeHostAddresses.map { $0.isEmpty ? [] : classes.split($0) }
    }

    /// The catalog of `graph`, made from `base`'s graph by the edits ``ForwardingGraph/patching(to:)``
    /// makes, for the sources in `scope` only: the rest is left out rather than split again.
    init(patching base: SourceCatalog, graph: ForwardingGraph, edits: GraphEdits, scope: SourceScope) {
        classes = AddressClasses(graph: graph, sameInterfacesAs: base.classes, moves: edits.publicAddresses)
        shapes = base.shapes.isolating(edits)
        internetHostAddresses =
            edits.publicAddresses.isEmpty
            ? base.internetHostAddresses
            : EndpointResolver(graph: graph).internetHostAddresses(
                updating: base.internetHostAddresses, moves: edits.publicAddresses)
        internetHostClasses = scope.includesInternet ? classes.split(internetHostAddresses) : []
        group((scope.interfaces ?? Set(graph.interfaces.indices)).sorted(), of: graph)
        freeHostAddresses = base.freeHostAddresses
        freeHostClasses = Array(repeating: [], count: freeHostAddresses.count)
        // A few subnets are in scope, out of thousands: split only theirs.
        let subnets = scope.includesSubnetHosts ? (scope.subnets ?? Set(freeHostAddresses.indices)) : []
        for subnet in subnets where !freeHostAddresses[subnet].isEmpty {
            freeHostClasses[subnet] = classes.split(freeHostAddresses[subnet])
        }
    }

    /// Groups the interfaces at `indices` (ascending) that start traffic.
    private mutating func group(_ indices: some Sequence<Int>, of graph: ForwardingGraph) {
        var groupIndex: [GroupKey: Int] = [:]
        // Each group's members while grouping, laid out one group after another at the end.
        var members: [[(interface: Int, address: IPv4Address)]] = []
        var keys: [(walk: WalkKey, slot: Int)] = []
        groupOfInterface = Array(repeating: -1, count: graph.interfaces.count)
        for index in indices {
            let interface = graph.interfaces[index]
            guard Self.startsTraffic(interface.owner) else { continue }
            guard let address = interface.privateIPs.first else {
                unaddressedInterfaces.append(index)
                continue
            }
            let walk = WalkKey(
                subnet: interface.subnet, privateClass: classes.filterClass(of: address),
                publicClass: graph.publicIPs[index].map { classes.filterClass(of: $0) } ?? -1)
            let key = GroupKey(walk: walk, securityGroups: interface.securityGroups)
            if let existing = groupIndex[key] {
                members[existing].append((index, address))
                groupOfInterface[index] = Int32(existing)
            } else {
                groupOfInterface[index] = Int32(members.count)
                groupIndex[key] = members.count
                let shared = walk.withAnyPublicClass
                let slot = walkSlots[shared] ?? walkSlots.count
                walkSlots[shared] = slot
                members.append([(index, address)])
                keys.append((walk, slot))
            }
        }
        interfaceGroups.reserveCapacity(members.count)
        for (group, key) in zip(members, keys) {
            let start = memberInterfaces.count
            memberInterfaces += group.map(\.interface)
            memberAddresses += group.map(\.address)
            interfaceGroups.append(
                InterfaceGroup(
                    subnet: key.walk.subnet, members: start..<memberInterfaces.count, walkKey: key.walk,
                    walkSlot: key.slot))
        }
    }

    /// Whether `interface` is one of ``unaddressedInterfaces`` (kept in ascending order).
    func isUnaddressed(_ interface: Int) -> Bool { unaddressedInterfaces.binaryContains(interface) }

    /// ENIs and DB endpoints start traffic; NAT gateways, endpoint interfaces and load balancer
    /// nodes only relay it.
    static func startsTraffic(_ owner: InterfaceOwner) -> Bool {
        switch owner {
        case .networkInterface, .database: true
        case .natGateway, .vpcEndpoint, .loadBalancerNode: false
        }
    }
}

extension ForwardingGraph {
    /// A subnet's addresses less the five AWS reserves (in blocks of /28 and larger) and `held`,
    /// the private IPs of interfaces in the subnet.
    func usableHostAddresses(of subnet: Int, held: [UInt32]) -> IPv4AddressSet {
        let cidr = subnets[subnet].cidr
        var set = IPv4AddressSet([cidr])
        if cidr.length <= 28 {
            let first = cidr.network.value
            set = set.subtracting(IPv4AddressSet(storage: IntervalSet(first...(first + 3))))
                .subtracting(IPv4AddressSet(cidr.lastAddress))
        }
        return set.subtracting(IPv4AddressSet(storage: IntervalSet(held.map { $0...$0 })))
    }
}
