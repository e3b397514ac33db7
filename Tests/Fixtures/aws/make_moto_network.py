#!/usr/bin/env python3
"""Builds Reach's AWS test network with boto3, and dumps it as a snapshot fixture.

Two uses:

* ``build_network(session, endpoint_url=...)`` creates the network in whatever AWS the
  session talks to: moto in-process (under ``moto.mock_aws()``) or a ``moto_server`` (pass its
  ``endpoint_url``). ``Tests/e2e/moto-collect-e2e.sh`` uses it against a server and then runs
  the real collector, ``scripts/collect-aws-snapshot.sh``.
* ``python3 Tests/Fixtures/aws/make_moto_network.py`` builds it under ``mock_aws`` with a fixed
  random seed and writes the committed fixture ``Tests/Fixtures/aws/moto-snapshot/`` (the
  same files and wrappers as the collector writes, by ``dump_snapshot``) and the small
  Batfish-layout copy ``Tests/Fixtures/aws/batfish-layout/``, and the name -> id map
  ``Tests/Fixtures/aws/moto-snapshot.ids.json``. The hand-written Direct Connect files in the
  snapshot folder are left alone.

Only the Python standard library, boto3 and (for ``__main__``) moto are needed. See README.md
next to this file for the network, the ids moto assigns and the expected answers.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
from typing import Any, Callable

import boto3
import botocore.config
import botocore.exceptions
import botocore.parsers

REGION = "us-east-1"
ACCOUNT = "123456789012"  # moto's default account
SEED = 20240601

HERE = os.path.dirname(os.path.abspath(__file__))
SNAPSHOT_DIR = os.path.join(HERE, "moto-snapshot", ACCOUNT, REGION)
BATFISH_DIR = os.path.join(HERE, "batfish-layout", "aws_configs", REGION)

# Files that are written by hand (moto has no Direct Connect gateways or virtual interfaces);
# regenerating never touches them.
HAND_WRITTEN = (
    "DirectConnectGateways.json",
    "DirectConnectGatewayAssociations.json",
    "VirtualInterfaces.json",
)

# The files copied into the Batfish-layout fixture (Batfish's own file names).
BATFISH_FILES = (
    "Vpcs.json",
    "Subnets.json",
    "RouteTables.json",
    "SecurityGroups.json",
    "NetworkAcls.json",
    "InternetGateways.json",
    "Reservations.json",
    "NetworkInterfaces.json",
)


# --------------------------------------------------------------------------------------------
# Building the network
# --------------------------------------------------------------------------------------------


def _tags(name: str) -> list[dict[str, str]]:
    return [{"Key": "Name", "Value": name}]


def _spec(resource_type: str, name: str) -> list[dict[str, Any]]:
    return [{"ResourceType": resource_type, "Tags": _tags(name)}]


class _Notes:
    """Collects what the target AWS could not do, so callers can report it."""

    def __init__(self, log: Callable[[str], None] | None) -> None:
        self.items: list[str] = []
        self._log = log

    def add(self, text: str) -> None:
        self.items.append(text)
        if self._log:
            self._log(text)


def _try(notes: _Notes, what: str, call: Callable[[], Any]) -> Any:
    """Runs an optional API call; a call the target does not implement is noted, not fatal."""
    try:
        return call()
    except NotImplementedError as error:  # moto in-process
        notes.add(f"{what}: not implemented ({error})")
    except botocore.exceptions.ClientError as error:  # moto server: 500 / NotImplemented
        notes.add(f"{what}: {error.response.get('Error', {}).get('Code')} {error}")
    except (botocore.exceptions.BotoCoreError, botocore.parsers.ResponseParserError) as error:
        # moto server answers an unimplemented action with an HTML 500 page
        notes.add(f"{what}: not implemented by the endpoint ({type(error).__name__})")
    return None


def _wait_for_default_tgw_route_table(ec2: Any, tgw: str, attempts: int = 60) -> str:
    import time

    for _ in range(attempts):
        options = ec2.describe_transit_gateways(TransitGatewayIds=[tgw])["TransitGateways"][0]["Options"]
        if options.get("AssociationDefaultRouteTableId"):
            return options["AssociationDefaultRouteTableId"]
        time.sleep(5)
    raise RuntimeError(f"{tgw} has no default association route table")


def _clients(session: boto3.Session | None, region: str, endpoint_url: str | None) -> dict[str, Any]:
    session = session or boto3.Session(region_name=region)
    kwargs: dict[str, Any] = {
        "region_name": region,
        # an unimplemented call is a 500 under moto server; do not retry it for long
        "config": botocore.config.Config(retries={"mode": "standard", "max_attempts": 2}),
    }
    if endpoint_url:
        kwargs["endpoint_url"] = endpoint_url
    return {name: session.client(name, **kwargs) for name in ("ec2", "elbv2", "rds", "sts")}


def build_network(
    session: boto3.Session | None = None,
    *,
    region: str = REGION,
    endpoint_url: str | None = None,
    clients: dict[str, Any] | None = None,
    log: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Creates the test network and returns ``{"ids": {name: id}, "notes": [...]}``.

    Pass a boto3 ``session`` (and ``endpoint_url`` for a moto server), or ready ``clients``
    (a dict with ``ec2``, ``elbv2`` and ``rds`` boto3 clients). Every resource is tagged with
    its Name. Calls the target does not implement are skipped and listed in ``notes``.
    """
    if region != "us-east-1":
        raise ValueError("the network uses us-east-1 AZs and service names")
    c = clients or _clients(session, region, endpoint_url)
    ec2, elbv2, rds = c["ec2"], c["elbv2"], c["rds"]
    notes = _Notes(log)
    ids: dict[str, str] = {}

    def tag(resource_id: str, name: str) -> str:
        ec2.create_tags(Resources=[resource_id], Tags=_tags(name))
        ids[name] = resource_id
        return resource_id

    image_id = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]

    # ---- shop-vpc ---------------------------------------------------------------------------
    def vpc(name: str, cidr: str) -> str:
        vpc_id = ec2.create_vpc(CidrBlock=cidr, TagSpecifications=_spec("vpc", name))["Vpc"]["VpcId"]
        ids[name] = vpc_id
        return vpc_id

    def subnet(name: str, vpc_id: str, cidr: str, az: str) -> str:
        subnet_id = ec2.create_subnet(
            VpcId=vpc_id, CidrBlock=cidr, AvailabilityZone=az, TagSpecifications=_spec("subnet", name)
        )["Subnet"]["SubnetId"]
        ids[name] = subnet_id
        return subnet_id

    def route_table(name: str, vpc_id: str, subnets: list[str]) -> str:
        rtb_id = ec2.create_route_table(VpcId=vpc_id, TagSpecifications=_spec("route-table", name))[
            "RouteTable"
        ]["RouteTableId"]
        ids[name] = rtb_id
        for subnet_id in subnets:
            ec2.associate_route_table(RouteTableId=rtb_id, SubnetId=subnet_id)
        return rtb_id

    def security_group(name: str, vpc_id: str, description: str) -> str:
        sg_id = ec2.create_security_group(
            GroupName=name,
            Description=description,
            VpcId=vpc_id,
            TagSpecifications=_spec("security-group", name),
        )["GroupId"]
        ids[name] = sg_id
        return sg_id

    def instance(name: str, subnet_id: str, ip: str, groups: list[str]) -> str:
        reservation = ec2.run_instances(
            ImageId=image_id,
            InstanceType="t3.micro",
            MinCount=1,
            MaxCount=1,
            SubnetId=subnet_id,
            PrivateIpAddress=ip,
            SecurityGroupIds=groups,
            ClientToken=f"{name}-launch",  # else boto3 sends a random one, which moto echoes
            TagSpecifications=_spec("instance", name),
        )
        instance_id = reservation["Instances"][0]["InstanceId"]
        ids[name] = instance_id
        eni = reservation["Instances"][0]["NetworkInterfaces"][0]["NetworkInterfaceId"]
        tag(eni, f"{name}-eni")
        return instance_id

    shop = vpc("shop-vpc", "10.0.0.0/16")
    web_a = subnet("web-a", shop, "10.0.1.0/24", "us-east-1a")
    app_a = subnet("app-a", shop, "10.0.11.0/24", "us-east-1a")
    db_a = subnet("db-a", shop, "10.0.21.0/24", "us-east-1a")
    db_b = subnet("db-b", shop, "10.0.22.0/24", "us-east-1b")
    tgw_a = subnet("tgw-a", shop, "10.0.250.0/28", "us-east-1a")

    igw = ec2.create_internet_gateway(TagSpecifications=_spec("internet-gateway", "shop-igw"))[
        "InternetGateway"
    ]["InternetGatewayId"]
    ids["shop-igw"] = igw
    ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=shop)

    nat_eip = ec2.allocate_address(Domain="vpc", TagSpecifications=_spec("elastic-ip", "shop-nat-eip"))
    ids["shop-nat-eip"] = nat_eip["AllocationId"]
    ids["shop-nat-eip.PublicIp"] = nat_eip["PublicIp"]
    nat = ec2.create_nat_gateway(
        SubnetId=web_a,
        AllocationId=nat_eip["AllocationId"],
        TagSpecifications=_spec("natgateway", "shop-nat"),
    )["NatGateway"]["NatGatewayId"]
    ids["shop-nat"] = nat

    # ---- security groups and the prefix list -------------------------------------------------
    office = ec2.create_managed_prefix_list(
        PrefixListName="office-ranges",
        MaxEntries=5,
        AddressFamily="IPv4",
        Entries=[{"Cidr": "198.51.100.0/24", "Description": "head office"}],
        TagSpecifications=_spec("prefix-list", "office-ranges"),
    )["PrefixList"]["PrefixListId"]
    ids["office-ranges"] = office

    web_sg = security_group("web-sg", shop, "web tier: https from anywhere")
    app_sg = security_group("app-sg", shop, "app tier: 8080 from web tier")
    db_sg = security_group("db-sg", shop, "databases: postgres from app, analytics, office, partner")

    def tcp(port: int, **source: Any) -> dict[str, Any]:
        return {"IpProtocol": "tcp", "FromPort": port, "ToPort": port, **source}

    ec2.authorize_security_group_ingress(
        GroupId=web_sg,
        IpPermissions=[tcp(443, IpRanges=[{"CidrIp": "0.0.0.0/0", "Description": "https"}])],
    )
    ec2.authorize_security_group_ingress(
        GroupId=app_sg,
        IpPermissions=[tcp(8080, UserIdGroupPairs=[{"GroupId": web_sg, "Description": "web tier"}])],
    )
    ec2.authorize_security_group_ingress(
        GroupId=db_sg,
        IpPermissions=[
            tcp(5432, UserIdGroupPairs=[{"GroupId": app_sg, "Description": "app tier"}]),
            tcp(
                5432,
                IpRanges=[
                    {"CidrIp": "10.1.0.0/16", "Description": "analytics-vpc"},
                    {"CidrIp": "10.2.0.0/16", "Description": "partner-vpc"},
                ],
            ),
            tcp(5432, PrefixListIds=[{"PrefixListId": office, "Description": "office"}]),
        ],
    )

    # ---- db-nacl ------------------------------------------------------------------------------
    nacl = ec2.create_network_acl(VpcId=shop, TagSpecifications=_spec("network-acl", "db-nacl"))[
        "NetworkAcl"
    ]["NetworkAclId"]
    ids["db-nacl"] = nacl
    for number, action, cidr in (
        (100, "allow", "10.0.11.0/24"),
        (110, "allow", "10.1.0.0/16"),
        (120, "allow", "10.2.0.0/16"),
        (200, "deny", "10.0.1.0/24"),
    ):
        ec2.create_network_acl_entry(
            NetworkAclId=nacl,
            RuleNumber=number,
            Protocol="6",
            RuleAction=action,
            Egress=False,
            CidrBlock=cidr,
            PortRange={"From": 5432, "To": 5432},
        )
    ec2.create_network_acl_entry(
        NetworkAclId=nacl,
        RuleNumber=100,
        Protocol="6",
        RuleAction="allow",
        Egress=True,
        CidrBlock="0.0.0.0/0",
        PortRange={"From": 1024, "To": 65535},
    )
    # A subnet moves to a new ACL by replacing its current (default ACL) association.
    acls = ec2.describe_network_acls(Filters=[{"Name": "vpc-id", "Values": [shop]}])["NetworkAcls"]
    for subnet_id in (db_a, db_b):
        for acl in acls:
            for association in acl.get("Associations", []):
                if association["SubnetId"] == subnet_id:
                    ec2.replace_network_acl_association(
                        AssociationId=association["NetworkAclAssociationId"], NetworkAclId=nacl
                    )

    # ---- instances ----------------------------------------------------------------------------
    web_1 = instance("web-1", web_a, "10.0.1.10", [web_sg])
    instance("app-1", app_a, "10.0.11.10", [app_sg])
    web_eip = ec2.allocate_address(Domain="vpc", TagSpecifications=_spec("elastic-ip", "web-1-eip"))
    ids["web-1-eip"] = web_eip["AllocationId"]
    ids["web-1-eip.PublicIp"] = web_eip["PublicIp"]
    ec2.associate_address(AllocationId=web_eip["AllocationId"], InstanceId=web_1)

    # ---- analytics-vpc and the peering -------------------------------------------------------
    analytics = vpc("analytics-vpc", "10.1.0.0/16")
    analytics_a = subnet("analytics-a", analytics, "10.1.1.0/24", "us-east-1a")
    analytics_sg = security_group("analytics-sg", analytics, "analytics hosts: nothing in")
    instance("analytics-1", analytics_a, "10.1.1.10", [analytics_sg])
    pcx = ec2.create_vpc_peering_connection(
        VpcId=shop,
        PeerVpcId=analytics,
        TagSpecifications=_spec("vpc-peering-connection", "shop-analytics"),
    )["VpcPeeringConnection"]["VpcPeeringConnectionId"]
    ids["shop-analytics"] = pcx
    ec2.accept_vpc_peering_connection(VpcPeeringConnectionId=pcx)
    analytics_rt = route_table("analytics-rt", analytics, [analytics_a])
    ec2.create_route(RouteTableId=analytics_rt, DestinationCidrBlock="10.0.0.0/16", VpcPeeringConnectionId=pcx)

    # ---- partner-vpc and the transit gateway -------------------------------------------------
    partner = vpc("partner-vpc", "10.2.0.0/16")
    partner_a = subnet("partner-a", partner, "10.2.1.0/24", "us-east-1a")
    partner_sg = security_group("partner-sg", partner, "partner hosts: nothing in")
    instance("partner-1", partner_a, "10.2.1.10", [partner_sg])

    # hub-rt is the transit gateway's default association route table: both attachments are
    # associated with it on creation (AWS does the same with DefaultRouteTableAssociation
    # enabled). moto's DescribeTransitGatewayAttachments always reports the default table, even
    # after AssociateTransitGatewayRouteTable with another one, so a separate hub-rt would show
    # the wrong association. Propagation is not automatic; it is enabled with the API below.
    tgw_response = ec2.create_transit_gateway(
        Description="hub",
        Options={
            "AmazonSideAsn": 64512,
            "DefaultRouteTableAssociation": "enable",
            "DefaultRouteTablePropagation": "disable",
            "VpnEcmpSupport": "enable",
            "DnsSupport": "enable",
        },
        TagSpecifications=_spec("transit-gateway", "hub-tgw"),
    )["TransitGateway"]
    tgw = tgw_response["TransitGatewayId"]
    ids["hub-tgw"] = tgw
    hub_rt = tgw_response.get("Options", {}).get("AssociationDefaultRouteTableId")
    if not hub_rt:  # AWS creates the default table asynchronously; look it up once it exists
        hub_rt = _wait_for_default_tgw_route_table(ec2, tgw)
    tag(hub_rt, "hub-rt")

    def tgw_attachment(name: str, vpc_id: str, subnet_id: str) -> str:
        attachment = ec2.create_transit_gateway_vpc_attachment(
            TransitGatewayId=tgw,
            VpcId=vpc_id,
            SubnetIds=[subnet_id],
            Options={"DnsSupport": "enable", "ApplianceModeSupport": "disable"},
            TagSpecifications=_spec("transit-gateway-attachment", name),
        )["TransitGatewayVpcAttachment"]["TransitGatewayAttachmentId"]
        ids[name] = attachment
        return attachment

    shop_attach = tgw_attachment("shop-attach", shop, tgw_a)
    partner_attach = tgw_attachment("partner-attach", partner, partner_a)
    for attachment in (shop_attach, partner_attach):
        ec2.enable_transit_gateway_route_table_propagation(
            TransitGatewayRouteTableId=hub_rt, TransitGatewayAttachmentId=attachment
        )
    ec2.create_transit_gateway_route(
        DestinationCidrBlock="10.99.0.0/16", TransitGatewayRouteTableId=hub_rt, Blackhole=True
    )
    partner_rt = route_table("partner-rt", partner, [partner_a])
    ec2.create_route(RouteTableId=partner_rt, DestinationCidrBlock="10.0.0.0/16", TransitGatewayId=tgw)

    # ---- shop-vpc route tables ---------------------------------------------------------------
    public_rt = route_table("public-rt", shop, [web_a])
    ec2.create_route(RouteTableId=public_rt, DestinationCidrBlock="0.0.0.0/0", GatewayId=igw)
    app_rt = route_table("app-rt", shop, [app_a])
    ec2.create_route(RouteTableId=app_rt, DestinationCidrBlock="0.0.0.0/0", NatGatewayId=nat)
    ec2.create_route(RouteTableId=app_rt, DestinationCidrBlock="10.1.0.0/16", VpcPeeringConnectionId=pcx)
    ec2.create_route(RouteTableId=app_rt, DestinationCidrBlock="10.2.0.0/16", TransitGatewayId=tgw)
    db_rt = route_table("db-rt", shop, [db_a, db_b])
    ec2.create_route(RouteTableId=db_rt, DestinationCidrBlock="10.2.0.0/16", TransitGatewayId=tgw)
    # Not in the original brief: without it the DB's replies to analytics-vpc have no route
    # back, and analytics-1 -> orders-db would be unreachable.
    ec2.create_route(RouteTableId=db_rt, DestinationCidrBlock="10.1.0.0/16", VpcPeeringConnectionId=pcx)
    main_rt = ec2.describe_route_tables(
        Filters=[{"Name": "vpc-id", "Values": [shop]}, {"Name": "association.main", "Values": ["true"]}]
    )["RouteTables"][0]["RouteTableId"]
    tag(main_rt, "shop-main-rt")  # tgw-a uses it (local routes only)

    # ---- VPN --------------------------------------------------------------------------------
    vgw = ec2.create_vpn_gateway(
        Type="ipsec.1", AmazonSideAsn=64513, TagSpecifications=_spec("vpn-gateway", "shop-vgw")
    )["VpnGateway"]["VpnGatewayId"]
    ids["shop-vgw"] = vgw
    ec2.attach_vpn_gateway(VpcId=shop, VpnGatewayId=vgw)
    cgw = ec2.create_customer_gateway(
        Type="ipsec.1",
        PublicIp="198.51.100.1",
        BgpAsn=65000,
        TagSpecifications=_spec("customer-gateway", "branch-cgw"),
    )["CustomerGateway"]["CustomerGatewayId"]
    ids["branch-cgw"] = cgw
    vpn = ec2.create_vpn_connection(
        Type="ipsec.1",
        CustomerGatewayId=cgw,
        VpnGatewayId=vgw,
        Options={"StaticRoutesOnly": True},
        TagSpecifications=_spec("vpn-connection", "branch-vpn"),
    )["VpnConnection"]["VpnConnectionId"]
    ids["branch-vpn"] = vpn
    _try(
        notes,
        "ec2 create-vpn-connection-route (branch-vpn 192.168.10.0/24)",
        lambda: ec2.create_vpn_connection_route(VpnConnectionId=vpn, DestinationCidrBlock="192.168.10.0/24"),
    )
    _try(
        notes,
        "ec2 enable-vgw-route-propagation (shop-vgw on db-rt)",
        lambda: ec2.enable_vgw_route_propagation(GatewayId=vgw, RouteTableId=db_rt),
    )

    # ---- orders-nlb, its target group and the endpoint service ------------------------------
    nlb = elbv2.create_load_balancer(
        Name="orders-nlb",
        Subnets=[db_a, db_b],
        Scheme="internal",
        Type="network",
        IpAddressType="ipv4",
        Tags=_tags("orders-nlb"),
    )["LoadBalancers"][0]
    ids["orders-nlb"] = nlb["LoadBalancerArn"]
    target_group = elbv2.create_target_group(
        Name="orders-tg",
        Protocol="TCP",
        Port=5432,
        VpcId=shop,
        TargetType="ip",
        HealthCheckProtocol="TCP",
        Tags=_tags("orders-tg"),
    )["TargetGroups"][0]["TargetGroupArn"]
    ids["orders-tg"] = target_group
    elbv2.register_targets(TargetGroupArn=target_group, Targets=[{"Id": "10.0.21.50", "Port": 5432}])
    listener = elbv2.create_listener(
        LoadBalancerArn=nlb["LoadBalancerArn"],
        Protocol="TCP",
        Port=5432,
        DefaultActions=[{"Type": "forward", "TargetGroupArn": target_group}],
        Tags=_tags("orders-listener"),
    )["Listeners"][0]["ListenerArn"]
    ids["orders-listener"] = listener
    service = ec2.create_vpc_endpoint_service_configuration(
        NetworkLoadBalancerArns=[nlb["LoadBalancerArn"]],
        AcceptanceRequired=False,
        TagSpecifications=_spec("vpc-endpoint-service", "orders-service"),
    )["ServiceConfiguration"]
    ids["orders-service"] = service["ServiceId"]
    ids["orders-service.ServiceName"] = service["ServiceName"]

    # ---- VPC endpoints ---------------------------------------------------------------------------
    ids["s3-endpoint"] = ec2.create_vpc_endpoint(
        VpcEndpointType="Gateway",
        VpcId=shop,
        ServiceName="com.amazonaws.us-east-1.s3",
        RouteTableIds=[app_rt],
        TagSpecifications=_spec("vpc-endpoint", "s3-endpoint"),
    )["VpcEndpoint"]["VpcEndpointId"]
    endpoint_sg = security_group("orders-endpoint-sg", analytics, "orders endpoint: postgres from analytics")
    ec2.authorize_security_group_ingress(
        GroupId=endpoint_sg, IpPermissions=[tcp(5432, IpRanges=[{"CidrIp": "10.1.0.0/16"}])]
    )
    ids["orders-endpoint"] = ec2.create_vpc_endpoint(
        VpcEndpointType="Interface",
        VpcId=analytics,
        ServiceName=service["ServiceName"],
        SubnetIds=[analytics_a],
        SecurityGroupIds=[endpoint_sg],
        PrivateDnsEnabled=False,
        TagSpecifications=_spec("vpc-endpoint", "orders-endpoint"),
    )["VpcEndpoint"]["VpcEndpointId"]

    # ---- RDS ----------------------------------------------------------------------------------
    rds.create_db_subnet_group(
        DBSubnetGroupName="orders-subnets",
        DBSubnetGroupDescription="orders databases",
        SubnetIds=[db_a, db_b],
        Tags=_tags("orders-subnets"),
    )
    ids["orders-subnets"] = "orders-subnets"
    rds.create_db_parameter_group(
        DBParameterGroupName="orders-params",
        DBParameterGroupFamily="postgres16",
        Description="orders: TLS only",
        Tags=_tags("orders-params"),
    )
    ids["orders-params"] = "orders-params"
    _try(
        notes,
        "rds modify-db-parameter-group (orders-params rds.force_ssl=1)",
        lambda: rds.modify_db_parameter_group(
            DBParameterGroupName="orders-params",
            Parameters=[
                {"ParameterName": "rds.force_ssl", "ParameterValue": "1", "ApplyMethod": "immediate"}
            ],
        ),
    )
    rds.create_db_instance(
        DBInstanceIdentifier="orders-db",
        DBInstanceClass="db.t3.micro",
        Engine="postgres",
        EngineVersion="16.3",
        AllocatedStorage=20,
        MasterUsername="orders",
        MasterUserPassword="not-a-secret-1",
        DBSubnetGroupName="orders-subnets",
        VpcSecurityGroupIds=[db_sg],
        DBParameterGroupName="orders-params",
        AvailabilityZone="us-east-1a",
        PubliclyAccessible=False,
        StorageEncrypted=True,
        Port=5432,
        Tags=_tags("orders-db"),
    )
    ids["orders-db"] = "orders-db"
    # moto gives an aurora-postgresql cluster the MySQL default group (default.aurora8.0) and
    # then cannot describe it, so the cluster gets its own group.
    rds.create_db_cluster_parameter_group(
        DBClusterParameterGroupName="ledger-cluster-params",
        DBParameterGroupFamily="aurora-postgresql16",
        Description="ledger: TLS only",
        Tags=_tags("ledger-cluster-params"),
    )
    ids["ledger-cluster-params"] = "ledger-cluster-params"
    _try(
        notes,
        "rds modify-db-cluster-parameter-group (ledger-cluster-params rds.force_ssl=1)",
        lambda: rds.modify_db_cluster_parameter_group(
            DBClusterParameterGroupName="ledger-cluster-params",
            Parameters=[
                {"ParameterName": "rds.force_ssl", "ParameterValue": "1", "ApplyMethod": "immediate"}
            ],
        ),
    )
    rds.create_db_cluster(
        DBClusterIdentifier="ledger",
        DBClusterParameterGroupName="ledger-cluster-params",
        Engine="aurora-postgresql",
        EngineVersion="16.2",
        MasterUsername="ledger",
        MasterUserPassword="not-a-secret-2",
        DBSubnetGroupName="orders-subnets",
        VpcSecurityGroupIds=[db_sg],
        StorageEncrypted=True,
        Port=5432,
        Tags=_tags("ledger"),
    )
    ids["ledger"] = "ledger"
    for member, az in (("ledger-1", "us-east-1a"), ("ledger-2", "us-east-1b")):
        rds.create_db_instance(
            DBInstanceIdentifier=member,
            DBClusterIdentifier="ledger",
            DBInstanceClass="db.r6g.large",
            Engine="aurora-postgresql",
            DBSubnetGroupName="orders-subnets",
            AvailabilityZone=az,
            PubliclyAccessible=False,
            Tags=_tags(member),
        )
        ids[member] = member

    return {"ids": ids, "notes": notes.items}


# --------------------------------------------------------------------------------------------
# Dumping a snapshot (the same files and wrappers as scripts/collect-aws-snapshot.sh)
# --------------------------------------------------------------------------------------------

# (file, service, operation, top-level key, extra parameters) for the plain "describe" calls,
# in the collector's order.
PLAIN_CALLS: tuple[tuple[str, str, str, str, dict[str, Any]], ...] = (
    ("Vpcs.json", "ec2", "describe_vpcs", "Vpcs", {}),
    ("Subnets.json", "ec2", "describe_subnets", "Subnets", {}),
    ("RouteTables.json", "ec2", "describe_route_tables", "RouteTables", {}),
    ("SecurityGroups.json", "ec2", "describe_security_groups", "SecurityGroups", {}),
    ("NetworkAcls.json", "ec2", "describe_network_acls", "NetworkAcls", {}),
    ("InternetGateways.json", "ec2", "describe_internet_gateways", "InternetGateways", {}),
    ("NatGateways.json", "ec2", "describe_nat_gateways", "NatGateways", {}),
    ("VpcPeeringConnections.json", "ec2", "describe_vpc_peering_connections", "VpcPeeringConnections", {}),
    ("NetworkInterfaces.json", "ec2", "describe_network_interfaces", "NetworkInterfaces", {}),
    ("Reservations.json", "ec2", "describe_instances", "Reservations", {}),
    ("ManagedPrefixLists.json", "ec2", "describe_managed_prefix_lists", "PrefixLists", {}),
    ("TransitGateways.json", "ec2", "describe_transit_gateways", "TransitGateways", {}),
    ("TransitGatewayAttachments.json", "ec2", "describe_transit_gateway_attachments", "TransitGatewayAttachments", {}),
    ("TransitGatewayVpcAttachments.json", "ec2", "describe_transit_gateway_vpc_attachments", "TransitGatewayVpcAttachments", {}),
    ("TransitGatewayRouteTables.json", "ec2", "describe_transit_gateway_route_tables", "TransitGatewayRouteTables", {}),
    ("VpnConnections.json", "ec2", "describe_vpn_connections", "VpnConnections", {}),
    ("VpnGateways.json", "ec2", "describe_vpn_gateways", "VpnGateways", {}),
    ("CustomerGateways.json", "ec2", "describe_customer_gateways", "CustomerGateways", {}),
    ("VpcEndpoints.json", "ec2", "describe_vpc_endpoints", "VpcEndpoints", {}),
    ("VpcEndpointServiceConfigurations.json", "ec2", "describe_vpc_endpoint_service_configurations", "ServiceConfigurations", {}),
    ("LoadBalancers.json", "elbv2", "describe_load_balancers", "LoadBalancers", {}),
    ("TargetGroups.json", "elbv2", "describe_target_groups", "TargetGroups", {}),
    ("DirectConnectGateways.json", "directconnect", "describe_direct_connect_gateways", "directConnectGateways", {}),
    ("VirtualInterfaces.json", "directconnect", "describe_virtual_interfaces", "virtualInterfaces", {}),
    ("DBInstances.json", "rds", "describe_db_instances", "DBInstances", {}),
    ("DBClusters.json", "rds", "describe_db_clusters", "DBClusters", {}),
    ("DBSubnetGroups.json", "rds", "describe_db_subnet_groups", "DBSubnetGroups", {}),
    ("DBParameterGroups.json", "rds", "describe_db_parameter_groups", "DBParameterGroups", {}),
)


def _cli_like(client: Any, operation: str, **params: Any) -> dict[str, Any]:
    """One call, as the AWS CLI would print it: all pages merged, no ResponseMetadata."""
    if client.can_paginate(operation):
        result = client.get_paginator(operation).paginate(**params).build_full_result()
    else:
        result = getattr(client, operation)(**params)
    result.pop("ResponseMetadata", None)
    for token in ("NextToken", "nextToken", "Marker", "NextMarker"):
        result.pop(token, None)
    return result


def redact_secrets(value: Any) -> Any:
    """Same redaction as the collector's default: VPN pre-shared keys inside
    CustomerGatewayConfiguration and Direct Connect BGP keys (authKey, bgp_auth_key inside
    customerRouterConfig) become REDACTED."""
    import re

    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key == "authKey" and isinstance(item, str) and item:
                out[key] = "REDACTED"
            elif key in ("CustomerGatewayConfiguration", "customerRouterConfig") and isinstance(item, str):
                out[key] = re.sub(r"(<(pre_shared_key|bgp_auth_key)>)[^<]*(</\2>)", r"\1REDACTED\3", item)
            else:
                out[key] = redact_secrets(item)
        return out
    if isinstance(value, list):
        return [redact_secrets(item) for item in value]
    return value


def write_json(path: str, value: Any) -> None:
    """Commit-ready JSON: two-space indent, sorted keys, trailing newline."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(value, handle, indent=2, sort_keys=True, ensure_ascii=False, default=str)
        handle.write("\n")


def dump_snapshot(
    clients: dict[str, Any],
    out_dir: str,
    *,
    split: dict[str, int] | None = None,
    skip_files: tuple[str, ...] = (),
    log: Callable[[str], None] = lambda text: print(text, file=sys.stderr),
) -> dict[str, Any]:
    """Writes every snapshot file for one account and region into ``out_dir``.

    ``clients`` maps service names (ec2, elbv2, rds, directconnect) to boto3 clients. ``split``
    maps a file name to a number of parts: its list is written over ``NAME.json``,
    ``NAME.2.json``, ... (each a part of the list under the same top-level key), as a paginated
    collection may be. A call that fails is reported through ``log`` and writes nothing.
    Returns ``{"written": [...], "failed": [...], "outputs": {file: object}}``.
    """
    split = split or {}
    written: list[str] = []
    failed: list[str] = []
    outputs: dict[str, Any] = {}

    def call(file: str, service: str, operation: str, **params: Any) -> dict[str, Any] | None:
        client = clients.get(service)
        what = f"{service} {operation.replace('_', '-')}"
        if client is None:
            failed.append(f"{file}: no {service} client")
            return None
        try:
            return redact_secrets(_cli_like(client, operation, **params))
        except NotImplementedError as error:
            reason = f"not implemented ({error})"
        except (botocore.exceptions.ClientError, botocore.exceptions.BotoCoreError,
                botocore.parsers.ResponseParserError) as error:
            reason = str(error).splitlines()[0]
        log(f"warning: {what} failed, no {file}: {reason}")
        failed.append(file)
        return None

    def emit(file: str, value: dict[str, Any]) -> None:
        outputs[file] = value
        if file in skip_files:
            return
        parts = split.get(file, 1)
        (key,) = value.keys()
        items = value[key]
        if parts > 1 and len(items) >= parts:
            stem = file[: -len(".json")]
            size = -(-len(items) // parts)
            for index in range(parts):
                name = file if index == 0 else f"{stem}.{index + 1}.json"
                write_json(os.path.join(out_dir, name), {key: items[index * size : (index + 1) * size]})
                written.append(name)
        else:
            write_json(os.path.join(out_dir, file), value)
            written.append(file)

    for file, service, operation, key, params in PLAIN_CALLS:
        result = call(file, service, operation, **params)
        if result is not None:
            emit(file, {key: result.get(key, [])})

    # Wrappers: one call per parent resource, keyed by the parent's id.
    prefix_lists = outputs.get("ManagedPrefixLists.json", {}).get("PrefixLists", [])
    entries = []
    for prefix_list in prefix_lists:
        result = call("ManagedPrefixListEntries.json", "ec2", "get_managed_prefix_list_entries",
                      PrefixListId=prefix_list["PrefixListId"])
        if result is not None:
            entries.append({"PrefixListId": prefix_list["PrefixListId"], "Entries": result.get("Entries", [])})
    if "ManagedPrefixLists.json" in outputs:
        emit("ManagedPrefixListEntries.json", {"ManagedPrefixListEntries": entries})

    tgw_tables = outputs.get("TransitGatewayRouteTables.json", {}).get("TransitGatewayRouteTables", [])
    static_routes, propagations = [], []
    for table in tgw_tables:
        table_id = table["TransitGatewayRouteTableId"]
        result = call("TransitGatewayStaticRoutes.json", "ec2", "search_transit_gateway_routes",
                      TransitGatewayRouteTableId=table_id,
                      Filters=[{"Name": "type", "Values": ["static"]}])
        if result is not None:
            static_routes.append({
                "TransitGatewayRouteTableId": table_id,
                "Routes": result.get("Routes", []),
                "AdditionalRoutesAvailable": result.get("AdditionalRoutesAvailable", False),
            })
        result = call("TransitGatewayPropagations.json", "ec2", "get_transit_gateway_route_table_propagations",
                      TransitGatewayRouteTableId=table_id)
        if result is not None:
            propagations.append({
                "TransitGatewayRouteTableId": table_id,
                "TransitGatewayRouteTablePropagations": result.get("TransitGatewayRouteTablePropagations", []),
            })
    if "TransitGatewayRouteTables.json" in outputs:
        emit("TransitGatewayStaticRoutes.json", {"TransitGatewayStaticRoutes": static_routes})
        emit("TransitGatewayPropagations.json", {"TransitGatewayPropagations": propagations})

    if "LoadBalancers.json" in outputs:
        listeners = []
        for balancer in outputs["LoadBalancers.json"]["LoadBalancers"]:
            result = call("Listeners.json", "elbv2", "describe_listeners", LoadBalancerArn=balancer["LoadBalancerArn"])
            if result is not None:
                listeners.extend(result.get("Listeners", []))
        emit("Listeners.json", {"Listeners": listeners})
    if "TargetGroups.json" in outputs:
        health = []
        for group in outputs["TargetGroups.json"]["TargetGroups"]:
            result = call("TargetHealth.json", "elbv2", "describe_target_health", TargetGroupArn=group["TargetGroupArn"])
            if result is not None:
                health.append({"TargetGroupArn": group["TargetGroupArn"],
                               "TargetHealthDescriptions": result.get("TargetHealthDescriptions", [])})
        emit("TargetHealth.json", {"TargetHealth": health})

    if "DirectConnectGateways.json" in outputs:
        associations = []
        for gateway in outputs["DirectConnectGateways.json"]["directConnectGateways"]:
            result = call("DirectConnectGatewayAssociations.json", "directconnect",
                          "describe_direct_connect_gateway_associations",
                          directConnectGatewayId=gateway["directConnectGatewayId"])
            if result is not None:
                associations.extend(result.get("directConnectGatewayAssociations", []))
        emit("DirectConnectGatewayAssociations.json", {"directConnectGatewayAssociations": associations})

    if "DBParameterGroups.json" in outputs:
        parameters = []
        for group in outputs["DBParameterGroups.json"]["DBParameterGroups"]:
            name = group["DBParameterGroupName"]
            result = call("DBParameters.json", "rds", "describe_db_parameters", DBParameterGroupName=name)
            if result is not None:
                parameters.append({"DBParameterGroupName": name, "Parameters": result.get("Parameters", [])})
        emit("DBParameters.json", {"DBParameterGroupParameters": parameters})
    if "DBClusters.json" in outputs:
        cluster_groups = sorted({cluster["DBClusterParameterGroup"]
                                 for cluster in outputs["DBClusters.json"]["DBClusters"]
                                 if cluster.get("DBClusterParameterGroup")})
        parameters = []
        for name in cluster_groups:
            result = call("DBClusterParameters.json", "rds", "describe_db_cluster_parameters",
                          DBClusterParameterGroupName=name)
            if result is not None:
                parameters.append({"DBClusterParameterGroupName": name, "Parameters": result.get("Parameters", [])})
        emit("DBClusterParameters.json", {"DBClusterParameterGroupParameters": parameters})

    return {"written": written, "failed": failed, "outputs": outputs}


def cli_session(region: str = REGION) -> boto3.Session:
    """A boto3 session whose clients leave timestamps as the service sent them, like AWS CLI v1
    (cli_timestamp_format = none), so dumped files match what the collector writes."""
    import botocore.session

    core = botocore.session.get_session()
    core.get_component("response_parser_factory").set_parser_defaults(timestamp_parser=lambda value: value)
    return boto3.Session(botocore_session=core, region_name=region)


FROZEN_TIME = "2024-06-01T12:00:00"


def _freeze_moto_clock() -> None:
    """Makes moto's timestamps (LaunchTime, CreateTime, ...) the same on every run.

    moto takes "now" from ``moto.core.utils.utcnow``, which calls ``datetime.datetime.now``
    through the ``datetime`` module it imported; that module reference is swapped for one whose
    ``datetime.now`` returns FROZEN_TIME. Only for the committed fixture (no freezegun here).
    """
    import datetime as real
    import types

    import moto.core.utils as moto_utils

    fixed = real.datetime.fromisoformat(FROZEN_TIME)

    class _FrozenDatetime(real.datetime):
        @classmethod
        def now(cls, tz: Any = None) -> real.datetime:  # type: ignore[override]
            return fixed.replace(tzinfo=tz) if tz else fixed

        @classmethod
        def utcnow(cls) -> real.datetime:  # type: ignore[override]
            return fixed

    shim = types.ModuleType("datetime")
    shim.__dict__.update(real.__dict__)
    shim.datetime = _FrozenDatetime  # type: ignore[attr-defined]
    moto_utils.datetime = shim  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=os.path.join(HERE, "moto-snapshot"),
                        help="snapshot root to write (default: %(default)s)")
    parser.add_argument("--batfish-out", default=os.path.join(HERE, "batfish-layout"),
                        help="Batfish-layout fixture root to write (default: %(default)s)")
    parser.add_argument("--ids", action="store_true", help="print the name -> id map as JSON")
    args = parser.parse_args(argv)

    os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
    os.environ.setdefault("AWS_SESSION_TOKEN", "testing")
    os.environ["AWS_DEFAULT_REGION"] = REGION
    os.environ.pop("AWS_ENDPOINT_URL", None)
    os.environ.pop("AWS_PROFILE", None)

    from moto import mock_aws
    from moto.moto_api._internal import mock_random

    _freeze_moto_clock()

    random.seed(SEED)
    mock_random.seed(SEED)
    region_dir = os.path.join(args.out, ACCOUNT, REGION)
    batfish_dir = os.path.join(args.batfish_out, "aws_configs", REGION)
    with mock_aws():
        session = cli_session()
        clients = {name: session.client(name, region_name=REGION)
                   for name in ("ec2", "elbv2", "rds", "sts", "directconnect")}
        built = build_network(clients=clients, log=lambda text: print(f"note: {text}", file=sys.stderr))
        account = clients["sts"].get_caller_identity()["Account"]
        assert account == ACCOUNT, account
        # Remove earlier generated files (keeping the hand-written ones), then write.
        if os.path.isdir(region_dir):
            for name in os.listdir(region_dir):
                if name.endswith(".json") and name not in HAND_WRITTEN:
                    os.remove(os.path.join(region_dir, name))
        result = dump_snapshot(clients, region_dir, split={"NetworkInterfaces.json": 2},
                               skip_files=HAND_WRITTEN)
    if os.path.isdir(batfish_dir):
        shutil.rmtree(batfish_dir)
    for name in BATFISH_FILES:
        write_json(os.path.join(batfish_dir, name), result["outputs"][name])
    for name in HAND_WRITTEN:
        if not os.path.exists(os.path.join(region_dir, name)):
            print(f"warning: hand-written {name} is missing from {region_dir}", file=sys.stderr)
    print(f"wrote {len(result['written'])} files to {region_dir}", file=sys.stderr)
    print(f"wrote {len(BATFISH_FILES)} files to {batfish_dir}", file=sys.stderr)
    ids_file = os.path.join(HERE, "moto-snapshot.ids.json")
    if os.path.abspath(args.out) == os.path.join(HERE, "moto-snapshot"):
        write_json(ids_file, built["ids"])
        print(f"wrote the name -> id map to {ids_file}", file=sys.stderr)
    if args.ids:
        print(json.dumps(built["ids"], indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
