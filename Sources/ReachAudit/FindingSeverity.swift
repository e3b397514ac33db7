/// How serious a finding is, from `info` to `critical`.
public enum FindingSeverity: String, Hashable, Sendable, CaseIterable, Comparable {
    /// Worth knowing; no risk by itself.
    case info
    /// Hygiene: unused or redundant configuration.
    case low
    /// A weakness that widens exposure or loses resilience.
    case medium
    /// A direct weakness of a DB's protection.
    case high
    /// A DB that an attacker can reach or read now.
    case critical

    private var rank: Int {
        switch self {
        case .info: 0
        case .low: 1
        case .medium: 2
        case .high: 3
        case .critical: 4
        }
    }

    /// Whether `lhs` is less severe than `rhs`.
    public static func < (lhs: FindingSeverity, rhs: FindingSeverity) -> Bool { lhs.rank < rhs.rank }
}
