/// A small random network written as topology YAML, built from a stream of bytes so that the
/// property test's shrinker, by shortening and lowering the bytes, shrinks the network too.
///
/// Two or three VPCs (one peering between the first two, active or not), each with two or three
/// subnets, optional internet gateways, an optional transit gateway (VPC attachments whose
/// subnets are also workload subnets, in either AZ, some in appliance mode, and one or two
/// route tables with associations, propagations, static and blackhole routes), route tables
/// with local, internet, peering, transit gateway and blackhole routes, network ACLs with random
/// ordered entries over a small pool of CIDRs and ports, security groups with CIDR and
/// group-reference rules, instances (some with public IPs) and DBs (some without a known
/// address, some publicly accessible).
struct RandomNetwork {
    private var bytes: [UInt8]
    private var position = 0
    private(set) var yaml = ""
    private(set) var instanceNames: [String] = []
    private(set) var databaseNames: [String] = []
    private(set) var subnetNames: [String] = []

    static let ports: [UInt16] = [22, 443, 1024, 5432, 8080, 32768, 49152]
    static let icmpTypes: [UInt8] = [0, 3, 8]

    init(bytes: [UInt8]) {
        self.bytes = bytes
        build()
    }

    /// The next byte, 0 once the stream runs out.
    private mutating func next() -> Int {
        defer { position += 1 }
        return position < bytes.count ? Int(bytes[position]) : 0
    }

    private mutating func pick<T>(_ options: [T]) -> T { options[next() % options.count] }
    private mutating func chance(_ percent: Int) -> Bool { next() % 100 < percent }

    private mutating func build() {
        let vpcCount = 2 + next() % 2
        var lines = ["name: random", "region: us-east-1", "vpcs:"]
        for v in 0..<vpcCount { lines.append("  - {name: vpc\(v), cidrs: [10.\(v).0.0/16]}") }
        var gateways: [Int] = []
        for v in 0..<vpcCount where chance(60) { gateways.append(v) }
        if !gateways.isEmpty {
            lines.append("internetGateways:")
            for v in gateways { lines.append("  - {name: igw\(v), vpc: vpc\(v)}") }
        }
        let peering = chance(60)
        if peering {
            lines.append("peeringConnections:")
            lines.append(
                "  - {name: pcx01, requester: vpc0, accepter: vpc1, status: \(chance(85) ? "active" : "pending-acceptance")}"
            )
        }
        let transitGateway = chance(60)
        if transitGateway { lines += ["transitGateways:", "  - {name: tgw0}"] }
        var subnetsOf: [[String]] = []
        var zoneOf: [String: String] = [:]
        lines.append("subnets:")
        for v in 0..<vpcCount {
            var names: [String] = []
            for s in 0..<(2 + next() % 2) {
                let name = "s\(v)\(s)"
                names.append(name)
                zoneOf[name] = pick(["a", "b"])
                lines.append(
                    "  - {name: \(name), vpc: vpc\(v), cidr: 10.\(v).\(s).0/24, az: us-east-1\(zoneOf[name] ?? "a")}"
                )
            }
            subnetsOf.append(names)
        }
        subnetNames = subnetsOf.flatMap { $0 }
        if transitGateway { lines += transitGatewayLines(subnetsOf, zoneOf: zoneOf) }
        // Per VPC a main route table, and sometimes a second one for its first subnet.
        lines.append("routeTables:")
        for v in 0..<vpcCount {
            for table in 0..<(chance(40) ? 2 : 1) {
                lines.append("  - name: rt\(v)\(table)")
                lines.append("    vpc: vpc\(v)")
                lines.append(table == 0 ? "    main: true" : "    subnets: [\(subnetsOf[v][0])]")
                var routes: [String] = []
                if gateways.contains(v), chance(70) {
                    routes.append("{destination: 0.0.0.0/0, target: igw\(v)}")
                }
                if peering, v < 2 {
                    let other = 1 - v
                    switch next() % 4 {
                    case 0: routes.append("{destination: 10.\(other).0.0/16, target: pcx01}")
                    case 1: routes.append("{destination: 10.\(other).1.0/24, target: pcx01}")
                    case 2: routes.append("{destination: 10.0.0.0/8, target: pcx01}")
                    default: break
                    }
                }
                if transitGateway, chance(70) {
                    // The whole estate, or one other VPC (more specific than a peering's /8).
                    let destination =
                        chance(50) ? "10.0.0.0/8" : "10.\((v + 1 + next() % 2) % vpcCount).0.0/16"
                    if !routes.contains(where: { $0.contains("destination: \(destination),") }) {
                        routes.append("{destination: \(destination), target: tgw0}")
                    }
                }
                if chance(15) {
                    routes.append("{destination: 10.\((v + 1) % vpcCount).0.0/24, target: blackhole}")
                }
                lines.append(routes.isEmpty ? "    routes: []" : "    routes:")
                for route in routes { lines.append("      - \(route)") }
            }
        }
        // Network ACLs: some subnets get a random one; the rest keep the VPC's default (allow all).
        // Fewer with a transit gateway, whose paths cross twice as many subnets' ACLs: else
        // almost none would get through.
        var acls: [String] = []
        for v in 0..<vpcCount {
            let members = subnetsOf[v].filter { _ in chance(transitGateway ? 15 : 55) }
            if members.isEmpty { continue }
            acls.append("  - name: acl\(v)")
            acls.append("    vpc: vpc\(v)")
            acls.append("    subnets: [\(members.joined(separator: ", "))]")
            for direction in ["inbound", "outbound"] {
                let count = next() % 5
                if count == 0 {
                    acls.append("    \(direction): []")
                    continue
                }
                acls.append("    \(direction):")
                for e in 0..<count {
                    acls.append(
                        "      - {rule: \(100 + 10 * e), action: \(chance(75) ? "allow" : "deny"), \(protocolClause()), cidr: \(cidr(vpcCount))}"
                    )
                }
            }
        }
        if !acls.isEmpty { lines.append("networkAcls:"); lines += acls }
        lines.append("securityGroups:")
        for v in 0..<vpcCount {
            for g in 0..<2 {
                lines.append("  - name: sg\(v)\(g)")
                lines.append("    vpc: vpc\(v)")
                for direction in ["ingress", "egress"] {
                    let count = direction == "egress" && chance(60) ? -1 : next() % 4
                    if count == -1 {
                        lines.append("    egress:")
                        lines.append("      - {protocol: all, to: 0.0.0.0/0}")
                        continue
                    }
                    if count == 0 {
                        lines.append("    \(direction): []")
                        continue
                    }
                    lines.append("    \(direction):")
                    let peerKey = direction == "ingress" ? "from" : "to"
                    for _ in 0..<count {
                        // A group reference in this VPC, or in the peer VPC when peered.
                        let peer: String
                        if chance(30) {
                            let otherVPC = peering && v < 2 && chance(30) ? 1 - v : v
                            peer = "sg\(otherVPC)\(next() % 2)"
                        } else {
                            peer = cidr(vpcCount)
                        }
                        lines.append("      - {\(protocolClause()), \(peerKey): \(peer)}")
                    }
                }
            }
        }
        lines.append("instances:")
        var address = 10
        for v in 0..<vpcCount {
            for subnet in subnetsOf[v] where chance(75) {
                for _ in 0..<(1 + next() % 2) {
                    let name = "i\(instanceNames.count)"
                    instanceNames.append(name)
                    let s = subnet.last.map(String.init) ?? "0"
                    let publicIP =
                        gateways.contains(v) && chance(40) ? ", publicIp: 203.0.113.\(address)" : ""
                    // No groups listed: the VPC's default group (an empty list is not valid input).
                    let groups = ["sg\(v)0", "sg\(v)1"].filter { _ in chance(60) }
                    let groupList =
                        groups.isEmpty ? "" : ", securityGroups: [\(groups.joined(separator: ", "))]"
                    lines.append(
                        "  - {name: \(name), subnet: \(subnet), privateIp: 10.\(v).\(s).\(address)\(publicIP)\(groupList)}"
                    )
                    address += 1
                }
            }
        }
        if instanceNames.isEmpty { lines.removeLast() }
        lines.append("dbSubnetGroups:")
        for v in 0..<vpcCount {
            lines.append("  - {name: dbg\(v), subnets: [\(subnetsOf[v].joined(separator: ", "))]}")
        }
        lines.append("databases:")
        for d in 0..<(1 + next() % 2) {
            let v = next() % vpcCount
            let subnet = pick(subnetsOf[v])
            let s = subnet.last.map(String.init) ?? "0"
            let name = "db\(d)"
            databaseNames.append(name)
            var fields = [
                "name: \(name)", "engine: postgres", "subnetGroup: dbg\(v)", "subnet: \(subnet)",
                "securityGroups: [sg\(v)\(next() % 2)]",
            ]
            if chance(80) { fields.append("privateIp: 10.\(v).\(s).\(200 + d)") }
            if gateways.contains(v), chance(30) {
                fields.append("publiclyAccessible: true")
                if chance(50) { fields.append("publicIp: 198.51.100.\(10 + d)") }
            }
            lines.append("  - {\(fields.joined(separator: ", "))}")
        }
        yaml = lines.joined(separator: "\n") + "\n"
    }

    /// A transit gateway's VPC attachments (most VPCs; one or two of a VPC's subnets, which
    /// also hold instances, so a source may be in its own attachment subnet) and one or two
    /// route tables: associations, propagations, and sometimes a static route to an attachment
    /// or a blackhole.
    private mutating func transitGatewayLines(_ subnetsOf: [[String]], zoneOf: [String: String]) -> [String] {
        var lines = ["transitGatewayAttachments:"]
        var attachments: [Int] = []
        for (v, subnets) in subnetsOf.enumerated() where chance(85) {
            // At most one subnet per AZ, as AWS allows.
            var attached: [String] = []
            for subnet in subnets
            where chance(60) && !attached.contains(where: { zoneOf[$0] == zoneOf[subnet] }) {
                attached.append(subnet)
            }
            if attached.isEmpty { attached = [pick(subnets)] }
            let appliance = chance(25) ? ", applianceMode: true" : ""
            lines.append(
                "  - {name: att\(v), transitGateway: tgw0, vpc: vpc\(v), subnets: [\(attached.joined(separator: ", "))]\(appliance)}"
            )
            attachments.append(v)
        }
        guard !attachments.isEmpty else { return [] }
        lines.append("transitGatewayRouteTables:")
        let tables = chance(50) ? 2 : 1
        for table in 0..<tables {
            // One table: every attachment; two: the attachments split between them.
            let associated = attachments.filter { tables == 1 || $0 % 2 == table }
            let propagated = attachments.filter { _ in chance(75) }
            lines.append("  - name: tgwrt\(table)")
            lines.append("    transitGateway: tgw0")
            lines.append("    associations: [\(associated.map { "att\($0)" }.joined(separator: ", "))]")
            lines.append("    propagations: [\(propagated.map { "att\($0)" }.joined(separator: ", "))]")
            var routes: [String] = []
            if chance(25) {
                routes.append("{destination: 10.\(pick(attachments)).1.0/24, blackhole: true}")
            }
            if chance(25) {
                routes.append(
                    "{destination: 10.\(pick(attachments)).0.0/17, attachment: att\(pick(attachments))}")
            }
            lines.append(routes.isEmpty ? "    routes: []" : "    routes:")
            for route in routes { lines.append("      - \(route)") }
        }
        return lines
    }

    private mutating func cidr(_ vpcCount: Int) -> String {
        pick([
            "0.0.0.0/0", "10.0.0.0/8", "10.0.0.0/16", "10.1.0.0/16", "10.0.1.0/24", "10.1.1.0/24",
            "10.\(next() % vpcCount).\(next() % 3).0/25", "203.0.113.0/24", "198.51.100.0/24",
        ])
    }

    private mutating func protocolClause() -> String {
        switch next() % 6 {
        case 0: return "protocol: all"
        case 1: return "protocol: icmp, icmpType: \(pick(Self.icmpTypes))"
        case 2: return "protocol: udp, ports: \(portRange())"
        default: return "protocol: tcp, ports: \(portRange())"
        }
    }

    private mutating func portRange() -> String {
        let low = pick(Self.ports)
        switch next() % 3 {
        case 0: return "\(low)"
        case 1: return "1024-65535"
        default: return "\(low)-\(max(low, pick(Self.ports)))"
        }
    }
}
