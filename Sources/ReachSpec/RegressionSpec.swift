import ReachGraph
import ReachNetwork
import ReachTopologyFile

/// An assertion file: the design it tests and what must hold of it.
public struct RegressionSpec: Hashable, Sendable {
    /// The file's path, as given to the loader.
    public var file: String
    /// The topology to test (a YAML design or a snapshot directory), resolved against the
    /// file's folder; nil when the file names none (the caller supplies it).
    public var topology: String?
    /// The assertions, in file order.
    public var assertions: [Assertion]

    /// Creates a spec.
    public init(file: String, topology: String?, assertions: [Assertion]) {
        self.file = file
        self.topology = topology
        self.assertions = assertions
    }
}

/// One assertion of a ``RegressionSpec``.
public struct Assertion: Hashable, Sendable {
    /// What the assertion must find.
    public enum Expectation: Hashable, Sendable {
        /// Every flow asked reaches.
        case reachable
        /// No flow asked reaches, nor might; with a reason code, a blocker of that code must be named.
        case unreachable(reason: ReasonCode?)
        /// The answer is unknown (the input lacks what it needs); with a reason code, for that reason.
        case unknown(reason: ReasonCode?)
        /// Only sources these selectors pick may reach the destination, or might: nothing else.
        case only([EndpointSelector])
    }

    /// The assertion's name: given in the file, or made from its question.
    public var name: String
    /// Where it is written.
    public var location: SourceLocation
    /// The sources (nil for ``Expectation/only(_:)``, which asks about every source).
    public var from: EndpointSelector?
    /// The destinations.
    public var to: EndpointSelector
    /// The protocol asked about.
    public var flowProtocol: FlowProtocol
    /// The destination ports asked about (tcp/udp); nil for every port, or for a single DB
    /// destination's own port when the protocol is tcp.
    public var ports: PortRange?
    /// What must hold.
    public var expectation: Expectation

    /// Creates an assertion.
    public init(
        name: String, location: SourceLocation, from: EndpointSelector?, to: EndpointSelector,
        flowProtocol: FlowProtocol, ports: PortRange?, expectation: Expectation
    ) {
        self.name = name
        self.location = location
        self.from = from
        self.to = to
        self.flowProtocol = flowProtocol
        self.ports = ports
        self.expectation = expectation
    }
}
