#!/usr/bin/env python3
"""Issue 17's backup acceptance: a backup taken under intake load restores every acknowledged order.

Starts a demo server from the built binary on a fresh data folder, runs intake load (several
clients filing orders through the API, each recording every order number the server acknowledged
with 201), takes `lianxin backup --out FILE` in the middle of the load, stops the load and the
server, restores the file with `lianxin restore` into a fresh data folder (a new database), then
checks, with its own reading of the backup file and the restored database (Python's sqlite3, or
psql on PostgreSQL):

  - every order acknowledged before the backup started is in the restored database;
  - the rows of every table equal the manifest's counts;
  - the engine's integrity check is ok (PRAGMA integrity_check / no invalid index or constraint);
  - the restore printed "verdict: ok" and `restore` into the now non-empty database is refused.

    python3 scripts/backup_check.py --binary .build/debug/lianxin [--postgres postgres://user@127.0.0.1:PORT/db]

With --postgres (a server on loopback on which the user may create databases) the same is done on
two new databases there instead of SQLite files. Standard library only. Exit status 0 when every
check holds.
"""

import argparse
import json
import os
import shutil
import socket
import sqlite3
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

CLIENTS = 4
LOAD_BEFORE_BACKUP = 3.0
LOAD_AFTER_BACKUP = 2.0


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(binary, env, *args, timeout=300):
    return subprocess.run([binary, *args], env=env, capture_output=True, text=True, timeout=timeout)


def read_manifest(path):
    """Our own reading of the container: magic, then F|len|name|size|bytes entries, E at the end."""
    with open(path, "rb") as f:
        if f.read(8) != b"LXBKUP01":
            raise ValueError("not a Lianxin backup")
        names = []
        while True:
            kind = f.read(1)
            if kind == b"E":
                break
            if kind != b"F":
                raise ValueError("damaged backup")
            (length,) = struct.unpack(">I", f.read(4))
            name = f.read(length).decode()
            (size,) = struct.unpack(">Q", f.read(8))
            names.append(name)
            if name == "manifest.json":
                return json.loads(f.read(size)), names
            f.seek(size, os.SEEK_CUR)
    raise ValueError("no manifest")


class Load:
    """Clients filing orders; each acknowledged order is kept with the time its answer arrived."""

    def __init__(self, base, token):
        self.base, self.token = base, token
        self.acknowledged = []  # (answered at, sent at, number)
        self.failures = []
        self.lock = threading.Lock()
        self.stop = threading.Event()

    def client(self, index):
        sequence = 0
        while not self.stop.is_set():
            sequence += 1
            body = json.dumps({
                "title": f"备份检查 {index}-{sequence}", "description": "路灯不亮，晚上很黑", "categoryCode": "0101",
                "divisionCode": "361102", "channel": "hotline", "requestKind": "complaint"}).encode()
            request = urllib.request.Request(self.base + "/api/v1/work-orders", data=body, method="POST", headers={
                "Content-Type": "application/json", "Authorization": "Bearer " + self.token,
                "Idempotency-Key": f"backup-check-{index}-{sequence}"})
            sent = time.time()
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    number = json.loads(response.read())["number"]
                    with self.lock:
                        self.acknowledged.append((time.time(), sent, number))
            except (urllib.error.URLError, OSError, ValueError, KeyError) as error:
                with self.lock:
                    self.failures.append(str(error))

    def start(self):
        self.threads = [threading.Thread(target=self.client, args=(i,), daemon=True) for i in range(CLIENTS)]
        for thread in self.threads:
            thread.start()

    def finish(self):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=60)


def psql(url, sql):
    out = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql],
                         capture_output=True, text=True, check=True)
    return [line for line in out.stdout.splitlines() if line]


def database_url(base, name):
    parts = urllib.parse.urlsplit(base)
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, "/" + name, "", ""))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=".build/debug/lianxin")
    parser.add_argument("--postgres", help="a loopback PostgreSQL URL on which databases may be created")
    parser.add_argument("--keep", help="keep the work folder here")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    work = args.keep or tempfile.mkdtemp(prefix="lianxin-backup-check-")
    os.makedirs(work, exist_ok=True)
    source_dir, target_dir = os.path.join(work, "source"), os.path.join(work, "restored")
    backup = os.path.join(work, "under-load.lxbackup")
    env = dict(os.environ, LIANXIN_DATA_DIR=source_dir, LIANXIN_LOG_LEVEL="warning", LIANXIN_RATE_LOGIN="10000",
               LIANXIN_SCHEDULER="true", LIANXIN_BCRYPT_COST="4")
    target_env = dict(env, LIANXIN_DATA_DIR=target_dir)
    # The same key in both folders: the restored ciphertexts must open.
    env["LIANXIN_SECRET_KEY"] = target_env["LIANXIN_SECRET_KEY"] = "backup-check-secret-key-0123456789abcdef"
    pg_source = pg_target = None
    if args.postgres:
        stamp = str(int(time.time()))
        admin = args.postgres
        pg_source, pg_target = database_url(admin, f"lx_backup_src_{stamp}"), database_url(admin, f"lx_backup_dst_{stamp}")
        for url in (pg_source, pg_target):
            psql(admin, f"CREATE DATABASE {urllib.parse.urlsplit(url).path[1:]}")
        env["LIANXIN_DATABASE_URL"], target_env["LIANXIN_DATABASE_URL"] = pg_source, pg_target
        prepared = run(binary, env, "migrate")
        if prepared.returncode != 0:
            print(prepared.stdout, prepared.stderr)
            return 1
    engine = "PostgreSQL" if args.postgres else "SQLite"
    checks = []

    def check(name, ok, evidence=""):
        checks.append(ok)
        print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + evidence if evidence else ''}")

    seeded = run(binary, env, "demo")
    if seeded.returncode != 0:
        print(seeded.stdout, seeded.stderr)
        return 1
    made = run(binary, env, "user", "token", "--username", "operator", "--name", "backup-check")
    token = made.stdout.strip().split()[-1] if made.returncode == 0 else ""
    port = free_port()
    log = open(os.path.join(work, "server.log"), "w")
    server = subprocess.Popen([binary, "serve", "--hostname", "127.0.0.1", "--port", str(port)], env=env, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if urllib.request.urlopen(base + "/readyz", timeout=2).status == 200:
                    break
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        load = Load(base, token)
        load.start()
        time.sleep(LOAD_BEFORE_BACKUP)
        backup_started = time.time()
        taken = run(binary, env, "backup", "--out", backup)
        backup_ended = time.time()
        time.sleep(LOAD_AFTER_BACKUP)
        load.finish()
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()
    print(taken.stdout.strip())
    check(f"lianxin backup under load ({engine})", taken.returncode == 0, taken.stderr.strip()[-300:])
    if taken.returncode != 0:
        return 1
    before = [number for answered, _, number in load.acknowledged if answered < backup_started]
    during = [number for answered, _, number in load.acknowledged if backup_started <= answered < backup_ended]
    check("intake load ran", len(before) > 0 and not load.failures,
          f"{len(load.acknowledged)} orders acknowledged by {CLIENTS} clients ({len(before)} before the backup started, "
          f"{len(during)} while it ran, backup took {backup_ended - backup_started:.1f} s); {len(load.failures)} failed requests")

    manifest, names = read_manifest(backup)
    restored = run(binary, target_env, "restore", backup)
    print(restored.stdout.strip())
    check("lianxin restore into a fresh database says verdict ok", restored.returncode == 0 and "verdict: ok" in restored.stdout,
          restored.stderr.strip()[-300:])

    if pg_target:
        tables = psql(pg_target, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")
        counts = {t: int(psql(pg_target, f'SELECT COUNT(*) FROM "{t}"')[0]) for t in tables}
        numbers = set(psql(pg_target, "SELECT number FROM work_orders"))
        bad = psql(pg_target, "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE NOT i.indisvalid")
        bad += psql(pg_target, "SELECT conname FROM pg_constraint WHERE NOT convalidated")
        integrity = "ok" if not bad else ", ".join(bad)
    else:
        db = sqlite3.connect(os.path.join(target_dir, "lianxin.sqlite"))
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        # A full-text index's shadow tables (FTS5's _data, _idx, _content…) are the engine's own storage of the
        # virtual table: the manifest counts the virtual table, not them.
        virtual = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")]
        tables = [t for t in tables if not any(t.startswith(v + "_") for v in virtual)]
        counts = {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
        numbers = {r[0] for r in db.execute("SELECT number FROM work_orders")}
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        db.close()
    # The restore adds its own audit entry once it has checked the counts.
    expected = dict(manifest["tables"])
    expected["audit_entries"] = expected.get("audit_entries", 0) + 1
    missing = [n for n in before if n not in numbers]
    check("every order acknowledged before the backup started is restored", not missing,
          f"{len(before)} checked, missing: {missing[:5] or 'none'}")
    differing = {t: (expected.get(t), counts.get(t)) for t in set(expected) | set(counts) if expected.get(t) != counts.get(t)}
    check("rows of every table equal the manifest", not differing,
          f"{len(counts)} tables, {sum(counts.values())} rows; differing: {differing or 'none'}")
    check("integrity check", integrity == "ok", integrity)
    files = [n for n in names if n.startswith("files/")]
    check("the manifest records key ids, migrations and checksums",
          bool(manifest.get("keyIDsByColumn")) and len(manifest.get("migrations", [])) > 30 and all(len(e["sha256"]) == 64 for e in manifest["entries"]),
          f"key ids {sorted({k for v in manifest['keyIDsByColumn'].values() for k in v})}, {len(manifest['migrations'])} migrations, {len(files)} files, taken {manifest['createdAtBeijing']} Beijing time")
    again = run(binary, target_env, "restore", backup)
    check("restore into a database that is not empty is refused", again.returncode != 0 and "empty database" in again.stderr + again.stdout,
          (again.stderr + again.stdout).strip().splitlines()[-1][:200] if (again.stderr + again.stdout).strip() else "")

    if args.postgres:
        for url in (pg_source, pg_target):
            psql(args.postgres, f"DROP DATABASE IF EXISTS {urllib.parse.urlsplit(url).path[1:]} WITH (FORCE)")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    print(f"backup check ({engine}): {'passed' if all(checks) else 'FAILED'} ({sum(checks)}/{len(checks)})")
    return 0 if all(checks) else 1


if __name__ == "__main__":
    sys.exit(main())
