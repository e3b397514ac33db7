/// One resource declared in the file: its name, its id and the YAML item that declared it.
struct Declared {
    /// The resource's name.
    let name: String
    /// The resource's id (the name when the file gives none).
    let id: String
    /// The mapping that declared it.
    let item: YAMLValue
}

/// The resources of one kind, found by name or by id. Names and ids must be unique within
/// the kind, and a name may not be another resource's id (a reference would be ambiguous).
struct Registry {
    /// The kind, as messages name it (`subnet`, `security group`).
    let kind: String
    /// The resources, in file order.
    private(set) var entries: [Declared] = []
    /// Entry index by name and by id.
    private var index: [String: Int] = [:]

    /// An empty registry of `kind`.
    init(kind: String) {
        self.kind = kind
    }

    /// Registers a resource; fails with `duplicateName` when its name or id is taken.
    mutating func add(
        name: String, nameValue: YAMLValue, id: String, idValue: YAMLValue?, item: YAMLValue
    ) throws(TopologyFileError) {
        let position = entries.count
        for (key, at) in [(name, nameValue), (id, idValue ?? nameValue)] {
            if let other = index[key], other != position {
                throw .duplicateName(at.location, kind: kind, name: key, firstLine: entries[other].item.line)
            }
            index[key] = position
        }
        entries.append(Declared(name: name, id: id, item: item))
    }

    /// The resource named `key` or with the id `key`.
    func lookup(_ key: String) -> Declared? {
        index[key].map { entries[$0] }
    }

    /// Every name and id, for suggestions.
    var keys: [String] { Array(index.keys) }
}
