import Benchmark
import Foundation
import ReachAWSSnapshot
import ReachGraph
import ReachModel

/// Why a benchmark's setup could not prepare its input.
enum BenchmarkSetupError: Error, CustomStringConvertible {
    /// The checked flow did not come out reachable, so `check` would not trace the whole path.
    case unexpectedVerdict(Verdict)

    var description: String {
        switch self {
        case .unexpectedVerdict(let verdict):
            "the benchmark flow should be reachable, but the verdict is \(verdict.rawValue)"
        }
    }
}

/// Generates the estate at `scale`, loads it and deletes the files again.
func loadEstate(_ scale: EstateScale) throws -> Topology {
    let directory = SnapshotGenerator.temporaryDirectory(for: scale)
    try SnapshotGenerator(scale: scale).write(to: directory)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    return try AWSSnapshotLoader.load(directory: directory).topology
}

/// The `Check` benchmark's input: the checker over the largest estate's graph and the query.
struct PreparedCheck {
    /// The checker.
    let checker: ReachabilityChecker
    /// The flow: a reachable tcp/5432 flow between two interfaces of one VPC.
    let query: FlowQuery
}

/// The metrics every benchmark reports.
let reachMetrics: [BenchmarkMetric] = [
    .wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident, .peakMemoryResidentDelta,
]

/// A configuration for a benchmark whose one iteration takes a while at the largest scale.
func slowConfiguration(_ scale: EstateScale) -> Benchmark.Configuration {
    .init(
        metrics: reachMetrics, warmupIterations: scale.vpcs >= 100 ? 0 : 1,
        maxDuration: .seconds(scale.vpcs >= 100 ? 20 : 10),
        maxIterations: scale.vpcs >= 100 ? 5 : 20)
}

let benchmarks: @Sendable () -> Void = {
    let scales: [EstateScale] = [.full, .tenth, .hundredth]

    // Reading an AWS CLI snapshot into the model: JSON parsing, building and validating the topology.
    for scale in scales {
        Benchmark(
            "Snapshot import \(scale.label)",
            configuration: slowConfiguration(scale),
            closure: { (benchmark: Benchmark, directory: String) throws in
                for _ in benchmark.scaledIterations {
                    blackHole(try AWSSnapshotLoader.load(directory: directory))
                }
            },
            setup: { () throws -> String in
                let directory = SnapshotGenerator.temporaryDirectory(for: scale)
                try SnapshotGenerator(scale: scale).write(to: directory)
                return directory
            },
            teardown: {
                try? FileManager.default.removeItem(atPath: SnapshotGenerator.temporaryDirectory(for: scale))
            }
        )
    }

    // Compiling a loaded topology into the forwarding graph.
    for scale in scales {
        Benchmark(
            "Graph build \(scale.label)",
            configuration: slowConfiguration(scale),
            closure: { (benchmark: Benchmark, topology: Topology) in
                for _ in benchmark.scaledIterations {
                    blackHole(ForwardingGraph(topology))
                }
            },
            setup: { () throws -> Topology in try loadEstate(scale) }
        )
    }

    // One `check` of a reachable ENI-to-ENI tcp flow across two subnets of the largest estate.
    Benchmark(
        "Check \(EstateScale.full.label)",
        configuration: .init(
            metrics: reachMetrics, warmupIterations: 10, maxDuration: .seconds(5), maxIterations: 1000),
        closure: { (benchmark: Benchmark, prepared: PreparedCheck) throws in
            for _ in benchmark.scaledIterations {
                blackHole(try prepared.checker.check(prepared.query))
            }
        },
        setup: { () throws -> PreparedCheck in
            let generator = SnapshotGenerator(scale: .full)
            let checker = ReachabilityChecker(graph: ForwardingGraph(try loadEstate(.full)))
            let query = FlowQuery(
                source: try checker.resolver.resolve(generator.checkSource),
                destination: try checker.resolver.resolve(generator.checkDestination),
                destinationPort: SnapshotGenerator.checkPort)
            let verdict = try checker.check(query).verdict
            guard verdict == .reachable else { throw BenchmarkSetupError.unexpectedVerdict(verdict) }
            return PreparedCheck(checker: checker, query: query)
        }
    )
}
