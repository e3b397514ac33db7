import ReachNetwork

/// The interfaces holding each private IP, in an open-addressed table of addresses.
///
/// The symbolic engine looks up a peer's interfaces for thousands of sources per question, and
/// a walk looks up the interface at its destination; from a dictionary of lists each lookup
/// costs a hash of the address, a probe and a list of its own to read (a cache miss and a
/// reference counted). Here it is a multiplication, a probe, and for the few addresses several
/// interfaces hold (unpeered VPCs reusing address space), a run in one shared list.
struct PrivateAddressIndex: Sendable {
    /// The interfaces holding one address, as ``holders(of:)`` finds them.
    struct Holders {
        /// -1: none; 0 or more: the one interface; -2 - start: a run in ``shared``.
        fileprivate let value: Int32
    }

    /// One address and its holders, side by side: a probe reads one cache line, not two.
    private struct Slot {
        /// The address (its value); the slot is empty when ``holders`` is -1.
        var address: UInt32
        /// The address's ``Holders`` value.
        var holders: Int32
    }

    private var slots: [Slot]
    /// For each address several interfaces hold: their count, then the interfaces.
    private var shared: [Int32] = []
    /// The number of bits of a slot number (the table has `1 << bits` slots).
    private let bits: Int

    /// The index of `byAddress`, each address's interfaces in their order there.
    init(_ byAddress: [IPv4Address: [Int]]) {
        var bits = 3
        while (1 << bits) < byAddress.count * 2 { bits += 1 }
        self.bits = bits
        slots = Array(repeating: Slot(address: 0, holders: -1), count: 1 << bits)
        for (address, interfaces) in byAddress where !interfaces.isEmpty {
            var slot = Self.slot(of: address.value, bits: bits)
            while slots[slot].holders != -1 { slot = (slot + 1) & ((1 << bits) - 1) }
            slots[slot].address = address.value
            if interfaces.count == 1 {
                slots[slot].holders = Int32(interfaces[0])
            } else {
                slots[slot].holders = -2 - Int32(shared.count)
                shared.append(Int32(interfaces.count))
                shared += interfaces.map { Int32($0) }
            }
        }
    }

    /// Where the probe for `address` starts: the top bits of a multiplicative hash.
    private static func slot(of address: UInt32, bits: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(address) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    /// The interfaces holding `address`.
    func holders(of address: IPv4Address) -> Holders {
        var slot = Self.slot(of: address.value, bits: bits)
        while slots[slot].holders != -1 {
            if slots[slot].address == address.value { return Holders(value: slots[slot].holders) }
            slot = (slot + 1) & ((1 << bits) - 1)
        }
        return Holders(value: -1)
    }

    /// The first of `found` that `matches`, in the order the index was given them.
    func first(of found: Holders, where matches: (Int) -> Bool) -> Int? {
        if found.value >= 0 { return matches(Int(found.value)) ? Int(found.value) : nil }
        guard found.value <= -2 else { return nil }
        let start = Int(-2 - found.value)
        for place in (start + 1)..<(start + 1 + Int(shared[start])) where matches(Int(shared[place])) {
            return Int(shared[place])
        }
        return nil
    }

    /// Whether some of `found` `matches`.
    func contains(_ found: Holders, where matches: (Int) -> Bool) -> Bool {
        first(of: found, where: matches) != nil
    }
}
