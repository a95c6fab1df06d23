#!/usr/bin/env bash
# The benchmark suite: builds the release binary and runs every performance benchmark of the
# issues that this repository can run on its own, then prints one table (figure, value, target,
# anchor measured in the same run). Not part of the test suite. Loopback only.
#
#   scripts/bench.sh            # everything below (about 50 minutes on 2 cores)
#   scripts/bench.sh --quick    # 100k-order lists, 200k hotspot points, 20k grids, sklearn's best setting only
#   ORDERS=1000000 SECONDS=10 scripts/bench.sh
#
# Run it on a quiet machine: anything else using the CPU lowers every figure.
set -euo pipefail
cd "$(dirname "$0")/.."
orders=${ORDERS:-1000000}
seconds=${SECONDS_PER_RUN:-10}
quick=false
if [ "${1:-}" = "--quick" ]; then orders=100000; seconds=5; quick=true; fi
messages=${MESSAGES:-../shared/data/messages/train.csv}
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null 2>&1 || true; }

if [ -z "${SKIP_BUILD:-}" ]; then   # SKIP_BUILD=1 reuses the release binaries already built
  swift build -c release --scratch-path .build-release --product lianxin >/dev/null
  swift build -c release --scratch-path .build-release --product lianxin-bench >/dev/null
fi
binary=.build-release/release/lianxin
tool=.build-release/release/lianxin-bench
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(uname -sm), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
echo "commit:  $(git rev-parse --short HEAD)   date: $(date -u +%FT%TZ)"
echo
python3 scripts/bench/intake.py --binary "$binary" --seconds "$seconds" --clients 32 | tee "$out/intake.txt"
echo
python3 -u scripts/bench/queues.py --binary "$binary" --orders "$orders" --repeat 30 | tee "$out/queues.txt"
echo
if [ -f "$messages" ]; then
  # Classifier: 5-fold quality, training and inference of Lianxin after a tuned scikit-learn baseline
  # on the same folds; then training time on 10,000 messages (the file's rows repeated to 10,000).
  if $quick; then grid=(--quick); else grid=(--features "char 1-3 raw" "char 1-3 spaced" "word 1-2 + char 1-3 spaced" --costs 0.3 1 3); fi
  python3 -u scripts/bench_classifier.py "$messages" --folds 5 "${grid[@]}" \
    --swift-command "$binary train --from $messages --evaluate --folds 5" 2>&1 | grep -v WARNING | tee "$out/classifier.txt"
  python3 - "$messages" "$out/train10k.csv" <<'PY'
import csv, itertools, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
header, body = rows[0], rows[1:]
with open(sys.argv[2], "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f); w.writerow(header); w.writerows(itertools.islice(itertools.cycle(body), 10000))
PY
  "$binary" train --from "$out/train10k.csv" --out "$out/model.lxcm" 2>&1 | grep -v WARNING | tee "$out/train10k.txt"
else
  echo "classifier: $messages not found (it is in ../shared/data); skipped" | tee "$out/classifier.txt"
fi
echo
# Point → grid lookups against Shapely's STRtree on the same grids and points, one core.
if $quick; then grids=(20000); else grids=(20000 100000); fi
python3 -u scripts/bench_geo.py --tool "$tool" --grids "${grids[@]}" --points 1000000 --workdir "$out/geo" | tee "$out/geo.txt"
echo
# Hotspot clustering against scikit-learn's DBSCAN (haversine, ball tree), same points and parameters.
if $quick; then points=200000; else points=1000000; fi
python3 -u scripts/bench/hotspots.py --tool "$tool" --points "$points" --workdir "$out/hotspots" | tee "$out/hotspots.txt"
echo
# Resident registry: importing 100,000 residents from CSV (rows/s, peak memory, console progress).
python3 -u scripts/bench/residents.py --binary "$binary" --rows 100000 --workdir "$out/residents" | tee "$out/residents.txt"
echo
# Dashboards: city/month dashboard and all-communities/quarter ranking over N orders' rollups, SQLite and PostgreSQL,
# every figure checked against DuckDB over the same orders (DASHBOARD_ORDERS, default 10,000,000; --quick 1,000,000).
if $quick; then dash_orders=1000000; else dash_orders=${DASHBOARD_ORDERS:-10000000}; fi
SKIP_BUILD=1 scripts/bench/dashboard.sh "$dash_orders" 2>&1 | tee "$out/dashboard.txt" || true
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
    ("worst workbench page p99 with N orders (ms)", grab(r"^worst page p99\s+([\d.]+)", queues), "<= 100", "9 pages, HTML over loopback"),
    ("SLA sweep (ms for 200 due alerts)", grab(r"due alerts found in ([\d.]+) ms", queues), "O(due)", grab(r"plan: (.*)", queues)),
]
def text(name):
    path = os.path.join(out, name)
    return open(path, encoding="utf-8").read() if os.path.exists(path) else ""
import json
classifier, train10k = text("classifier.txt"), text("train10k.txt")
if "macro-F1" in classifier:
    rows += [
        ("classifier 5-fold macro-F1", grab(r"^accuracy [\d.]+\s+macro-F1 ([\d.]+)", classifier), ">= 0.94",
         "scikit-learn TF-IDF + LinearSVC " + grab(r"^5-fold macro-F1 ([\d.]+)", classifier) + " (tuned, same folds)"),
        ("classifier inference (µs/message)", grab(r"^inference per message, text as given: ([\d.]+)", classifier), "<= 100",
         "scikit-learn " + grab(r"([\d.]+) µs/message one at a time", classifier) + " µs one at a time"),
        ("classifier training, 10,000 msgs (s)", grab(r"trained on 10000 examples in ([\d.]+) s", train10k), "<= 30", "same run"),
    ]
for line in text("geo.txt").splitlines():
    if line.startswith("{") and '"lianxin_lookups_per_s"' in line:
        row = json.loads(line)
        rows.append((f"point→grid lookups/s, {row['grids']:,} grids", f"{row['lianxin_lookups_per_s']:,.0f}", ">= 1x",
                     f"Shapely STRtree {row['shapely_lookups_per_s']:,.0f}/s, ratio {row['ratio']:.1f}x, build {row['lianxin_build_s']:.2f} s, {row['disagreements']} disagreements"))
hot = [l for l in text("hotspots.txt").splitlines() if l.startswith("{") and '"speedup"' in l]
if hot:
    h = json.loads(hot[-1])
    rows.append((f"hotspot DBSCAN, {h['points']:,} orders (s)", f"{h['lianxin_s']:.2f}", ">= 5x",
                 f"scikit-learn {h['sklearn_s']:.1f} s, speedup {h['speedup']:.1f}x, ARI {h['ari']:.4f}, pair-F1 {h['pair_f1']:.4f}"))
residents = [l for l in text("residents.txt").splitlines() if l.startswith("{") and '"rows_per_second"' in l]
if residents:
    r = json.loads(residents[-1])
    rows.append(("resident import, 100,000 rows (rows/s)", f"{r.get('rows_per_second', 0):,.0f}", "measured",
                 f"peak RSS {r.get('peak_rss_mb', 0):,.0f} MB, {r.get('seconds', 0):.1f} s"))
duck = re.search(r"^duckdb: .*city/month ([\d.]+) ms; communities/quarter ([\d.]+) ms", text("dashboard.txt"), re.M)
for engine in ("sqlite", "postgres"):
    m = re.search(rf"^{engine}: (\d+) orders, (\d+) rollup rows.*?; city/month dashboard ([\d.]+) ms, all-communities/quarter ranking ([\d.]+) ms.*?vs DuckDB: (.*)$", text("dashboard.txt"), re.M)
    if m:
        rows.append((f"{engine} city/month dashboard (ms)", m.group(3), "<= 100", f"{int(m.group(1)):,} orders, {int(m.group(2)):,} rows; DuckDB {duck.group(1) if duck else '?'} ms; {m.group(5)}"))
        rows.append((f"{engine} communities/quarter ranking (ms)", m.group(4), "<= 100", f"DuckDB {duck.group(2) if duck else '?'} ms"))
print(f"{'figure':38} {'value':>10} {'target':>9}  anchor / context")
for name, value, target, anchor in rows:
    print(f"{name:38} {value:>10} {target:>9}  {anchor}")
PY
echo
