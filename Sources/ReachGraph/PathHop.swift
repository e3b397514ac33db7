/// One step of a path: the component consulted, what it decided and by which rule or route.
public struct PathHop: Hashable, Sendable, Codable {
    /// What a component did with the packet.
    public enum Action: String, Hashable, Sendable, Codable {
        /// A filter let it through.
        case allowed
        /// A filter or gateway refused it.
        case denied
        /// A route table chose the next hop.
        case routed
        /// A gateway rewrote an address.
        case translated
        /// It crossed a gateway or connection.
        case forwarded
        /// It arrived at its destination.
        case delivered
        /// Sent by its source.
        case sent
        /// Not evaluated, with the reason in the detail.
        case skipped
        /// The tracer cannot tell what happens here.
        case unknown
    }

    /// The component.
    public var component: ComponentRef
    /// Request or reply leg.
    public var direction: PathDirection
    /// What happened.
    public var action: Action
    /// The rule or route that decided, such as `route 0.0.0.0/0 -> igw-1`; nil when none did.
    public var rule: String?
    /// A readable explanation.
    public var detail: String
    /// The packet as this component saw it.
    public var packet: String

    /// Creates a hop.
    public init(
        component: ComponentRef, direction: PathDirection, action: Action, rule: String?, detail: String,
        packet: String
    ) {
        self.component = component
        self.direction = direction
        self.action = action
        self.rule = rule
        self.detail = detail
        self.packet = packet
    }
}
