// swift-tools-version: 6.1
import PackageDescription

// The Reach benchmark suite: a package of its own so the main package never depends on
// package-benchmark. Run it with `swift package benchmark` from this directory.
let package = Package(
    name: "ReachBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Reach", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Snapshot import, graph build, `check`, who-can-reach, the matrix and what-if on generated estates.
        .executableTarget(
            name: "ReachBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ReachAWSSnapshot", package: "Reach"),
                .product(name: "ReachChange", package: "Reach"),
                .product(name: "ReachEstate", package: "Reach"),
                .product(name: "ReachGraph", package: "Reach"),
                .product(name: "ReachModel", package: "Reach"),
                .product(name: "ReachNetwork", package: "Reach"),
            ],
            path: "ReachBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
