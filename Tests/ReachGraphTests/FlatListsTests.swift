import ReachNetwork
import Testing

@testable import ReachGraph

/// Lists kept flat or short for speed hold exactly what the lists they stand for hold.
@Suite("Flat and short lists")
struct FlatListsTests {
    static let designs = [
        "audit-gallery.yaml", "hybrid-aurora.yaml", "peering.yaml", "privatelink.yaml", "public-db.yaml",
        "return-nacl.yaml", "tgw-hub.yaml", "tgw-inspection.yaml", "three-tier.yaml",
    ]

    /// Every interface's groups, read from the graph's one list, are its own list's, in order;
    /// and an interface carries exactly the groups of its list.
    @Test("the graph's list of every interface's groups holds each interface's own", arguments: designs)
    func interfaceSecurityGroups(design: String) throws {
        let graph = try TestNetwork(bundled: design).graph
        #expect(!graph.interfaces.isEmpty)
        var carriedSome = false
        for (index, interface) in graph.interfaces.enumerated() {
            let flat = graph.interfaceSecurityGroups.places(of: index).map {
                graph.interfaceSecurityGroups[$0]
            }
            #expect(flat == interface.securityGroups, "\(interface.ref)")
            for group in graph.securityGroups.indices {
                let carries = graph.interfaceSecurityGroups.interface(index, carries: group)
                #expect(carries == interface.securityGroups.contains(group), "\(interface.ref) \(group)")
                carriedSome = carriedSome || carries
            }
        }
        #expect(carriedSome, "no interface of \(design) carries a group")
    }

    /// A trace's notes answer as a dictionary given the same writes would, for a random
    /// run of sets, replacements and removals over a few keys.
    @Test("a trace's notes read back as a dictionary does")
    func traceNotes() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var notes = TraceNotes<Int, Int>()
            var expected: [Int: Int] = [:]
            for _ in 0..<12 {
                let key = Int.random(in: 0..<4, using: &generator)
                let value: Int? =
                    Bool.random(using: &generator) ? Int.random(in: 0..<100, using: &generator) : nil
                notes[key] = value
                expected[key] = value
                for probe in 0..<4 { #expect(notes[probe] == expected[probe]) }
            }
        }
    }

    /// An attachment's subnets by zone answer as the dictionary they are made from, and list
    /// the subnets in the order of the zones' names (the order AZ picks are numbered in).
    @Test("an attachment's subnets by zone read back as the dictionary they are made from")
    func zoneSubnets() {
        let zones = ["us-east-1c": 7, "us-east-1a": 3, "eu-west-1b": 12, "us-east-1b": 5]
        let subnets = ZoneSubnets(zones)
        for (zone, subnet) in zones { #expect(subnets[zone] == subnet) }
        #expect(subnets["us-east-1d"] == nil)
        #expect(subnets.inZoneOrder == [12, 3, 5, 7])
        #expect(ZoneSubnets([:]).inZoneOrder.isEmpty)
    }

    /// The table of private IPs finds, for every address, exactly the interfaces the dictionary
    /// it is made from lists, in order, and none for an address not in it: random tables of a
    /// few to a few thousand addresses, some held by several interfaces, many of them close
    /// together (so that probes run into each other).
    @Test("the table of private IPs finds each address's interfaces")
    func privateAddressIndex() {
        var generator = SystemRandomNumberGenerator()
        for size in [0, 1, 5, 300, 4000] {
            var byAddress: [IPv4Address: [Int]] = [:]
            for interface in 0..<size {
                // Addresses from a small block, so that some are held twice.
                let address = IPv4Address(
                    0x0A00_0000 + UInt32.random(in: 0..<UInt32(size * 2 + 4), using: &generator))
                byAddress[address, default: []].append(interface)
            }
            let index = PrivateAddressIndex(byAddress)
            for (address, interfaces) in byAddress {
                var found: [Int] = []
                _ = index.first(of: index.holders(of: address)) {
                    found.append($0)
                    return false
                }
                #expect(found == interfaces, "\(address)")
                #expect(
                    index.first(of: index.holders(of: address)) { $0 == interfaces.last } == interfaces.last)
            }
            for offset in 0..<UInt32(size * 2 + 4) {
                let address = IPv4Address(0x0A00_0000 + offset)
                guard byAddress[address] == nil else { continue }
                #expect(!index.contains(index.holders(of: address)) { _ in true }, "\(address)")
            }
            #expect(!index.contains(index.holders(of: IPv4Address(0xC0A8_0001))) { _ in true })
        }
    }

    /// A design's table of private IPs agrees with its dictionary for every interface's address.
    @Test("a design's table of private IPs agrees with its dictionary", arguments: designs)
    func designPrivateAddresses(design: String) throws {
        let graph = try TestNetwork(bundled: design).graph
        for (address, interfaces) in graph.interfacesByPrivateIP {
            var found: [Int] = []
            _ = graph.privateAddressHolders.first(of: graph.privateAddressHolders.holders(of: address)) {
                found.append($0)
                return false
            }
            #expect(found == interfaces, "\(address)")
        }
    }

    /// Check positions packed in one word read back in the order appended, up to seven each
    /// below 256; one more, or one too large, is refused and leaves them as they were.
    @Test("check positions packed in a word read back as appended")
    func checkPositions() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var positions = CheckPositions()
            var expected: [Int] = []
            for _ in 0..<10 {
                let position = Int.random(in: 0..<300, using: &generator)
                let fits = expected.count < CheckPositions.capacity && position < 256
                let appended = positions.append(position)
                #expect(appended == fits)
                if fits { expected.append(position) }
                #expect(Array(positions) == expected)
                #expect(positions.count == expected.count)
            }
        }
        var edge = CheckPositions()
        #expect(Array(edge).isEmpty)
        let negative = edge.append(-1)
        #expect(!negative)
        let largest = edge.append(255)
        #expect(largest && Array(edge) == [255])
    }
}
