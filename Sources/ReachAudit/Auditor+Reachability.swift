import ReachGraph
import ReachModel
import ReachNetwork

extension Auditor {
    /// Who reaches each DB's port, from the symbolic solver: the internet, on-prem sites the
    /// policy does not allow, and VPCs of another environment. Each finding carries a witness.
    func reachability(_ context: AuditContext, into sink: inout FindingSink) {
        let rules: [AuditRule] = [
            .dbReachableFromInternet, .dbReachableFromOnPrem, .dbReachableFromOtherEnvironment,
        ]
        guard rules.contains(where: sink.runs) else { return }
        let allowances = resolvedAllowances()
        for db in context.topology.dbInstances {
            let endpoint: Endpoint
            do {
                endpoint = try analyzer.resolver.resolve(db.id)
            } catch {
                for rule in rules {
                    sink.cannotDecide(
                        rule, for: context.ref(db), because: "its endpoint cannot be resolved: \(error)")
                }
                continue
            }
            let traffic = TrafficSet(tcpPorts: IntervalSet(db.port...db.port))
            let answer = analyzer.whoCanReach(endpoint, traffic: traffic)
            let allowed = allowances.filter { $0.selects(db) }
            let environment = context.environment(of: db)
            var byVPC: [String: [ReachingSource]] = [:]
            var vpcOrder: [String] = []
            for source in answer.sources {
                let reaching = source.reach.reachable.intersection(traffic)
                let unknown = source.reach.unknown.intersection(traffic)
                let rule: AuditRule
                switch source.kind {
                case .internet: rule = .dbReachableFromInternet
                case .onPremSite: rule = .dbReachableFromOnPrem
                case .networkInterface, .database, .subnetHosts:
                    guard let environment, let vpc = source.vpc, let other = context.vpcs[vpc.id],
                        let sourceEnvironment = context.environment(in: other.tags),
                        sourceEnvironment != environment
                    else { continue }
                    rule = .dbReachableFromOtherEnvironment
                }
                let beyond = allowed.reduce(source.addresses) { remaining, allowance in
                    allowance.covers(source, in: analyzer.graph)
                        ? IPv4AddressSet() : remaining.subtracting(allowance.addresses)
                }
                if beyond.isEmpty { continue }
                if reaching.isEmpty {
                    if !unknown.isEmpty {
                        let reasons = source.reach.unknownReasons.map(\.rawValue).sorted().joined(
                            separator: ", ")
                        sink.cannotDecide(
                            rule, for: context.ref(db),
                            because: "whether \(source.ref) reaches port \(db.port) is unknown (\(reasons))")
                    }
                    continue
                }
                if rule == .dbReachableFromOtherEnvironment, let vpc = source.vpc {
                    if byVPC[vpc.id] == nil { vpcOrder.append(vpc.id) }
                    byVPC[vpc.id, default: []].append(source)
                    continue
                }
                let what = source.kind == .internet ? "the internet" : "on-prem site \(source.ref)"
                sink.report(
                    AuditFinding(
                        rule: rule, resource: context.ref(db),
                        message:
                            "DB instance \(context.ref(db)) is reachable from \(what) on tcp \(db.port).",
                        evidence: [
                            "reaching addresses: \(Self.summary(of: beyond))",
                            "reaching traffic: \(reaching)",
                        ],
                        witness: source.witness, detail: source.ref.id))
            }
            for vpcID in vpcOrder {
                guard let sources = byVPC[vpcID], let first = sources.first, let vpc = context.vpcs[vpcID]
                else { continue }
                let sourceEnvironment = context.environment(in: vpc.tags) ?? "?"
                let names = sources.prefix(5).map(\.ref.description).joined(separator: ", ")
                let more = sources.count > 5 ? " and \(sources.count - 5) more" : ""
                sink.report(
                    AuditFinding(
                        rule: .dbReachableFromOtherEnvironment, resource: context.ref(db),
                        message:
                            "DB instance \(context.ref(db)) (\(environment ?? "?")) is reachable on tcp \(db.port) "
                            + "from VPC \(AuditContext.label(vpc.name, vpc.id)) (\(sourceEnvironment)).",
                        evidence: ["\(sources.count) reaching sources: \(names)\(more)"],
                        witness: first.witness, detail: vpcID))
            }
        }
    }

    /// A few blocks of `addresses` and how many there are in all.
    static func summary(of addresses: IPv4AddressSet) -> String {
        let blocks = addresses.prefixes
        guard blocks.count > 3 else { return blocks.map(\.description).joined(separator: ", ") }
        return blocks.prefix(3).map(\.description).joined(separator: ", ")
            + " and \(blocks.count - 3) more blocks (\(addresses.count) addresses)"
    }

    /// The policy's allowances with their selectors resolved; a selector that selects nothing
    /// allows nothing (``unresolvedPolicySelectors()`` reports it).
    private func resolvedAllowances() -> [ResolvedAllowance] {
        policy.allowedSources.map { allowance in
            ResolvedAllowance(
                destinations: (try? allowance.destinations.endpoints(in: analyzer.graph)) ?? [],
                sources: allowance.sources.flatMap { (try? $0.endpoints(in: analyzer.graph)) ?? [] },
                addresses: allowance.addresses)
        }
    }

    /// The policy's selectors that select nothing in this topology, each with why.
    public func unresolvedPolicySelectors() -> [String] {
        var problems: [String] = []
        for allowance in policy.allowedSources {
            for selector in [allowance.destinations] + allowance.sources {
                do {
                    _ = try selector.endpoints(in: analyzer.graph)
                } catch {
                    problems.append("\(selector): \(error)")
                }
            }
        }
        return problems
    }
}

/// An allowance of the policy, resolved against the graph.
private struct ResolvedAllowance {
    let destinations: [Endpoint]
    let sources: [Endpoint]
    let addresses: IPv4AddressSet

    /// Whether it applies to `db` (the DB itself, or its cluster's endpoints).
    func selects(_ db: DBInstance) -> Bool {
        destinations.contains { endpoint in
            switch endpoint.kind {
            case .dbInstance: endpoint.ref.id == db.id
            case .clusterWriter, .clusterReader: endpoint.ref.id == db.clusterID
            default: false
            }
        }
    }

    /// Whether it allows all of `source` by name.
    func covers(_ source: ReachingSource, in graph: ForwardingGraph) -> Bool {
        !sources.isEmpty && source.isCovered(by: sources, in: graph)
    }
}
