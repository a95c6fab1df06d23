#!/usr/bin/env python3
"""Durability check (issue 3): kill -9 the server during an intake load, restart it, and prove that
every order the server acknowledged (201 with an id) is still there.

Usage: scripts/kill9_intake.py [--binary .build-release/release/lianxin] [--clients 8] [--before-kill 3]
Exits non-zero if any acknowledged order is missing. Loopback only; bounded in time.
"""
import argparse, http.client, json, os, signal, socket, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BODY = json.dumps({"title": "井盖缺失", "description": "书院路井盖缺失，有安全隐患", "categoryCode": "0602",
                   "divisionCode": "361102001013", "channel": "hotline"}).encode()

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close(); return port

def start(binary, env, port):
    process = subprocess.Popen([binary, "serve", "--hostname", "127.0.0.1", "--port", str(port)], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=1); c.request("GET", "/readyz")
            if c.getresponse().status == 200: return process
        except OSError: pass
        time.sleep(0.1)
    raise SystemExit("server did not become ready")

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build-release/release/lianxin"))
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--before-kill", type=float, default=3.0)
    args = ap.parse_args()
    data = tempfile.mkdtemp(prefix="lianxin-kill9-")
    env = dict(os.environ, LIANXIN_DATA_DIR=data, LIANXIN_LOG_LEVEL="error", LIANXIN_SECRET_KEY="kill9-secret-key-kill9-secret-key-012345")
    subprocess.run([args.binary, "demo"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    token = subprocess.run([args.binary, "user", "token", "--username", "operator", "--name", "kill9"], cwd=ROOT, env=env,
                           check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
    headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    port = free_port()
    server = start(args.binary, env, port)
    acknowledged, lock, stop = [], threading.Lock(), time.monotonic() + args.before_kill + 5
    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        while time.monotonic() < stop:
            try:
                conn.request("POST", "/api/v1/work-orders", body=BODY, headers=headers)
                r = conn.getresponse(); body = r.read()
                if r.status == 201:
                    with lock: acknowledged.append(json.loads(body)["id"])
            except (OSError, http.client.HTTPException):
                return   # the server died under us: whatever was not acknowledged may be lost
    threads = [threading.Thread(target=worker) for _ in range(args.clients)]
    for t in threads: t.start()
    time.sleep(args.before_kill)
    os.kill(server.pid, signal.SIGKILL)
    server.wait()
    for t in threads: t.join()
    print(f"killed the server with SIGKILL after {len(acknowledged)} acknowledged orders")
    server = start(args.binary, env, port)
    missing = 0
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        for order_id in acknowledged:
            conn.request("GET", f"/api/v1/work-orders/{order_id}", headers=headers)
            r = conn.getresponse(); r.read()
            if r.status != 200: missing += 1
    finally:
        server.terminate(); server.wait(timeout=30)
    print(f"kill9: {len(acknowledged) - missing} passed, {missing} failed")
    sys.exit(1 if missing or not acknowledged else 0)

if __name__ == "__main__":
    main()
