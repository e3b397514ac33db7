import ReachAudit
import ReachGraph
import Testing

@Suite("reach audit on the bundled designs")
struct BundledDesignAuditTests {
    @Test("the well-configured three-tier design yields no finding and decides every check")
    func cleanDesign() throws {
        let (report, _) = try auditDesign("three-tier")
        #expect(report.findings.isEmpty, "\(report.findings.map(\.fingerprint))")
        #expect(report.gaps.isEmpty, "\(report.gaps)")
        #expect(report.databasesAudited == 3)
    }

    @Test("audit-gallery trips every rule but on-prem reach, each on the resource at fault")
    func galleryFindsEveryFlaw() throws {
        let (report, _) = try auditDesign("audit-gallery")
        let expected: [(AuditRule, String, String)] = [
            (.dbPubliclyAccessible, "billing-db", ""),
            (.dbSubnetRoutesToInternetGateway, "billing-db", ""),
            (.dbSubnetRoutesToInternetGateway, "ledger-db", ""),
            (.securityGroupOpenToWorld, "billing-db-sg", "ingress-1"),
            (.securityGroupOpenToWideCIDR, "ledger-db-sg", "ingress-1"),
            (.networkACLAllowsAllIntoDBSubnet, "db-nacl", "db-a"),
            (.networkACLAllowsAllIntoDBSubnet, "db-nacl", "db-b"),
            (.dbReachableFromInternet, "billing-db", "internet"),
            (.dbReachableFromOtherEnvironment, "billing-db", "dev-vpc"),
            (.dbReachableFromOtherEnvironment, "ledger-db", "dev-vpc"),
            (.dbStorageNotEncrypted, "billing-db", ""),
            (.dbTLSNotEnforced, "billing-db", ""),
            (.dbTLSNotEnforced, "ledger-db", ""),
            (.dbSingleAZInProduction, "billing-db", ""),
            (.dbNoAutomatedBackups, "billing-db", ""),
            (.securityGroupUnused, "old-batch-sg", ""),
            (.securityGroupRuleUnused, "ledger-db-sg", "ingress-3"),
            (.securityGroupRuleRedundant, "ledger-db-sg", "ingress-2"),
            (.networkACLEntryShadowed, "db-nacl", "inbound-200"),
            (.networkACLUnused, "spare-nacl", ""),
        ]
        let found = Set(report.findings.map { "\($0.rule.id)/\($0.resource.id)/\($0.detail)" })
        let wanted = Set(expected.map { "\($0.0.id)/\($0.1)/\($0.2)" })
        #expect(
            found == wanted, "missing \(wanted.subtracting(found)); unexpected \(found.subtracting(wanted))")
        #expect(
            Set(report.findings.map(\.rule)) == Set(AuditRule.allCases).subtracting([.dbReachableFromOnPrem]))
        #expect(report.gaps.isEmpty, "\(report.gaps)")
    }

    @Test("each finding carries the evidence that shows it")
    func galleryEvidence() throws {
        let (report, _) = try auditDesign("audit-gallery")
        let open = try #require(report.findings(.securityGroupOpenToWorld).first)
        #expect(open.evidence.contains("ingress rule 1: tcp 3306 from 0.0.0.0/0"))
        #expect(open.severity == .high)
        let shadowed = try #require(report.findings(.networkACLEntryShadowed).first)
        #expect(shadowed.message.contains("the other way"))
        #expect(shadowed.evidence.contains("decided first by inbound 100: allow all traffic from 0.0.0.0/0"))
        let redundant = try #require(report.findings(.securityGroupRuleRedundant).first)
        #expect(redundant.evidence.contains("covered by ingress rule 1: tcp 5432 from 10.0.0.0/8"))
        let tls = report.findings(.dbTLSNotEnforced)
        #expect(tls.contains { $0.evidence == ["rds.force_ssl = 0 in DB parameter group ledger-params"] })
        #expect(
            tls.contains {
                $0.evidence == [
                    "require_secure_transport not set in DB parameter group default.mysql8.0: engine default 0"
                ]
            })
        let igw = try #require(report.findings(.dbSubnetRoutesToInternetGateway).first)
        #expect(igw.evidence.contains { $0.contains("0.0.0.0/0 -> prod-igw") })
    }

    @Test("reachability findings carry a witness that re-traces as reachable to the DB port")
    func witnessesRetrace() throws {
        let (report, auditor) = try auditDesign("audit-gallery")
        let solverRules: Set<AuditRule> = [.dbReachableFromInternet, .dbReachableFromOtherEnvironment]
        let solverFindings = report.findings.filter { solverRules.contains($0.rule) }
        #expect(solverFindings.count == 3)
        for finding in solverFindings {
            let witness = try #require(finding.witness, "\(finding.fingerprint)")
            let trace = auditor.analyzer.trace(witness)
            #expect(trace.verdict == .reachable, "\(finding.fingerprint)")
            let port: UInt16 = finding.resource.id == "billing-db" ? 3306 : 5432
            #expect(witness.packet.destinationPort == port)
        }
    }

    @Test("on-prem sites that reach Aurora members are findings until the policy allows them")
    func onPremReach() throws {
        let (report, _) = try auditDesign("hybrid-aurora")
        let onPrem = report.findings(.dbReachableFromOnPrem)
        #expect(Set(onPrem.map { "\($0.resource.id)/\($0.detail)" }).count == 4)
        #expect(onPrem.allSatisfy { $0.witness != nil })

        var policy = AuditPolicy()
        policy.allowedSources = [
            AllowedSources(
                destinations: try EndpointSelector("ledger"), sources: [try EndpointSelector("dc1")],
                addresses: IPv4AddressSetParsing.set(["192.168.10.0/24"]))
        ]
        let (allowed, _) = try auditDesign("hybrid-aurora", policy: policy)
        #expect(
            allowed.findings(.dbReachableFromOnPrem).isEmpty,
            "\(allowed.findings(.dbReachableFromOnPrem).map(\.evidence))")

        // Allowing only part of the branch's addresses leaves the rest as a finding.
        policy.allowedSources[0].addresses = IPv4AddressSetParsing.set(["192.168.10.0/25"])
        let (partial, _) = try auditDesign("hybrid-aurora", policy: policy)
        let remaining = partial.findings(.dbReachableFromOnPrem)
        #expect(!remaining.isEmpty)
        #expect(remaining.allSatisfy { $0.message.contains("branch-office") })
        #expect(remaining.allSatisfy { $0.evidence.first == "reaching addresses: 192.168.10.128/25" })
    }

    @Test("a policy overrides severities, turns rules off and suppresses findings with a reason")
    func policyApplies() throws {
        var policy = AuditPolicy()
        policy.severities[.networkACLUnused] = .high
        policy.disabledRules = [.networkACLEntryShadowed]
        policy.suppressions = [
            Suppression(
                rule: .securityGroupUnused, resource: "old-batch-sg", reason: "kept for the Q3 migration")
        ]
        let (report, _) = try auditDesign("audit-gallery", policy: policy)
        #expect(report.findings(.networkACLUnused).map(\.severity) == [.high])
        #expect(report.findings(.networkACLEntryShadowed).isEmpty)
        #expect(!report.rulesRun.contains(.networkACLEntryShadowed))
        #expect(report.findings(.securityGroupUnused).isEmpty)
        #expect(report.suppressed.map(\.reason) == ["kept for the Q3 migration"])
        #expect(report.suppressed.map(\.finding.rule) == [.securityGroupUnused])
    }

    @Test("findings are ordered most severe first")
    func ordering() throws {
        let (report, _) = try auditDesign("audit-gallery")
        let severities = report.findings.map(\.severity)
        #expect(severities == severities.sorted(by: >))
        #expect(report.findings.first?.rule == .dbReachableFromInternet)
    }
}
