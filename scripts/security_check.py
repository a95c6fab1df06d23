#!/usr/bin/env python3
"""Re-plays issue 16's penetration test over HTTP against a demo server and prints each verdict.

Each check is one finding of the test (items 1-4, 6, 7, 9, 10 and 11), tried as the attacker
tried it, with the answer a fixed server must give. The script starts the server itself from the
built binary on a fresh data folder (the demo city), with a trusted proxy on loopback and a low
public rate limit, so that item 6 can be tried too. Standard library only.

    python3 scripts/security_check.py --binary .build/debug/lianxin [--keep DIR]

Exit status 0 when every verdict is "fixed", 1 otherwise.
"""

import argparse
import concurrent.futures
import http.cookiejar
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

PASSWORD = "Lianxin@2026"
HOTLINE_TEXT = "来电人张三丰，电话 138 0000 1234，住幸福路18号3栋502室，反映楼下餐馆油烟扰民"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


class Client:
    """A browser-like client: its own cookies, no redirects followed, answers of any status."""

    def __init__(self, base, token=None):
        self.base, self.token = base, token
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def send(self, method, path, body=None, form=None, headers=None):
        headers = dict(headers or {})
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        elif form is not None:
            data = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=headers)
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.headers, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode("utf-8", "replace")

    def csrf(self, path="/login"):
        _, _, html = self.send("GET", path)
        found = re.search(r'name="_csrf" value="([^"]+)"', html)
        return found.group(1) if found else ""

    def login(self, username, password=PASSWORD):
        token = self.csrf("/login")
        status, _, _ = self.send("POST", "/login", form={"username": username, "password": password, "_csrf": token})
        return status


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(binary, env, *args, timeout=300):
    return subprocess.run([binary, *args], env=env, capture_output=True, text=True, timeout=timeout)


class Verdicts:
    def __init__(self):
        self.results = []

    def record(self, item, finding, fixed, evidence=""):
        self.results.append((item, fixed))
        mark = "fixed  " if fixed else "OPEN   "
        print(f"{mark} item {item:>2}: {finding}" + (f"  [{evidence}]" if evidence else ""), flush=True)

    def check(self, item, finding, body):
        try:
            fixed, evidence = body()
        except Exception as error:  # a crash of the check is a verdict too, never a silent pass
            fixed, evidence = False, f"check failed: {error!r}"
        self.record(item, finding, fixed, evidence)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--keep", help="keep the data folder here (default: a temporary one, removed)")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    data = args.keep or tempfile.mkdtemp(prefix="lianxin-security-")
    os.makedirs(data, exist_ok=True)
    env = dict(os.environ, LIANXIN_DATA_DIR=data, LIANXIN_LOG_LEVEL="warning", LIANXIN_RATE_LOGIN="10000",
               LIANXIN_RATE_PUBLIC="40", LIANXIN_TRUSTED_PROXIES="127.0.0.1,::1")
    os.chdir(root)
    verdicts = Verdicts()

    # Item 3 first, on folders of its own: production must refuse demo accounts.
    def production_refuses_demo():
        folder = tempfile.mkdtemp(prefix="lianxin-prod-")
        prod = dict(env, LIANXIN_DATA_DIR=folder, LIANXIN_ENV="production",
                    LIANXIN_SECRET_KEY="k" * 48, LIANXIN_PUBLIC_BASE_URL="https://lianxin.example.gov.cn")
        try:
            started = run(binary, prod, "serve", "--demo", "--hostname", "127.0.0.1", "--port", str(free_port()), timeout=120)
            return started.returncode != 0, f"`serve --demo` in production exited {started.returncode}"
        except subprocess.TimeoutExpired:
            return False, "`serve --demo` in production kept running"
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    verdicts.check(3, "production refuses `serve --demo`", production_refuses_demo)

    def production_refuses_leftover_demo_accounts():
        folder = tempfile.mkdtemp(prefix="lianxin-prod-")
        dev = dict(env, LIANXIN_DATA_DIR=folder, LIANXIN_SECRET_KEY="k" * 48)
        try:
            seeded = run(binary, dev, "demo")
            if seeded.returncode != 0:
                return False, "could not seed the demo: " + seeded.stderr[-200:]
            prod = dict(dev, LIANXIN_ENV="production", LIANXIN_PUBLIC_BASE_URL="https://lianxin.example.gov.cn")
            started = run(binary, prod, "serve", "--hostname", "127.0.0.1", "--port", str(free_port()), timeout=120)
            return started.returncode != 0, f"`serve` in production beside demo accounts exited {started.returncode}"
        except subprocess.TimeoutExpired:
            return False, "`serve` in production kept running beside the demo accounts"
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    verdicts.check(3, "production refuses to start beside the published demo accounts", production_refuses_leftover_demo_accounts)

    # The demo server, with two accounts of 广丰区 besides the demo city's.
    if run(binary, env, "demo").returncode != 0:
        print("could not seed the demo city")
        return 1
    for username, role in [("gf-dispatcher", "dispatcher"), ("lock-me", "operator")]:
        made = run(binary, env, "user", "create", "--username", username, "--name", username, "--role", role,
                   "--division", "361103", "--password", "Str0ng-pass!2026", "--password-final")
        if made.returncode != 0:
            print(f"could not create {username}: {made.stderr.strip()[-300:]}")
            return 1

    def token(username):
        made = run(binary, env, "user", "token", "--username", username, "--name", "security-check")
        if made.returncode != 0:
            raise RuntimeError(f"no token for {username}: {made.stderr.strip()[-200:]}")
        return made.stdout.strip().splitlines()[-1]

    tokens = {name: token(name) for name in ["operator", "dispatcher", "community", "gridmember", "gf-dispatcher"]}
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(os.path.join(data, "server.log"), "w")
    server = subprocess.Popen([binary, "serve", "--hostname", "127.0.0.1", "--port", str(port)], env=env, stdout=log, stderr=log)
    try:
        for _ in range(240):
            try:
                if urllib.request.urlopen(base + "/readyz", timeout=2).status == 200:
                    break
            except Exception:
                time.sleep(0.5)
        api = {name: Client(base, value) for name, value in tokens.items()}
        anonymous = Client(base)

        def new_order(client, division, phone="13800001111", description=HOTLINE_TEXT, channel="hotline"):
            status, _, body = client.send("POST", "/api/v1/work-orders", body={
                "title": "餐馆油烟扰民", "description": description, "categoryCode": "0601", "divisionCode": division,
                "channel": channel, "requestKind": "complaint", "requesterName": "张三丰", "requesterPhone": phone})
            if status != 201:
                raise RuntimeError(f"could not file an order ({status}): {body[:200]}")
            return json.loads(body)

        hotline = new_order(api["operator"], "361102001001")

        def item01():
            leaks, statuses = [], []
            for path in ["/open311/v2/requests.json?page_size=1000", "/open311/v2/requests.json", f"/open311/v2/requests/{hotline['number']}.json"]:
                status, _, body = anonymous.send("GET", path)
                statuses.append(status)
                leaks += [w for w in ["138 0000 1234", "张三丰", "3栋502室", hotline["number"]] if w in body and status == 200]
            ok = statuses[1] == 200 and not leaks
            return ok, f"answers {statuses} (the attacker's page size, the list, the order itself); leaked: {leaks or 'nothing'}"

        verdicts.check(1, "Open311 reads do not publish a hotline order or its caller's details", item01)

        def item02():
            status, _, body = api["community"].send("GET", "/api/v1/residents?limit=200")
            masked = re.search(r'"idNumber"\s*:\s*"\d{6}\*{8}\d{3}[\dX]"', body) is not None
            return status == 200 and masked and "birthDate" not in body, f"{status}; masked id: {masked}; birth date shown: {'birthDate' in body}"

        verdicts.check(2, "a masked ID number comes without the birth date that unmasks it", item02)

        def item04():
            old, _, _ = api["gridmember"].send("GET", "/api/v1/residents.csv?unmasked=true&reason=x1")
            staff, _, _ = api["community"].send("POST", "/api/v1/residents/exports", body={"unmasked": True, "reason": "attacker"})
            leader = Client(base)
            leader.login("leader")
            forged, _, _ = leader.send("POST", "/api/v1/residents/exports", body={"unmasked": True, "reason": "cross-site"})
            fixed = old in (404, 405) and staff == 403 and forged == 403
            return fixed, f"GET export {old}; community staff POST {staff}; leader without CSRF token {forged}"

        verdicts.check(4, "no resident export by GET, without the export permission or from another site", item04)

        def item07():
            own = new_order(api["gf-dispatcher"], "361103001", phone="13800002222", channel="hotline")
            status, _, _ = api["gf-dispatcher"].send("GET", f"/api/v1/work-orders/{hotline['id']}")
            merged, _, _ = api["gf-dispatcher"].send("POST", f"/api/v1/work-orders/{own['id']}/transitions",
                                                     body={"action": "merge", "parentId": hotline["id"]})
            _, _, units = api["dispatcher"].send("GET", "/api/v1/departments?q=XZ-CG")
            xinzhou = next(u["id"] for u in json.loads(units)["items"] if u.get("code") == "XZ-CG")
            sent, _, body = api["gf-dispatcher"].send("POST", f"/api/v1/work-orders/{own['id']}/transitions",
                                                      body={"action": "dispatch", "departmentId": xinzhou})
            _, _, after = api["gf-dispatcher"].send("GET", f"/api/v1/work-orders/{own['id']}")
            unchanged = json.loads(after).get("parentId") is None and json.loads(after).get("departmentId") is None
            fixed = status == 404 and merged in (404, 409, 422) and sent == 422 and unchanged
            return fixed, f"read {status}; merge under it {merged}; dispatch to 信州区城管局 {sent}; order unchanged {unchanged}"

        verdicts.check(7, "a 广丰区 dispatcher cannot merge under or dispatch into 信州区", item07)

        def item09():
            def wrong(_):
                return anonymous.send("POST", "/api/v1/sessions", body={"username": "lock-me", "password": "wrong-password-1"})[0]

            with concurrent.futures.ThreadPoolExecutor(max_workers=20) as pool:
                list(pool.map(wrong, range(20)))
            right, _, right_body = Client(base).send("POST", "/api/v1/sessions", body={"username": "lock-me", "password": "Str0ng-pass!2026"})
            unknown, _, unknown_body = Client(base).send("POST", "/api/v1/sessions", body={"username": "no-such-user", "password": "x"})

            def detail(body):
                try:
                    return json.loads(body).get("detail")
                except ValueError:
                    return body

            same = right == unknown and detail(right_body) == detail(unknown_body)
            return right != 200 and same, f"right password after 20 parallel wrong ones: {right}; same answer as an unknown user ({unknown}): {same}"

        verdicts.check(9, "20 parallel wrong passwords lock the account, and a locked account looks like any failure", item09)

        def item10():
            _, headers, _ = anonymous.send("GET", "/lang/en?back=/%09/evil.example")
            back = headers.get("Location", "")
            client = Client(base)
            page_token = client.csrf("/login?next=/%09/evil.example")
            _, login_headers, _ = client.send("POST", "/login", form={
                "username": "operator", "password": PASSWORD, "_csrf": page_token, "next": "/\t/evil.example"})
            after = login_headers.get("Location", "")

            def same_site(target):
                return target.startswith("/") and not target.startswith("//") and "evil.example" not in target and "\t" not in target

            return same_site(back) and same_site(after), f"language switch → {back!r}; sign-in → {after!r}"

        verdicts.check(10, "redirects after the language switch and sign-in stay on the site", item10)

        def item11():
            order = new_order(api["operator"], "361102001001", phone="13800003333")
            code = order["trackingCode"]
            status, _, body = anonymous.send("POST", f"/api/v1/public/orders/{code}/evaluation",
                                             body={"satisfaction": "dissatisfied", "solved": False})
            named = "/phoneSuffix" in body
            random_part = len(code) - 1
            return random_part >= 12 and status == 422 and named, f"code {code} ({random_part} random characters); evaluation without the phone's digits {status}"

        verdicts.check(11, "tracking codes of 12+ random characters, and evaluating needs the requester's phone digits", item11)

        def item06():
            statuses = []
            for i in range(50):
                forged = f"10.{i}.{i}.1, 203.0.113.7"
                statuses.append(anonymous.send("GET", "/p/track?code=ABCDEFGHJK", headers={"X-Forwarded-For": forged})[0])
            limited = statuses.count(429)
            return limited > 0, f"{limited} of 50 requests with a rotated forged left-most X-Forwarded-For were limited"

        verdicts.check(6, "a forged left-most X-Forwarded-For does not escape the rate limit", item06)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        if not args.keep:
            shutil.rmtree(data, ignore_errors=True)

    open_items = [item for item, fixed in verdicts.results if not fixed]
    print(f"security check: {len(verdicts.results) - len(open_items)} of {len(verdicts.results)} findings fixed"
          + (f"; still open: items {sorted(set(open_items))}" if open_items else ""))
    return 0 if not open_items else 1


if __name__ == "__main__":
    sys.exit(main())
