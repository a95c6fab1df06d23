#!/usr/bin/env python3
"""Issue 22's 医保基金监管 in headless Chromium, through the pages only: the fund supervisor gives the hospital station
a focused check of an injured inpatient; the station worker does it on a 360 px phone (a refused form keeps what was
typed, each problem beside its item), finds a liable third party and raises a lead; the supervisor confirms the lead;
the upload page refuses a bad settlements file with its report in words, then takes a good one and screens it; the
rule settings refuse a threshold below the milder one beside its field.

    python3 scripts/browser/medical_insurance.py --binary .build/debug/lianxin [--screenshots DIR]
"""
import os
import tempfile

from harness import Checks, DemoServer, browser_arguments, check_phone_page, chrome, shooter, sign_in, submit
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

SETTLEMENT_COLUMNS = ("settlement_id,institution_code,patient_id,patient_sex,patient_birth_date,visit_type,admission_date,"
                      "discharge_date,primary_diagnosis,secondary_diagnoses,total_amount,fund_amount,settled_at")
ITEM_COLUMNS = "settlement_id,line_no,item_code,item_name,item_type,quantity,unit_price,amount,days_supply,doctor_code,charged_at"


def resident_id(body):
    """An 18-digit ID number (GB 11643) with its check character, from its first 17 digits."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(d) * w for d, w in zip(body, weights))
    return body + "10X98765432"[total % 11]


def write(folder, name, text):
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def main():
    args = browser_arguments(__doc__.splitlines()[0])
    demo = DemoServer(args.binary, "lianxin-mi-", extra_env={"LIANXIN_RATE_LOGIN": "1000"})
    check = Checks()
    files = tempfile.mkdtemp(prefix="lianxin-mi-files-")
    try:
        demo.wait_ready()
        driver = chrome(args.chromium, args.chromedriver)
        shoot = shooter(driver, args.screenshots)

        # The supervisor gives the station a focused check of an injured inpatient.
        sign_in(driver, demo.base, "yibao")
        driver.get(demo.base + "/medical-insurance/stations")
        check("the demo station has tasks", len(driver.find_elements(By.CSS_SELECTOR, "#mi-tasks li")) >= 4)
        form = driver.find_element(By.ID, "mi-task-form")
        Select(form.find_element(By.NAME, "kind")).select_by_value("focused-check")
        Select(form.find_element(By.NAME, "institutionCode")).select_by_visible_text("信州区人民医院")
        Select(form.find_element(By.NAME, "assignee")).select_by_index(1)
        form.find_element(By.NAME, "subject").send_keys("外伤住院患者 外科 8 床（浏览器检查）")
        submit(driver, form)
        check("the task is given", "任务已布置" in driver.find_element(By.ID, "notice").text)
        shoot("mi-stations-supervisor.png")

        # The station worker does it on a phone.
        sign_in(driver, demo.base, "yibaozhan")
        driver.set_window_size(360, 900)
        driver.get(demo.base + "/medical-insurance/stations")
        driver.find_element(By.XPATH, "//ul[@id='mi-tasks']//a[contains(., '浏览器检查')]").click()
        shoot("mi-task-360.png")
        check_phone_page(driver, check)
        form = driver.find_element(By.ID, "mi-checklist")
        form.find_element(By.CSS_SELECTOR, "input[name='outcome_injury-cause'][value='passed']").click()
        form.find_element(By.CSS_SELECTOR, "input[name='outcome_third-party'][value='failed']").click()
        form.find_element(By.NAME, "finding").send_keys("骑电动车被汽车撞伤，按普通疾病住院结算")
        submit(driver, form)
        form = driver.find_element(By.ID, "mi-checklist")
        third = driver.find_element(By.ID, "item-third-party")
        unanswered = driver.find_element(By.ID, "item-record-consistent")
        check("the failed item without a note is refused beside it", "不通过的项目请写明情况" in third.text)
        check("an unanswered item is refused beside it", "请选择“通过”或“不通过”" in unanswered.text)
        check("what was typed is kept", form.find_element(By.NAME, "finding").get_attribute("value").startswith("骑电动车被汽车撞伤")
              and third.find_element(By.CSS_SELECTOR, "input[value='failed']").is_selected())
        shoot("mi-task-refused-360.png")
        check_phone_page(driver, check)
        for item in ["record-consistent", "exam-necessary", "drug-course"]:
            form.find_element(By.CSS_SELECTOR, f"input[name='outcome_{item}'][value='passed']").click()
        form.find_element(By.NAME, "note_third-party").send_keys("交通事故，对方负全责，已报交警")
        form.find_element(By.ID, "mi-raise-lead").click()
        Select(form.find_element(By.NAME, "rule")).select_by_value("trauma-check")
        form.find_element(By.NAME, "amount").send_keys("8620.00")
        submit(driver, form)
        check("the check is done and a lead raised", "已完成" in driver.find_element(By.ID, "mi-task-status").text
              and "已转为疑点" in driver.find_element(By.ID, "mi-task-lead").text)
        check("the results list the failed item with its note", "交通事故" in driver.find_element(By.ID, "mi-results").text)
        shoot("mi-task-done-360.png")
        check_phone_page(driver, check)

        # The supervisor confirms the lead.
        sign_in(driver, demo.base, "yibao")
        driver.set_window_size(1366, 900)
        driver.get(demo.base + "/medical-insurance/stations")
        driver.find_element(By.XPATH, "//ul[@id='mi-tasks']//a[contains(., '浏览器检查')]").click()
        driver.find_element(By.CSS_SELECTOR, "#mi-task-lead a").click()
        evidence = driver.find_element(By.ID, "mi-evidence").text
        check("the lead's evidence names the check and the failed item", "重点核查" in evidence and "第三方责任" in evidence)
        review = driver.find_element(By.CSS_SELECTOR, "form[action$='/review']")
        review.find_element(By.CSS_SELECTOR, "input[name=decision][value=confirm]").click()
        review.find_element(By.NAME, "amount").send_keys("8620.00")
        submit(driver, review)
        check("the lead is confirmed", "确认违规" in driver.find_element(By.ID, "mi-status").text)

        # The upload page: a bad file refused with its report, then a good one taken and screened.
        patient = resident_id("36110219600501123")
        good_row = f"BROWSER-1,H3608240001,{patient},1,1960-05-01,outpatient,2026-06-01,2026-06-01,I10,,100.00,70.00,2026-06-01T10:00:00+08:00"
        bad = write(files, "settlements.csv", SETTLEMENT_COLUMNS + "\n" + good_row.replace("outpatient", "clinic") + "\n")
        driver.get(demo.base + "/medical-insurance/imports")
        form = driver.find_element(By.ID, "mi-import-form")
        form.find_element(By.NAME, "settlements").send_keys(bad)
        submit(driver, form)
        report = driver.find_element(By.ID, "mi-import-report").text
        check(f"the report names the file, line and column in words ({report!r})", "settlements.csv 第 2 行 就诊类型：格式不正确" in report)
        good = write(files, "good-settlements.csv", SETTLEMENT_COLUMNS + "\n" + good_row + "\n")
        items = write(files, "items.csv", ITEM_COLUMNS + "\nBROWSER-1,1,XB02,二甲双胍片,drug,2,12.00,24.00,90,H3608240001-D01,2026-06-01\n")
        form = driver.find_element(By.ID, "mi-import-form")
        form.find_element(By.NAME, "settlements").send_keys(good)
        form.find_element(By.NAME, "items").send_keys(items)
        submit(driver, form)
        notice = driver.find_element(By.ID, "notice").text
        check(f"the good file is imported and screened ({notice!r})", "已导入 1 张结算单" in notice and "疑点" in notice)
        driver.set_window_size(360, 900)
        shoot("mi-imports-360.png")
        check_phone_page(driver, check)

        # The rule settings refuse a threshold below the milder one, beside its field.
        driver.get(demo.base + "/medical-insurance/rules")
        form = driver.find_element(By.ID, "mi-rules-form")
        field = form.find_element(By.NAME, "threshold_institution_suspend-settlement")
        field.clear()
        field.send_keys("3")
        submit(driver, form)
        field = driver.find_element(By.NAME, "threshold_institution_suspend-settlement")
        check("the threshold is refused beside it and kept", field.get_attribute("value") == "3"
              and "须大于较轻处理方式的分值" in field.find_element(By.XPATH, "..").text)
        shoot("mi-rules-refused-360.png")
        check_phone_page(driver, check)
        driver.quit()
    finally:
        demo.stop(keep=bool(check.failures))
    check.done("medical insurance")


if __name__ == "__main__":
    main()
