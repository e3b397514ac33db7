import ReachModel

/// Whether a DB forces clients onto TLS, from its (cluster) parameter group and the engine's
/// documented defaults.
///
/// - RDS for PostgreSQL: `rds.force_ssl`, default 1 from version 15, 0 before.
/// - Aurora PostgreSQL: `rds.force_ssl` in the cluster parameter group, default 0.
/// - RDS for MySQL and MariaDB, Aurora MySQL (cluster group): `require_secure_transport`, default OFF.
/// - RDS for SQL Server: `rds.force_ssl`, default 0.
/// - Oracle and Db2 set TLS in option groups, which the input does not carry: unknown.
enum TLSEnforcement: Equatable {
    case enforced
    case notEnforced(evidence: [String], fix: String)
    case unknown(String)

    /// The parameter that forces TLS on `engine`, and its default for `version`; nil for
    /// engines that do not set TLS in parameter groups. The default is nil when it depends
    /// on a version the input does not give.
    static func parameter(engine: String, version: String?) -> (name: String, defaultValue: String?)? {
        let engine = engine.lowercased()
        switch engine {
        case "postgres":
            guard let major = version.flatMap({ Int($0.split(separator: ".").first ?? "") }) else {
                return ("rds.force_ssl", nil)
            }
            return ("rds.force_ssl", major >= 15 ? "1" : "0")
        case "aurora-postgresql": return ("rds.force_ssl", "0")
        case "mysql", "mariadb", "aurora-mysql", "aurora": return ("require_secure_transport", "0")
        case let e where e.hasPrefix("sqlserver"): return ("rds.force_ssl", "0")
        default: return nil
        }
    }

    /// Whether `value` turns the parameter on (`1`, `ON`, `true`).
    static func isOn(_ value: String) -> Bool {
        ["1", "on", "true"].contains(value.lowercased())
    }

    static func judge(
        engine: String, settings: DBSettings, scope: DBParameterGroup.Scope, groups: [DBParameterGroup]
    ) -> TLSEnforcement {
        guard let parameter = parameter(engine: engine, version: settings.engineVersion) else {
            return .unknown(
                "engine \(engine) sets TLS outside parameter groups (option groups), which the input does not carry"
            )
        }
        let kind = scope == .cluster ? "DB cluster parameter group" : "DB parameter group"
        guard let name = settings.parameterGroupName else {
            return .unknown("the input does not name the \(kind)")
        }
        let group = groups.first { $0.name == name && $0.scope == scope }
        let value: String
        let source: String
        if let set = group?.parameters[parameter.name] {
            value = set
            source = "\(parameter.name) = \(set) in \(kind) \(name)"
        } else if group != nil || name.hasPrefix("default.") {
            guard let defaultValue = parameter.defaultValue else {
                return .unknown(
                    "the default of \(parameter.name) depends on the engine version, which the input does not give"
                )
            }
            value = defaultValue
            source = "\(parameter.name) not set in \(kind) \(name): engine default \(defaultValue)"
        } else {
            return .unknown("the parameters of \(kind) \(name) are not in the input")
        }
        if isOn(value) { return .enforced }
        let on = parameter.name == "rds.force_ssl" ? "1" : "ON"
        let fix =
            name.hasPrefix("default.")
            ? "Create a custom \(kind) with \(parameter.name)=\(on) and attach it (default groups cannot be modified)."
            : "Set \(parameter.name)=\(on) in \(kind) \(name)."
        return .notEnforced(evidence: [source], fix: fix)
    }
}
