/// Why a generated estate cannot be written.
public enum EstateWriteError: Error, Hashable, Sendable {
    /// The output path exists and is not a directory.
    case notADirectory(path: String)
    /// The output directory holds something other than a previous estate, which writing would
    /// delete; `entries` are the names that are not a snapshot's account folder.
    case notAnEstate(path: String, entries: [String])
    /// Creating, clearing or writing a file or folder failed.
    case cannotWrite(path: String, reason: String)
}

extension EstateWriteError: CustomStringConvertible {
    /// A message naming the path and what is wrong with it.
    public var description: String {
        switch self {
        case .notADirectory(let path): "\(path): exists and is not a directory"
        case .notAnEstate(let path, let entries):
            "\(path): not empty and not a generated estate (it holds \(entries.prefix(5).joined(separator: ", "))"
                + "\(entries.count > 5 ? ", ..." : "")); choose a new or empty folder"
        case .cannotWrite(let path, let reason): "\(path): cannot be written: \(reason)"
        }
    }
}
