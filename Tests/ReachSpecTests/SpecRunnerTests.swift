import Foundation
import ReachGraph
import ReachSpec
import ReachTopologyFile
import Testing

@Suite("Assertion files: reading and running")
struct SpecRunnerTests {
    private func run(_ yaml: String, design: String = "three-tier.yaml") throws -> [AssertionOutcome] {
        let spec = try SpecFileLoader.load(yaml: yaml, file: "spec.yaml")
        let path = topologiesFolder.appendingPathComponent(design).path
        return SpecRunner(graph: ForwardingGraph(try TopologyFileLoader.load(contentsOf: path).topology)).run(
            spec)
    }

    @Test("a wrong single-flow expectation fails with the concrete path or block as evidence")
    func singleFlowFailures() throws {
        let outcomes = try run(
            """
            assertions:
              - {from: web-1, to: orders-db, port: 5432, expect: reachable}
              - {from: app-1, to: orders-db, port: 5432, expect: unreachable}
              - {from: web-1, to: orders-db, port: 5432, expect: unreachable, reason: NO_ROUTE_TO_DESTINATION}
              - {from: web-1, to: orders-db, port: 5432, expect: unreachable, reason: ENI_SG_RULES_MISMATCH}
            """)
        #expect(outcomes.map(\.status) == [.failed, .failed, .failed, .passed])
        let blocked = try #require(outcomes[0].evidence.first?.trace)
        #expect(blocked.blockers.first?.reason == .subnetACLRestriction)
        #expect(outcomes[0].summary.contains("unreachable"))
        let reached = try #require(outcomes[1].evidence.first?.trace)
        #expect(reached.verdict == .reachable)
        #expect(outcomes[2].summary.contains("SUBNET_ACL_RESTRICTION"))
    }

    @Test("quantified assertions check every pair over every port the question names")
    func quantified() throws {
        let outcomes = try run(
            """
            assertions:
              - {from: kind:eni, to: orders-db, expect: unreachable}
              - {from: app-1, to: orders-db, protocol: tcp, port: 5432-5433, expect: reachable}
              - {from: internet, to: kind:db, expect: unreachable}
            """)
        #expect(outcomes.map(\.status) == [.failed, .failed, .passed])
        #expect(
            outcomes[0].evidence.contains { $0.summary.hasPrefix("app-1") && $0.trace?.verdict == .reachable }
        )
        #expect(outcomes[1].summary.contains("tcp 5433"))
    }

    @Test("only: every other reaching source is named, with its path; covered sources pass")
    func onlySources() throws {
        let outcomes = try run(
            """
            assertions:
              - {to: orders-db, port: 5432, only: [web-a]}
              - {to: orders-db, port: 5432, only: [app-a]}
              - {to: orders-db, protocol: tcp, only: [web-1]}
              - {to: web-1, port: 443, only: [app-1]}
            """)
        #expect(outcomes.map(\.status) == [.failed, .passed, .failed, .failed])
        // app-1 alone reaches orders-db (db-sg admits app-sg; app-a's other hosts do not carry it).
        #expect(outcomes[0].evidence.map(\.summary) == ["app-1 (app-1-eni) reaches orders-db on tcp 5432"])
        #expect(outcomes[0].evidence.first?.trace?.verdict == .reachable)
        // tcp without a port means the DB's port.
        #expect(outcomes[2].evidence.map(\.summary) == ["app-1 (app-1-eni) reaches orders-db on tcp 5432"])
        #expect(outcomes[3].evidence.contains { $0.summary.hasPrefix("internet (") })
    }

    @Test("udp without a port means the DB's port for only: as for a single flow and check")
    func udpWithoutPortTakesTheDatabasePort() throws {
        let topology = try TopologyFileLoader.load(
            yaml: """
                name: udp-open
                vpcs:
                  - {name: vpc, cidrs: [10.0.0.0/16]}
                subnets:
                  - {name: app-a, vpc: vpc, cidr: 10.0.1.0/24, az: us-east-1a}
                  - {name: db-a, vpc: vpc, cidr: 10.0.2.0/24, az: us-east-1a}
                securityGroups:
                  - {name: app-sg, vpc: vpc}
                  - name: db-sg
                    vpc: vpc
                    ingress:
                      - {protocol: udp, ports: 0-65535, from: app-sg}
                instances:
                  - {name: app-1, subnet: app-a, privateIp: 10.0.1.10, securityGroups: [app-sg]}
                dbSubnetGroups:
                  - {name: db-subnets, subnets: [db-a]}
                databases:
                  - {name: db, engine: postgres, subnetGroup: db-subnets, subnet: db-a, privateIp: 10.0.2.10, securityGroups: [db-sg]}
                """, file: "udp-open.yaml"
        ).topology
        let spec = try SpecFileLoader.load(
            yaml: """
                assertions:
                  - {to: db, protocol: udp, only: [db-a]}
                  - {from: app-1, to: db, protocol: udp, expect: reachable}
                """, file: "spec.yaml")
        let outcomes = SpecRunner(graph: ForwardingGraph(topology)).run(spec)
        #expect(outcomes.map(\.status) == [.failed, .passed])
        #expect(outcomes[0].evidence.map(\.summary) == ["app-1 (app-1-eni) reaches db on udp 5432"])
    }

    @Test("selectors that pick nothing are errors, not passes")
    func selectorErrors() throws {
        let outcomes = try run(
            """
            assertions:
              - {from: nobody, to: orders-db, port: 5432, expect: unreachable}
              - {to: orders-db, port: 5432, only: [nobody]}
            """)
        #expect(outcomes.map(\.status) == [.error, .error])
    }

    @Test("file errors name the file, line and key path, and what was expected")
    func loaderErrors() {
        func message(_ yaml: String) -> String {
            do {
                _ = try SpecFileLoader.load(yaml: yaml, file: "bad.yaml")
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        #expect(message("assertions:\n  - {from: a, to: b, expect: maybe}").contains("bad.yaml:2"))
        #expect(message("assertions:\n  - {from: a, to: b, expect: maybe}").contains("assertions[0].expect"))
        #expect(message("assertions:\n  - {from: a, to: b, expec: reachable}").contains("expec"))
        #expect(message("assertions:\n  - {from: a, to: b}").contains("'expect' or 'only'"))
        #expect(message("assertions:\n  - {to: b, only: [a], from: c}").contains("takes no 'from'"))
        #expect(
            message("assertions:\n  - {from: a, to: b, protocol: icmp, port: 5, expect: reachable}").contains(
                "tcp and udp"))
        #expect(
            message("assertions:\n  - {from: a, to: b, expect: unreachable, reason: NOPE}").contains(
                "reason code"))
        #expect(message("topology: x.yaml").contains("assertions"))
        #expect(message("").contains("empty"))
    }

    @Test("a relative topology path is taken from the file's folder")
    func relativeTopology() throws {
        let spec = try SpecFileLoader.load(
            yaml: "topology: ../designs/a.yaml\nassertions: []", file: "/work/specs/a.assertions.yaml")
        #expect(spec.topology == "/work/specs/../designs/a.yaml")
        #expect(spec.assertions.isEmpty)
    }
}
