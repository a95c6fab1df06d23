#!/usr/bin/env bash
# Starts the built server with the demo city on a fresh data folder, checks it as a person would
# (health, readiness, login page, a demo operator signing in), and stops it.
set -euo pipefail
binary=$1
data=$2
root="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$data"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
passed=0
failed=0
check() { if eval "$2"; then passed=$((passed+1)); echo "ok   $1"; else failed=$((failed+1)); echo "FAIL $1"; fi; }

(cd "$root" && LIANXIN_DATA_DIR="$data" exec "$binary" serve --demo --hostname 127.0.0.1 --port "$port") >"$data/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.5; done

jar="$data/cookies"
check "/healthz answers ok" '[ "$(curl -fs "$base/healthz")" = "ok" ]'
check "/readyz says ready" 'curl -fs "$base/readyz" | grep -q "^ready"'
check "the login page is Chinese" 'curl -fs -c "$jar" -b "$jar" "$base/login" -o "$data/login.html" && grep -q "<html lang=\"zh-CN\">" "$data/login.html"'
token=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' "$data/login.html" | head -1)
check "a demo operator signs in" '[ "$(curl -s -o /dev/null -w "%{http_code}" -c "$jar" -b "$jar" --data-urlencode username=operator --data-urlencode "password=Lianxin@2026" --data-urlencode "_csrf=$token" "$base/login")" = "303" ]'
check "the operator's home page shows their name" 'curl -fs -b "$jar" "$base/" | grep -q "话务员 王丽"'
check "the console printed the demo accounts" 'grep -q "password for all" "$data/server.log"'

kill $pid
wait $pid 2>/dev/null || true
[ "$failed" -eq 0 ] || { echo "--- server log ---"; tail -40 "$data/server.log"; }
echo "smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
