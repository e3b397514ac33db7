import ReachTopologyFile
import Testing

/// A small valid design with the gateways that connectivity error tests refer to: two VPCs,
/// subnets in two AZs, an on-prem site, two transit gateways, a virtual private gateway and
/// a customer gateway. Tests append sections the base does not have.
let connectivityBaseYAML = """
    vpcs:
      - {name: a-vpc, cidrs: [10.1.0.0/16]}
      - {name: b-vpc, cidrs: [10.2.0.0/16]}
    subnets:
      - {name: a-1, vpc: a-vpc, cidr: 10.1.1.0/24, az: us-east-1a}
      - {name: a-2, vpc: a-vpc, cidr: 10.1.2.0/24, az: us-east-1b}
      - {name: a-3, vpc: a-vpc, cidr: 10.1.3.0/24, az: us-east-1a}
      - {name: b-1, vpc: b-vpc, cidr: 10.2.1.0/24, az: us-east-1a}
    onPremSites:
      - {name: dc1, cidrs: [192.168.0.0/16]}
    transitGateways:
      - {name: hub, id: tgw-hub}
      - {name: eu, region: eu-west-1}
    virtualPrivateGateways:
      - {name: a-vgw, id: vgw-a, vpc: a-vpc}
    customerGateways:
      - {name: cgw, site: dc1}

    """

/// The case name of a loading error, for comparing kinds.
func kind(of error: TopologyFileError) -> String {
    switch error {
    case .unreadable: "unreadable"
    case .invalidYAML: "invalidYAML"
    case .missingKey: "missingKey"
    case .unknownKey: "unknownKey"
    case .invalidValue: "invalidValue"
    case .unknownReference: "unknownReference"
    case .ambiguousReference: "ambiguousReference"
    case .duplicateName: "duplicateName"
    case .conflict: "conflict"
    case .invalidTopology: "invalidTopology"
    }
}

/// One design that must fail to load: the kind of error, and where it must point.
struct LoadingErrorCase: CustomTestStringConvertible, Sendable {
    /// What the case checks.
    let label: String
    /// The design the sections are appended to.
    let base: String
    /// Sections appended to the base.
    let sections: String
    /// The expected error's case name (`conflict`, `missingKey`, …).
    let kind: String
    /// Text on the line the error must point at.
    let lineWith: String
    /// The key path the error must name.
    let keyPath: String
    /// Text the message must contain.
    let message: String

    init(
        _ label: String, _ sections: String, _ kind: String, at lineWith: String, _ keyPath: String,
        saying message: String = "", base: String = connectivityBaseYAML
    ) {
        self.label = label
        self.base = base
        self.sections = sections
        self.kind = kind
        self.lineWith = lineWith
        self.keyPath = keyPath
        self.message = message
    }

    /// The whole design.
    var yaml: String { base + sections }

    var testDescription: String { label }
}

/// Checks that `errorCase` fails as it says: kind, line, key path and message. A validator
/// error (`invalidTopology`) must hold exactly one problem, placed there.
func check(_ errorCase: LoadingErrorCase, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    guard let error = loadingError(errorCase.yaml) else {
        Issue.record("\(errorCase.label): the design loaded", sourceLocation: sourceLocation)
        return
    }
    #expect(kind(of: error) == errorCase.kind, "\(error)", sourceLocation: sourceLocation)
    var location = error.location
    if case .invalidTopology(let problems) = error {
        #expect(problems.count == 1, "\(error)", sourceLocation: sourceLocation)
        location = problems.first?.location
    }
    #expect(location?.file == testFile, sourceLocation: sourceLocation)
    #expect(
        location?.line == line(of: errorCase.lineWith, in: errorCase.yaml), "\(error)",
        sourceLocation: sourceLocation)
    #expect(location?.keyPath == errorCase.keyPath, "\(error)", sourceLocation: sourceLocation)
    if !errorCase.message.isEmpty {
        #expect(error.description.contains(errorCase.message), "\(error)", sourceLocation: sourceLocation)
    }
}
