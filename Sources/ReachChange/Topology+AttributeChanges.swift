import ReachModel
import ReachNetwork

/// Peering status, database public accessibility and public IPs.
extension Topology {
    /// Applies ``TopologyChange/setPeeringStatus(peering:status:)``.
    mutating func setPeeringStatus(
        peering: String, status: String, _ item: ChangeSet.Item
    ) throws(TopologyChangeError) {
        let index = try item.index(of: peering, in: peeringConnections)
        peeringConnections[index].status = status
    }

    /// Applies ``TopologyChange/setPubliclyAccessible(database:_:)``. Made private, a DB lets its
    /// public IP go: AWS then resolves its endpoint to the private address only.
    mutating func setPubliclyAccessible(
        database: String, _ value: Bool, _ item: ChangeSet.Item
    ) throws(TopologyChangeError) {
        typealias Item = ChangeSet.Item
        // A cluster stands for every one of its instances, as the cluster-level setting does.
        let instanceCandidates = Item.candidates(dbInstances, matching: database) { _, instance in
            [instance.id]
        }
        let clusterCandidates = Item.candidates(dbClusters, matching: database) { _, cluster in
            let members = dbInstances.filter {
                $0.clusterID == cluster.id || cluster.memberIDs.contains($0.id)
            }
            return members.map(\.id)
        }
        let instanceIDs = Set(
            try item.pick(
                database, kinds: [.dbInstance, .dbCluster], among: instanceCandidates + clusterCandidates))
        for index in dbInstances.indices where instanceIDs.contains(dbInstances[index].id) {
            dbInstances[index].publiclyAccessible = value
            if !value { dbInstances[index].publicIP = nil }
        }
    }

    /// Applies ``TopologyChange/setPublicIP(interface:_:)``.
    mutating func setPublicIP(
        interface: String, _ address: IPv4Address?, _ item: ChangeSet.Item
    ) throws(TopologyChangeError) {
        typealias Item = ChangeSet.Item
        var candidates = Item.candidates(networkInterfaces, matching: interface) { index, _ in index }
        candidates += Item.candidates(instances, matching: interface) { _, instance in
            // An instance stands for its primary interface.
            instance.networkInterfaceIDs.first.flatMap { primary in
                networkInterfaces.firstIndex { $0.id == primary }
            }
        }
        let index = try item.pick(
            interface, kinds: [.networkInterface, .instance], among: candidates)
        networkInterfaces[index].publicIP = address
    }
}
