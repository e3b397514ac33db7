import ReachModel

/// A resource a reference may name: its kind and id, its name, and what a change uses of it
/// (an index, an id, a route target).
struct Candidate<Value: Hashable> {
    /// The resource.
    let ref: ResourceRef
    /// Its name, if references may use one.
    let name: String?
    /// What the reference resolves to.
    let value: Value
}

/// A topology resource with an id and a name, found by either.
protocol NamedResource {
    /// The kind, for messages.
    static var kind: ResourceKind { get }
    /// The id.
    var id: String { get }
    /// The name.
    var name: String { get }
    /// Whether `reference` is the id or the name.
    func isNamed(_ reference: String) -> Bool
    /// Whether `reference`, whose digest is `digest`, is the id or the name (resources that keep
    /// digests of theirs compare those first).
    func isNamed(_ reference: String, digest: NameDigest) -> Bool
}

extension NamedResource {
    func isNamed(_ reference: String) -> Bool { id.isSame(as: reference) || name.isSame(as: reference) }
    func isNamed(_ reference: String, digest: NameDigest) -> Bool { isNamed(reference) }
}

extension String {
    /// `self == other`, rejecting strings of another length or first byte before comparing:
    /// a change's reference is checked against every resource of a kind (tens of thousands of
    /// interfaces), and almost all differ there.
    func isSame(as other: String) -> Bool {
        utf8.count == other.utf8.count && utf8.first == other.utf8.first && self == other
    }
}

extension SecurityGroup: NamedResource { static var kind: ResourceKind { .securityGroup } }
extension RouteTable: NamedResource { static var kind: ResourceKind { .routeTable } }
extension NetworkACL: NamedResource { static var kind: ResourceKind { .networkACL } }
extension Subnet: NamedResource { static var kind: ResourceKind { .subnet } }
extension ManagedPrefixList: NamedResource { static var kind: ResourceKind { .prefixList } }
extension VPCPeeringConnection: NamedResource { static var kind: ResourceKind { .peeringConnection } }
extension InternetGateway: NamedResource { static var kind: ResourceKind { .internetGateway } }
extension NATGateway: NamedResource { static var kind: ResourceKind { .natGateway } }
extension NetworkInterface: NamedResource { static var kind: ResourceKind { .networkInterface } }
extension Instance: NamedResource { static var kind: ResourceKind { .instance } }
extension TransitGateway: NamedResource { static var kind: ResourceKind { .transitGateway } }
extension VirtualPrivateGateway: NamedResource { static var kind: ResourceKind { .virtualPrivateGateway } }
extension VPCEndpoint: NamedResource { static var kind: ResourceKind { .vpcEndpoint } }
extension DBInstance: NamedResource { static var kind: ResourceKind { .dbInstance } }
extension DBCluster: NamedResource { static var kind: ResourceKind { .dbCluster } }
extension TransitGatewayAttachment: NamedResource {
    static var kind: ResourceKind { .transitGatewayAttachment }
}
extension TransitGatewayRouteTable: NamedResource {
    static var kind: ResourceKind { .transitGatewayRouteTable }
}

extension ChangeSet.Item {
    /// The value of the one candidate `reference` names. An id match wins over name matches;
    /// candidates resolving to one value (an instance and its primary interface) count once.
    func pick<Value: Hashable>(
        _ reference: String, kinds: [ResourceKind], among candidates: [Candidate<Value>]
    ) throws(TopologyChangeError) -> Value {
        try choose(
            reference, kinds: kinds, byID: candidates.filter { $0.ref.id == reference },
            byName: candidates.filter { $0.name == reference })
    }

    /// The index in `resources` of the one resource `reference` names, by the rules of
    /// ``pick(_:kinds:among:)``. Resources are read in place and only matches become candidates:
    /// a change names one group among thousands, and a candidate of each would cost more than
    /// the change.
    func index<Resource: NamedResource>(
        of reference: String, in resources: [Resource]
    ) throws(TopologyChangeError) -> Int {
        let (byID, byName) = resources.withUnsafeBufferPointer { buffer in
            var byID: [Candidate<Int>] = []
            var byName: [Candidate<Int>] = []
            let digest = NameDigest(reference)
            for index in buffer.indices where buffer[index].isNamed(reference, digest: digest) {
                let candidate = Candidate(
                    ref: ResourceRef(Resource.kind, buffer[index].id), name: buffer[index].name, value: index)
                if candidate.ref.id == reference { byID.append(candidate) }
                if candidate.name == reference { byName.append(candidate) }
            }
            return (byID, byName)
        }
        return try choose(reference, kinds: [Resource.kind], byID: byID, byName: byName)
    }

    /// The value of the one candidate among those matching `reference` by id, else by name.
    private func choose<Value: Hashable>(
        _ reference: String, kinds: [ResourceKind], byID: [Candidate<Value>], byName: [Candidate<Value>]
    ) throws(TopologyChangeError) -> Value {
        for matches in [byID, byName] {
            var distinct: [Candidate<Value>] = []
            for match in matches where !distinct.contains(where: { $0.value == match.value }) {
                distinct.append(match)
            }
            if distinct.count > 1 {
                throw .ambiguousName(self, name: reference, matches: distinct.map(\.ref))
            }
            if let only = distinct.first { return only.value }
        }
        throw .unknownResource(self, kinds: kinds, reference: reference)
    }

    /// The resources of `resources` that `reference` names (by id or name), as candidates
    /// resolving to `value`. Resources are read in place, as in ``index(of:in:)``.
    static func candidates<Resource: NamedResource, Value: Hashable>(
        _ resources: [Resource], matching reference: String, _ value: (Int, Resource) -> Value?
    ) -> [Candidate<Value>] {
        resources.withUnsafeBufferPointer { buffer in
            var result: [Candidate<Value>] = []
            let digest = NameDigest(reference)
            for index in buffer.indices where buffer[index].isNamed(reference, digest: digest) {
                if let resolved = value(index, buffer[index]) {
                    result.append(
                        Candidate(
                            ref: ResourceRef(Resource.kind, buffer[index].id), name: buffer[index].name,
                            value: resolved))
                }
            }
            return result
        }
    }
}
