"""The profile page: language (with right-to-left layout for Persian) and timezone."""

from zoneinfo import ZoneInfo

from django.utils import timezone, translation
from django.utils.formats import date_format
from selenium.webdriver.support.ui import Select

from catalog.models import AgentProfile
from catalog.services import contact_create


def save_profile(page, *, language=None, tz=None):
    page.get("/profile/")
    if language:
        Select(page.find("#id_language")).select_by_value(language)
    if tz:
        Select(page.find("#id_timezone")).select_by_value(tz)
    page.find("form.stack button[type=submit]").click()
    page.wait_for(lambda d: page.find_all(".messages .message"), message="no confirmation shown")


def test_persian_renders_right_to_left_and_mirrors_the_navigation(page, agent):
    page.login(agent)
    save_profile(page, language="fa")

    html = page.find("html")
    assert html.get_attribute("lang") == "fa"
    assert html.get_attribute("dir") == "rtl"
    assert page.find("#id_language").get_property("value") == "fa"
    assert AgentProfile.objects.get(user=agent).language == "fa"

    page.get("/")
    assert page.find("html").get_attribute("dir") == "rtl"
    width = page.js("return document.documentElement.clientWidth;")
    brand = page.find(".brand").rect
    assert brand["x"] > width / 2, f"brand at x={brand['x']} of {width}: not on the right"
    usermenu = page.find(".usermenu").rect
    assert usermenu["x"] + usermenu["width"] < width / 2, "the user menu should sit on the left"
    links = page.find_all(".mainnav a")
    assert links[0].rect["x"] > links[1].rect["x"], "the first nav entry should be the rightmost"
    assert page.js("return getComputedStyle(document.body).direction;") == "rtl"


def test_language_back_to_english(page, agent):
    page.login(agent, sd_language="fa")
    page.get("/")
    assert page.find("html").get_attribute("dir") == "rtl"

    save_profile(page, language="en")
    assert page.find("html").get_attribute("dir") == "ltr"
    assert page.find("html").get_attribute("lang") == "en"


def test_timezone_is_saved_and_used_for_times(page, agent):
    contact = contact_create(name="Zoned Contact", phone_numbers=["+302100000042"])
    page.login(agent)
    save_profile(page, tz="Asia/Kathmandu")

    assert page.find("#id_timezone").get_property("value") == "Asia/Kathmandu"
    assert AgentProfile.objects.get(user=agent).timezone == "Asia/Kathmandu"

    # Times are shown in the chosen zone (UTC+05:45, so no whole-hour coincidence).
    created = contact.history.earliest("history_date").history_date
    with translation.override("en"), timezone.override(ZoneInfo("Asia/Kathmandu")):
        expected = date_format(timezone.localtime(created), "DATETIME_FORMAT")
    with translation.override("en"), timezone.override(ZoneInfo("UTC")):
        in_utc = date_format(timezone.localtime(created), "DATETIME_FORMAT")
    assert expected != in_utc
    page.get(f"/catalog/contacts/{contact.pk}/")
    first_cell = page.find("[data-testid=history] tbody tr:last-child td").text
    assert first_cell == expected
