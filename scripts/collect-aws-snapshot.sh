#!/usr/bin/env bash
# Collects a read-only AWS network snapshot for Reach: the JSON outputs of AWS CLI describe
# calls, one file per call, laid out as OUT/ACCOUNT/REGION/<name>.json. Run with --help.
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: scripts/collect-aws-snapshot.sh --out DIR [--regions "us-east-1 eu-west-1"]

Collects the AWS network configuration Reach reads (VPCs, subnets, route tables, security
groups, network ACLs, gateways, peering, transit gateways, VPN, VPC endpoints and endpoint
services, load balancers, Direct Connect, RDS) with read-only AWS CLI calls, and writes each
call's JSON output to DIR/ACCOUNT/REGION/<name>.json. Pass DIR to
`reach check --topology DIR ...`.

Options:
  --out DIR        directory to write (created if missing; DIR/ACCOUNT/REGION must be empty
                   or absent)
  --regions LIST   space- or comma-separated regions; default: $AWS_REGION, else
                   $AWS_DEFAULT_REGION, else `aws configure get region`
  --keep-secrets   keep the VPN tunnels' pre-shared keys (inside CustomerGatewayConfiguration)
                   and the Direct Connect BGP keys (authKey, bgp_auth_key inside
                   customerRouterConfig); by default their values are replaced with REDACTED,
                   so a snapshot can be shared. Reach does not use them.
  -h, --help       show this help

Environment: AWS_PROFILE, AWS_REGION, AWS_DEFAULT_REGION and the usual AWS credential
variables are honoured by the AWS CLI; AWS_ENDPOINT_URL, when set, is passed to every call as
--endpoint-url (for moto or LocalStack). Needs the AWS CLI (v1 or v2) and python3.

A call that fails (access denied, a service not offered in the region, an API the endpoint
does not implement) is reported on stderr, naming the command; no file is written for it and
collection goes on. Exit status is 0 when at least one file was written, 1 otherwise (and 2
for a usage error).

Direct Connect gateways are global: they and their associations are collected once, in the
first region where the call succeeds. Virtual interfaces are collected in every region.

Read-only IAM permissions needed (the AWS managed policy ReadOnlyAccess covers them all):
  ec2:Describe*
  ec2:GetManagedPrefixListEntries
  ec2:SearchTransitGatewayRoutes
  ec2:GetTransitGatewayRouteTablePropagations
  elasticloadbalancing:Describe*
  directconnect:Describe*
  rds:Describe*
  sts:GetCallerIdentity

Files written per region (top-level key in parentheses):
  Vpcs Subnets RouteTables SecurityGroups NetworkAcls InternetGateways NatGateways
  VpcPeeringConnections NetworkInterfaces Reservations (describe-instances)
  ManagedPrefixLists (PrefixLists)
  ManagedPrefixListEntries (wrapper: [{PrefixListId, Entries}])
  TransitGateways TransitGatewayAttachments TransitGatewayVpcAttachments
  TransitGatewayRouteTables
  TransitGatewayStaticRoutes (wrapper: [{TransitGatewayRouteTableId, Routes,
    AdditionalRoutesAvailable}], search-transit-gateway-routes type=static, which returns at
    most 1000 routes per table: a warning says when there are more)
  TransitGatewayPropagations (wrapper: [{TransitGatewayRouteTableId,
    TransitGatewayRouteTablePropagations}])
  VpnConnections VpnGateways CustomerGateways VpcEndpoints
  VpcEndpointServiceConfigurations (ServiceConfigurations)
  LoadBalancers Listeners (every load balancer's, merged) TargetGroups
  TargetHealth (wrapper: [{TargetGroupArn, TargetHealthDescriptions}])
  DirectConnectGateways (directConnectGateways)
  DirectConnectGatewayAssociations (directConnectGatewayAssociations, every gateway's, merged)
  VirtualInterfaces (virtualInterfaces)
  DBInstances DBClusters DBSubnetGroups DBParameterGroups
  DBParameters (wrapper DBParameterGroupParameters: [{DBParameterGroupName, Parameters}])
  DBClusterParameters (wrapper DBClusterParameterGroupParameters:
    [{DBClusterParameterGroupName, Parameters}], the groups the clusters use)
USAGE
}

die_usage() {
    echo "collect-aws-snapshot: $1" >&2
    echo "Run with --help for usage." >&2
    exit 2
}

out=""
regions=""
keep_secrets=0
while [ $# -gt 0 ]; do
    case "$1" in
        --out) [ $# -ge 2 ] || die_usage "--out needs a directory"; out=$2; shift 2 ;;
        --out=*) out=${1#--out=}; shift ;;
        --regions) [ $# -ge 2 ] || die_usage "--regions needs a list"; regions=$2; shift 2 ;;
        --regions=*) regions=${1#--regions=}; shift ;;
        --keep-secrets) keep_secrets=1; shift ;;
        -h | --help) usage; exit 0 ;;
        *) die_usage "unknown argument: $1" ;;
    esac
done
[ -n "$out" ] || die_usage "--out DIR is required"

for tool in aws python3; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "collect-aws-snapshot: $tool is not on PATH" >&2
        exit 1
    fi
done

export AWS_PAGER=""   # AWS CLI v2 would otherwise start a pager
endpoint_args=()
if [ -n "${AWS_ENDPOINT_URL:-}" ]; then
    endpoint_args=(--endpoint-url "$AWS_ENDPOINT_URL")
fi

# Every AWS call goes through here: JSON output, the endpoint override, no stdin.
awscli() {
    aws ${endpoint_args[@]+"${endpoint_args[@]}"} --output json "$@" </dev/null
}

if [ -z "$regions" ]; then
    regions=${AWS_REGION:-${AWS_DEFAULT_REGION:-}}
fi
if [ -z "$regions" ]; then
    regions=$(aws configure get region 2>/dev/null || true)
fi
regions=$(printf '%s' "$regions" | tr ',' ' ')
[ -n "${regions// /}" ] || die_usage "no region: pass --regions or set AWS_REGION"

work=$(mktemp -d "${TMPDIR:-/tmp}/collect-aws-snapshot.XXXXXX")
trap 'rm -rf "$work"' EXIT

# JSON handling (python3, standard library only).
PY_HELPER='
import json, sys

def load(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)

def dump(path, value):
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(value, handle, indent=4, ensure_ascii=False)
        handle.write("\n")

command, args = sys.argv[1], sys.argv[2:]
if command == "check":  # FILE KEY: a JSON object whose KEY is a list; prints its length
    path, key = args
    try:
        value = load(path)
    except ValueError as error:
        sys.exit(f"not JSON: {error}")
    if not isinstance(value, dict) or not isinstance(value.get(key), list):
        sys.exit(f"no list under the key {key!r}")
    print(len(value[key]))
elif command == "redact":  # FILE: VPN pre-shared keys, BGP auth keys -> REDACTED
    import re
    path, = args
    value = load(path)
    count = 0
    def walk(node):
        global count
        if isinstance(node, dict):
            for key, item in node.items():
                if key == "authKey" and isinstance(item, str) and item:
                    node[key] = "REDACTED"
                    count += 1
                elif key in ("CustomerGatewayConfiguration", "customerRouterConfig") and isinstance(item, str):
                    node[key], n = re.subn(r"(<(pre_shared_key|bgp_auth_key)>)[^<]*(</\2>)", r"\1REDACTED\3", item)
                    count += n
                else:
                    walk(item)
        elif isinstance(node, list):
            for item in node:
                walk(item)
    walk(value)
    if count:
        dump(path, value)
    print(count)
elif command == "account":  # FILE: the Account of get-caller-identity
    print(load(args[0])["Account"])
elif command == "ids":  # FILE KEY FIELD: each element field, once, in order
    path, key, field = args
    seen = set()
    for item in load(path).get(key, []):
        value = item.get(field)
        if value and value not in seen:
            seen.add(value)
            print(value)
elif command == "wrap":  # OUT TOPKEY IDFIELD INNERKEY [EXTRAKEY=DEFAULT...] < "id<TAB>file" lines
    out, top, id_field, inner, *extras = args
    items = []
    for line in sys.stdin:
        if not line.strip():
            continue
        ident, path = line.rstrip("\n").split("\t", 1)
        data = load(path)
        item = {id_field: ident, inner: data.get(inner, [])}
        for extra in extras:
            name, default = extra.split("=", 1)
            item[name] = data.get(name, json.loads(default))
        items.append(item)
    dump(out, {top: items})
    print(len(items))
elif command == "merge":  # OUT KEY < file lines: the lists under KEY, concatenated
    out, key = args
    items = []
    for line in sys.stdin:
        if line.strip():
            items.extend(load(line.rstrip("\n")).get(key, []))
    dump(out, {key: items})
    print(len(items))
else:
    sys.exit(f"unknown helper command {command}")
'
py() {
    python3 -c "$PY_HELPER" "$@"
}

written=0
failed=0

warn_failed() { # COMMAND ERRFILE
    local message
    message=$(sed -e 's/<[^>]*>//g' "$2" 2>/dev/null | grep -v '^[[:space:]]*$' | tail -n 3 | tr '\n' ' ' || true)
    echo "collect-aws-snapshot: warning: \`aws $1\` failed, skipped: ${message:-no error message}" >&2
    failed=$((failed + 1))
}

# call REGION TMPFILE KEY service command [args...]: runs one AWS CLI call into TMPFILE and
# checks it holds a list under KEY; on failure warns and returns 1.
call() {
    local region=$1 file=$2 key=$3
    shift 3
    local err="$work/stderr" problem
    if ! awscli --region "$region" "$@" >"$file" 2>"$err"; then
        warn_failed "$* --region $region" "$err"
        return 1
    fi
    if ! problem=$(py check "$file" "$key" 2>&1); then
        echo "$problem" >"$err"
        warn_failed "$* --region $region" "$err"
        return 1
    fi
    if [ "$keep_secrets" -eq 0 ]; then
        py redact "$file" >/dev/null
    fi
}

# save DIR NAME TMPFILE KEY: moves a checked output into place.
save() {
    local count
    count=$(py check "$3" "$4")
    mv "$3" "$1/$2"
    written=$((written + 1))
    echo "collect-aws-snapshot: $(basename "$(dirname "$1")")/$(basename "$1")/$2 ($count $4)" >&2
}

# plain DIR REGION NAME KEY service command [args...]
plain() {
    local dir=$1 region=$2 name=$3 key=$4
    shift 4
    local tmp="$work/$name"
    if call "$region" "$tmp" "$key" "$@"; then
        save "$dir" "$name" "$tmp" "$key"
    fi
}

# per_parent DIR REGION PARENTFILE PARENTKEY IDFIELD INNERKEY LISTFILE service command IDOPTION [args...]
# Runs the command once per parent id (passed as IDOPTION ID); writes "id<TAB>file" lines to
# LISTFILE for the calls that worked. Returns 1 if the parent file is missing (its call failed)
# or every call failed.
per_parent() {
    local dir=$1 region=$2 parent=$3 parent_key=$4 id_field=$5 inner=$6 list=$7 service=$8 command=$9 option=${10}
    shift 10
    [ -f "$dir/$parent" ] || return 1
    : >"$list"
    local ids id n=0 ok=0
    ids=$(py ids "$dir/$parent" "$parent_key" "$id_field")
    while IFS= read -r id; do
        [ -n "$id" ] || continue
        n=$((n + 1))
        local tmp="$work/part.$n.json"
        if call "$region" "$tmp" "$inner" "$service" "$command" "$option" "$id" "$@"; then
            printf '%s\t%s\n' "$id" "$tmp" >>"$list"
            ok=$((ok + 1))
        fi
    done <<EOF
$ids
EOF
    [ "$n" -eq 0 ] || [ "$ok" -gt 0 ]
}

set -- $regions
first_region=$1
echo "collect-aws-snapshot: identifying the account" >&2
if ! awscli --region "$first_region" sts get-caller-identity >"$work/identity.json" 2>"$work/stderr"; then
    echo "collect-aws-snapshot: error: \`aws sts get-caller-identity --region $first_region\` failed, so the account is unknown (check credentials and AWS_PROFILE):" >&2
    sed -e 's/<[^>]*>//g' "$work/stderr" | grep -v '^[[:space:]]*$' | tail -n 3 | sed 's/^/  /' >&2 || true
    exit 1
fi
account=$(py account "$work/identity.json")

dx_gateways_done=0
for region in $regions; do
    dir="$out/$account/$region"
    if [ -d "$dir" ] && [ -n "$(ls -A "$dir")" ]; then
        echo "collect-aws-snapshot: error: $dir is not empty; pass a new --out" >&2
        exit 1
    fi
    mkdir -p "$dir"
    echo "collect-aws-snapshot: collecting account $account, region $region" >&2

    plain "$dir" "$region" Vpcs.json Vpcs ec2 describe-vpcs
    plain "$dir" "$region" Subnets.json Subnets ec2 describe-subnets
    plain "$dir" "$region" RouteTables.json RouteTables ec2 describe-route-tables
    plain "$dir" "$region" SecurityGroups.json SecurityGroups ec2 describe-security-groups
    plain "$dir" "$region" NetworkAcls.json NetworkAcls ec2 describe-network-acls
    plain "$dir" "$region" InternetGateways.json InternetGateways ec2 describe-internet-gateways
    plain "$dir" "$region" NatGateways.json NatGateways ec2 describe-nat-gateways
    plain "$dir" "$region" VpcPeeringConnections.json VpcPeeringConnections ec2 describe-vpc-peering-connections
    plain "$dir" "$region" NetworkInterfaces.json NetworkInterfaces ec2 describe-network-interfaces
    plain "$dir" "$region" Reservations.json Reservations ec2 describe-instances
    plain "$dir" "$region" ManagedPrefixLists.json PrefixLists ec2 describe-managed-prefix-lists
    if per_parent "$dir" "$region" ManagedPrefixLists.json PrefixLists PrefixListId Entries "$work/list" \
        ec2 get-managed-prefix-list-entries --prefix-list-id; then
        py wrap "$work/wrapped" ManagedPrefixListEntries PrefixListId Entries <"$work/list" >/dev/null
        save "$dir" ManagedPrefixListEntries.json "$work/wrapped" ManagedPrefixListEntries
    fi

    plain "$dir" "$region" TransitGateways.json TransitGateways ec2 describe-transit-gateways
    plain "$dir" "$region" TransitGatewayAttachments.json TransitGatewayAttachments ec2 describe-transit-gateway-attachments
    plain "$dir" "$region" TransitGatewayVpcAttachments.json TransitGatewayVpcAttachments ec2 describe-transit-gateway-vpc-attachments
    plain "$dir" "$region" TransitGatewayRouteTables.json TransitGatewayRouteTables ec2 describe-transit-gateway-route-tables
    if per_parent "$dir" "$region" TransitGatewayRouteTables.json TransitGatewayRouteTables TransitGatewayRouteTableId \
        Routes "$work/list" ec2 search-transit-gateway-routes --transit-gateway-route-table-id \
        --filters Name=type,Values=static; then
        py wrap "$work/wrapped" TransitGatewayStaticRoutes TransitGatewayRouteTableId Routes \
            AdditionalRoutesAvailable=false <"$work/list" >/dev/null
        if grep -q '"AdditionalRoutesAvailable": true' "$work/wrapped"; then
            echo "collect-aws-snapshot: warning: a transit gateway route table has more than 1000 static routes; only the first 1000 were collected" >&2
        fi
        save "$dir" TransitGatewayStaticRoutes.json "$work/wrapped" TransitGatewayStaticRoutes
    fi
    if per_parent "$dir" "$region" TransitGatewayRouteTables.json TransitGatewayRouteTables TransitGatewayRouteTableId \
        TransitGatewayRouteTablePropagations "$work/list" ec2 get-transit-gateway-route-table-propagations \
        --transit-gateway-route-table-id; then
        py wrap "$work/wrapped" TransitGatewayPropagations TransitGatewayRouteTableId \
            TransitGatewayRouteTablePropagations <"$work/list" >/dev/null
        save "$dir" TransitGatewayPropagations.json "$work/wrapped" TransitGatewayPropagations
    fi

    plain "$dir" "$region" VpnConnections.json VpnConnections ec2 describe-vpn-connections
    plain "$dir" "$region" VpnGateways.json VpnGateways ec2 describe-vpn-gateways
    plain "$dir" "$region" CustomerGateways.json CustomerGateways ec2 describe-customer-gateways
    plain "$dir" "$region" VpcEndpoints.json VpcEndpoints ec2 describe-vpc-endpoints
    plain "$dir" "$region" VpcEndpointServiceConfigurations.json ServiceConfigurations ec2 describe-vpc-endpoint-service-configurations

    plain "$dir" "$region" LoadBalancers.json LoadBalancers elbv2 describe-load-balancers
    if per_parent "$dir" "$region" LoadBalancers.json LoadBalancers LoadBalancerArn Listeners "$work/list" \
        elbv2 describe-listeners --load-balancer-arn; then
        cut -f 2 "$work/list" | py merge "$work/wrapped" Listeners >/dev/null
        save "$dir" Listeners.json "$work/wrapped" Listeners
    fi
    plain "$dir" "$region" TargetGroups.json TargetGroups elbv2 describe-target-groups
    if per_parent "$dir" "$region" TargetGroups.json TargetGroups TargetGroupArn TargetHealthDescriptions "$work/list" \
        elbv2 describe-target-health --target-group-arn; then
        py wrap "$work/wrapped" TargetHealth TargetGroupArn TargetHealthDescriptions <"$work/list" >/dev/null
        save "$dir" TargetHealth.json "$work/wrapped" TargetHealth
    fi

    if [ "$dx_gateways_done" -eq 0 ]; then
        plain "$dir" "$region" DirectConnectGateways.json directConnectGateways directconnect describe-direct-connect-gateways
        if [ -f "$dir/DirectConnectGateways.json" ]; then
            dx_gateways_done=1
            if per_parent "$dir" "$region" DirectConnectGateways.json directConnectGateways directConnectGatewayId \
                directConnectGatewayAssociations "$work/list" directconnect \
                describe-direct-connect-gateway-associations --direct-connect-gateway-id; then
                cut -f 2 "$work/list" | py merge "$work/wrapped" directConnectGatewayAssociations >/dev/null
                save "$dir" DirectConnectGatewayAssociations.json "$work/wrapped" directConnectGatewayAssociations
            fi
        fi
    fi
    plain "$dir" "$region" VirtualInterfaces.json virtualInterfaces directconnect describe-virtual-interfaces

    plain "$dir" "$region" DBInstances.json DBInstances rds describe-db-instances
    plain "$dir" "$region" DBClusters.json DBClusters rds describe-db-clusters
    plain "$dir" "$region" DBSubnetGroups.json DBSubnetGroups rds describe-db-subnet-groups
    plain "$dir" "$region" DBParameterGroups.json DBParameterGroups rds describe-db-parameter-groups
    if per_parent "$dir" "$region" DBParameterGroups.json DBParameterGroups DBParameterGroupName Parameters "$work/list" \
        rds describe-db-parameters --db-parameter-group-name; then
        py wrap "$work/wrapped" DBParameterGroupParameters DBParameterGroupName Parameters <"$work/list" >/dev/null
        save "$dir" DBParameters.json "$work/wrapped" DBParameterGroupParameters
    fi
    if per_parent "$dir" "$region" DBClusters.json DBClusters DBClusterParameterGroup Parameters "$work/list" \
        rds describe-db-cluster-parameters --db-cluster-parameter-group-name; then
        py wrap "$work/wrapped" DBClusterParameterGroupParameters DBClusterParameterGroupName Parameters \
            <"$work/list" >/dev/null
        save "$dir" DBClusterParameters.json "$work/wrapped" DBClusterParameterGroupParameters
    fi
done

echo "collect-aws-snapshot: wrote $written files under $out/$account ($failed calls failed)" >&2
if [ "$written" -eq 0 ]; then
    echo "collect-aws-snapshot: error: nothing could be collected" >&2
    exit 1
fi
