/// What one source's answer rests on that editing a security group's rules or a network ACL's
/// entries can change: the filters its walks met, with the peer each was judged for. Paths do
/// not depend on those filters, so an edit changes the answer only through them (see
/// ``FilterDelta``).
struct AnswerFootprint {
    /// One walk's recorded filters, as the answer used them.
    struct Walked {
        let checks: [FilterCheck]
        /// The source the checks stand for, when the walk was recorded for another one.
        let substitution: PairAnalyzer.Substitution?
        /// Whether an address was assumed for an endpoint the input gives none (group
        /// memberships then depend on it).
        let assumesAddress: Bool
    }

    var walks: [Walked] = []
    /// Set when part of the answer came from tracing one packet per class of ports, which
    /// records no filters: any edit may change it.
    var isOpaque = false
}
