/// How much of a topology a diagram shows, and at what level of detail.
public struct DiagramOptions: Sendable {
    /// The level of detail.
    public enum Granularity: String, Sendable, CaseIterable {
        /// Every interface, instance and DB as a node inside its subnet.
        case host
        /// Subnets as the smallest units; edges join clusters.
        case subnet
        /// VPCs as the smallest units.
        case vpc
    }

    /// What part of the topology to draw.
    public enum Focus: Hashable, Sendable {
        /// Everything.
        case all
        /// Only the VPCs (and gateways and sites) the highlighted path crosses.
        case path
        /// One VPC (by name or id) and what it connects to.
        case vpc(String)
    }

    /// The level of detail.
    public var granularity: Granularity
    /// What to draw.
    public var focus: Focus
    /// The font every label uses; set explicitly because minimal hosts lack Graphviz's default.
    public var fontName: String
    /// Whether to draw the traffic security group rules admit, where it is reachable end to end
    /// (topology diagrams only: a diagram of one flow draws that flow).
    public var showsAllowedTraffic: Bool
    /// The most flows checked to draw allowed traffic; past it the layer stops with a warning.
    public var allowedTrafficCheckLimit: Int

    /// Creates options.
    public init(
        granularity: Granularity = .host, focus: Focus = .all, fontName: String = "DejaVu Sans",
        showsAllowedTraffic: Bool = true, allowedTrafficCheckLimit: Int = 2_000
    ) {
        self.granularity = granularity
        self.focus = focus
        self.fontName = fontName
        self.showsAllowedTraffic = showsAllowedTraffic
        self.allowedTrafficCheckLimit = allowedTrafficCheckLimit
    }
}

/// A diagram as DOT text, with what the reader should know about it.
public struct DiagramDocument: Sendable {
    /// The DOT text; the same input always gives the same bytes.
    public let dot: String
    /// The number of nodes drawn.
    public let nodeCount: Int
    /// Things worth knowing (a large diagram, a focus that matched nothing).
    public let warnings: [String]
}
