#!/usr/bin/env bash
# The whole test suite: every test on SQLite, the database-backed tests again on a throwaway
# PostgreSQL, a smoke test of the built server with the demo city, then the running API checked by
# tools we did not write (an Open311 client from PyPI, schemathesis). README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d /tmp/lianxin-test.XXXXXX)
chmod 755 "$work"
pg_bin=""
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  if [ -n "$pg_bin" ] && [ -f "$work/pg/postmaster.pid" ]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n=== %s ===\n' "$*"; }

step "build (debug, with tests)"
swift build --build-tests >"$work/build.log" 2>&1 || { grep -E 'error|warning: unre' "$work/build.log" | head -60; tail -20 "$work/build.log"; echo "build failed"; exit 1; }
grep -E '(error|warning):' "$work/build.log" | grep -v '/.build/checkouts/' | sort -u | head -40 || true

# The QR code tests read the product's codes back with an independent decoder (Debian's zbar-tools).
if ! command -v zbarimg >/dev/null 2>&1; then
  echo "installing zbar-tools (zbarimg)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zbar-tools >/dev/null 2>&1 \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zbar-tools >/dev/null; }
fi

step "format: swift-format lint --strict (the committed .swift-format)"
swift_format=$(command -v swift-format || true)
[ -z "$swift_format" ] && [ -x "$(dirname "$(command -v swift)")/swift-format" ] && swift_format="$(dirname "$(command -v swift)")/swift-format"
[ -z "$swift_format" ] && swift_format="swift format"
$swift_format lint --strict --parallel --recursive Sources Tests Package.swift \
  || { echo "format differs: run  $swift_format format --in-place --parallel --recursive Sources Tests Package.swift"; exit 1; }

step "JavaScript: Public/js in one dialect (scripts/lint_js.mjs, Node's own parser)"
command -v node >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs >/dev/null 2>&1 \
  || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs >/dev/null; }
node scripts/lint_js.mjs

step "all tests on SQLite"
# `|| true`: with pipefail a failing run would end the script here, before the failures below are printed.
swift test --skip-build --parallel 2>&1 | tee "$work/sqlite.log" | grep -E '✘|passed|failed|error:' | tail -40 || true
grep -qE 'Test run with [0-9]+ tests? in [0-9]+ suites? passed' "$work/sqlite.log" || { echo "SQLite tests failed"; grep -a '✘' "$work/sqlite.log" | grep -a -v '✘ Suite' | cut -c1-600 | head -60; exit 1; }

step "PostgreSQL (throwaway, loopback)"
find_pg() { for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do [ -x "$d/initdb" ] && { echo "$d"; return; }; done; }
pg_bin=$(find_pg)
if [ -z "$pg_bin" ]; then
  echo "installing postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
  pg_bin=$(find_pg)
fi
id postgres >/dev/null 2>&1 || useradd --system --home-dir "$work" postgres
mkdir -p "$work/pg" && chown postgres "$work/pg"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
runuser -u postgres -- "$pg_bin/initdb" -D "$work/pg" -U lianxin --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$work/pg -c fsync=off -c max_connections=1000" start >/dev/null
runuser -u postgres -- "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U lianxin lianxin_test
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

step "database tests on PostgreSQL"
LIANXIN_TEST_DATABASE_URL="postgres://lianxin@127.0.0.1:$port/lianxin_test" \
  swift test --skip-build --parallel --filter LianxinServerTests 2>&1 | tee "$work/pg.log" | grep -E '✘|passed|failed|error:' | tail -40 || true
grep -qE 'Test run with [0-9]+ tests? in [0-9]+ suites? passed' "$work/pg.log" || {
  echo "PostgreSQL tests failed"
  grep -a '✘' "$work/pg.log" | grep -a -v '✘ Suite' | cut -c1-400 | head -60
  echo "--- PostgreSQL's own errors (server.log), most frequent first:"
  grep -a -oE '(FATAL|ERROR): +[^"]{0,120}' "$work/pg/server.log" | sort | uniq -c | sort -rn | head -15
  exit 1
}

step "smoke test: lianxin serve --demo"
bash "$root/scripts/smoke.sh" "$root/.build/debug/lianxin" "$work/smoke"

step "history import: 5,000 generated orders into a county without demo data, dashboards checked by pandas"
bash "$root/scripts/history/acceptance.sh" 5000 "$root/.build/debug/lianxin"

step "outbox: kill -9 during a burst of 1,000 SMS to a stub gateway, restart: none lost, none sent twice (issue 20)"
python3 "$root/scripts/outbox_kill9.py" --binary "$root/.build/debug/lianxin"

step "API checks: an independent Open311 client (JSON, XML) and schemathesis over /openapi.json"
bash "$root/scripts/api_checks.sh" "$root/.build/debug/lianxin" "$work/api"

step "security: issue 16's penetration findings re-played over HTTP against a demo server"
python3 "$root/scripts/security_check.py" --binary "$root/.build/debug/lianxin"

step "backup under intake load, restored into a fresh database: SQLite, then PostgreSQL (issue 17)"
python3 "$root/scripts/backup_check.py" --binary "$root/.build/debug/lianxin"
PATH="$pg_bin:$PATH" python3 "$root/scripts/backup_check.py" --binary "$root/.build/debug/lianxin" \
  --postgres "postgres://lianxin@127.0.0.1:$port/lianxin_test"

step "browser: the QR check-in flow at 360 px in headless Chromium"
# A CJK font, so the screenshots show Chinese rather than empty boxes.
if ! command -v chromium >/dev/null 2>&1 || [ ! -x /usr/bin/chromedriver ] || ! fc-list 2>/dev/null | grep -qiE "wqy|noto sans cjk"; then
  echo "installing chromium, chromium-driver and a CJK font"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >/dev/null 2>&1 \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >/dev/null; }
fi
python3 -c 'import selenium' 2>/dev/null || bash "$root/scripts/python_deps.sh" selenium
# Screenshots of the pages are kept in screenshots/ (CI artifacts; not committed).
python3 "$root/scripts/browser/checkin.py" --binary "$root/.build/debug/lianxin" --screenshots "$root/screenshots"

step "browser: a request from a resident's phone to closed, through the pages only"
python3 "$root/scripts/browser/lifecycle.py" --binary "$root/.build/debug/lianxin" --screenshots "$root/screenshots"

step "browser: a unit's return (退单) with a reason from the county's list, refused by the dispatcher, returned again, approved and redispatched (issue 19)"
python3 "$root/scripts/browser/returns.py" --binary "$root/.build/debug/lianxin" --screenshots "$root/screenshots"

step "browser: a joint order (主办/协办) with a lead and two assisting units, from dispatch to closed (issue 19)"
python3 "$root/scripts/browser/joint.py" --binary "$root/.build/debug/lianxin" --screenshots "$root/screenshots"

step "browser: the revisit SMS link on a phone, 满意率 by channel, the message settings at 360 px (issue 20)"
python3 "$root/scripts/browser/revisit.py" --binary "$root/.build/debug/lianxin" --screenshots "$root/screenshots"

step "browser: every role's main tasks in Chinese and English, desktop and 360 px (issue 18)"
python3 "$root/scripts/browser/walk.py" --binary "$root/.build/debug/lianxin" --screenshots "$root/screenshots"

step "browser: one check per finding of issue 18 (tracking page, empty visits, times, counts, queue refresh, desk, inbox, search, dates, forms, audit log)"
python3 "$root/scripts/browser/items.py" --binary "$root/.build/debug/lianxin" --screenshots "$root/screenshots"

step "browser: a meeting to its public results and a mediation case, through the engagement pages"
python3 "$root/scripts/browser/engagement.py" --binary "$root/.build/debug/lianxin" --screenshots "$root/screenshots"

step "browser: an organisation registered, a person registered on a phone with the place picked on the map, spare people offered; a demand matched to another enterprise's worker, agreed by all three, run, ended and evaluated; the talent map moves (issue 23)"
python3 "$root/scripts/browser/talent.py" --binary "$root/.build/debug/lianxin" --screenshots "$root/screenshots"
step "browser: city assets imported all or nothing with a report, shown on the map, reported to their owner; an on-site check failed then passed before closing (issue 21)"
python3 "$root/scripts/browser/fieldwork.py" --binary "$root/.build/debug/lianxin" --screenshots "$root/screenshots"

step "browser: the field app without signal: a visit with a photo and an order completed with a photo kept on the phone, sent once with the times done; a reassigned order's step shown as not recorded (issue 21)"
python3 "$root/scripts/browser/offline.py" --binary "$root/.build/debug/lianxin" --screenshots "$root/screenshots"
step "browser: a grid member's patrol at 360 px: positions kept on the phone without signal and sent once with the times taken, the track on the grid map, the month's patrols, hours and kilometres on the grid card (issue 21)"
python3 "$root/scripts/browser/patrol.py" --binary "$root/.build/debug/lianxin" --screenshots "$root/screenshots"

step "browser: the hotline's day: a consultation answered from the knowledge base at the desk and closed directly; an assessment appeal approved and the unit's 三率 and ranking change; the resident's tracking page shows the public reply, never the internal note (issue 19)"
python3 "$root/scripts/browser/hotline.py" --binary "$root/.build/debug/lianxin" --screenshots "$root/screenshots"

step "browser: a repeat call linked to the open order at the desk; the leader's hotline indicators with formulas and the daily and weekly briefs at 360 px (issue 19)"
python3 "$root/scripts/browser/briefs.py" --binary "$root/.build/debug/lianxin" --screenshots "$root/screenshots"

step "browser: escalation rules edited (a duplicate refused, choices kept), a caller marked from the order page, approved by the centre and warned at the desk; a topic of the month taken up, its task reported done on a phone and closed (issue 19)"
python3 "$root/scripts/browser/hotline_rules.py" --binary "$root/.build/debug/lianxin" --screenshots "$root/screenshots"

step "browser: party-member points: a branch, a member, an entry refused then recorded, a post claimed, the secretary's decision, the county overview at 360 px (issue 24)"
python3 "$root/scripts/browser/party.py" --binary "$root/.build/debug/lianxin" --screenshots "$root/screenshots"

step "browser: 幸福食堂: a canteen opened in a village (a refused form keeps what was typed), diners registered, a lunch at the county's prices; the leader reads meals, subsidy and coverage at 360 px (issue 24)"
python3 "$root/scripts/browser/canteens.py" --binary "$root/.build/debug/lianxin" --screenshots "$root/screenshots"

step "browser: 农耕地互助: a field recorded (a refused form keeps what was typed; the household found by typing), a team, a request sent to the team and done with the days two neighbours gave; the leader reads it at 360 px (issue 24)"
python3 "$root/scripts/browser/farm_aid.py" --binary "$root/.build/debug/lianxin" --screenshots "$root/screenshots"

step "browser: 小微权力监督: a resident reports an official in confidence at 360 px (a refused form keeps what was typed), the leader sees counts only, the discipline inspector accepts, reveals the contact and concludes, the resident reads the answer; an inspection handover replied with proof and accepted; a volunteer supervisor's finding answered by the unit; the leader reads them at 360 px (issue 24)"
python3 "$root/scripts/browser/oversight.py" --binary "$root/.build/debug/lianxin" --screenshots "$root/screenshots"

step "browser: leaders on duty: a county leader's session at a window (a refused form keeps what was typed), a problem handed to a unit, fixed by its handler and signed off; 三高包保 refuses a township leader a high-risk matter, a county leader takes one and sets a task; the city leader reads both at 360 px (issue 24)"
python3 "$root/scripts/browser/leader_duty.py" --binary "$root/.build/debug/lianxin" --screenshots "$root/screenshots"

step "browser: 医保基金监管: a focused check given to the hospital station, done on a 360 px phone (a refused form keeps what was typed), a liable third party raised as a lead and confirmed; the upload page refuses a bad settlements file with its report in words, then imports and screens a good one; a threshold refused beside its field (issue 22)"
python3 "$root/scripts/browser/medical_insurance.py" --binary "$root/.build/debug/lianxin" --screenshots "$root/screenshots"

step "browser: a real county (峡江县) set up from an empty database, then a resident's report routed, handled and closed (issue 17)"
python3 "$root/scripts/browser/setup_county.py" --binary "$root/.build/debug/lianxin" --screenshots "$root/screenshots"
