#!/usr/bin/env bash
# CI checks of the running API with tools we did not write: an independent Open311 GeoReport v2
# client (georeport from PyPI, JSON and XML) and schemathesis fuzzing every operation of
# /openapi.json as an authenticated dispatcher (no 5xx, no response outside the schema).
#
#   scripts/api_checks.sh BINARY DATA_DIR [MAX_EXAMPLES]
set -euo pipefail
binary=$1
data=$2
examples=${3:-${FUZZ_EXAMPLES:-5}}
root="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$data"
export LIANXIN_DATA_DIR="$data" LIANXIN_RATE_PUBLIC=100000 LIANXIN_RATE_LOGIN=100000 LIANXIN_LOG_LEVEL=warning

python3 -c 'import schemathesis' 2>/dev/null || bash "$root/scripts/python_deps.sh" "schemathesis>=4,<5"
python3 -c 'import georeport, xmltodict, requests' 2>/dev/null || bash "$root/scripts/python_deps.sh" georeport==0.3.1 xmltodict requests

cd "$root"
"$binary" demo >/dev/null
token=$("$binary" user token --username dispatcher --name ci-fuzz | tail -1)
key=$("$binary" open311 key-add --name ci-client --per-minute 100000 | tail -1)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
"$binary" serve --hostname 127.0.0.1 --port "$port" >"$data/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs "$base/readyz" >/dev/null 2>&1 && break; sleep 0.5; done

echo "--- independent Open311 client (georeport) ---"
python3 scripts/open311_client_check.py "$base/open311/v2" "$key"

echo "--- schemathesis: every operation, authenticated, $examples examples each ---"
status=0
python3 -m schemathesis.cli run "$base/openapi.json" --header "Authorization: Bearer $token" \
  --checks not_a_server_error,response_schema_conformance --max-examples "$examples" --workers 2 \
  --seed 2026 --no-color >"$data/schemathesis.log" 2>&1 || status=$?
tail -25 "$data/schemathesis.log"
if grep -q " 500 \|Internal Server Error" "$data/server.log"; then echo "server logged a 500"; status=1; fi
kill $pid; wait $pid 2>/dev/null || true
[ "$status" -eq 0 ] || { echo "--- server log ---"; tail -30 "$data/server.log"; exit 1; }
echo "api checks: passed"
