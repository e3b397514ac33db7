import Foundation
import ReachModel
import ReachTopologyFile
import Testing

/// Every kind of error, with the line, column and key path it reports.
@Suite("Errors name the file, line and key path")
struct ErrorTests {
    // MARK: - Values

    @Test func cidrWithAnImpossibleLength() throws {
        let yaml = minimalYAML.replacingOccurrences(of: "cidr: 10.0.2.0/24", with: "cidr: 10.0.2.0/33")
        let error = try #require(loadingError(yaml))
        guard case .invalidValue(let location, let expected, let found) = error else {
            Issue.record("expected invalidValue, got \(error)")
            return
        }
        #expect(location.file == testFile)
        #expect(location.line == line(of: "10.0.2.0/33", in: yaml))
        #expect(location.column == 11)
        #expect(location.keyPath == "subnets[1].cidr")
        #expect(expected == "an IPv4 CIDR block such as 10.0.1.0/24")
        #expect(found == "'10.0.2.0/33'")
        #expect(
            error.description
                == "test.yaml:11:11: subnets[1].cidr: expected an IPv4 CIDR block such as 10.0.1.0/24, found '10.0.2.0/33'"
        )
    }

    @Test func databaseWhosePlacementIsNotGivenIsAnError() throws {
        // Two candidate subnets and neither `subnet` nor `privateIp`: guessing one could change answers.
        let yaml =
            minimalYAML + """
                dbSubnetGroups:
                  - {name: g, subnets: [web-a, app-a]}
                databases:
                  - {name: pg, engine: postgres, subnetGroup: g}

                """
        guard case .missingKey(let location, let key, let reason) = loadingError(yaml) else {
            Issue.record("expected missingKey for the DB's subnet")
            return
        }
        #expect(key == "subnet")
        #expect(location.line == line(of: "name: pg", in: yaml))
        #expect(reason?.contains("2 subnets") == true)
        // Its private IP pins the subnet.
        let pinned = yaml.replacingOccurrences(
            of: "subnetGroup: g}", with: "subnetGroup: g, privateIp: 10.0.2.9}")
        #expect(
            try TopologyFileLoader.load(yaml: pinned, file: "t.yaml").topology.dbInstances.first?.subnetID
                == "app-a")
    }

    @Test func cidrWithHostBitsSetSuggestsTheNetwork() throws {
        let yaml = minimalYAML.replacingOccurrences(of: "cidrs: [10.0.0.0/16]", with: "cidrs: [10.0.1.0/16]")
        let error = try #require(loadingError(yaml))
        guard case .invalidValue(let location, let expected, let found) = error else {
            Issue.record("expected invalidValue, got \(error)")
            return
        }
        #expect(location.line == 3)
        #expect(location.keyPath == "vpcs[0].cidrs[0]")
        #expect(expected.contains("no host bits set, such as 10.0.0.0/16"))
        #expect(found == "'10.0.1.0/16'")
    }

    @Test func badAddressPortsAndBoolean() throws {
        let badAddress = minimalYAML + "instances:\n  - {name: web-1, subnet: web-a, privateIp: 10.0.1.300}\n"
        guard case .invalidValue(let location, let expected, _) = loadingError(badAddress) else {
            Issue.record("expected invalidValue for a bad address")
            return
        }
        #expect(location.keyPath == "instances[0].privateIp")
        #expect(location.line == line(of: "10.0.1.300", in: badAddress))
        #expect(expected.contains("IPv4 address"))

        let badPorts =
            minimalYAML + """
                securityGroups:
                  - name: web-sg
                    vpc: shop-vpc
                    ingress:
                      - {protocol: tcp, ports: 443-80, from: 0.0.0.0/0}

                """
        guard
            case .invalidValue(let portsLocation, let portsExpected, let portsFound) = loadingError(badPorts)
        else {
            Issue.record("expected invalidValue for a reversed port range")
            return
        }
        #expect(portsLocation.keyPath == "securityGroups[0].ingress[0].ports")
        #expect(portsLocation.line == line(of: "443-80", in: badPorts))
        #expect(portsExpected.contains("port range"))
        #expect(portsFound == "'443-80'")

        let badBool =
            minimalYAML + """
                routeTables:
                  - {name: rt, vpc: shop-vpc, main: maybe}

                """
        guard case .invalidValue(let boolLocation, let boolExpected, _) = loadingError(badBool) else {
            Issue.record("expected invalidValue for a bad boolean")
            return
        }
        #expect(boolLocation.keyPath == "routeTables[0].main")
        #expect(boolExpected == "true or false")
    }

    @Test func wrongTypes() throws {
        // A mapping where a list is expected.
        let mapForList = minimalYAML + "internetGateways:\n  name: shop-igw\n"
        guard case .invalidValue(let location, let expected, let found) = loadingError(mapForList) else {
            Issue.record("expected invalidValue for a mapping where a list belongs")
            return
        }
        #expect(location.keyPath == "internetGateways")
        #expect(location.line == line(of: "name: shop-igw", in: mapForList))
        #expect(expected.contains("a list"))
        #expect(found == "a mapping")

        // A list where a mapping is expected.
        let listForMap = minimalYAML + "internetGateways:\n  - [shop-igw, shop-vpc]\n"
        guard case .invalidValue(let itemLocation, let itemExpected, let itemFound) = loadingError(listForMap)
        else {
            Issue.record("expected invalidValue for a list where a mapping belongs")
            return
        }
        #expect(itemLocation.keyPath == "internetGateways[0]")
        #expect(itemLocation.line == line(of: "[shop-igw, shop-vpc]", in: listForMap))
        #expect(itemExpected.contains("a mapping"))
        #expect(itemExpected.contains("an internet gateway"))
        #expect(itemFound == "a list")

        // A scalar where a list is expected, and a list where a scalar is expected.
        let scalarForList = minimalYAML.replacingOccurrences(
            of: "cidrs: [10.0.0.0/16]", with: "cidrs: 10.0.0.0/16")
        guard case .invalidValue(let cidrsLocation, _, let cidrsFound) = loadingError(scalarForList) else {
            Issue.record("expected invalidValue for a scalar where a list belongs")
            return
        }
        #expect(cidrsLocation.keyPath == "vpcs[0].cidrs")
        #expect(cidrsFound == "'10.0.0.0/16'")
        let listForScalar = minimalYAML.replacingOccurrences(
            of: "az: us-east-1a\n  - name: app-a", with: "az: [a, b]\n  - name: app-a")
        guard case .invalidValue(let azLocation, _, let azFound) = loadingError(listForScalar) else {
            Issue.record("expected invalidValue for a list where a name belongs")
            return
        }
        #expect(azLocation.keyPath == "subnets[0].az")
        #expect(azFound == "a list")

        // The whole document must be a mapping.
        guard case .invalidValue(let rootLocation, _, _) = loadingError("- just\n- a list\n") else {
            Issue.record("expected invalidValue for a root list")
            return
        }
        #expect(rootLocation.line == 1)
        #expect(rootLocation.keyPath == "")
    }

    // MARK: - Keys

    @Test func unknownKeyListsTheAllowedKeys() throws {
        let yaml = minimalYAML.replacingOccurrences(of: "cidr: 10.0.2.0/24", with: "cidrr: 10.0.2.0/24")
        let error = try #require(loadingError(yaml))
        guard case .unknownKey(let location, let key, let allowed) = error else {
            Issue.record("expected unknownKey, got \(error)")
            return
        }
        #expect(key == "cidrr")
        #expect(location.line == line(of: "cidrr", in: yaml))
        #expect(location.column == 5)
        #expect(location.keyPath == "subnets[1].cidrr")
        #expect(allowed == ["name", "id", "vpc", "cidr", "az", "tags"])
        #expect(error.description.contains("did you mean 'cidr'?"))
        #expect(error.description.contains("allowed keys here: name, id, vpc, cidr, az, tags"))
    }

    @Test func unknownKeysAtTheTopAndInsideRules() throws {
        guard case .unknownKey(let top, let key, let allowed) = loadingError(minimalYAML + "subnet:\n  - x\n")
        else {
            Issue.record("expected unknownKey at the top level")
            return
        }
        #expect(key == "subnet")
        #expect(top.keyPath == "subnet")
        #expect(top.line == 13)
        #expect(allowed.contains("subnets"))

        let rule =
            minimalYAML + """
                networkAcls:
                  - name: acl
                    vpc: shop-vpc
                    inbound:
                      - {rule: 100, action: allow, protocol: all, cidr: 0.0.0.0/0, port: 22}

                """
        guard case .unknownKey(let location, let ruleKey, _) = loadingError(rule) else {
            Issue.record("expected unknownKey in an ACL entry")
            return
        }
        #expect(ruleKey == "port")
        #expect(location.keyPath == "networkAcls[0].inbound[0].port")
        #expect(location.line == line(of: "port: 22", in: rule))
    }

    @Test func missingKeyNamesTheMapping() throws {
        let yaml = minimalYAML.replacingOccurrences(
            of: "    az: us-east-1a\n  - name: app-a", with: "  - name: app-a")
        let error = try #require(loadingError(yaml))
        guard case .missingKey(let location, let key, _) = error else {
            Issue.record("expected missingKey, got \(error)")
            return
        }
        #expect(key == "az")
        #expect(location.keyPath == "subnets[0]")
        #expect(location.line == line(of: "name: web-a", in: yaml))
        #expect(error.description == "test.yaml:5:5: subnets[0]: missing required key 'az'")
    }

    @Test func missingNameAndMissingPorts() throws {
        guard
            case .missingKey(let location, let key, _) = loadingError(
                minimalYAML + "onPremSites:\n  - cidrs: [192.168.0.0/16]\n")
        else {
            Issue.record("expected missingKey for a nameless site")
            return
        }
        #expect(key == "name")
        #expect(location.keyPath == "onPremSites[0]")

        let noPorts =
            minimalYAML + """
                securityGroups:
                  - name: web-sg
                    vpc: shop-vpc
                    ingress:
                      - {protocol: tcp, from: 0.0.0.0/0}

                """
        guard case .missingKey(let rule, let portsKey, let reason) = loadingError(noPorts) else {
            Issue.record("expected missingKey for a tcp rule without ports")
            return
        }
        #expect(portsKey == "ports")
        #expect(rule.keyPath == "securityGroups[0].ingress[0]")
        #expect(rule.line == line(of: "protocol: tcp", in: noPorts))
        #expect(reason?.contains("tcp") == true)
    }

    @Test func databaseWithoutPortForAnUnknownEngine() throws {
        let yaml =
            minimalYAML + """
                dbSubnetGroups:
                  - {name: g, subnets: [web-a, app-a]}
                databases:
                  - {name: graph-db, engine: neptune, subnetGroup: g, privateIp: 10.0.1.9}

                """
        guard case .missingKey(let location, let key, let reason) = loadingError(yaml) else {
            Issue.record("expected missingKey for the port")
            return
        }
        #expect(key == "port")
        #expect(location.keyPath == "databases[0]")
        #expect(reason?.contains("neptune") == true)
        let withPort = yaml.replacingOccurrences(of: "engine: neptune,", with: "engine: neptune, port: 8182,")
        let db = try #require(try load(withPort).topology.dbInstances.first)
        #expect(db.port == 8182)
    }

    // MARK: - References

    @Test func danglingReferenceSuggestsCloseNames() throws {
        let yaml = minimalYAML.replacingOccurrences(
            of: "vpc: shop-vpc\n    cidr: 10.0.2.0/24", with: "vpc: shop-vcp\n    cidr: 10.0.2.0/24")
        let error = try #require(loadingError(yaml))
        guard case .unknownReference(let location, let kind, let name, let suggestions) = error else {
            Issue.record("expected unknownReference, got \(error)")
            return
        }
        #expect(kind == "VPC")
        #expect(name == "shop-vcp")
        #expect(suggestions == ["shop-vpc"])
        #expect(location.keyPath == "subnets[1].vpc")
        #expect(location.line == line(of: "shop-vcp", in: yaml))
        #expect(error.description.contains("did you mean 'shop-vpc'?"))
    }

    @Test func danglingReferencesInListsRulesAndRoutes() throws {
        let group =
            minimalYAML + """
                instances:
                  - {name: web-1, subnet: web-a, privateIp: 10.0.1.5, securityGroups: [web-sg]}

                """
        guard case .unknownReference(let location, let kind, _, _) = loadingError(group) else {
            Issue.record("expected unknownReference for a security group")
            return
        }
        #expect(kind == "security group")
        #expect(location.keyPath == "instances[0].securityGroups[0]")

        let peer =
            minimalYAML + """
                securityGroups:
                  - name: db-sg
                    vpc: shop-vpc
                    ingress:
                      - {protocol: tcp, ports: 5432, from: [10.0.0.0/16, app-sg]}

                """
        guard case .unknownReference(let peerLocation, let peerKind, let peerName, _) = loadingError(peer)
        else {
            Issue.record("expected unknownReference for a rule peer")
            return
        }
        #expect(peerKind == "security group or prefix list")
        #expect(peerName == "app-sg")
        #expect(peerLocation.keyPath == "securityGroups[0].ingress[0].from[1]")

        let route =
            minimalYAML + """
                routeTables:
                  - name: rt
                    vpc: shop-vpc
                    routes:
                      - {destination: 0.0.0.0/0, target: shop-igw}

                """
        guard case .unknownReference(let routeLocation, let routeKind, _, _) = loadingError(route) else {
            Issue.record("expected unknownReference for a route target")
            return
        }
        #expect(routeKind.hasPrefix("route target"))
        #expect(routeLocation.keyPath == "routeTables[0].routes[0].target")
        #expect(routeLocation.line == line(of: "shop-igw", in: route))
    }

    @Test func ambiguousRouteTargetListsEveryCandidate() throws {
        let yaml =
            minimalYAML + """
                internetGateways:
                  - {name: edge, vpc: shop-vpc}
                natGateways:
                  - {name: edge, subnet: web-a, privateIp: 10.0.1.10, publicIp: 203.0.113.10}
                routeTables:
                  - name: rt
                    vpc: shop-vpc
                    routes:
                      - {destination: 0.0.0.0/0, target: edge}

                """
        let error = try #require(loadingError(yaml))
        guard case .ambiguousReference(let location, let name, let candidates) = error else {
            Issue.record("expected ambiguousReference, got \(error)")
            return
        }
        #expect(name == "edge")
        #expect(location.keyPath == "routeTables[0].routes[0].target")
        #expect(location.line == line(of: "target: edge", in: yaml))
        #expect(candidates.count == 2)
        #expect(candidates.contains { $0.hasPrefix("internet gateway 'edge'") })
        #expect(candidates.contains { $0.hasPrefix("NAT gateway 'edge'") })
        // The ids tell them apart.
        let byID = yaml.replacingOccurrences(of: "{name: edge, vpc", with: "{name: edge, id: igw-1, vpc")
            .replacingOccurrences(of: "target: edge", with: "target: igw-1")
        let table = try #require(try load(byID).topology.routeTables.first { $0.id == "rt" })
        #expect(table.routes.first?.target == .internetGateway("igw-1"))
    }

    @Test func instanceAndItsOwnInterfaceAreNotAmbiguous() throws {
        let yaml =
            minimalYAML + """
                instances:
                  - {name: nat-box, subnet: web-a, privateIp: 10.0.1.7, sourceDestCheck: false}
                routeTables:
                  - name: rt
                    vpc: shop-vpc
                    routes:
                      - {destination: 0.0.0.0/0, target: nat-box}

                """
        let topology = try load(yaml).topology
        let table = try #require(topology.routeTables.first { $0.id == "rt" })
        #expect(table.routes.first?.target == .networkInterface("nat-box-eni"))
        #expect(topology.networkInterfaces.first { $0.id == "nat-box-eni" }?.sourceDestCheck == false)
    }

    @Test func duplicateNamesAndIDs() throws {
        let yaml = minimalYAML.replacingOccurrences(of: "name: app-a", with: "name: web-a")
        let error = try #require(loadingError(yaml))
        guard case .duplicateName(let location, let kind, let name, let firstLine) = error else {
            Issue.record("expected duplicateName, got \(error)")
            return
        }
        #expect(kind == "subnet")
        #expect(name == "web-a")
        #expect(firstLine == 5)
        #expect(location.line == 9)
        #expect(location.keyPath == "subnets[1].name")

        let sameID = minimalYAML.replacingOccurrences(of: "name: app-a", with: "name: app-a\n    id: web-a")
        guard case .duplicateName(let idLocation, _, let idName, _) = loadingError(sameID) else {
            Issue.record("expected duplicateName for an id equal to another subnet's name")
            return
        }
        #expect(idName == "web-a")
        #expect(idLocation.keyPath == "subnets[1].id")

        let interfaceClash =
            minimalYAML + """
                networkInterfaces:
                  - {name: web-1, subnet: web-a, privateIp: 10.0.1.6}
                instances:
                  - {name: web-1, subnet: web-a, privateIp: 10.0.1.5}

                """
        guard case .duplicateName(_, let clashKind, _, _) = loadingError(interfaceClash) else {
            Issue.record("expected duplicateName for an instance shorthand named like an interface")
            return
        }
        #expect(clashKind == "network interface")
        // Different kinds may share a name.
        let sharing = minimalYAML + "internetGateways:\n  - {name: web-a, vpc: shop-vpc}\n"
        #expect(loadingError(sharing) == nil)
    }

    // MARK: - Conflicts

    @Test func conflictingKeys() throws {
        let icmpPorts =
            minimalYAML + """
                securityGroups:
                  - name: ping
                    vpc: shop-vpc
                    ingress:
                      - {protocol: icmp, ports: 8, from: 10.0.0.0/16}

                """
        guard case .conflict(let location, let message) = loadingError(icmpPorts) else {
            Issue.record("expected conflict for ports on icmp")
            return
        }
        #expect(location.keyPath == "securityGroups[0].ingress[0].ports")
        #expect(message.contains("tcp and udp only"))

        let spanning = """
            vpcs:
              - {name: a, cidrs: [10.0.0.0/16]}
              - {name: b, cidrs: [10.1.0.0/16]}
            subnets:
              - {name: a1, vpc: a, cidr: 10.0.1.0/24, az: us-east-1a}
              - {name: b1, vpc: b, cidr: 10.1.1.0/24, az: us-east-1a}
            dbSubnetGroups:
              - {name: g, subnets: [a1, b1]}

            """
        guard case .conflict(let groupLocation, let groupMessage) = loadingError(spanning) else {
            Issue.record("expected conflict for a DB subnet group spanning VPCs")
            return
        }
        #expect(groupLocation.keyPath == "dbSubnetGroups[0].subnets[1]")
        #expect(groupMessage.contains("share one VPC"))

        let both =
            minimalYAML + """
                networkInterfaces:
                  - {name: eni-1, subnet: web-a, privateIp: 10.0.1.6}
                instances:
                  - {name: web-1, subnet: web-a, networkInterfaces: [eni-1]}

                """
        guard case .conflict(let instanceLocation, _) = loadingError(both) else {
            Issue.record("expected conflict for an instance with subnet and networkInterfaces")
            return
        }
        #expect(instanceLocation.keyPath == "instances[0].subnet")
    }

    // MARK: - YAML and files

    @Test func malformedYAMLGivesTheParserPosition() throws {
        let yaml = "vpcs:\n  - name: shop-vpc\n    cidrs: [10.0.0.0/16\nsubnets: []\n"
        let error = try #require(loadingError(yaml))
        guard case .invalidYAML(let file, let line, let column, let message) = error else {
            Issue.record("expected invalidYAML, got \(error)")
            return
        }
        #expect(file == testFile)
        #expect(line == 4)
        #expect(column >= 1)
        #expect(!message.isEmpty)
        #expect(error.description.hasPrefix("test.yaml:4:"))

        let tabs = "vpcs:\n\t- name: x\n"
        guard case .invalidYAML(_, let tabLine, _, _) = loadingError(tabs) else {
            Issue.record("expected invalidYAML for a tab indent")
            return
        }
        #expect(tabLine == 2)
    }

    @Test func duplicateYAMLKeyIsAnError() throws {
        let yaml = "vpcs:\n  - name: a\n    cidrs: [10.0.0.0/16]\n    name: b\n"
        guard case .invalidYAML(_, _, _, let message) = loadingError(yaml) else {
            Issue.record("expected invalidYAML for a repeated key")
            return
        }
        #expect(message.contains("'name'"))
    }

    @Test func emptyDocumentIsAnEmptyTopology() throws {
        let loaded = try load("# nothing yet\n")
        #expect(loaded.topology == Topology())
        #expect(loaded.warnings.isEmpty)
    }

    @Test func unreadableFiles() throws {
        let missing = "/nonexistent/reach/none.yaml"
        do {
            _ = try TopologyFileLoader.load(contentsOf: missing)
            Issue.record("loading a missing file succeeded")
        } catch {
            guard case .unreadable(let file, let reason) = error else {
                Issue.record("expected unreadable, got \(error)")
                return
            }
            #expect(file == missing)
            #expect(reason == "no such file")
            #expect(error.description.hasPrefix(missing))
        }
        do {
            _ = try TopologyFileLoader.load(contentsOf: packageRoot.path)
            Issue.record("loading a directory succeeded")
        } catch {
            guard case .unreadable(_, let reason) = error else {
                Issue.record("expected unreadable, got \(error)")
                return
            }
            #expect(reason.contains("directory"))
        }
    }

    @Test func fileErrorsNameThePath() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("reach-loader-\(UUID().uuidString).yaml").path
        let yaml = minimalYAML.replacingOccurrences(
            of: "az: us-east-1a\n  - name: app-a", with: "az: us-east-1a\n    colour: red\n  - name: app-a")
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try TopologyFileLoader.load(contentsOf: path)
            Issue.record("an unknown key loaded")
        } catch {
            #expect(error.location?.file == path)
            #expect(error.description.hasPrefix("\(path):9:5: subnets[0].colour: unknown key 'colour'"))
        }
    }

    // MARK: - Validation

    /// The problems of an `invalidTopology` error, recording an issue for any other outcome.
    private func problems(_ yaml: String) -> [LocatedProblem] {
        switch loadingError(yaml) {
        case .invalidTopology(let problems)?: return problems
        case let other?:
            Issue.record("expected invalidTopology, got \(other)")
            return []
        case nil:
            Issue.record("expected invalidTopology, but the design loaded")
            return []
        }
    }

    @Test func subnetOutsideItsVPC() throws {
        let yaml = minimalYAML.replacingOccurrences(of: "cidr: 10.0.2.0/24", with: "cidr: 10.9.2.0/24")
        let found = problems(yaml)
        #expect(found.count == 1)
        let problem = try #require(found.first)
        #expect(problem.problem.resource == ResourceRef(.subnet, "app-a"))
        #expect(problem.location.line == line(of: "10.9.2.0/24", in: yaml))
        #expect(problem.location.keyPath == "subnets[1].cidr")
        #expect(problem.description.hasPrefix("test.yaml:11:11: subnets[1].cidr: 10.9.2.0/24 is outside"))
    }

    @Test func overlappingSubnets() throws {
        let yaml = minimalYAML.replacingOccurrences(of: "cidr: 10.0.2.0/24", with: "cidr: 10.0.1.128/25")
        let problem = try #require(problems(yaml).first)
        #expect(problem.problem.resource == ResourceRef(.subnet, "app-a"))
        #expect(problem.problem.message.contains("overlaps subnet web-a"))
        #expect(problem.location.line == line(of: "10.0.1.128/25", in: yaml))
        #expect(problem.location.keyPath == "subnets[1].cidr")
    }

    @Test func overlappingCIDRsOfActivelyPeeredVPCs() throws {
        let yaml = """
            vpcs:
              - {name: a, cidrs: [10.0.0.0/16]}
              - {name: b, cidrs: [10.0.128.0/17]}
            peeringConnections:
              - {name: a-b, requester: a, accepter: b}

            """
        let problem = try #require(problems(yaml).first)
        #expect(problem.problem.resource == ResourceRef(.peeringConnection, "a-b"))
        #expect(problem.location.line == 5)
        #expect(problem.location.keyPath == "peeringConnections[0].accepter")
        #expect(problem.description.contains("overlapping CIDR blocks"))
        // A connection that is not active does not forward, so its VPCs may overlap.
        let pending = yaml.replacingOccurrences(
            of: "accepter: b}", with: "accepter: b, status: pending-acceptance}")
        #expect(loadingError(pending) == nil)
    }

    @Test func problemsOfFieldsTheFileOmitsAreAtTheResource() throws {
        // A public NAT gateway needs an Elastic IP: the key is absent, so the item is named.
        let yaml = minimalYAML + "natGateways:\n  - {name: nat-a, subnet: web-a, privateIp: 10.0.1.10}\n"
        let problem = try #require(problems(yaml).first)
        #expect(problem.problem.resource == ResourceRef(.natGateway, "nat-a"))
        #expect(problem.location.line == line(of: "name: nat-a", in: yaml))
        #expect(problem.location.keyPath == "natGateways[0].publicIp")

        // A cluster member inherits the cluster's groups; a bad one is found there.
        let cluster = """
            vpcs:
              - {name: a, cidrs: [10.0.0.0/16]}
              - {name: b, cidrs: [10.1.0.0/16]}
            subnets:
              - {name: a1, vpc: a, cidr: 10.0.1.0/24, az: us-east-1a}
            securityGroups:
              - {name: b-sg, vpc: b}
            dbSubnetGroups:
              - {name: g, subnets: [a1]}
            dbClusters:
              - name: c
                engine: aurora-mysql
                subnetGroup: g
                securityGroups: [b-sg]
                instances:
                  - {name: c-1, privateIp: 10.0.1.5, role: writer}

            """
        let clusterProblem = try #require(problems(cluster).first)
        #expect(clusterProblem.problem.resource == ResourceRef(.dbInstance, "c-1"))
        #expect(clusterProblem.location.keyPath == "dbClusters[0].securityGroups[0]")
        #expect(clusterProblem.location.line == line(of: "securityGroups: [b-sg]", in: cluster))
    }

    @Test func everyErrorIsReportedAtOnce() throws {
        let yaml =
            minimalYAML
            .replacingOccurrences(of: "cidr: 10.0.2.0/24", with: "cidr: 10.0.1.0/24")
            + "instances:\n  - {name: web-1, subnet: web-a, privateIp: 10.0.9.5}\n"
        let found = problems(yaml)
        #expect(found.count == 2)
        #expect(Set(found.map(\.location.keyPath)) == ["subnets[1].cidr", "instances[0].privateIp"])
        let error = try #require(loadingError(yaml))
        #expect(error.description.hasPrefix("the topology has 2 errors:\n  test.yaml:"))
        #expect(error.location == nil)
    }
}
