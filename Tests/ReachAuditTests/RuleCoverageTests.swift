@testable import ReachAudit
import ReachNetwork
import Testing

@Suite("Rule coverage over addresses and traffic")
struct RuleCoverageTests {
    private func box(_ block: String, _ match: ProtocolMatch) throws -> RuleCoverage.Box {
        RuleCoverage.Box(block: try #require(IPv4Prefix(block)), traffic: TrafficSet(match))
    }

    @Test("a rule is covered by the union of others, not by any one of them")
    func unionCovers() throws {
        let subject = try box("10.0.0.0/16", .ports(.tcp, PortRange(5432)))
        let halves = [
            try box("10.0.0.0/17", .all),
            try box("10.0.128.0/17", .ports(.tcp, try #require(PortRange(5000, 6000)))),
        ]
        #expect(RuleCoverage.isCovered(subject, by: halves))
        #expect(!RuleCoverage.isCovered(subject, by: [halves[0]]))
        #expect(!RuleCoverage.isCovered(subject, by: [try box("10.0.0.0/16", .ports(.tcp, PortRange(5433)))]))
    }

    @Test("ICMP matches naming a code cover nothing, so all-code ICMP is never called covered by them")
    func icmpCodes() throws {
        let subject = try box("0.0.0.0/0", .icmp(type: 3, code: nil))
        let coverer = RuleCoverage.Box(
            block: IPv4Prefix.all, traffic: RuleCoverage.coveringTraffic(.icmp(type: 3, code: 0)))
        #expect(!RuleCoverage.isCovered(subject, by: [coverer]))
        #expect(!RuleCoverage.isComparable(.icmp(type: 3, code: 4)))
    }

    @Test("an ordered ACL allows everything only when no earlier deny takes a part")
    func allowsEverything() throws {
        let allowAll = (box: try box("0.0.0.0/0", .all), allows: true)
        let denySSH = (box: try box("0.0.0.0/0", .ports(.tcp, PortRange(22))), allows: false)
        #expect(RuleCoverage.allowsEverything([allowAll]))
        #expect(RuleCoverage.allowsEverything([allowAll, denySSH]))
        #expect(!RuleCoverage.allowsEverything([denySSH, allowAll]))
        #expect(!RuleCoverage.allowsEverything([(box: try box("10.0.0.0/8", .all), allows: true)]))
    }
}
