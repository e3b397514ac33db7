/// Why a diagram cannot be drawn as asked.
public enum DiagramError: Error, Hashable, Sendable {
    /// `--focus` names no VPC of the topology.
    case unknownFocus(String)
    /// `--focus path` without a flow to draw.
    case focusPathNeedsFlow
}

extension DiagramError: CustomStringConvertible {
    /// A message saying what was expected.
    public var description: String {
        switch self {
        case .unknownFocus(let name): "--focus '\(name)' names no VPC (expected 'path' or a VPC's name or id)"
        case .focusPathNeedsFlow: "--focus path needs a flow: give --from and --to"
        }
    }
}
