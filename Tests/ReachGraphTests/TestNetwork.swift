import Foundation
import ReachGraph
import ReachTopologyFile
import Testing

/// A topology loaded from inline YAML, with a one-call `check`.
struct TestNetwork {
    let graph: ForwardingGraph
    let checker: ReachabilityChecker
    /// The YAML the network was loaded from.
    let sourceYAML: String

    init(_ yaml: String) throws {
        sourceYAML = yaml
        let loaded = try TopologyFileLoader.load(yaml: yaml, file: "test.yaml")
        graph = ForwardingGraph(loaded.topology)
        checker = ReachabilityChecker(graph: graph)
    }

    /// Loads a bundled design from `Topologies/`.
    init(bundled name: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = root.appendingPathComponent("Topologies/\(name)").path
        sourceYAML = try String(contentsOfFile: path, encoding: .utf8)
        let loaded = try TopologyFileLoader.load(contentsOf: path)
        graph = ForwardingGraph(loaded.topology)
        checker = ReachabilityChecker(graph: graph)
    }

    func check(
        _ from: String, _ to: String, _ proto: String = "tcp", port: UInt16? = nil, sourcePort: UInt16? = nil,
        icmpType: UInt8 = 8
    ) throws -> CheckResult {
        let query = FlowQuery(
            source: try checker.resolver.resolve(from), destination: try checker.resolver.resolve(to),
            flowProtocol: try #require(FlowProtocol(proto)), destinationPort: port, sourcePort: sourcePort,
            icmpType: icmpType)
        return try checker.check(query)
    }
}

extension CheckResult {
    /// Whether some hop of the shown path was decided by a rule containing `text`.
    func pathUses(_ text: String) -> Bool {
        trace.hops.contains { ($0.rule ?? "").contains(text) || $0.detail.contains(text) }
    }
}

/// A small VPC used by most semantics tests: a public subnet with an internet gateway, a private
/// subnet behind a NAT gateway, and a DB subnet in a secondary CIDR on the main route table.
/// `extra` is appended; `replacing` swaps exact lines for variations.
func twoTier(_ replacements: [String: String] = [:], extra: String = "") -> String {
    var yaml = """
        vpcs:
          - {name: vpc-a, cidrs: [10.0.0.0/16, 10.1.0.0/16]}
        internetGateways:
          - {name: igw-a, vpc: vpc-a}
        subnets:
          - {name: public, vpc: vpc-a, cidr: 10.0.1.0/24, az: us-east-1a}
          - {name: private, vpc: vpc-a, cidr: 10.0.2.0/24, az: us-east-1a}
          - {name: data, vpc: vpc-a, cidr: 10.1.3.0/24, az: us-east-1b}
        routeTables:
          - name: public-rt
            vpc: vpc-a
            subnets: [public]
            routes:
              - {destination: 0.0.0.0/0, target: igw-a}
          - name: private-rt
            vpc: vpc-a
            subnets: [private]
            routes:
              - {destination: 0.0.0.0/0, target: nat-a}
        natGateways:
          - {name: nat-a, subnet: public, privateIp: 10.0.1.100, publicIp: 203.0.113.100}
        securityGroups:
          - name: web-sg
            vpc: vpc-a
            ingress:
              - {protocol: tcp, ports: 443, from: 0.0.0.0/0}
          - name: app-sg
            vpc: vpc-a
            ingress:
              - {protocol: tcp, ports: 8080, from: web-sg}
          - name: db-sg
            vpc: vpc-a
            ingress:
              - {protocol: tcp, ports: 5432, from: app-sg}
        instances:
          - {name: web, subnet: public, privateIp: 10.0.1.10, publicIp: 203.0.113.10, securityGroups: [web-sg]}
          - {name: web2, subnet: public, privateIp: 10.0.1.11, securityGroups: [web-sg]}
          - {name: app, subnet: private, privateIp: 10.0.2.10, securityGroups: [app-sg]}
        dbSubnetGroups:
          - {name: db-group, subnets: [data]}
        databases:
          - {name: db, engine: postgres, subnetGroup: db-group, subnet: data, privateIp: 10.1.3.10, securityGroups: [db-sg]}

        """
    for (old, new) in replacements {
        precondition(yaml.contains(old), "fixture has no line '\(old)'")
        yaml = yaml.replacingOccurrences(of: old, with: new)
    }
    return yaml + extra
}

/// A network ACL on the data subnet, with the given inbound and outbound entries.
func dataACL(inbound: String, outbound: String) -> String {
    """
    networkAcls:
      - name: data-acl
        vpc: vpc-a
        subnets: [data]
        inbound:
    \(inbound)
        outbound:
    \(outbound)

    """
}
