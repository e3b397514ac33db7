/// What one source's answer rests on that an edit to filters, routes, associations or peering
/// status can change: the filters its walks met, with the peer each was judged for, and the
/// routing decisions they made (route lookups, with the address looked up, and peering
/// connections taken). Such an edit leaves a walk as it was unless the walk met it (see
/// ``FootprintDelta``).
struct AnswerFootprint {
    /// One walk as the answer used it.
    struct Walked {
        /// The filters met; none for a walk a path-level stop blocked, which no filter edit
        /// can open.
        let checks: [FilterCheck]
        /// The routing decisions made, the one that stopped the walk included.
        let lookups: [RouteLookup]
        /// The source the checks stand for, when the walk was recorded for another one (of
        /// the same subnet and address class, so looked up alike).
        let substitution: PairAnalyzer.Substitution?
        /// Whether an address was assumed for an endpoint the input gives none (group
        /// memberships then depend on it).
        let assumesAddress: Bool
    }

    var walks: [Walked] = []
    /// Set when part of the answer came from tracing one packet per class of ports, which
    /// records no filters, or from a walk kept from an answer that noted no route tables:
    /// any edit may change it.
    var isOpaque = false
}
