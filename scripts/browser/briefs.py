#!/usr/bin/env python3
"""Issue 19's repeat calls and hotline briefs in headless Chromium, through the pages only: the operator files a call
at the desk; the same caller rings again about the same problem and, with the desk's repeat box left ticked, lands on
the first order told that the call was linked to it (重复诉求) — nothing new to dispatch; the leader reads the day's
brief (热线日报) and the week's on a 360 px phone: volume against the day before with the repeat counted, the top
categories, late work, and the new indicators with their formulas on the cockpit.

    python3 scripts/browser/briefs.py --binary .build/debug/lianxin [--screenshots DIR]
"""

from harness import Checks, DemoServer, browser_arguments, check_phone_page, chrome, shooter, sign_in, submit
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def file_call(driver, base, phone, title, description):
    driver.get(base + "/desk")
    driver.find_element(By.ID, "requesterPhone").send_keys(phone)
    driver.find_element(By.ID, "requesterName").send_keys("周女士")
    driver.find_element(By.ID, "title").send_keys(title)
    driver.find_element(By.ID, "description").send_keys(description)
    Select(driver.find_element(By.NAME, "categoryCode")).select_by_value("0601")
    Select(driver.find_element(By.NAME, "divisionCode")).select_by_value("361102001001")
    submit(driver, driver.find_element(By.ID, "desk-form"))


def main():
    args = browser_arguments(__doc__.splitlines()[0])
    demo = DemoServer(args.binary, "lianxin-briefs-", extra_env={"LIANXIN_RATE_LOGIN": "1000"})
    check = Checks()
    try:
        demo.wait_ready()
        driver = chrome(args.chromium, args.chromedriver)
        shoot = shooter(driver, args.screenshots)

        sign_in(driver, demo.base, "operator")
        driver.get(demo.base + "/desk")
        box = driver.find_element(By.ID, "linkRepeat")
        check("the desk offers to link a repeat call, ticked by default", box.is_selected() and "重复诉求" in box.find_element(By.XPATH, "..").text)
        file_call(driver, demo.base, "13907936666", "上滩头劳动路路灯不亮", "劳动路 28 号门前路灯不亮已经两晚")
        first = driver.current_url.split("?")[0]
        check("the first call is filed as a new order", "created=1" in driver.current_url)
        file_call(driver, demo.base, "13907936666", "路灯还是不亮", "又打来问劳动路 28 号门前路灯什么时候修")
        check("the second call lands on the first order", driver.current_url.split("?")[0] == first and "repeat=" in driver.current_url)
        check("and says it was linked as a repeat request", "已关联为重复诉求" in driver.page_source)
        shoot("briefs-repeat.png")

        sign_in(driver, demo.base, "leader")
        driver.get(demo.base + "/dashboard?division=361102")
        page = driver.page_source
        check("the cockpit shows the hotline indicators with their formulas",
              all(name in page for name in ["直接办结率", "知识库命中率", "及时签收率", "回退率", "回访率", "核减率", "重复诉求率"])
              and "重复诉求率 = " in page)
        driver.find_element(By.LINK_TEXT, "热线日报、周报").click()
        brief = driver.find_element(By.ID, "brief")
        check("the daily brief opens with the day's volume", "热线日报" in brief.text and "受理概况" in brief.text)
        rows = {r.find_elements(By.TAG_NAME, "td")[0].text: [c.text for c in r.find_elements(By.TAG_NAME, "td")]
                for r in driver.find_elements(By.CSS_SELECTOR, "#brief-volume tbody tr")}
        check(f"today's repeat call is counted ({rows.get('重复诉求（已关联原工单）')})",
              rows.get("重复诉求（已关联原工单）", ["", "0"])[1] == "1")
        check("top categories and late work are listed",
              driver.find_elements(By.CSS_SELECTOR, "#brief-categories tbody tr") and "当前超期未办" in driver.find_element(By.ID, "brief-lateness").text)
        shoot("briefs-daily.png")
        driver.set_window_size(360, 900)
        Select(driver.find_element(By.NAME, "kind")).select_by_value("weekly")
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form.dash-filter"))
        check("the weekly brief on a phone", "热线周报" in driver.find_element(By.ID, "brief").text and "—" in driver.find_element(By.ID, "brief").text)
        shoot("briefs-weekly-360.png")
        check_phone_page(driver, check)
        driver.quit()
    finally:
        demo.stop(keep=bool(check.failures))
    check.done("briefs")


if __name__ == "__main__":
    main()
