import ReachEstate
import ReachModel
import ReachNetwork
import Testing

@testable import ReachGraph

/// Groups of identical interfaces are answered from the catalog's own member lists: the members
/// a scope asks about and the destination's own interfaces must still be told apart exactly.
@Suite("Sources in scope, answered by group")
struct ScopedSourcesTests {
    /// Every group's members in scope are exactly the catalog's members in the scope's set, each
    /// at its first private IP; a group wholly in scope is the catalog's lists, and one with no
    /// member in scope is none.
    @Test("a scope's groups hold exactly its interfaces")
    func scopedGroups() throws {
        let estate = try LoadedEstate(EstateShape(vpcs: 10))
        let analyzer = ReachabilityAnalyzer(graph: estate.checker.graph)
        let catalog = analyzer.catalog
        let shared = try #require(catalog.interfaceGroups.firstIndex { $0.members.count >= 2 })
        // Every third interface, and one member only of a group of several: some groups are
        // whole, some partly in scope, some out of it.
        var chosen = Set(stride(from: 0, to: analyzer.graph.interfaces.count, by: 3))
        let sharedMembers = catalog.memberInterfaces[catalog.interfaceGroups[shared].members]
        chosen.subtract(sharedMembers)
        chosen.insert(sharedMembers[sharedMembers.startIndex + 1])
        let scope = SourceScope(chosen.map { SourceIdentity.interface($0) })
        let scoped = ScopedInterfaceGroups(scope, catalog: catalog)
        var kinds: Set<String> = []
        for (index, group) in catalog.interfaceGroups.enumerated() {
            let expected = catalog.memberInterfaces[group.members].filter { chosen.contains($0) }
            let members = scoped.members(of: index, in: catalog).map { scoped.listed($0) }
            if expected.isEmpty {
                #expect(members == nil, "group \(index)")
                kinds.insert("none")
                continue
            }
            kinds.insert(expected.count == group.members.count ? "whole" : "part")
            #expect(members?.interfaces == expected, "group \(index)")
            #expect(
                members?.addresses == expected.map { analyzer.graph.interfaces[$0].privateIPs.first },
                "group \(index)")
        }
        #expect(kinds == ["none", "whole", "part"])
        #expect(
            scoped.members(of: shared, in: catalog).map { scoped.listed($0).interfaces } == [
                sharedMembers[sharedMembers.startIndex + 1]
            ])
        let everything = ScopedInterfaceGroups(.everything, catalog: catalog)
        for (index, group) in catalog.interfaceGroups.enumerated() {
            let members = everything.members(of: index, in: catalog).map { everything.listed($0) }
            #expect(members?.interfaces == Array(catalog.memberInterfaces[group.members]))
            #expect(
                members?.addresses
                    == catalog.memberInterfaces[group.members].map {
                        analyzer.graph.interfaces[$0].privateIPs.first
                    })
        }
    }

    /// A question scoped to some interfaces lists exactly the entries the whole question lists
    /// for them, whether their groups are wholly or partly in scope, and never the destination.
    @Test("who-can-reach over a scope lists what the whole answer lists for it")
    func scopedAnswer() throws {
        let estate = try LoadedEstate(EstateShape(vpcs: 10))
        let analyzer = ReachabilityAnalyzer(graph: estate.checker.graph)
        let graph = analyzer.graph
        for database in estate.topology.dbInstances.prefix(2) {
            let destination = try analyzer.resolver.resolve(database.id)
            let excluded = ExcludedInterfaces(of: destination, in: analyzer.catalog)
            #expect(!excluded.interfaces.isEmpty, "\(database.id)")
            for interface in excluded.interfaces {
                #expect(
                    excluded.groups == [Int(analyzer.catalog.groupOfInterface[interface])], "\(database.id)")
            }
            let whole = analyzer.whoCanReach(destination)
            // The destination's own interface and one member of each group of several are in scope.
            var chosen = excluded.interfaces
            for group in analyzer.catalog.interfaceGroups where group.members.count >= 2 {
                chosen.insert(analyzer.catalog.memberInterfaces[group.members.lowerBound])
            }
            let names = Set(chosen.map { graph.interfaces[$0].ref })
            let scoped = analyzer.whoCanReach(destination, scope: SourceScope(chosen.map { .interface($0) }))
            let expected = whole.sources.filter { names.contains($0.ref) }
            #expect(!expected.isEmpty, "\(database.id): no source in scope reaches")
            #expect(scoped.sources == expected, "\(database.id)")
            #expect(scoped.sourcesAnalysed == chosen.count - excluded.interfaces.count, "\(database.id)")
            let own = Set(excluded.interfaces.map { graph.interfaces[$0].ref })
            #expect(!whole.sources.contains { own.contains($0.ref) }, "\(database.id) is its own source")
        }
    }
}

extension ScopedInterfaceGroups {
    /// `members` as lists, for comparing with what a test expects.
    func listed(_ members: Members) -> (interfaces: [Int], addresses: [IPv4Address?]) {
        var interfaces: [Int] = []
        var addresses: [IPv4Address?] = []
        forEach(members) { interface, address in
            interfaces.append(interface)
            addresses.append(address)
        }
        return (interfaces, addresses)
    }
}
