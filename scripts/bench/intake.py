#!/usr/bin/env python3
"""Intake benchmark (issue 3): POST /api/v1/work-orders end to end on the SQLite default.

Starts the release server with the demo city on a fresh data folder, issues a bearer token for the
demo operator, then
  1. measures sustained throughput with N concurrent keep-alive clients for D seconds, and
  2. measures p50/p99 latency at a fixed offered rate (default 500 orders/s, open-loop schedule),
and prints, from the same run, the raw rate of inserting the same rows (order + 2 events +
alerts, one transaction each) straight into an SQLite file with Python's sqlite3 (WAL, same
indexes as the server's schema), and the ratio.

Usage: scripts/bench/intake.py [--binary .build-release/release/lianxin] [--seconds 10] [--clients 16] [--rate 500]
Loopback only; every loop is bounded in count and time.
"""
import argparse, http.client, json, os, shutil, socket, sqlite3, statistics, subprocess, sys, tempfile, threading, time, uuid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close(); return port

BODY = json.dumps({"title": "路灯不亮", "description": "劳动路 12 号门前路灯连续三晚不亮", "categoryCode": "0601",
                   "divisionCode": "361102001001", "channel": "hotline", "requesterPhone": "13807930001"}).encode()

def post(conn, token):
    conn.request("POST", "/api/v1/work-orders", body=BODY,
                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    r = conn.getresponse(); r.read()
    if r.status != 201:
        raise RuntimeError(f"status {r.status}")

def wrk_throughput(port, token, clients, seconds):
    """Sustained rate measured by wrk (C, two threads): the Python client cannot offer 2,000/s itself."""
    if shutil.which("wrk") is None:
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False, stdout=subprocess.DEVNULL)
    if shutil.which("wrk") is None:
        return None
    out = subprocess.run(["wrk", "-t2", f"-c{clients}", f"-d{int(seconds)}s", "--latency", "-s", os.path.join(ROOT, "scripts/bench/intake.lua"),
                          f"http://127.0.0.1:{port}/api/v1/work-orders"], env=dict(os.environ, LIANXIN_BENCH_TOKEN=token),
                         capture_output=True, text=True, check=True).stdout
    rate = float(next(l.split()[1] for l in out.splitlines() if l.startswith("Requests/sec:")))
    bad = sum(int(l.split()[-1]) for l in out.splitlines() if "Non-2xx" in l)
    return rate, bad

def throughput(port, token, clients, seconds):
    deadline = time.monotonic() + seconds
    counts = [0] * clients
    errors = [0] * clients
    def worker(i):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.monotonic() < deadline:
            try:
                post(conn, token); counts[i] += 1
            except Exception:
                errors[i] += 1; conn.close(); conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    start = time.monotonic()
    for t in threads: t.start()
    for t in threads: t.join()
    return sum(counts) / (time.monotonic() - start), sum(errors)

def fixed_rate(port, token, rate, seconds, clients):
    total = int(rate * seconds)
    latencies = []
    lock = threading.Lock()
    start = time.monotonic() + 0.2
    def worker(i):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        for n in range(i, total, clients):
            scheduled = start + n / rate
            delay = scheduled - time.monotonic()
            if delay > 0: time.sleep(delay)
            post(conn, token)
            # Latency from the scheduled send time, so that queueing is not hidden (no coordinated omission).
            with lock: latencies.append(time.monotonic() - scheduled)
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    for t in threads: t.start()
    for t in threads: t.join()
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000
    return len(latencies) / (time.monotonic() - start), pick(0.5), pick(0.99)

def raw_sqlite(seconds):
    folder = tempfile.mkdtemp()
    db = sqlite3.connect(os.path.join(folder, "raw.sqlite"), isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.executescript("""
      CREATE TABLE work_orders (id TEXT PRIMARY KEY, number TEXT UNIQUE, tracking_code TEXT UNIQUE, channel TEXT, request_kind TEXT,
        category_code TEXT, tier TEXT, priority TEXT, status TEXT, handling_level TEXT, title TEXT, description TEXT, latitude REAL,
        longitude REAL, address TEXT, division_code TEXT, department_id TEXT, suggested_department_id TEXT, assignee_id TEXT,
        requester_name TEXT, requester_phone_cipher BLOB, requester_phone_index TEXT, anonymous INTEGER, parent_id TEXT,
        supervision_level INTEGER, sla_policy_code TEXT, next_due_at REAL, overdue INTEGER, state TEXT, clocks TEXT, version INTEGER,
        idempotency_key TEXT UNIQUE, created_by TEXT, created_at REAL, updated_at REAL);
      CREATE INDEX work_orders_status ON work_orders (status, created_at, id);
      CREATE INDEX work_orders_division ON work_orders (division_code, created_at, id);
      CREATE INDEX work_orders_department ON work_orders (department_id, status, created_at, id);
      CREATE INDEX work_orders_created ON work_orders (created_at, id);
      CREATE INDEX work_orders_phone ON work_orders (requester_phone_index);
      CREATE INDEX work_orders_parent ON work_orders (parent_id);
      CREATE TABLE work_order_events (id TEXT PRIMARY KEY, order_id TEXT, sequence INTEGER, kind TEXT, from_status TEXT, to_status TEXT,
        actor TEXT, actor_id TEXT, at REAL, note TEXT, event TEXT, UNIQUE(order_id, sequence));
      CREATE TABLE sla_alerts (id TEXT PRIMARY KEY, order_id TEXT, stage TEXT, kind TEXT, due_at REAL, fired_at REAL, fired_by TEXT);
      CREATE INDEX sla_alerts_pending ON sla_alerts (due_at) WHERE fired_at IS NULL;
      CREATE INDEX sla_alerts_order ON sla_alerts (order_id, stage);
      CREATE TABLE work_order_sequences (day TEXT PRIMARY KEY, last_value INTEGER);
    """)
    state = "x" * 900; event = "y" * 400; clocks = "z" * 300
    n = 0; deadline = time.monotonic() + seconds; start = time.monotonic()
    while time.monotonic() < deadline:
        oid = str(uuid.uuid4()); now = time.time()
        db.execute("BEGIN")
        seq = db.execute("INSERT INTO work_order_sequences VALUES ('20261125', 1) ON CONFLICT(day) DO UPDATE SET last_value = last_value + 1 RETURNING last_value").fetchone()[0]
        db.execute("INSERT INTO work_orders VALUES (?,?,?,'hotline','assistance','0601','simple','normal','received','community','路灯不亮','描述',NULL,NULL,NULL,'361102001001',NULL,?,NULL,NULL,?,?,0,NULL,0,'longnan-simple',?,0,?,?,1,NULL,?,?,?)",
                   (oid, f"20261125{seq:06d}", uuid.uuid4().hex[:10], str(uuid.uuid4()), os.urandom(40), uuid.uuid4().hex, now, state, clocks, str(uuid.uuid4()), now, now))
        for s in (1, 2):
            db.execute("INSERT INTO work_order_events VALUES (?,?,?,?,?,?,?,?,?,?,?)", (str(uuid.uuid4()), oid, s, "created", None, "received", "operator", None, now, None, event))
        for kind in ("warning", "breach"):
            db.execute("INSERT INTO sla_alerts VALUES (?,?,?,?,?,NULL,NULL)", (str(uuid.uuid4()), oid, "dispatch", kind, now + 3600))
        db.execute("COMMIT"); n += 1
    rate = n / (time.monotonic() - start)
    shutil.rmtree(folder)
    return rate

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build-release/release/lianxin"))
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--rate", type=float, default=500)
    args = ap.parse_args()
    data = tempfile.mkdtemp(prefix="lianxin-bench-")
    port = free_port()
    env = dict(os.environ, LIANXIN_DATA_DIR=data, LIANXIN_LOG_LEVEL="error", LIANXIN_SECRET_KEY="bench-secret-key-bench-secret-key-0123")
    subprocess.run([args.binary, "demo"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    token = subprocess.run([args.binary, "user", "token", "--username", "operator", "--name", "bench"], cwd=ROOT, env=env,
                           check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
    server = subprocess.Popen([args.binary, "serve", "--hostname", "127.0.0.1", "--port", str(port)], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/healthz"); break
            except OSError: time.sleep(0.1)
        measured = wrk_throughput(port, token, args.clients, args.seconds)
        tool = "wrk"
        if measured is None:
            measured, tool = throughput(port, token, args.clients, args.seconds), "python"
        sustained, errors = measured
        achieved, p50, p99 = fixed_rate(port, token, args.rate, args.seconds, max(8, args.clients))
    finally:
        server.terminate(); server.wait(timeout=30)
    raw = raw_sqlite(args.seconds)
    print(f"machine: {os.cpu_count()} cores, {os.uname().sysname} {os.uname().machine}")
    print(f"{'figure':44} {'value':>12} {'target':>12}")
    print(f"{'intake sustained (orders/s, %d conns, %s)' % (args.clients, tool):44} {sustained:12.0f} {'>= 2000':>12}   non-2xx={errors}")
    print(f"{'fixed rate achieved (orders/s)':44} {achieved:12.0f} {args.rate:12.0f}")
    print(f"{'p50 latency at fixed rate (ms)':44} {p50:12.2f}")
    print(f"{'p99 latency at fixed rate (ms)':44} {p99:12.2f} {'<= 25':>12}")
    print(f"{'anchor: raw SQLite insert (txn/s)':44} {raw:12.0f}")
    print(f"{'ratio intake / raw':44} {sustained / raw * 100:11.1f}% {'>= 30%':>12}")
    shutil.rmtree(data, ignore_errors=True)

if __name__ == "__main__":
    main()
