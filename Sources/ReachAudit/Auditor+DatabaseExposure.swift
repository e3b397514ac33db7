import ReachGraph
import ReachModel

extension Auditor {
    /// Publicly accessible DBs, and DBs whose subnets route to an internet gateway.
    func databaseExposure(_ context: AuditContext, into sink: inout FindingSink) {
        for db in context.topology.dbInstances {
            if db.publiclyAccessible {
                var evidence = ["PubliclyAccessible is true"]
                if let address = db.publicIP { evidence.append("public IP \(address)") }
                sink.report(
                    AuditFinding(
                        rule: .dbPubliclyAccessible, resource: context.ref(db),
                        message: "DB instance \(context.ref(db)) is publicly accessible.", evidence: evidence,
                        fix:
                            "aws rds modify-db-instance --db-instance-identifier \(db.id) --no-publicly-accessible"
                    ))
            }
            var evidence: [String] = []
            for subnetID in context.subnetIDs(of: db) {
                guard let table = context.routeTableOfSubnet[subnetID] else { continue }
                let subnetName =
                    context.subnets[subnetID].map { AuditContext.label($0.name, $0.id) } ?? subnetID
                for route in table.routes where route.state == .active {
                    guard case .internetGateway(let gateway) = route.target else { continue }
                    evidence.append(
                        "subnet \(subnetName) uses route table \(AuditContext.label(table.name, table.id)): "
                            + "\(Self.text(route.destination)) -> \(gateway)")
                }
            }
            if !evidence.isEmpty {
                sink.report(
                    AuditFinding(
                        rule: .dbSubnetRoutesToInternetGateway, resource: context.ref(db),
                        message:
                            "DB instance \(context.ref(db)) can run in a subnet routed to an internet gateway.",
                        evidence: evidence))
            }
        }
    }

    static func text(_ destination: RouteDestination) -> String {
        switch destination {
        case .cidr(let prefix): "\(prefix)"
        case .prefixList(let id): id
        }
    }
}
