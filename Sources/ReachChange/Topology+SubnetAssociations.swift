import ReachModel

extension Topology {
    /// Associates `subnet` with the resource of `resources` that `reference` names, taking it
    /// from whichever it was associated with before: a subnet has one explicit route table
    /// association and exactly one network ACL, so associating another replaces it.
    mutating func associate<Resource: NamedResource & SubnetAssociating>(
        subnet: String, with reference: String, in resources: WritableKeyPath<Topology, [Resource]>,
        _ item: ChangeSet.Item
    ) throws(TopologyChangeError) {
        let subnetIndex = try item.index(of: subnet, in: subnets)
        let resourceIndex = try item.index(of: reference, in: self[keyPath: resources])
        let subnet = subnets[subnetIndex]
        let resource = self[keyPath: resources][resourceIndex]
        guard resource.vpcID == subnet.vpcID else {
            throw .wrongVPC(
                item, resource: ResourceRef(Resource.kind, resource.id), vpcID: resource.vpcID,
                other: ResourceRef(.subnet, subnet.id), expectedVPCID: subnet.vpcID)
        }
        // Only the resource that had the subnet is written: the others keep their storage, which
        // lets a what-if tell quickly what the change left alone.
        let before = self[keyPath: resources]
        for index in before.indices
        where index != resourceIndex && before[index].subnetIDs.contains(subnet.id) {
            self[keyPath: resources][index].subnetIDs.removeAll { $0 == subnet.id }
        }
        if !resource.subnetIDs.contains(subnet.id) {
            self[keyPath: resources][resourceIndex].subnetIDs.append(subnet.id)
        }
    }
}
