import ReachNetwork

/// The members of each interface group that a ``SourceScope`` asks about, found once per scope
/// rather than per question: a group wholly in scope is answered from the catalog's own lists,
/// and the members in scope of groups partly in scope are laid out in lists of the scope's.
///
/// A group's members are a range of places in lists every group shares, not lists of their
/// own: answering one of thousands of groups then counts no reference for lists scattered over
/// the heap.
struct ScopedInterfaceGroups: Sendable {
    /// The members in scope, one group after another: the catalog's lists when every interface
    /// is in scope.
    private let interfaces: [Int]
    /// Each member's private IP, parallel to ``interfaces``.
    private let addresses: [IPv4Address]
    /// Per group, where its members in scope are in ``interfaces`` (empty for none); empty
    /// when every interface is in scope, and the catalog's groups give the places.
    private let places: [Range<Int32>]

    /// Some members of one group, each at its private IP.
    enum Members: Sendable {
        /// The members at these places of the scope's lists.
        case stored(Range<Int>)
        /// Members listed apart (a group with the destination's own interface left out),
        /// in parallel lists.
        case listed(interfaces: [Int], addresses: [IPv4Address])
    }

    /// The members of `catalog`'s groups in `scope`.
    init(_ scope: SourceScope, catalog: SourceCatalog) {
        guard let inScope = scope.interfaces else {
            interfaces = catalog.memberInterfaces
            addresses = catalog.memberAddresses
            places = []
            return
        }
        var interfaces: [Int] = []
        var addresses: [IPv4Address] = []
        var places: [Range<Int32>] = []
        places.reserveCapacity(catalog.interfaceGroups.count)
        for group in catalog.interfaceGroups {
            let start = Int32(interfaces.count)
            for place in group.members where inScope.contains(catalog.memberInterfaces[place]) {
                interfaces.append(catalog.memberInterfaces[place])
                addresses.append(catalog.memberAddresses[place])
            }
            places.append(start..<Int32(interfaces.count))
        }
        self.interfaces = interfaces
        self.addresses = addresses
        self.places = places
    }

    /// The members in scope of `group`, one of `catalog`'s; nil when none is.
    func members(of group: Int, in catalog: SourceCatalog) -> Members? {
        let range =
            places.isEmpty
            ? catalog.interfaceGroups[group].members
            : Int(places[group].lowerBound)..<Int(places[group].upperBound)
        return range.isEmpty ? nil : .stored(range)
    }

    /// Calls `body` with each of `members` and its private IP, in order.
    func forEach(_ members: Members, _ body: (Int, IPv4Address) -> Void) {
        switch members {
        case .stored(let range):
            for place in range { body(interfaces[place], addresses[place]) }
        case .listed(let interfaces, let addresses):
            for (interface, address) in zip(interfaces, addresses) { body(interface, address) }
        }
    }

    /// The first of `members` and its private IP; nil when there is none.
    func first(of members: Members) -> (interface: Int, address: IPv4Address)? {
        switch members {
        case .stored(let range):
            guard let place = range.first else { return nil }
            return (interfaces[place], addresses[place])
        case .listed(let interfaces, let addresses):
            guard let interface = interfaces.first, let address = addresses.first else { return nil }
            return (interface, address)
        }
    }

    /// The members of `members` that `keep` keeps, with their addresses.
    func kept(_ members: Members, _ keep: (Int) -> Bool) -> Members {
        var interfaces: [Int] = []
        var addresses: [IPv4Address] = []
        forEach(members) { interface, address in
            guard keep(interface) else { return }
            interfaces.append(interface)
            addresses.append(address)
        }
        return .listed(interfaces: interfaces, addresses: addresses)
    }
}
