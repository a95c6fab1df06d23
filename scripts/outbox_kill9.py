#!/usr/bin/env python3
"""Outbox durability check (issue 20): queue a burst of 1,000 SMS notifications, let the server deliver
them to a local stub SMS gateway, kill -9 the server mid-delivery, restart it, and prove that none was
lost and none was sent twice.

The stub plays a province's SMS gateway: it checks each request's HMAC signature and counts messages by
their id (X-Lianxin-Message-Id). "Sent twice" means a second message reached a handset; a request the
server repeats because it was killed between the gateway's answer and recording it carries the same id,
which the gateway (like any idempotent gateway) absorbs — the script reports how many and allows at most
one (the message in flight at the kill).

Usage: scripts/outbox_kill9.py [--binary .build/debug/lianxin] [--count 1000] [--kill-after 300]
Loopback only; under a minute (the killed instance's lease is 30 s).
"""
import argparse, hashlib, hmac, http.client, http.server, json, os, signal, socket, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECRET = "outbox-kill9-gateway-secret"

class Gateway(http.server.ThreadingHTTPServer):
    daemon_threads = True
    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.lock = threading.Lock()
        self.received = {}      # message id -> requests received
        self.bad = 0            # requests with a wrong signature or body

class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args): pass
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        ts, sig, mid = self.headers.get("X-Lianxin-Timestamp", ""), self.headers.get("X-Lianxin-Signature", ""), self.headers.get("X-Lianxin-Message-Id", "")
        good = sig == "sha256=" + hmac.new(SECRET.encode(), ts.encode() + b"." + body, hashlib.sha256).hexdigest()
        try: good = good and json.loads(body)["id"] == mid and len(json.loads(body)["phone"]) == 11
        except (ValueError, KeyError): good = False
        time.sleep(0.002)   # a real gateway takes a little while: the kill lands mid-delivery
        with self.server.lock:
            if good: self.server.received[mid] = self.server.received.get(mid, 0) + 1
            else: self.server.bad += 1
        answer = json.dumps({"reference": mid}).encode()
        self.send_response(200 if good else 401)
        self.send_header("Content-Type", "application/json"); self.send_header("Content-Length", str(len(answer))); self.end_headers()
        self.wfile.write(answer)

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close(); return port

def start(binary, env, port):
    process = subprocess.Popen([binary, "serve", "--hostname", "127.0.0.1", "--port", str(port)], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=1); c.request("GET", "/readyz")
            if c.getresponse().status == 200: return process
        except OSError: pass
        time.sleep(0.1)
    raise SystemExit("server did not become ready")

def distinct(gateway):
    with gateway.lock: return len(gateway.received)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/lianxin"))
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--kill-after", type=int, default=300, help="kill once the gateway has this many messages")
    args = ap.parse_args()
    gateway = Gateway()
    threading.Thread(target=gateway.serve_forever, daemon=True).start()
    data = tempfile.mkdtemp(prefix="lianxin-outbox-kill9-")
    env = dict(os.environ, LIANXIN_DATA_DIR=data, LIANXIN_LOG_LEVEL="error", LIANXIN_SECRET_KEY="outbox-kill9-secret-key-0123456789abcdef",
               LIANXIN_SMS_PROVIDER="gateway", LIANXIN_SMS_GATEWAY_URL=f"http://127.0.0.1:{gateway.server_address[1]}/sms",
               LIANXIN_SMS_GATEWAY_SECRET=SECRET, LIANXIN_NOTIFY_QUIET_HOURS="0-0", LIANXIN_NOTIFY_PER_HOUR="0",
               LIANXIN_NOTIFY_LEASE_SECONDS="30")
    subprocess.run([args.binary, "notifications", "test", "--phone", "13000000000", "--count", str(args.count)], cwd=ROOT, env=env,
                   check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    started = time.monotonic()
    server = start(args.binary, env, port)
    deadline = time.monotonic() + 30
    while distinct(gateway) < args.kill_after and time.monotonic() < deadline: time.sleep(0.01)
    os.kill(server.pid, signal.SIGKILL); server.wait()
    at_kill = distinct(gateway)
    print(f"killed the server with SIGKILL after {at_kill} of {args.count} messages reached the gateway")
    if at_kill >= args.count: raise SystemExit("the burst finished before the kill; raise --count")
    server = start(args.binary, env, port)
    # The message in flight at the kill may have reached the gateway unrecorded: it waits out the killed
    # instance's lease (LIANXIN_NOTIFY_LEASE_SECONDS) and goes again with the same id.
    deadline = time.monotonic() + 75
    status = ""
    try:
        while time.monotonic() < deadline:
            status = subprocess.run([args.binary, "notifications", "status"], cwd=ROOT, env=env, check=True, capture_output=True,
                                    text=True).stdout.strip()
            if distinct(gateway) >= args.count and "pending=0" in status: break
            time.sleep(1)
    finally:
        server.terminate(); server.wait(timeout=30)
    with gateway.lock:
        received, repeated, bad = len(gateway.received), sum(n - 1 for n in gateway.received.values()), gateway.bad
    lost = args.count - received
    print(f"outbox kill9: {received} distinct messages at the gateway, {lost} lost, {bad} badly signed, "
          f"{repeated} repeated request(s) absorbed by the message id; outbox {status}; {time.monotonic() - started:.1f} s")
    ok = lost == 0 and bad == 0 and repeated <= 1 and f"sent={args.count}" in status and "pending=0" in status
    print("outbox kill9: " + ("passed" if ok else "FAILED"))
    sys.exit(0 if ok else 1)

if __name__ == "__main__":
    main()
