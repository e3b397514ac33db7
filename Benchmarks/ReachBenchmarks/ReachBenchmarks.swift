import Benchmark
import Foundation
import ReachAWSSnapshot
import ReachChange
import ReachEstate
import ReachGraph
import ReachModel
import ReachNetwork

/// Why a benchmark's setup could not prepare its input.
enum BenchmarkSetupError: Error, CustomStringConvertible {
    /// A sample flow did not come out as the generator promises, so the benchmark would not
    /// measure the work it claims to.
    case unexpectedVerdict(String)

    var description: String {
        switch self {
        case .unexpectedVerdict(let detail): "the benchmark's sample flow is not as expected: \(detail)"
        }
    }
}

/// Where this process writes the estate of `shape`: a folder of the temporary directory.
func temporaryDirectory(for shape: EstateShape) -> String {
    FileManager.default.temporaryDirectory
        .appendingPathComponent("reach-benchmark-\(shape.vpcs)-\(ProcessInfo.processInfo.processIdentifier)")
        .path
}

/// Generates the estate of `shape` as an AWS CLI snapshot, loads it and deletes the files again.
func loadEstate(_ shape: EstateShape) throws -> Topology {
    let directory = temporaryDirectory(for: shape)
    try EstateGenerator(shape: shape).write(to: directory)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    return try AWSSnapshotLoader.load(directory: directory).topology
}

/// A counter that survives between a benchmark's runs. A benchmark's closure runs on one
/// thread at a time, so the count needs no lock.
final class Rotation: @unchecked Sendable {
    private var count = 0

    /// The count so far, then one more.
    func advance() -> Int {
        defer { count += 1 }
        return count
    }
}

/// A loaded estate's graph and the generator's sample names, resolved.
struct PreparedEstate {
    let analyzer: ReachabilityAnalyzer
    let checker: ReachabilityChecker
    let client: Endpoint
    let database: Endpoint
    let allInterfaces: [Endpoint]
    let allDatabases: [Endpoint]
    /// Which DB ``nextDatabase()`` hands out next.
    private let rotation = Rotation()

    init(_ shape: EstateShape) throws {
        let generator = try EstateGenerator(shape: shape)
        let graph = ForwardingGraph(try loadEstate(shape))
        analyzer = ReachabilityAnalyzer(graph: graph)
        checker = ReachabilityChecker(graph: graph)
        client = try checker.resolver.resolve(generator.sampleClientInAnotherVPC)
        database = try checker.resolver.resolve(generator.sampleDatabase)
        allInterfaces = try EndpointSelector("kind:eni").endpoints(in: graph)
        allDatabases = try EndpointSelector("kind:db").endpoints(in: graph)
        let verdict = try checker.check(checkQuery).verdict
        guard verdict == .reachable else {
            throw BenchmarkSetupError.unexpectedVerdict("check says \(verdict.rawValue), not reachable")
        }
    }

    /// Each DB in turn, one per call: the analyzer keeps its sessions (and so the filter
    /// results it judged) between questions, so asking about the same DB again measures less
    /// work than a question about another one.
    func nextDatabase() -> Endpoint {
        allDatabases[rotation.advance() % allDatabases.count]
    }

    /// tcp/5432 from the sample client in another VPC, over the transit gateway, to the sample DB.
    var checkQuery: FlowQuery {
        FlowQuery(source: client, destination: database, destinationPort: EstateGenerator.databasePort)
    }
}

/// The metrics every benchmark reports.
let reachMetrics: [BenchmarkMetric] = [
    .wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident, .peakMemoryResidentDelta,
]

/// A configuration for a benchmark whose one iteration takes a while at the largest scale.
func slowConfiguration(_ shape: EstateShape) -> Benchmark.Configuration {
    .init(
        metrics: reachMetrics, warmupIterations: shape.vpcs >= 1000 ? 0 : 1,
        maxDuration: .seconds(shape.vpcs >= 1000 ? 30 : 10), maxIterations: shape.vpcs >= 1000 ? 5 : 20)
}

/// A configuration for a benchmark of microseconds to milliseconds.
func fastConfiguration() -> Benchmark.Configuration {
    .init(metrics: reachMetrics, warmupIterations: 10, maxDuration: .seconds(5), maxIterations: 1000)
}

let benchmarks: @Sendable () -> Void = {
    let shapes: [EstateShape] = [.full, .tenth, .hundredth]

    // Reading an AWS CLI snapshot into the model: JSON parsing, building and validating the topology.
    for shape in shapes {
        Benchmark(
            "Snapshot import \(shape.label)",
            configuration: slowConfiguration(shape),
            closure: { (benchmark: Benchmark, directory: String) throws in
                for _ in benchmark.scaledIterations {
                    blackHole(try AWSSnapshotLoader.load(directory: directory))
                }
            },
            setup: { () throws -> String in
                let directory = temporaryDirectory(for: shape)
                try EstateGenerator(shape: shape).write(to: directory)
                return directory
            },
            teardown: { try? FileManager.default.removeItem(atPath: temporaryDirectory(for: shape)) }
        )
    }

    // Compiling a loaded topology into the forwarding graph.
    for shape in shapes {
        Benchmark(
            "Graph build \(shape.label)",
            configuration: slowConfiguration(shape),
            closure: { (benchmark: Benchmark, topology: Topology) in
                for _ in benchmark.scaledIterations { blackHole(ForwardingGraph(topology)) }
            },
            setup: { () throws -> Topology in try loadEstate(shape) }
        )
    }

    // One `check`: tcp/5432 from an app interface in one prod VPC over the transit gateway to a DB
    // in another (security groups, route tables, network ACLs and TGW route tables both ways).
    for shape in shapes {
        Benchmark(
            "Check \(shape.label)",
            configuration: fastConfiguration(),
            closure: { (benchmark: Benchmark, prepared: PreparedEstate) throws in
                let query = prepared.checkQuery
                for _ in benchmark.scaledIterations { blackHole(try prepared.checker.check(query)) }
            },
            setup: { () throws -> PreparedEstate in try PreparedEstate(shape) }
        )
    }

    // Who can reach one DB: every interface, subnet, site and the internet, all traffic. Asked
    // about the sample DB again and again, and about every DB in turn: the analyzer keeps what
    // it judged of the filters between questions, so only the second measures a new question.
    let destinations: [(name: String, pick: @Sendable (PreparedEstate) -> Endpoint)] = [
        ("Who can reach one DB", { $0.database }),
        ("Who can reach a different DB each time", { $0.nextDatabase() }),
    ]
    for (name, pick) in destinations {
        for shape in shapes {
            Benchmark(
                "\(name) \(shape.label)",
                configuration: fastConfiguration(),
                closure: { (benchmark: Benchmark, prepared: PreparedEstate) in
                    for _ in benchmark.scaledIterations {
                        blackHole(prepared.analyzer.whoCanReach(pick(prepared)))
                    }
                },
                setup: { () throws -> PreparedEstate in try PreparedEstate(shape) }
            )
        }
    }

    // The matrix of every ENI against every DB, all traffic. At the full scale one iteration
    // takes many minutes (one who-can-reach per DB, 1000 of them), so it runs only when
    // REACH_BENCHMARK_FULL_MATRIX is set.
    let matrixShapes =
        ProcessInfo.processInfo.environment["REACH_BENCHMARK_FULL_MATRIX"] == nil
        ? [.tenth, .hundredth] : shapes
    for shape in matrixShapes {
        Benchmark(
            "Matrix all ENIs x all DBs \(shape.label)",
            configuration: slowConfiguration(shape),
            closure: { (benchmark: Benchmark, prepared: PreparedEstate) in
                for _ in benchmark.scaledIterations {
                    blackHole(
                        prepared.analyzer.matrix(
                            rows: [("kind:eni", prepared.allInterfaces)],
                            columns: [("kind:db", prepared.allDatabases)]))
                }
            },
            setup: { () throws -> PreparedEstate in try PreparedEstate(shape) }
        )
    }

    // What-if after one change, re-answered from a kept baseline (who can reach the sample DB,
    // with what each answer rests on): the change is applied to the loaded topology, the graph
    // patched and only the sources the change touches analysed again. "SG rule (narrow)" adds an
    // ingress rule to the DB's security group for a range no source is in; "(world)" opens the
    // DB port to 0.0.0.0/0, so that every source of the DB is analysed again; "NACL entry
    // (narrow)" adds an inbound entry to the network ACL of the DB's subnet for that range;
    // "route (narrow)" sends that range from the DB subnet's route table to the transit gateway;
    // "TGW route (one VPC)" blackholes another VPC's block in the transit gateway route table of
    // the DB's VPC, so that the sources of that VPC lose the DB; "public IP (one ENI)" gives the
    // estate's first ENI a public IP; "PubliclyAccessible" makes the DB publicly accessible.
    for shape in shapes {
        for edit in WhatIfInput.Edit.allCases {
            Benchmark(
                "What-if one \(edit.rawValue), one DB \(shape.label)",
                configuration: slowConfiguration(shape),
                closure: { (benchmark: Benchmark, prepared: WhatIfInput) throws in
                    for _ in benchmark.scaledIterations {
                        let changed = try prepared.topology.applying(prepared.change)
                        blackHole(try prepared.baseline.diff(after: changed))
                    }
                },
                setup: { () throws -> WhatIfInput in try WhatIfInput(shape, edit: edit) }
            )
        }
    }
}

/// A loaded estate, the baseline of its sample DB, and one change to a filter in front of it.
struct WhatIfInput {
    /// The change: to which filter, admitting which addresses.
    enum Edit: String, CaseIterable {
        case narrowRule = "SG rule (narrow)"
        case worldRule = "SG rule (world)"
        case narrowEntry = "NACL entry (narrow)"
        case narrowRoute = "route (narrow)"
        case vpcBlackhole = "TGW route (one VPC)"
        case publicIP = "public IP (one ENI)"
        case publiclyAccessible = "PubliclyAccessible"
    }

    let topology: Topology
    let baseline: ReachabilityBaseline
    let change: ChangeSet

    init(_ shape: EstateShape, edit: Edit) throws {
        let generator = try EstateGenerator(shape: shape)
        topology = try loadEstate(shape)
        guard let database = topology.dbInstances.first(where: { $0.id == generator.sampleDatabase }),
            let group = database.securityGroupIDs.first,
            let acl = topology.networkACLs.first(where: { $0.subnetIDs.contains(database.subnetID) }),
            let routeTable = topology.routeTables.first(where: { $0.subnetIDs.contains(database.subnetID) }),
            let gateway = topology.transitGateways.first,
            let vpc = topology.vpcs.firstIndex(where: { $0.id == routeTable.vpcID }),
            let attachment = topology.transitGatewayAttachments.first(where: {
                if case .vpc(let attached, _) = $0.resource { attached == routeTable.vpcID } else { false }
            }),
            let gatewayTable = topology.transitGatewayRouteTables.first(where: {
                $0.associationIDs.contains(attachment.id)
            }),
            // The next VPC of the DB's environment (prod and dev alternate).
            let otherVPC = topology.vpcs[(vpc + 2) % topology.vpcs.count].cidrBlocks.first,
            let interface = topology.networkInterfaces.first,
            let publicIP = IPv4Address("54.239.0.10")
        else {
            throw BenchmarkSetupError.unexpectedVerdict(
                "the sample DB has no security group, network ACL, route table or transit gateway route table"
            )
        }
        let change =
            switch edit {
            case .narrowRule:
                try TopologyChange(
                    inline: "\(group) ingress tcp 5432 10.250.0.0/16", kind: .addSecurityGroupRule)
            case .worldRule:
                try TopologyChange(inline: "\(group) ingress tcp 5432 0.0.0.0/0", kind: .addSecurityGroupRule)
            case .narrowEntry:
                try TopologyChange(
                    inline: "\(acl.id) ingress 95 allow tcp 5432 10.250.0.0/16", kind: .addNetworkACLEntry)
            case .narrowRoute:
                try TopologyChange(inline: "\(routeTable.id) 10.250.0.0/16 \(gateway.id)", kind: .addRoute)
            case .vpcBlackhole:
                TopologyChange.addTransitGatewayRoute(
                    routeTable: gatewayTable.id, destination: .cidr(otherVPC), attachment: nil)
            case .publicIP:
                TopologyChange.setPublicIP(interface: interface.id, publicIP)
            case .publiclyAccessible:
                TopologyChange.setPubliclyAccessible(database: database.id, !database.publiclyAccessible)
            }
        self.change = ChangeSet(changes: [change])
        baseline = try ReachabilityBaseline(
            graph: ForwardingGraph(topology), destinations: try EndpointSelector(generator.sampleDatabase))
    }
}
