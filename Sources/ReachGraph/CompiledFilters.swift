import ReachModel
import ReachNetwork

/// What a compiled security group rule matches on the far side.
enum CompiledPeer: Hashable, Sendable {
    case addresses(IPv4AddressSet)
    case group(Int)
    case never
}

/// A security group rule ready for matching, with the text that names it in a path.
struct CompiledSecurityGroupRule: Sendable {
    let match: ProtocolMatch
    let peer: CompiledPeer
    let label: String
}

/// A security group with rules compiled per direction.
///
/// A class, immutable once compiled: the graph holds thousands, and a graph patched for one
/// edited group copies the whole array. As references that copy (and freeing it) touches one
/// count per group rather than one per string and rule list in it.
final class CompiledSecurityGroup: Sendable {
    let ref: ComponentRef
    let vpc: Int
    /// False for a group that interfaces carry but the input does not describe: its rules are
    /// unknown, so a flow no known rule allows is `unknown`, not denied.
    let isKnown: Bool
    let ingress: [CompiledSecurityGroupRule]
    let egress: [CompiledSecurityGroupRule]

    init(
        ref: ComponentRef, vpc: Int, isKnown: Bool = true, ingress: [CompiledSecurityGroupRule],
        egress: [CompiledSecurityGroupRule]
    ) {
        self.ref = ref
        self.vpc = vpc
        self.isKnown = isKnown
        self.ingress = ingress
        self.egress = egress
    }

    func rules(_ direction: TrafficDirection) -> [CompiledSecurityGroupRule] {
        direction == .ingress ? ingress : egress
    }
}

/// A network ACL entry ready for matching.
struct CompiledACLEntry: Sendable {
    let ruleNumber: Int
    let action: RuleAction
    let match: ProtocolMatch
    let prefix: IPv4Prefix
    let label: String
}

/// A network ACL with entries sorted by rule number per direction (S-NACL-2).
struct CompiledNetworkACL: Sendable {
    let ref: ComponentRef
    let inbound: [CompiledACLEntry]
    let outbound: [CompiledACLEntry]

    /// The entries of one side.
    func entries(outbound isOutbound: Bool) -> [CompiledACLEntry] {
        isOutbound ? outbound : inbound
    }

    /// S-NACL-2: the first entry, in rule-number order, that matches `packet` sent to or received
    /// from `peer`; nil when none does and the final rule denies it.
    func decidingEntry(for packet: Packet, peer: IPv4Address, outbound isOutbound: Bool) -> CompiledACLEntry?
    {
        entries(outbound: isOutbound).first { $0.match.matches(packet) && $0.prefix.contains(peer) }
    }
}
