import ReachModel
import ReachNetwork

extension ForwardingGraph {
    /// Every protocol match used by a security group rule or network ACL entry.
    var allMatchesForAnalysis: [ProtocolMatch] { allMatches }

    private var allMatches: [ProtocolMatch] {
        topology.securityGroups.flatMap { ($0.ingress + $0.egress).map(\.match) }
            + topology.networkACLs.flatMap { $0.entries.map(\.match) }
    }

    /// One destination port per class of ports that every rule treats alike, for `--protocol all`.
    var destinationPortClasses: [UInt16] {
        var boundaries: Set<UInt16> = [0]
        for case .ports(_, let range) in allMatches {
            boundaries.insert(range.lowerBound)
            if range.upperBound != UInt16.max { boundaries.insert(range.upperBound + 1) }
        }
        return boundaries.sorted()
    }

    /// One ICMP type per class: each type a rule names, and one no rule names.
    var icmpTypeClasses: [UInt8] {
        var named: Set<UInt8> = []
        for case .icmp(let type?, _) in allMatches { named.insert(type) }
        let unnamed = (UInt8(0)...UInt8.max).first { !named.contains($0) }
        return (named.sorted() + [unnamed].compactMap { $0 })
    }

    /// A protocol number no rule names (other than tcp, udp and icmp), to stand for the rest.
    var unlistedProtocol: IPProtocolNumber {
        var named: Set<UInt8> = [
            IPProtocolNumber.tcp.number, IPProtocolNumber.udp.number, IPProtocolNumber.icmp.number,
        ]
        for case .other(let proto) in allMatches { named.insert(proto.number) }
        let free =
            [UInt8(47), 50, 51, 132].first { !named.contains($0) }
            ?? (UInt8(2)...UInt8.max).first { !named.contains($0) }
        return IPProtocolNumber(free ?? 255)
    }
}

extension ForwardingGraph {
    /// Protocols other than tcp, udp and icmp that some rule names.
    var namedOtherProtocols: [IPProtocolNumber] {
        var named: Set<IPProtocolNumber> = []
        for case .other(let proto) in allMatchesForAnalysis
        where proto != .tcp && proto != .udp && proto != .icmp {
            named.insert(proto)
        }
        return named.sorted()
    }
}
