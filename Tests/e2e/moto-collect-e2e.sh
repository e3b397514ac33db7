#!/usr/bin/env bash
# End-to-end test of the AWS snapshot path: builds the test network in a local moto server,
# collects it with scripts/collect-aws-snapshot.sh and asks `reach check` the questions whose
# answers Tests/Fixtures/aws/README.md lists.
#
#   Tests/e2e/moto-collect-e2e.sh REACH_BINARY        e.g. .build/debug/reach
#
# Needs python3 with boto3 and moto[server] (moto_server on PATH) and the AWS CLI. Uses only
# loopback: the server listens on 127.0.0.1, lives at most MOTO_E2E_MAX_SECONDS (default 600)
# and is killed on exit. Set MOTO_E2E_KEEP=1 to keep the collected snapshot (its path is
# printed). Prints one line per check and then exactly "N passed, M failed"; exits 0 only when
# the setup worked and every check passed.
set -euo pipefail

usage() {
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
}
case "${1:-}" in
    -h | --help) usage; exit 0 ;;
esac
if [ $# -ne 1 ]; then
    usage >&2
    exit 2
fi

root=$(cd "$(dirname "$0")/../.." && pwd)
reach=$1
case "$reach" in
    /*) ;;
    *) reach="$PWD/$reach" ;;
esac
max_seconds=${MOTO_E2E_MAX_SECONDS:-600}

work=$(mktemp -d "${TMPDIR:-/tmp}/reach-moto-e2e.XXXXXX")
server_pid=""
watchdog_pid=""
child_pid=""
cleanup() {
    local status=$?
    if [ -n "$child_pid" ]; then
        kill "$child_pid" 2>/dev/null || true
        wait "$child_pid" 2>/dev/null || true
    fi
    if [ -n "$watchdog_pid" ]; then
        kill "$watchdog_pid" 2>/dev/null || true
        wait "$watchdog_pid" 2>/dev/null || true
    fi
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    if [ "${MOTO_E2E_KEEP:-0}" = 1 ]; then
        echo "kept $work" >&2
    else
        rm -rf "$work"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Runs a step in the background and waits for it, so INT/TERM stop this script (and, through
# cleanup, the step and the server) at once instead of after the step. Keeps the caller's stdin.
run() {
    "$@" <&0 &
    child_pid=$!
    local status=0
    wait "$child_pid" || status=$?
    child_pid=""
    return "$status"
}

# The checks: name, reach arguments, expected exit code (0 reachable, 1 unreachable, 2 unknown).
checks=(
    "app-1 -> orders-db tcp/5432|--from app-1 --to orders-db --protocol tcp --port 5432|0"
    "web-1 -> orders-db tcp/5432|--from web-1 --to orders-db --protocol tcp --port 5432|1"
    "analytics-1 -> orders-db tcp/5432 (peering)|--from analytics-1 --to orders-db --protocol tcp --port 5432|0"
    "partner-1 -> orders-db tcp/5432 (hub-tgw)|--from partner-1 --to orders-db --protocol tcp --port 5432|0"
    "internet -> web-1 tcp/443|--from internet --to web-1 --protocol tcp --port 443|0"
    "app-1 -> internet tcp/443 (shop-nat)|--from app-1 --to internet --protocol tcp --port 443|0"
)
passed=0
failed=0

setup_failed() {
    echo "SETUP FAILED: $1" >&2
    echo "$passed passed, ${#checks[@]} failed"
    exit 1
}

[ -x "$reach" ] || setup_failed "REACH_BINARY $1 is not an executable file"
command -v moto_server >/dev/null 2>&1 || setup_failed "moto_server is not on PATH (pip install 'moto[server]')"
command -v aws >/dev/null 2>&1 || setup_failed "the AWS CLI (aws) is not on PATH"
python3 -c 'import boto3' 2>/dev/null || setup_failed "python3 cannot import boto3"

# --- moto server on a free loopback port ------------------------------------------------------
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
endpoint="http://127.0.0.1:$port"
moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 </dev/null &
server_pid=$!
# Bounded lifetime: the watchdog stops the server after max_seconds even if this script hangs;
# cleanup stops the watchdog (and its sleep) first.
(
    trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM
    sleep "$max_seconds" &
    sleeper=$!
    wait "$sleeper"
    kill "$server_pid" 2>/dev/null
) >/dev/null 2>&1 </dev/null &
watchdog_pid=$!

if ! python3 - "$endpoint" "$server_pid" <<'PY'; then
import os, sys, time, urllib.request
endpoint, pid = sys.argv[1], int(sys.argv[2])
deadline = time.monotonic() + 30
while time.monotonic() < deadline:
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit("moto_server exited")
    try:
        with urllib.request.urlopen(endpoint + "/moto-api/data.json", timeout=2) as response:
            if response.status == 200:
                sys.exit(0)
    except OSError:
        pass
    time.sleep(0.2)
sys.exit("moto_server did not answer within 30 s")
PY
    sed 's/^/  moto: /' "$work/moto.log" >&2 || true
    setup_failed "moto_server on $endpoint did not start"
fi
echo "moto_server listening on $endpoint (pid $server_pid)" >&2

# --- the environment every AWS client below uses ----------------------------------------------
export AWS_ACCESS_KEY_ID=testing
export AWS_SECRET_ACCESS_KEY=testing
export AWS_REGION=us-east-1
export AWS_DEFAULT_REGION=us-east-1
export AWS_ENDPOINT_URL="$endpoint"
unset AWS_SESSION_TOKEN AWS_SECURITY_TOKEN AWS_PROFILE AWS_DEFAULT_PROFILE
export AWS_CONFIG_FILE="$work/aws-config"          # never read the user's profiles
export AWS_SHARED_CREDENTIALS_FILE="$work/aws-credentials"
export AWS_EC2_METADATA_DISABLED=true
export AWS_RETRY_MODE=standard AWS_MAX_ATTEMPTS=2 # moto answers what it lacks with a 500
export PYTHONDONTWRITEBYTECODE=1                   # no __pycache__ in Tests/Fixtures/aws

# --- the network ------------------------------------------------------------------------------
if ! run python3 - "$root/Tests/Fixtures/aws" "$endpoint" >"$work/ids.json" 2>"$work/build.log" <<'PY'; then
import json, sys
sys.path.insert(0, sys.argv[1])
import make_moto_network
result = make_moto_network.build_network(
    endpoint_url=sys.argv[2], log=lambda text: print(f"note: {text}", file=sys.stderr)
)
json.dump(result["ids"], sys.stdout, indent=2, sort_keys=True)
PY
    sed 's/^/  build: /' "$work/build.log" >&2
    setup_failed "building the network with make_moto_network.build_network failed"
fi
sed 's/^/  build: /' "$work/build.log" >&2
echo "built the network ($(grep -c '": ' "$work/ids.json") named resources)" >&2

# --- collect ----------------------------------------------------------------------------------
snapshot="$work/snapshot"
if ! run "$root/scripts/collect-aws-snapshot.sh" --out "$snapshot" 2>"$work/collect.log"; then
    sed 's/^/  collect: /' "$work/collect.log" >&2
    setup_failed "scripts/collect-aws-snapshot.sh failed"
fi
grep -i 'warning' "$work/collect.log" | sed 's/^/  collect: /' >&2 || true
region_dir="$snapshot/123456789012/us-east-1"
missing=""
for file in Vpcs Subnets RouteTables SecurityGroups NetworkAcls InternetGateways NatGateways \
    VpcPeeringConnections NetworkInterfaces Reservations ManagedPrefixLists ManagedPrefixListEntries \
    TransitGateways TransitGatewayAttachments TransitGatewayVpcAttachments TransitGatewayRouteTables \
    TransitGatewayStaticRoutes TransitGatewayPropagations VpnConnections VpnGateways CustomerGateways \
    VpcEndpoints VpcEndpointServiceConfigurations LoadBalancers Listeners TargetGroups TargetHealth \
    DBInstances DBClusters DBSubnetGroups DBParameterGroups DBParameters DBClusterParameters; do
    [ -s "$region_dir/$file.json" ] || missing="$missing $file.json"
done
[ -z "$missing" ] || setup_failed "the collector did not write:$missing"
echo "collected $(ls "$region_dir" | wc -l | tr -d ' ') files into $region_dir" >&2

# --- the checks -------------------------------------------------------------------------------
describe() {
    case "$1" in
        0) echo "reachable" ;;
        1) echo "unreachable" ;;
        2) echo "unknown" ;;
        *) echo "error" ;;
    esac
}
for check in "${checks[@]}"; do
    name=${check%%|*}
    rest=${check#*|}
    arguments=${rest%|*}
    expected=${rest##*|}
    actual=0
    # shellcheck disable=SC2086 # the arguments are plain words
    run "$reach" check --topology "$snapshot" $arguments >"$work/out" 2>&1 </dev/null || actual=$?
    if [ "$actual" = "$expected" ]; then
        passed=$((passed + 1))
        echo "PASS  $name: $(describe "$actual") (exit $actual)"
    else
        failed=$((failed + 1))
        echo "FAIL  $name: expected $(describe "$expected") (exit $expected), got $(describe "$actual") (exit $actual)"
        head -n 15 "$work/out" | sed 's/^/        /'
    fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
