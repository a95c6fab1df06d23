#!/usr/bin/env python3
"""Issue 21 in headless Chromium: the field app (/field/app) without signal, with Chromium's network emulation.

A grid member and a handler open the app on their phones while online (the service worker keeps the shell, the
phone keeps the data). They go offline; the server is also stopped, so nothing can come from it. The grid member
records a visit with a photo; the handler signs and completes one order with a photo, and completes another he signed
while online. Both close
and reopen the page, still offline, and see what waits to be sent. The server comes back; meanwhile the dispatcher
gives the handler's second order to another unit. They go online: the visit and the completion reach the server
exactly once, with the times they were done, and the reassigned order's step is shown as not recorded, with what to
do. Prints the app shell's size (everything the service worker keeps) and the outbox's bounds.

    python3 scripts/browser/offline.py --binary .build/debug/lianxin [--screenshots DIR]
"""
import argparse
import datetime
import json
import os
import subprocess
import sys
import time

from harness import DemoServer, ROOT
from lifecycle import Browser, png
from selenium.webdriver.common.by import By

FETCH = """
const [method, path, body, done] = arguments;
const csrf = (document.querySelector("input[name=_csrf]") || {}).value || "";
fetch(path, {method: method, credentials: "same-origin",
             headers: {"Content-Type": "application/json", "Accept": "application/json", "X-CSRF-Token": csrf},
             body: body === null ? undefined : JSON.stringify(body)})
  .then((r) => r.text().then((t) => done({status: r.status, body: t})))
  .catch((e) => done({status: 0, body: String(e)}));
"""

SHELL_SIZE = """
const done = arguments[0];
caches.open("lianxin-field-shell-v1").then((cache) => cache.keys().then((keys) => Promise.all(keys.map((k) =>
  cache.match(k).then((r) => r.blob()).then((b) => [new URL(k.url).pathname, b.size]))))).then(done, (e) => done(String(e)));
"""


def api(browser, method, path, body=None):
    """A request from the signed-in browser (its session and CSRF token); the answer's status and JSON."""
    answer = browser.driver.execute_async_script(FETCH, method, path, body)
    try:
        return answer["status"], json.loads(answer["body"]) if answer["body"] else None
    except ValueError:
        return answer["status"], answer["body"]


def offline(browser, on):
    if on:
        browser.driver.set_network_conditions(offline=True, latency=0, download_throughput=0, upload_throughput=0)
    else:
        browser.driver.delete_network_conditions()
    # The page's 'online'/'offline' events follow the emulation.
    browser.wait.until(lambda d: d.execute_script("return navigator.onLine") == (not on))


def restart(demo):
    """Starts the server again on the same port and data folder (it was stopped to be sure nothing came from it)."""
    port = demo.base.rsplit(":", 1)[1]
    demo.process = subprocess.Popen([demo.binary, "serve", "--demo", "--hostname", "127.0.0.1", "--port", port],
                                    cwd=ROOT, env=demo.env, stdout=demo.log, stderr=subprocess.STDOUT)
    demo.wait_ready()


def parse(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/lianxin"))
    parser.add_argument("--screenshots", default=os.path.join(ROOT, "screenshots"))
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    args = parser.parse_args()
    os.makedirs(args.screenshots, exist_ok=True)
    demo = DemoServer(args.binary, "lianxin-offline-", extra_env={"LIANXIN_RATE_LOGIN": "1000"})
    failures, console, browsers = [], [], []
    visit_photo = png(os.path.join(demo.data, "visit.png"), rgb=(60, 140, 200))
    done_photo = png(os.path.join(demo.data, "done.png"), rgb=(40, 160, 80))
    try:
        demo.wait_ready()

        def browser(phone):
            b = Browser(args, demo.base, phone, failures, console)
            browsers.append(b)
            return b

        # 1. The dispatcher files two street-light orders and gives both to the handler's unit (城管局).
        desk = browser(phone=False)
        desk.login("dispatcher")
        desk.get("/")
        status, units = api(desk, "GET", "/api/v1/departments?limit=200")
        unit = {u["code"]: u["id"] for u in units["items"]}
        orders = []
        for title in ["劳动路路灯不亮", "上滩头小区井盖松动"]:
            status, order = api(desk, "POST", "/api/v1/work-orders", {
                "title": title, "description": title + "，夜间行人不便。", "categoryCode": "0601", "divisionCode": "361102001001",
                "channel": "hotline", "requestKind": "assistance", "requesterName": "李四", "requesterPhone": "13807930001"})
            oid = order["id"]
            if order["status"] == "submitted":
                api(desk, "POST", f"/api/v1/work-orders/{oid}/transitions", {"action": "accept"})
            status, _ = api(desk, "POST", f"/api/v1/work-orders/{oid}/transitions", {"action": "dispatch", "departmentId": unit["XZ-CG"]})
            desk.check(f"order {order['number']} dispatched to the handler's unit ({status})", status == 200)
            orders.append(order)
        first, second = orders

        # 2. Online, the grid member and the handler open the app; it becomes ready for use without signal.
        member = browser(phone=True)
        member.login("gridmember")
        handler = browser(phone=True)
        handler.login("handler")
        for b in [member, handler]:
            b.get("/field/app")
            b.wait.until(lambda d: d.find_element(By.ID, "f-ready").get_attribute("data-ready") == "yes")
            b.check(f"the app says it works without signal: {b.driver.find_element(By.ID, 'f-ready').text!r}",
                    "已可在没有信号时使用" in b.driver.find_element(By.ID, "f-ready").text)
        member.shoot("field-member-online-360.png")
        households = member.driver.find_elements(By.CSS_SELECTOR, "#f-visit-list [data-household]")
        member.check(f"today's visits are listed ({len(households)})", len(households) > 0)
        household = households[0].get_attribute("data-household")
        address = households[0].find_element(By.TAG_NAME, "strong").text
        cards = {c.get_attribute("data-order"): c for c in handler.driver.find_elements(By.CSS_SELECTOR, "#f-order-list [data-order]")}
        handler.check("both orders are on the handler's phone", first["id"] in cards and second["id"] in cards)
        handler.shoot("field-handler-online-360.png")
        # Online, the handler signs the second order from the app: it is sent at once.
        card = handler.driver.find_element(By.CSS_SELECTOR, f'#f-order-list [data-order="{second["id"]}"]')
        card.find_element(By.CSS_SELECTOR, "[data-step=sign]").click()
        card.find_element(By.CSS_SELECTOR, "form[data-form=sign] button[type=submit]").click()
        handler.wait.until(lambda d: d.find_element(By.ID, "f-count").text == "0" and d.find_elements(
            By.CSS_SELECTOR, f'#f-order-list [data-order="{second["id"]}"] [data-step=complete]'))
        handler.check("online, a step is sent at once", "已发送 1 项" in handler.driver.find_element(By.ID, "f-sent").text)
        size = member.driver.execute_async_script(SHELL_SIZE)
        shell = sum(n for _, n in size)
        print("app shell (precached by the service worker):", ", ".join(f"{p} {n} B" for p, n in size), f"= {shell} bytes")
        member.check(f"the app shell is at most 300 KB ({shell} bytes)", 0 < shell <= 300 * 1024)
        root = member.driver.find_element(By.ID, "field")
        print("outbox bounds: at most", root.get_attribute("data-max-items"), "items and",
              int(root.get_attribute("data-max-bytes")) // 1048576, "MB of photos; one photo at most",
              int(root.get_attribute("data-max-photo")) // 1048576, "MB")

        # 3. No signal: the phones go offline and the server is stopped.
        for b in [member, handler]:
            offline(b, True)
        demo.process.terminate()
        demo.process.wait(timeout=20)
        member.check("the page says there is no network", "没有网络" in member.driver.find_element(By.ID, "f-net").text)

        # The grid member records a visit with a photo; an empty one is refused beside its field first.
        card = member.driver.find_element(By.CSS_SELECTOR, f'#f-visit-list [data-household="{household}"]')
        card.find_element(By.CSS_SELECTOR, "[data-open=visit]").click()
        form = card.find_element(By.CSS_SELECTOR, "form[data-form=visit]")
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        member.check("an empty visit is refused beside its field",
                     "请填写走访记录" in form.find_element(By.CSS_SELECTOR, ".form-error:not([hidden])").text)
        form.find_element(By.NAME, "note").send_keys("入户走访，老人身体尚好，门口台阶破损")
        form.find_element(By.NAME, "finding").send_keys("门口台阶破损")
        form.find_element(By.NAME, "result").send_keys("已提醒家属注意，社区安排修补")
        form.find_element(By.NAME, "photo").send_keys(visit_photo)
        member.shoot("field-visit-form-360.png")
        visit_done = datetime.datetime.now(datetime.timezone.utc)
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        member.wait.until(lambda d: d.find_element(By.ID, "f-count").text == "1")

        # The handler signs and completes the first order with a photo, and signs the second.
        def step(order, action, note=None, photo=None):
            card = handler.driver.find_element(By.CSS_SELECTOR, f'#f-order-list [data-order="{order["id"]}"]')
            card.find_element(By.CSS_SELECTOR, f"[data-step={action}]").click()
            form = card.find_element(By.CSS_SELECTOR, f"form[data-form={action}]")
            if note:
                form.find_element(By.NAME, "note").send_keys(note)
            if photo:
                form.find_element(By.NAME, "photo").send_keys(photo)
            count = handler.driver.find_element(By.ID, "f-count").text
            form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
            handler.wait.until(lambda d: d.find_element(By.ID, "f-count").text == str(int(count) + 1))

        step(first, "sign")
        step(first, "complete", "已更换灯泡，恢复照明", done_photo)
        complete_done = datetime.datetime.now(datetime.timezone.utc)
        step(second, "complete", "已处理完毕")

        # Close the page and open it again, still offline: what waits is still there.
        time.sleep(3)
        for b in [member, handler]:
            b.driver.get("about:blank")
            b.get("/field/app")
            b.wait.until(lambda d: d.find_element(By.ID, "f-count").text not in ("", "0"))
        member.check("reopened offline, the visit waits", member.driver.find_element(By.ID, "f-count").text == "1"
                     and address in member.driver.find_element(By.ID, "f-outbox-list").text)
        waiting = handler.driver.find_element(By.ID, "f-outbox-list").text
        handler.check(f"reopened offline, the three steps wait: {waiting!r}",
                      handler.driver.find_element(By.ID, "f-count").text == "3" and waiting.count("办结") == 2 and "签收" in waiting)
        member.shoot("field-member-offline-waiting-360.png")
        handler.shoot("field-handler-offline-waiting-360.png")

        # 4. The server is back; meanwhile the dispatcher gives the second order to another unit.
        restart(demo)
        other = next(code for code in unit if code != "XZ-CG")
        status, _ = api(desk, "POST", f"/api/v1/work-orders/{second['id']}/transitions",
                        {"action": "redispatch", "departmentId": unit[other], "reason": "职责调整"})
        desk.check(f"the dispatcher reassigns the second order ({status})", status == 200)

        # 5. Signal returns: what waited is sent, in order, once.
        for b in [member, handler]:
            offline(b, False)
        member.wait.until(lambda d: d.find_element(By.ID, "f-count").text == "0")
        handler.wait.until(lambda d: d.find_element(By.ID, "f-count").text == "0"
                           and d.find_elements(By.CSS_SELECTOR, "#f-outbox-list .f-conflict"))
        conflict = handler.driver.find_element(By.CSS_SELECTOR, "#f-outbox-list .f-conflict").text
        handler.check(f"the reassigned order's step is shown as not recorded, with what to do: {conflict!r}",
                      "没有记入" in conflict and "新承办单位" in conflict)
        handler.shoot("field-handler-conflict-360.png")
        member.shoot("field-member-sent-360.png")
        # Sending again changes nothing.
        for b in [member, handler]:
            b.driver.execute_script("document.getElementById('f-send').click()")
        time.sleep(2)

        status, visits = api(member, "GET", f"/api/v1/visits?household={household}")
        member.check(f"the visit reached the server exactly once ({len(visits)})", status == 200 and len(visits) == 1)
        if visits:
            at = parse(visits[0]["visitedAt"])
            member.check(f"with the time it was done ({at} ≈ {visit_done})", abs((at - visit_done).total_seconds()) < 10)
            member.check("with its photo and finding", len(visits[0]["photoIds"]) == 1 and visits[0]["findings"][0]["outcome"] == "selfHandled")
        status, events = api(desk, "GET", f"/api/v1/work-orders/{first['id']}/events")
        kinds = [e["kind"] for e in events]
        desk.check(f"the completion reached the server exactly once ({kinds})", kinds.count("signed") == 1 and kinds.count("completed") == 1)
        completed = next(e for e in events if e["kind"] == "completed")
        at = parse(completed["at"])
        desk.check(f"counted from when it was done ({at} ≈ {complete_done})", abs((at - complete_done).total_seconds()) < 10)
        status, attachments = api(desk, "GET", f"/api/v1/work-orders/{first['id']}/attachments")
        desk.check(f"with its photo ({len(attachments)})", status == 200 and len(attachments) == 1)
        status, events = api(desk, "GET", f"/api/v1/work-orders/{second['id']}/events")
        desk.check("nothing was recorded on the reassigned order", not any(e["kind"] == "completed" for e in events))

        # The handler removes the conflict once read; the desktop view of the app.
        handler.driver.find_element(By.CSS_SELECTOR, "#f-outbox-list .f-conflict button").click()
        handler.wait.until(lambda d: not d.find_elements(By.CSS_SELECTOR, "#f-outbox-list .f-conflict"))
        wide = browser(phone=False)
        wide.login("gridmember")
        wide.get("/field/app")
        wide.wait.until(lambda d: d.find_element(By.ID, "f-ready").get_attribute("data-ready") == "yes")
        wide.shoot("field-member-desktop.png")
        for b in browsers:
            b.collect()
        # Offline, failed requests are expected (the page tries the network first).
        unexpected = [e for e in console if "net::ERR_INTERNET_DISCONNECTED" not in e.get("message", "")
                      and "Failed to fetch" not in e.get("message", "") and "status of 422" not in e.get("message", "")]
        desk.check(f"no console errors {unexpected}", not unexpected)
    finally:
        for b in browsers:
            try:
                b.quit()
            except Exception:
                pass
        demo.stop(keep=bool(failures))
    if failures:
        print("offline browser check: FAILED", failures)
        sys.exit(1)
    print("offline browser check: passed")


if __name__ == "__main__":
    main()
