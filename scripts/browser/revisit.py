#!/usr/bin/env python3
"""The automated revisit (issue 20) in headless Chromium at 360 px (its forms are plain HTML posts, no script).

Starts the built server with the demo city and a local stub SMS gateway, completes an order through the
API (operator, dispatcher, handler tokens), waits for the revisit SMS at the stub, then: the resident
opens its link on a phone, sends the form empty (the problem beside its field) and
then an evaluation (one only); the operator sees 满意率 by channel on /revisits; the administrator opens
消息提醒设置. Fails on a page wider than the phone, a console error, or a step that does not happen.

    python3 scripts/browser/revisit.py [--binary .build/debug/lianxin] [--screenshots DIR]
"""
import argparse
import http.server
import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.request

from harness import DemoServer
from lifecycle import Browser
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MESSAGES = []


class Gateway(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        MESSAGES.append(json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0")))))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{}")


def api(base, token, method, path, body=None):
    request = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode() if body is not None else None,
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/lianxin"))
    ap.add_argument("--screenshots", default=os.path.join(ROOT, "screenshots"))
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    args = ap.parse_args()
    os.makedirs(args.screenshots, exist_ok=True)
    gateway = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Gateway)
    threading.Thread(target=gateway.serve_forever, daemon=True).start()
    os.environ.update(LIANXIN_SMS_PROVIDER="gateway", LIANXIN_SMS_GATEWAY_URL=f"http://127.0.0.1:{gateway.server_address[1]}/sms",
                      LIANXIN_SMS_GATEWAY_SECRET="revisit-browser-gateway-secret", LIANXIN_NOTIFY_QUIET_HOURS="0-0")
    server = DemoServer(args.binary, "lianxin-revisit-")
    failures, console, browsers = [], [], []
    try:
        server.wait_ready()
        tokens = {}
        for user in ("operator", "dispatcher", "handler"):
            out = subprocess.run([args.binary, "user", "token", "--username", user, "--name", "revisit-check"], cwd=ROOT, env=server.env,
                                 check=True, capture_output=True, text=True).stdout.strip().splitlines()
            tokens[user] = out[-1].split()[-1]
        order = api(server.base, tokens["operator"], "POST", "/api/v1/work-orders", {
            "title": "上滩头社区路灯不亮", "description": "劳动路 12 号门前路灯连续三晚不亮。", "categoryCode": "0601",
            "divisionCode": "361102001001", "channel": "hotline", "requestKind": "assistance", "requesterName": "李四",
            "requesterPhone": "13807930001"})
        units = api(server.base, tokens["dispatcher"], "GET", "/api/v1/departments?q=XZ-CG")
        unit = next(u["id"] for u in units["items"] if u["code"] == "XZ-CG")
        path = f"/api/v1/work-orders/{order['id']}/transitions"
        api(server.base, tokens["dispatcher"], "POST", path, {"action": "dispatch", "departmentId": unit})
        for action in ("sign", "arrive", "startProgress"):
            api(server.base, tokens["handler"], "POST", path, {"action": action})
        api(server.base, tokens["handler"], "POST", path, {"action": "complete", "note": "已更换灯泡，路灯恢复照明"})
        link = None
        for _ in range(60):
            link = next((m["text"] for m in MESSAGES if m.get("event") == "revisitInvitation"), None)
            if link:
                break
            time.sleep(0.5)
        check = lambda name, ok: (print(("ok   " if ok else "FAIL ") + name), ok or failures.append(name))
        check("the revisit SMS reached the gateway with a link", link is not None and "/p/r/" in link)
        if link is None:
            return
        link_path = "/p/r/" + re.search(r"/p/r/([0-9a-f]{44})", link).group(1)

        resident = Browser(args, server.base, True, failures, console)
        browsers.append(resident)
        resident.get(link_path)
        resident.check("the reply is shown", "已更换灯泡" in resident.driver.page_source)
        resident.shoot("revisit-phone.png")
        form = resident.driver.find_element(By.ID, "revisit-form")
        resident.submit(form)
        resident.check("an empty form comes back with its problem beside the field",
                       "请选择满意度" in resident.driver.find_element(By.ID, "r-satisfaction-error").text)
        form = resident.driver.find_element(By.ID, "revisit-form")
        Select(form.find_element(By.NAME, "satisfaction")).select_by_value("satisfied")
        Select(form.find_element(By.NAME, "solved")).select_by_value("true")
        resident.submit(form)
        resident.check("the evaluation is taken once", len(resident.driver.find_elements(By.ID, "revisit-done")) == 1
                       and not resident.driver.find_elements(By.ID, "revisit-form"))
        resident.shoot("revisit-done-phone.png")

        operator = Browser(args, server.base, True, failures, console)
        browsers.append(operator)
        operator.login("operator")
        operator.get("/revisits")
        figures = operator.driver.find_element(By.ID, "revisit-figures").text
        operator.check("满意率 by channel shows the link's evaluation", "短信链接 1 1 100.0%" in figures)
        operator.shoot("revisits-phone.png")

        admin = Browser(args, server.base, True, failures, console)
        browsers.append(admin)
        admin.login("admin")
        admin.get("/admin/notifications")
        admin.check("the rules page lists the events", "签收提醒" in admin.driver.page_source and "回访邀请" in admin.driver.page_source)
        admin.shoot("notification-rules-phone.png")
        # The empty form answered 422 on purpose (the problem beside its field); anything else is an error.
        console = [e for e in console if not ("/p/r/" in e.get("message", "") and "422" in e.get("message", ""))]
        for entry in console:
            print("console:", entry)
        if console:
            failures.append("browser console errors")
    finally:
        for browser in browsers:
            browser.driver.quit()
        server.stop(keep=bool(failures))
        gateway.shutdown()
    print(f"revisit walk: {'FAILED ' + str(failures) if failures else 'passed'}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
