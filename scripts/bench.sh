#!/usr/bin/env bash
# The benchmark suite: builds the release binary and runs every performance benchmark of the
# issues that this repository can run on its own, then prints one table (figure, value, target,
# anchor measured in the same run). Not part of the test suite. Loopback only.
#
#   scripts/bench.sh            # intake + 1M-order lists (about 15 minutes on 2 cores)
#   scripts/bench.sh --quick    # intake + 100k-order lists
#   ORDERS=1000000 SECONDS=10 scripts/bench.sh
#
# Run it on a quiet machine: anything else using the CPU lowers every figure.
set -euo pipefail
cd "$(dirname "$0")/.."
orders=${ORDERS:-1000000}
seconds=${SECONDS_PER_RUN:-10}
if [ "${1:-}" = "--quick" ]; then orders=100000; seconds=5; fi
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null 2>&1 || true; }

swift build -c release --scratch-path .build-release --product lianxin >/dev/null
binary=.build-release/release/lianxin
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(uname -sm), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
echo "commit:  $(git rev-parse --short HEAD)   date: $(date -u +%FT%TZ)"
echo
python3 scripts/bench/intake.py --binary "$binary" --seconds "$seconds" --clients 32 | tee "$out/intake.txt"
echo
python3 -u scripts/bench/queues.py --binary "$binary" --orders "$orders" --repeat 30 | tee "$out/queues.txt"
echo
echo "== summary =="
python3 - "$out" <<'PY'
import re, sys, os
out = sys.argv[1]
intake = open(os.path.join(out, "intake.txt")).read()
queues = open(os.path.join(out, "queues.txt")).read()
def grab(pattern, text, group=1):
    m = re.search(pattern, text, re.M)
    return m.group(group) if m else "?"
rows = [
    ("intake orders/s (sustained, wrk)", grab(r"^intake sustained.*?\s(\d+)\s+>= 2000", intake), ">= 2000", "raw SQLite " + grab(r"^anchor: raw SQLite insert \(txn/s\)\s+(\d+)", intake) + " txn/s"),
    ("intake / raw SQLite", grab(r"^ratio intake / raw\s+([\d.]+%)", intake), ">= 30%", "same run"),
    ("p99 at 500 orders/s (ms)", grab(r"^p99 latency at fixed rate \(ms\)\s+([\d.]+)", intake), "<= 25", "p50 " + grab(r"^p50 latency at fixed rate \(ms\)\s+([\d.]+)", intake) + " ms"),
    ("worst list p99 with N orders (ms)", grab(r"^worst p99\s+([\d.]+)", queues), "<= 50", grab(r"^loaded ([\d,]+) orders", queues) + " orders"),
    ("SLA sweep (ms for 200 due alerts)", grab(r"due alerts found in ([\d.]+) ms", queues), "O(due)", grab(r"plan: (.*)", queues)),
]
print(f"{'figure':38} {'value':>10} {'target':>9}  anchor / context")
for name, value, target, anchor in rows:
    print(f"{name:38} {value:>10} {target:>9}  {anchor}")
PY
echo
echo "Other benchmarks need tools outside this repository (see README): scripts/bench_classifier.py"
echo "(scikit-learn baseline) and scripts/bench_geo.py (Shapely baseline)."
