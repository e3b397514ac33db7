/// A few values a trace notes by key (such as the subnet each transit gateway attachment's
/// request used), kept as a list: a path notes one or two, and scanning them is cheaper than
/// hashing into a dictionary made for every walk.
struct TraceNotes<Key: Equatable, Value> {
    private var entries: [(key: Key, value: Value)] = []

    /// The value noted for `key`, or nil; setting one replaces any noted before.
    subscript(key: Key) -> Value? {
        get { entries.first { $0.key == key }?.value }
        set {
            let position = entries.firstIndex { $0.key == key }
            switch (position, newValue) {
            case (let position?, let value?): entries[position].value = value
            case (let position?, nil): entries.remove(at: position)
            case (nil, let value?): entries.append((key, value))
            case (nil, nil): break
            }
        }
    }
}
