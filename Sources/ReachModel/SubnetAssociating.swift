/// A resource subnets are explicitly associated with, each subnet with at most one of a kind:
/// a route table (S-R-1) or a network ACL.
public protocol SubnetAssociating {
    /// The resource id or design name.
    var id: String { get }
    /// The VPC it belongs to; only subnets of that VPC may be associated.
    var vpcID: String { get }
    /// The subnets explicitly associated with it.
    var subnetIDs: [String] { get set }
}

extension RouteTable: SubnetAssociating {}
extension NetworkACL: SubnetAssociating {}
