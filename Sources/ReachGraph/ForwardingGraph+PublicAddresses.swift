import ReachModel
import ReachNetwork

extension ForwardingGraph {
    /// The public IP the endpoint of `database` (at `position` in the topology's DB instances)
    /// has: none unless it is publicly accessible; then its own, or a stand-in from reserved
    /// space (never a real or input address) when the input does not list one, so that the
    /// internet can address it. Only a stand-in's identity matters: rules on the internet side
    /// never name it.
    static func publicIP(ofDatabase database: DBInstance, at position: Int) -> IPv4Address? {
        guard database.publiclyAccessible else { return nil }
        return database.publicIP ?? IPv4Address(standInPublicAddresses.network.value + UInt32(position) + 1)
    }

    /// Gives the interfaces of the ENIs at `interfacePositions` and the DB instances at
    /// `databasePositions` (positions in `patched`'s topology) their public IPs there, updating
    /// the lookup by public IP and the address boundaries. Nil when a new address is held by an
    /// interface that keeps it (an input the full build reports on).
    func movePublicAddresses(
        interfaces interfacePositions: [Int], databases databasePositions: [Int],
        in patched: inout ForwardingGraph
    ) -> [GraphEdits.PublicAddressMove]? {
        let topology = patched.topology
        var moves: [GraphEdits.PublicAddressMove] = []
        for position in interfacePositions {
            let eni = topology.networkInterfaces[position]
            guard let index = interfaceIndex[eni.id] else { continue }
            moves.append(.init(interface: index, old: publicIPs[index], new: eni.publicIP))
        }
        for position in databasePositions {
            let database = topology.dbInstances[position]
            guard let index = databaseInterfaces[database.id] else { continue }
            let new = Self.publicIP(ofDatabase: database, at: position)
            moves.append(.init(interface: index, old: publicIPs[index], new: new))
        }
        moves.removeAll { $0.old == $0.new }
        // Every old address is let go before any new one is taken, so that two interfaces may
        // swap theirs.
        for move in moves {
            if let old = move.old, patched.interfacesByPublicIP[old] == move.interface {
                patched.interfacesByPublicIP[old] = nil
            }
        }
        var boundaries: Set<UInt32> = []
        for move in moves {
            patched.publicIPs[move.interface] = move.new
            guard let new = move.new else { continue }
            guard patched.interfacesByPublicIP[new] == nil else { return nil }
            patched.interfacesByPublicIP[new] = move.interface
            boundaries.insert(new.value)
            if new.value != UInt32.max { boundaries.insert(new.value + 1) }
        }
        patched.addressBoundaries = patched.addressBoundaries.merging(boundaries)
        return moves
    }
}
