import ReachNetwork

/// Splits address sets into classes whose addresses every predicate of the graph treats alike.
///
/// Between two of the graph's filter boundaries (every CIDR of a route, rule, entry, VPC,
/// subnet or site), addresses differ only in which interface holds them. So a set splits at the
/// filter boundaries and at the addresses of interfaces it contains; a set that excludes the
/// interfaces' addresses (the internet, a subnet's free hosts) needs only the filter boundaries.
struct AddressClasses {
    private let filterBoundaries: [UInt32]
    /// Every interface's private and public address, sorted.
    let interfaceAddresses: [UInt32]

    /// The classes of `graph`, whose interfaces are those of `base`'s graph (a graph patched
    /// by ``ForwardingGraph/patching(to:)``), some with the public IPs `moves` gave them.
    init(
        graph: ForwardingGraph, sameInterfacesAs base: AddressClasses,
        moves: [GraphEdits.PublicAddressMove] = []
    ) {
        filterBoundaries = graph.filterBoundaries
        var addresses = base.interfaceAddresses
        // An address let go stays when another interface holds it now (two swapped theirs).
        for case let old? in moves.map(\.old)
        where graph.interfacesByPublicIP[old] == nil && graph.interfacesByPrivateIP[old] == nil {
            let index = addresses.partitionPoint { $0 >= old.value }
            if index < addresses.count, addresses[index] == old.value { addresses.remove(at: index) }
        }
        interfaceAddresses = addresses.merging(Set(moves.compactMap { $0.new?.value }))
    }

    init(graph: ForwardingGraph) {
        filterBoundaries = graph.filterBoundaries
        var addresses = Set<UInt32>()
        for interface in graph.interfaces {
            for ip in interface.privateIPs { addresses.insert(ip.value) }
        }
        for case let ip? in graph.publicIPs { addresses.insert(ip.value) }
        interfaceAddresses = addresses.sorted()
    }

    /// The index of the filter class holding `address`: equal indexes, equal treatment (up to
    /// which interface holds the address).
    func filterClass(of address: IPv4Address) -> Int {
        filterBoundaries.partitionPoint { $0 > address.value }
    }

    /// The first and last address of the filter class holding `address`.
    func filterClassRange(of address: IPv4Address) -> (low: IPv4Address, high: IPv4Address) {
        let index = filterClass(of: address)
        let low = index == 0 ? 0 : filterBoundaries[index - 1]
        let high = index < filterBoundaries.count ? filterBoundaries[index] - 1 : UInt32.max
        return (IPv4Address(low), IPv4Address(high))
    }

    /// Every address whose filter class meets `set`: an address's class meets `set` exactly
    /// when the address is in the result.
    func widened(_ set: IPv4AddressSet) -> IPv4AddressSet {
        IPv4AddressSet(
            storage: IntervalSet(
                set.storage.intervals.map { interval in
                    filterClassRange(of: IPv4Address(interval.lowerBound)).low
                        .value...filterClassRange(of: IPv4Address(interval.upperBound)).high.value
                }))
    }

    /// `set` split into classes, each with its lowest address as representative.
    func split(_ set: IPv4AddressSet) -> [(representative: IPv4Address, addresses: IPv4AddressSet)] {
        var pieces: [ClosedRange<UInt32>] = []
        for interval in set.storage.intervals {
            var low = interval.lowerBound
            while true {
                var high = interval.upperBound
                let nextFilter = filterBoundaries.partitionPoint { $0 > low }
                if nextFilter < filterBoundaries.count, filterBoundaries[nextFilter] - 1 < high {
                    high = filterBoundaries[nextFilter] - 1
                }
                // An interface's address inside the set is a class of its own.
                let nextInterface = interfaceAddresses.partitionPoint { $0 >= low }
                if nextInterface < interfaceAddresses.count, interfaceAddresses[nextInterface] <= high {
                    let address = interfaceAddresses[nextInterface]
                    high = address == low ? low : address - 1
                }
                pieces.append(low...high)
                if high == interval.upperBound { break }
                low = high + 1
            }
        }
        // Pieces of one filter class that no interface address separates belong together even
        // across the set's holes; merge them by class.
        var result: [(IPv4Address, IPv4AddressSet)] = []
        var currentKey: (Int, Bool)?
        var current: [ClosedRange<UInt32>] = []
        for piece in pieces {
            let isInterfaceAddress =
                piece.lowerBound == piece.upperBound && interfaceAddresses.binaryContains(piece.lowerBound)
            let key = (filterClass(of: IPv4Address(piece.lowerBound)), isInterfaceAddress)
            if let existing = currentKey, existing == key, !isInterfaceAddress {
                current.append(piece)
            } else {
                if let first = current.first {
                    result.append(
                        (IPv4Address(first.lowerBound), IPv4AddressSet(storage: IntervalSet(current))))
                }
                current = [piece]
                currentKey = key
            }
        }
        if let first = current.first {
            result.append((IPv4Address(first.lowerBound), IPv4AddressSet(storage: IntervalSet(current))))
        }
        return result
    }
}

extension Array where Element: Comparable {
    /// Whether the sorted array holds `value` (binary search).
    func binaryContains(_ value: Element) -> Bool {
        let index = partitionPoint { $0 >= value }
        return index < count && self[index] == value
    }
}
