#!/usr/bin/env bash
# Medical-insurance screening benchmark (#22): LianxinCore compiled with -O (it is Foundation only, so no
# release build of the server is needed) generates settlements to LINES item lines (default 1,000,000) with
# injected cases of every rule, writes the four published CSV files, reads them back through the import
# checks and screens them with every rule; DuckDB then runs the same rules as SQL over the same files in the
# same run, and the two sets of leads are compared key by key.
#
#   scripts/bench/medical_insurance.sh [LINES]
set -euo pipefail
cd "$(dirname "$0")/../.."
lines=${1:-1000000}
work=$(mktemp -d)
if [ -z "${KEEP:-}" ]; then trap 'rm -rf "$work"' EXIT; else echo "files kept in $work"; fi
python3 -c "import duckdb" 2>/dev/null || scripts/python_deps.sh duckdb
cp scripts/bench/medical_insurance_main.swift "$work/main.swift"
swiftc -O -swift-version 6 -module-name MIBench -o "$work/mibench" $(find Sources/LianxinCore -name '*.swift') "$work/main.swift"
"$work/mibench" "$lines" "$work"
python3 -u scripts/bench/medical_insurance_duckdb.py "$work"
