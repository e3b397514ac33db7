import CGraphviz

/// The cgraph disciplines Reach parses DOT with, allocated per render and released after the graph
/// is closed (cgraph calls them until `agclose` returns, so they must outlive the graph).
///
/// Why not `agmemread`: it uses cgraph's default ID discipline, which in Graphviz 2.x gives every
/// named object the address of its interned name string as its ID. Subgraphs are kept ordered by
/// ID, so clusters come out in heap-address order, which depends on everything the process has
/// allocated before. Two renders of the same DOT in one process then number and emit clusters in
/// different orders. The ID discipline here declines to map names, which makes cgraph keep names
/// in its own internal map, and hands out IDs from a per-graph counter, so IDs and therefore
/// cluster order follow the order of the DOT text. (Later releases also keep subgraphs in creation
/// order; the discipline is harmless there.) Reading is the same line-at-a-time reading from
/// memory that `agmemread` does.
///
/// The structures are built by copying Graphviz's defaults and replacing only the `id`/`io` and
/// the needed methods, so the members that differ between Graphviz versions keep their defaults.
struct DOTReader {
    private let discipline: UnsafeMutablePointer<Agdisc_t>
    private let idDiscipline: UnsafeMutablePointer<Agiddisc_t>
    private let ioDiscipline: UnsafeMutablePointer<Agiodisc_t>

    /// Allocates the disciplines; call ``deallocate()`` once the graph read with them is closed.
    init() {
        var ids = reach_default_id_discipline()
        ids.open = openSequentialIDs
        ids.map = mapSequentialID
        ids.free = freeSequentialID
        ids.print = printSequentialID
        ids.close = closeSequentialIDs
        idDiscipline = .allocate(capacity: 1)
        idDiscipline.initialize(to: ids)

        var io = reach_default_io_discipline()
        io.afread = readDOTLine
        ioDiscipline = .allocate(capacity: 1)
        ioDiscipline.initialize(to: io)

        var disc = reach_default_discipline()
        disc.id = idDiscipline
        disc.io = ioDiscipline
        discipline = .allocate(capacity: 1)
        discipline.initialize(to: disc)
    }

    /// Releases the disciplines. The graph read with them must already be closed.
    func deallocate() {
        discipline.deinitialize(count: 1)
        discipline.deallocate()
        ioDiscipline.deinitialize(count: 1)
        ioDiscipline.deallocate()
        idDiscipline.deinitialize(count: 1)
        idDiscipline.deallocate()
    }

    /// Parses DOT text into a new root graph (close it with `agclose`), or `nil` when the text has
    /// a syntax error or holds no graph. Diagnostics go to cgraph's error handler.
    func read(_ dot: String) -> UnsafeMutablePointer<Agraph_t>? {
        let bytes = Array(dot.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var source = DOTSource(bytes: buffer, offset: 0)
            return withUnsafeMutablePointer(to: &source) { agread($0, discipline) }
        }
    }
}

/// The channel `agread` passes back to ``readDOTLine(_:_:_:)``: the text and how much is read.
private struct DOTSource {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset: Int
}

/// `Agiodisc_t.afread`: copies the next line (through its newline), or at most `size` bytes, into
/// `buffer`, and returns the byte count, 0 at the end of the text.
private func readDOTLine(
    _ channel: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<CChar>?, _ size: Int32
) -> Int32 {
    guard let channel, let buffer, size > 0 else {
        return 0
    }
    let source = channel.assumingMemoryBound(to: DOTSource.self)
    let bytes = source.pointee.bytes
    let start = source.pointee.offset
    var end = start
    while end < bytes.count && end - start < Int(size) {
        end += 1
        if bytes[end - 1] == UInt8(ascii: "\n") {
            break
        }
    }
    let count = end - start
    if count > 0, let base = bytes.baseAddress {
        UnsafeMutableRawPointer(buffer).copyMemory(from: base + start, byteCount: count)
    }
    source.pointee.offset = end
    return Int32(count)
}

/// `Agiddisc_t.open`: the per-graph state is the next ID to hand out.
private func openSequentialIDs(
    _ graph: UnsafeMutablePointer<Agraph_t>?, _ discipline: UnsafeMutablePointer<Agdisc_t>?
) -> UnsafeMutableRawPointer? {
    let next = UnsafeMutablePointer<IDTYPE>.allocate(capacity: 1)
    next.initialize(to: 1)
    return UnsafeMutableRawPointer(next)
}

/// `Agiddisc_t.map`: declines names (returns 0), so cgraph records them in its internal name map
/// and asks again for an anonymous ID, which comes from the counter (returns 1).
private func mapSequentialID(
    _ state: UnsafeMutableRawPointer?, _ objectType: Int32, _ name: UnsafeMutablePointer<CChar>?,
    _ id: UnsafeMutablePointer<IDTYPE>?, _ create: Int32
) -> Int {
    guard name == nil, create != 0, let state, let id else {
        return 0
    }
    let next = state.assumingMemoryBound(to: IDTYPE.self)
    id.pointee = next.pointee
    next.pointee += 1
    return 1
}

/// `Agiddisc_t.free`: nothing to do; cgraph frees the names in its internal map itself.
private func freeSequentialID(_ state: UnsafeMutableRawPointer?, _ objectType: Int32, _ id: IDTYPE) {}

/// `Agiddisc_t.print`: no name of its own; cgraph finds names in its internal map first.
private func printSequentialID(
    _ state: UnsafeMutableRawPointer?, _ objectType: Int32, _ id: IDTYPE
) -> UnsafeMutablePointer<CChar>? {
    nil
}

/// `Agiddisc_t.close`: releases the counter made by ``openSequentialIDs(_:_:)``.
private func closeSequentialIDs(_ state: UnsafeMutableRawPointer?) {
    guard let state else {
        return
    }
    let next = state.assumingMemoryBound(to: IDTYPE.self)
    next.deinitialize(count: 1)
    next.deallocate()
}
