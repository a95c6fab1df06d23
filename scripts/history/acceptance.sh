#!/usr/bin/env bash
# History import acceptance (issue 17): a county without demo data (the shipped divisions and units imported,
# one leader account), N generated orders imported with `lianxin import orders` under /usr/bin/time -v, then the
# server started and every dashboard figure compared with the ones pandas computes from the file alone.
#
#   scripts/history/acceptance.sh [ROWS] [BINARY]       # default 5000 rows, .build/debug/lianxin
# LIANXIN_DATABASE_URL=postgres://… runs it on PostgreSQL (the database must be empty); SQLite in a temporary
# folder otherwise. Prints rows/s and the import's peak memory.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
rows=${1:-5000}
binary=$(cd "$root" && realpath "${2:-.build/debug/lianxin}")
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$work"; }
trap cleanup EXIT
export LIANXIN_DATA_DIR="$work/data" LIANXIN_LOG_LEVEL=warning LIANXIN_SCHEDULER=false LIANXIN_BCRYPT_COST=4
export LIANXIN_SECRET_KEY=${LIANXIN_SECRET_KEY:-history-acceptance-secret-key-0123456789}
export LIANXIN_DATABASE_URL=${LIANXIN_DATABASE_URL:-sqlite://$work/history.sqlite}
export LIANXIN_AUTO_MIGRATE=true
lianxin() { (cd "$root" && "$binary" "$@"); }
mkdir -p "$LIANXIN_DATA_DIR"

lianxin migrate >/dev/null
lianxin import divisions Resources/Data/divisions-shangrao.csv >/dev/null
lianxin import departments Resources/Data/departments-demo.csv >/dev/null
password='History@2026-check'
lianxin user create --role leader --username history-leader --division 361102 --password "$password" --password-final >/dev/null
token=$(lianxin user token --username history-leader --name history-check | tail -1)

python3 "$root/scripts/history/make_orders.py" --rows "$rows" --out "$work/orders.csv" --county 361102
/usr/bin/time -v -o "$work/time.txt" bash -c "cd '$root' && '$binary' import orders '$work/orders.csv' --division 361102" | tee "$work/import.txt" | tail -3
peak=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$work/time.txt")
wall=$(awk '/Elapsed \(wall clock\)/ {print $NF}' "$work/time.txt")
echo "import of $rows orders: wall $wall, peak memory $((peak / 1024)) MB"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$root" && exec "$binary" serve --hostname 127.0.0.1 --port "$port") >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
python3 "$root/scripts/history/check_dashboards.py" "$work/orders.csv" --base "http://127.0.0.1:$port" --token "$token" --division 361102
