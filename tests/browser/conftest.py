"""Browser tests: a real headless Chromium (Debian's ``chromium-headless-shell`` +
``chromium-driver``) driving pytest-django's ``live_server``.

One browser for the whole session (starting Chromium costs about a second); each test
starts with no cookies. Set ``SKIP_BROWSER_TESTS=1`` to skip these tests on a machine
without Chromium; otherwise a missing browser is a failure, not a silent skip.
``BROWSER_SCREENSHOTS=1`` saves the screenshots the tests name (``Page.screenshot``);
``BROWSER_EXTRA_ARGS`` adds Chromium flags (space-separated), to measure what they do.
"""

import base64
import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.utils.module_loading import import_string
from selenium import webdriver
from selenium.common.exceptions import (
    NoSuchElementException,
    StaleElementReferenceException,
    TimeoutException,
    WebDriverException,
)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.expected_conditions import staleness_of

#: Debian's headless shell: Chromium's own Blink, V8 and network stack, without the desktop
#: browser's windows, tabs and UI around them, which cost the full ``chromium --headless=new``
#: ~40 % more CPU per page in these tests (tests/README.md, "The headless shell").
CHROMIUM = Path(os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium-headless-shell"))
CHROMEDRIVER = Path(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
#: Screenshots are for a person to look at, so they are taken when asked for: with
#: ``BROWSER_SCREENSHOTS=1`` (or a ``BROWSER_SCREENSHOT_DIR`` given). They go outside the
#: repository. Nothing asserts on them; a full-page capture costs 0.1-0.5 s of Chromium each.
SCREENSHOTS = os.environ.get("BROWSER_SCREENSHOTS", "1" if os.environ.get("BROWSER_SCREENSHOT_DIR") else "0") == "1"
SCREENSHOT_DIR = Path(os.environ.get("BROWSER_SCREENSHOT_DIR", Path(tempfile.gettempdir()) / "servicedesk-screenshots"))

#: The viewport (window.innerWidth × innerHeight) of a desktop: what a 1280 × 900 window
#: left for the page when it had a tab strip, a toolbar and the "controlled by automated
#: software" bar. The headless shell has no window decorations: its window is the viewport.
DESKTOP = (1280, 757)
PHONE_WIDTH = 375
WAIT_SECONDS = 5
#: Page.wait_for's pauses between two questions: the first, and the longest it grows to.
POLL_FIRST, POLL_MAX = 0.02, 0.1

CHROME_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--force-device-scale-factor=1",
    "--lang=en-US",
    f"--window-size={DESKTOP[0]},{DESKTOP[1]}",
]


def chrome_options(profile_dir: str) -> webdriver.ChromeOptions:
    """How every browser of the tests starts: the headless shell, a profile of its own, the
    console kept (each test is failed on a Content-Security-Policy violation)."""
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    # The headless shell's name for chromedriver: it then opens the first page itself (the
    # shell starts with none, and chromedriver would wait for one).
    options.set_capability("browserName", "chrome-headless-shell")
    for arg in CHROME_ARGS + os.environ.get("BROWSER_EXTRA_ARGS", "").split():  # extra flags, to measure them
        options.add_argument(arg)
    options.add_argument(f"--user-data-dir={profile_dir}")
    options.add_experimental_option("prefs", {"intl.accept_languages": "en-US,en"})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return options


def pytest_collection_modifyitems(config, items):
    """Every test in this folder is a browser test and needs the database shared with the
    live server. The live server sees only committed data, so these tests are transactional;
    ``serialized_rollback`` puts back what the data migrations created (the role groups)
    after each test's flush, for the next test and for any transactional test after us."""
    here = Path(__file__).parent
    skip = os.environ.get("SKIP_BROWSER_TESTS") == "1"
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.django_db(transaction=True))
            if skip:  # before any fixture runs: no live server, no database set-up
                item.add_marker(pytest.mark.skip(reason="SKIP_BROWSER_TESTS=1: browser tests skipped"))


@pytest.fixture(scope="session")
def browser():
    """The session's Chromium, started once."""
    if os.environ.get("SKIP_BROWSER_TESTS") == "1":
        pytest.skip("SKIP_BROWSER_TESTS=1: browser tests skipped")
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        pytest.fail(
            "Browser tests need Chromium and its driver, missing: " + ", ".join(missing)
            + ". Install them (Debian: apt-get install chromium-headless-shell chromium-driver) or set"
            " SKIP_BROWSER_TESTS=1 to skip the browser tests.",
            pytrace=False,
        )
    profile_dir = tempfile.mkdtemp(prefix="sd-chromium-")
    options = chrome_options(profile_dir)
    # An explicit driver path: Selenium Manager never looks for (or downloads) one.
    service = Service(str(CHROMEDRIVER))
    try:
        driver = webdriver.Chrome(service=service, options=options)
    except Exception as exc:  # say what failed, whatever it was
        shutil.rmtree(profile_dir, ignore_errors=True)
        pytest.fail(f"Could not start headless Chromium ({CHROMIUM}, {CHROMEDRIVER}): {exc}", pytrace=False)
    driver.set_page_load_timeout(20)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile_dir, ignore_errors=True)


def _gone(element) -> bool:
    """The element has left the page (``staleness_of``), also when Chromium's inspector says
    so in its own words ("Node … does not belong to the document", seen on a loaded machine)."""
    try:
        return staleness_of(element)(None)
    except WebDriverException as exc:
        if "does not belong to the document" in str(exc):
            return True
        raise


class Page:
    """A thin helper around the driver, bound to the live server's address."""

    def __init__(self, driver, base_url: str):
        self.driver = driver
        self.base_url = base_url.rstrip("/")
        self._metrics = None  # device metrics while emulating a phone

    # --- navigation ------------------------------------------------------------------------
    def url(self, path: str) -> str:
        return self.base_url + path

    def get(self, path: str):
        self.driver.get(self.url(path))
        return self

    @property
    def path(self) -> str:
        current = self.driver.current_url
        return current[len(self.base_url):] if current.startswith(self.base_url) else current

    # --- finding ---------------------------------------------------------------------------
    def find(self, css: str):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def find_all(self, css: str):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def wait_for(self, condition, timeout: float = WAIT_SECONDS, message: str = ""):
        """``condition(driver)``'s first true answer, asked again until ``timeout``: at once,
        then after 20 ms, the pauses growing to 100 ms (each question is a WebDriver command,
        3.5–6 ms of Chromium's and chromedriver's CPU). Measured on four modules (39 tests,
        -n 0): 50 → 250 ms made them wait 35.4–37.5 s, 20 → 100 ms 34.2–34.5 s with no more
        CPU, 10 → 50 ms 35.4–36.6 s with more. Raises TimeoutException, as WebDriverWait."""
        # HTMX swaps elements out from under us: a stale or missing element means "not yet",
        # and so does Chromium's inspector losing a node it had just found (it answers a
        # plain WebDriverException, seen once in a parallel run).
        end = time.monotonic() + timeout
        pause = POLL_FIRST
        while True:
            try:
                value = condition(self.driver)
                if value:
                    return value
            except (NoSuchElementException, StaleElementReferenceException):
                pass
            except WebDriverException as exc:
                if "does not belong to the document" not in str(exc):
                    raise
            if time.monotonic() > end:
                raise TimeoutException(message)
            time.sleep(pause)
            pause = min(pause * 1.5, POLL_MAX)

    def wait_for_path(self, path: str):
        self.wait_for(lambda d: self.path.split("?")[0] == path, message=f"expected {path}, at {self.path}")

    def nav_link(self, href: str):
        """The main navigation's link to ``href``, its menu opened first when it sits in one
        (the menus are <details>: their links are hidden, so not clickable, until opened)."""
        link = self.find(f".mainnav a[href='{href}']")
        if not link.is_displayed():
            link.find_element(By.XPATH, "ancestor::details[1]/summary").click()
            self.wait_for(lambda d: link.is_displayed(), message=f"the menu of {href} did not open")
        return link

    def current_nav_label(self) -> str:
        """The label of the navigation's entry for the current page (open or not, its menu)."""
        return self.find(".mainnav a[aria-current=page]").get_attribute("textContent").strip()

    def nav_labels(self) -> list[str]:
        """The main navigation's entries, without their badges."""
        return self.js(
            "return [...document.querySelectorAll('.mainnav a')].map(a => [...a.childNodes]"
            ".filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent).join('').trim());")

    def js(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    def status_of(self, path: str) -> int:
        """The HTTP status of a same-origin GET, with the browser's cookies."""
        return self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "fetch(arguments[0], {credentials: 'same-origin', redirect: 'manual'})"
            ".then(r => done(r.status), () => done(-1));",
            self.url(path),
        )

    def console(self) -> list[dict]:
        """The browser console's entries since the last call (reading empties it)."""
        return self.driver.get_log("browser")

    def csp_violations(self) -> list[str]:
        """Console errors of resources or code the Content-Security-Policy refused."""
        return [entry["message"] for entry in self.console() if "Content Security Policy" in entry["message"]]

    # --- sessions --------------------------------------------------------------------------
    def login_form(self, username: str, password: str):
        """Log in the way a person does: through the login page."""
        self.get("/login/")
        self.find("#id_username").send_keys(username)
        self.find("#id_password").send_keys(password)
        button = self.find("form.stack button[type=submit]")
        button.click()
        # Wait for the answer to replace the page: the next get() would otherwise abort a
        # POST still under way (seen on a loaded machine: fewer failed logins counted).
        # (Page.wait_for, not WebDriverWait: that asks every 500 ms.)
        self.wait_for(lambda driver: _gone(button), message="the login form was not answered")
        return self

    def login(self, user, **session_data):
        """A signed-in session without typing: a session cookie built server-side, as
        ``Client.force_login`` does (the login page itself has its own tests)."""
        engine = import_string(settings.SESSION_ENGINE)
        session = engine.SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        for key, value in session_data.items():
            session[key] = value
        session.save()
        # Set through the DevTools protocol for the live server's address: no page of that
        # origin needs loading first (WebDriver's add_cookie works only for the current page's).
        self.driver.execute_cdp_cmd("Network.setCookie", {
            "name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": self.base_url + "/",
            "path": "/"})
        return self

    # --- layout ----------------------------------------------------------------------------
    def set_phone(self, width: int = PHONE_WIDTH, height: int = 812):
        """Emulate a phone: its viewport width, touch and the viewport meta tag."""
        self._metrics = {"width": width, "height": height, "deviceScaleFactor": 2, "mobile": True}
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", self._metrics)

    def set_desktop(self):
        self._metrics = None
        self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    def screenshot(self, name: str) -> Path | None:
        """A full-page PNG under SCREENSHOT_DIR (outside the repository), when screenshots
        are asked for (:data:`SCREENSHOTS`). The viewport is stretched to the page's height
        for the shot (``captureBeyondViewport`` shifts right-to-left pages sideways)."""
        if not SCREENSHOTS:
            return None
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        target = SCREENSHOT_DIR / f"{name}.png"
        metrics = self._metrics or {
            "width": self.js("return window.innerWidth;"), "height": self.js("return window.innerHeight;"),
            "deviceScaleFactor": 1, "mobile": False}
        height = self.js("return document.documentElement.scrollHeight;")
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {**metrics, "height": max(height, metrics["height"])})
        try:
            shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
        finally:
            if self._metrics:
                self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", self._metrics)
            else:
                self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        target.write_bytes(base64.b64decode(shot["data"]))
        return target

    def horizontal_overflow(self) -> int:
        """How many CSS pixels the page is wider than the viewport (0 when it fits)."""
        return self.js("return Math.max(0, document.documentElement.scrollWidth"
                       " - document.documentElement.clientWidth);")


#: Stops what the page left running (live.js's polls, htmx's "every", the SLA clocks' ticks):
#: the browser stays on the test's last page until the next test navigates, and that page must
#: not ask the live server anything meanwhile (the database is being emptied).
_QUIESCE = """
window.stop();
const last = setTimeout(() => {}, 0);
for (let id = 0; id <= last; id++) { clearTimeout(id); clearInterval(id); }
if (document.body) { document.body.replaceChildren(); }  // htmx polls only elements still in the page
"""


def start_clean(pg: Page):
    """No cookies (every site's: cleared through the DevTools protocol, without loading a page
    of the live server's origin first, as WebDriver's delete_all_cookies needs), and an empty
    console. The browser stays where the last test left it (a page of the live server): the
    test's first page then reuses its renderer (starting each test on about:blank cost a new
    renderer process per test). No cached pages either: the public status page may be kept 30 s
    (Cache-Control), and a test that visited it must not show the next test its copy."""
    pg.driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    pg.driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    pg.console()  # what earlier tests left in the console is theirs


def quiesce(pg: Page):
    """The test's last page stops its timers and polls, and its cookies go (so a request it
    still had under way is anonymous): nothing of this test reaches the next one."""
    try:
        if pg.driver.current_url.startswith(pg.base_url):
            pg.js(_QUIESCE)
        pg.driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    except Exception:  # noqa: S110 - an alert left open or a broken driver: the next test says so
        pass


@pytest.fixture
def page(browser, live_server):
    """The shared browser, pointed at the live server, with no cookies and a desktop
    viewport."""
    driver = browser
    pg = Page(driver, live_server.url)
    start_clean(pg)
    yield pg
    try:
        pg.set_desktop()
    except Exception:  # noqa: S110 - a broken driver shows up in the next test
        pass
    # Every page a test visited ran under the Content-Security-Policy: nothing may have been refused.
    violations = pg.csp_violations()
    quiesce(pg)
    if violations:
        pytest.fail("Content-Security-Policy violations:\n" + "\n".join(violations), pytrace=False)

