import ReachGraph
import ReachNetwork

/// Evaluates assertions against one network: single flows with the concrete checker (so a
/// failure shows the exact path or blocker), quantified ones with the symbolic engine over
/// every source, destination, protocol and port they name.
public struct SpecRunner: Sendable {
    private let checker: ReachabilityChecker
    private let analyzer: ReachabilityAnalyzer
    /// At most this many offending flows are kept per assertion.
    private static let evidenceLimit = 10

    /// A runner over `graph`.
    public init(graph: ForwardingGraph) {
        checker = ReachabilityChecker(graph: graph)
        analyzer = ReachabilityAnalyzer(graph: graph)
    }

    /// The outcome of every assertion of `spec`, in order.
    public func run(_ spec: RegressionSpec) -> [AssertionOutcome] {
        spec.assertions.map(run)
    }

    /// The outcome of one assertion.
    public func run(_ assertion: Assertion) -> AssertionOutcome {
        let destinations: [Endpoint]
        do {
            destinations = try endpoints(assertion.to)
        } catch {
            return AssertionOutcome(assertion: assertion, status: .error, summary: "\(error)", evidence: [])
        }
        if case .only(let selectors) = assertion.expectation {
            do {
                let allowed = try selectors.flatMap { (selector) throws(EndpointSelectorError) in
                    try selector.endpoints(in: analyzer.graph)
                }
                return only(assertion, allowed: allowed, destinations: destinations)
            } catch {
                return AssertionOutcome(
                    assertion: assertion, status: .error, summary: "\(error)", evidence: [])
            }
        }
        guard let from = assertion.from else {
            return AssertionOutcome(
                assertion: assertion, status: .error, summary: "no sources given", evidence: [])
        }
        let sources: [Endpoint]
        do {
            sources = try endpoints(from)
        } catch {
            return AssertionOutcome(assertion: assertion, status: .error, summary: "\(error)", evidence: [])
        }
        var failures: [AssertionOutcome.Evidence] = []
        var failureCount = 0
        var pairs = 0
        for destination in destinations {
            for source in sources where source.ref != destination.ref {
                pairs += 1
                let judged = judge(assertion, source, destination)
                if case .failure(let message) = judged.verdict {
                    return AssertionOutcome(
                        assertion: assertion, status: .error, summary: message, evidence: [])
                }
                guard let evidence = judged.evidence else { continue }
                failureCount += 1
                if failures.count < Self.evidenceLimit { failures.append(evidence) }
            }
        }
        guard pairs > 0 else {
            return AssertionOutcome(
                assertion: assertion, status: .error,
                summary: "the selectors leave no source and destination pair",
                evidence: [])
        }
        if failureCount == 0 {
            return AssertionOutcome(
                assertion: assertion, status: .passed,
                summary: pairs == 1
                    ? "as expected" : "as expected for all \(pairs) source and destination pairs",
                evidence: [])
        }
        let summary =
            pairs == 1
            ? failures.first?.summary ?? "not as expected"
            : "\(failureCount) of \(pairs) source and destination pairs are not as expected"
        return AssertionOutcome(assertion: assertion, status: .failed, summary: summary, evidence: failures)
    }

    private func endpoints(_ selector: EndpointSelector) throws(EndpointSelectorError) -> [Endpoint] {
        try selector.endpoints(in: analyzer.graph)
    }

    // MARK: - One pair

    private enum PairVerdict {
        case judged
        case failure(String)
    }

    /// Judges one source and destination: nil evidence when the expectation holds.
    private func judge(_ assertion: Assertion, _ source: Endpoint, _ destination: Endpoint) -> (
        verdict: PairVerdict, evidence: AssertionOutcome.Evidence?
    ) {
        if let port = singlePort(assertion, destination) {
            return judgeFlow(assertion, source, destination, port: port)
        }
        guard let traffic = TrafficSet(assertion.flowProtocol, ports: assertion.ports) else {
            return (.failure("a port applies to tcp and udp only"), nil)
        }
        let reach = analyzer.reach(from: source, to: destination).restricted(to: traffic)
        let pair = "\(source.ref) -> \(destination.ref)"
        switch assertion.expectation {
        case .reachable:
            let missing = traffic.subtracting(reach.reachable)
            guard let sample = missing.sample else { return (.judged, nil) }
            return (
                .judged,
                evidence(
                    "\(pair): not all of \(traffic) reaches; \(missing) does not", source, destination, sample
                )
            )
        case .unreachable(let reason):
            let open = reach.reachable.union(reach.unknown)
            if let sample = open.sample {
                let how = reach.reachable.isEmpty ? "might be reached (unknown)" : "reaches"
                return (.judged, evidence("\(pair): \(how) on \(open)", source, destination, sample))
            }
            guard let reason, let sample = traffic.sample else { return (.judged, nil) }
            return judgeReason(reason, pair, source, destination, sample)
        case .unknown(let reason):
            if let sample = reach.reachable.sample {
                return (
                    .judged, evidence("\(pair): reaches on \(reach.reachable)", source, destination, sample)
                )
            }
            if reach.unknown.isEmpty, let sample = traffic.sample {
                return (.judged, evidence("\(pair): unreachable, not unknown", source, destination, sample))
            }
            if let reason, !reach.unknownReasons.contains(reason), let sample = reach.unknown.sample {
                let found = reach.unknownReasons.map(\.rawValue).sorted().joined(separator: ", ")
                return (
                    .judged,
                    evidence(
                        "\(pair): unknown for \(found), not \(reason.rawValue)", source, destination, sample)
                )
            }
            return (.judged, nil)
        case .only:
            return (.judged, nil)
        }
    }

    /// The one destination port of a single-flow question, 0 for a protocol without ports;
    /// nil when the assertion asks about many flows.
    private func singlePort(_ assertion: Assertion, _ destination: Endpoint) -> UInt16? {
        guard case .single(let proto) = assertion.flowProtocol else { return nil }
        guard proto.hasPorts else { return 0 }
        if let ports = assertion.ports {
            return ports.lowerBound == ports.upperBound ? ports.lowerBound : nil
        }
        return destination.databasePort
    }

    /// A single flow, checked concretely.
    private func judgeFlow(_ assertion: Assertion, _ source: Endpoint, _ destination: Endpoint, port: UInt16)
        -> (
            verdict: PairVerdict, evidence: AssertionOutcome.Evidence?
        )
    {
        guard case .single(let proto) = assertion.flowProtocol else {
            return (.failure("not a single flow"), nil)
        }
        let result: CheckResult
        do {
            result = try checker.check(
                FlowQuery(
                    source: source, destination: destination, flowProtocol: .single(proto),
                    destinationPort: proto.hasPorts ? port : nil))
        } catch {
            return (.failure("\(source.ref) -> \(destination.ref): \(error)"), nil)
        }
        let holds: Bool
        switch assertion.expectation {
        case .reachable: holds = result.verdict == .reachable
        case .unreachable(let reason):
            holds = result.verdict == .unreachable && (reason.map { names(result, $0) } ?? true)
        case .unknown(let reason):
            holds = result.verdict == .unknown && (reason.map { result.reason == $0 } ?? true)
        case .only: holds = true
        }
        if holds { return (.judged, nil) }
        return (.judged, AssertionOutcome.Evidence(summary: describe(result), trace: result.trace))
    }

    /// Whether `result` names a blocker (or stops) for `reason`.
    private func names(_ result: CheckResult, _ reason: ReasonCode) -> Bool {
        result.reason == reason || result.blockers.contains { $0.reason == reason }
    }

    /// `app-1 -> orders-db, tcp/5432: unreachable (SUBNET_ACL_RESTRICTION)`.
    private func describe(_ result: CheckResult) -> String {
        let codes = Set(result.blockers.map(\.reason.rawValue) + [result.reason?.rawValue].compactMap { $0 })
        let reasons = codes.isEmpty ? "" : " (\(codes.sorted().joined(separator: ", ")))"
        return
            "\(result.source) -> \(result.destination), \(result.flow): \(result.verdict.rawValue)\(reasons)"
    }

    /// A symbolic answer already fits; the named reason must show on a concrete flow.
    private func judgeReason(
        _ reason: ReasonCode, _ pair: String, _ source: Endpoint, _ destination: Endpoint,
        _ sample: (proto: IPProtocolNumber, port: UInt16)
    ) -> (verdict: PairVerdict, evidence: AssertionOutcome.Evidence?) {
        guard let result = try? checker.check(query(source, destination, sample)) else {
            return (.judged, nil)
        }
        if names(result, reason) { return (.judged, nil) }
        return (
            .judged,
            AssertionOutcome.Evidence(
                summary: "\(describe(result)), not \(reason.rawValue)", trace: result.trace)
        )
    }

    /// Evidence for one flow of many: the summary, and the flow traced concretely.
    private func evidence(
        _ summary: String, _ source: Endpoint, _ destination: Endpoint,
        _ sample: (proto: IPProtocolNumber, port: UInt16)
    ) -> AssertionOutcome.Evidence {
        let trace = try? checker.check(query(source, destination, sample)).trace
        return AssertionOutcome.Evidence(summary: summary, trace: trace)
    }

    /// The concrete query for one protocol and port (an ICMP type for ICMP).
    private func query(
        _ source: Endpoint, _ destination: Endpoint, _ sample: (proto: IPProtocolNumber, port: UInt16)
    )
        -> FlowQuery
    {
        switch sample.proto {
        case .icmp:
            FlowQuery(
                source: source, destination: destination, flowProtocol: .single(.icmp),
                icmpType: UInt8(sample.port))
        case let proto where proto.hasPorts:
            FlowQuery(
                source: source, destination: destination, flowProtocol: .single(proto),
                destinationPort: sample.port)
        default:
            FlowQuery(source: source, destination: destination, flowProtocol: .single(sample.proto))
        }
    }

    // MARK: - Only

    /// Every source reaching (or perhaps reaching) each destination must be one `allowed` covers.
    private func only(_ assertion: Assertion, allowed: [Endpoint], destinations: [Endpoint])
        -> AssertionOutcome
    {
        var failures: [AssertionOutcome.Evidence] = []
        var failureCount = 0
        for destination in destinations {
            let ports = assertion.ports ?? databasePort(assertion, destination)
            guard let traffic = TrafficSet(assertion.flowProtocol, ports: ports) else {
                return AssertionOutcome(
                    assertion: assertion, status: .error, summary: "a port applies to tcp and udp only",
                    evidence: [])
            }
            let answer = analyzer.whoCanReach(destination, traffic: traffic)
            for source in answer.sources where !source.isCovered(by: allowed, in: analyzer.graph) {
                failureCount += 1
                guard failures.count < Self.evidenceLimit else { continue }
                let how =
                    source.reach.reachable.isEmpty
                    ? "might reach (unknown: \(source.reach.unknownReasons.map(\.rawValue).sorted().joined(separator: ", ")))"
                    : "reaches"
                let from =
                    source.kind == .subnetHosts || source.kind == .internet || source.kind == .onPremSite
                    ? "\(source.ref) (\(source.addresses.count) addresses from \(source.addresses.first.map { "\($0)" } ?? "-"))"
                    : "\(source.ref)"
                let traffic = source.reach.reachable.isEmpty ? source.reach.unknown : source.reach.reachable
                failures.append(
                    AssertionOutcome.Evidence(
                        summary: "\(from) \(how) \(destination.ref) on \(traffic)",
                        trace: source.witness.map(analyzer.trace)))
            }
        }
        if failureCount == 0 {
            return AssertionOutcome(
                assertion: assertion, status: .passed, summary: "no other source reaches", evidence: [])
        }
        return AssertionOutcome(
            assertion: assertion, status: .failed,
            summary: "\(failureCount) other source\(failureCount == 1 ? "" : "s") reach", evidence: failures)
    }

    /// tcp or udp with no port to a DB: the DB's port, as `check` and single flows take it.
    private func databasePort(_ assertion: Assertion, _ destination: Endpoint) -> PortRange? {
        guard case .single(let proto) = assertion.flowProtocol, proto.hasPorts,
            let port = destination.databasePort
        else { return nil }
        return PortRange(port)
    }
}
