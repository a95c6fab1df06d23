#!/usr/bin/env python3
"""Issue 21 in headless Chromium: a grid member's patrol (巡查) in the field app, at 360 px, with the phone's position
and network emulated by Chromium.

The community's staff finds the grid member's grid on the grid map. The grid member opens the field app on the phone
(geolocation allowed, the position set inside the grid), starts a patrol and walks; the phone goes offline and the
walk goes on: the positions are kept on the phone with the times they were taken. Back online they are sent, once;
the member ends the patrol. The patrol reaches the server exactly once with every position; the community's staff
sees its track on the grid map and the grid card counts the month's patrols, hours and kilometres.

    python3 scripts/browser/patrol.py --binary .build/debug/lianxin [--screenshots DIR]
"""
import argparse
import datetime
import os
import re
import sys
import time

from harness import DemoServer, ROOT
from lifecycle import Browser
from offline import api, offline, parse
from selenium.webdriver.common.by import By

CENTRE = """
const code = arguments[0];
const map = document.querySelector("[data-map]");
const box = document.querySelector('path.grid[data-code="' + code + '"]').getBBox();
const n = (name) => Number(map.getAttribute(name));
const x = box.x + box.width / 2, y = box.y + box.height / 2;
return [n("data-min-lon") + x / (n("data-lon-factor") * n("data-scale")), n("data-max-lat") - y / n("data-scale")];
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/lianxin"))
    parser.add_argument("--screenshots", default=os.path.join(ROOT, "screenshots"))
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    args = parser.parse_args()
    os.makedirs(args.screenshots, exist_ok=True)
    demo = DemoServer(args.binary, "lianxin-patrol-", extra_env={"LIANXIN_RATE_LOGIN": "1000"})
    failures, console, browsers = [], [], []
    try:
        demo.wait_ready()

        def browser(phone):
            b = Browser(args, demo.base, phone, failures, console)
            browsers.append(b)
            return b

        # 1. The community's staff finds the grid member's grid and its middle on the map.
        desk = browser(phone=False)
        desk.login("community")
        desk.get("/grid-map")
        status, staff = api(desk, "GET", "/api/v1/grid-staff")
        grid = next(row["gridCode"] for row in staff if row["username"] == "gridmember")
        lon, lat = desk.driver.execute_script(CENTRE, grid)
        desk.check(f"the grid member's grid {grid} is on the map, its middle at {lon:.5f}, {lat:.5f}", status == 200)

        # 2. The grid member opens the field app on the phone, with the position allowed, and starts a patrol.
        member = browser(phone=True)
        cdp = member.driver.execute_cdp_cmd
        cdp("Browser.grantPermissions", {"origin": demo.base, "permissions": ["geolocation"]})
        # ≈ 56 m a step, one step every 3 seconds (≈ 67 km/h: under the 120 km/h a position may imply).
        walk = [(lat + i * 0.0005, lon) for i in range(7)]

        def stand(i):
            cdp("Emulation.setGeolocationOverride", {"latitude": walk[i][0], "longitude": walk[i][1], "accuracy": 10})

        def noted():
            return int(member.driver.find_element(By.ID, "f-patrol-state").get_attribute("data-noted") or 0)

        stand(0)
        member.login("gridmember")
        member.get("/field/app")
        member.wait.until(lambda d: d.find_element(By.ID, "f-ready").get_attribute("data-ready") == "yes")
        member.check("the patrol section is shown", member.driver.find_element(By.ID, "f-patrol-start").is_displayed())
        member.driver.find_element(By.ID, "f-patrol-start").click()
        member.wait.until(lambda d: noted() >= 1)
        started = datetime.datetime.now(datetime.timezone.utc)
        for i in [1, 2]:
            time.sleep(3)
            stand(i)
            member.wait.until(lambda d, n=i + 1: noted() >= n)
        member.wait.until(lambda d: "0 个位置待发送" in d.find_element(By.ID, "f-outbox-list").text)
        member.check("online, the positions are sent at once", "0 个位置待发送" in member.driver.find_element(By.ID, "f-outbox-list").text)
        member.shoot("patrol-running-360.png")

        # 3. No signal: the walk goes on and the positions wait on the phone.
        offline_from = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
        offline(member, True)
        for i in [3, 4, 5, 6]:
            time.sleep(3)
            stand(i)
            member.wait.until(lambda d, n=i + 1: noted() >= n)
        offline_until = datetime.datetime.now(datetime.timezone.utc)
        waiting = member.driver.find_element(By.ID, "f-outbox-list").text
        kept = re.search(r"(\d+) 个位置待发送", waiting)
        member.check(f"offline, the positions walked wait on the phone: {waiting!r}", kept is not None and int(kept.group(1)) >= 4)
        state = member.driver.find_element(By.ID, "f-patrol-state").text
        member.check(f"the phone says the patrol runs and how far: {state!r}", "巡查中" in state and "公里" in state)
        member.shoot("patrol-offline-360.png")

        # 4. Back online: the positions are sent once; the member ends the patrol.
        time.sleep(3)
        offline(member, False)
        member.wait.until(lambda d: "0 个位置待发送" in d.find_element(By.ID, "f-outbox-list").text)
        member.driver.find_element(By.ID, "f-patrol-end").click()
        member.driver.switch_to.alert.accept()
        member.wait.until(lambda d: d.find_element(By.ID, "f-patrol-state").get_attribute("data-running") == "no"
                          and d.find_element(By.ID, "f-count").text == "0")
        member.shoot("patrol-ended-360.png")
        for _ in range(2):
            member.driver.execute_script("document.getElementById('f-send').click()")
        time.sleep(1)

        status, patrols = api(member, "GET", "/api/v1/patrols")
        member.check(f"the patrol reached the server exactly once ({len(patrols)})", status == 200 and len(patrols) == 1)
        patrol = patrols[0]
        status, detail = api(member, "GET", f"/api/v1/patrols/{patrol['id']}")
        track = detail["track"]
        times = [parse(p["at"]) for p in track]
        member.check(f"with every position once ({len(track)}, at least the 7 walked)",
                     len(track) >= 7 and patrol["points"] == len(track) and len(set(times)) == len(times))
        taken_offline = [t for t in times if offline_from <= t <= offline_until]
        member.check(f"with the times they were taken: {len(taken_offline)} while offline, sent when the network returned",
                     times == sorted(times) and len(taken_offline) >= 4 and times[0] >= started - datetime.timedelta(seconds=30))
        member.check(f"its distance ({patrol['metres']} m) and end", 250 <= patrol["metres"] <= 600 and not patrol["running"])

        # 5. The track on the grid map; the grid card counts the month's patrols, hours and kilometres.
        desk.get("/grid-map")
        drawn = desk.driver.find_elements(By.CSS_SELECTOR, f'path.track[data-patrol="{patrol["id"]}"]')
        desk.check("the track is drawn on the grid map", len(drawn) == 1)
        desk.driver.find_element(By.CSS_SELECTOR, f'path.grid[data-code="{grid}"]').click()
        desk.wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".patrol-figures [data-km]"))
        row = desk.driver.find_element(By.CSS_SELECTOR, ".patrol-figures li")
        km = f"{patrol['metres'] / 1000:.1f}"
        desk.check(f"the card counts one patrol and {km} km: {row.text!r}",
                   row.find_element(By.CSS_SELECTOR, "[data-patrols]").text == "1"
                   and row.find_element(By.CSS_SELECTOR, "[data-km]").get_attribute("data-km") == km
                   and row.find_element(By.CSS_SELECTOR, "[data-hours]").get_attribute("data-hours") == f"{patrol['seconds'] / 3600:.1f}")
        desk.shoot("patrol-grid-map-desktop.png")
        phone_desk = browser(phone=True)
        phone_desk.login("community")
        phone_desk.get("/grid-map")
        phone_desk.shoot("patrol-grid-map-360.png")
        for b in browsers:
            b.collect()
        unexpected = [e for e in console if "net::ERR_INTERNET_DISCONNECTED" not in e.get("message", "")
                      and "Failed to fetch" not in e.get("message", "")]
        desk.check(f"no console errors {unexpected}", not unexpected)
    finally:
        for b in browsers:
            try:
                b.quit()
            except Exception:
                pass
        demo.stop(keep=bool(failures))
    if failures:
        print("patrol browser check: FAILED", failures)
        sys.exit(1)
    print("patrol browser check: passed")


if __name__ == "__main__":
    main()
