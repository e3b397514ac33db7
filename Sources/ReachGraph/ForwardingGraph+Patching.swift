import ReachModel
import ReachNetwork

/// What differs between two versions of a topology that are otherwise the same, by graph index:
/// security groups and network ACLs with other rules or entries, VPC and transit gateway route
/// tables with other routes (or, for a transit gateway table, other propagations), the subnets
/// and attachments associated with another route table or network ACL, peering connections
/// with another status, and interfaces with another public IP.
struct GraphEdits {
    /// An interface's public IP before and after (a DB's: after `PubliclyAccessible` too).
    struct PublicAddressMove: Equatable {
        let interface: Int
        let old: IPv4Address?
        let new: IPv4Address?
    }

    var securityGroups: [Int] = []
    var networkACLs: [Int] = []
    var routeTables: [Int] = []
    var transitGatewayRouteTables: [Int] = []
    /// Subnets with another route table.
    var subnetRouteTables: [Int] = []
    /// Subnets with another network ACL.
    var subnetNetworkACLs: [Int] = []
    /// Attachments with another transit gateway route table.
    var attachmentRouteTables: [Int] = []
    /// VPC peering connections with another status.
    var peerings: [Int] = []
    /// ENIs and DB endpoints with another public IP.
    var publicAddresses: [PublicAddressMove] = []
}

extension ForwardingGraph {
    /// The graph of `topology` made from this one by recompiling only the security groups,
    /// network ACLs and route tables whose rules, entries or routes differ, associating again
    /// the subnets and attachments whose route table or ACL differs, and updating the status of
    /// peering connections and the public IPs of ENIs and DB endpoints (with `PubliclyAccessible`),
    /// when that is all that differs: the same resources in the same order, with the same names
    /// and VPCs, and every other resource the same. Nil otherwise (or when a new rule refers to
    /// a group the graph does not know, or a new public IP is another interface's), for a full
    /// build.
    ///
    /// Boundaries of the new rules and routes are added to the graph's; those of removed ones
    /// stay, which only splits address and port classes finer than needed.
    func patching(to topology: Topology) -> (graph: ForwardingGraph, edits: GraphEdits)? {
        let old = self.topology
        guard old.securityGroups.count == topology.securityGroups.count,
            old.networkACLs.count == topology.networkACLs.count,
            old.routeTables.count == topology.routeTables.count,
            // A table of an unknown VPC is left out of the graph, which shifts the indices after it.
            routeTables.count == old.routeTables.count,
            old.transitGatewayRouteTables.count == topology.transitGatewayRouteTables.count,
            old.peeringConnections.count == topology.peeringConnections.count,
            // A connection between unknown VPCs is left out of the graph, which shifts the indices.
            peerings.count == old.peeringConnections.count,
            old.networkInterfaces.count == topology.networkInterfaces.count,
            old.dbInstances.count == topology.dbInstances.count
        else { return nil }
        // Arrays left untouched share storage, so this comparison is quick.
        guard Self.unpatchable(old) == Self.unpatchable(topology) else { return nil }

        // Resources edited in place: the same identity, other rules or associations. Between
        // them, identity, rules and associations cover every stored property of a group, an
        // ACL and a route table (`IncrementalDiffTests` holds the lists, and fails when a
        // property is added).
        guard
            let groups = Self.editedIndices(
                old.securityGroups, topology.securityGroups,
                unchanged: { $0.pointee.isUnchangedCopy(of: $1.pointee) },
                sameIdentity: {
                    $0.pointee.id == $1.pointee.id && $0.pointee.name == $1.pointee.name
                        && $0.pointee.vpcID == $1.pointee.vpcID
                        && $0.pointee.isDefault == $1.pointee.isDefault
                        && $0.pointee.tags == $1.pointee.tags
                },
                sameRules: {
                    $0.pointee.ingress == $1.pointee.ingress && $0.pointee.egress == $1.pointee.egress
                },
                sameAssociations: { _, _ in true }),
            let acls = Self.editedIndices(
                old.networkACLs, topology.networkACLs, unchanged: { _, _ in false },
                sameIdentity: {
                    $0.pointee.id == $1.pointee.id && $0.pointee.name == $1.pointee.name
                        && $0.pointee.vpcID == $1.pointee.vpcID && $0.pointee.tags == $1.pointee.tags
                },
                sameRules: { $0.pointee.entries == $1.pointee.entries },
                sameAssociations: {
                    $0.pointee.subnetIDs == $1.pointee.subnetIDs
                        && $0.pointee.isDefault == $1.pointee.isDefault
                }),
            let tables = Self.editedIndices(
                old.routeTables, topology.routeTables,
                unchanged: { $0.pointee.isUnchangedCopy(of: $1.pointee) },
                sameIdentity: {
                    $0.pointee.id == $1.pointee.id && $0.pointee.name == $1.pointee.name
                        && $0.pointee.vpcID == $1.pointee.vpcID && $0.pointee.tags == $1.pointee.tags
                },
                sameRules: {
                    $0.pointee.routes == $1.pointee.routes
                        && $0.pointee.propagatingGatewayIDs == $1.pointee.propagatingGatewayIDs
                },
                sameAssociations: {
                    $0.pointee.subnetIDs == $1.pointee.subnetIDs && $0.pointee.isMain == $1.pointee.isMain
                }),
            let gatewayTables = Self.editedIndices(
                old.transitGatewayRouteTables, topology.transitGatewayRouteTables,
                unchanged: { _, _ in false },
                sameIdentity: {
                    $0.pointee.id == $1.pointee.id && $0.pointee.name == $1.pointee.name
                        && $0.pointee.transitGatewayID == $1.pointee.transitGatewayID
                        && $0.pointee.tags == $1.pointee.tags
                },
                sameRules: {
                    $0.pointee.routes == $1.pointee.routes
                        && $0.pointee.propagationIDs == $1.pointee.propagationIDs
                },
                sameAssociations: { $0.pointee.associationIDs == $1.pointee.associationIDs }),
            let connections = Self.editedIndices(
                old.peeringConnections, topology.peeringConnections, unchanged: { _, _ in false },
                sameIdentity: {
                    $0.pointee.id == $1.pointee.id && $0.pointee.name == $1.pointee.name
                        && $0.pointee.requesterVPCID == $1.pointee.requesterVPCID
                        && $0.pointee.accepterVPCID == $1.pointee.accepterVPCID
                        && $0.pointee.tags == $1.pointee.tags
                },
                sameRules: { $0.pointee.status == $1.pointee.status }, sameAssociations: { _, _ in true }),
            let networkInterfaces = Self.editedIndices(
                // Bytes, not `isUnchangedCopy`: reading a value out of its pointer retains
                // its storage, one cache miss per interface of the estate.
                old.networkInterfaces, topology.networkInterfaces, unchanged: Self.isBitwiseEqual,
                sameIdentity: { $0.pointee.isSameButPublicIP(as: $1.pointee) },
                sameRules: { $0.pointee.publicIP == $1.pointee.publicIP }, sameAssociations: { _, _ in true }),
            let databases = Self.editedIndices(
                old.dbInstances, topology.dbInstances, unchanged: Self.isBitwiseEqual,
                sameIdentity: {
                    var before = $0.pointee
                    before.publicIP = $1.pointee.publicIP
                    before.publiclyAccessible = $1.pointee.publiclyAccessible
                    return before == $1.pointee
                },
                sameRules: {
                    $0.pointee.publicIP == $1.pointee.publicIP
                        && $0.pointee.publiclyAccessible == $1.pointee.publiclyAccessible
                },
                sameAssociations: { _, _ in true })
        else { return nil }
        var edits = GraphEdits(
            securityGroups: groups.rules, networkACLs: acls.rules, routeTables: tables.rules,
            transitGatewayRouteTables: gatewayTables.rules, peerings: connections.rules)
        for index in edits.securityGroups {
            for rule in topology.securityGroups[index].ingress + topology.securityGroups[index].egress {
                if case .securityGroup(let id) = rule.peer, groupIndex[id] == nil { return nil }
            }
        }

        var patched = self
        patched.topology = topology
        var builder = ForwardingGraphBuilder(topology)
        let described = topology.securityGroups.count
        for index in edits.securityGroups {
            patched.securityGroups[index] = builder.compileSecurityGroup(
                topology.securityGroups[index],
                groupName: { id in
                    groupIndex[id].flatMap { $0 < described ? securityGroups[$0].ref.name : nil }
                }, self)
        }
        for index in edits.networkACLs {
            patched.networkACLs[index] = builder.compileNetworkACL(topology.networkACLs[index])
        }
        for index in edits.routeTables {
            // The same VPC as before (the identity check), so never nil.
            guard let table = builder.compileRouteTable(topology.routeTables[index], self) else { return nil }
            patched.routeTables[index] = table
        }
        for index in edits.transitGatewayRouteTables {
            patched.transitGatewayRouteTables[index] = builder.compileTransitGatewayRouteTable(
                topology.transitGatewayRouteTables[index], self)
        }
        for index in edits.peerings {
            let connection = peerings[index]
            patched.peerings[index] = CompiledPeering(
                ref: connection.ref, requester: connection.requester, accepter: connection.accepter,
                status: topology.peeringConnections[index].status)
        }
        // Only the subnets a changed association names, or all of a VPC whose main table or
        // default ACL changed, may be associated otherwise.
        let moved = associatedSubnets(
            tables.reassociated.map { (old.routeTables[$0], topology.routeTables[$0]) }
        ) {
            $0.isMain != $1.isMain
        }
        edits.subnetRouteTables = reassociate(
            builder.routeTable(ofSubnets: moved, self).map { ($0.subnet, $0.table) }, \.routeTable,
            in: &patched)
        let movedACL = associatedSubnets(
            acls.reassociated.map { (old.networkACLs[$0], topology.networkACLs[$0]) }
        ) {
            $0.isDefault != $1.isDefault
        }
        edits.subnetNetworkACLs = reassociate(
            builder.networkACL(ofSubnets: movedACL, self).map { ($0.subnet, $0.acl) }, \.networkACL,
            in: &patched)
        if !gatewayTables.reassociated.isEmpty {
            for (attachment, table) in builder.transitGatewayRouteTableOfEachAttachment(self).enumerated()
            where attachments[attachment].routeTable != table {
                patched.attachments[attachment].routeTable = table
                edits.attachmentRouteTables.append(attachment)
            }
        }
        patched.filterBoundaries = filterBoundaries.merging(builder.boundaries)
        patched.addressBoundaries = addressBoundaries.merging(builder.boundaries)
        patched.portBoundaries = portBoundaries.merging(builder.portBoundaries)
        guard
            let moves = movePublicAddresses(
                interfaces: networkInterfaces.rules, databases: databases.rules, in: &patched)
        else { return nil }
        edits.publicAddresses = moves
        return (patched, edits)
    }

    /// Sets `association` of each subnet in `found` (subnet, value) in `patched` where it
    /// differs from this graph's, and returns those subnets.
    private func reassociate(
        _ found: [(Int, Int)], _ association: WritableKeyPath<CompiledSubnet, Int>,
        in patched: inout ForwardingGraph
    ) -> [Int] {
        var changed: [Int] = []
        for (subnet, value) in found where subnets[subnet][keyPath: association] != value {
            patched.subnets[subnet][keyPath: association] = value
            changed.append(subnet)
        }
        return changed
    }

    /// The subnets (ascending) that the old or new associations of `changed` name, with every
    /// subnet of a VPC where `changesDefault` (the main table or default ACL moved).
    private func associatedSubnets<Resource: SubnetAssociating>(
        _ changed: [(old: Resource, new: Resource)], changesDefault: (Resource, Resource) -> Bool
    ) -> [Int] {
        var result: Set<Int> = []
        for (old, new) in changed {
            for id in old.subnetIDs + new.subnetIDs {
                if let subnet = subnetIndex[id] { result.insert(subnet) }
            }
            if changesDefault(old, new), let vpc = vpcIndex[old.vpcID] {
                result.formUnion(vpcs[vpc].subnetsByAddress)
            }
        }
        return result.sorted()
    }

    /// `topology` without the resources ``patching(to:)`` can recompile one by one.
    private static func unpatchable(_ topology: Topology) -> Topology {
        var rest = topology
        rest.securityGroups = []
        rest.networkACLs = []
        rest.routeTables = []
        rest.transitGatewayRouteTables = []
        rest.peeringConnections = []
        rest.networkInterfaces = []
        rest.dbInstances = []
        return rest
    }
}

extension ForwardingGraph {
    /// The positions where `after` has other rules than `before` (arrays of equal length), and
    /// those where it has other associations; nil when an element is not `sameIdentity`
    /// with its counterpart. Elements are compared in place through pointers, property by
    /// property: copying thousands of groups, as comparing whole values does, would cost more
    /// than the edit. Elements the edit left alone are `unchanged` copies (one storage
    /// reference) or share their properties' storage with the old ones, so most comparisons
    /// stop at that.
    fileprivate static func editedIndices<Element>(
        _ before: [Element], _ after: [Element],
        unchanged: (UnsafePointer<Element>, UnsafePointer<Element>) -> Bool,
        sameIdentity: (UnsafePointer<Element>, UnsafePointer<Element>) -> Bool,
        sameRules: (UnsafePointer<Element>, UnsafePointer<Element>) -> Bool,
        sameAssociations: (UnsafePointer<Element>, UnsafePointer<Element>) -> Bool
    ) -> (rules: [Int], reassociated: [Int])? {
        before.withUnsafeBufferPointer { old in
            after.withUnsafeBufferPointer { new in
                guard let oldBase = old.baseAddress, let newBase = new.baseAddress else { return ([], []) }
                var edited: [Int] = []
                var reassociated: [Int] = []
                for index in old.indices where !unchanged(oldBase + index, newBase + index) {
                    guard sameIdentity(oldBase + index, newBase + index) else { return nil }
                    if !sameRules(oldBase + index, newBase + index) { edited.append(index) }
                    if !sameAssociations(oldBase + index, newBase + index) { reassociated.append(index) }
                }
                return (edited, reassociated)
            }
        }
    }
}

extension ForwardingGraph {
    /// Whether two values have the same bytes, and so are equal (the same references, the
    /// same inline values): how an element an edit left alone is told apart quickly, before
    /// comparing property by property. Values with other bytes may still be equal.
    fileprivate static func isBitwiseEqual<Element>(
        _ left: UnsafePointer<Element>, _ right: UnsafePointer<Element>
    )
        -> Bool
    {
        let size = MemoryLayout<Element>.size
        let a = UnsafeRawPointer(left)
        let b = UnsafeRawPointer(right)
        var offset = 0
        while offset + 8 <= size {
            if a.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            {
                return false
            }
            offset += 8
        }
        while offset < size {
            if a.load(fromByteOffset: offset, as: UInt8.self)
                != b.load(fromByteOffset: offset, as: UInt8.self)
            {
                return false
            }
            offset += 1
        }
        return true
    }
}

extension Array where Element: Comparable & Hashable {
    /// This sorted array with the values of `extra` it lacks inserted (an edit adds a few).
    func merging(_ extra: Set<Element>) -> [Element] {
        let missing = extra.filter { !binaryContains($0) }
        guard !missing.isEmpty else { return self }
        guard missing.count <= 64 else { return (self + missing).sorted() }
        var result = self
        for value in missing {
            result.insert(value, at: result.partitionPoint { $0 >= value })
        }
        return result
    }
}
