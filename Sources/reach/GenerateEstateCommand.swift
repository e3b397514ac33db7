import ArgumentParser
import Foundation
import ReachEstate

/// `reach generate-estate`: write a synthetic AWS estate as an AWS CLI snapshot.
struct GenerateEstateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-estate",
        abstract:
            "Write a synthetic AWS estate of any size as an AWS CLI snapshot (test and benchmark input).",
        discussion: """
            Per VPC: web, app and db subnets over two or three AZs, route tables, an internet \
            gateway, network ACLs, security groups with CIDR and group rules, network interfaces \
            and postgres DB instances; every VPC attached to one transit gateway whose prod, dev \
            and shared route tables keep prod and dev apart; a few peered prod VPCs. The same \
            parameters and seed always give the same files. Quotas: at most 200 subnets per VPC, \
            60 rules per security group, 5 groups per interface, 20 ACL entries per direction.
            """
    )

    @Option(
        help: ArgumentHelp(
            "The snapshot folder to write (replaced if it holds a previous estate).", valueName: "dir"))
    var output: String

    @Option(help: "The number of VPCs (2-4096).")
    var vpcs: Int = EstateShape.full.vpcs

    @Option(help: "Subnets per VPC (6-200).")
    var subnetsPerVpc: Int = EstateShape.full.subnetsPerVPC

    @Option(help: "Network interfaces per subnet, RDS endpoint interfaces included.")
    var interfacesPerSubnet: Int = EstateShape.full.interfacesPerSubnet

    @Option(help: "Postgres DB instances per VPC.")
    var databasesPerVpc: Int = EstateShape.full.databasesPerVPC

    @Option(help: "Security groups per VPC besides the default group (at least 5).")
    var groupsPerVpc: Int = EstateShape.full.groupsPerVPC

    @Option(help: "Ingress rules per security group (at most 60).")
    var rulesPerGroup: Int = EstateShape.full.ingressRulesPerGroup

    @Option(help: "The seed of the random rules and group choices.")
    var seed: UInt64 = EstateShape.defaultSeed

    private var shape: EstateShape {
        EstateShape(
            vpcs: vpcs, subnetsPerVPC: subnetsPerVpc, interfacesPerSubnet: interfacesPerSubnet,
            databasesPerVPC: databasesPerVpc, groupsPerVPC: groupsPerVpc, ingressRulesPerGroup: rulesPerGroup,
            seed: seed)
    }

    func validate() throws {
        do {
            try shape.validate()
        } catch {
            throw ValidationError("\(error)")
        }
    }

    func run() throws {
        let generator: EstateGenerator
        do {
            generator = try EstateGenerator(shape: shape)
        } catch {
            printError("reach: \(error)")
            throw ExitStatus.usage
        }
        do {
            try generator.write(to: output)
        } catch {
            printError("reach: \(error)")
            throw ExitStatus.cannotWrite
        }
        let shape = generator.shape
        let folder = Self.shellQuoted(output)
        let peerings =
            "\(shape.peeringConnectionCount) VPC peering connection\(shape.peeringConnectionCount == 1 ? "" : "s")"
        print(
            """
            Wrote a synthetic AWS estate to \(output) (account \(EstateGenerator.account), region \
            \(EstateGenerator.region)): \(shape.vpcs) VPCs, \(shape.subnetCount) subnets, \
            \(shape.interfaceCount) network interfaces (\(shape.databaseCount) of them RDS endpoints), \
            \(shape.databaseCount) postgres DB instances, \(shape.securityGroupCount) security groups with \
            \(shape.securityGroupRuleCount) ingress rules, one transit gateway with \(shape.vpcs) attachments \
            and prod, dev and shared route tables, \(peerings) (seed \(shape.seed)). Query it with: reach check --topology \(folder) --from \(generator.sampleClient) \
            --to \(generator.sampleDatabase) (same VPC), or --from \(generator.sampleClientInAnotherVPC) \
            (another VPC, over the transit gateway).
            """)
    }

    /// `path`, single-quoted for a POSIX shell when it holds anything but plain path characters.
    static func shellQuoted(_ path: String) -> String {
        let plain = path.allSatisfy { $0.isLetter || $0.isNumber || "/._-+=:,@".contains($0) }
        return plain && !path.isEmpty ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
