import ReachNetwork

/// An AWS Network Firewall: endpoints in firewall subnets that route tables send traffic to,
/// inspecting it with a firewall policy.
public struct NetworkFirewall: Hashable, Sendable {
    /// One firewall endpoint: a `vpce-…` id in one subnet (one per AZ).
    public struct Endpoint: Hashable, Sendable {
        /// The endpoint id that routes target.
        public var endpointID: String
        /// The firewall subnet it is in.
        public var subnetID: String

        /// Creates an endpoint.
        public init(endpointID: String, subnetID: String) {
            self.endpointID = endpointID
            self.subnetID = subnetID
        }
    }

    /// The firewall id or design name.
    public var id: String
    /// The display name.
    public var name: String
    /// Its VPC.
    public var vpcID: String
    /// Its endpoints.
    public var endpoints: [Endpoint]
    /// The policy it enforces.
    public var policyID: String
    /// Tags.
    public var tags: Tags

    /// Creates a firewall.
    public init(
        id: String, name: String, vpcID: String, endpoints: [Endpoint], policyID: String, tags: Tags = [:]
    ) {
        self.id = id
        self.name = name
        self.vpcID = vpcID
        self.endpoints = endpoints
        self.policyID = policyID
        self.tags = tags
    }
}

/// What a stateless rule or the stateless default does with a packet.
public enum StatelessAction: String, Hashable, Sendable, Codable {
    /// Let it through without stateful inspection.
    case pass = "aws:pass"
    /// Drop it.
    case drop = "aws:drop"
    /// Hand it to the stateful rule engine.
    case forwardToStateful = "aws:forward_to_sfe"
}

/// A stateless rule: matched per packet, in priority order (lowest first), in both directions alike.
public struct StatelessRule: Hashable, Sendable {
    /// The priority; lower is evaluated first.
    public var priority: Int
    /// Source blocks; empty matches any.
    public var sources: [IPv4Prefix]
    /// Destination blocks; empty matches any.
    public var destinations: [IPv4Prefix]
    /// Source ports; empty matches any.
    public var sourcePorts: [PortRange]
    /// Destination ports; empty matches any.
    public var destinationPorts: [PortRange]
    /// Protocol numbers; empty matches any.
    public var protocols: [IPProtocolNumber]
    /// The action.
    public var action: StatelessAction

    /// Creates a stateless rule.
    public init(
        priority: Int, sources: [IPv4Prefix] = [], destinations: [IPv4Prefix] = [],
        sourcePorts: [PortRange] = [],
        destinationPorts: [PortRange] = [], protocols: [IPProtocolNumber] = [], action: StatelessAction
    ) {
        self.priority = priority
        self.sources = sources
        self.destinations = destinations
        self.sourcePorts = sourcePorts
        self.destinationPorts = destinationPorts
        self.protocols = protocols
        self.action = action
    }
}

/// What a stateful rule does with a flow.
public enum StatefulAction: String, Hashable, Sendable, Codable {
    /// Allow the flow (its replies too).
    case pass
    /// Drop the flow.
    case drop
    /// Drop the flow and send a TCP reset.
    case reject
    /// Log and go on evaluating.
    case alert
}

/// A stateful 5-tuple rule (Suricata-compatible "standard" rule).
public struct StatefulRule: Hashable, Sendable {
    /// The action.
    public var action: StatefulAction
    /// The protocol; nil is `IP` (any).
    public var protocolNumber: IPProtocolNumber?
    /// Source block; nil is `ANY`.
    public var source: IPv4Prefix?
    /// Source port range; nil is `ANY`.
    public var sourcePort: PortRange?
    /// Destination block; nil is `ANY`.
    public var destination: IPv4Prefix?
    /// Destination port range; nil is `ANY`.
    public var destinationPort: PortRange?
    /// Whether the rule also matches the reverse direction (`ANY` direction).
    public var bidirectional: Bool

    /// Creates a stateful rule.
    public init(
        action: StatefulAction, protocolNumber: IPProtocolNumber? = nil, source: IPv4Prefix? = nil,
        sourcePort: PortRange? = nil, destination: IPv4Prefix? = nil, destinationPort: PortRange? = nil,
        bidirectional: Bool = false
    ) {
        self.action = action
        self.protocolNumber = protocolNumber
        self.source = source
        self.sourcePort = sourcePort
        self.destination = destination
        self.destinationPort = destinationPort
        self.bidirectional = bidirectional
    }
}

/// A firewall policy: stateless rules and default, stateful rules, rule order and defaults.
public struct FirewallPolicy: Hashable, Sendable {
    /// How stateful rules are ordered.
    public enum RuleOrder: String, Hashable, Sendable, Codable {
        /// Action order: all pass rules, then drop/reject, then alert.
        case defaultActionOrder = "DEFAULT_ACTION_ORDER"
        /// Strict order: rules in the order given, first decisive match wins, then the defaults.
        case strictOrder = "STRICT_ORDER"
    }

    /// The policy id or design name.
    public var id: String
    /// The display name.
    public var name: String
    /// Stateless rules.
    public var statelessRules: [StatelessRule]
    /// What happens to packets no stateless rule matches (full packets).
    public var statelessDefaultAction: StatelessAction
    /// Stateful rules, in the order given.
    public var statefulRules: [StatefulRule]
    /// Stateful rule order.
    public var ruleOrder: RuleOrder
    /// Strict order only: drop flows no stateful rule passes (`aws:drop_strict` / `aws:drop_established`).
    public var statefulDefaultDrop: Bool
    /// Tags.
    public var tags: Tags

    /// Creates a policy.
    public init(
        id: String, name: String, statelessRules: [StatelessRule], statelessDefaultAction: StatelessAction,
        statefulRules: [StatefulRule], ruleOrder: RuleOrder = .defaultActionOrder,
        statefulDefaultDrop: Bool = false,
        tags: Tags = [:]
    ) {
        self.id = id
        self.name = name
        self.statelessRules = statelessRules
        self.statelessDefaultAction = statelessDefaultAction
        self.statefulRules = statefulRules
        self.ruleOrder = ruleOrder
        self.statefulDefaultDrop = statefulDefaultDrop
        self.tags = tags
    }
}
