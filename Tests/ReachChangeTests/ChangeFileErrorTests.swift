import ReachChange
import ReachTopologyFile
import Testing

@Suite("Change file errors")
struct ChangeFileErrorTests {
    @Test func anUnknownKeyNamesItsPlace() throws {
        let yaml = """
            changes:
              - addRoute: {routeTable: app-rt, destination: 10.9.0.0/16, taget: hub-tgw}
            """
        let error = try #require(changeFileError(yaml))
        guard case .unknownKey(let location, let key, let allowed) = error else {
            Issue.record("expected unknownKey, got \(error)")
            return
        }
        #expect(
            location
                == SourceLocation(file: changeFile, line: 2, column: 62, keyPath: "changes[0].addRoute.taget")
        )
        #expect(key == "taget")
        #expect(allowed == ["routeTable", "destination", "target"])
        #expect(
            error.description.hasPrefix(
                "change.yaml:2:62: changes[0].addRoute.taget: unknown key 'taget' (did you mean 'target'?)"))
    }

    @Test func anUnknownChangeKindListsTheKinds() throws {
        let error = try #require(changeFileError("changes:\n  - addRoutes: {routeTable: app-rt}\n"))
        guard case .unknownKey(let location, "addRoutes", let allowed) = error else {
            Issue.record("expected unknownKey, got \(error)")
            return
        }
        #expect(location.keyPath == "changes[0].addRoutes")
        #expect(location.line == 2)
        #expect(allowed.count == 17)
        #expect(allowed.contains("addRoute") && allowed.contains("setPublicIp"))
        #expect(error.description.contains("(did you mean 'addRoute'?)"))
    }

    @Test func anUnknownTopLevelKeyFails() throws {
        let error = try #require(changeFileError("description: x\nchange: []\n"))
        guard case .unknownKey(let location, "change", ["description", "changes"]) = error else {
            Issue.record("expected unknownKey, got \(error)")
            return
        }
        #expect(location == SourceLocation(file: changeFile, line: 2, column: 1, keyPath: "change"))
    }

    @Test func aMissingKeyNamesTheMapping() throws {
        let yaml = """
            changes:
              - setPeeringStatus: {status: deleted}
              - addRoute: {routeTable: app-rt, destination: 10.9.0.0/16}
            """
        let error = try #require(changeFileError(yaml))
        guard case .missingKey(let location, "peering", nil) = error else {
            Issue.record("expected missingKey, got \(error)")
            return
        }
        #expect(
            location
                == SourceLocation(
                    file: changeFile, line: 2, column: 23, keyPath: "changes[0].setPeeringStatus"))
        #expect(
            error.description
                == "change.yaml:2:23: changes[0].setPeeringStatus: missing required key 'peering'")
        let route = try #require(
            changeFileError("changes:\n  - addRoute: {routeTable: app-rt, destination: 10.9.0.0/16}\n"))
        guard case .missingKey(let location, "target", _) = route else {
            Issue.record("expected missingKey, got \(route)")
            return
        }
        #expect(location.keyPath == "changes[0].addRoute")
    }

    @Test func aMissingChangesListFails() throws {
        for yaml in ["", "description: nothing\n"] {
            guard case .missingKey(let location, "changes", _) = changeFileError(yaml) else {
                Issue.record("expected missingKey for \(yaml.debugDescription)")
                continue
            }
            #expect(location.file == changeFile)
            #expect(location.line == 1)
        }
    }

    @Test func aBadCIDRNamesFileLineAndKeyPath() throws {
        let yaml = """
            changes:
              - removeRoute: {routeTable: app-rt, destination: 0.0.0.0/0}
              - addNetworkAclEntry:
                  networkAcl: db-nacl
                  direction: ingress
                  rule: 90
                  action: allow
                  protocol: tcp
                  ports: 5432
                  cidr: 10.0.1.5/24
            """
        let error = try #require(changeFileError(yaml))
        guard case .invalidValue(let location, let expected, let found) = error else {
            Issue.record("expected invalidValue, got \(error)")
            return
        }
        #expect(
            location
                == SourceLocation(
                    file: changeFile, line: 10, column: 13, keyPath: "changes[1].addNetworkAclEntry.cidr"))
        #expect(expected == "an IPv4 CIDR block with no host bits set, such as 10.0.1.0/24")
        #expect(found == "'10.0.1.5/24'")
        #expect(
            error.description
                == "change.yaml:10:13: changes[1].addNetworkAclEntry.cidr: expected an IPv4 CIDR block with no"
                + " host bits set, such as 10.0.1.0/24, found '10.0.1.5/24'")
        let peer = try #require(
            changeFileError(
                "changes:\n  - addSecurityGroupRule: {group: g, direction: ingress, protocol: all, from: 10.0.0/8}\n"
            ))
        #expect(peer.location?.keyPath == "changes[0].addSecurityGroupRule.from")
        #expect(peer.location?.line == 2)
    }

    @Test(arguments: [
        // A value of the wrong form.
        (
            "addSecurityGroupRule: {group: g, direction: inbound, protocol: all, from: 10.0.0.0/8}",
            "addSecurityGroupRule.direction"
        ),
        (
            "addSecurityGroupRule: {group: g, direction: ingress, protocol: tcp, from: 10.0.0.0/8}",
            "addSecurityGroupRule"
        ),
        (
            "addSecurityGroupRule: {group: g, direction: ingress, protocol: tcp, ports: 99999, from: a}",
            "addSecurityGroupRule.ports"
        ),
        (
            "addSecurityGroupRule: {group: g, direction: ingress, protocol: all, ports: 1, from: a}",
            "addSecurityGroupRule.ports"
        ),
        (
            "addSecurityGroupRule: {group: g, direction: egress, protocol: all, from: a}",
            "addSecurityGroupRule.from"
        ),
        (
            "addNetworkAclEntry: {networkAcl: n, direction: ingress, rule: 0, action: allow, protocol: all, cidr: 0.0.0.0/0}",
            "addNetworkAclEntry.rule"
        ),
        (
            "addNetworkAclEntry: {networkAcl: n, direction: ingress, rule: 1, action: permit, protocol: all, cidr: 0.0.0.0/0}",
            "addNetworkAclEntry.action"
        ),
        ("removeNetworkAclEntry: {networkAcl: n, direction: ingress, rule: x}", "removeNetworkAclEntry.rule"),
        (
            "addTransitGatewayRoute: {routeTable: t, destination: 10.0.0.0/8, attachment: a, blackhole: true}",
            "addTransitGatewayRoute.blackhole"
        ),
        (
            "addTransitGatewayRoute: {routeTable: t, destination: 10.0.0.0/8, blackhole: false}",
            "addTransitGatewayRoute.blackhole"
        ),
        ("addTransitGatewayRoute: {routeTable: t, destination: 10.0.0.0/8}", "addTransitGatewayRoute"),
        ("setPeeringStatus: {peering: p, status: gone}", "setPeeringStatus.status"),
        ("setPubliclyAccessible: {database: d, value: maybe}", "setPubliclyAccessible.value"),
        ("setPublicIp: {interface: i, address: 300.1.1.1}", "setPublicIp.address"),
        ("setPublicIp: {interface: i}", "setPublicIp"),
        ("associateRouteTable: {subnet: '', routeTable: r}", "associateRouteTable.subnet"),
        ("addRoute: [routeTable, app-rt]", "addRoute"),
        (
            "{addRoute: {routeTable: r, destination: 0.0.0.0/0}, removeRoute: {routeTable: r, destination: 0.0.0.0/0}}",
            "removeRoute"
        ),
    ])
    func badValuesArePlaced(change: String, keyPath: String) throws {
        let error = try #require(changeFileError("changes:\n  - \(change)\n"))
        #expect(error.location?.file == changeFile)
        #expect(error.location?.line == 2)
        #expect(error.location?.keyPath == "changes[0].\(keyPath)", "\(error)")
    }

    @Test func aChangeMustBeAMappingWithOneKey() throws {
        let scalar = try #require(changeFileError("changes:\n  - addRoute\n"))
        #expect(scalar.location?.keyPath == "changes[0]")
        guard case .invalidValue(_, let expected, "'addRoute'") = scalar else {
            Issue.record("expected invalidValue, got \(scalar)")
            return
        }
        #expect(expected.contains("a change"))
        let notAList = try #require(changeFileError("changes: {addRoute: {}}\n"))
        #expect(notAList.location?.keyPath == "changes")
    }

    @Test func unreadableAndInvalidYAMLFail() throws {
        do {
            _ = try ChangeFileLoader.load(contentsOf: "/nonexistent/change.yaml")
            Issue.record("loading a missing file succeeded")
        } catch {
            guard case .unreadable("/nonexistent/change.yaml", "no such file") = error else {
                Issue.record("expected unreadable, got \(error)")
                return
            }
        }
        guard case .invalidYAML(changeFile, let line, _, _) = changeFileError("changes:\n  - {addRoute: [\n")
        else {
            Issue.record("expected invalidYAML")
            return
        }
        #expect(line >= 2)
    }
}
