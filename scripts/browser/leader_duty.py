#!/usr/bin/env python3
"""Issue 24's leaders on duty in headless Chromium, through the pages only: the supervising office records a county
leader's session at a township hall (after a refused first try that keeps what was typed) and hands a problem to the
city-management bureau; the bureau's handler reports what was done and the office signs it off; on 三高包保 a township
leader is refused a high-risk matter, a county leader takes a high-frequency one and sets a task; the city leader
reads both pages on a 360 px phone.

    python3 scripts/browser/leader_duty.py --binary .build/debug/lianxin [--screenshots DIR]
"""

from harness import Checks, DemoServer, browser_arguments, check_phone_page, chrome, shooter, sign_in, submit
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def pick(select, words):
    """Selects the first option whose text holds `words`."""
    for option in Select(select).options:
        if words in option.text:
            Select(select).select_by_visible_text(option.text)
            return option.text
    raise AssertionError(f"no option with {words}")


def full_page(driver, shoot, name):
    """A screenshot of the whole page at the window's width (the tables below the fold included)."""
    width = driver.get_window_size()["width"]
    height = driver.get_window_size()["height"]
    driver.set_window_size(width, min(driver.execute_script("return document.documentElement.scrollHeight") + 120, 5000))
    shoot(name)
    driver.set_window_size(width, height)


HAN_OUTSIDE_DATA = """
const out = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const el = node.parentElement;
  if (!el || el.closest("script, style, textarea, [data-data], .who-name, .who-meta, .brand-mark, [lang]:not(html)")) continue;
  if (/[\\u4e00-\\u9fff]/.test(node.nodeValue)) out.push(node.nodeValue.trim());
}
return out;
"""


def main():
    args = browser_arguments(__doc__.splitlines()[0])
    demo = DemoServer(args.binary, "lianxin-leaders-", extra_env={"LIANXIN_RATE_LOGIN": "1000"})
    check = Checks()
    try:
        demo.wait_ready()
        driver = chrome(args.chromium, args.chromedriver)
        shoot = shooter(driver, args.screenshots)

        sign_in(driver, demo.base, "supervisor")
        driver.get(demo.base + "/leader-duty")
        check("the demo's figures are shown", int(driver.find_element(By.ID, "ld-sessions").text) >= 1)
        form = driver.find_element(By.ID, "ld-session-form")
        form.find_element(By.NAME, "hall").send_keys("水南街道便民服务中心 社保窗口")
        form.find_element(By.NAME, "services").send_keys("很多")
        submit(driver, form)
        form = driver.find_element(By.ID, "ld-session-form")
        check("each missing field is named and the hall kept",
              "请选择领导" in form.text and "请选择服务大厅所在地" in form.text and "陪办业务件数须为 1 到 200" in form.text
              and form.find_element(By.NAME, "hall").get_attribute("value") == "水南街道便民服务中心 社保窗口")
        pick(form.find_element(By.NAME, "leaderId"), "黄建平")
        form.find_element(By.CSS_SELECTOR, "[data-picker-search]").send_keys("水南街道")
        pick(form.find_element(By.NAME, "divisionCode"), "水南街道")
        form.find_element(By.NAME, "matter").send_keys("城乡居民医保参保登记")
        Select(form.find_element(By.NAME, "role")).select_by_value("asApplicant")
        services = form.find_element(By.NAME, "services")
        services.clear()
        services.send_keys("5")
        submit(driver, form)
        check("the session is listed", "城乡居民医保参保登记" in driver.find_element(By.ID, "ld-recent").text)

        form = driver.find_element(By.ID, "ld-problem-form")
        pick(form.find_element(By.NAME, "sessionId"), "社保窗口")
        form.find_element(By.NAME, "description").send_keys("叫号屏与窗口编号对不上，老人找不到窗口")
        pick(form.find_element(By.NAME, "ownerUnitId"), "信州区城市管理局")
        submit(driver, form)
        tasks = driver.find_element(By.ID, "ld-tasks").text
        check("the problem waits for the bureau", "叫号屏与窗口编号对不上" in tasks and "待整改" in tasks)
        full_page(driver, shoot, "leader-duty-office.png")

        sign_in(driver, demo.base, "handler")
        driver.get(demo.base + "/leader-duty")
        rows = [r for r in driver.find_elements(By.CSS_SELECTOR, "#ld-tasks tbody tr") if "叫号屏" in r.text]
        check("the bureau's handler sees the task", len(rows) == 1)
        check("the handler sees only the bureau's tasks", "自助终端" not in driver.find_element(By.ID, "ld-tasks").text)
        details = rows[0].find_element(By.CSS_SELECTOR, "details.ld-rectify")
        details.find_element(By.TAG_NAME, "summary").click()
        done = details.find_element(By.TAG_NAME, "form")
        done.find_element(By.NAME, "rectification").send_keys("已更换叫号屏并在大厅入口张贴窗口指引")
        submit(driver, done)
        tasks = driver.find_element(By.ID, "ld-tasks").text
        check("the task waits for sign-off", "已整改待销号" in tasks and "已更换叫号屏" in tasks)

        sign_in(driver, demo.base, "supervisor")
        driver.get(demo.base + "/leader-duty")
        row = [r for r in driver.find_elements(By.CSS_SELECTOR, "#ld-tasks tbody tr") if "叫号屏" in r.text][0]
        submit(driver, row.find_element(By.CSS_SELECTOR, "form.ld-confirm"))
        check("signed off, the task leaves the list", "叫号屏" not in driver.find_element(By.ID, "ld-tasks").text)

        driver.get(demo.base + "/three-highs")
        form = driver.find_element(By.ID, "th-matter-form")
        Select(form.find_element(By.NAME, "tier")).select_by_value("highRisk")
        pick(form.find_element(By.NAME, "leaderId"), "罗晓燕")
        pick(form.find_element(By.NAME, "categoryCode"), "非法小广告")
        form.find_elements(By.CSS_SELECTOR, "[data-picker-search]")[1].send_keys("水南街道")
        pick(form.find_element(By.NAME, "divisionCode"), "水南街道")
        form.find_element(By.NAME, "note").send_keys("楼道小广告反复出现")
        submit(driver, form)
        form = driver.find_element(By.ID, "th-matter-form")
        check("a township leader cannot own a high-risk matter; the note is kept",
              "高风险事项须由市级领导包联" in form.text and form.find_element(By.NAME, "note").get_attribute("value") == "楼道小广告反复出现")
        Select(form.find_element(By.NAME, "tier")).select_by_value("highFrequency")
        pick(form.find_element(By.NAME, "leaderId"), "黄建平")
        search = form.find_elements(By.CSS_SELECTOR, "[data-picker-search]")[1]
        search.clear()
        search.send_keys("信州区")
        pick(form.find_element(By.NAME, "divisionCode"), "信州区")
        submit(driver, form)
        matters = driver.find_element(By.ID, "th-matters")
        row = [r for r in matters.find_elements(By.CSS_SELECTOR, "tr.th-matter") if "非法小广告" in r.text]
        check("the county leader owns the matter", len(row) == 1 and "黄建平" in row[0].text)
        tasks_row = row[0].find_element(By.XPATH, "following-sibling::tr[1]")
        details = tasks_row.find_element(By.CSS_SELECTOR, "details.th-task-new")
        details.find_element(By.TAG_NAME, "summary").click()
        task = details.find_element(By.TAG_NAME, "form")
        task.find_element(By.NAME, "description").send_keys("组织城管和社区集中清理一次")
        pick(task.find_element(By.NAME, "ownerUnitId"), "信州区城市管理局")
        submit(driver, task)
        check("the task is listed under the matter", "组织城管和社区集中清理一次" in driver.find_element(By.ID, "th-matters").text)
        full_page(driver, shoot, "three-highs-office.png")

        sign_in(driver, demo.base, "leader")
        driver.set_window_size(360, 900)
        driver.get(demo.base + "/leader-duty")
        check("the leader reads the rectified share", driver.find_element(By.ID, "ld-rectified").text.endswith("%"))
        check("the city leader reads by county", "信州区" in driver.find_element(By.ID, "ld-divisions").text)
        full_page(driver, shoot, "leader-duty-leader-360.png")
        check_phone_page(driver, check)
        driver.get(demo.base + "/three-highs")
        tiers = driver.find_element(By.ID, "th-tiers").text
        check("each tier is counted", "高风险" in tiers and "高频诉求" in tiers and "高发问题" in tiers)
        full_page(driver, shoot, "three-highs-leader-360.png")
        check_phone_page(driver, check)
        driver.add_cookie({"name": "lianxin_lang", "value": "en"})
        for path in ("/leader-duty", "/three-highs"):
            driver.get(demo.base + path)
            chinese = driver.execute_script(HAN_OUTSIDE_DATA)
            check(f"the English {path} holds Chinese only in data {chinese[:3]}", not chinese)
        full_page(driver, shoot, "three-highs-leader-360-en.png")
        driver.quit()
    finally:
        demo.stop(keep=bool(check.failures))
    check.done("leaders on duty")


if __name__ == "__main__":
    main()
