import ArgumentParser
import ReachGraph

/// The process exit codes of `reach`.
enum ExitStatus {
    /// The flow is reachable.
    static let reachable = ExitCode(0)
    /// The flow is unreachable.
    static let unreachable = ExitCode(1)
    /// The input lacks what the answer needs.
    static let unknown = ExitCode(2)
    /// `what-if` and `diff`: some flow changes; `test`: an assertion fails.
    static let changed = ExitCode(1)
    /// Bad arguments (EX_USAGE).
    static let usage = ExitCode(64)
    /// The topology is invalid (EX_DATAERR).
    static let invalidInput = ExitCode(65)
    /// The topology cannot be read (EX_NOINPUT).
    static let unreadableInput = ExitCode(66)
    /// An output file cannot be written or rendered (EX_CANTCREAT).
    static let cannotWrite = ExitCode(73)

    /// The exit code of a verdict.
    static func of(_ verdict: Verdict) -> ExitCode {
        switch verdict {
        case .reachable: reachable
        case .unreachable: unreachable
        case .unknown: unknown
        }
    }
}
