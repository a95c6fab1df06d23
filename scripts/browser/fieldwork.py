#!/usr/bin/env python3
"""Issue 21 in headless Chromium, through the pages only: city assets (部件) and verification before closing (核查).

The dispatcher imports an asset file that is refused whole with a row-by-row report, then a good one; the assets
appear as a layer on the map; on a phone, the grid member opens an asset from the map and files a report naming it,
which is suggested to the asset's owner unit and listed in its history. The administrator requires an on-site check
for street lights; the handler completes; the grid member fails the check on site (position and photo), the handler
redoes it, the supervisor passes it, and the order may be closed.

    python3 scripts/browser/fieldwork.py --binary .build/debug/lianxin [--screenshots DIR]
"""
import argparse
import os
import sys

from harness import DemoServer, ROOT
from lifecycle import Browser, png
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/lianxin"))
    parser.add_argument("--screenshots", default=os.path.join(ROOT, "screenshots"))
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    args = parser.parse_args()
    os.makedirs(args.screenshots, exist_ok=True)
    demo = DemoServer(args.binary, "lianxin-fieldwork-", extra_env={"LIANXIN_RATE_LOGIN": "1000"})
    failures, console, browsers = [], [], []
    photo = png(os.path.join(demo.data, "check.png"), rgb=(90, 90, 200))
    try:
        demo.wait_ready()

        def browser(phone):
            b = Browser(args, demo.base, phone, failures, console)
            browsers.append(b)
            return b

        # 1. The dispatcher imports assets: a bad file is refused whole, with its report; a good one is taken.
        # The centre of the grid member's own map (their community), where the assets are placed.
        member = browser(phone=True)
        member.login("gridmember")
        member.get("/assets")
        gridmap = member.driver.find_element(By.CSS_SELECTOR, "[data-map]")
        p = {k: float(gridmap.get_attribute("data-" + k)) for k in ["min-lon", "max-lat", "scale", "lon-factor", "width", "height"]}
        lon = p["min-lon"] + p["width"] * 0.5 / (p["lon-factor"] * p["scale"])
        lat = p["max-lat"] - p["height"] * 0.5 / p["scale"]
        header = "部件编码,小类,名称,经度,纬度,权属单位,状态,地址\n"
        rows = [
            f"3611020103000017,0103,劳动路雨水井盖,{lon:.6f},{lat:.6f},XZ-CG,完好,劳动路12号\n",
            f"3611020125000003,0125,劳动路路灯,{lon + 0.002:.6f},{lat + 0.001:.6f},XZ-CG,破损,劳动路14号\n",
        ]
        bad = os.path.join(demo.data, "assets-bad.csv")
        with open(bad, "w", encoding="utf-8") as f:
            f.write(header + rows[0] + rows[1].replace("XZ-CG", "不存在的单位"))
        good = os.path.join(demo.data, "assets.csv")
        with open(good, "w", encoding="utf-8") as f:
            f.write(header + "".join(rows))
        desk = browser(phone=False)
        desk.login("dispatcher")
        desk.get("/assets")
        form = desk.driver.find_element(By.CSS_SELECTOR, "#asset-import form")
        form.find_element(By.NAME, "file").send_keys(bad)
        desk.submit(form)
        report = desk.driver.find_element(By.ID, "a-file-report").text
        desk.check(f"the bad file is refused with its report: {report!r}", "第 2 行 权属单位" in report)
        desk.check("nothing was imported", len(desk.driver.find_elements(By.CSS_SELECTOR, "#asset-list tbody tr")) == 0)
        desk.shoot("assets-import-refused.png")
        form = desk.driver.find_element(By.CSS_SELECTOR, "#asset-import form")
        form.find_element(By.NAME, "file").send_keys(good)
        desk.submit(form)
        desk.check("the good file is imported", "新增 2 个" in desk.driver.find_element(By.ID, "assets-notice").text)
        markers = desk.driver.find_elements(By.CSS_SELECTOR, "svg [data-layer=assets] circle")
        desk.check(f"both assets are on the map ({len(markers)})", len(markers) == 2)
        desk.shoot("assets-map.png")

        # 2. On a phone, the grid member opens an asset from the map and reports it.
        phone = member
        phone.get("/assets")
        phone.shoot("assets-map-360.png")
        link = phone.driver.find_element(By.CSS_SELECTOR, "svg [data-layer=assets] a")
        asset_path = link.get_dom_attribute("href")
        phone.get(asset_path)
        phone.check("the asset page names its class and owner", ("雨水井盖" in phone.driver.page_source or "路灯" in phone.driver.page_source) and "信州区城市管理局" in phone.driver.page_source)
        form = phone.driver.find_element(By.CSS_SELECTOR, "#asset-report form")
        form.find_element(By.NAME, "description").send_keys("井盖破裂，有行人踩空风险")
        Select(form.find_element(By.NAME, "categoryCode")).select_by_value("0601")
        phone.submit(form)
        phone.check("a report without a title is refused beside the field, text kept",
                    phone.driver.find_elements(By.ID, "r-title-error") and "井盖破裂" in phone.driver.page_source)
        form = phone.driver.find_element(By.CSS_SELECTOR, "#asset-report form")
        form.find_element(By.NAME, "title").send_keys("劳动路部件损坏")
        phone.submit(form)
        phone.check("the report opens the new order", "/orders/" in phone.driver.current_url)
        order_url = phone.driver.current_url
        phone.get(asset_path)
        phone.check("the asset's history lists the order", "上报问题" in phone.driver.find_element(By.ID, "asset-history").text)
        phone.shoot("asset-page-360.png")

        # 3. Street lights (0601) require an on-site check; the order is dispatched to the handler and completed.
        admin = browser(phone=False)
        admin.login("admin")
        admin.get("/admin/catalogue/0601")
        box = admin.driver.find_element(By.ID, "c-verification")
        if not box.is_selected():
            box.click()
        admin.submit(box.find_element(By.XPATH, "./ancestor::form"))
        desk.driver.get(order_url)
        desk.act("accept")
        desk.act("dispatch", {"departmentId": desk.driver.find_element(By.CSS_SELECTOR, "#act-dispatch select option:checked").get_attribute("value")})
        handler = browser(phone=True)
        handler.login("handler")
        handler.driver.get(order_url)
        handler.act("sign")
        handler.act("complete", {"note": "已更换井盖"})
        handler.check("the completed order waits for the check", handler.status() == "待核查")

        # 4. The grid member fails the check on site, with the phone's position and a photo.
        member.driver.execute_cdp_cmd("Browser.grantPermissions", {"origin": demo.base, "permissions": ["geolocation"]})
        member.driver.execute_cdp_cmd("Emulation.setGeolocationOverride", {"latitude": lat, "longitude": lon, "accuracy": 15})
        member.driver.get(order_url)
        details = member.driver.find_element(By.ID, "act-verify")
        form = details.find_element(By.TAG_NAME, "form")
        Select(form.find_element(By.NAME, "approved")).select_by_value("false")
        form.find_element(By.NAME, "note").send_keys("井盖仍有裂缝")
        form.find_element(By.CSS_SELECTOR, "[data-geo-button]").click()
        member.wait.until(lambda d: form.find_element(By.NAME, "latitude").get_attribute("value") != "")
        member.shoot("verify-form-360.png")
        member.submit(form)
        member.check("a check without a photo is refused beside the photo field",
                     member.driver.find_elements(By.ID, "verify-file-error") and "井盖仍有裂缝" in member.driver.page_source)
        details = member.driver.find_element(By.ID, "act-verify")
        form = details.find_element(By.TAG_NAME, "form")
        Select(form.find_element(By.NAME, "approved")).select_by_value("false")
        form.find_element(By.CSS_SELECTOR, "[data-geo-button]").click()
        member.wait.until(lambda d: form.find_element(By.NAME, "latitude").get_attribute("value") != "")
        form.find_element(By.NAME, "file").send_keys(photo)
        member.submit(form)
        member.check("the failed check sends the order back to the unit", member.status() == "办理中")

        # 5. The handler redoes it; the supervisor passes the check; the operator closes.
        handler.driver.get(order_url)
        handler.act("complete", {"note": "已重新更换井盖并加固"})
        supervisor = browser(phone=False)
        supervisor.login("supervisor")
        supervisor.driver.execute_cdp_cmd("Browser.grantPermissions", {"origin": demo.base, "permissions": ["geolocation"]})
        supervisor.driver.execute_cdp_cmd("Emulation.setGeolocationOverride", {"latitude": lat, "longitude": lon, "accuracy": 15})
        supervisor.driver.get(order_url)
        form = supervisor.driver.find_element(By.CSS_SELECTOR, "#act-verify form")
        Select(form.find_element(By.NAME, "approved")).select_by_value("true")
        form.find_element(By.CSS_SELECTOR, "[data-geo-button]").click()
        supervisor.wait.until(lambda d: form.find_element(By.NAME, "latitude").get_attribute("value") != "")
        form.find_element(By.NAME, "file").send_keys(photo)
        supervisor.submit(form)
        supervisor.check("the passed check completes the order", supervisor.status() == "已办结")
        timeline = supervisor.driver.page_source
        supervisor.check("the timeline shows both checks", timeline.count("现场核查") >= 2)
        supervisor.shoot("verified-order.png")
        for b in browsers:
            b.collect()
        # The refusals above answer 422 on purpose (the form comes back with the problem beside its field).
        unexpected = [entry for entry in console if "status of 422" not in entry.get("message", "")]
        desk.check(f"no console errors {unexpected}", not unexpected)
    finally:
        for b in browsers:
            try:
                b.quit()
            except Exception:
                pass
        demo.stop(keep=bool(failures))
    if failures:
        print("fieldwork browser check: FAILED", failures)
        sys.exit(1)
    print("fieldwork browser check: passed")


if __name__ == "__main__":
    main()
