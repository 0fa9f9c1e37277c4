"""The top bar's menus (Work, Changes, Customers, Reports, Admin; the user menu) on one row at
1280 px in English, Greek and Persian, opened with the keyboard; the hamburger on a phone;
and the home page's parts for each role.

Screenshots go under ``BROWSER_SCREENSHOT_DIR`` (see conftest.py) for a person to look at."""

import pytest
from selenium.webdriver.common.keys import Keys

from catalog.services import profile_update_preferences
from core.roles import Role

EVERY_ROLE = (Role.ADMIN, Role.AGENT, Role.MANAGER, Role.CHANGE_MANAGER, Role.CAB_MEMBER)
#: The top bar's own entries: the links outside the menus, the menus' buttons, the
#: notifications link and the user menu.
TOP_ENTRIES = ".nav-list > li, .nav-bell, .usermenu"


@pytest.fixture
def everyone(make_user):
    """Someone with every staff role (so every menu) and a long name."""
    return make_user(*EVERY_ROLE, username="all-roles", first_name="Konstantina",
                     last_name="Papadopoulou-Alexandropoulou")


def open_in(page, user, language: str, path: str = "/"):
    tz = "Asia/Tehran" if language == "fa" else "Europe/Athens"
    profile_update_preferences(user=user, language=language, timezone=tz)
    page.login(user, sd_language=language, sd_timezone=tz).get(path)
    assert page.find("html").get_attribute("lang") == language


def rows_of(page, css: str) -> list[dict]:
    return [el.rect for el in page.find_all(css) if el.rect["width"]]


@pytest.mark.parametrize("language", ["en", "el", "fa", "pt"])
def test_the_menus_fit_one_row_at_1280_px(page, everyone, language):
    open_in(page, everyone, language)
    page.screenshot(f"nav-{language}-1280")
    assert page.js("return window.innerWidth;") == 1280
    entries = rows_of(page, TOP_ENTRIES)
    assert len(entries) >= 8  # Home, five menus, notifications, the user menu
    nav = page.find(".mainnav").rect
    tallest = max(rect["height"] for rect in entries)
    # One row: every entry shares the nav's row, and the nav is no taller than its tallest entry.
    assert nav["height"] <= tallest + 2, f"the navigation wraps: {nav['height']} px for {tallest} px entries"
    tops = {round(rect["y"] + rect["height"] / 2) for rect in entries}
    assert max(tops) - min(tops) <= 2, f"entries on several rows: {sorted(tops)}"
    # Side by side, none over another, all inside the window (the search box gives way first).
    width = page.js("return document.documentElement.clientWidth;")
    spans = sorted((rect["x"], rect["x"] + rect["width"])
                   for rect in rows_of(page, TOP_ENTRIES + ", .brand, .topbar-search"))
    for (_start, end), (start, _end) in zip(spans, spans[1:], strict=False):
        assert start >= end - 0.5, f"entries overlap: {spans}"
    assert spans[0][0] >= 0 and spans[-1][1] <= width + 0.5, f"entries outside the window: {spans}"
    topbar = page.find(".topbar").rect
    assert topbar["height"] <= tallest + 24, "the top bar wraps"
    assert page.horizontal_overflow() == 0
    summaries = [el.text for el in page.find_all(".nav-list summary")]
    assert len(summaries) == 5 and all(summaries)
    # Right to left for Persian: the brand on the right, the user menu on the left, the
    # menus in reading order from the right.
    brand, usermenu = page.find(".brand").rect, page.find(".usermenu").rect
    first, last = entries[0], page.find(".nav-list > li:last-child").rect
    if language == "fa":
        assert brand["x"] > width / 2 and usermenu["x"] < width / 2
        assert first["x"] > last["x"]
    else:
        assert brand["x"] < width / 2 and usermenu["x"] > width / 2
        assert first["x"] < last["x"]


def test_a_menu_opens_and_closes_with_the_keyboard(page, everyone):
    page.login(everyone).get("/")
    work = page.find("details[data-menu=work]")
    summary = work.find_element("css selector", "summary")
    incidents = work.find_element("css selector", "a[href='/incidents/']")
    assert not incidents.is_displayed()

    summary.send_keys(Keys.ENTER)
    page.wait_for(lambda d: incidents.is_displayed(), message="Enter did not open the menu")
    assert page.js("return arguments[0].open;", work)
    # The menu lies over the page, below its button, inside the window.
    panel = work.find_element("css selector", ".menu-list").rect
    assert panel["y"] >= summary.rect["y"] + summary.rect["height"]
    assert panel["x"] >= 0 and panel["x"] + panel["width"] <= page.js("return window.innerWidth;")

    incidents.send_keys(Keys.ESCAPE)
    page.wait_for(lambda d: not incidents.is_displayed(), message="Escape did not close the menu")
    assert page.js("return document.activeElement === arguments[0];", summary), "the focus is not back on its button"

    # One menu at a time; a click elsewhere closes it.
    summary.click()
    page.find("details[data-menu=changes] summary").click()
    page.wait_for(lambda d: not page.js("return arguments[0].open;", work), message="two menus open at once")
    page.find(".footer").click()
    page.wait_for(lambda d: not page.find_all(".mainnav details[open]"), message="a click outside left it open")

    # The user menu holds the profile, the API and logging out.
    page.find("details[data-menu=user] summary").click()
    menu = page.find("details[data-menu=user]")
    assert menu.find_element("css selector", "[data-testid=profile-link]").is_displayed()
    assert menu.find_element("css selector", "a[href='/api/docs/']").is_displayed()
    assert menu.find_element("css selector", "form[action='/logout/'] button").is_displayed()

    # The current page's menu is marked, and its entry is the current page.
    page.get("/catalog/contacts/")
    assert "is-current" in page.find("details[data-menu=customers] summary").get_attribute("class").split()
    assert page.find("details[data-menu=customers] a[aria-current=page]").get_attribute("href").endswith(
        "/catalog/contacts/")


@pytest.mark.parametrize("language", ["en", "fa"])
def test_the_hamburger_opens_the_menu_on_a_phone(page, everyone, language):
    open_in(page, everyone, language)
    page.set_phone(390)
    page.get("/")
    toggle = page.find("[data-testid=nav-toggle]")
    assert toggle.is_displayed() and toggle.get_attribute("aria-expanded") == "false"
    assert not page.find(".nav-list").is_displayed()
    assert page.find("[data-testid=unread-count]") and page.find(".nav-bell").is_displayed()
    # Brand, notifications and the button on one row.
    bar = rows_of(page, ".brand, .nav-bell, .nav-toggle")
    assert max(r["y"] for r in bar) - min(r["y"] for r in bar) < 12
    assert page.horizontal_overflow() == 0

    toggle.click()
    page.wait_for(lambda d: page.find(".nav-list").is_displayed(), message="the menu did not open")
    assert toggle.get_attribute("aria-expanded") == "true"
    page.screenshot(f"nav-{language}-phone-open")
    assert page.horizontal_overflow() == 0
    work = page.find("details[data-menu=work] summary")
    work.click()
    link = page.find("details[data-menu=work] a[href='/incidents/']")
    page.wait_for(lambda d: link.is_displayed(), message="the Work menu did not unfold")
    r = link.rect
    assert r["x"] >= 0 and r["x"] + r["width"] <= 390 + 0.5
    link.click()
    page.wait_for_path("/incidents/")
    # Escape folds the menu back behind its button.
    toggle = page.find("[data-testid=nav-toggle]")
    toggle.click()
    page.wait_for(lambda d: page.find(".nav-list").is_displayed(), message="the menu did not open")
    page.find("details[data-menu=work] summary").send_keys(Keys.ESCAPE)
    page.wait_for(lambda d: not page.find(".nav-list").is_displayed(), message="Escape left the menu open")
    assert page.find("[data-testid=nav-toggle]").get_attribute("aria-expanded") == "false"


PARTS = {
    Role.AGENT: {"agent"},
    Role.CAB_MEMBER: {"cab"},
    Role.CHANGE_MANAGER: {"change_manager"},
    Role.MANAGER: {"manager"},
    Role.REQUESTER: {"requester"},
}
SECTIONS = {
    "agent": ["my-queue", "home-at-risk", "home-callbacks"],
    "cab": ["home-awaiting-vote", "home-voted"],
    "change_manager": ["home-to-assess", "home-schedule"],
    "manager": ["home-kpis", "home-breaches", "home-majors", "home-complaints"],
    "requester": ["catalog-links", "portal-links", "home-my-tickets"],
}


@pytest.mark.parametrize("roles", [(Role.AGENT,), (Role.CAB_MEMBER,), (Role.CHANGE_MANAGER,), (Role.MANAGER,),
                                   (Role.REQUESTER,), (Role.AGENT, Role.CAB_MEMBER)],
                         ids=lambda roles: "+".join(roles))
def test_each_role_has_its_home(page, make_user, roles):
    user = make_user(*roles)
    page.login(user).get("/")
    expected = set().union(*(PARTS[role] for role in roles))
    shown = {el.get_attribute("data-part") for el in page.find_all("[data-part]")}
    assert shown == expected
    for part, testids in SECTIONS.items():
        for testid in testids:
            assert bool(page.find_all(f"[data-testid={testid}]")) is (part in expected), (part, testid)
    assert page.find("[data-testid=home-notifications]").is_displayed()
    page.screenshot("home-" + "+".join(roles))
    assert page.horizontal_overflow() == 0
