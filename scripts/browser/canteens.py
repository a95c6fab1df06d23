#!/usr/bin/env python3
"""Issue 24's 幸福食堂 in headless Chromium, through the pages only: community staff open a canteen in their village
(a refused form keeps what was typed), register three diners and tick who ate at lunch; each pays the county's price
(free from 90, 8 yuan from 60, the cost for others) and the rest is the subsidy owed; the leader reads the month on a
360 px phone: meals, the subsidy, the villages covered.

    python3 scripts/browser/canteens.py --binary .build/debug/lianxin [--screenshots DIR]
"""

from harness import Checks, DemoServer, browser_arguments, check_phone_page, chrome, shooter, sign_in, submit
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def id_number(birth, serial="123"):
    """A valid ID number of 信州区 for someone born on `birth` (YYYYMMDD)."""
    first17 = "361102" + birth + serial
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights)) % 11]


def main():
    args = browser_arguments(__doc__.splitlines()[0])
    demo = DemoServer(args.binary, "lianxin-canteens-", extra_env={"LIANXIN_RATE_LOGIN": "1000"})
    check = Checks()
    try:
        demo.wait_ready()
        driver = chrome(args.chromium, args.chromedriver)
        shoot = shooter(driver, args.screenshots)

        sign_in(driver, demo.base, "community")
        driver.get(demo.base + "/canteens")
        form = driver.find_element(By.ID, "canteen-form")
        form.find_element(By.NAME, "name").send_keys("上滩头幸福食堂")
        form.find_element(By.NAME, "address").send_keys("上滩头社区党群服务中心一楼")
        form.find_element(By.NAME, "mealCost").send_keys("十五")
        submit(driver, form)
        form = driver.find_element(By.ID, "canteen-form")
        check("a cost in words and no village are named beside their fields, the name kept",
              "请填写每餐成本" in form.text and "请选择食堂所在的村（社区）" in form.text
              and form.find_element(By.NAME, "name").get_attribute("value") == "上滩头幸福食堂")
        Select(form.find_element(By.NAME, "divisionCode")).select_by_value("361102001001")
        cost = form.find_element(By.NAME, "mealCost")
        cost.clear()
        cost.send_keys("15")
        submit(driver, form)
        check("the canteen is open", "上滩头幸福食堂" in driver.find_element(By.ID, "canteen-list").text)

        for name, birth in [("刘桂英", "19350501"), ("王德福", "19500302"), ("陈小军", "19800615")]:
            form = driver.find_element(By.ID, "canteen-diner-form")
            form.find_element(By.NAME, "name").send_keys(name)
            form.find_element(By.NAME, "idNumber").send_keys(id_number(birth))
            submit(driver, form)
        sitting = driver.find_element(By.ID, "canteen-meals-form")
        boxes = sitting.find_elements(By.CSS_SELECTOR, "input[name='dinerIds[]']")
        check(f"three diners to tick, names and ID numbers masked ({len(boxes)})",
              len(boxes) == 3 and "刘**" in sitting.text and "刘桂英" not in sitting.text and "19350501" not in sitting.text)
        for box in boxes:
            box.click()
        submit(driver, sitting)
        check("the lunch is recorded: 3 meals, 1 free", driver.find_element(By.ID, "canteen-meals").text.startswith("3")
              and "免费 1" in driver.find_element(By.ID, "canteen-counts").text)
        check("the subsidy owed is 15 + 7 yuan", driver.find_element(By.ID, "canteen-subsidy").text == "22.00")
        shoot("canteens-staff.png")

        sign_in(driver, demo.base, "leader")
        driver.set_window_size(360, 900)
        driver.get(demo.base + "/canteens")
        check("the leader reads the month and the price list in words",
              driver.find_element(By.ID, "canteen-meals").text.startswith("3") and "90 岁及以上：免费" in driver.page_source)
        check("the leader cannot record meals", not driver.find_elements(By.ID, "canteen-meals-form"))
        shoot("canteens-leader-360.png")
        check_phone_page(driver, check)
        driver.quit()
    finally:
        demo.stop(keep=bool(check.failures))
    check.done("canteens")


if __name__ == "__main__":
    main()
