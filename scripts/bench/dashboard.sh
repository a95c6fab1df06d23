#!/usr/bin/env bash
# Dashboard benchmark: N synthetic orders of the demo city (default 10,000,000) generated straight into the rollup
# tables (fine rows, summary rows, open orders' facts) on SQLite and on PostgreSQL; the city/month dashboard, the all-communities/quarter ranking and the
# city/month dashboard of one channel (the mini-program, 随手拍) timed through
# the real query code (release build, median of --repeat runs); DuckDB computing the same figures from the same
# orders exported to CSV, its time printed and every figure compared exactly.
#
#   scripts/bench/dashboard.sh [ORDERS]        # PG from LIANXIN_BENCH_PG (default the dev server on :55432)
# After a change to the read path, `lianxin rollups bench --reuse --orders N` times again over the rows already loaded.
set -euo pipefail
cd "$(dirname "$0")/../.."
orders=${1:-${ORDERS:-10000000}}
pg=${LIANXIN_BENCH_PG:-postgres://lianxin@127.0.0.1:55432/lianxin_bench_dashboard}
binary=${LIANXIN_BINARY:-.build-release/release/lianxin}
if [ -z "${SKIP_BUILD:-}" ]; then swift build -c release --scratch-path .build-release --product lianxin >/dev/null; fi
python3 -c "import duckdb" 2>/dev/null || pip install -q duckdb >/dev/null 2>&1 || pip install -q --break-system-packages duckdb >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LIANXIN_SECRET_KEY=bench-secret-key-bench-secret-key-0123456789 LIANXIN_LOG_LEVEL=error LIANXIN_SCHEDULER=false
export LIANXIN_DATA_DIR="$work/data" LIANXIN_BCRYPT_COST=4
echo "dashboard benchmark: $orders orders"
LIANXIN_DATABASE_URL="sqlite://$work/bench.sqlite" "$binary" rollups bench --orders "$orders" --csv "$work/orders.csv" > "$work/sqlite.txt"
grep -v '^RESULT' "$work/sqlite.txt" | sed 's/^/sqlite: /'
db=${pg##*/}; admin=${pg%/*}/postgres
psql "$admin" -qc "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
psql "$admin" -qc "CREATE DATABASE $db" >/dev/null
LIANXIN_DATABASE_URL="$pg" LIANXIN_AUTO_MIGRATE=true "$binary" migrate >/dev/null 2>&1 || true
LIANXIN_DATABASE_URL="$pg" LIANXIN_AUTO_MIGRATE=true "$binary" rollups bench --orders "$orders" --csv "$work/orders-pg.csv" > "$work/pg.txt"
grep -v '^RESULT' "$work/pg.txt" | sed 's/^/postgres: /'
python3 -u scripts/bench/dashboard_duckdb.py "$work/orders.csv" "$work/sqlite.txt" "$work/pg.txt"
