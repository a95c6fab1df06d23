#!/usr/bin/env python3
"""Fault-tolerance checks (issue 9), each under intake load, each proving no acknowledged order is lost:

  shutdown  SIGTERM during load: in-flight requests finish, the process exits 0, every 201 is stored.
  diskfull  SQLite on a small tmpfs filled to the brim: intake answers 507/503 problem JSON (never
            500), recovers once space is freed, `PRAGMA integrity_check` is ok. Needs root (mount).
  postgres  PostgreSQL killed (immediate stop) and restarted under load: /readyz reports not ready,
            then ready again by itself; failed requests are 503; every 201 is stored.
  (kill -9 of the server is scripts/kill9_intake.py.)

Usage: scripts/faults.py [--binary .build-release/release/lianxin] [shutdown] [diskfull] [postgres]
Exits non-zero if a check fails. Loopback only; every wait is bounded.
"""
import argparse, glob, http.client, json, os, shutil, signal, socket, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BODY = json.dumps({"title": "井盖缺失", "description": "书院路井盖缺失，有安全隐患", "categoryCode": "0602",
                   "divisionCode": "361102001013", "channel": "hotline"}).encode()
SECRET = "faults-secret-key-faults-secret-key-0123"

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close(); return port

def get(port, path, token=None, timeout=3):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    c.request("GET", path, headers={"Authorization": "Bearer " + token} if token else {})
    r = c.getresponse(); body = r.read(); c.close()
    return r.status, body

def wait_ready(port, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if get(port, "/readyz", timeout=1)[0] == 200: return True
        except OSError: pass
        time.sleep(0.1)
    return False

class Load:
    """N keep-alive clients filing orders until stopped; records every outcome."""
    def __init__(self, port, token, clients=8):
        self.port, self.token, self.clients = port, token, clients
        self.stop = threading.Event(); self.lock = threading.Lock()
        self.acknowledged, self.statuses, self.transport_errors = [], {}, 0
        self.threads = [threading.Thread(target=self.run, daemon=True) for _ in range(clients)]
    def run(self):
        conn = None
        while not self.stop.is_set():
            try:
                if conn is None: conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
                conn.request("POST", "/api/v1/work-orders", body=BODY,
                             headers={"Authorization": "Bearer " + self.token, "Content-Type": "application/json"})
                r = conn.getresponse(); body = r.read()
                with self.lock:
                    self.statuses[r.status] = self.statuses.get(r.status, 0) + 1
                    if r.status == 201: self.acknowledged.append(json.loads(body)["id"])
                if r.status >= 500: time.sleep(0.05)
            except (OSError, http.client.HTTPException):
                with self.lock: self.transport_errors += 1
                conn = None; time.sleep(0.05)
    def __enter__(self):
        for t in self.threads: t.start()
        return self
    def __exit__(self, *a):
        self.stop.set()
        for t in self.threads: t.join(timeout=15)

def setup(binary, env):
    subprocess.run([binary, "demo"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return subprocess.run([binary, "user", "token", "--username", "operator", "--name", "faults"], cwd=ROOT, env=env,
                          check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]

LOGS = []

def serve(binary, env, port):
    log = os.path.join(tempfile.gettempdir(), f"lianxin-faults-{port}-{len(LOGS)}.log")
    LOGS.append(log)
    out = open(log, "w")
    return subprocess.Popen([binary, "serve", "--hostname", "127.0.0.1", "--port", str(port)], cwd=ROOT, env=env,
                            stdout=out, stderr=out)

def missing(port, token, ids):
    return [i for i in ids if get(port, f"/api/v1/work-orders/{i}", token)[0] != 200]

def check_shutdown(binary):
    data = tempfile.mkdtemp(prefix="lianxin-faults-")
    env = dict(os.environ, LIANXIN_DATA_DIR=data, LIANXIN_LOG_LEVEL="error", LIANXIN_SECRET_KEY=SECRET)
    token = setup(binary, env); port = free_port()
    server = serve(binary, env, port); assert wait_ready(port)
    with Load(port, token, clients=16) as load:
        time.sleep(2)
        signalled = time.time(); server.send_signal(signal.SIGTERM)
        code = server.wait(timeout=30); stopped = time.time()
        time.sleep(0.3)
    server = serve(binary, env, port); assert wait_ready(port)
    lost = missing(port, token, load.acknowledged)
    server.terminate(); server.wait(timeout=30); shutil.rmtree(data, ignore_errors=True)
    bad = {s: n for s, n in load.statuses.items() if s not in (201, 503)}
    ok = code == 0 and not lost and not bad
    print(f"shutdown: exit code {code} after {stopped - signalled:.2f} s, {len(load.acknowledged)} acknowledged, {len(lost)} missing after restart, "
          f"answers {load.statuses} (503 = turned away while stopping), connection errors {load.transport_errors} -> {'ok' if ok else 'FAILED'}")
    return ok

def check_diskfull(binary):
    if os.geteuid() != 0:
        print("diskfull: skipped (needs root to mount a tmpfs)"); return True
    mount = tempfile.mkdtemp(prefix="lianxin-full-")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mount], capture_output=True).returncode != 0:
        print("diskfull: skipped (mounting a tmpfs is not permitted here)"); return True
    try:
        env = dict(os.environ, LIANXIN_DATA_DIR=mount, LIANXIN_LOG_LEVEL="error", LIANXIN_SECRET_KEY=SECRET)
        token = setup(binary, env); port = free_port()
        server = serve(binary, env, port); assert wait_ready(port)
        acknowledged = []
        for _ in range(20):
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            c.request("POST", "/api/v1/work-orders", body=BODY, headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
            r = c.getresponse(); body = r.read(); c.close()
            if r.status == 201: acknowledged.append(json.loads(body)["id"])
        filler = os.path.join(mount, "filler")
        with open(filler, "wb") as f:
            try:
                while True: f.write(b"\0" * 65536); f.flush()
            except OSError: pass
        statuses = {}
        for _ in range(300):
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            c.request("POST", "/api/v1/work-orders", body=BODY, headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
            r = c.getresponse(); body = r.read(); c.close()
            statuses[r.status] = statuses.get(r.status, 0) + 1
            if r.status == 201: acknowledged.append(json.loads(body)["id"])
            elif b"problem" not in (r.getheader("Content-Type") or "").encode(): statuses["not problem JSON"] = statuses.get("not problem JSON", 0) + 1
        os.remove(filler)
        after = []
        for _ in range(5):
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            c.request("POST", "/api/v1/work-orders", body=BODY, headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
            r = c.getresponse(); body = r.read(); c.close()
            after.append(r.status)
            if r.status == 201: acknowledged.append(json.loads(body)["id"])
        lost = missing(port, token, acknowledged)
        server.terminate(); server.wait(timeout=30)
        check = subprocess.run(["python3", "-c", "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])",
                                os.path.join(mount, "lianxin.sqlite")], capture_output=True, text=True).stdout.strip()
        refused = {s: n for s, n in statuses.items() if s != 201}
        ok = 500 not in statuses and "not problem JSON" not in statuses and refused and all(s == 201 for s in after) and not lost and check == "ok"
        print(f"diskfull: while full {statuses}; after freeing space {after}; integrity_check {check}; "
              f"{len(acknowledged)} acknowledged, {len(lost)} missing -> {'ok' if ok else 'FAILED'}")
        return bool(ok)
    finally:
        subprocess.run(["umount", mount]); shutil.rmtree(mount, ignore_errors=True)

def find_pg():
    for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if os.access(os.path.join(d, "initdb"), os.X_OK): return d
    return None

def check_postgres(binary):
    pg = find_pg()
    if pg is None or os.geteuid() != 0:
        print("postgres: skipped (needs the postgresql package and root to run it as the postgres user)"); return True
    work = tempfile.mkdtemp(prefix="lianxin-pgfault-"); os.chmod(work, 0o755)
    data = os.path.join(work, "pg"); os.mkdir(data); shutil.chown(data, "postgres")
    pgport = free_port()
    as_pg = lambda *a: subprocess.run(["runuser", "-u", "postgres", "--", *a], check=True, capture_output=True)
    ctl = lambda *a: as_pg(os.path.join(pg, "pg_ctl"), "-D", data, *a)
    as_pg(os.path.join(pg, "initdb"), "-D", data, "-U", "lianxin", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
    opts = f"-c listen_addresses=127.0.0.1 -c port={pgport} -c unix_socket_directories={data}"
    ctl("-l", os.path.join(data, "log"), "-w", "-o", opts, "start")
    server = None
    try:
        as_pg(os.path.join(pg, "createdb"), "-h", "127.0.0.1", "-p", str(pgport), "-U", "lianxin", "lianxin")
        env = dict(os.environ, LIANXIN_DATABASE_URL=f"postgres://lianxin@127.0.0.1:{pgport}/lianxin", LIANXIN_LOG_LEVEL="warning",
                   LIANXIN_SECRET_KEY=SECRET, LIANXIN_DATA_DIR=work)
        subprocess.run([binary, "migrate"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
        token = setup(binary, env); port = free_port()
        server = serve(binary, env, port); assert wait_ready(port)
        ready = []
        stop = threading.Event()
        def poll():
            while not stop.is_set():
                try: ready.append((time.time(), get(port, "/readyz", timeout=1)[0]))
                except OSError: ready.append((time.time(), 0))
                time.sleep(0.1)
        poller = threading.Thread(target=poll, daemon=True); poller.start()
        with Load(port, token) as load:
            time.sleep(2)
            down_at = time.time(); ctl("-m", "immediate", "stop")
            time.sleep(3)
            ctl("-l", os.path.join(data, "log"), "-w", "-o", opts, "start"); up_at = time.time()
            recovered = None
            deadline = time.time() + 60
            while time.time() < deadline and recovered is None:
                if any(t > up_at and s == 200 for t, s in ready): recovered = min(t for t, s in ready if t > up_at and s == 200) - up_at
                time.sleep(0.2)
            time.sleep(2)
        stop.set(); poller.join(timeout=5)
        lost = missing(port, token, load.acknowledged)
        not_ready = any(down_at < t < up_at and s == 503 for t, s in ready)
        bad = {s: n for s, n in load.statuses.items() if s not in (201, 503)}
        ok = not_ready and recovered is not None and not lost and not bad
        print(f"postgres: readyz 503 during the outage: {not_ready}; ready again {recovered if recovered is None else round(recovered, 2)} s after restart; "
              f"answers {load.statuses}; {len(load.acknowledged)} acknowledged, {len(lost)} missing -> {'ok' if ok else 'FAILED'}")
        return ok
    finally:
        if server: server.terminate(); server.wait(timeout=30)
        subprocess.run(["runuser", "-u", "postgres", "--", os.path.join(pg, "pg_ctl"), "-D", data, "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(work, ignore_errors=True)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build-release/release/lianxin"))
    ap.add_argument("checks", nargs="*", default=["shutdown", "diskfull", "postgres"])
    args = ap.parse_args()
    results = [{"shutdown": check_shutdown, "diskfull": check_diskfull, "postgres": check_postgres}[c](args.binary) for c in args.checks]
    if all(results):
        for log in LOGS:
            if os.path.exists(log): os.remove(log)
    else:
        print("server logs:", " ".join(LOGS))
    sys.exit(0 if all(results) else 1)

if __name__ == "__main__":
    main()
