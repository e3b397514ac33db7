import ReachNetwork
import Testing

@Suite("Address, prefix, port and protocol parsing")
struct AddressParsingTests {
    @Test(
        "dotted quads parse; malformed ones do not",
        arguments: [
            ("10.0.1.7", UInt32(0x0A00_0107)), ("0.0.0.0", 0), ("255.255.255.255", UInt32.max),
        ])
    func validAddresses(text: String, value: UInt32) {
        #expect(IPv4Address(text)?.value == value)
        #expect(IPv4Address(text)?.description == text)
    }

    @Test(
        "malformed addresses are rejected",
        arguments: ["10.0.1", "10.0.1.256", "10.0.01.1", "a.b.c.d", "", "1.2.3.4.5", " 1.2.3.4"])
    func invalidAddresses(text: String) {
        #expect(IPv4Address(text) == nil)
    }

    @Test("CIDR blocks parse, and host bits set are rejected")
    func prefixes() throws {
        let prefix = try #require(IPv4Prefix("10.0.0.0/16"))
        #expect(prefix.length == 16)
        #expect(prefix.contains(try #require(IPv4Address("10.0.255.255"))))
        #expect(!prefix.contains(try #require(IPv4Address("10.1.0.0"))))
        #expect(IPv4Prefix("10.0.1.0/16") == nil)
        #expect(IPv4Prefix("10.0.0.0/33") == nil)
        #expect(IPv4Prefix("10.0.0.0") == nil)
        #expect(IPv4Prefix("0.0.0.0/0")?.contains(IPv4Address(UInt32.max)) == true)
        #expect(IPv4Prefix("10.0.0.0/8")?.contains(try #require(IPv4Prefix("10.1.0.0/16"))) == true)
    }

    @Test("port ranges parse N, N-M and all")
    func ports() {
        #expect(PortRange("5432") == PortRange(5432))
        #expect(PortRange("1024-65535") == PortRange.ephemeral)
        #expect(PortRange("all") == PortRange.all)
        #expect(PortRange("10-5") == nil)
        #expect(PortRange("70000") == nil)
        #expect(PortRange.ephemeral.description == "1024-65535")
    }

    @Test("protocols parse names and numbers")
    func protocols() {
        #expect(IPProtocolNumber("TCP") == .tcp)
        #expect(IPProtocolNumber("17") == .udp)
        #expect(IPProtocolNumber("icmp") == .icmp)
        #expect(IPProtocolNumber("256") == nil)
        #expect(IPProtocolNumber("gre") == nil)
    }

    @Test("an ICMP echo request's reply is an echo reply; tcp replies swap ports")
    func replies() throws {
        let a = try #require(IPv4Address("10.0.0.1"))
        let b = try #require(IPv4Address("10.0.0.2"))
        let tcp = Packet(
            source: a, destination: b, protocolNumber: .tcp, sourcePort: 40000, destinationPort: 5432)
        #expect(tcp.reply.sourcePort == 5432)
        #expect(tcp.reply.destinationPort == 40000)
        #expect(tcp.reply.source == b)
        let echo = Packet(source: a, destination: b, protocolNumber: .icmp, sourcePort: 0, destinationPort: 8)
        #expect(echo.reply.icmpType == 0)
    }

    @Test("protocol matches: all, port ranges, ICMP type and code")
    func matching() throws {
        let a = try #require(IPv4Address("10.0.0.1"))
        let packet = Packet(
            source: a, destination: a, protocolNumber: .tcp, sourcePort: 1, destinationPort: 443)
        #expect(ProtocolMatch.all.matches(packet))
        #expect(ProtocolMatch.ports(.tcp, PortRange(443)).matches(packet))
        #expect(!ProtocolMatch.ports(.udp, PortRange(443)).matches(packet))
        #expect(!ProtocolMatch.ports(.tcp, PortRange(444)).matches(packet))
        let ping = Packet(source: a, destination: a, protocolNumber: .icmp, sourcePort: 0, destinationPort: 8)
        #expect(ProtocolMatch.icmp(type: 8, code: nil).matches(ping))
        #expect(ProtocolMatch.icmp(type: nil, code: nil).matches(ping))
        #expect(!ProtocolMatch.icmp(type: 0, code: nil).matches(ping))
        #expect(!ProtocolMatch.icmp(type: 8, code: 1).matches(ping))
    }
}
