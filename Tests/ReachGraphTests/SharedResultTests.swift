import ReachModel
import ReachNetwork
import Testing

@testable import ReachGraph

/// Two app subnets whose network ACLs look alike (same protocols, actions and order) but name
/// different CIDRs, so only `s1`'s lets the DB's traffic through; `a1` and `a3` share a subnet
/// and an address class but not a security group, and only `a1`'s group is one the DB admits.
private let lookAlikes = """
    vpcs:
      - {name: vpc-a, cidrs: [10.0.0.0/16]}
    subnets:
      - {name: s1, vpc: vpc-a, cidr: 10.0.1.0/24, az: us-east-1a}
      - {name: s2, vpc: vpc-a, cidr: 10.0.2.0/24, az: us-east-1a}
      - {name: data, vpc: vpc-a, cidr: 10.0.3.0/24, az: us-east-1a}
    networkAcls:
      - name: acl-1
        vpc: vpc-a
        subnets: [s1]
        inbound:
          - {rule: 100, action: allow, protocol: all, cidr: 10.0.3.0/24}
        outbound:
          - {rule: 100, action: allow, protocol: all, cidr: 10.0.3.0/24}
      - name: acl-2
        vpc: vpc-a
        subnets: [s2]
        inbound:
          - {rule: 100, action: allow, protocol: all, cidr: 10.0.99.0/24}
        outbound:
          - {rule: 100, action: allow, protocol: all, cidr: 10.0.99.0/24}
      - name: acl-3
        vpc: vpc-a
        inbound:
          - {rule: 100, action: deny, protocol: all, cidr: 10.0.3.0/24}
        outbound:
          - {rule: 100, action: allow, protocol: all, cidr: 10.0.3.0/24}
    securityGroups:
      - name: app-sg
        vpc: vpc-a
      - name: other-sg
        vpc: vpc-a
      - name: db-sg
        vpc: vpc-a
        ingress:
          - {protocol: tcp, ports: 5432, from: app-sg}
    instances:
      - {name: a1, subnet: s1, privateIp: 10.0.1.10, securityGroups: [app-sg]}
      - {name: a2, subnet: s2, privateIp: 10.0.2.10, securityGroups: [app-sg]}
      - {name: a3, subnet: s1, privateIp: 10.0.1.11, securityGroups: [other-sg]}
    dbSubnetGroups:
      - {name: db-group, subnets: [data]}
    databases:
      - {name: db, engine: postgres, subnetGroup: db-group, subnet: data, privateIp: 10.0.3.10, securityGroups: [db-sg]}

    """

@Suite("Results shared between look-alike filters and sources")
struct SharedResultTests {
    @Test("look-alike ACLs share a shape; another action or protocol makes another shape")
    func shapes() throws {
        let net = try TestNetwork(lookAlikes)
        let shapes = FilterShapes(graph: net.graph)
        let index = { (name: String) in try #require(net.graph.networkACLs.firstIndex { $0.ref.name == name })
        }
        let (acl1, acl2, acl3) = (try index("acl-1"), try index("acl-2"), try index("acl-3"))
        #expect(shapes.networkACL(acl1, outbound: true) == shapes.networkACL(acl2, outbound: true))
        #expect(shapes.networkACL(acl1, outbound: false) == shapes.networkACL(acl2, outbound: false))
        #expect(shapes.networkACL(acl1, outbound: false) != shapes.networkACL(acl3, outbound: false))
    }

    @Test("look-alike ACLs still judge a peer by their own CIDRs")
    func sameShapeOwnCIDRs() throws {
        let net = try TestNetwork(lookAlikes)
        var filters = FilterEvaluator(graph: net.graph, shapes: FilterShapes(graph: net.graph))
        let subnet = { (name: String) in try #require(net.graph.subnets.firstIndex { $0.ref.name == name }) }
        let peer = try #require(IPv4Address("10.0.3.10"))
        let s1 = filters.evaluate(
            .networkACL(subnet: try subnet("s1"), outbound: true, peer: peer, leg: .forward))
        let s2 = filters.evaluate(
            .networkACL(subnet: try subnet("s2"), outbound: true, peer: peer, leg: .forward))
        #expect(filters.sets[s1.allowed] == .all)
        #expect(filters.sets[s2.allowed] == .empty)
    }

    @Test("peers of one address class with different groups get their own security group results")
    func groupReferencesSplitAClass() throws {
        let net = try TestNetwork(lookAlikes)
        var filters = FilterEvaluator(graph: net.graph, shapes: FilterShapes(graph: net.graph))
        let database = try #require(net.graph.databaseInterfaces["db"])
        let member = try #require(IPv4Address("10.0.1.10"))
        let outsider = try #require(IPv4Address("10.0.1.11"))
        let classes = AddressClasses(graph: net.graph)
        #expect(classes.filterClass(of: member) == classes.filterClass(of: outsider))
        let admitted = filters.evaluate(.securityGroups(interface: database, facing: .ingress, peer: member))
        let refused = filters.evaluate(.securityGroups(interface: database, facing: .ingress, peer: outsider))
        #expect(filters.sets[admitted.allowed].tcpPorts.contains(5432))
        #expect(filters.sets[refused.allowed] == .empty)
    }

    @Test("a peer is judged by its class among the filter's own CIDRs, whatever order peers come in")
    func ownClassesSplitAtEveryCIDREnd() throws {
        let net = try TestNetwork(
            lookAlikes.replacingOccurrences(
                of: "      - {protocol: tcp, ports: 5432, from: app-sg}",
                with:
                    "      - {protocol: tcp, ports: 5432, from: app-sg}\n      - {protocol: tcp, ports: 22, from: 10.0.2.0/24}"
            ))
        var filters = FilterEvaluator(graph: net.graph, shapes: FilterShapes(graph: net.graph))
        let s1 = try #require(net.graph.subnets.firstIndex { $0.ref.name == "s1" })
        let database = try #require(net.graph.databaseInterfaces["db"])
        let aclAdmits = { (text: String) -> TrafficSet in
            let peer = try #require(IPv4Address(text))
            let admitted = filters.evaluate(
                .networkACL(subnet: s1, outbound: false, peer: peer, leg: .forward))
            return filters.sets[admitted.allowed]
        }
        // acl-1 admits 10.0.3.0/24 only: peers below, inside and above it are three classes,
        // though the graph's subnets split them further.
        #expect(try aclAdmits("10.0.2.10") == .empty)
        #expect(try aclAdmits("10.0.3.10") == .all)
        #expect(try aclAdmits("10.0.3.255") == .all)
        #expect(try aclAdmits("10.0.4.5") == .empty)
        #expect(try aclAdmits("10.0.1.10") == .empty)
        let groupAdmits = { (text: String) -> Set<UInt16> in
            let peer = try #require(IPv4Address(text))
            let admitted = filters.evaluate(
                .securityGroups(interface: database, facing: .ingress, peer: peer))
            let set = filters.sets[admitted.allowed]
            return Set([22, 5432].filter { set.tcpPorts.contains($0) })
        }
        #expect(try groupAdmits("10.0.1.99") == [])
        #expect(try groupAdmits("10.0.2.77") == [22])
        #expect(try groupAdmits("10.0.3.77") == [])
        // Within the CIDR, group membership still tells peers apart: a2 carries app-sg.
        #expect(try groupAdmits("10.0.2.10") == [22, 5432])
        #expect(try groupAdmits("10.0.1.10") == [5432])
    }

    @Test("who-can-reach tells apart subnets with look-alike ACLs and interfaces with other groups")
    func whoCanReachKeepsContextsApart() throws {
        let net = try TestNetwork(lookAlikes)
        let analyzer = ReachabilityAnalyzer(graph: net.graph)
        let answer = analyzer.whoCanReach(try net.checker.resolver.resolve("db"))
        let reaching = Set(answer.sources.filter { !$0.reach.reachable.isEmpty }.map(\.ref.name))
        #expect(reaching == ["a1"])
        for name in ["a1", "a2", "a3"] {
            let check = try net.check(name, "db")
            #expect((check.verdict == .reachable) == reaching.contains(name), "\(name)")
        }
    }

    /// `a1` and `a3` share a subnet and an address class but not a group; their subnet routes
    /// the DB's block to a blackhole, so the walk they share stops before any filter.
    @Test("stand-ins of a walk a path-level stop blocked share its one answer")
    func blockedWalkAnswerShared() throws {
        let net = try TestNetwork(
            merged(
                lookAlikes,
                """
                routeTables:
                  - name: s1-rt
                    vpc: vpc-a
                    subnets: [s1]
                    routes:
                      - {destination: 10.0.3.0/24, target: blackhole}
                """))
        let interface = { (name: String) throws -> Int in
            let member = try #require(try net.checker.resolver.resolve(name).members.first)
            guard case .interface(let index) = member.place else { throw CancellationError() }
            return index
        }
        let (a1, a3) = (try interface("a1"), try interface("a3"))
        let database = try #require(net.graph.databaseInterfaces["db"])
        let (a1Address, a3Address, host, databaseAddress) = (
            try #require(IPv4Address("10.0.1.10")), try #require(IPv4Address("10.0.1.11")),
            try #require(IPv4Address("10.0.1.99")), try #require(IPv4Address("10.0.3.10"))
        )
        var pairs = PairAnalyzer(graph: net.graph, shapes: FilterShapes(graph: net.graph))
        let recorded = pairs.allWalks(
            from: .interface(a1), a1Address, to: .interface(database), databaseAddress, notingLookups: false,
            templatedFor: a1)
        let walks = try #require(recorded)
        #expect(walks.map(\.blockReason) == [.badStateRoute])
        let own = pairs.answer(walks, substitute: nil)
        let standIn = pairs.answer(
            walks, substitute: PairAnalyzer.Substitution(interface: (a1, a3), address: (a1Address, a3Address))
        )
        let hostStandIn = pairs.answer(
            walks, substitute: PairAnalyzer.Substitution(interface: (a1, nil), address: (a1Address, host)))
        #expect(own.isUnreachable)
        #expect(own.blockReason == .badStateRoute)
        #expect(standIn.isIdentical(to: own))
        #expect(hostStandIn.isIdentical(to: own))
        // The concrete checker agrees for the stand-in.
        let check = try net.check("a3", "db", port: 5432)
        #expect(check.verdict == .unreachable)
        #expect(check.reason == .badStateRoute)
    }

    @Test("a visit log refuses a second visit and keeps the first")
    func visitLog() {
        var log = VisitLog<Int>()
        let results = [3, 4, 3, 4, 5].map { log.insert($0) }
        #expect(results == [true, true, false, false, true])
    }

    @Test("interfaces answered together are each reported at their own address, with their own witness")
    func groupedInterfacesKeepTheirOwnAddress() throws {
        let net = try TestNetwork(
            lookAlikes.replacingOccurrences(
                of: "  - {name: a3, subnet: s1, privateIp: 10.0.1.11, securityGroups: [other-sg]}",
                with: "  - {name: a3, subnet: s1, privateIp: 10.0.1.11, securityGroups: [app-sg]}"))
        let analyzer = ReachabilityAnalyzer(graph: net.graph)
        let answer = analyzer.whoCanReach(try net.checker.resolver.resolve("db"))
        for name in ["a1", "a3"] {
            let source = try #require(answer.sources.first { $0.ref.name == name })
            let address = try #require(IPv4Address(name == "a1" ? "10.0.1.10" : "10.0.1.11"))
            #expect(source.addresses == IPv4AddressSet(address))
            let witness = try #require(source.witness)
            #expect(witness.packet.source == address)
            let trace = analyzer.trace(witness)
            #expect(trace.verdict == .reachable)
            #expect(trace.hops.first?.component.name == name)
        }
    }

    /// `web` (with a public IP) and `web2` (without) share a subnet, a group and a private
    /// address class. Inside the VPC their walks read no public IP and are shared; to a server
    /// in another VPC, reached over the internet, only `web` gets out, whichever is walked first.
    @Test("interfaces whose public IPs differ share a walk only when it reads none")
    func publicAddressesSplitOnlyInternetWalks() throws {
        let outside = """
            vpcs:
              - {name: vpc-b, cidrs: [10.9.0.0/16]}
            internetGateways:
              - {name: igw-b, vpc: vpc-b}
            subnets:
              - {name: far, vpc: vpc-b, cidr: 10.9.1.0/24, az: us-east-1a}
            routeTables:
              - name: far-rt
                vpc: vpc-b
                subnets: [far]
                routes:
                  - {destination: 0.0.0.0/0, target: igw-b}
            securityGroups:
              - name: far-sg
                vpc: vpc-b
                ingress:
                  - {protocol: tcp, ports: 443, from: 0.0.0.0/0}
            instances:
              - {name: far-web, subnet: far, privateIp: 10.9.1.10, publicIp: 198.51.100.10, securityGroups: [far-sg]}

            """
        let webLine =
            "  - {name: web, subnet: public, privateIp: 10.0.1.10, publicIp: 203.0.113.10, securityGroups: [web-sg]}"
        let web2Line = "  - {name: web2, subnet: public, privateIp: 10.0.1.11, securityGroups: [web-sg]}"
        let webFirst = try TestNetwork(merged(twoTier(), outside))
        let web2First = try TestNetwork(
            merged(twoTier([webLine + "\n" + web2Line: web2Line + "\n" + webLine]), outside))
        for net in [webFirst, web2First] {
            let analyzer = ReachabilityAnalyzer(graph: net.graph)
            // Named by its public IP: from outside its VPC, that is the address to use.
            let far = analyzer.whoCanReach(try net.checker.resolver.resolve("198.51.100.10"))
            let reaching = Set(far.sources.filter { !$0.reach.reachable.isEmpty }.map(\.ref.name))
            #expect(reaching.contains("web"))
            #expect(!reaching.contains("web2"))
            #expect(far.sources.contains { $0.ref.name == "web2" } == false)
            // The symbolic answer agrees with the tracer for each.
            #expect(try net.check("web", "198.51.100.10", port: 443).verdict == .reachable)
            #expect(
                try net.check("web2", "198.51.100.10", port: 443).reason == .igwPublicIPAssociationForEgress)
            // Inside the VPC (to the app server) both get the same answer: the walk is shared.
            let app = analyzer.whoCanReach(try net.checker.resolver.resolve("app"))
            let web = try #require(app.sources.first { $0.ref.name == "web" })
            let web2 = try #require(app.sources.first { $0.ref.name == "web2" })
            #expect(web.reach == web2.reach)
            #expect(web.reach.reachable.contains(.tcp, port: 8080))
        }
    }
}

/// Two topology fragments joined section by section (a fragment's `vpcs:` list extends the
/// other's), so that a fixture can gain resources of kinds it already has.
private func merged(_ base: String, _ extra: String) -> String {
    var sections: [(header: String, lines: [String])] = []
    for line in (base + "\n" + extra).split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    {
        if !line.hasPrefix(" ") {
            if let index = sections.firstIndex(where: { $0.header == line }) {
                let moved = sections.remove(at: index)
                sections.append(moved)
            } else {
                sections.append((line, []))
            }
        } else if !sections.isEmpty {
            sections[sections.count - 1].lines.append(line)
        }
    }
    return sections.map { ([$0.header] + $0.lines).joined(separator: "\n") }.joined(separator: "\n") + "\n"
}
