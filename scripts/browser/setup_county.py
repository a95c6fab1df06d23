#!/usr/bin/env python3
"""Issue 17's acceptance: a real county set up from an empty database in the browser, then a
resident's report routed to the right township unit, handled and closed.

Starts the built server WITHOUT --demo on a fresh data folder, reads the setup code it prints, and:
the first administrator uploads a bad division file (refused, every problem listed, nothing
written), then the real divisions of 峡江县 (吉安市) from ../shared/data/divisions, and creates the
three administrators (their second factors shown once) → the system administrator walks the setup
page: a bad unit file (unknown division, duplicate code, cycle, a unit of another county) refused
with every problem, the units, the catalogue and the role mapping the script writes, the
grids → the security administrator imports one account per role → the readiness page says nothing
blocks dispatching → a resident reports rubbish in 马埠村 on a phone → the dispatcher finds 马埠镇's
enforcement team suggested and dispatches → the handler signs and completes → the dispatcher calls
back and closes → the resident sees it closed. Fails on any console error; screenshots go to
--screenshots.

    python3 scripts/browser/setup_county.py [--binary .build/debug/lianxin] [--divisions FILE]
"""
import argparse
import base64
import csv
import hashlib
import hmac
import json
import os
import re
import struct
import sys
import time

from harness import DemoServer
from lifecycle import Browser, detached
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COUNTY = "360823"  # 峡江县
TOWNSHIP = "360823101"  # 马埠镇
VILLAGES = [("360823101200", "马埠村委会"), ("360823101201", "固山村委会")]
CENTRE = (115.398786, 27.558437)  # 马埠镇 in the 2016 file
CHOSEN = "Xiajiang@2026-county"


def totp(secret, step_offset=0):
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30 + step_offset), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


def county_files(folder, divisions):
    """The county's own files: the units, the role mapping, the grids and the accounts."""
    sys.path.insert(0, os.path.join(ROOT, "scripts", "setup"))
    import make_county
    rows = list(csv.DictReader(open(divisions, encoding="utf-8-sig")))
    townships = [r["code"][:9] for r in rows if r.get("level") in ("town", "township") and r["code"].startswith(COUNTY)]
    townships = sorted(set(townships))
    units = [[f"{COUNTY}-{s}", "峡江县" + n, n, COUNTY, f"联络员{s}:1390791{i:04d}"] for i, (_, s, n) in enumerate(make_county.BUREAUS)]
    roles = [[COUNTY, role, f"{COUNTY}-{s}"] for role, s, _ in make_county.BUREAUS]
    for t in townships:
        units.append([f"{t}-ZF", f"乡镇人民政府{t[-3:]}", "", t, f"乡镇联络员:1380791{t[-3:]}0"])
        units.append([f"{t}-ZH", f"综合行政执法队{t[-3:]}", "", t, f"执法联络员:1370791{t[-3:]}0"])
        roles += [[t, "乡镇", f"{t}-ZF"], [t, "综合执法", f"{t}-ZH"]]
    write_csv(os.path.join(folder, "units.csv"), ["code", "name", "short_name", "division_code", "liaisons"], units)
    write_csv(os.path.join(folder, "roles.csv"), ["division_code", "role", "unit_code"], roles)
    bad = [["X1", "未知区划的单位", "", COUNTY + "999", "某:13900000000"],
           ["DUP", "重复甲", "", COUNTY, "某:13900000000"], ["DUP", "重复乙", "", COUNTY, "某:13900000000"],
           ["A", "循环甲", "", COUNTY, "某:13900000000"], ["B", "循环乙", "", COUNTY, "某:13900000000"],
           ["XG-CG", "新干县城管局", "", "360824", "某:13900000000"]]
    with open(os.path.join(folder, "bad-units.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["code", "name", "short_name", "division_code", "liaisons", "parent_code"])
        for row in bad:
            w.writerow(row + [{"A": "B", "B": "A"}.get(row[0], "")])
    x, y = CENTRE
    features = []
    for i, (code, name) in enumerate(VILLAGES):
        x0 = x - 0.01 + i * 0.01
        ring = [[x0, y - 0.005], [x0 + 0.01, y - 0.005], [x0 + 0.01, y + 0.005], [x0, y + 0.005], [x0, y - 0.005]]
        features.append({"type": "Feature", "properties": {"code": code + "01", "name": name + "第一网格", "parent": code},
                         "geometry": {"type": "Polygon", "coordinates": [ring]}})
    with open(os.path.join(folder, "grids.geojson"), "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f, ensure_ascii=False)
    # The county's own catalogue: the shipped one with a county item added (峡江 keeps its own 米粉 stalls in order).
    with open(os.path.join(ROOT, "Resources", "Data", "catalogue-default.csv"), encoding="utf-8-sig") as f:
        catalogue = list(csv.reader(f))
    header = catalogue[0]
    extra = dict.fromkeys(header, "")
    extra.update({"code": "0199", "name": "米粉摊点占道经营", "parent_code": "01", "keywords": "米粉摊;占道;摊点",
                  "sla_policy": "12530", "tier": "simple", "public": "true", "active": "true"})
    write_csv(os.path.join(folder, "catalogue.csv"), header, catalogue[1:] + [[extra[c] for c in header]])
    write_csv(os.path.join(folder, "users.csv"), ["用户名", "姓名", "角色", "区划", "承办单位", "联系电话", "网格"], [
        ["dispatcher1", "派单员甲", "派单员", COUNTY, "", "13900000001", ""],
        ["operator1", "话务员乙", "话务受理员", COUNTY, "", "13900000002", ""],
        ["handler1", "执法队员丙", "承办人员", TOWNSHIP, f"{TOWNSHIP}-ZH", "13900000003", ""],
        ["member1", "网格员丁", "网格员", VILLAGES[0][0], "", "13900000004", VILLAGES[0][0] + "01"],
        ["member2", "网格员戊", "网格员", VILLAGES[1][0], "", "13900000005", VILLAGES[1][0] + "01"],
        ["supervisor1", "督办员己", "督办员", COUNTY, "", "13900000006", ""],
        ["leader1", "领导庚", "领导", COUNTY, "", "13900000007", ""],
        ["lead1", "执法队长辛", "部门负责人", TOWNSHIP, f"{TOWNSHIP}-ZH", "13900000008", ""],
        ["community1", "社区干部壬", "社区工作人员", VILLAGES[0][0], "", "13900000009", ""],
    ])
    write_csv(os.path.join(folder, "bad-divisions.csv"), ["code", "level", "name", "parent_code"], [
        ["36", "province", "江西省", ""], ["3608", "city", "吉安市", "36"], [COUNTY, "county", "峡江县", "3608"],
        [COUNTY + "100", "township", "重复甲", COUNTY], [COUNTY + "100", "township", "重复乙", COUNTY],
        [COUNTY + "1x1", "township", "坏代码", COUNTY]])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/lianxin"))
    parser.add_argument("--screenshots", default=os.path.join(ROOT, "screenshots"))
    parser.add_argument("--divisions", default=os.path.join(ROOT, "..", "shared", "data", "divisions", "jiangxi_villages_2016.csv"))
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    args = parser.parse_args()
    os.makedirs(args.screenshots, exist_ok=True)
    args.divisions = os.path.realpath(args.divisions)
    if not os.path.exists(args.divisions):
        sys.exit(f"{args.divisions} is missing: this check needs ../shared beside the project")

    server = DemoServer(args.binary, "lianxin-setup-", demo=False)
    failures, console, browsers = [], [], []
    folder = server.data
    county_files(folder, args.divisions)
    try:
        server.wait_ready()
        log = open(server.log.name, encoding="utf-8").read()
        match = re.search(r"setup code ([0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4})", log)
        if not match:
            sys.exit("the server printed no setup code on an empty database")
        code = match.group(1)

        def browser(phone=False):
            b = Browser(args, server.base, phone, failures, console)
            browsers.append(b)
            return b

        def sign_in(b, username, password, secret=None, change_to=None):
            d = b.driver
            used = None
            for attempt in range(2):
                if secret and used is not None:
                    while int(time.time()) // 30 <= used:  # each one-time code works once
                        time.sleep(1)
                b.get("/login")
                d.find_element(By.ID, "username").send_keys(username)
                d.find_element(By.ID, "password").send_keys(password)
                if secret:
                    used = int(time.time()) // 30
                    d.find_element(By.ID, "totp").send_keys(totp(secret))
                b.submit(d.find_element(By.CSS_SELECTOR, "form[action='/login']"))
                if not (change_to and "/account" in d.current_url):
                    break
                # A password someone else chose is changed first; then the person signs in again with theirs.
                d.find_element(By.ID, "current").send_keys(password)
                d.find_element(By.ID, "password").send_keys(change_to)
                d.find_element(By.ID, "confirm").send_keys(change_to)
                b.submit(d.find_element(By.CSS_SELECTOR, "form[action='/account/password']"))
                password = change_to
            b.check(f"{username} is signed in", "/login" not in d.current_url and "/account" not in d.current_url)

        def upload(b, form_id, path=None, button=None):
            form = b.driver.find_element(By.ID, form_id)
            if path:
                form.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(path)
            (form.find_element(By.CSS_SELECTOR, f"button[value={button}]") if button
             else form.find_element(By.CSS_SELECTOR, "button[type=submit]")).click()
            b.wait.until(detached(form))
            b.collect()

        # 1. The first run: a bad division file, then the county's real divisions.
        first = browser()
        first.get("/setup")
        d = first.driver
        first.check("an empty database opens the first-run page", "首次设置" in d.page_source)
        first.shoot("setup-first-run.png")
        d.find_element(By.ID, "s-code").send_keys("0000-0000-0000")
        upload(first, "divisions-form", os.path.join(folder, "bad-divisions.csv"))
        first.check("a wrong setup code is refused", "设置码不正确" in d.page_source)
        d.find_element(By.ID, "s-code").clear()
        d.find_element(By.ID, "s-code").send_keys(code)
        upload(first, "divisions-form", os.path.join(folder, "bad-divisions.csv"))
        problems = d.find_elements(By.CSS_SELECTOR, "#problems tbody tr")
        first.check(f"the bad division file is refused with every problem ({len(problems)} rows)", len(problems) >= 2)
        first.check("…and nothing was written (still the division step)", len(d.find_elements(By.ID, "divisions-form")) == 1)
        first.shoot("setup-divisions-refused.png")
        d.find_element(By.ID, "s-code").clear()
        d.find_element(By.ID, "s-code").send_keys(code)
        upload(first, "divisions-form", args.divisions)
        Select(d.find_element(By.ID, "s-county")).select_by_value(COUNTY)
        first.check("the county is picked by name", "峡江县" in Select(d.find_element(By.ID, "s-county")).first_selected_option.text)
        first.submit(d.find_element(By.ID, "county-form"))
        first.check("the divisions are loaded and the administrators come next", len(d.find_elements(By.ID, "accounts-form")) == 1)
        accounts = {"admin": ("xjadmin", "系统管理员甲"), "secadmin": ("xjsec", "安全管理员乙"), "auditor": ("xjaudit", "审计员丙")}
        for prefix, (username, name) in accounts.items():
            d.find_element(By.ID, f"s-{prefix}_username").send_keys(username)
            d.find_element(By.ID, f"s-{prefix}_name").send_keys(name)
            d.find_element(By.ID, f"s-{prefix}_password").send_keys("Short1")
        d.find_element(By.ID, "s-code").clear()
        d.find_element(By.ID, "s-code").send_keys(code)
        first.submit(d.find_element(By.ID, "accounts-form"))
        first.check("weak passwords are refused beside their fields, names kept",
                    len(d.find_elements(By.CSS_SELECTOR, ".field-error")) >= 3
                    and d.find_element(By.ID, "s-admin_username").get_attribute("value") == "xjadmin")
        errors = [e.text for e in d.find_elements(By.CSS_SELECTOR, ".field-error")]
        first.check(f"…in Chinese only ({errors[:1]})", errors and not any(re.search(r"[A-Za-z]{4,}", e) for e in errors))
        first.shoot("setup-accounts-refused.png")
        for prefix in accounts:
            d.find_element(By.ID, f"s-{prefix}_password").send_keys(CHOSEN)
        d.find_element(By.ID, "s-code").clear()
        d.find_element(By.ID, "s-code").send_keys(code)
        first.submit(d.find_element(By.ID, "accounts-form"))
        secrets = {card.get_attribute("data-username"): card.find_element(By.CSS_SELECTOR, ".totp-secret").text
                   for card in d.find_elements(By.CSS_SELECTOR, "[data-username]")}
        first.check(f"three administrators, each with a second factor shown once ({sorted(secrets)})",
                    sorted(secrets) == ["xjadmin", "xjaudit", "xjsec"] and len(d.find_elements(By.CSS_SELECTOR, ".qr-code img")) == 3)
        first.shoot("setup-administrators.png")
        first.get("/setup")
        first.check("the first-run page is gone once accounts exist", "/login" in d.current_url)

        # 2. The system administrator walks the setup.
        admin = browser()
        sign_in(admin, "xjadmin", CHOSEN, secrets["xjadmin"])
        admin.get("/setup")
        a = admin.driver
        admin.check("the setup walk names the county", "峡江县" in a.find_element(By.ID, "step-1").text)
        upload(admin, "upload-units", os.path.join(folder, "bad-units.csv"))
        text = a.find_element(By.ID, "problems").text if a.find_elements(By.ID, "problems") else ""
        admin.check("the bad unit file is refused: unknown division", "区划不存在" in text)
        admin.check("…a code twice", "已在第" in text)
        admin.check("…a cycle", "循环" in text)
        admin.check("…a unit of another county", "不在本县范围内" in text)
        admin.check("…no code, pointer or English in the problems", not re.search(r"[A-Za-z_]+/|/[a-z]", text))
        admin.shoot("setup-units-refused.png")
        admin.get("/admin/units")
        admin.check("…and nothing was written", len(a.find_elements(By.CSS_SELECTOR, "table tbody tr")) == 0)
        admin.get("/setup")
        upload(admin, "upload-units", os.path.join(folder, "units.csv"))
        admin.check("the units are loaded", "承办单位已导入" in a.find_element(By.ID, "notice").text)
        upload(admin, "upload-catalogue", os.path.join(folder, "catalogue.csv"))
        admin.check("the county's catalogue is loaded", "派单目录已导入" in a.find_element(By.ID, "notice").text)
        admin.get("/admin/catalogue/0199")
        admin.check("…with the county's own item", "米粉摊点占道经营" in a.page_source)
        admin.get("/setup")
        upload(admin, "upload-roles", os.path.join(folder, "roles.csv"))
        admin.check("the role mapping is loaded", "已导入" in a.find_element(By.ID, "notice").text)
        admin.check("the dispatch check passes", "已完成" in a.find_element(By.ID, "step-5").text)
        admin.get("/admin/rules")
        form = a.find_element(By.CSS_SELECTOR, "form[action='/admin/rules/grids']")
        form.find_element(By.ID, "g-file").send_keys(os.path.join(folder, "grids.geojson"))
        admin.submit(form)
        admin.get("/setup")
        admin.check("the grids are in", "已完成" in a.find_element(By.ID, "step-7").text)
        admin.shoot("setup-walk.png")

        # 3. The security administrator imports the staff accounts.
        security = browser()
        sign_in(security, "xjsec", CHOSEN, secrets["xjsec"], change_to=CHOSEN + "-sec")
        security.get("/admin/users/import")
        s = security.driver
        form = s.find_element(By.CSS_SELECTOR, "form[action='/admin/users/import']")
        form.find_element(By.ID, "file").send_keys(os.path.join(folder, "users.csv"))
        security.submit(form)
        passwords = {}
        for row in s.find_elements(By.CSS_SELECTOR, "table tbody tr"):
            cells = row.find_elements(By.TAG_NAME, "td")
            if len(cells) >= 4:
                passwords[cells[1].text.strip()] = cells[3].text.strip()
        security.check(f"one account per role imported ({len(passwords)})", len(passwords) == 9)

        # 4. Nothing blocks dispatching.
        admin.get("/admin/readiness")
        state = a.find_element(By.ID, "readiness-state").text
        admin.check(f"the readiness page says the county is ready ({state})", "没有阻碍派单的问题" in state)
        admin.shoot("setup-readiness.png")

        # 5. A resident reports rubbish in 马埠村 on a phone.
        resident = browser(phone=True)
        resident.get("/p/report")
        r = resident.driver
        r.find_element(By.ID, "r-description").send_keys("马埠村路口垃圾堆了好几天没人清运，气味很大")
        Select(r.find_element(By.ID, "r-division")).select_by_value(VILLAGES[0][0])
        r.find_element(By.ID, "r-phone").send_keys("13907961234")
        resident.submit(r.find_element(By.ID, "report-form"))
        tracking = r.find_element(By.CSS_SELECTOR, "#new-code .tracking-code").text.replace(" ", "")
        number = r.find_element(By.CSS_SELECTOR, "#h-status + p .muted").text.split("·")[0].strip()
        resident.check(f"the resident gets a tracking code ({tracking}, order {number})", len(tracking) >= 8)

        # 6. The dispatcher finds 马埠镇's enforcement team suggested and dispatches.
        dispatcher = browser()
        sign_in(dispatcher, "dispatcher1", passwords["dispatcher1"], change_to=CHOSEN + "-d")
        dispatcher.get("/queue")
        p = dispatcher.driver
        row = p.find_element(By.ID, f"row-{number}")
        suggested = Select(row.find_element(By.NAME, "departmentId")).first_selected_option.text
        dispatcher.check(f"routing suggests 马埠镇's enforcement team ({suggested})", "综合行政执法队101" in suggested)
        dispatcher.shoot("setup-queue.png")
        dispatcher.submit(row.find_element(By.TAG_NAME, "form"))
        dispatcher.check("dispatched", number in p.find_element(By.ID, "notice").text)

        # 7. The handler signs and completes on a phone.
        handler = browser(phone=True)
        sign_in(handler, "handler1", passwords["handler1"], change_to=CHOSEN + "-h")
        handler.get("/my-orders")
        h = handler.driver
        h.find_element(By.PARTIAL_LINK_TEXT, number).click()
        handler.collect()
        handler.act("sign")
        handler.check("signed", "已签收" in handler.status())
        handler.act("complete", {"note": "已组织清运，路口恢复整洁"})
        handler.check("completed", "已办结" in handler.status())
        handler.shoot("setup-handler-order.png")

        # 8. The dispatcher calls back and closes; the resident sees it closed.
        dispatcher.get("/orders?q=" + number)
        p.find_element(By.LINK_TEXT, number).click()
        dispatcher.collect()
        dispatcher.act("revisit", {"satisfaction": "satisfied", "solved": "true", "comment": "电话回访，已清运"})
        dispatcher.act("close", {"note": "回访满意，结案"})
        dispatcher.check("closed", "已结案" in dispatcher.status())
        resident.get(f"/p/track/{tracking}")
        resident.check("the resident sees it closed", "已结案" in r.find_element(By.ID, "public-status").text)
        resident.shoot("setup-resident-closed.png")

        for b in browsers:
            b.collect()
        # The refusals above answer 403 and 422 on purpose; anything else is a failure.
        expected = [("/setup/divisions", "403"), ("/setup/divisions", "422"), ("/setup/accounts", "422"), ("/setup/units", "422")]
        unexpected = [e for e in console if not any(path in e["message"] and f"status of {status}" in e["message"] for path, status in expected)]
        first.check(f"no browser console errors or failed requests {unexpected if unexpected else ''}", not unexpected)
    finally:
        for b in browsers:
            try:
                b.driver.quit()
            except Exception:
                pass
        server.stop(keep=bool(failures))
    if failures:
        print(f"{len(failures)} check(s) failed; server log in {folder}")
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
