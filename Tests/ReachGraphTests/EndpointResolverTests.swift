import ReachGraph
import Testing

@Suite("Endpoint resolution (S-F-1)")
struct EndpointResolverTests {
    private let net: TestNetwork

    init() throws {
        net = try TestNetwork(
            twoTier(
                extra: """
                    onPremSites:
                      - {name: dc1, cidrs: [192.168.0.0/16]}

                    """))
    }

    @Test("names and ids of instances, DBs, subnets and sites resolve to their kind")
    func namesResolve() throws {
        let resolver = net.checker.resolver
        #expect(try resolver.resolve("web").kind == .instance)
        #expect(try resolver.resolve("db").kind == .dbInstance)
        #expect(try resolver.resolve("db").databasePort == 5432)
        #expect(try resolver.resolve("private").kind == .subnet)
        #expect(try resolver.resolve("dc1").kind == .onPremSite)
        #expect(try resolver.resolve("internet").kind == .internet)
    }

    @Test("an IP resolves to the interface holding it, else to a host in its subnet or site")
    func addressesResolve() throws {
        let resolver = net.checker.resolver
        #expect(try resolver.resolve("10.0.2.10").ref.id == "app-eni")
        #expect(try resolver.resolve("10.1.3.10").kind == .dbInstance)
        #expect(try resolver.resolve("10.0.2.77").kind == .address)
        #expect(try resolver.resolve("192.168.4.4").kind == .address)
        #expect(try resolver.resolve("198.51.100.1").kind == .address)
    }

    @Test("a private address outside every VPC and site is an error")
    func addressOutside() throws {
        #expect(throws: EndpointResolutionError.addressOutsideTopology("172.31.0.1")) {
            try net.checker.resolver.resolve("172.31.0.1")
        }
    }

    @Test("an unknown name is an error")
    func unknownName() throws {
        #expect(throws: EndpointResolutionError.notFound("nope")) { try net.checker.resolver.resolve("nope") }
    }

    @Test("a name shared by several resources is an error listing every candidate; a kind prefix picks one")
    func ambiguousName() throws {
        let shared = try TestNetwork(
            twoTier([
                "{name: private, vpc: vpc-a,": "{name: app, vpc: vpc-a,",
                "subnets: [private]": "subnets: [app]", "subnet: private,": "subnet: app,",
            ]))
        do {
            _ = try shared.checker.resolver.resolve("app")
            Issue.record("expected an ambiguity error")
        } catch .ambiguous(let name, let candidates) {
            #expect(name == "app")
            #expect(candidates.count == 2)
            #expect(candidates.contains { $0.hasPrefix("instance ") })
            #expect(candidates.contains { $0.hasPrefix("subnet ") })
        } catch {
            Issue.record("unexpected error \(error)")
        }
        #expect(try shared.checker.resolver.resolve("subnet:app").kind == .subnet)
        #expect(try shared.checker.resolver.resolve("instance:app").kind == .instance)
    }

    @Test("S-F-1: tcp to a non-DB destination needs a port")
    func portRequired() throws {
        #expect(throws: FlowQueryError.missingPort) { try net.check("app", "web") }
        #expect(throws: FlowQueryError.portWithoutPorts("icmp")) {
            try net.check("app", "web", "icmp", port: 80)
        }
    }
}
