/// An ordered list of topology changes, each with where it was written.
public struct ChangeSet: Hashable, Sendable {
    /// One change and its origin.
    public struct Item: Hashable, Sendable {
        /// The change.
        public var change: TopologyChange
        /// Where the change was written, for messages: `change.yaml:4:5: changes[1]`, or the
        /// command-line flag (`--add-sg-rule`); nil when it was made in code.
        public var origin: String?

        /// Creates an item.
        public init(change: TopologyChange, origin: String? = nil) {
            self.change = change
            self.origin = origin
        }
    }

    /// The changes, applied in this order.
    public var items: [Item]
    /// What the change set is for, in a line of text (a change file's `description`).
    public var summary: String?

    /// A change set of `items`.
    public init(_ items: [Item] = []) {
        self.items = items
    }

    /// A change set of `changes`, with no origins.
    public init(changes: [TopologyChange]) {
        self.items = changes.map { Item(change: $0) }
    }

    /// Adds `change`, written at `origin`, after the others.
    public mutating func append(_ change: TopologyChange, origin: String?) {
        items.append(Item(change: change, origin: origin))
    }

    /// Whether there are no changes.
    public var isEmpty: Bool { items.isEmpty }
}
