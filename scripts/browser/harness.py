"""The part every browser check shares: `lianxin serve --demo` on a fresh data folder and a free
loopback port, ready when /readyz answers, stopped afterwards (its log kept when a check failed)."""
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class DemoServer:
    def __init__(self, binary, prefix, root=ROOT, demo=True, extra_env=None):
        """`root` holds the Resources and Public folders served (another checkout's, to run a check against an older build);
        `demo` False serves an empty database (the first run); `extra_env` adds settings (e.g. looser rate limits)."""
        self.binary = binary
        self.data = tempfile.mkdtemp(prefix=prefix)
        self.base = f"http://127.0.0.1:{free_port()}"
        self.env = dict(os.environ, LIANXIN_DATA_DIR=self.data, LIANXIN_PUBLIC_BASE_URL=self.base,
                        LIANXIN_RESOURCES_DIR=os.path.join(root, "Resources"), **(extra_env or {}))
        self.log = open(os.path.join(self.data, "server.log"), "w")
        port = self.base.rsplit(":", 1)[1]
        self.process = subprocess.Popen([binary, "serve"] + (["--demo"] if demo else []) + ["--hostname", "127.0.0.1", "--port", port],
                                        cwd=root, env=self.env, stdout=self.log, stderr=subprocess.STDOUT)

    def wait_ready(self, seconds=120):
        for _ in range(int(seconds * 2)):
            try:
                if urllib.request.urlopen(self.base + "/readyz", timeout=2).status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise SystemExit("the server did not become ready; see " + self.log.name)

    def stop(self, keep):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()
        if not keep:
            shutil.rmtree(self.data, ignore_errors=True)


def chrome(chromium="/usr/bin/chromium", chromedriver="/usr/bin/chromedriver", width=1366):
    """Headless Chromium in Chinese at `width` px, keeping the console log (for the checks that look for errors)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={width},900", "--lang=zh-CN"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(chromedriver), options=options)


def sign_in(driver, base, username, password="Lianxin@2026"):
    """Signs `username` in through the login page (a fresh session)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    driver.delete_all_cookies()
    driver.get(base + "/login")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    WebDriverWait(driver, 20).until(lambda d: "/login" not in d.current_url)


def page_errors(driver):
    """The console's severe entries, less the 422 answers of forms refused on purpose."""
    return [entry for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"
            and "(Unprocessable Entity)" not in entry.get("message", "")]


class Checks:
    """A browser check's verdicts, printed one a line; `done(name)` ends the run with the failures' list."""

    def __init__(self):
        self.failures = []

    def __call__(self, name, condition):
        print(("ok   " if condition else "FAIL ") + name)
        if not condition:
            self.failures.append(name)

    def done(self, name):
        if self.failures:
            print(f"{name} browser check: FAILED", self.failures)
            raise SystemExit(1)
        print(f"{name} browser check: passed")


def submit(driver, form, seconds=20):
    """Submits `form` and waits for the next page to load."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    old = driver.execute_script("return performance.timeOrigin")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, seconds).until(lambda d: d.execute_script("return performance.timeOrigin") != old)


def shooter(driver, folder):
    """A function saving a screenshot of the page under `name` in `folder` (nothing without a folder)."""
    def shoot(name):
        if folder:
            os.makedirs(folder, exist_ok=True)
            driver.save_screenshot(os.path.join(folder, name))
    return shoot


def browser_arguments(description):
    """The options every browser check takes: the server binary, the screenshots' folder, Chromium and its driver."""
    import argparse
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--screenshots", default=None)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    return parser.parse_args()


def check_phone_page(driver, check):
    """The page needs no sideways scrolling at a 360 px width, and the console holds no errors."""
    width = driver.execute_script("return document.documentElement.scrollWidth")
    check(f"no sideways scrolling at 360 px ({width})", width <= 360)
    errors = page_errors(driver)
    check(f"no console errors {errors}", not errors)
