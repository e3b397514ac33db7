/// The places a trace has been, for loop detection, kept as a list: a path visits only a
/// handful, and scanning a short list is cheaper than hashing packets into a set.
struct VisitLog<Element: Equatable> {
    private var elements: [Element] = []

    /// Records `element`; false when it was already recorded (the trace is looping).
    mutating func insert(_ element: Element) -> Bool {
        if elements.contains(element) { return false }
        // Room for a whole path at the first visit, not grown one doubling at a time.
        if elements.isEmpty { elements.reserveCapacity(8) }
        elements.append(element)
        return true
    }
}
