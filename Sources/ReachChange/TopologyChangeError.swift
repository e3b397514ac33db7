import ReachModel

/// Why a change could not be parsed or applied. Every case that concerns a change carries it
/// with its origin, and the message names both.
public enum TopologyChangeError: Error, Hashable, Sendable {
    /// `reference` names no resource of `kinds` (by id or by name).
    case unknownResource(ChangeSet.Item, kinds: [ResourceKind], reference: String)
    /// `name` is the name of several resources (`matches`); an id picks one.
    case ambiguousName(ChangeSet.Item, name: String, matches: [ResourceRef])
    /// A removal names something `resource` does not have; `what` describes it
    /// (`ingress rule tcp 5432 from app-sg`).
    case absent(ChangeSet.Item, resource: ResourceRef, what: String)
    /// An addition duplicates something `resource` already has and AWS allows once: the same
    /// security group rule, a network ACL rule number already used in that direction, a route
    /// for a destination the table already routes. `what` describes the existing one.
    case duplicate(ChangeSet.Item, resource: ResourceRef, what: String)
    /// `resource` is in VPC `vpcID`, but the change needs it in `expectedVPCID`, the VPC of
    /// `other` (a route table or network ACL associated with a subnet of another VPC).
    case wrongVPC(
        ChangeSet.Item, resource: ResourceRef, vpcID: String, other: ResourceRef, expectedVPCID: String)
    /// `resource` belongs to transit gateway `transitGatewayID`, but the change needs it on
    /// `expectedTransitGatewayID`, the gateway of `other`.
    case wrongTransitGateway(
        ChangeSet.Item, resource: ResourceRef, transitGatewayID: String, other: ResourceRef,
        expectedTransitGatewayID: String)
    /// A value of the change that AWS would reject: `expected` says what is valid.
    case invalidValue(ChangeSet.Item, expected: String, found: String)
    /// The text of a command-line quick flag does not follow its grammar: `problem` says what
    /// was expected where.
    case invalidInline(kind: InlineChangeKind, text: String, problem: String)
}

extension TopologyChangeError: CustomStringConvertible {
    /// `origin: change: problem`, e.g. `change.yaml:4:5: changes[1]: add route … to app-rt:
    /// no route table is named 'app-rt' or has that id`.
    public var description: String {
        switch self {
        case .unknownResource(let item, let kinds, let reference):
            let names = kinds.map(Self.name).joined(separator: kinds.count == 2 ? " or " : ", ")
            return Self.prefix(item) + "no \(names) is named '\(reference)' or has that id"
        case .ambiguousName(let item, let name, let matches):
            return Self.prefix(item) + "'\(name)' is ambiguous; it names "
                + matches.map { "\(Self.name($0.kind)) \($0.id)" }.joined(separator: ", ")
                + " (use the id of the one you mean)"
        case .absent(let item, let resource, let what):
            return Self.prefix(item) + "\(Self.describe(resource)) has no \(what)"
        case .duplicate(let item, let resource, let what):
            return Self.prefix(item) + "\(Self.describe(resource)) already has \(what)"
        case .wrongVPC(let item, let resource, let vpcID, let other, let expectedVPCID):
            return Self.prefix(item) + "\(Self.describe(resource)) is in VPC \(vpcID), but"
                + " \(Self.describe(other)) is in VPC \(expectedVPCID); they must be in the same VPC"
        case .wrongTransitGateway(let item, let resource, let gatewayID, let other, let expectedGatewayID):
            return Self.prefix(item) + "\(Self.describe(resource)) belongs to transit gateway \(gatewayID),"
                + " but \(Self.describe(other)) belongs to \(expectedGatewayID); they must share a gateway"
        case .invalidValue(let item, let expected, let found):
            return Self.prefix(item) + "expected \(expected), found \(found)"
        case .invalidInline(let kind, let text, let problem):
            return "--\(kind.rawValue) '\(text)': \(problem); the form is '\(kind.grammar)',"
                + " such as '\(kind.example)'"
        }
    }

    /// `origin: change: `, naming the change as it was written.
    private static func prefix(_ item: ChangeSet.Item) -> String {
        (item.origin.map { "\($0): " } ?? "") + "\(item.change): "
    }

    /// A kind as prose: `route table`, `network ACL`.
    private static func name(_ kind: ResourceKind) -> String {
        switch kind {
        case .networkACL: "network ACL"
        case .vpc: "VPC"
        case .natGateway: "NAT gateway"
        case .dbInstance: "DB instance"
        case .dbCluster: "DB cluster"
        case .vpcEndpoint: "VPC endpoint"
        default: String(kind.rawValue.map { $0 == "-" ? " " : $0 })
        }
    }

    /// `route table app-rt`.
    private static func describe(_ resource: ResourceRef) -> String {
        "\(name(resource.kind)) \(resource.id)"
    }
}
