import ReachChange

/// Peering status and public IP changes of a change file.
extension ChangeKind {
    /// A `setPeeringStatus`: `peering`, and `status`, an AWS status code.
    func setPeeringStatus(_ fields: YAMLMapping) throws(TopologyFileError) -> TopologyChange {
        let peering = try fields.reference("peering", "a VPC peering connection")
        let value = try fields.required("status")
        let expected = "a peering status: " + TopologyBuilder.peeringStatuses.joined(separator: ", ")
        let status = try value.scalarText(expected)
        guard TopologyBuilder.peeringStatuses.contains(status) else { throw value.invalid(expected) }
        return .setPeeringStatus(peering: peering, status: status)
    }

    /// A `setPublicIp`: `interface`, and `address`, an IPv4 address or null to remove it.
    func setPublicIP(_ fields: YAMLMapping) throws(TopologyFileError) -> TopologyChange {
        let interface = try fields.reference("interface", "a network interface or instance")
        let value = try fields.required("address", reason: "an IPv4 address, or null to remove the public IP")
        return .setPublicIP(interface: interface, value.isNull ? nil : try value.address())
    }
}
