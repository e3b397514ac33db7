import ReachChange
import ReachModel

/// Reads the YAML change-set ("what-if") format into a ``ReachChange/ChangeSet``. Every error
/// names the file, line, column and key path; every change's origin is
/// `FILE:LINE:COLUMN: changes[i]`.
///
/// The top level has an optional `description` (text) and `changes`, a list. Each change is a
/// mapping with exactly one key naming the change, whose value is a mapping of its fields.
/// Resources are named by name or id, as in the topology format; names are resolved when the
/// change set is applied to a topology.
///
/// ```yaml
/// description: open the orders DB to the VPN range
/// changes:
///   - addSecurityGroupRule: {group: db-sg, direction: ingress, protocol: tcp, ports: 5432, from: 10.9.0.0/16}
///   - removeSecurityGroupRule: {group: db-sg, direction: ingress, protocol: tcp, ports: 5432, from: app-sg}
///   - addRoute: {routeTable: app-rt, destination: 10.9.0.0/16, target: hub-tgw}
///   - removeRoute: {routeTable: app-rt, destination: 0.0.0.0/0}
///   - addNetworkAclEntry: {networkAcl: db-nacl, direction: ingress, rule: 90, action: allow,
///                          protocol: tcp, ports: 5432, cidr: 10.0.1.0/24}
///   - removeNetworkAclEntry: {networkAcl: db-nacl, direction: ingress, rule: 100}
///   - associateRouteTable: {subnet: db-a, routeTable: public-rt}
///   - associateNetworkAcl: {subnet: db-a, networkAcl: open-nacl}
///   - associateTransitGatewayRouteTable: {attachment: dev-att, routeTable: prod-rt}
///   - disassociateTransitGatewayRouteTable: {attachment: dev-att}
///   - addTransitGatewayPropagation: {routeTable: prod-rt, attachment: dev-att}
///   - removeTransitGatewayPropagation: {routeTable: prod-rt, attachment: dev-att}
///   - addTransitGatewayRoute: {routeTable: prod-rt, destination: 10.50.0.0/16, attachment: dev-att}
///   - removeTransitGatewayRoute: {routeTable: prod-rt, destination: 10.50.0.0/16}
///   - setPeeringStatus: {peering: app-db-peering, status: deleted}
///   - setPubliclyAccessible: {database: orders-db, value: true}
///   - setPublicIp: {interface: app-1, address: 198.51.100.7}
/// ```
///
/// - Security group rules take the topology format's rule keys: `protocol` (tcp, udp, icmp,
///   all or -1, or a number), `ports` (tcp and udp: `N`, `N-M` or `all`), `icmpType` and
///   `icmpCode` (icmp), an optional `description`, and the peer under `from` (ingress) or `to`
///   (egress): a CIDR block, a prefix list or a security group by name or id, or a list of
///   them (one change per peer).
/// - Network ACL entries take `rule` (1-32766), `action` (allow or deny), `cidr` and the same
///   protocol keys; `direction` is ingress or egress.
/// - A route `destination` is a CIDR block or a prefix list; a route `target` is a gateway,
///   peering connection, VPC endpoint, network interface or instance.
/// - `addTransitGatewayRoute` takes `blackhole: true` instead of `attachment` for a blackhole.
/// - `setPeeringStatus` takes an AWS status code (`active`, `deleted`, `pending-acceptance`,
///   `rejected`, …); `setPubliclyAccessible` names a DB instance or cluster; `setPublicIp`
///   names a network interface or instance, and `address: null` removes the public IP.
public enum ChangeFileLoader {
    /// Reads and loads the change file at `path`.
    public static func load(contentsOf path: String) throws(TopologyFileError) -> ChangeSet {
        try load(yaml: try YAMLDocument.text(contentsOf: path), file: path)
    }

    /// Loads a change set from YAML text; `file` names it in messages and origins.
    public static func load(yaml: String, file: String) throws(TopologyFileError) -> ChangeSet {
        let root = try YAMLDocument.root(
            yaml: yaml, file: file, requiring: "changes",
            reason: "a change file lists its changes under 'changes'")
        let top = try YAMLMapping(root, describing: "a change set", allowed: ["description", "changes"])
        var changes = ChangeSet()
        if let description = top["description"] {
            changes.summary = try description.scalarText("a description (text)")
        }
        let list = try top.required("changes").list("a list of changes, each {changeKind: {…}}")
        for element in list {
            let origin = element.location.description
            for change in try Self.changes(element) { changes.append(change, origin: origin) }
        }
        return changes
    }

    /// The changes one list element describes: one, or one per peer of a security group rule.
    private static func changes(_ element: YAMLValue) throws(TopologyFileError) -> [TopologyChange] {
        let names = ChangeKind.allCases.map(\.rawValue)
        let wrapper = try YAMLMapping(
            element, describing: "a change, such as {addRoute: {…}}", allowed: names)
        let (key, value) = try wrapper.exactlyOne(of: names, in: "a change")
        guard let kind = ChangeKind(rawValue: key) else {
            throw .unknownKey(value.location, key: key, allowed: names)
        }
        let fields = try YAMLMapping(value, describing: kind.itemDescription, allowed: kind.allowedKeys)
        return try kind.changes(fields)
    }
}
