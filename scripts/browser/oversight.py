#!/usr/bin/env python3
"""Issue 24's 小微权力监督 in headless Chromium, through the pages only. 监督一点通: a resident on a 360 px phone reports
an official without an account (a refused form keeps what was typed), keeps the code and secret; the leader sees the
counts only and no report; the discipline inspector accepts the report, reveals the contact (audited) and concludes it;
the resident reads the answer. 巡察移交: the inspection group hands a problem to 上滩头社区 with a deadline, its staff
reply with proof (a reply without proof refused), the group accepts; the leader reads the counts on a phone. 义务监督员:
a volunteer's finding on the old-community renovation, answered by the responsible unit; the leader reads the projects.

    python3 scripts/browser/oversight.py --binary .build/debug/lianxin [--screenshots DIR]
"""

from harness import Checks, DemoServer, browser_arguments, check_phone_page, chrome, shooter, sign_in, submit
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def main():
    args = browser_arguments(__doc__.splitlines()[0])
    demo = DemoServer(args.binary, "lianxin-oversight-", extra_env={"LIANXIN_RATE_LOGIN": "1000"})
    check = Checks()
    try:
        demo.wait_ready()
        driver = chrome(args.chromium, args.chromedriver)
        shoot = shooter(driver, args.screenshots)

        # A resident on a phone, no account.
        driver.set_window_size(360, 900)
        driver.delete_all_cookies()
        driver.get(demo.base + "/p/oversight")
        form = driver.find_element(By.ID, "ov-report-form")
        form.find_element(By.NAME, "official").send_keys("上滩头社区某网格员")
        form.find_element(By.NAME, "what").send_keys("太短")
        submit(driver, form)
        form = driver.find_element(By.ID, "ov-report-form")
        check("no place and a too short account are named beside their fields, the name kept",
              driver.find_elements(By.ID, "ov-division-error") and driver.find_elements(By.ID, "ov-what-error")
              and form.find_element(By.NAME, "official").get_attribute("value") == "上滩头社区某网格员")
        shoot("oversight-report-refused-360.png")
        Select(form.find_element(By.NAME, "divisionCode")).select_by_value("361102001001")
        what = form.find_element(By.NAME, "what")
        what.clear()
        what.send_keys("发放高龄津贴时要求老人家属请吃饭才给登记，已经有好几户反映。")
        form.find_element(By.NAME, "reporterPhone").send_keys("13907931234")
        submit(driver, form)
        code = driver.find_element(By.ID, "ov-code").text
        secret = driver.find_element(By.ID, "ov-secret").text
        check(f"the resident gets a code and a secret ({code})", len(code.replace(" ", "")) == 13 and len(secret) == 8)
        shoot("oversight-receipt-360.png")
        check_phone_page(driver, check)

        # The leader sees counts only.
        sign_in(driver, demo.base, "leader")
        driver.set_window_size(1366, 900)
        driver.get(demo.base + "/oversight/reports")
        check("the city leader reads counts by county", "信州区" in driver.find_element(By.ID, "ov-divisions").text)
        check("the leader sees no report", not driver.find_elements(By.ID, "ov-reports") and "高龄津贴" not in driver.page_source)
        shoot("oversight-reports-leader.png")

        # The discipline inspector handles it.
        sign_in(driver, demo.base, "jiwei")
        driver.get(demo.base + "/oversight/reports")
        shoot("oversight-reports-inspector.png")
        driver.find_element(By.CSS_SELECTOR, "#ov-reports tbody tr a").click()
        check("the newest report is the resident's", "高龄津贴" in driver.find_element(By.ID, "ov-report-what").text)
        check("the phone is masked", "13907931234" not in driver.page_source)
        submit(driver, driver.find_element(By.ID, "ov-accept").find_element(By.XPATH, "./.."))
        submit(driver, driver.find_element(By.ID, "ov-reveal").find_element(By.XPATH, "./.."))
        check("the handler sees the full phone", driver.find_element(By.ID, "ov-contact-phone").text == "13907931234")
        form = driver.find_element(By.ID, "ov-conclude-form")
        submit(driver, form)
        check("a conclusion without finding and answer is refused beside its fields",
              driver.find_elements(By.ID, "ov-finding-error") and driver.find_elements(By.ID, "ov-reply-error"))
        form = driver.find_element(By.ID, "ov-conclude-form")
        Select(form.find_element(By.NAME, "finding")).select_by_value("partly")
        form.find_element(By.NAME, "reply").send_keys("经核实部分属实，已对相关人员批评教育并责令退还。")
        submit(driver, form)
        check("the report is concluded", "已办结" in driver.find_element(By.ID, "ov-report-status").text)
        shoot("oversight-report-inspector.png")

        # The resident reads the answer.
        driver.delete_all_cookies()
        driver.set_window_size(360, 900)
        driver.get(demo.base + "/p/oversight/track")
        form = driver.find_element(By.ID, "ov-track-form")
        form.find_element(By.NAME, "code").send_keys(code)
        form.find_element(By.NAME, "secret").send_keys(secret)
        submit(driver, form)
        check("the resident reads the answer", "责令退还" in driver.find_element(By.ID, "ov-track-reply").text)
        shoot("oversight-track-360.png")
        check_phone_page(driver, check)

        # 巡察移交.
        sign_in(driver, demo.base, "xuncha")
        driver.set_window_size(1366, 900)
        driver.get(demo.base + "/oversight/handovers")
        form = driver.find_element(By.ID, "ho-form")
        Select(form.find_element(By.NAME, "divisionCode")).select_by_value("361102001001")
        form.find_element(By.NAME, "title").send_keys("供水管网老化频繁停水")
        form.find_element(By.NAME, "problem").send_keys("走访发现居民家中时常停水，通往该片的自来水管老化、经常破裂。")
        submit(driver, form)
        check("the handover is listed", "供水管网老化频繁停水" in driver.page_source)
        shoot("oversight-handovers-group.png")

        # The community's staff reply with what was done and the proof; the group accepts.
        sign_in(driver, demo.base, "community")
        driver.get(demo.base + "/oversight/handovers")
        item = next(a for a in driver.find_elements(By.CSS_SELECTOR, "article.ho-item") if "供水管网老化频繁停水" in a.text)
        item_id = item.get_attribute("id")
        form = item.find_element(By.TAG_NAME, "form")
        form.find_element(By.NAME, "reply").send_keys("组织党员服务先锋队抢修三小时，更换破裂水管，恢复供水。")
        submit(driver, form)
        check("a reply without proof is refused beside the field",
              bool(driver.find_elements(By.CSS_SELECTOR, f"#{item_id} form .field-error")))
        form = driver.find_element(By.ID, item_id).find_element(By.TAG_NAME, "form")
        check("the reply typed is kept", "抢修三小时" in form.find_element(By.NAME, "reply").get_attribute("value"))
        form.find_element(By.NAME, "proof").send_keys("现场照片存社区档案；居民签字确认")
        submit(driver, form)
        check("the reply is sent", "已反馈，待验收" in driver.find_element(By.ID, item_id).text)
        shoot("oversight-handovers-community.png")
        sign_in(driver, demo.base, "xuncha")
        driver.get(demo.base + "/oversight/handovers")
        submit(driver, driver.find_element(By.ID, item_id).find_element(By.CSS_SELECTOR, "form.inline"))
        check("the group accepts the rectification", "整改到位" in driver.find_element(By.ID, item_id).text)

        sign_in(driver, demo.base, "leader")
        driver.set_window_size(360, 900)
        driver.get(demo.base + "/oversight/handovers")
        check("the city leader reads the handovers by county", "信州区" in driver.find_element(By.ID, "ho-divisions").text)
        check("the leader cannot hand over", not driver.find_elements(By.ID, "ho-form"))
        shoot("oversight-handovers-leader-360.png")
        check_phone_page(driver, check)

        # 义务监督员: a volunteer's finding on the renovation, answered by the responsible unit.
        sign_in(driver, demo.base, "community")
        driver.set_window_size(1366, 900)
        driver.get(demo.base + "/oversight/projects")
        item = driver.find_element(By.CSS_SELECTOR, "section.pj-item")
        check("the renovation has its silver-haired supervisors, phones masked",
              "银发监督队" in item.text and "13907935501" not in driver.page_source)
        item.find_element(By.TAG_NAME, "summary").click()
        inspection = item.find_elements(By.CSS_SELECTOR, "details form")[1]
        Select(inspection.find_element(By.NAME, "volunteerId")).select_by_index(1)
        inspection.find_element(By.NAME, "findings").send_keys("楼道新装扶手松动，老人扶着不稳")
        inspection.find_element(By.NAME, "problem").click()
        submit(driver, inspection)
        check("the finding awaits the unit's answer",
              "楼道新装扶手松动" in driver.page_source and driver.find_element(By.ID, "pj-open").text == "2")
        shoot("oversight-projects-community.png")
        sign_in(driver, demo.base, "zjhandler")
        driver.get(demo.base + "/oversight/projects")
        row = next(r for r in driver.find_elements(By.CSS_SELECTOR, ".pj-inspections tbody tr") if "楼道新装扶手松动" in r.text)
        form = row.find_element(By.TAG_NAME, "form")
        form.find_element(By.NAME, "answer").send_keys("已通知施工单位当天加固全部扶手")
        submit(driver, form)
        check("the unit's answer is recorded", driver.find_element(By.ID, "pj-open").text == "1"
              and "当天加固全部扶手" in driver.page_source)
        sign_in(driver, demo.base, "leader")
        driver.set_window_size(360, 900)
        driver.get(demo.base + "/oversight/projects")
        check("the leader reads projects by county", "信州区" in driver.find_element(By.ID, "pj-divisions").text)
        shoot("oversight-projects-leader-360.png")
        check_phone_page(driver, check)
        driver.quit()
    finally:
        demo.stop(keep=bool(check.failures))
    check.done("oversight")


if __name__ == "__main__":
    main()
