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

    /// Applies ``TopologyChange/setPubliclyAccessible(database:_:)``.
    mutating func setPubliclyAccessible(
        database: String, _ value: Bool, _ item: ChangeSet.Item
    ) throws(TopologyChangeError) {
        typealias Item = ChangeSet.Item
        // A cluster stands for every one of its instances, as the cluster-level setting does.
        let instanceCandidates = Item.candidates(dbInstances) { _, instance in [instance.id] }
        let clusterCandidates = Item.candidates(dbClusters) { _, cluster in
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
        }
    }

    /// Applies ``TopologyChange/setPublicIP(interface:_:)``.
    mutating func setPublicIP(
        interface: String, _ address: IPv4Address?, _ item: ChangeSet.Item
    ) throws(TopologyChangeError) {
        typealias Item = ChangeSet.Item
        let interfaceIndex = Dictionary(
            networkInterfaces.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var candidates = Item.candidates(networkInterfaces) { index, _ in index }
        candidates += Item.candidates(instances) { _, instance in
            // An instance stands for its primary interface.
            instance.networkInterfaceIDs.first.flatMap { interfaceIndex[$0] }
        }
        let index = try item.pick(
            interface, kinds: [.networkInterface, .instance], among: candidates)
        networkInterfaces[index].publicIP = address
    }
}
