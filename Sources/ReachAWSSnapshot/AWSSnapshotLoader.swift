import ReachModel

/// A topology read from an AWS snapshot, with what the snapshot lacks or Reach does not model.
public struct LoadedSnapshot: Sendable {
    /// The model.
    public let topology: Topology
    /// Warnings: answers that depend on them are `unknown`.
    public let warnings: [SnapshotWarning]
}

/// Reads a directory of AWS CLI `describe-*` outputs (or Batfish's `aws_configs` layout) into a
/// ``Topology``. Files are recognised by their top-level key, not their name; sub-folders
/// `ACCOUNT/REGION/` give regions and accounts; paginated outputs split over several files merge.
public enum AWSSnapshotLoader {
    /// Loads the snapshot under `directory`.
    public static func load(directory: String) throws(SnapshotError) -> LoadedSnapshot {
        var warnings: [SnapshotWarning] = []
        let records = try SnapshotRecords.read(directory: directory, warnings: &warnings)
        var builder = SnapshotBuilder(records: records)
        let topology: Topology
        do {
            topology = try builder.build()
        } catch let error as SnapshotError {
            throw error
        } catch {
            throw .invalidJSON(file: directory, reason: "\(error)")
        }
        warnings += builder.warnings
        var errors: [String] = []
        for problem in TopologyValidator.validate(topology, completeness: .partial) {
            switch problem.severity {
            case .error: errors.append(problem.description)
            case .warning:
                warnings.append(
                    SnapshotWarning(
                        file: directory, path: problem.resource.description, message: problem.message))
            }
        }
        if !errors.isEmpty { throw .invalidTopology(errors) }
        return LoadedSnapshot(topology: topology, warnings: warnings)
    }
}
