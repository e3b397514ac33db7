import Foundation
import ReachAWSSnapshot
import ReachGraph
import Testing

@Suite("Snapshot layouts, bad input and partial snapshots")
struct SnapshotInputTests {
    @Test("Batfish's aws_configs/REGION layout loads, with the region from the folder")
    func batfishLayout() throws {
        let net = try SnapshotNetwork(
            packageRoot.appendingPathComponent("Tests/Fixtures/aws/batfish-layout").path)
        #expect(net.loaded.topology.vpcs.allSatisfy { $0.region == "us-east-1" })
        #expect(try net.check("internet", "web-1", port: 443).verdict == .reachable)
    }

    @Test("a truncated file is an error naming the file and where it ends")
    func truncatedJSON() throws {
        let directory = try scratchCopy()
        try write(
            "{\"Vpcs\": [{\"VpcId\": \"vpc-1\", \"CidrBlock\": \"10.0.0.0/16\"",
            to: "123456789012/us-east-1/Vpcs.json", in: directory)
        do {
            _ = try AWSSnapshotLoader.load(directory: directory)
            Issue.record("expected an error")
        } catch .invalidJSON(let file, let reason) {
            #expect(file.hasSuffix("Vpcs.json"))
            #expect(reason.contains("truncated"))
            #expect(reason.contains("line 1"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("a value of the wrong type is an error naming the JSON path and what was expected")
    func wrongType() throws {
        let directory = try scratchCopy()
        try write(
            #"{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"}], "Subnets": [{"SubnetId": "subnet-1", "VpcId": "vpc-1", "CidrBlock": 42}]}"#,
            to: "s.json", in: directory)
        do {
            _ = try AWSSnapshotLoader.load(directory: directory)
            Issue.record("expected an error")
        } catch .invalidValue(let file, let path, let expected, let found) {
            #expect(file.hasSuffix("s.json"))
            #expect(path == "Subnets[0].CidrBlock")
            #expect(expected == "a string")
            #expect(found == "42")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("a missing key is an error naming its object")
    func missingKey() throws {
        let directory = try scratchCopy()
        try write(#"{"Vpcs": [{"CidrBlock": "10.0.0.0/16"}]}"#, to: "v.json", in: directory)
        #expect(throws: SnapshotError.missingKey(file: "\(directory)/v.json", path: "Vpcs[0]", key: "VpcId"))
        {
            _ = try AWSSnapshotLoader.load(directory: directory)
        }
    }

    @Test("an output Reach does not read is a warning, not an error; a directory with none is an error")
    func unknownOutputs() throws {
        let directory = try scratchCopy()
        try write(#"{"KeyPairs": []}"#, to: "k.json", in: directory)
        #expect(throws: SnapshotError.noRecognisedFiles(path: directory)) {
            _ = try AWSSnapshotLoader.load(directory: directory)
        }
        try write(
            #"{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"}]}"#, to: "us-west-2/v.json",
            in: directory)
        let loaded = try AWSSnapshotLoader.load(directory: directory)
        #expect(loaded.warnings.contains { $0.file.hasSuffix("k.json") && $0.path == "KeyPairs" })
        #expect(loaded.topology.vpcs.first?.region == "us-west-2")
    }

    @Test("a directory that does not exist is an error")
    func noDirectory() {
        #expect(throws: SnapshotError.self) {
            _ = try AWSSnapshotLoader.load(directory: "/nonexistent/snapshot")
        }
    }

    /// A one-VPC snapshot: `app` (in sg-app) and `db` (in `dbGroup`) in one subnet pair.
    private func partialSnapshot(dbGroup: String, route: String = "") throws -> String {
        let directory = try scratchCopy()
        try write(
            """
            {"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"}],
             "Subnets": [{"SubnetId": "subnet-a", "VpcId": "vpc-1", "CidrBlock": "10.0.1.0/24", "AvailabilityZone": "us-east-1a"},
                         {"SubnetId": "subnet-b", "VpcId": "vpc-1", "CidrBlock": "10.0.2.0/24", "AvailabilityZone": "us-east-1a"}],
             "RouteTables": [{"RouteTableId": "rtb-1", "VpcId": "vpc-1", "Associations": [{"Main": true}],
                              "Routes": [{"DestinationCidrBlock": "10.0.0.0/16", "GatewayId": "local", "State": "active"}\(route)]}],
             "NetworkAcls": [{"NetworkAclId": "acl-1", "VpcId": "vpc-1", "IsDefault": true, "Associations": [],
                              "Entries": [{"RuleNumber": 100, "Egress": true, "RuleAction": "allow", "Protocol": "-1", "CidrBlock": "0.0.0.0/0"},
                                          {"RuleNumber": 100, "Egress": false, "RuleAction": "allow", "Protocol": "-1", "CidrBlock": "0.0.0.0/0"}]}],
             "SecurityGroups": [{"GroupId": "sg-app", "GroupName": "app", "VpcId": "vpc-1", "IpPermissions": [],
                                 "IpPermissionsEgress": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]}],
             "NetworkInterfaces": [
               {"NetworkInterfaceId": "eni-app", "SubnetId": "subnet-a", "PrivateIpAddress": "10.0.1.10", "Groups": [{"GroupId": "sg-app"}],
                "TagSet": [{"Key": "Name", "Value": "app"}]},
               {"NetworkInterfaceId": "eni-db", "SubnetId": "subnet-b", "PrivateIpAddress": "10.0.2.10", "Groups": [{"GroupId": "\(dbGroup)"}],
                "TagSet": [{"Key": "Name", "Value": "db"}]}]}
            """, to: "123456789012/us-east-1/ec2.json", in: directory)
        return directory
    }

    @Test(
        "a security group an interface carries but the snapshot lacks makes the answer unknown, not blocked")
    func missingSecurityGroup() throws {
        let net = try SnapshotNetwork(try partialSnapshot(dbGroup: "sg-other-account"))
        #expect(net.loaded.warnings.contains { $0.message.contains("sg-other-account") })
        let result = try net.check("app", "db", port: 5432)
        #expect(result.verdict == .unknown)
        #expect(result.reason == .unknownResource)
        #expect(result.trace.unknown?.component.id == "sg-other-account")
        // A flow some known rule denies stays unknown too: the missing group might allow it.
        #expect(try net.check("app", "db", port: 22).verdict == .unknown)
    }

    @Test("a route to a target the snapshot lacks makes the answer unknown")
    func missingRouteTarget() throws {
        let route = #", {"DestinationCidrBlock": "0.0.0.0/0", "NatGatewayId": "nat-gone", "State": "active"}"#
        let net = try SnapshotNetwork(try partialSnapshot(dbGroup: "sg-app", route: route))
        let result = try net.check("app", "internet", port: 443)
        #expect(result.verdict == .unknown)
        #expect(result.reason == .unknownResource)
        #expect(result.trace.unknown?.component.id == "nat-gone")
        #expect(net.loaded.warnings.contains { $0.message.contains("nat-gone") })
    }

    @Test("the DB's endpoint interface is matched when exactly one RDS interface fits")
    func rdsInterfaceMatching() throws {
        let net = try SnapshotNetwork(motoSnapshot)
        // moto creates no RDS interfaces, so the address of orders-db stays unknown.
        #expect(net.loaded.topology.dbInstances.first { $0.id == "orders-db" }?.privateIP == nil)
    }
}
