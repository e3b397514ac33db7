import ReachNetwork

extension Topology {
    /// Adds what AWS creates with every VPC when the input did not describe it: a main route
    /// table with only local routes (S-R-1), a default network ACL allowing everything
    /// (S-NACL-1), and a default security group (S-SG-4: ingress from itself, egress to all).
    public mutating func addAWSDefaults() {
        for vpc in vpcs {
            if !routeTables.contains(where: { $0.vpcID == vpc.id && $0.isMain }) {
                routeTables.append(
                    RouteTable(
                        id: "\(vpc.id):main-route-table", name: "\(vpc.name) main route table",
                        vpcID: vpc.id, isMain: true, subnetIDs: [], routes: []))
            }
            if !networkACLs.contains(where: { $0.vpcID == vpc.id && $0.isDefault }) {
                let entries = [TrafficDirection.ingress, .egress].map {
                    NetworkACLEntry(
                        ruleNumber: 100, direction: $0, action: .allow, match: .all, cidrBlock: .all)
                }
                networkACLs.append(
                    NetworkACL(
                        id: "\(vpc.id):default-network-acl", name: "\(vpc.name) default network ACL",
                        vpcID: vpc.id, isDefault: true, subnetIDs: [], entries: entries))
            }
            if !securityGroups.contains(where: { $0.vpcID == vpc.id && $0.isDefault }) {
                securityGroups.append(Topology.defaultSecurityGroup(for: vpc))
            }
        }
    }

    /// The default security group AWS creates in `vpc` (S-SG-4).
    public static func defaultSecurityGroup(for vpc: VPC) -> SecurityGroup {
        let id = "\(vpc.id):default-security-group"
        return SecurityGroup(
            id: id, name: "default", vpcID: vpc.id, isDefault: true,
            ingress: [SecurityGroupRule(direction: .ingress, match: .all, peer: .securityGroup(id))],
            egress: [SecurityGroupRule(direction: .egress, match: .all, peer: .cidr(.all))])
    }
}
