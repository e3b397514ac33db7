import Testing

/// Runs one case of a property, recording an error it throws as an issue with `context` (the
/// random network, say).
///
/// The property-check library drops an error its body throws without failing the case: a
/// network the generator made invalid, or a lookup that failed, would otherwise pass unseen.
func failingOnThrow(_ context: @autoclosure () -> String, _ body: () throws -> Void) {
    do {
        try body()
    } catch {
        Issue.record(error, "\(context())")
    }
}
