import Foundation
import Testing

@testable import ReachGraph

/// `ComponentRef` keeps its strings behind one shared reference: it must still behave as a value.
@Suite("ComponentRef as a value")
struct ComponentRefTests {
    @Test("setting a field of a copy leaves the original as it was")
    func copiesAreIndependent() {
        let original = ComponentRef(kind: "subnet", id: "subnet-1", name: "app-a")
        var copy = original
        copy.name = "app-b"
        copy.kind = "network-interface"
        copy.id = "eni-1"
        #expect(original.kind == "subnet")
        #expect(original.id == "subnet-1")
        #expect(original.name == "app-a")
        #expect(copy == ComponentRef(kind: "network-interface", id: "eni-1", name: "app-b"))
    }

    @Test("references made apart with equal strings are equal and hash alike; any other string differs")
    func equalityReadsTheStrings() {
        let first = ComponentRef(kind: "subnet", id: "subnet-1", name: "app-a")
        let second = ComponentRef(kind: "subnet", id: "subnet-1", name: "app-a")
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        #expect(Set([first, second]).count == 1)
        #expect(first != ComponentRef(kind: "vpc", id: "subnet-1", name: "app-a"))
        #expect(first != ComponentRef(kind: "subnet", id: "subnet-2", name: "app-a"))
        #expect(first != ComponentRef(kind: "subnet", id: "subnet-1", name: "app-b"))
    }

    @Test("JSON holds the kind, id and name, and reads back equal")
    func codableRoundTrip() throws {
        let ref = ComponentRef(kind: "security-group", id: "sg-1", name: "db")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(ref)
        #expect(
            String(decoding: data, as: UTF8.self) == #"{"id":"sg-1","kind":"security-group","name":"db"}"#)
        #expect(try JSONDecoder().decode(ComponentRef.self, from: data) == ref)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(
                ComponentRef.self, from: Data(#"{"id":"sg-1","kind":"security-group"}"#.utf8))
        }
    }
}
