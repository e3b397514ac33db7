import Foundation
import ReachTopologyFile

/// The file name test YAML is loaded under.
let testFile = "test.yaml"

/// Loads `yaml` as `test.yaml`.
func load(_ yaml: String) throws(TopologyFileError) -> LoadedTopology {
    try TopologyFileLoader.load(yaml: yaml, file: testFile)
}

/// The error loading `yaml` fails with, or nil when it loads.
func loadingError(_ yaml: String) -> TopologyFileError? {
    do {
        _ = try load(yaml)
        return nil
    } catch {
        return error
    }
}

/// The 1-based line of the first line of `yaml` containing `needle` (0 when absent).
func line(of needle: String, in yaml: String) -> Int {
    let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
    return (lines.firstIndex { $0.contains(needle) } ?? -1) + 1
}

/// The package's root directory, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // TestSupport.swift
    .deletingLastPathComponent()  // ReachTopologyFileTests
    .deletingLastPathComponent()  // Tests

/// The path of a bundled design.
func bundledPath(_ name: String) -> String {
    packageRoot.appendingPathComponent("Topologies").appendingPathComponent(name).path
}

/// A small valid design that error tests modify: one VPC with two subnets.
let minimalYAML = """
    vpcs:
      - name: shop-vpc
        cidrs: [10.0.0.0/16]
    subnets:
      - name: web-a
        vpc: shop-vpc
        cidr: 10.0.1.0/24
        az: us-east-1a
      - name: app-a
        vpc: shop-vpc
        cidr: 10.0.2.0/24
        az: us-east-1a

    """
