import ArgumentParser
import ReachChange
import ReachGraph
import ReachModel
import ReachTopologyFile

/// `reach what-if`: what a change set does to reach to the DB endpoints.
struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "what-if",
        abstract: "Apply changes to a topology (in memory) and report every flow to the DBs that changes.",
        discussion: """
            Changes come from change files (--change, README "What-if") and quick flags, applied \
            in that order; the input is not touched. Reports every flow (source, protocol and \
            ports) that becomes reachable, unreachable or unknown, with the new path or the new \
            blocker. Exit 0 when nothing changes, 1 when something does.
            """
    )

    @OptionGroup var topologyOptions: TopologyOptions

    @Option(name: .customLong("change"), help: ArgumentHelp("A change file (YAML).", valueName: "path"))
    var changeFiles: [String] = []

    @Option(
        name: .customLong("add-sg-rule"),
        help: ArgumentHelp(
            "'GROUP ingress|egress PROTOCOL [PORTS] PEER', e.g. 'db-sg ingress tcp 5432 10.9.0.0/16'."))
    var addSecurityGroupRules: [String] = []

    @Option(name: .customLong("remove-sg-rule"), help: ArgumentHelp("A rule, written as for --add-sg-rule."))
    var removeSecurityGroupRules: [String] = []

    @Option(name: .customLong("add-route"), help: ArgumentHelp("'ROUTE_TABLE DESTINATION TARGET'."))
    var addRoutes: [String] = []

    @Option(name: .customLong("remove-route"), help: ArgumentHelp("'ROUTE_TABLE DESTINATION'."))
    var removeRoutes: [String] = []

    @Option(
        name: .customLong("add-nacl-entry"),
        help: ArgumentHelp("'ACL ingress|egress RULE allow|deny PROTOCOL [PORTS] CIDR'."))
    var addNetworkACLEntries: [String] = []

    @Option(name: .customLong("remove-nacl-entry"), help: ArgumentHelp("'ACL ingress|egress RULE'."))
    var removeNetworkACLEntries: [String] = []

    @Option(
        name: .customLong("set-public-ip"),
        help: ArgumentHelp("'INTERFACE ADDRESS|none', e.g. 'app-eni 54.239.0.10'; none removes it."))
    var publicIPs: [String] = []

    @Option(name: .customLong("set-publicly-accessible"), help: ArgumentHelp("'DB true|false'."))
    var publiclyAccessible: [String] = []

    @OptionGroup var differenceOptions: DifferenceOptions

    func run() throws {
        let changes = try changeSet()
        guard !changes.isEmpty else {
            printError("reach: what-if needs a change: --change FILE or a quick flag such as --add-sg-rule")
            throw ExitStatus.usage
        }
        let topology = try TopologyLoading.topology(at: topologyOptions.topology)
        let changed: Topology
        do {
            changed = try topology.applying(changes)
        } catch {
            printError("reach: \(error)")
            throw ExitStatus.invalidInput
        }
        // Only problems the changes bring count: a partial snapshot may already have some.
        let existing = Set(TopologyValidator.validate(topology).filter { $0.severity == .error })
        for problem in TopologyValidator.validate(changed)
        where problem.severity == .error && !existing.contains(problem) {
            printError("reach: the changed topology is invalid: \(problem.message)")
            throw ExitStatus.invalidInput
        }
        try differenceOptions.report(before: ForwardingGraph(topology), changedTo: changed)
    }

    /// The change files' changes, then the quick flags', in the order given.
    private func changeSet() throws -> ChangeSet {
        var set = ChangeSet()
        for path in changeFiles {
            do {
                set.items += try ChangeFileLoader.load(contentsOf: path).items
            } catch {
                printError("reach: \(error)")
                if case .unreadable = error { throw ExitStatus.unreadableInput }
                throw ExitStatus.invalidInput
            }
        }
        let quick: [(InlineChangeKind, [String])] = [
            (.addSecurityGroupRule, addSecurityGroupRules),
            (.removeSecurityGroupRule, removeSecurityGroupRules),
            (.addRoute, addRoutes), (.removeRoute, removeRoutes), (.addNetworkACLEntry, addNetworkACLEntries),
            (.removeNetworkACLEntry, removeNetworkACLEntries), (.setPublicIP, publicIPs),
            (.setPubliclyAccessible, publiclyAccessible),
        ]
        for (kind, texts) in quick {
            for text in texts {
                do {
                    set.append(
                        try TopologyChange(inline: text, kind: kind), origin: "--\(kind.rawValue) '\(text)'")
                } catch {
                    printError("reach: --\(kind.rawValue): \(error)")
                    throw ExitStatus.usage
                }
            }
        }
        return set
    }
}
