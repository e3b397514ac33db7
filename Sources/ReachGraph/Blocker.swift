/// Something that stops a flow: the component, the rule or route consulted and the reason.
public struct Blocker: Hashable, Sendable, Codable {
    /// The blocking component.
    public var component: ComponentRef
    /// The rule or route consulted, or a description of the missing one.
    public var rule: String?
    /// The reason code.
    public var reason: ReasonCode
    /// Request or reply leg.
    public var direction: PathDirection
    /// A readable explanation, naming ingress/egress or inbound/outbound where it applies.
    public var detail: String
    /// Whether this is the first blocker met along the path: the one that stops the flow.
    public var isFirst: Bool

    /// Creates a blocker.
    public init(
        component: ComponentRef, rule: String?, reason: ReasonCode, direction: PathDirection, detail: String,
        isFirst: Bool = false
    ) {
        self.component = component
        self.rule = rule
        self.reason = reason
        self.direction = direction
        self.detail = detail
        self.isFirst = isFirst
    }
}
