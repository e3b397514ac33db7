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

    /// Whether an answer reaches nothing and its witness's packet shape are kept beside its
    /// sets: they must stay those of the sets, however the answer was made or changed.
    @Test("an answer's emptiness and witness sample are those of its sets")
    func keptFactsFollowTheSets() {
        let icmp = TrafficSet(icmpTypes: IntervalSet(8...8))
        var changed = FlowReach(reachable: tcp5432, unknown: .empty)
        changed.reachable = .empty
        var unknownOnly = FlowReach.blocked(.noRouteToDestination)
        unknownOnly.unknown = icmp
        let answers: [FlowReach] = [
            FlowReach(reachable: tcp5432, unknown: .all),
            FlowReach(reachable: .empty, unknown: icmp),
            FlowReach(reachable: .empty, unknown: .empty),
            .blocked(.noRouteToDestination),
            .blocked(nil),
            .allUnknown(.unknownResource),
            FlowReach(reachable: .all, unknown: .empty).restricted(to: icmp),
            FlowReach(reachable: tcp5432, unknown: .empty).restricted(to: icmp),
            FlowReach(reachable: tcp5432, unknown: .empty).agreeing(
                with: FlowReach(reachable: icmp, unknown: .empty), disagreement: .zoneDependent),
            FlowReach.blocked(nil).either(FlowReach(reachable: icmp, unknown: .empty)),
            changed,
            unknownOnly,
        ]
        for answer in answers {
            #expect(answer.isUnreachable == (answer.reachable.isEmpty && answer.unknown.isEmpty), "\(answer)")
            let expected = answer.reachable.sample ?? answer.unknown.sample
            #expect(answer.sample?.proto == expected?.proto, "\(answer)")
            #expect(answer.sample?.port == expected?.port, "\(answer)")
        }
        #expect(changed.isUnreachable)
        #expect(unknownOnly.sample?.proto == .icmp)
        #expect(FlowReach(reachable: tcp5432, unknown: .all).sample?.port == 5432)
    }
}
