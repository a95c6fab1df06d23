#!/usr/bin/env python3
"""Issue 24's 农耕地互助 in headless Chromium, through the pages only: village staff record a household's field
(finding the household by typing its door), form a team, file a request at transplanting time, send the team and
record the work done with the days two neighbours gave; the leader reads the days exchanged on a 360 px phone.

    python3 scripts/browser/farm_aid.py --binary .build/debug/lianxin [--screenshots DIR]
"""

from harness import Checks, DemoServer, browser_arguments, check_phone_page, chrome, shooter, sign_in, submit
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def main():
    args = browser_arguments(__doc__.splitlines()[0])
    demo = DemoServer(args.binary, "lianxin-farm-", extra_env={"LIANXIN_RATE_LOGIN": "1000"})
    check = Checks()
    try:
        demo.wait_ready()
        driver = chrome(args.chromium, args.chromedriver)
        shoot = shooter(driver, args.screenshots)

        sign_in(driver, demo.base, "community")
        driver.get(demo.base + "/farm-aid")
        form = driver.find_element(By.ID, "farm-field-form")
        households = [o for o in Select(form.find_element(By.NAME, "householdId")).options if o.get_attribute("value")]
        check(f"households to pick from ({len(households)})", len(households) >= 4)
        host, helper_a, helper_b = households[0].text, households[1].text, households[2].text
        form.find_element(By.NAME, "name").send_keys("屋后田")
        form.find_element(By.NAME, "area").send_keys("三亩")
        submit(driver, form)
        form = driver.find_element(By.ID, "farm-field-form")
        check("an area in words and no household are named, the field's name kept",
              "请填写面积" in form.text and "请选择农户" in form.text and form.find_element(By.NAME, "name").get_attribute("value") == "屋后田")
        search = form.find_element(By.CSS_SELECTOR, "[data-picker-search]")
        search.send_keys(host)
        shown = driver.execute_script(
            "return Array.from(arguments[0].options).filter(o => o.value && !o.hidden).length", form.find_element(By.NAME, "householdId"))
        check(f"typing narrows the households ({shown} of {len(households)})", 0 < shown < len(households))
        Select(form.find_element(By.NAME, "householdId")).select_by_visible_text(host)
        area = form.find_element(By.NAME, "area")
        area.clear()
        area.send_keys("3")
        form.find_element(By.NAME, "labourShort").click()
        submit(driver, form)

        form = driver.find_element(By.ID, "farm-team-form")
        form.find_element(By.NAME, "name").send_keys("第一互助队")
        form.find_element(By.NAME, "leader").send_keys("章吉仙")
        members = Select(form.find_element(By.NAME, "householdIds[]"))
        members.select_by_visible_text(helper_a)
        members.select_by_visible_text(helper_b)
        submit(driver, form)

        form = driver.find_element(By.ID, "farm-request-form")
        Select(form.find_element(By.NAME, "fieldId")).select_by_index(1)
        Select(form.find_element(By.NAME, "task")).select_by_value("transplanting")
        form.find_element(By.NAME, "days").send_keys("4")
        submit(driver, form)
        waiting = driver.find_element(By.ID, "farm-waiting")
        check("the request waits for a team", "插秧" in waiting.text and "待派队" in waiting.text)
        assign = waiting.find_element(By.CSS_SELECTOR, "form.farm-assign")
        Select(assign.find_element(By.NAME, "teamId")).select_by_visible_text("第一互助队")
        submit(driver, assign)
        waiting = driver.find_element(By.ID, "farm-waiting")
        check("the team is sent", "已派队：第一互助队" in waiting.text)
        details = waiting.find_element(By.CSS_SELECTOR, "details.farm-complete")
        details.find_element(By.TAG_NAME, "summary").click()
        done = details.find_element(By.TAG_NAME, "form")
        helpers = done.find_elements(By.NAME, "helperIds[]")
        days = done.find_elements(By.NAME, "helperDays[]")
        Select(helpers[0]).select_by_visible_text(helper_a)
        days[0].send_keys("1.5")
        Select(helpers[1]).select_by_visible_text(helper_b)
        days[1].send_keys("2")
        submit(driver, done)
        check("the work is done and 3.5 days exchanged", driver.find_element(By.ID, "farm-days").text == "3.5"
              and "插秧" not in driver.find_element(By.ID, "farm-waiting").text)
        balances = driver.find_element(By.ID, "farm-balances").text
        check("the host received 3.5 days; the neighbours gave theirs", "−3.5" in balances and "+2" in balances and "+1.5" in balances)
        shoot("farm-aid-staff.png")

        sign_in(driver, demo.base, "leader")
        driver.set_window_size(360, 900)
        driver.get(demo.base + "/farm-aid")
        check("the leader reads the days and the village", driver.find_element(By.ID, "farm-days").text == "3.5"
              and "上滩头社区" in driver.find_element(By.ID, "farm-villages").text)
        check("the leader has no forms", not driver.find_elements(By.ID, "farm-field-form"))
        shoot("farm-aid-leader-360.png")
        check_phone_page(driver, check)
        driver.quit()
    finally:
        demo.stop(keep=bool(check.failures))
    check.done("farm aid")


if __name__ == "__main__":
    main()
