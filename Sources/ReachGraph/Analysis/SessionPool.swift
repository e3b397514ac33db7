#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Sessions kept between an analyzer's questions, so that the filter results one question
/// judged serve the next, as the matrix's cores keep theirs across the destinations they
/// answer. What a session keeps is judged per filter and class of peer, never per destination
/// or traffic asked about; its walks, which serve one destination, are dropped when it is given
/// back. A session is used by one thread at a time: taken for one core's part of a question.
final class SessionPool: @unchecked Sendable {
    /// Guards ``idle``; allocated once, so that its address never moves.
    private let lock: UnsafeMutablePointer<pthread_mutex_t>
    private var idle: [AnalysisSession] = []
    /// The most sessions kept: one per core answers any question without making another.
    private let limit: Int
    /// What new sessions analyse: the analyzer's graph and its sources.
    private let graph: ForwardingGraph
    private let catalog: SourceCatalog

    /// A pool of sessions over `graph`, whose sources are grouped as in `catalog`.
    init(graph: ForwardingGraph, catalog: SourceCatalog, limit: Int = ParallelChunks.processorCount) {
        self.graph = graph
        self.catalog = catalog
        self.limit = limit
        lock = .allocate(capacity: 1)
        pthread_mutex_init(lock, nil)
    }

    deinit {
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }

    /// A kept session, or a new one.
    func take() -> AnalysisSession {
        pthread_mutex_lock(lock)
        let kept = idle.popLast()
        pthread_mutex_unlock(lock)
        return kept ?? AnalysisSession(graph: graph, catalog: catalog)
    }

    /// Keeps `session` for a later question, without what it kept or was told for this one:
    /// its walks, the traffic asked about and the footprint it was noting.
    func giveBack(_ session: consuming AnalysisSession) {
        var kept = session
        kept.forgetWalks()
        kept.footprint = nil
        kept.traffic = .all
        pthread_mutex_lock(lock)
        if idle.count < limit { idle.append(kept) }
        pthread_mutex_unlock(lock)
    }
}
