import ReachModel
import ReachNetwork

/// The words of a quick flag's text, read left to right; every failure says what was
/// expected at that word.
struct InlineWords {
    /// The flag's text, for messages.
    let text: String
    /// Which flag.
    let kind: InlineChangeKind
    /// The words, split at whitespace.
    private let words: [String]
    /// The index of the next word.
    private var position = 0

    /// The words of `text`.
    init(text: String, kind: InlineChangeKind) {
        self.text = text
        self.kind = kind
        self.words = text.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// How many words are left.
    var remaining: Int { words.count - position }

    /// The next word, which must be there: `expected` describes it.
    mutating func next(_ expected: String) throws(TopologyChangeError) -> String {
        guard position < words.count else {
            let after = position == 0 ? "" : " after '\(words[position - 1])'"
            throw failure("expected \(expected)\(after), found nothing")
        }
        position += 1
        return words[position - 1]
    }

    /// Fails unless every word was read.
    func end() throws(TopologyChangeError) {
        guard position < words.count else { return }
        throw failure("unexpected '\(words[position...].joined(separator: " "))' at the end")
    }

    /// `ingress` or `egress`.
    mutating func direction() throws(TopologyChangeError) -> TrafficDirection {
        let expected = "ingress or egress"
        let word = try next(expected)
        guard let direction = TrafficDirection(rawValue: word.lowercased()) else {
            throw failure("expected \(expected), found '\(word)'")
        }
        return direction
    }

    /// An IPv4 address, or `none` for no address.
    mutating func publicAddress() throws(TopologyChangeError) -> IPv4Address? {
        let expected = "an IPv4 address such as 54.239.0.10, or none"
        let word = try next(expected)
        if word.lowercased() == "none" { return nil }
        guard let address = IPv4Address(word) else { throw failure("expected \(expected), found '\(word)'") }
        return address
    }

    /// `true` or `false`.
    mutating func boolean() throws(TopologyChangeError) -> Bool {
        let expected = "true or false"
        let word = try next(expected)
        switch word.lowercased() {
        case "true": return true
        case "false": return false
        default: throw failure("expected \(expected), found '\(word)'")
        }
    }

    /// `allow` or `deny`.
    mutating func action() throws(TopologyChangeError) -> RuleAction {
        let expected = "allow or deny"
        let word = try next(expected)
        guard let action = RuleAction(rawValue: word.lowercased()) else {
            throw failure("expected \(expected), found '\(word)'")
        }
        return action
    }

    /// A network ACL rule number.
    mutating func ruleNumber() throws(TopologyChangeError) -> Int {
        let expected = "a rule number from 1 to 32766"
        let word = try next(expected)
        guard let number = Int(word), Topology.aclRuleNumbers.contains(number) else {
            throw failure("expected \(expected), found '\(word)'")
        }
        return number
    }

    /// PROTOCOL and, as the protocol needs, PORTS or an ICMP `TYPE[:CODE]`; `wordsAfter` is
    /// how many words must follow, which tells an ICMP type from the peer.
    mutating func protocolMatch(wordsAfter: Int) throws(TopologyChangeError) -> ProtocolMatch {
        let expected = "a protocol: tcp, udp, icmp, all (or -1), or a number from 0 to 255"
        let word = try next(expected).lowercased()
        if word == "all" || word == "-1" { return .all }
        guard let number = IPProtocolNumber(word) else {
            throw failure("expected \(expected), found '\(word)'")
        }
        if number.hasPorts {
            let expectedPorts = "a port (5432), a port range (1024-65535) or all for \(number)"
            let ports = try next(expectedPorts)
            guard let range = PortRange(ports.lowercased()) else {
                throw failure("expected \(expectedPorts), found '\(ports)'")
            }
            return .ports(number, range)
        }
        guard number == .icmp else { return .other(number) }
        guard remaining > wordsAfter else { return .icmp(type: nil, code: nil) }
        return try icmpTypeAndCode(try next("an ICMP type"))
    }

    /// `TYPE` or `TYPE:CODE`, each 0-255 or -1 for any.
    private func icmpTypeAndCode(_ word: String) throws(TopologyChangeError) -> ProtocolMatch {
        let parts = word.split(separator: ":", omittingEmptySubsequences: false)
        let numbers = parts.map { Int($0) }
        guard parts.count <= 2, numbers.allSatisfy({ $0.map { (-1...255).contains($0) } ?? false }) else {
            throw failure(
                "expected an ICMP type (0-255, -1 for any) or TYPE:CODE such as 3:4, found '\(word)'")
        }
        let values = numbers.map { $0.flatMap { $0 < 0 ? nil : UInt8($0) } }
        let type = values.first ?? nil
        let code = values.count == 2 ? values[1] : nil
        if code != nil, type == nil { throw failure("an ICMP code needs an ICMP type, found '\(word)'") }
        return .icmp(type: type, code: code)
    }

    /// A security group rule's peer: a CIDR block, a prefix list (`pl-…`) or a security group.
    mutating func peer() throws(TopologyChangeError) -> SecurityGroupPeer {
        let word = try next("a peer: a CIDR block, a prefix list or a security group")
        if word.contains(":"), word.contains("/") { return .ipv6CIDR(word) }
        if Self.looksLikeAddress(word) { return .cidr(try prefix(word)) }
        return word.hasPrefix("pl-") ? .prefixList(word) : .securityGroup(word)
    }

    /// A route destination: a CIDR block, or a prefix list by name or id.
    mutating func destination() throws(TopologyChangeError) -> RouteDestination {
        let word = try next("a destination: a CIDR block or a prefix list")
        return Self.looksLikeAddress(word) ? .cidr(try prefix(word)) : .prefixList(word)
    }

    /// `word` as an IPv4 CIDR block with no host bits set.
    func prefix(_ word: String) throws(TopologyChangeError) -> IPv4Prefix {
        if let prefix = IPv4Prefix(word) { return prefix }
        let parts = word.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2, let address = IPv4Address(parts[0]), let length = UInt8(parts[1]), length <= 32 {
            // Name the block with its host bits cleared: usually the one meant.
            let network = IPv4Prefix(containing: address, length: length)
            throw failure("expected a CIDR block with no host bits set, such as \(network), found '\(word)'")
        }
        throw failure("expected an IPv4 CIDR block such as 10.0.1.0/24, found '\(word)'")
    }

    /// Whether a word is written as an address or block rather than as a name (as the topology
    /// format tells them apart).
    private static func looksLikeAddress(_ word: String) -> Bool {
        word.contains("/") || (word.first?.isNumber == true && word.contains("."))
    }

    /// The error for this flag's text.
    private func failure(_ problem: String) -> TopologyChangeError {
        .invalidInline(kind: kind, text: text, problem: problem)
    }
}
