"""Persian, Greek and Portuguese: every catalogue compiles to what is committed, and the
pages speak the language the user chose."""

from pathlib import Path

import polib
import pytest
from django.utils import translation

from core.roles import Role

LOCALE = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ["fa", "el", "pt"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_committed_mo_matches_its_po(language):
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    mo = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items()))) for e in mo}
    for entry in po.translated_entries():
        assert compiled.get((entry.msgctxt, entry.msgid)) == (entry.msgstr, tuple(sorted(
            entry.msgstr_plural.items()))), f"{language}: {entry.msgid!r} — run manage.py compilemessages"
    assert po.percent_translated() >= 95, f"{language} is {po.percent_translated()} % translated"


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_survive_translation(language):
    import re

    pattern = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{\s*\w+\s*\}\}")
    for entry in polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po")).translated_entries():
        if entry.msgid_plural:
            continue
        assert sorted(pattern.findall(entry.msgid)) == sorted(pattern.findall(entry.msgstr)), entry.msgid


@pytest.mark.django_db
def test_a_persian_agent_sees_persian_navigation(client, make_user):
    from catalog.services import profile_update_preferences

    agent = make_user(Role.AGENT, username="dariush")
    profile_update_preferences(user=agent, language="fa", timezone="Asia/Tehran")
    client.post("/login/", {"username": "dariush", "password": "demo-pass-123"})
    html = client.get("/").content.decode()
    with translation.override("fa"):
        incidents = translation.gettext("Incidents")
    assert incidents != "Incidents"
    assert 'dir="rtl"' in html and incidents in html
