import ReachTopologyFile
import Testing

/// Errors in VPC endpoints, endpoint services, load balancers and target groups.
@Suite("Endpoint and load balancer errors name the line and key path")
struct EndpointErrorTests {
    static let endpointCases: [LoadingErrorCase] = [
        LoadingErrorCase(
            "security groups on a gateway endpoint",
            """
            vpcEndpoints:
              - name: s3
                vpc: a-vpc
                type: gateway
                serviceName: com.amazonaws.us-east-1.s3
                securityGroups: [default]

            """, "conflict", at: "securityGroups: [default]", "vpcEndpoints[0].securityGroups",
            saying: "a gateway endpoint has no security groups"),
        LoadingErrorCase(
            "interfaces on a gateway endpoint",
            """
            vpcEndpoints:
              - name: s3
                vpc: a-vpc
                type: gateway
                serviceName: com.amazonaws.us-east-1.s3
                interfaces: [{subnet: a-1, privateIp: 10.1.1.9}]

            """, "conflict", at: "interfaces: [", "vpcEndpoints[0].interfaces"),
        LoadingErrorCase(
            "route tables on an interface endpoint",
            """
            routeTables:
              - {name: rt, vpc: a-vpc}
            vpcEndpoints:
              - name: svc
                vpc: a-vpc
                type: interface
                serviceName: com.amazonaws.us-east-1.sqs
                interfaces: [{subnet: a-1, privateIp: 10.1.1.9}]
                routeTables: [rt]

            """, "conflict", at: "routeTables: [rt]", "vpcEndpoints[0].routeTables",
            saying: "routeTables belong to gateway endpoints only"),
        LoadingErrorCase(
            "an interface endpoint without interfaces",
            """
            vpcEndpoints:
              - {name: svc, vpc: a-vpc, type: interface, serviceName: com.amazonaws.us-east-1.sqs}

            """, "missingKey", at: "name: svc", "vpcEndpoints[0]", saying: "'interfaces'"),
        LoadingErrorCase(
            "an endpoint without a type",
            """
            vpcEndpoints:
              - {name: svc, vpc: a-vpc, serviceName: com.amazonaws.us-east-1.sqs}

            """, "missingKey", at: "name: svc", "vpcEndpoints[0]", saying: "'type'"),
        LoadingErrorCase(
            "an endpoint of an unknown type",
            """
            vpcEndpoints:
              - {name: svc, vpc: a-vpc, type: Gateway, serviceName: com.amazonaws.us-east-1.s3}

            """, "invalidValue", at: "name: svc", "vpcEndpoints[0].type",
            saying: "expected one of gateway, interface, gatewayLoadBalancer, found 'Gateway'"),
        LoadingErrorCase(
            "a misspelt interface key",
            """
            vpcEndpoints:
              - name: svc
                vpc: a-vpc
                type: interface
                serviceName: com.amazonaws.us-east-1.sqs
                interfaces: [{subnet: a-1, ip: 10.1.1.9}]

            """, "unknownKey", at: "ip: 10.1.1.9", "vpcEndpoints[0].interfaces[0].ip",
            saying: "allowed keys here: subnet, privateIp"),
        LoadingErrorCase(
            "a gateway endpoint on a route table that does not exist",
            """
            vpcEndpoints:
              - name: s3
                vpc: a-vpc
                type: gateway
                serviceName: com.amazonaws.us-east-1.s3
                routeTables: [main-rt]

            """, "unknownReference", at: "routeTables: [main-rt]", "vpcEndpoints[0].routeTables[0]",
            saying: "no route table is named 'main-rt'"),
        LoadingErrorCase(
            "an endpoint interface outside its subnet",
            """
            vpcEndpoints:
              - name: svc
                vpc: a-vpc
                type: interface
                serviceName: com.amazonaws.us-east-1.sqs
                interfaces:
                  - {subnet: a-1, privateIp: 10.1.2.9}

            """, "invalidTopology", at: "privateIp: 10.1.2.9", "vpcEndpoints[0].interfaces[0].privateIp",
            saying: "10.1.2.9 is outside subnet a-1"),
        LoadingErrorCase(
            "an endpoint guarded by another VPC's group",
            """
            securityGroups:
              - {name: b-sg, vpc: b-vpc}
            vpcEndpoints:
              - name: svc
                vpc: a-vpc
                type: interface
                serviceName: com.amazonaws.us-east-1.sqs
                interfaces: [{subnet: a-1, privateIp: 10.1.1.9}]
                securityGroups: [b-sg]

            """, "invalidTopology", at: "securityGroups: [b-sg]", "vpcEndpoints[0].securityGroups[0]",
            saying: "security group b-sg belongs to VPC b-vpc, not a-vpc"),
        LoadingErrorCase(
            "two endpoint services with one service name",
            """
            loadBalancers:
              - {name: nlb, vpc: a-vpc, nodes: [{subnet: a-1, privateIp: 10.1.1.10}]}
            vpcEndpointServices:
              - {name: one, serviceName: com.example.svc, loadBalancers: [nlb]}
              - {name: two, serviceName: com.example.svc, loadBalancers: [nlb]}

            """, "conflict", at: "name: two", "vpcEndpointServices[1].serviceName",
            saying: "already has the service name com.example.svc"),
        LoadingErrorCase(
            "an endpoint service without load balancers",
            """
            vpcEndpointServices:
              - {name: one, serviceName: com.example.svc, loadBalancers: []}

            """, "invalidValue", at: "name: one", "vpcEndpointServices[0].loadBalancers",
            saying: "at least one load balancer"),
    ]

    static let loadBalancerCases: [LoadingErrorCase] = [
        LoadingErrorCase(
            "a listener protocol in lower case",
            """
            targetGroups:
              - {name: tg, type: ip, protocol: TCP, port: 80, vpc: a-vpc}
            loadBalancers:
              - name: nlb
                vpc: a-vpc
                nodes: [{subnet: a-1, privateIp: 10.1.1.10}]
                listeners:
                  - {protocol: tcp, port: 80, targetGroup: tg}

            """, "invalidValue", at: "{protocol: tcp", "loadBalancers[0].listeners[0].protocol",
            saying: "one of TCP, TLS, UDP, TCP_UDP, HTTP, HTTPS, GENEVE"),
        LoadingErrorCase(
            "a listener to a target group that does not exist",
            """
            loadBalancers:
              - name: nlb
                vpc: a-vpc
                nodes: [{subnet: a-1, privateIp: 10.1.1.10}]
                listeners:
                  - {protocol: TCP, port: 80, targetGroup: tg}

            """, "unknownReference", at: "targetGroup: tg", "loadBalancers[0].listeners[0].targetGroup",
            saying: "no target group is named 'tg'"),
        LoadingErrorCase(
            "a load balancer without nodes",
            """
            loadBalancers:
              - {name: nlb, vpc: a-vpc, scheme: internal}

            """, "missingKey", at: "name: nlb", "loadBalancers[0]", saying: "'nodes'"),
        LoadingErrorCase(
            "a load balancer with an unknown scheme",
            """
            loadBalancers:
              - {name: nlb, vpc: a-vpc, scheme: public, nodes: [{subnet: a-1, privateIp: 10.1.1.10}]}

            """, "invalidValue", at: "name: nlb", "loadBalancers[0].scheme",
            saying: "expected internal or internet-facing, found 'public'"),
        LoadingErrorCase(
            "a load balancer node in another VPC",
            """
            loadBalancers:
              - name: nlb
                vpc: a-vpc
                nodes:
                  - {subnet: a-1, privateIp: 10.1.1.10}
                  - {subnet: b-1, privateIp: 10.2.1.10}

            """, "invalidTopology", at: "subnet: b-1, privateIp", "loadBalancers[0].nodes[1].subnet",
            saying: "subnet b-1 is in VPC b-vpc, not in a-vpc"),
        LoadingErrorCase(
            "an ip target that is not an address",
            """
            instances:
              - {name: web, subnet: a-1, privateIp: 10.1.1.5}
            targetGroups:
              - name: tg
                type: ip
                protocol: TCP
                port: 80
                vpc: a-vpc
                targets: [{id: 10.1.1.5}, {id: web}]

            """, "invalidValue", at: "targets: [", "targetGroups[0].targets[1].id",
            saying: "the target group's type is ip"),
        LoadingErrorCase(
            "an instance target that does not exist",
            """
            instances:
              - {name: web-1, subnet: a-1, privateIp: 10.1.1.5}
            targetGroups:
              - name: tg
                type: instance
                protocol: TCP
                port: 80
                vpc: a-vpc
                targets:
                  - {id: web-2}

            """, "unknownReference", at: "{id: web-2}", "targetGroups[0].targets[0].id",
            saying: "no instance is named 'web-2' or has that id (did you mean 'web-1'?)"),
        LoadingErrorCase(
            "a target group of an unmodelled type",
            """
            targetGroups:
              - {name: tg, type: lambda, protocol: TCP, port: 80, vpc: a-vpc}

            """, "invalidValue", at: "name: tg", "targetGroups[0].type", saying: "expected ip or instance"),
        LoadingErrorCase(
            "a target group without a type",
            """
            targetGroups:
              - {name: tg, protocol: TCP, port: 80, vpc: a-vpc}

            """, "missingKey", at: "name: tg", "targetGroups[0]", saying: "'type'"),
        LoadingErrorCase(
            "a target on port 0",
            """
            targetGroups:
              - {name: tg, type: ip, protocol: TCP, port: 80, vpc: a-vpc, targets: [{id: 10.1.1.5, port: 0}]}

            """, "invalidValue", at: "name: tg", "targetGroups[0].targets[0].port",
            saying: "a port from 1 to 65535"),
        LoadingErrorCase(
            "a target in an unknown health state",
            """
            targetGroups:
              - {name: tg, type: ip, protocol: TCP, port: 80, vpc: a-vpc, targets: [{id: 10.1.1.5, health: ok}]}

            """, "invalidValue", at: "name: tg", "targetGroups[0].targets[0].health"),
    ]

    @Test(arguments: endpointCases + loadBalancerCases)
    func failsAtTheOffendingKey(_ errorCase: LoadingErrorCase) {
        check(errorCase)
    }
}
