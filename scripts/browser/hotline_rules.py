#!/usr/bin/env python3
"""Issue 19's escalation rules, caller marks and 每月一题 in headless Chromium, through the pages only: the rules
administrator edits the escalation rules (a duplicate is refused beside its rule with the choices kept, then saved);
the dispatcher marks an order's caller from the order page (a short reason is refused with what was typed kept); the
supervisor approves the mark and the operator, typing that number at the desk, is warned; the leader takes up a topic
of the month (refused, then taken), sets a task for 城管局, whose handler reports it done on a 360 px phone, and the
leader closes the topic.

    python3 scripts/browser/hotline_rules.py --binary .build/debug/lianxin [--screenshots DIR]
"""

from harness import Checks, DemoServer, browser_arguments, check_phone_page, chrome, shooter, sign_in, submit
from lifecycle import totp
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait


def sign_in_admin(driver, base):
    driver.delete_all_cookies()
    driver.get(base + "/login")
    driver.find_element(By.ID, "username").send_keys("admin")
    driver.find_element(By.ID, "password").send_keys("Lianxin@2026")
    driver.find_element(By.ID, "totp").send_keys(totp())
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    WebDriverWait(driver, 20).until(lambda d: "/login" not in d.current_url)


def main():
    args = browser_arguments(__doc__.splitlines()[0])
    demo = DemoServer(args.binary, "lianxin-hotline-rules-", extra_env={"LIANXIN_RATE_LOGIN": "1000"})
    check = Checks()
    try:
        demo.wait_ready()
        driver = chrome(args.chromium, args.chromedriver)
        shoot = shooter(driver, args.screenshots)

        # Escalation rules.
        sign_in_admin(driver, demo.base)
        driver.get(demo.base + "/admin/escalation")
        check("the rules page lists the three default rules", "领导督办" in driver.page_source and len(driver.find_elements(By.CSS_SELECTOR, "fieldset[id^=rule]")) == 4)
        Select(driver.find_element(By.ID, "step0")).select_by_value("supervise")
        Select(driver.find_element(By.ID, "trigger0")).select_by_value("breach")
        submit(driver, driver.find_element(By.ID, "escalation-form"))
        error = driver.find_elements(By.ID, "rule0-error") + driver.find_elements(By.ID, "rule1-error")
        check("a duplicate rule is refused beside it", error and "已有一条情形、环节和次数都相同的启用规则" in error[0].text)
        check("and the choices are kept", Select(driver.find_element(By.ID, "trigger0")).first_selected_option.get_attribute("value") == "breach")
        Select(driver.find_element(By.ID, "stage0")).select_by_value("sign")
        submit(driver, driver.find_element(By.ID, "escalation-form"))
        check("the rules are saved", "升级规则已保存" in driver.page_source)
        shoot("escalation-rules.png")

        # A caller mark, proposed from the order page.
        sign_in(driver, demo.base, "operator")
        driver.get(demo.base + "/desk")
        driver.find_element(By.ID, "requesterPhone").send_keys("13907935555")
        driver.find_element(By.ID, "requesterName").send_keys("钱先生")
        driver.find_element(By.ID, "title").send_keys("要求重新派单处理邻居装修")
        driver.find_element(By.ID, "description").send_keys("邻居装修已按规定时间施工，来电人仍要求每天派单")
        Select(driver.find_element(By.NAME, "categoryCode")).select_by_value("0601")
        Select(driver.find_element(By.NAME, "divisionCode")).select_by_value("361102001001")
        linked = driver.find_elements(By.ID, "linkRepeat")
        if linked and linked[0].is_selected():
            linked[0].click()
        submit(driver, driver.find_element(By.ID, "desk-form"))
        order_url = driver.current_url.split("?")[0]
        sign_in(driver, demo.base, "dispatcher")
        driver.get(order_url)
        driver.find_element(By.ID, "mark-requester").click()
        check("the mark form shows the number masked", "139****5555" in driver.find_element(By.ID, "masked-phone").text)
        Select(driver.find_element(By.ID, "kind")).select_by_value("frequent")
        driver.find_element(By.ID, "reason").send_keys("太短")
        submit(driver, driver.find_element(By.ID, "mark-form"))
        check("a short reason is refused beside its field", "请用至少10个字写明事实经过" in driver.find_element(By.ID, "reason-error").text)
        check("what was typed is kept", driver.find_element(By.ID, "reason").get_attribute("value") == "太短"
              and Select(driver.find_element(By.ID, "kind")).first_selected_option.get_attribute("value") == "frequent")
        driver.find_element(By.ID, "reason").clear()
        driver.find_element(By.ID, "reason").send_keys("同一诉求已答复三次，仍每天来电要求重新派单")
        submit(driver, driver.find_element(By.ID, "mark-form"))
        check("the mark is sent for review", "标记已提交" in driver.page_source)

        sign_in(driver, demo.base, "supervisor")
        driver.set_window_size(360, 900)
        driver.get(demo.base + "/requester-marks")
        check("the centre sees the proposal", "频繁来电" in driver.find_element(By.ID, "pending").text)
        shoot("requester-marks-360.png")
        check_phone_page(driver, check)
        form = driver.find_element(By.CSS_SELECTOR, "#pending form")
        form.find_element(By.CSS_SELECTOR, "button[value=approve]").click()
        WebDriverWait(driver, 20).until(lambda d: "decided=" in d.current_url)
        check("the mark is in force", "频繁来电" in driver.find_element(By.ID, "in-force").text)
        driver.set_window_size(1366, 900)

        sign_in(driver, demo.base, "operator")
        driver.get(demo.base + "/desk")
        phone = driver.find_element(By.ID, "requesterPhone")
        phone.send_keys("13907935555")
        driver.find_element(By.ID, "requesterName").click()
        WebDriverWait(driver, 20).until(lambda d: d.find_element(By.CSS_SELECTOR, "[data-marks]").is_displayed())
        check("the desk warns the operator", "频繁来电" in driver.find_element(By.CSS_SELECTOR, "[data-marks]").text)
        shoot("desk-mark-warning.png")

        # 每月一题.
        sign_in(driver, demo.base, "leader")
        driver.get(demo.base + "/topics")
        driver.find_element(By.ID, "title").send_keys("城区路灯不亮")
        Select(driver.find_element(By.ID, "divisionCode")).select_by_value("361102")
        driver.find_element(By.ID, "description").send_keys("太短")
        submit(driver, driver.find_element(By.ID, "topic-form"))
        check("a topic without its category is refused beside the field", "请选择诉求分类" in driver.find_element(By.ID, "categoryCode-error").text)
        check("the title typed is kept", driver.find_element(By.ID, "title").get_attribute("value") == "城区路灯不亮")
        Select(driver.find_element(By.ID, "categoryCode")).select_by_value("06")
        description = driver.find_element(By.ID, "description")
        description.clear()
        description.send_keys("路灯损坏诉求连续三个月居高不下，排查老旧线路并建立巡查机制")
        submit(driver, driver.find_element(By.ID, "topic-form"))
        topic_url = driver.current_url.split("?")[0]
        check("the topic page shows the months compared", len(driver.find_elements(By.CSS_SELECTOR, "#volume .bar")) >= 4)
        driver.find_element(By.ID, "task-description").send_keys("排查城区老旧路灯线路")
        Select(driver.find_element(By.ID, "ownerUnitId")).select_by_visible_text("信州区城市管理局")
        submit(driver, driver.find_element(By.ID, "task-form"))
        check("the task is set for 城管局", "排查城区老旧路灯线路" in driver.find_element(By.ID, "tasks").text)
        shoot("topic-leader.png")

        sign_in(driver, demo.base, "handler")
        driver.set_window_size(360, 900)
        driver.get(topic_url)
        form = driver.find_element(By.CSS_SELECTOR, "#tasks form")
        form.find_element(By.NAME, "note").send_keys("换")
        submit(driver, form)
        check("a too short report is refused beside the task", driver.find_elements(By.CSS_SELECTOR, "#tasks .field-error"))
        form = driver.find_element(By.CSS_SELECTOR, "#tasks form")
        check("the report typed is kept", form.find_element(By.NAME, "note").get_attribute("value") == "换")
        form.find_element(By.NAME, "note").send_keys("了老旧线路12处")
        submit(driver, form)
        check("the unit reports its task done", "已完成" in driver.find_element(By.ID, "tasks").text)
        shoot("topic-handler-360.png")
        check_phone_page(driver, check)
        driver.set_window_size(1366, 900)

        sign_in(driver, demo.base, "leader")
        driver.get(topic_url)
        driver.find_element(By.ID, "summary-input").send_keys("老旧线路已更换，建立每周巡查机制")
        submit(driver, driver.find_element(By.CSS_SELECTOR, "#close form"))
        check("the leader closes the topic", "已结题" in driver.find_element(By.ID, "topic-status").text)
        driver.quit()
    finally:
        demo.stop(keep=bool(check.failures))
    check.done("hotline_rules")


if __name__ == "__main__":
    main()
