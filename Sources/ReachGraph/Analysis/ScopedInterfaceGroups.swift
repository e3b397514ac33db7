import ReachNetwork

/// The members of each interface group that a ``SourceScope`` asks about, found once per scope
/// rather than per question: a group wholly in scope is answered from the catalog's own lists,
/// and only a group partly in scope gets lists of its own.
struct ScopedInterfaceGroups: Sendable {
    /// Per group: ``whole``, ``outOfScope`` or the place of its members in scope in ``parts``;
    /// empty when every interface is in scope.
    private let selection: [Int32]
    /// The members in scope of each group partly in scope, with their addresses.
    private let parts: [Members]
    private static let whole: Int32 = -1
    private static let outOfScope: Int32 = -2

    /// Some members of one group, each at its private IP (parallel lists).
    struct Members: Sendable {
        let interfaces: [Int]
        let addresses: [IPv4Address]

        /// The members `keep` keeps, with their addresses.
        func kept(_ keep: (Int) -> Bool) -> Members {
            let positions = interfaces.indices.filter { keep(interfaces[$0]) }
            return Members(
                interfaces: positions.map { interfaces[$0] }, addresses: positions.map { addresses[$0] })
        }
    }

    /// The members of `catalog`'s groups in `scope`.
    init(_ scope: SourceScope, catalog: SourceCatalog) {
        guard let inScope = scope.interfaces else {
            selection = []
            parts = []
            return
        }
        var selection: [Int32] = []
        var parts: [Members] = []
        selection.reserveCapacity(catalog.interfaceGroups.count)
        for group in catalog.interfaceGroups {
            let kept = Members(interfaces: group.members, addresses: group.addresses).kept(inScope.contains)
            if kept.interfaces.count == group.members.count {
                selection.append(Self.whole)
            } else if kept.interfaces.isEmpty {
                selection.append(Self.outOfScope)
            } else {
                selection.append(Int32(parts.count))
                parts.append(kept)
            }
        }
        self.selection = selection
        self.parts = parts
    }

    /// The members in scope of `group`, one of `catalog`'s; nil when none is.
    func members(of group: Int, in catalog: SourceCatalog) -> Members? {
        let selected = selection.isEmpty ? Self.whole : selection[group]
        if selected == Self.whole {
            let whole = catalog.interfaceGroups[group]
            return Members(interfaces: whole.members, addresses: whole.addresses)
        }
        return selected == Self.outOfScope ? nil : parts[Int(selected)]
    }
}
