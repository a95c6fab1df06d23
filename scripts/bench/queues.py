#!/usr/bin/env python3
"""Large-database benchmark (issue 3): the dispatcher's queue and the filtered order lists with
1,000,000 orders in the SQLite database, and the SLA sweep's cost and query plan.

1. `lianxin demo` on a fresh data folder; the release server files ~40 template orders through the
   API (every demo category family, several communities) and moves some along (dispatch, sign).
2. The templates are cloned with Python's sqlite3 into N orders (default 1,000,000): new ids,
   numbers, tracking codes, creation times spread over two years, statuses drawn like a county's
   history (about 2 % still open, 0.3 % overdue, 0.2 % supervised), divisions across the county's
   communities; open orders get pending SLA alerts (a few hundred due now, the rest in the future).
3. The server is restarted on that file and each list is fetched R times (default 30) as the demo
   dispatcher (county scope) and as a community grid member; p50/p99/max in milliseconds.
4. The sweep query's plan (EXPLAIN QUERY PLAN) is printed, and one sweep is timed through
   `lianxin sla-sweep --dry-run`-equivalent SQL: rows read are O(due alerts), not O(open orders).

Usage: scripts/bench/queues.py [--binary .build-release/release/lianxin] [--orders 1000000] [--repeat 30]
Loopback only; the data folder is removed afterwards unless --keep.
"""
import argparse, http.client, json, os, random, shutil, socket, sqlite3, statistics, subprocess, sys, tempfile, time, uuid
from datetime import datetime, timedelta, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CST = timezone(timedelta(hours=8))

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close(); return port

def request(port, method, path, token, body=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": "Bearer " + token}
    if body is not None:
        headers["Content-Type"] = "application/json"
    c.request(method, path, body=json.dumps(body).encode() if body is not None else None, headers=headers)
    r = c.getresponse(); data = r.read(); c.close()
    return r.status, data

def start(binary, env, port):
    server = subprocess.Popen([binary, "serve", "--hostname", "127.0.0.1", "--port", str(port)], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(600):
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=1); c.request("GET", "/readyz")
            if c.getresponse().status == 200: return server
        except OSError: pass
        time.sleep(0.1)
    server.kill(); raise SystemExit("server did not become ready")

def token(binary, env, user):
    out = subprocess.run([binary, "user", "token", "--username", user, "--name", "bench"], cwd=ROOT, env=env,
                         check=True, capture_output=True, text=True).stdout
    return out.strip().splitlines()[-1]

def templates(port, tokens, db_path):
    """Files template orders through the API and moves some of them along."""
    con = sqlite3.connect(db_path)
    communities = [r[0] for r in con.execute("SELECT code FROM divisions WHERE code LIKE '361102%' AND length(code) = 12 ORDER BY code LIMIT 12")]
    categories = [r[0] for r in con.execute("SELECT code FROM categories WHERE parent_code IS NOT NULL ORDER BY code")][:20]
    departments = [r[0] for r in con.execute("SELECT id FROM departments WHERE code = 'XZ-CG'")]
    con.close()
    ids = []
    for i in range(40):
        status, data = request(port, "POST", "/api/v1/work-orders", tokens["operator"], {
            "title": f"模板工单 {i}", "description": "路灯不亮，夜间行人不便，请尽快处理。", "categoryCode": categories[i % len(categories)],
            "divisionCode": communities[i % len(communities)], "channel": "hotline", "requesterPhone": "1380793%04d" % i})
        assert status == 201, data
        ids.append(json.loads(data)["id"])
    for oid in ids[:20]:
        request(port, "POST", f"/api/v1/work-orders/{oid}/transitions", tokens["dispatcher"], {"action": "dispatch", "departmentId": departments[0]})
    for oid in ids[:10]:
        request(port, "POST", f"/api/v1/work-orders/{oid}/transitions", tokens["handler"], {"action": "sign"})
    return communities, departments[0]

def clone(db_path, total, communities, department, seed=7):
    rnd = random.Random(seed)
    con = sqlite3.connect(db_path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL"); con.execute("PRAGMA synchronous=OFF")
    cols = [r[1] for r in con.execute("PRAGMA table_info(work_orders)")]
    rows = con.execute(f"SELECT {', '.join(cols)} FROM work_orders").fetchall()
    idx = {c: i for i, c in enumerate(cols)}
    now = datetime.now(timezone.utc)
    start = now - timedelta(days=730)
    # Closed history, a thin open tail: statuses by age.
    closed_like = ["closed"] * 90 + ["evaluated"] * 3 + ["cancelled"] * 2
    open_like = ["received", "dispatched", "signed", "inProgress", "returned"]
    placeholders = ", ".join("?" * len(cols))
    alert_rows = []
    per_day = {}
    con.execute("BEGIN")
    batch = []
    for n in range(total):
        t = rows[n % len(rows)]
        row = list(t)
        age = rnd.random() ** 0.5  # more orders recently
        created = start + timedelta(seconds=age * 730 * 86400)
        day = created.astimezone(CST).strftime("%Y%m%d")
        per_day[day] = per_day.get(day, 0) + 1
        oid = str(uuid.uuid4()).upper()
        open_order = created > now - timedelta(days=20) and rnd.random() < 0.6 or rnd.random() < 0.005
        status = rnd.choice(open_like) if open_order else rnd.choice(closed_like)
        row[idx["id"]] = oid
        row[idx["number"]] = "%s%06d" % (day, 500000 + per_day[day])
        row[idx["tracking_code"]] = uuid.uuid4().hex[:12].upper()
        row[idx["status"]] = status
        row[idx["division_code"]] = rnd.choice(communities)
        row[idx["department_id"]] = department if status not in ("received", "returned") else None
        row[idx["overdue"]] = 1 if open_order and rnd.random() < 0.1 else 0
        row[idx["supervision_level"]] = 1 if rnd.random() < 0.002 else 0
        row[idx["idempotency_key"]] = None
        row[idx["created_at"]] = created.timestamp()
        row[idx["updated_at"]] = created.timestamp()
        row[idx["next_due_at"]] = (now + timedelta(hours=rnd.uniform(-2, 200))).timestamp() if open_order else None
        batch.append(row)
        if open_order:
            for kind, offset in (("warning", 0), ("breach", 3600)):
                due = now + timedelta(hours=rnd.uniform(1, 300)) + timedelta(seconds=offset)
                alert_rows.append((str(uuid.uuid4()).upper(), oid, "complete", kind, due.timestamp(), None, None))
        if len(batch) == 20000:
            con.executemany(f"INSERT INTO work_orders ({', '.join(cols)}) VALUES ({placeholders})", batch); batch = []
    if batch:
        con.executemany(f"INSERT INTO work_orders ({', '.join(cols)}) VALUES ({placeholders})", batch)
    # A few hundred alerts due right now, the rest in the future; plus a long fired history.
    for i in range(min(300, len(alert_rows))):
        a = list(alert_rows[i]); a[4] = (now - timedelta(minutes=rnd.uniform(1, 30))).timestamp(); alert_rows[i] = tuple(a)
    con.executemany("INSERT INTO sla_alerts (id, order_id, stage, kind, due_at, fired_at, fired_by) VALUES (?,?,?,?,?,?,?)", alert_rows)
    fired = [(str(uuid.uuid4()).upper(), str(uuid.uuid4()).upper(), "complete", "breach", (start + timedelta(days=rnd.uniform(0, 700))).timestamp(),
              time.time(), "bench") for _ in range(total // 2)]
    con.executemany("INSERT INTO sla_alerts (id, order_id, stage, kind, due_at, fired_at, fired_by) VALUES (?,?,?,?,?,?,?)", fired)
    con.execute("COMMIT")
    open_count = con.execute("SELECT COUNT(*) FROM work_orders WHERE status NOT IN ('closed','evaluated','cancelled')").fetchone()[0]
    pending = con.execute("SELECT COUNT(*) FROM sla_alerts WHERE fired_at IS NULL").fetchone()[0]
    con.close()
    return open_count, pending, len(fired)

def timed(port, tok, path, repeat):
    for _ in range(3):  # warm-up: the server's caches and SQLite's page cache, as in steady use
        request(port, "GET", path, tok)
    times = []
    for _ in range(repeat):
        t = time.perf_counter(); status, data = request(port, "GET", path, tok); times.append((time.perf_counter() - t) * 1000)
        assert status == 200, (path, status, data[:300])
    items = len(json.loads(data)["items"])
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(0.99 * len(times)))], times[-1], items

def timed_page(port, tok, path, repeat):
    """A workbench page as a signed-in browser gets it (HTML); loopback round trip, an upper bound of server time."""
    def get():
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        c.request("GET", path, headers={"Authorization": "Bearer " + tok, "Accept": "text/html"} if tok else {"Accept": "text/html"})
        r = c.getresponse(); data = r.read(); c.close()
        return r.status, data
    for _ in range(3):
        get()
    times = []
    for _ in range(repeat):
        t = time.perf_counter(); status, data = get(); times.append((time.perf_counter() - t) * 1000)
        assert status == 200, (path, status, data[:300])
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(0.99 * len(times)))], times[-1], len(data)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build-release/release/lianxin"))
    ap.add_argument("--orders", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    data = tempfile.mkdtemp(prefix="lianxin-queues-")
    db_path = os.path.join(data, "lianxin.sqlite")
    env = dict(os.environ, LIANXIN_DATA_DIR=data, LIANXIN_LOG_LEVEL="error", LIANXIN_SCHEDULER="false",
               LIANXIN_SECRET_KEY="bench-secret-key-bench-secret-key-0123")
    try:
        subprocess.run([args.binary, "demo"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
        tokens = {u: token(args.binary, env, u) for u in ("operator", "dispatcher", "handler", "gridmember")}
        port = free_port()
        server = start(args.binary, env, port)
        try:
            communities, department = templates(port, tokens, db_path)
        finally:
            server.terminate(); server.wait(timeout=30)
        t = time.time()
        open_count, pending, fired = clone(db_path, args.orders, communities, department)
        print(f"loaded {args.orders:,} orders ({open_count:,} open, {pending:,} pending alerts, {fired:,} fired alerts) in {time.time() - t:.0f} s")
        server = start(args.binary, env, port)
        try:
            day = (datetime.now(CST) - timedelta(days=30)).strftime("%Y-%m-%dT00:00:00+08:00")
            cases = [
                ("dispatcher", "dispatch queue: received+returned", "/api/v1/work-orders?status=received,returned&limit=50"),
                ("dispatcher", "all orders, newest first", "/api/v1/work-orders?limit=50"),
                ("dispatcher", "status=inProgress", "/api/v1/work-orders?status=inProgress&limit=50"),
                ("dispatcher", "overdue=true", "/api/v1/work-orders?overdue=true&limit=50"),
                ("dispatcher", "supervised=true", "/api/v1/work-orders?supervised=true&limit=50"),
                ("dispatcher", "category=06 (family)", "/api/v1/work-orders?category=06&limit=50"),
                ("dispatcher", f"division={communities[3]}", f"/api/v1/work-orders?division={communities[3]}&limit=50"),
                ("dispatcher", f"department + status=dispatched", f"/api/v1/work-orders?department={department}&status=dispatched&limit=50"),
                ("dispatcher", "created in the last 30 days", f"/api/v1/work-orders?createdFrom={day.replace('+', '%2B')}&limit=50"),
                ("handler", "handler's orders (department scope)", "/api/v1/work-orders?status=dispatched,signed,inProgress&limit=50"),
                ("gridmember", "grid member (community scope)", "/api/v1/work-orders?limit=50"),
            ]
            print(f"\n{'list (1M orders, 50 per page)':50} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'items':>6}  target p99 <= 50 ms")
            worst = 0
            for user, label, path in cases:
                p50, p99, mx, items = timed(port, tokens[user], path, args.repeat)
                worst = max(worst, p99)
                print(f"{label:50} {p50:8.1f} {p99:8.1f} {mx:8.1f} {items:6}")
            print(f"{'worst p99':50} {worst:8.1f}")
            # The workbench pages (issue 5): rendered HTML with the same 1M orders.
            status, body = request(port, "GET", "/api/v1/work-orders?status=received&limit=1", tokens["dispatcher"])
            some = json.loads(body)["items"][0]["id"]
            pages = [
                ("operator", "受理台 /desk", "/desk"),
                ("dispatcher", "派单队列 /queue", "/queue"),
                ("dispatcher", "派单队列 rows (live refresh)", "/queue?fragment=rows"),
                ("dispatcher", "工单 /orders", "/orders"),
                ("dispatcher", "order page /orders/{id}", f"/orders/{some}"),
                ("dispatcher", "督办 /supervision", "/supervision"),
                ("handler", "我的工单 /my-orders", "/my-orders"),
                ("dispatcher", "网格地图 /grid-map", "/grid-map"),
                (None, "随手拍 /p/report", "/p/report"),
            ]
            print(f"\n{'page (1M orders, HTML)':50} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'bytes':>7}  target <= 100 ms")
            worst_page = 0
            for user, label, path in pages:
                p50, p99, mx, size = timed_page(port, tokens[user] if user else None, path, args.repeat)
                worst_page = max(worst_page, p99)
                print(f"{label:50} {p50:8.1f} {p99:8.1f} {mx:8.1f} {size:7}")
            print(f"{'worst page p99':50} {worst_page:8.1f}")
        finally:
            server.terminate(); server.wait(timeout=30)
        con = sqlite3.connect(db_path)
        now = time.time()
        sweep = "SELECT id FROM sla_alerts WHERE fired_at IS NULL AND due_at <= ? ORDER BY due_at LIMIT 200"
        print("\nsweep query:", sweep)
        for row in con.execute("EXPLAIN QUERY PLAN " + sweep, (now,)):
            print("  plan:", row[-1])
        t = time.perf_counter(); due = con.execute(sweep, (now,)).fetchall(); ms = (time.perf_counter() - t) * 1000
        print(f"  {len(due)} due alerts found in {ms:.2f} ms among {pending:,} pending and {fired:,} fired alerts, {open_count:,} open orders")
        con.close()
    finally:
        if not args.keep:
            shutil.rmtree(data, ignore_errors=True)
        else:
            print("kept", data)

if __name__ == "__main__":
    main()
