import Foundation
import ReachChange
import ReachModel
import ReachNetwork
import ReachTopologyFile

/// The package's root directory, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // TestSupport.swift
    .deletingLastPathComponent()  // ReachChangeTests
    .deletingLastPathComponent()  // Tests

/// The path of a bundled design.
func bundledPath(_ name: String) -> String {
    packageRoot.appendingPathComponent("Topologies").appendingPathComponent(name).path
}

/// The bundled design `name`, loaded from disk.
func bundled(_ name: String) throws -> Topology {
    try TopologyFileLoader.load(contentsOf: bundledPath(name)).topology
}

/// The bundled design `name` with `extra` YAML appended (more sections).
func bundled(_ name: String, appending extra: String) throws -> Topology {
    let text = try String(contentsOfFile: bundledPath(name), encoding: .utf8)
    return try TopologyFileLoader.load(yaml: text + "\n" + extra, file: name).topology
}

/// The bundled design `name` with each `(old, new)` text replaced; every `old` must be there.
func bundled(_ name: String, replacing edits: [(old: String, new: String)]) throws -> Topology {
    var text = try String(contentsOfFile: bundledPath(name), encoding: .utf8)
    for edit in edits {
        guard text.contains(edit.old) else { throw TestDataError.invalid(edit.old) }
        text = text.replacingOccurrences(of: edit.old, with: edit.new)
    }
    return try TopologyFileLoader.load(yaml: text, file: name).topology
}

/// `topology` with `changes` applied, each with no origin.
func applying(_ changes: TopologyChange..., to topology: Topology) throws(TopologyChangeError) -> Topology {
    try topology.applying(ChangeSet(changes: changes))
}

/// The error applying `changes` to `topology` fails with, or nil when it applies.
func applyingError(_ changes: ChangeSet, to topology: Topology) -> TopologyChangeError? {
    do {
        _ = try topology.applying(changes)
        return nil
    } catch {
        return error
    }
}

/// The error applying `change` (no origin) to `topology` fails with, or nil when it applies.
func applyingError(_ change: TopologyChange, to topology: Topology) -> TopologyChangeError? {
    applyingError(ChangeSet(changes: [change]), to: topology)
}

/// The error parsing `text` as a quick flag of `kind` fails with, or nil when it parses.
func inlineError(_ text: String, _ kind: InlineChangeKind) -> TopologyChangeError? {
    do {
        _ = try TopologyChange(inline: text, kind: kind)
        return nil
    } catch {
        return error
    }
}

/// The file name change-file YAML is loaded under.
let changeFile = "change.yaml"

/// The error loading `yaml` as a change file fails with, or nil when it loads.
func changeFileError(_ yaml: String) -> TopologyFileError? {
    do {
        _ = try ChangeFileLoader.load(yaml: yaml, file: changeFile)
        return nil
    } catch {
        return error
    }
}

/// A TCP rule or entry match on `ports`.
func tcp(_ ports: PortRange) -> ProtocolMatch {
    .ports(.tcp, ports)
}

/// The IPv4 block `text`, which must be valid.
func block(_ text: String) throws -> IPv4Prefix {
    guard let prefix = IPv4Prefix(text) else { throw TestDataError.invalid(text) }
    return prefix
}

/// The IPv4 address `text`, which must be valid.
func address(_ text: String) throws -> IPv4Address {
    guard let address = IPv4Address(text) else { throw TestDataError.invalid(text) }
    return address
}

/// Test data that does not parse (a typo in a test).
enum TestDataError: Error {
    case invalid(String)
}
