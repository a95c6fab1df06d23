#!/usr/bin/env python3
"""Authentication benchmark (issue 25): what an authenticated API call costs with and without the principal cache.

Seeds the demo city once, issues a bearer token for the demo dispatcher, then serves it twice from the release
binary: LIANXIN_AUTH_CACHE_SECONDS=0 (every request reads its token and account, the behaviour before #25) and the
default (10). Each time wrk (two threads, keep-alive) measures /healthz (no authentication: the anchor), /api/v1/me
and a list call (/api/v1/work-orders?limit=20). Prints requests/s and p99 per endpoint, each as a ratio to /healthz
of the same run, and the cached/uncached ratio.

Usage: scripts/bench/auth.py [--binary .build-release/release/lianxin] [--seconds 10] [--clients 32]
Loopback only. Run it on a quiet machine.
"""
import argparse, http.client, os, re, shutil, socket, subprocess, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PATHS = [("/healthz", False), ("/api/v1/me", True), ("/api/v1/work-orders?limit=20", True)]


def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close(); return port


def wrk(port, path, token, clients, seconds):
    command = ["wrk", "-t2", f"-c{clients}", f"-d{int(seconds)}s", "--latency"]
    if token:
        command += ["-H", f"Authorization: Bearer {token}"]
    out = subprocess.run(command + [f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    p99_ms = float(p99.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)] if p99 else float("nan")
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return rate, p99_ms, int(bad.group(1)) if bad else 0


def serve(binary, env, cache_seconds, token, clients, seconds):
    port = free_port()
    server = subprocess.Popen([binary, "serve", "--hostname", "127.0.0.1", "--port", str(port)], cwd=ROOT,
                              env=dict(env, LIANXIN_AUTH_CACHE_SECONDS=str(cache_seconds)),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=1); c.request("GET", "/readyz")
                if c.getresponse().status == 200: break
            except OSError: pass
            time.sleep(0.1)
        wrk(port, "/healthz", None, clients, 2)  # warm-up
        return {path: wrk(port, path, token if auth else None, clients, seconds) for path, auth in PATHS}
    finally:
        server.terminate(); server.wait(timeout=30)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build-release/release/lianxin"))
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--clients", type=int, default=32)
    args = ap.parse_args()
    if shutil.which("wrk") is None:
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False, stdout=subprocess.DEVNULL)
    data = tempfile.mkdtemp(prefix="lianxin-bench-auth-")
    env = dict(os.environ, LIANXIN_DATA_DIR=data, LIANXIN_LOG_LEVEL="error", LIANXIN_SECRET_KEY="bench-secret-key-bench-secret-key-0123",
               LIANXIN_SCHEDULER="false")
    try:
        subprocess.run([args.binary, "demo"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
        token = subprocess.run([args.binary, "user", "token", "--username", "dispatcher", "--name", "bench"], cwd=ROOT, env=env,
                               check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
        runs = {seconds: serve(args.binary, env, seconds, token, args.clients, args.seconds) for seconds in (0, 10)}
    finally:
        shutil.rmtree(data, ignore_errors=True)
    print(f"machine: {os.cpu_count()} cores; wrk -t2 -c{args.clients} -d{int(args.seconds)}s, loopback, SQLite default")
    print(f"{'endpoint':34} {'cache':>6} {'req/s':>9} {'p99 ms':>8} {'/healthz':>9} {'non-2xx':>8}")
    for cache, results in runs.items():
        anchor = results["/healthz"][0]
        for path, (rate, p99, bad) in results.items():
            print(f"{path:34} {('off' if cache == 0 else f'{cache} s'):>6} {rate:9.0f} {p99:8.2f} {rate / anchor * 100:8.1f}% {bad:8d}")
    for path, auth in PATHS:
        if auth:
            print(f"cached / uncached {path}: {runs[10][path][0] / runs[0][path][0]:.2f}x")


if __name__ == "__main__":
    main()
