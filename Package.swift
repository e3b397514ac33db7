// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Reach",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "reach", targets: ["reach"]),
        .library(name: "ReachNetwork", targets: ["ReachNetwork"]),
        .library(name: "ReachModel", targets: ["ReachModel"]),
        .library(name: "ReachTopologyFile", targets: ["ReachTopologyFile"]),
        .library(name: "ReachAWSSnapshot", targets: ["ReachAWSSnapshot"]),
        .library(name: "ReachGraph", targets: ["ReachGraph"]),
        .library(name: "ReachReport", targets: ["ReachReport"]),
        .library(name: "ReachGraphviz", targets: ["ReachGraphviz"]),
        .library(name: "ReachDiagram", targets: ["ReachDiagram"]),
        .library(name: "ReachEstate", targets: ["ReachEstate"]),
        .library(name: "ReachChange", targets: ["ReachChange"]),
        .library(name: "ReachSpec", targets: ["ReachSpec"]),
        .library(name: "ReachAudit", targets: ["ReachAudit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // Addresses, prefixes, port ranges and protocols: exact value types with set algebra.
        .target(name: "ReachNetwork"),
        // The vendor-independent topology model and its validation.
        .target(name: "ReachModel", dependencies: ["ReachNetwork"]),
        // Change sets (what-if): edits to a topology, applied without touching the input.
        .target(name: "ReachChange", dependencies: ["ReachModel"]),
        // The hand-written YAML formats: topology designs and change sets (importers).
        .target(
            name: "ReachTopologyFile",
            dependencies: ["ReachModel", "ReachChange", .product(name: "Yams", package: "Yams")]
        ),
        // AWS CLI snapshots (and Batfish's layout) read into the model (an importer).
        .target(name: "ReachAWSSnapshot", dependencies: ["ReachModel"]),
        // Synthetic AWS estates of any size, written as AWS CLI snapshots (test and benchmark input).
        .target(name: "ReachEstate"),
        // The forwarding graph compiled from a topology, the flow tracer and queries over it.
        .target(name: "ReachGraph", dependencies: ["ReachModel"]),
        // Topology and path diagrams as DOT text (an exporter).
        .target(name: "ReachDiagram", dependencies: ["ReachGraph"]),
        // Regression assertion files for network designs, and running them.
        .target(
            name: "ReachSpec",
            dependencies: ["ReachGraph", "ReachTopologyFile", .product(name: "Yams", package: "Yams")]),
        // DB security findings computed from the model and the solver's answers, and audit policies.
        .target(name: "ReachAudit", dependencies: ["ReachGraph", "ReachModel", "ReachTopologyFile"]),
        // Text, JSON, JUnit and SARIF renderings of query, test and audit results.
        .target(name: "ReachReport", dependencies: ["ReachGraph", "ReachNetwork", "ReachSpec", "ReachAudit"]),
        // The system Graphviz C libraries (libgvc, libcgraph, libcdt) and a small compatibility shim.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // DOT text rendered to SVG, PNG or PDF through Graphviz; owns all of the unsafe C interop.
        .target(name: "ReachGraphviz", dependencies: ["CGraphviz"]),
        // The thin command-line front end.
        .executableTarget(
            name: "reach",
            dependencies: [
                "ReachTopologyFile", "ReachAWSSnapshot", "ReachGraph", "ReachReport", "ReachDiagram",
                "ReachGraphviz", "ReachEstate", "ReachChange", "ReachSpec", "ReachAudit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ReachNetworkTests", dependencies: ["ReachNetwork"]),
        .testTarget(name: "ReachModelTests", dependencies: ["ReachModel"]),
        .testTarget(name: "ReachTopologyFileTests", dependencies: ["ReachTopologyFile"]),
        .testTarget(name: "ReachChangeTests", dependencies: ["ReachChange", "ReachTopologyFile", "ReachModel"]),
        .testTarget(
            name: "ReachAuditTests", dependencies: ["ReachAudit", "ReachTopologyFile", "ReachAWSSnapshot", "ReachGraph"]),
        .testTarget(name: "ReachSpecTests", dependencies: ["ReachSpec", "ReachTopologyFile", "ReachGraph"]),
        .testTarget(
            name: "ReachAWSSnapshotTests", dependencies: ["ReachAWSSnapshot", "ReachGraph", "ReachModel"]),
        .testTarget(
            name: "ReachGraphTests",
            dependencies: [
                "ReachGraph", "ReachTopologyFile", "ReachChange",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(name: "ReachEstateTests", dependencies: ["ReachEstate", "ReachAWSSnapshot", "ReachGraph"]),
        .testTarget(
            name: "ReachDiagramTests",
            dependencies: [
                "ReachDiagram", "ReachGraphviz", "ReachTopologyFile", "ReachModel", "ReachNetwork",
            ]),
        .testTarget(name: "ReachReportTests", dependencies: ["ReachReport", "ReachTopologyFile"]),
        .testTarget(name: "ReachGraphvizTests", dependencies: ["ReachGraphviz"]),
        .testTarget(name: "ReachCLITests", dependencies: ["reach"]),
    ],
    swiftLanguageModes: [.v6]
)
