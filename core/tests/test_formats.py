"""One date format per language (core/formats/<language>/formats.py, docs/agents.md "Dates and
languages"): what each named format renders, chosen on purpose (a 24-hour clock everywhere,
Latin digits in Persian), and the user's timezone named on every page."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import formats, timezone, translation

from core.roles import Role

MOMENT = datetime(2026, 12, 7, 14, 5, tzinfo=ZoneInfo("UTC"))

EXPECTED = {
    "en": {"DATE_FORMAT": "7 Dec 2026", "DATETIME_FORMAT": "7 Dec 2026, 14:05", "SHORT_DATE_FORMAT": "2026-12-07",
           "SHORT_DATETIME_FORMAT": "2026-12-07 14:05", "TIME_FORMAT": "14:05", "YEAR_MONTH_FORMAT": "December 2026"},
    "el": {"DATE_FORMAT": "7 Δεκ 2026", "DATETIME_FORMAT": "7 Δεκ 2026, 14:05", "SHORT_DATE_FORMAT": "07/12/2026",
           "SHORT_DATETIME_FORMAT": "07/12/2026 14:05", "TIME_FORMAT": "14:05", "MONTH_DAY_FORMAT": "7 Δεκεμβρίου"},
    "pt": {"DATE_FORMAT": "7 Dez 2026", "DATETIME_FORMAT": "7 Dez 2026, 14:05", "SHORT_DATE_FORMAT": "07/12/2026",
           "SHORT_DATETIME_FORMAT": "07/12/2026 14:05", "TIME_FORMAT": "14:05"},
    "fa": {"DATE_FORMAT": "7 دسامبر 2026", "DATETIME_FORMAT": "7 دسامبر 2026، 14:05", "SHORT_DATE_FORMAT": "2026/12/07",
           "SHORT_DATETIME_FORMAT": "2026/12/07 14:05", "TIME_FORMAT": "14:05"},
}


@pytest.mark.parametrize("language", sorted(EXPECTED))
def test_each_named_format_renders_as_chosen(language):
    with translation.override(language), timezone.override("UTC"):
        for name, expected in EXPECTED[language].items():
            assert formats.date_format(MOMENT, name) == expected, (language, name)
        # The template filter goes through the same formats.
        template = Template('{{ m|date:"SHORT_DATETIME_FORMAT" }}|{{ m|time:"TIME_FORMAT" }}')
        html = template.render(Context({"m": MOMENT}))
        assert html == f"{EXPECTED[language]['SHORT_DATETIME_FORMAT']}|14:05"


def test_a_24_hour_clock_in_every_language():
    evening = MOMENT.replace(hour=21)
    for language in EXPECTED:
        with translation.override(language), timezone.override("UTC"):
            shown = formats.date_format(evening, "SHORT_DATETIME_FORMAT")
            assert "21:05" in shown and "p.m." not in shown and "μ.μ." not in shown, (language, shown)


def test_persian_dates_keep_latin_digits():
    """A deliberate choice: agents type, copy and search Latin digits (incident numbers,
    phone numbers); Persian digits would not match what they paste."""
    with translation.override("fa"), timezone.override("UTC"):
        shown = formats.date_format(MOMENT, "DATETIME_FORMAT")
    assert not any("\u06f0" <= ch <= "\u06f9" or "\u0660" <= ch <= "\u0669" for ch in shown)
    assert "دسامبر" in shown  # the month in Persian


@pytest.mark.django_db
def test_every_page_names_the_timezone(client, make_user):
    assert "Times in UTC" in client.get("/login/").content.decode()
    client.force_login(make_user(Role.AGENT, username="tz-agent"))
    session = client.session
    session["sd_timezone"] = "Europe/Athens"
    session.save()
    html = client.get("/").content.decode()
    assert 'data-testid="timezone">Times in Europe/Athens<' in html
