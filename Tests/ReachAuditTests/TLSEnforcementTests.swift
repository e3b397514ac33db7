@testable import ReachAudit
import ReachModel
import Testing

@Suite("TLS enforcement from parameter groups and engine defaults")
struct TLSEnforcementTests {
    private func judge(
        _ engine: String, version: String?, group: String?, parameters: [String: String]? = nil,
        scope: DBParameterGroup.Scope = .instance
    ) -> TLSEnforcement {
        let groups =
            parameters.map { [DBParameterGroup(name: group ?? "", scope: scope, parameters: $0)] } ?? []
        return TLSEnforcement.judge(
            engine: engine, settings: DBSettings(engineVersion: version, parameterGroupName: group),
            scope: scope,
            groups: groups)
    }

    @Test("RDS for PostgreSQL forces TLS by default from version 15, not before")
    func postgresDefaults() {
        #expect(judge("postgres", version: "16.3", group: "default.postgres16") == .enforced)
        guard case .notEnforced = judge("postgres", version: "14.10", group: "default.postgres14") else {
            Issue.record("postgres 14's default group does not force TLS")
            return
        }
        guard case .unknown = judge("postgres", version: nil, group: "default.postgres16") else {
            Issue.record("without a version the default is not known")
            return
        }
    }

    @Test("a value set in the group wins over the engine default")
    func explicitValues() {
        #expect(
            judge("postgres", version: "14.1", group: "p", parameters: ["rds.force_ssl": "1"]) == .enforced)
        guard
            case .notEnforced(let evidence, _) = judge(
                "postgres", version: "16.1", group: "p", parameters: ["rds.force_ssl": "0"])
        else {
            Issue.record("rds.force_ssl=0 turns TLS enforcement off")
            return
        }
        #expect(evidence == ["rds.force_ssl = 0 in DB parameter group p"])
        #expect(
            judge("mysql", version: "8.0.35", group: "m", parameters: ["require_secure_transport": "ON"])
                == .enforced)
        #expect(
            judge(
                "aurora-mysql", version: "3.05", group: "c", parameters: ["require_secure_transport": "1"],
                scope: .cluster)
                == .enforced)
    }

    @Test("MySQL, MariaDB, Aurora and SQL Server leave TLS optional by default")
    func optionalByDefault() {
        for engine in ["mysql", "mariadb", "aurora-postgresql", "aurora-mysql", "sqlserver-se"] {
            guard case .notEnforced = judge(engine, version: "1", group: "g", parameters: [:]) else {
                Issue.record("\(engine): the default leaves TLS optional")
                continue
            }
        }
    }

    @Test("what the input lacks is unknown, never guessed")
    func unknowns() {
        let instanceGroup = [
            DBParameterGroup(name: "shared", scope: .instance, parameters: ["rds.force_ssl": "1"])
        ]
        let verdicts: [TLSEnforcement] = [
            judge("oracle-ee", version: "19", group: "default.oracle-ee-19"),
            judge("postgres", version: "16.1", group: nil),
            judge("postgres", version: "16.1", group: "custom-not-collected"),
            // A cluster's TLS lives in its cluster parameter group, not an instance group of that name.
            TLSEnforcement.judge(
                engine: "aurora-postgresql",
                settings: DBSettings(engineVersion: "16.1", parameterGroupName: "shared"),
                scope: .cluster, groups: instanceGroup),
        ]
        for verdict in verdicts {
            guard case .unknown = verdict else {
                Issue.record("expected unknown, got \(verdict)")
                continue
            }
        }
    }
}
