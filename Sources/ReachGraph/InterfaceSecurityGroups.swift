/// Every interface's security groups in one list, interface after interface.
///
/// The symbolic engine reads the groups of thousands of interfaces per question; read from
/// here, they are places in one list instead of a list of each interface's own, scattered over
/// the heap (each read a cache miss and a reference counted).
struct InterfaceSecurityGroups: Sendable {
    /// Where each interface's groups start in ``groups``, with one more start past the last.
    private var starts: [Int32] = [0]
    /// The groups (by graph index) of every interface, in the order of the interfaces.
    private var groups: [Int32] = []

    /// Adds the groups of the next interface.
    mutating func append(_ interfaceGroups: [Int]) {
        groups += interfaceGroups.map { Int32($0) }
        starts.append(Int32(groups.count))
    }

    /// The places of `interface`'s groups (see ``subscript(_:)``).
    func places(of interface: Int) -> Range<Int> { Int(starts[interface])..<Int(starts[interface + 1]) }

    /// The group at `place`, by graph index.
    subscript(place: Int) -> Int { Int(groups[place]) }

    /// Whether `interface` carries `group`.
    func interface(_ interface: Int, carries group: Int) -> Bool {
        places(of: interface).contains { groups[$0] == Int32(group) }
    }
}
