/// The interfaces a who-can-reach question leaves out of its sources (the destination's own),
/// with the interface groups that hold them: every other group is answered whole, without a
/// list of its members made per question.
struct ExcludedInterfaces: Sendable {
    /// The interfaces, by index.
    let interfaces: Set<Int>
    /// The groups of ``SourceCatalog/interfaceGroups`` holding one of them, by index (a few).
    let groups: [Int]

    /// No interface left out.
    init() {
        interfaces = []
        groups = []
    }

    /// The interfaces of `destination`'s members, grouped as in `catalog`.
    init(of destination: Endpoint, in catalog: SourceCatalog) {
        var interfaces: Set<Int> = []
        for member in destination.members {
            if case .interface(let index) = member.place { interfaces.insert(index) }
        }
        self.interfaces = interfaces
        groups = interfaces.compactMap { interface in
            let group = interface < catalog.groupOfInterface.count ? catalog.groupOfInterface[interface] : -1
            return group >= 0 ? Int(group) : nil
        }
    }
}
