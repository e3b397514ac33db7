import ReachEstate
import ReachModel
import ReachNetwork
import Testing

@testable import ReachGraph

/// Walks note the route tables they read only for answers that keep a footprint; a footprint
/// must never rest on a walk that noted none without saying so.
@Suite("Route tables noted for footprints")
struct FootprintLookupsTests {
    /// An answer that keeps a footprint notes, for each walk, the route tables it read; an
    /// answer that takes a walk kept from one that noted none is opaque (any edit answers it
    /// again) rather than resting on no route table.
    @Test("a footprint notes its walks' route tables, or is opaque")
    func footprintsNoteLookups() throws {
        let estate = try LoadedEstate(EstateShape(vpcs: 10))
        let analyzer = ReachabilityAnalyzer(graph: estate.checker.graph)
        let catalog = analyzer.catalog
        let database = try analyzer.resolver.resolve(try #require(estate.topology.dbInstances.last).id)
        let target = try #require(database.members.first)
        // Two groups of one subnet and address class (of any public class): they share a walk.
        var firstOfSlot: [Int: Int] = [:]
        var pair: (Int, Int)?
        for (index, group) in catalog.interfaceGroups.enumerated() where pair == nil {
            if let first = firstOfSlot[group.walkSlot] {
                pair = (first, index)
            } else {
                firstOfSlot[group.walkSlot] = index
            }
        }
        let (first, second) = try #require(pair)
        func representative(_ group: Int) -> (interface: Int, address: IPv4Address) {
            let place = catalog.interfaceGroups[group].members.lowerBound
            return (catalog.memberInterfaces[place], catalog.memberAddresses[place])
        }
        func walk(_ group: Int) -> AnalysisSession.SharedWalk {
            AnalysisSession.SharedWalk(
                key: catalog.interfaceGroups[group].walkKey, slot: catalog.interfaceGroups[group].walkSlot)
        }

        // Kept from the start: each walk notes its route tables.
        var recording = AnalysisSession(graph: analyzer.graph, catalog: catalog)
        for group in [first, second] {
            recording.footprint = AnswerFootprint()
            let (interface, address) = representative(group)
            _ = recording.answer(fromInterface: interface, at: address, to: target, walk: walk(group))
            let footprint = try #require(recording.footprint)
            #expect(!footprint.isOpaque)
            #expect(!footprint.walks.isEmpty)
            #expect(footprint.walks.allSatisfy { !$0.lookups.isEmpty }, "a walk noted no route table")
        }

        // Walked first for an answer without a footprint, then taken by one that keeps one.
        var mixed = AnalysisSession(graph: analyzer.graph, catalog: catalog)
        let (interface, address) = representative(first)
        _ = mixed.answer(fromInterface: interface, at: address, to: target, walk: walk(first))
        mixed.footprint = AnswerFootprint()
        let (other, otherAddress) = representative(second)
        _ = mixed.answer(fromInterface: other, at: otherAddress, to: target, walk: walk(second))
        #expect(mixed.footprint?.isOpaque == true)
    }
}
