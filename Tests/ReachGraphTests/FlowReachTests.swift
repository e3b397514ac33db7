import ReachNetwork
import Testing

@testable import ReachGraph

/// `FlowReach` keeps its parts behind one shared reference: it must still behave as a value.
@Suite("FlowReach as a value")
struct FlowReachTests {
    private let tcp5432 = TrafficSet(ports: IntervalSet(5432...5432), of: .tcp)

    @Test("setting a part of a copy leaves the original as it was")
    func copiesAreIndependent() {
        let original = FlowReach(reachable: tcp5432, unknown: .empty)
        var copy = original
        copy.reachable = .all
        copy.unknownReasons = [.zoneDependent]
        copy.blockReason = .noRouteToDestination
        #expect(original.reachable == tcp5432)
        #expect(original.unknownReasons.isEmpty)
        #expect(original.blockReason == nil)
        #expect(copy.reachable == .all)
        #expect(copy.blockReason == .noRouteToDestination)
        copy.blockReason = nil
        #expect(copy.blockReason == nil)
    }

    @Test("answers built apart with equal parts are equal and hash alike; different parts are not")
    func equalityReadsTheParts() {
        let first = FlowReach(reachable: tcp5432, unknown: .all, unknownReasons: [.zoneDependent])
        let second = FlowReach(reachable: tcp5432, unknown: .all, unknownReasons: [.zoneDependent])
        #expect(first == second)
        #expect(Set([first, second]).count == 1)
        #expect(first != FlowReach(reachable: tcp5432, unknown: .all, unknownReasons: [.addressNotKnown]))
        #expect(FlowReach.blocked(.noRouteToDestination) != FlowReach.blocked(nil))
        #expect(FlowReach.blocked(nil) == FlowReach(reachable: .empty, unknown: .empty))
    }

    @Test("the initializer takes reachable traffic out of the unknown part")
    func unknownExcludesReachable() {
        let reach = FlowReach(reachable: tcp5432, unknown: .all, unknownReasons: [.zoneDependent])
        #expect(!reach.unknown.contains(.tcp, port: 5432))
        #expect(reach.unknown.contains(.tcp, port: 22))
        #expect(reach.verdict(.tcp, port: 5432) == .reachable)
        #expect(reach.verdict(.udp, port: 53) == .unknown)
    }

    /// An answer is identical to its copies, and not to an equal answer built apart, nor to a
    /// copy changed afterwards: identity may only save work on answers known to be equal.
    @Test("an answer is identical to its copies only")
    func identity() {
        let answer = FlowReach(reachable: tcp5432, unknown: .empty)
        let copy = answer
        #expect(answer.isIdentical(to: copy))
        let apart = FlowReach(reachable: tcp5432, unknown: .empty)
        #expect(apart == answer)
        #expect(!apart.isIdentical(to: answer))
        var changed = copy
        changed.unknown = TrafficSet(ports: IntervalSet(22...22), of: .tcp)
        #expect(!changed.isIdentical(to: answer))
        #expect(answer.isIdentical(to: copy))
    }
}
