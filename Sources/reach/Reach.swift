import ArgumentParser

/// The `reach` command: network reachability for AWS-style networks.
@main
struct Reach: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reach",
        abstract: "Network reachability simulator for AWS-style cloud networks.",
        discussion: """
            Exit codes: 0 reachable, 1 unreachable, 2 unknown, 64 usage error, \
            65 invalid topology, 66 unreadable input, 73 an output that cannot be written. \
            what-if and diff exit 1 when a flow changes; test exits 1 when an assertion fails.
            """,
        subcommands: [
            CheckCommand.self, WhoCanReachCommand.self, ExposureCommand.self, MatrixCommand.self,
            WhatIfCommand.self, DiffCommand.self, TestCommand.self, AuditCommand.self, DiagramCommand.self,
            GenerateEstateCommand.self,
        ]
    )
}
