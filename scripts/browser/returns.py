#!/usr/bin/env python3
"""A unit's return (退单) refused and then approved, using only the pages, in headless Chromium (issue 19).

Starts the built server with the demo city on a fresh data folder, then: the operator files a call at the desk →
the dispatcher routes it to the district's city management bureau → the handler, on a phone, returns it with a
reason picked from the county's list → the dispatcher refuses the return with a reason: the order is back with the
unit → the handler returns it again → the dispatcher approves the return and redispatches it to another unit.
Fails on any browser console error or failed request, and on a page wider than the phone.

    python3 scripts/browser/returns.py [--binary .build/debug/lianxin] [--screenshots DIR]
"""
import argparse
import os
import sys

from harness import DemoServer
from lifecycle import ROOT, Browser
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def options(form, name):
    """The (value, label) pairs a select of `form` offers, without the empty choice."""
    return [(o.get_attribute("value"), o.text) for o in Select(form.find_element(By.NAME, name)).options if o.get_attribute("value")]


def open_form(browser, action):
    details = browser.driver.find_element(By.ID, f"act-{action}")
    if details.get_attribute("open") is None:
        details.find_element(By.TAG_NAME, "summary").click()
    return details.find_element(By.TAG_NAME, "form")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/lianxin"))
    parser.add_argument("--screenshots", default=os.path.join(ROOT, "screenshots"))
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    args = parser.parse_args()
    os.makedirs(args.screenshots, exist_ok=True)

    demo = DemoServer(args.binary, "lianxin-returns-")
    failures, console, browsers = [], [], []
    try:
        demo.wait_ready()

        def browser(phone):
            b = Browser(args, demo.base, phone, failures, console)
            browsers.append(b)
            return b

        # 1. The operator files a call at the desk.
        operator = browser(phone=False)
        operator.login("operator")
        operator.get("/desk")
        o = operator.driver
        o.find_element(By.ID, "requesterPhone").send_keys("13907936666")
        o.find_element(By.ID, "requesterName").send_keys("赵女士")
        o.find_element(By.ID, "title").send_keys("路灯不亮")
        o.find_element(By.ID, "description").send_keys("五三大道北段路灯连续三晚不亮，夜间行人和电动车很危险")
        operator.wait.until(lambda drv: drv.find_elements(By.CSS_SELECTOR, "[data-suggestions] .chip"))
        cell = o.find_element(By.CSS_SELECTOR, "[data-map] path[data-code]")
        ActionChains(o).move_to_element(cell).click().perform()
        operator.wait.until(lambda drv: "网格" in drv.find_element(By.CSS_SELECTOR, "[data-suggestions]").text)
        operator.submit(o.find_element(By.ID, "desk-form"))
        created = o.find_element(By.ID, "created-notice").text
        number = next((w for w in created.replace("：", " ").replace("，", " ").split() if w.isdigit() and len(w) == 14), "")
        operator.check(f"the desk files the call ({created})", len(number) == 14)
        order_path = o.current_url.replace(demo.base, "").split("?")[0]

        # 2. The dispatcher routes it to the district's city management bureau.
        dispatcher = browser(phone=False)
        dispatcher.login("dispatcher")
        dispatcher.get("/queue")
        p = dispatcher.driver
        row = p.find_element(By.ID, f"row-{number}")
        Select(row.find_element(By.NAME, "departmentId")).select_by_visible_text("信州区城市管理局")
        dispatcher.submit(row.find_element(By.TAG_NAME, "form"))
        dispatcher.check("dispatched", number in p.find_element(By.ID, "notice").text)

        # 3. The handler returns it on a phone, with a reason from the county's list.
        handler = browser(phone=True)
        handler.login("handler")
        h = handler.driver
        handler.get(order_path)
        handler.check("the handler has the order to sign", "待签收" in handler.status())
        form = open_form(handler, "returnOrder")
        reasons = options(form, "returnReasonId")
        handler.check(f"the return form offers the county's reasons ({len(reasons)})", len(reasons) >= 5 and reasons[0][1] == "不属于本单位职责")
        # Without a reason the form comes back with the problem beside the field and the text kept.
        form.find_element(By.NAME, "reason").send_keys("路灯属供电公司资产")
        handler.submit(form)
        # The browser logs the deliberate refusal (422) as a failed request: that one is expected.
        console[:] = [e for e in console if "status of 422" not in e.get("message", "")]
        form = open_form(handler, "returnOrder")
        errors = [e.text for e in form.find_elements(By.CSS_SELECTOR, ".field-error")]
        handler.check(f"no reason chosen: the problem is named beside the field ({errors})", any("请从列表中选择退单原因" in e for e in errors))
        handler.check("…and the order is still the unit's", "待签收" in handler.status())
        handler.check("…and what was typed is kept", form.find_element(By.NAME, "reason").get_attribute("value") == "路灯属供电公司资产")
        Select(form.find_element(By.NAME, "returnReasonId")).select_by_value(reasons[0][0])
        handler.shoot("return-form.png")
        handler.submit(form)
        handler.check("returned: waiting for the dispatcher", "已退单" in handler.status())
        handler.check("the unit can do nothing more while it waits", not h.find_elements(By.CSS_SELECTOR, "[id^=act-]"))

        # 4. The dispatcher sees the reason and refuses the return: the order is back with the unit.
        dispatcher.get("/queue?status=returned")
        dispatcher.check("the returns queue shows the reason", "不属于本单位职责：路灯属供电公司资产" in p.find_element(By.ID, f"row-{number}").text)
        dispatcher.shoot("returns-queue.png")
        dispatcher.get(order_path)
        form = open_form(dispatcher, "refuseReturn")
        form.find_element(By.NAME, "reason").send_keys("城区路灯由城管局统一管护，请继续办理")
        dispatcher.submit(form)
        dispatcher.check("refused: the order is back with the unit, as it was", "待签收" in dispatcher.status())

        h.refresh()
        handler.collect()
        handler.check("the handler sees it back", "待签收" in handler.status())
        handler.check("…with the refusal in its history", "驳回退单" in h.page_source and "城管局统一管护" in h.page_source)
        handler.shoot("return-refused.png")

        # 5. The handler returns it again; the dispatcher approves and redispatches.
        form = open_form(handler, "returnOrder")
        Select(form.find_element(By.NAME, "returnReasonId")).select_by_value(reasons[1][0])
        handler.submit(form)
        handler.check("returned again", "已退单" in handler.status())
        dispatcher.get(order_path)
        form = open_form(dispatcher, "approveReturn")
        dispatcher.submit(form)
        dispatcher.check("approved: it waits for a new unit", "已退单" in dispatcher.status() and not p.find_elements(By.ID, "act-refuseReturn"))
        form = open_form(dispatcher, "redispatch")
        units = options(form, "departmentId")
        Select(form.find_element(By.NAME, "departmentId")).select_by_value(units[0][0])
        form.find_element(By.NAME, "reason").send_keys("改派给辖区内的责任单位")
        dispatcher.submit(form)
        dispatcher.check(f"redispatched to {units[0][1]}", "待签收" in dispatcher.status())
        dispatcher.shoot("return-approved.png")
        handler.get("/my-orders")
        handler.check("the order has left the handler's list", number not in h.page_source)
    finally:
        for b in browsers:
            try:
                b.quit()
            except Exception:
                pass
        demo.stop(keep=bool(failures or console))
    for entry in console:
        failures.append(f"browser console: {entry.get('message')}")
    if failures:
        print(f"{len(failures)} check(s) failed:")
        for failure in failures:
            print("  -", failure)
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
