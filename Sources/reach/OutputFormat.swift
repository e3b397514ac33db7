import ArgumentParser

/// How results are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// A readable report for humans.
    case text
    /// A JSON document for tools.
    case json
}
