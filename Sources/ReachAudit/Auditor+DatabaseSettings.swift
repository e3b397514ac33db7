import ReachGraph
import ReachModel

extension Auditor {
    /// Encryption, TLS, Multi-AZ and backups: of each standalone DB instance, and of each Aurora
    /// cluster (where Aurora keeps them).
    func databaseSettings(_ context: AuditContext, into sink: inout FindingSink) {
        for db in context.topology.dbInstances where db.clusterID.flatMap({ context.clusters[$0] }) == nil {
            check(
                settings: db.settings, engine: db.engine, scope: .instance, resource: context.ref(db),
                isProduction: context.isProduction(db), isMultiAZ: db.settings.multiAZ, context, into: &sink)
        }
        // Members by cluster, gathered once rather than scanned per cluster.
        let membersByCluster = Dictionary(
            grouping: context.topology.dbInstances.filter { $0.clusterID != nil }
        ) {
            $0.clusterID ?? ""
        }
        for cluster in context.topology.dbClusters {
            let members = membersByCluster[cluster.id] ?? []
            let zones = Set(members.compactMap { context.subnets[$0.subnetID]?.availabilityZone })
            // Aurora's MultiAZ says whether replicas run in more than one AZ; a design may omit it.
            let multiAZ = cluster.settings.multiAZ ?? (members.isEmpty ? nil : zones.count > 1)
            let isProduction =
                context.environment(in: cluster.tags).map(context.policy.productionEnvironments.contains)
                ?? members.contains(where: context.isProduction)
            check(
                settings: cluster.settings, engine: cluster.engine, scope: .cluster,
                resource: context.ref(cluster),
                isProduction: isProduction, isMultiAZ: multiAZ, context, into: &sink)
        }
    }

    private func check(
        settings: DBSettings, engine: String, scope: DBParameterGroup.Scope, resource: ComponentRef,
        isProduction: Bool, isMultiAZ: Bool?, _ context: AuditContext, into sink: inout FindingSink
    ) {
        let kind = scope == .cluster ? "DB cluster" : "DB instance"
        switch settings.storageEncrypted {
        case false?:
            sink.report(
                AuditFinding(
                    rule: .dbStorageNotEncrypted, resource: resource,
                    message: "\(kind) \(resource) stores its data unencrypted.",
                    evidence: ["StorageEncrypted is false"]))
        case nil:
            sink.cannotDecide(
                .dbStorageNotEncrypted, for: resource, because: "the input does not give StorageEncrypted")
        case true?:
            break
        }
        switch TLSEnforcement.judge(
            engine: engine, settings: settings, scope: scope, groups: context.topology.dbParameterGroups)
        {
        case .enforced:
            break
        case .notEnforced(let evidence, let fix):
            sink.report(
                AuditFinding(
                    rule: .dbTLSNotEnforced, resource: resource,
                    message: "\(kind) \(resource) accepts connections without TLS.", evidence: evidence,
                    fix: fix))
        case .unknown(let reason):
            sink.cannotDecide(.dbTLSNotEnforced, for: resource, because: reason)
        }
        guard isProduction else { return }
        switch isMultiAZ {
        case false?:
            sink.report(
                AuditFinding(
                    rule: .dbSingleAZInProduction, resource: resource,
                    message: "Production \(kind) \(resource) runs in a single AZ.",
                    evidence: [
                        scope == .cluster ? "all instances in one AZ (MultiAZ is false)" : "MultiAZ is false"
                    ]))
        case nil:
            sink.cannotDecide(
                .dbSingleAZInProduction, for: resource, because: "the input does not give MultiAZ")
        case true?:
            break
        }
        switch settings.backupRetentionDays {
        case 0?:
            sink.report(
                AuditFinding(
                    rule: .dbNoAutomatedBackups, resource: resource,
                    message: "Production \(kind) \(resource) keeps no automated backups.",
                    evidence: ["BackupRetentionPeriod is 0"]))
        case nil:
            sink.cannotDecide(
                .dbNoAutomatedBackups, for: resource, because: "the input does not give BackupRetentionPeriod"
            )
        default:
            break
        }
    }
}
