import ReachAudit
import ReachTopologyFile
import Testing

@Suite("Audit policy files")
struct AuditPolicyLoaderTests {
    @Test("every key is read")
    func readsEverything() throws {
        let policy = try AuditPolicyLoader.load(
            yaml: """
                severities:
                  SG_DB_PORT_OPEN_TO_WIDE_CIDR: high
                  NACL_ENTRY_SHADOWED: off
                environmentTags: [stage]
                productionEnvironments: [live]
                wideCidrPrefixLength: 12
                allowedSources:
                  - to: orders-db
                    from: [corp-office, 10.50.0.0/16]
                suppressions:
                  - rule: DB_NO_AUTOMATED_BACKUPS
                    resource: reports-replica
                    reason: a read replica
                """, file: "policy.yaml")
        #expect(policy.severity(of: .securityGroupOpenToWideCIDR) == .high)
        #expect(policy.severity(of: .dbPubliclyAccessible) == .high)
        #expect(policy.disabledRules == [.networkACLEntryShadowed])
        #expect(policy.environmentTagKeys == ["stage"])
        #expect(policy.productionEnvironments == ["live"])
        #expect(policy.wideCIDRPrefixLength == 12)
        #expect(policy.allowedSources.count == 1)
        #expect(policy.allowedSources.first?.sources.map(\.description) == ["corp-office"])
        #expect(policy.allowedSources.first?.addresses.prefixes.map(\.description) == ["10.50.0.0/16"])
        #expect(
            policy.suppressions == [
                Suppression(
                    rule: .dbNoAutomatedBackups, resource: "reports-replica", reason: "a read replica")
            ])
    }

    @Test("an empty file is the default policy")
    func emptyFile() throws {
        #expect(try AuditPolicyLoader.load(yaml: "", file: "empty.yaml") == AuditPolicy())
    }

    @Test("bad input names the file, the place and what was expected")
    func errors() {
        let cases: [(String, String)] = [
            ("severities: {NOT_A_RULE: high}", "a rule id"),
            ("severities: {SG_UNUSED: urgent}", "info, low, medium, high, critical, off"),
            ("suppressions:\n  - {rule: SG_UNUSED, resource: sg-1}", "reason"),
            ("allowedSources:\n  - {to: db, from: [10.0.0.0/33]}", "an IPv4 CIDR block"),
            ("colour: red", "unknown key 'colour'"),
        ]
        for (yaml, expected) in cases {
            do {
                _ = try AuditPolicyLoader.load(yaml: yaml, file: "policy.yaml")
                Issue.record("accepted: \(yaml)")
            } catch {
                #expect("\(error)".hasPrefix("policy.yaml:"), "\(error)")
                #expect("\(error)".contains(expected), "\(error)")
            }
        }
    }
}
