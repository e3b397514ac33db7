import ReachNetwork

extension TrafficSet {
    /// The traffic of `flowProtocol` to `ports` (every port when nil); nil when ports are given
    /// for a protocol without ports (ICMP, or a protocol number other than tcp and udp).
    public init?(_ flowProtocol: FlowProtocol, ports: PortRange?) {
        let portSet = ports.map { IntervalSet($0.closedRange) } ?? .full
        switch flowProtocol {
        case .all:
            self = ports == nil ? .all : TrafficSet(tcpPorts: portSet, udpPorts: portSet)
        case .single(let proto) where proto.hasPorts:
            self = TrafficSet(ports: portSet, of: proto)
        case .single(let proto):
            guard ports == nil else { return nil }
            self = TrafficSet(protocol: proto)
        }
    }
}
