import ReachGraph
import Testing

@Suite("Databases (S-DB)")
struct DatabaseTests {
    @Test("S-DB-1: the destination port defaults to the engine's port")
    func defaultPort() throws {
        let net = try TestNetwork(twoTier())
        let result = try net.check("app", "db")
        #expect(result.flow == "tcp/5432")
        let mysql = try TestNetwork(twoTier(["engine: postgres,": "engine: mysql,"]))
        #expect(try mysql.check("app", "db").flow == "tcp/3306")
    }

    @Test("S-DB-1: a DB whose IP is not given is answered exactly when the answer does not depend on it")
    func unknownAddressThatDoesNotMatter() throws {
        let net = try TestNetwork(
            twoTier(["subnet: data, privateIp: 10.1.3.10, securityGroups": "subnet: data, securityGroups"]))
        let result = try net.check("app", "db")
        #expect(result.verdict == .reachable)
        #expect(try net.check("web", "db").verdict == .unreachable)
    }

    @Test("S-DB-1: when the answer depends on the DB's unknown IP, it is unknown")
    func unknownAddressThatMatters() throws {
        let net = try TestNetwork(
            twoTier(
                ["subnet: data, privateIp: 10.1.3.10, securityGroups": "subnet: data, securityGroups"],
                extra: """
                    networkAcls:
                      - name: half-acl
                        vpc: vpc-a
                        subnets: [private]
                        inbound:
                          - {rule: 100, action: allow, protocol: all, cidr: 10.1.3.0/25}
                        outbound:
                          - {rule: 100, action: allow, protocol: all, cidr: 0.0.0.0/0}

                    """))
        let result = try net.check("app", "db")
        #expect(result.verdict == .unknown)
        #expect(result.reason == .addressNotKnown)
    }

    @Test("S-DB-2: writer and reader endpoints map to the cluster's instances")
    func clusterEndpoints() throws {
        let extra = """
            dbClusters:
              - name: orders
                engine: aurora-postgresql
                subnetGroup: db-group
                securityGroups: [db-sg]
                instances:
                  - {name: orders-1, subnet: data, privateIp: 10.1.3.21, role: writer}
                  - {name: orders-2, subnet: data, privateIp: 10.1.3.22, role: reader}

            """
        let net = try TestNetwork(twoTier(extra: extra))
        let writer = try net.check("app", "orders")
        #expect(writer.verdict == .reachable)
        #expect(writer.trace.hops.contains { $0.component.id == "orders-1" && $0.action == .delivered })
        let reader = try net.check("app", "orders/reader")
        #expect(reader.verdict == .reachable)
        #expect(reader.trace.hops.contains { $0.component.id == "orders-2" && $0.action == .delivered })
        #expect(try net.check("app", "orders-2").verdict == .reachable)
    }

    @Test("S-DB-2: a reader endpoint with some readers reachable and others not is unknown")
    func partiallyReachableReaders() throws {
        let extra = """
              - {name: other-sg, vpc: vpc-a}
            dbClusters:
              - name: orders
                engine: aurora-postgresql
                subnetGroup: db-group
                securityGroups: [db-sg]
                instances:
                  - {name: orders-1, subnet: data, privateIp: 10.1.3.21, role: writer}
                  - {name: orders-2, subnet: data, privateIp: 10.1.3.22, role: reader}
                  - {name: orders-3, subnet: data, privateIp: 10.1.3.23, role: reader}

            """
        // Make the second reader's subnet placement differ by giving it a NACL-separated subnet.
        let yaml =
            twoTier(extra: extra)
            .replacingOccurrences(of: "  - {name: other-sg, vpc: vpc-a}\n", with: "")
            .replacingOccurrences(
                of: "  - {name: data, vpc: vpc-a, cidr: 10.1.3.0/24, az: us-east-1b}",
                with:
                    "  - {name: data, vpc: vpc-a, cidr: 10.1.3.0/24, az: us-east-1b}\n  - {name: data-2, vpc: vpc-a, cidr: 10.1.4.0/24, az: us-east-1c}"
            )
            .replacingOccurrences(of: "subnets: [data]}", with: "subnets: [data, data-2]}")
            .replacingOccurrences(
                of: "{name: orders-3, subnet: data, privateIp: 10.1.3.23",
                with: "{name: orders-3, subnet: data-2, privateIp: 10.1.4.23")
                + """
                networkAcls:
                  - name: closed
                    vpc: vpc-a
                    subnets: [data-2]
                    inbound: []
                    outbound: []

                """
        let net = try TestNetwork(yaml)
        let result = try net.check("app", "orders/reader")
        #expect(result.verdict == .unknown)
        #expect(result.reason == .endpointPartiallyReachable)
        #expect(result.notes.contains { $0.contains("1 of 2") })
    }
}
