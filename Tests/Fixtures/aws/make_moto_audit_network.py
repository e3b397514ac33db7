#!/usr/bin/env python3
"""Builds a small AWS network with deliberately insecure RDS and VPC settings, for `reach audit`.

``build_network(endpoint_url=..., log=...)`` creates it with boto3 in a ``moto_server`` (or,
with ready ``clients``, in moto in-process under ``moto.mock_aws()``) and returns
``{"ids": {name: id}, "notes": [...]}``. The committed fixture
``Tests/Fixtures/aws/moto-audit-snapshot/`` is this network as collected by
``scripts/collect-aws-snapshot.sh`` from a moto server; its README says how it was made and
which flaws it holds. ``python3 Tests/Fixtures/aws/make_moto_audit_network.py --endpoint-url
URL`` builds the network in the server at URL and prints the name -> id map as JSON.

Everything is in us-east-1, in one VPC:

* legacy-vpc 10.40.0.0/16 (tag env=prod) with legacy-igw attached; subnets legacy-db-a
  10.40.1.0/24 (us-east-1a) and legacy-db-b 10.40.2.0/24 (us-east-1b), both on
  legacy-public-rt (0.0.0.0/0 -> legacy-igw) and legacy-db-nacl.
* legacy-db-sg: tcp 3306 from 0.0.0.0/0. reports-db-sg: tcp 5432 from 10.0.0.0/8 and from
  10.40.0.0/16 (the second is covered by the first). stale-sg: tcp 22 from 10.40.0.0/16,
  attached to nothing.
* legacy-db-nacl: inbound 100 allow all from 0.0.0.0/0, inbound 200 deny tcp 3306 from
  0.0.0.0/0 (shadowed by 100), outbound 100 allow all. spare-nacl: no subnets.
* RDS: subnet group legacy-db-subnets (both subnets). legacy-db: MySQL 8.0, publicly
  accessible, unencrypted, single-AZ, no backups (retention 0), default parameter group,
  legacy-db-sg, us-east-1a. reports-db: PostgreSQL 14, private, encrypted, Multi-AZ, 7 days
  of backups, reports-db-sg, parameter group reports-params (postgres14) with
  rds.force_ssl = 0, us-east-1b.

Every resource is tagged with its Name. Calls the target does not implement are skipped and
listed in ``notes``; the RDS settings above are checked with describe-db-instances and
describe-db-parameters after creation, and a mismatch is an error. Only the Python standard
library and boto3 are needed (and moto for an in-process run).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Callable

import os

import boto3
import botocore.exceptions

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_moto_network import _clients, _Notes, _try  # noqa: E402  (the shared helpers)

REGION = "us-east-1"
ACCOUNT = "123456789012"  # moto's default account


# --------------------------------------------------------------------------------------------
# Helpers (the rest are make_moto_network.py's)
# --------------------------------------------------------------------------------------------


def _tags(name: str, **extra: str) -> list[dict[str, str]]:
    return [{"Key": "Name", "Value": name}] + [{"Key": key, "Value": value} for key, value in extra.items()]


def _spec(resource_type: str, name: str, **extra: str) -> list[dict[str, Any]]:
    return [{"ResourceType": resource_type, "Tags": _tags(name, **extra)}]


# --------------------------------------------------------------------------------------------
# Building the network
# --------------------------------------------------------------------------------------------

# What describe-db-instances must show for each instance (checked after creation).
EXPECTED_DB_SETTINGS: dict[str, dict[str, Any]] = {
    "legacy-db": {
        "Engine": "mysql",
        "PubliclyAccessible": True,
        "StorageEncrypted": False,
        "MultiAZ": False,
        "BackupRetentionPeriod": 0,
        "AvailabilityZone": "us-east-1a",
        "DBParameterGroups": ["default.mysql8.0"],
        "VpcSecurityGroups": ["legacy-db-sg"],
    },
    "reports-db": {
        "Engine": "postgres",
        "PubliclyAccessible": False,
        "StorageEncrypted": True,
        "MultiAZ": True,
        "BackupRetentionPeriod": 7,
        "AvailabilityZone": "us-east-1b",
        "DBParameterGroups": ["reports-params"],
        "VpcSecurityGroups": ["reports-db-sg"],
    },
}


def build_network(
    endpoint_url: str | None = None,
    log: Callable[[str], None] | None = None,
    *,
    session: boto3.Session | None = None,
    region: str = REGION,
    clients: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Creates the audit network and returns ``{"ids": {name: id}, "notes": [...]}``.

    Pass ``endpoint_url`` for a moto server (and optionally a boto3 ``session``), or ready
    ``clients`` (a dict with ``ec2`` and ``rds`` boto3 clients). Raises ``RuntimeError`` when
    describe-db-instances or describe-db-parameters does not show the intended RDS settings.
    """
    if region != "us-east-1":
        raise ValueError("the network uses us-east-1 AZs")
    c = clients or _clients(session, region, endpoint_url)
    ec2, rds = c["ec2"], c["rds"]
    notes = _Notes(log)
    ids: dict[str, str] = {}

    # ---- legacy-vpc, its gateway, subnets and route table -----------------------------------
    vpc = ec2.create_vpc(CidrBlock="10.40.0.0/16", TagSpecifications=_spec("vpc", "legacy-vpc", env="prod"))[
        "Vpc"
    ]["VpcId"]
    ids["legacy-vpc"] = vpc

    igw = ec2.create_internet_gateway(TagSpecifications=_spec("internet-gateway", "legacy-igw"))[
        "InternetGateway"
    ]["InternetGatewayId"]
    ids["legacy-igw"] = igw
    ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)

    def subnet(name: str, cidr: str, az: str) -> str:
        subnet_id = ec2.create_subnet(
            VpcId=vpc, CidrBlock=cidr, AvailabilityZone=az, TagSpecifications=_spec("subnet", name)
        )["Subnet"]["SubnetId"]
        ids[name] = subnet_id
        return subnet_id

    db_a = subnet("legacy-db-a", "10.40.1.0/24", "us-east-1a")
    db_b = subnet("legacy-db-b", "10.40.2.0/24", "us-east-1b")

    public_rt = ec2.create_route_table(VpcId=vpc, TagSpecifications=_spec("route-table", "legacy-public-rt"))[
        "RouteTable"
    ]["RouteTableId"]
    ids["legacy-public-rt"] = public_rt
    for subnet_id in (db_a, db_b):
        ec2.associate_route_table(RouteTableId=public_rt, SubnetId=subnet_id)
    ec2.create_route(RouteTableId=public_rt, DestinationCidrBlock="0.0.0.0/0", GatewayId=igw)

    # The VPC's own default resources (untagged; recorded for reference).
    ids["legacy-vpc.main-rt"] = ec2.describe_route_tables(
        Filters=[{"Name": "vpc-id", "Values": [vpc]}, {"Name": "association.main", "Values": ["true"]}]
    )["RouteTables"][0]["RouteTableId"]
    ids["legacy-vpc.default-sg"] = ec2.describe_security_groups(
        Filters=[{"Name": "vpc-id", "Values": [vpc]}, {"Name": "group-name", "Values": ["default"]}]
    )["SecurityGroups"][0]["GroupId"]
    ids["legacy-vpc.default-nacl"] = ec2.describe_network_acls(
        Filters=[{"Name": "vpc-id", "Values": [vpc]}, {"Name": "default", "Values": ["true"]}]
    )["NetworkAcls"][0]["NetworkAclId"]

    # ---- security groups ----------------------------------------------------------------------
    def security_group(name: str, description: str) -> str:
        sg_id = ec2.create_security_group(
            GroupName=name,
            Description=description,
            VpcId=vpc,
            TagSpecifications=_spec("security-group", name),
        )["GroupId"]
        ids[name] = sg_id
        return sg_id

    def tcp(port: int, cidr: str, description: str) -> dict[str, Any]:
        return {
            "IpProtocol": "tcp",
            "FromPort": port,
            "ToPort": port,
            "IpRanges": [{"CidrIp": cidr, "Description": description}],
        }

    legacy_sg = security_group("legacy-db-sg", "legacy mysql: 3306 from anywhere")
    ec2.authorize_security_group_ingress(GroupId=legacy_sg, IpPermissions=[tcp(3306, "0.0.0.0/0", "anywhere")])
    reports_sg = security_group("reports-db-sg", "reports postgres: 5432 from the private ranges")
    # Two separate rules, the second inside the first (redundant).
    ec2.authorize_security_group_ingress(GroupId=reports_sg, IpPermissions=[tcp(5432, "10.0.0.0/8", "all private")])
    ec2.authorize_security_group_ingress(
        GroupId=reports_sg, IpPermissions=[tcp(5432, "10.40.0.0/16", "legacy-vpc")]
    )
    stale_sg = security_group("stale-sg", "old bastion access, attached to nothing")
    ec2.authorize_security_group_ingress(GroupId=stale_sg, IpPermissions=[tcp(22, "10.40.0.0/16", "legacy-vpc")])

    # ---- network ACLs -------------------------------------------------------------------------
    def network_acl(name: str) -> str:
        acl_id = ec2.create_network_acl(VpcId=vpc, TagSpecifications=_spec("network-acl", name))["NetworkAcl"][
            "NetworkAclId"
        ]
        ids[name] = acl_id
        return acl_id

    nacl = network_acl("legacy-db-nacl")
    ec2.create_network_acl_entry(
        NetworkAclId=nacl, RuleNumber=100, Protocol="-1", RuleAction="allow", Egress=False, CidrBlock="0.0.0.0/0"
    )
    # Never applies: rule 100 already allows everything.
    ec2.create_network_acl_entry(
        NetworkAclId=nacl,
        RuleNumber=200,
        Protocol="6",
        RuleAction="deny",
        Egress=False,
        CidrBlock="0.0.0.0/0",
        PortRange={"From": 3306, "To": 3306},
    )
    ec2.create_network_acl_entry(
        NetworkAclId=nacl, RuleNumber=100, Protocol="-1", RuleAction="allow", Egress=True, CidrBlock="0.0.0.0/0"
    )
    # A subnet moves to a new ACL by replacing its current (default ACL) association.
    acls = ec2.describe_network_acls(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["NetworkAcls"]
    for subnet_id in (db_a, db_b):
        for acl in acls:
            for association in acl.get("Associations", []):
                if association["SubnetId"] == subnet_id:
                    ec2.replace_network_acl_association(
                        AssociationId=association["NetworkAclAssociationId"], NetworkAclId=nacl
                    )
    network_acl("spare-nacl")  # no rules of its own, no subnets

    # ---- RDS ----------------------------------------------------------------------------------
    rds.create_db_subnet_group(
        DBSubnetGroupName="legacy-db-subnets",
        DBSubnetGroupDescription="legacy databases",
        SubnetIds=[db_a, db_b],
        Tags=_tags("legacy-db-subnets"),
    )
    ids["legacy-db-subnets"] = "legacy-db-subnets"
    rds.create_db_parameter_group(
        DBParameterGroupName="reports-params",
        DBParameterGroupFamily="postgres14",
        Description="reports: TLS not enforced",
        Tags=_tags("reports-params"),
    )
    ids["reports-params"] = "reports-params"
    _try(
        notes,
        "rds modify-db-parameter-group (reports-params rds.force_ssl=0)",
        lambda: rds.modify_db_parameter_group(
            DBParameterGroupName="reports-params",
            Parameters=[{"ParameterName": "rds.force_ssl", "ParameterValue": "0", "ApplyMethod": "immediate"}],
        ),
    )

    def db_instance(name: str, engine_version: str, **settings: Any) -> None:
        params = dict(
            DBInstanceIdentifier=name,
            DBInstanceClass="db.t3.micro",
            EngineVersion=engine_version,
            AllocatedStorage=20,
            MasterUsername="admin0",
            MasterUserPassword="not-a-secret-3",
            DBSubnetGroupName="legacy-db-subnets",
            Tags=_tags(name, env="prod"),
            **settings,
        )
        try:
            rds.create_db_instance(**params)
        except botocore.exceptions.ClientError as error:
            if error.response.get("Error", {}).get("Code") not in ("InvalidParameterValue", "InvalidParameterCombination"):
                raise
            notes.add(f"rds create-db-instance ({name}): EngineVersion {engine_version} refused, using the default")
            del params["EngineVersion"]
            rds.create_db_instance(**params)
        ids[name] = name

    db_instance(
        "legacy-db",
        "8.0.35",
        Engine="mysql",
        Port=3306,
        PubliclyAccessible=True,
        StorageEncrypted=False,
        MultiAZ=False,
        BackupRetentionPeriod=0,
        VpcSecurityGroupIds=[legacy_sg],
        AvailabilityZone="us-east-1a",
    )
    # AWS refuses AvailabilityZone together with MultiAZ=True at creation, but describes a
    # Multi-AZ instance with its primary's AvailabilityZone; moto accepts the pair.
    db_instance(
        "reports-db",
        "14.12",
        Engine="postgres",
        Port=5432,
        PubliclyAccessible=False,
        StorageEncrypted=True,
        MultiAZ=True,
        BackupRetentionPeriod=7,
        VpcSecurityGroupIds=[reports_sg],
        DBParameterGroupName="reports-params",
        AvailabilityZone="us-east-1b",
    )

    _check_rds(rds, ids, notes)
    return {"ids": ids, "notes": notes.items}


def _check_rds(rds: Any, ids: dict[str, str], notes: _Notes) -> None:
    """Raises RuntimeError unless the RDS settings came out as intended."""
    problems: list[str] = []
    group_names = {ids[name]: name for name in ("legacy-db-sg", "reports-db-sg")}
    for name, expected in EXPECTED_DB_SETTINGS.items():
        db = rds.describe_db_instances(DBInstanceIdentifier=name)["DBInstances"][0]
        actual = {
            key: db.get(key)
            for key in ("Engine", "PubliclyAccessible", "StorageEncrypted", "MultiAZ",
                        "BackupRetentionPeriod", "AvailabilityZone")
        }
        actual["DBParameterGroups"] = [g["DBParameterGroupName"] for g in db.get("DBParameterGroups", [])]
        actual["VpcSecurityGroups"] = [
            group_names.get(g["VpcSecurityGroupId"], g["VpcSecurityGroupId"]) for g in db.get("VpcSecurityGroups", [])
        ]
        for key, value in expected.items():
            if actual[key] != value:
                problems.append(f"{name} {key}: {actual[key]!r}, expected {value!r}")
        if name == "legacy-db" and db.get("EngineVersion") != "8.0.35":
            notes.add(f"legacy-db EngineVersion is {db.get('EngineVersion')!r}, not 8.0.35")
    parameters = rds.describe_db_parameters(DBParameterGroupName="reports-params")["Parameters"]
    force_ssl = [p.get("ParameterValue") for p in parameters if p.get("ParameterName") == "rds.force_ssl"]
    if force_ssl != ["0"]:
        problems.append(f"reports-params rds.force_ssl: {force_ssl!r}, expected ['0']")
    if problems:
        raise RuntimeError("the RDS settings did not come out as intended: " + "; ".join(problems))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--endpoint-url", required=True, help="the moto server, e.g. http://127.0.0.1:5000")
    args = parser.parse_args(argv)
    built = build_network(endpoint_url=args.endpoint_url, log=lambda text: print(f"note: {text}", file=sys.stderr))
    print(json.dumps(built["ids"], indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
