/// VPC peering connections (`describe-vpc-peering-connections`): VPC `v` (requester) with
/// VPC `v + 2` (accepter) for every `v % 50 == 3`, so both are prod VPCs; active, with each
/// other's `/20` routed to the peering in their app and db route tables.
extension EstateGenerator {
    /// The peering connections of `vpc`: the peer VPC and the connection's id.
    func peerings(of vpc: Int) -> [(peer: Int, id: String)] {
        var result: [(peer: Int, id: String)] = []
        if vpc % 50 == 3, vpc + 2 < shape.vpcs { result.append((vpc + 2, peeringID(requester: vpc))) }
        if vpc >= 5, vpc % 50 == 5 { result.append((vpc - 2, peeringID(requester: vpc - 2))) }
        return result
    }

    private func peeringID(requester: Int) -> String { Self.id("pcx", .peering, requester / 50) }

    private func peeringSide(_ vpc: Int) -> String {
        """
        {"CidrBlock": "\(vpcCIDR(vpc))", "CidrBlockSet": [{"CidrBlock": "\(vpcCIDR(vpc))"}], \
        "OwnerId": "\(Self.account)", "PeeringOptions": {"AllowDnsResolutionFromRemoteVpc": false, \
        "AllowEgressFromLocalClassicLinkToRemoteVpc": false, "AllowEgressFromLocalVpcToRemoteClassicLink": false}, \
        "VpcId": "\(vpcID(vpc))", "Region": "\(Self.region)"}
        """
    }

    func peeringConnectionsFile() -> String {
        var document = JSONListDocument(
            key: "VpcPeeringConnections", capacity: shape.peeringConnectionCount * 1200)
        for requester in stride(from: 3, to: shape.vpcs - 2, by: 50) {
            let accepter = requester + 2
            document.append(
                """
                {"AccepterVpcInfo": \(peeringSide(accepter)), "RequesterVpcInfo": \(peeringSide(requester)), \
                "Status": {"Code": "active", "Message": "Active"}, \
                "Tags": \(tags("\(vpcName(requester))-to-\(vpcName(accepter))", vpc: requester)), \
                "VpcPeeringConnectionId": "\(peeringID(requester: requester))"}
                """)
        }
        return document.finished
    }
}
