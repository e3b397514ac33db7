import ReachAWSSnapshot
import ReachAudit
import ReachGraph
import ReachModel
import Testing

@Suite("reach audit on moto-made AWS snapshots")
struct SnapshotAuditTests {
    private func load(_ folder: String) throws -> Topology {
        try AWSSnapshotLoader.load(directory: Folders.awsFixtures.appendingPathComponent(folder).path)
            .topology
    }

    @Test("the importer reads encryption, Multi-AZ, backups, parameter groups and their values")
    func importsSettings() throws {
        let topology = try load("moto-snapshot")
        let orders = try #require(topology.dbInstances.first { $0.id == "orders-db" })
        #expect(
            orders.settings
                == DBSettings(
                    engineVersion: "16.3", storageEncrypted: true, multiAZ: false, backupRetentionDays: 1,
                    parameterGroupName: "orders-params"))
        let ledger = try #require(topology.dbClusters.first { $0.id == "ledger" })
        #expect(ledger.settings.parameterGroupName == "ledger-cluster-params")
        #expect(ledger.settings.multiAZ == true)
        let groups = Dictionary(
            uniqueKeysWithValues: topology.dbParameterGroups.map { ("\($0.scope)/\($0.name)", $0) })
        #expect(groups["instance/orders-params"]?.parameters == ["rds.force_ssl": "1"])
        #expect(groups["instance/orders-params"]?.family == "postgres16")
        #expect(groups["cluster/ledger-cluster-params"]?.parameters == ["rds.force_ssl": "1"])
        #expect(groups["instance/default.aurora-postgresql16"]?.parameters == [:])
    }

    @Test("the well-kept moto network yields no finding and decides every check")
    func noFalsePositives() throws {
        let report = Auditor(graph: ForwardingGraph(try load("moto-snapshot"))).run()
        #expect(report.findings.isEmpty, "\(report.findings.map(\.fingerprint))")
        #expect(report.gaps.isEmpty, "\(report.gaps)")
        #expect(report.databasesAudited == 3)
    }

    @Test("the neglected moto network: each flaw found on AWS's own shapes, the unknown address not guessed")
    func neglectedNetwork() throws {
        let report = Auditor(graph: ForwardingGraph(try load("moto-audit-snapshot"))).run()
        let found = Set(report.findings.map { "\($0.rule.id)/\($0.resource.name)" })
        let expected: Set<String> = [
            "DB_PUBLICLY_ACCESSIBLE/legacy-db", "SG_DB_PORT_OPEN_TO_WORLD/legacy-db-sg",
            "DB_STORAGE_NOT_ENCRYPTED/legacy-db", "DB_SUBNET_ROUTES_TO_IGW/legacy-db",
            "DB_SUBNET_ROUTES_TO_IGW/reports-db", "SG_DB_PORT_OPEN_TO_WIDE_CIDR/reports-db-sg",
            "DB_TLS_NOT_ENFORCED/legacy-db", "DB_TLS_NOT_ENFORCED/reports-db",
            "DB_SINGLE_AZ_IN_PRODUCTION/legacy-db",
            "DB_NO_AUTOMATED_BACKUPS/legacy-db", "NACL_ALLOWS_ALL_INTO_DB_SUBNET/legacy-db-nacl",
            "SG_UNUSED/stale-sg", "SG_RULE_REDUNDANT/reports-db-sg", "NACL_ENTRY_SHADOWED/legacy-db-nacl",
            "NACL_UNUSED/spare-nacl",
        ]
        #expect(
            found == expected,
            "missing \(expected.subtracting(found)); unexpected \(found.subtracting(expected))")
        #expect(report.findings.count == 16, "the ACL finding is per DB subnet: two")
        // moto makes no RDS interfaces, so the public DB's address is unknown: not decided, not guessed.
        #expect(report.gaps.map(\.rule) == [.dbReachableFromInternet])
        #expect(report.gaps.first?.reason.contains("ADDRESS_NOT_KNOWN") == true)
        let tls = report.findings.filter { $0.rule == .dbTLSNotEnforced }.flatMap(\.evidence)
        #expect(tls.contains("rds.force_ssl = 0 in DB parameter group reports-params"))
        #expect(
            tls.contains(
                "require_secure_transport not set in DB parameter group default.mysql8.0: engine default 0"))
    }
}
