import ReachModel
import ReachNetwork

/// The command line's quick change flags (`--add-sg-rule`, …), each taking one change as
/// whitespace-separated words.
public enum InlineChangeKind: String, CaseIterable, Sendable {
    /// `--add-sg-rule 'GROUP ingress|egress PROTOCOL [PORTS] PEER'`.
    case addSecurityGroupRule = "add-sg-rule"
    /// `--remove-sg-rule 'GROUP ingress|egress PROTOCOL [PORTS] PEER'`.
    case removeSecurityGroupRule = "remove-sg-rule"
    /// `--add-route 'ROUTE_TABLE DESTINATION TARGET'`.
    case addRoute = "add-route"
    /// `--remove-route 'ROUTE_TABLE DESTINATION'`.
    case removeRoute = "remove-route"
    /// `--add-nacl-entry 'ACL ingress|egress RULE_NUMBER allow|deny PROTOCOL [PORTS] CIDR'`.
    case addNetworkACLEntry = "add-nacl-entry"
    /// `--remove-nacl-entry 'ACL ingress|egress RULE_NUMBER'`.
    case removeNetworkACLEntry = "remove-nacl-entry"
    /// `--set-public-ip 'INTERFACE ADDRESS|none'`.
    case setPublicIP = "set-public-ip"
    /// `--set-publicly-accessible 'DB true|false'`.
    case setPubliclyAccessible = "set-publicly-accessible"

    /// The words the flag takes, for help and error messages.
    public var grammar: String {
        switch self {
        case .addSecurityGroupRule, .removeSecurityGroupRule: "GROUP ingress|egress PROTOCOL [PORTS] PEER"
        case .addRoute: "ROUTE_TABLE DESTINATION TARGET"
        case .removeRoute: "ROUTE_TABLE DESTINATION"
        case .addNetworkACLEntry: "ACL ingress|egress RULE_NUMBER allow|deny PROTOCOL [PORTS] CIDR"
        case .removeNetworkACLEntry: "ACL ingress|egress RULE_NUMBER"
        case .setPublicIP: "INTERFACE ADDRESS|none"
        case .setPubliclyAccessible: "DB true|false"
        }
    }

    /// A valid example of the flag's text.
    public var example: String {
        switch self {
        case .addSecurityGroupRule: "db-sg ingress tcp 5432 10.9.0.0/16"
        case .removeSecurityGroupRule: "db-sg ingress tcp 5432 app-sg"
        case .addRoute: "app-rt 10.9.0.0/16 hub-tgw"
        case .removeRoute: "app-rt 0.0.0.0/0"
        case .addNetworkACLEntry: "db-nacl ingress 90 allow tcp 5432 10.0.1.0/24"
        case .removeNetworkACLEntry: "db-nacl ingress 100"
        case .setPublicIP: "app-eni 54.239.0.10"
        case .setPubliclyAccessible: "orders-db true"
        }
    }
}

extension TopologyChange {
    /// Parses the text of a quick flag, e.g. `--add-sg-rule 'db-sg ingress tcp 5432 10.9.0.0/16'`.
    ///
    /// PROTOCOL is `tcp`, `udp`, `icmp`, `all` (or `-1`) or a protocol number. PORTS is `N`,
    /// `N-M` or `all`, required for tcp and udp and absent otherwise; for icmp it is an optional
    /// `TYPE` or `TYPE:CODE` (absent: every type). A PEER is an IPv4 or IPv6 CIDR block, a
    /// prefix list (`pl-…`) or a security group by name or id; a DESTINATION is a CIDR block or
    /// a prefix list by name or id; a TARGET is anything ``TopologyChange/addRoute(routeTable:destination:target:)``
    /// accepts. An INTERFACE is an ENI or an instance (its primary interface), an ADDRESS an IPv4
    /// address or `none` to remove it; a DB is an instance or a cluster. Names are resolved when
    /// the change is applied.
    public init(inline text: String, kind: InlineChangeKind) throws(TopologyChangeError) {
        var words = InlineWords(text: text, kind: kind)
        switch kind {
        case .addSecurityGroupRule, .removeSecurityGroupRule:
            let group = try words.next("a security group name or id")
            let direction = try words.direction()
            let match = try words.protocolMatch(wordsAfter: 1)
            let rule = SecurityGroupRule(direction: direction, match: match, peer: try words.peer())
            self =
                kind == .addSecurityGroupRule
                ? .addSecurityGroupRule(group: group, rule: rule)
                : .removeSecurityGroupRule(group: group, rule: rule)
        case .addRoute:
            let table = try words.next("a route table name or id")
            let destination = try words.destination()
            self = .addRoute(
                routeTable: table, destination: destination,
                target: try words.next("a route target: a gateway, peering connection, interface or instance")
            )
        case .removeRoute:
            let table = try words.next("a route table name or id")
            self = .removeRoute(routeTable: table, destination: try words.destination())
        case .addNetworkACLEntry:
            let acl = try words.next("a network ACL name or id")
            let direction = try words.direction()
            let number = try words.ruleNumber()
            let action = try words.action()
            let match = try words.protocolMatch(wordsAfter: 1)
            let block = try words.prefix(try words.next("a CIDR block such as 10.0.1.0/24"))
            self = .addNetworkACLEntry(
                acl: acl,
                entry: NetworkACLEntry(
                    ruleNumber: number, direction: direction, action: action, match: match, cidrBlock: block))
        case .removeNetworkACLEntry:
            let acl = try words.next("a network ACL name or id")
            let direction = try words.direction()
            self = .removeNetworkACLEntry(acl: acl, direction: direction, ruleNumber: try words.ruleNumber())
        case .setPublicIP:
            let interface = try words.next("a network interface or instance name or id")
            self = .setPublicIP(interface: interface, try words.publicAddress())
        case .setPubliclyAccessible:
            let database = try words.next("a DB instance or cluster name or id")
            self = .setPubliclyAccessible(database: database, try words.boolean())
        }
        try words.end()
    }
}
