import ReachModel
import ReachNetwork

/// Evaluates an AWS Network Firewall policy on packets: stateless rules per packet by priority,
/// then, for packets forwarded to it, the stateful engine with its rule order and defaults.
struct FirewallPolicyEvaluator: Sendable {
    let policyRef: ComponentRef
    private let stateless: [StatelessRule]
    private let statelessDefault: StatelessAction
    private let stateful: [(rule: StatefulRule, index: Int)]
    private let ruleOrder: FirewallPolicy.RuleOrder
    private let strictDefaultDrop: Bool

    init(_ policy: FirewallPolicy) {
        policyRef = ComponentRef(.firewallPolicy, id: policy.id, name: policy.name)
        stateless = policy.statelessRules.sorted { $0.priority < $1.priority }
        statelessDefault = policy.statelessDefaultAction
        stateful = policy.statefulRules.enumerated().map { ($1, $0 + 1) }
        ruleOrder = policy.ruleOrder
        strictDefaultDrop = policy.statefulDefaultDrop
    }

    /// The stateless verdict for one packet and the rule that gave it.
    func statelessAction(for packet: Packet) -> (action: StatelessAction, rule: String) {
        for rule in stateless where Self.matches(rule, packet) {
            return (rule.action, "stateless rule priority \(rule.priority): \(rule.action.rawValue)")
        }
        return (statelessDefault, "stateless default action: \(statelessDefault.rawValue)")
    }

    /// The stateful verdict for a new flow that starts with `packet`, and the rule that gave it.
    func statefulVerdict(for packet: Packet) -> (passes: Bool, rule: String) {
        let matching = stateful.filter { Self.matches($0.rule, packet) }
        switch ruleOrder {
        case .defaultActionOrder:
            // Action order: pass rules first, then drop and reject; alerts never decide.
            if let pass = matching.first(where: { $0.rule.action == .pass }) {
                return (true, "stateful rule #\(pass.index): pass")
            }
            if let drop = matching.first(where: { $0.rule.action == .drop || $0.rule.action == .reject }) {
                return (false, "stateful rule #\(drop.index): \(drop.rule.action.rawValue)")
            }
            return (true, "no stateful rule decides: the flow passes")
        case .strictOrder:
            if let decisive = matching.first(where: { $0.rule.action != .alert }) {
                return (
                    decisive.rule.action == .pass,
                    "stateful rule #\(decisive.index): \(decisive.rule.action.rawValue)"
                )
            }
            return strictDefaultDrop
                ? (false, "stateful default action: aws:drop_strict")
                : (true, "no stateful rule decides: the flow passes")
        }
    }

    private static func matches(_ rule: StatelessRule, _ packet: Packet) -> Bool {
        if !rule.protocols.isEmpty, !rule.protocols.contains(packet.protocolNumber) { return false }
        if !rule.sources.isEmpty, !rule.sources.contains(where: { $0.contains(packet.source) }) {
            return false
        }
        if !rule.destinations.isEmpty, !rule.destinations.contains(where: { $0.contains(packet.destination) })
        {
            return false
        }
        if packet.protocolNumber.hasPorts {
            if !rule.sourcePorts.isEmpty,
                !rule.sourcePorts.contains(where: { $0.contains(packet.sourcePort) })
            {
                return false
            }
            if !rule.destinationPorts.isEmpty,
                !rule.destinationPorts.contains(where: { $0.contains(packet.destinationPort) })
            {
                return false
            }
        }
        return true
    }

    private static func matches(_ rule: StatefulRule, _ packet: Packet) -> Bool {
        matchesOneWay(rule, packet) || (rule.bidirectional && matchesOneWay(rule, packet.reply))
    }

    private static func matchesOneWay(_ rule: StatefulRule, _ packet: Packet) -> Bool {
        if let proto = rule.protocolNumber, proto != packet.protocolNumber { return false }
        if let source = rule.source, !source.contains(packet.source) { return false }
        if let destination = rule.destination, !destination.contains(packet.destination) { return false }
        if packet.protocolNumber.hasPorts {
            if let port = rule.sourcePort, !port.contains(packet.sourcePort) { return false }
            if let port = rule.destinationPort, !port.contains(packet.destinationPort) { return false }
        }
        return true
    }
}
