/// A parameter of an ``EstateShape``.
public enum EstateParameter: String, Hashable, Sendable, CaseIterable {
    /// ``EstateShape/vpcs``.
    case vpcs
    /// ``EstateShape/subnetsPerVPC``.
    case subnetsPerVPC
    /// ``EstateShape/interfacesPerSubnet``.
    case interfacesPerSubnet
    /// ``EstateShape/databasesPerVPC``.
    case databasesPerVPC
    /// ``EstateShape/groupsPerVPC``.
    case groupsPerVPC
    /// ``EstateShape/ingressRulesPerGroup``.
    case ingressRulesPerGroup
}

/// Why an ``EstateShape`` cannot be generated.
public enum EstateShapeError: Error, Hashable, Sendable {
    /// The parameter is below the smallest value the estate's layout needs.
    case belowMinimum(EstateParameter, value: Int, minimum: Int)
    /// The parameter exceeds an AWS quota (subnets per VPC, rules per security group, ...).
    case exceedsQuota(EstateParameter, value: Int, quota: Int)
    /// The parameter does not fit the address plan: VPCs are the `/20`s of `10.0.0.0/8`, and a
    /// subnet has only so many addresses AWS does not reserve.
    case exceedsAddressPlan(EstateParameter, value: Int, limit: Int)
    /// The parameter does not fit the estate's layout (for DB instances: so many can have
    /// endpoint interfaces a snapshot reader can tell apart).
    case exceedsLayout(EstateParameter, value: Int, limit: Int)

    /// The parameter at fault.
    public var parameter: EstateParameter {
        switch self {
        case .belowMinimum(let parameter, _, _), .exceedsQuota(let parameter, _, _),
            .exceedsAddressPlan(let parameter, _, _), .exceedsLayout(let parameter, _, _):
            parameter
        }
    }
}

extension EstateShapeError: CustomStringConvertible {
    /// A message naming the parameter, its value, the limit and where the limit comes from.
    public var description: String {
        switch self {
        case .belowMinimum(let parameter, let value, let minimum):
            "\(parameter.rawValue) is \(value), below the minimum of \(minimum): \(Self.minimumReason(parameter))"
        case .exceedsQuota(let parameter, let value, let quota):
            "\(parameter.rawValue) is \(value), above the AWS quota of \(quota) \(Self.quotaName(parameter))"
        case .exceedsAddressPlan(let parameter, let value, let limit):
            "\(parameter.rawValue) is \(value), more than the address plan holds (\(limit)): \(Self.planReason(parameter))"
        case .exceedsLayout(let parameter, let value, let limit):
            "\(parameter.rawValue) is \(value), more than the layout allows (\(limit)): "
                + "a DB's endpoint interface is told apart by its subnet (one per AZ in the DB subnet group) "
                + "and its security groups (4 combinations), and takes one of interfacesPerSubnet slots"
        }
    }

    private static func minimumReason(_ parameter: EstateParameter) -> String {
        switch parameter {
        case .vpcs: "the estate needs the shared-services VPC 0 and at least one prod VPC"
        case .subnetsPerVPC: "web, app and db subnets in at least two availability zones"
        case .interfacesPerSubnet: "every subnet holds at least one network interface"
        case .databasesPerVPC: "every VPC has at least one DB instance"
        case .groupsPerVPC: "the web, app, db, mgmt and shared groups"
        case .ingressRulesPerGroup: "the fixed rules of every role group"
        }
    }

    private static func quotaName(_ parameter: EstateParameter) -> String {
        switch parameter {
        case .subnetsPerVPC: "subnets per VPC"
        case .ingressRulesPerGroup: "inbound rules per security group"
        case .groupsPerVPC: "security groups per Region"
        case .vpcs, .interfacesPerSubnet, .databasesPerVPC: "for \(parameter.rawValue)"
        }
    }

    private static func planReason(_ parameter: EstateParameter) -> String {
        switch parameter {
        case .vpcs: "every VPC is a /20 of 10.0.0.0/8"
        case .interfacesPerSubnet:
            "every interface has its own address, and AWS reserves 5 addresses of each subnet"
        case .subnetsPerVPC, .databasesPerVPC, .groupsPerVPC, .ingressRulesPerGroup:
            "the estate's address plan"
        }
    }
}
