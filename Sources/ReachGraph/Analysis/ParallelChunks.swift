import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Work split into contiguous chunks run on every core, for questions whose parts are
/// independent (the sources of a who-can-reach answer, the destinations of a matrix).
enum ParallelChunks {
    /// The processors online, at least 1.
    static let processorCount: Int = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// How many chunks `count` items make, with at least `minimumChunk` in each: 1 runs on the
    /// calling thread.
    static func chunkCount(_ count: Int, minimumChunk: Int) -> Int {
        max(1, min(processorCount, count / max(1, minimumChunk)))
    }

    /// `body` over `0..<count` split into contiguous ranges, run concurrently, with the results
    /// joined in order. Fewer than `minimumChunk` items per range are not worth a thread: small
    /// questions run on the calling thread. Each range gets its own call, so state a call builds
    /// (caches) is not shared across threads.
    static func map<Result: Sendable>(
        _ count: Int, minimumChunk: Int = 64, _ body: @Sendable (Range<Int>) -> [Result]
    ) -> [Result] {
        let results = chunks(count, minimumChunk: minimumChunk, body)
        return results.count == 1 ? results[0] : Array(results.joined())
    }

    /// ``map(_:minimumChunk:_:)`` with each range's results left in their own array, in order:
    /// joining copies every result, which costs a count per reference each result holds.
    /// With `costs` (one per item), ranges cost about the same rather than holding as many
    /// items. A range ends only where `splitsAt` allows (it is asked about positions inside
    /// `1..<count`), at the first such position from where an even split would end it: work
    /// that shares a cache stays on one core.
    static func chunks<Result: Sendable>(
        _ count: Int, minimumChunk: Int = 64, costs: [Int]? = nil, splitsAt: (Int) -> Bool = { _ in true },
        _ body: @Sendable (Range<Int>) -> [Result]
    ) -> [[Result]] {
        let chunks = chunkCount(count, minimumChunk: minimumChunk)
        if chunks <= 1 { return [body(0..<count)] }
        var starts = [0]
        var position = 0
        var spent = 0
        let total = costs?.reduce(0, +) ?? count
        for chunk in 1..<chunks {
            // Where an even split of the cost ends this range.
            while position < count, spent + (costs?[position] ?? 1) <= total * chunk / chunks {
                spent += costs?[position] ?? 1
                position += 1
            }
            // Never at 0: a heavy first item makes the first range hold it alone.
            var start = max(position, starts[chunk - 1], 1)
            while start < count, !splitsAt(start) { start += 1 }
            starts.append(start)
        }
        starts.append(count)
        let slots = Slots<[Result]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { [starts] chunk in
            slots.store(body(starts[chunk]..<starts[chunk + 1]), at: chunk)
        }
        return slots.taken()
    }

    /// An array of `count` elements written in `parts` parts at once (on the calling thread
    /// for one part): `write` is handed a part's number and where the array starts, and must
    /// initialize that part's own places, the parts together initializing all `count`. Parts
    /// written where they belong are not copied into place afterwards, which would count a
    /// reference for everything each element holds, and release it again.
    static func array<Element>(
        count: Int, parts: Int, _ write: @Sendable (Int, UnsafeMutablePointer<Element>) -> Void
    ) -> [Element] {
        [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress {
                if parts <= 1 {
                    write(0, base)
                } else {
                    let start = SharedStart(pointer: base)
                    DispatchQueue.concurrentPerform(iterations: parts) { part in write(part, start.pointer) }
                }
            }
            initialized = count
        }
    }

    /// Where an array being filled starts, handed to every thread that writes a part of it:
    /// each writes only its own places, and the array is read once all have finished.
    private struct SharedStart<Element>: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<Element>
    }

    /// One result per chunk, each written by its own chunk's thread only and read after all of
    /// them have finished: no two threads touch one slot, so no lock is needed.
    private final class Slots<Element>: @unchecked Sendable {
        private let storage: UnsafeMutablePointer<Element?>
        private let count: Int

        init(count: Int) {
            self.count = count
            storage = .allocate(capacity: count)
            storage.initialize(repeating: nil, count: count)
        }

        deinit {
            storage.deinitialize(count: count)
            storage.deallocate()
        }

        func store(_ element: Element, at index: Int) { storage[index] = element }

        /// Every chunk's result, moved out of its slot.
        func taken() -> [Element] {
            (0..<count).compactMap { storage[$0].take() }
        }
    }
}
