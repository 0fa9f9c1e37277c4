"""CAB approval in a real browser: a significant change waits for the CAB (quorum 2) with one
approve vote already cast; a CAB member logs in, opens the approvals inbox, reads the RFC
and its plans, and clicks Approve: the quorum is met and the change is authorised. The change
pages fit a phone (375 px), left to right and right to left.

Screenshots go to ``BROWSER_SCREENSHOT_DIR`` (default ``/tmp/servicedesk-screenshots``)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from catalog.services import profile_update_preferences
from catalog.tests.factories import ConfigurationItemFactory, ServiceFactory
from changes import services
from changes.models import BlackoutWindow, CABBoard, Change
from core.roles import Role
from tests.browser.helpers import check_page_fits

SOON = (timezone.now() + timedelta(days=2)).replace(hour=10, minute=0, second=0, microsecond=0)


@pytest.fixture
def board(make_user):
    dev = make_user(Role.AGENT, username="dev", first_name="Dev", last_name="Eloper")
    cm = make_user(Role.CHANGE_MANAGER, username="carla", first_name="Carla", last_name="Manager")
    first = make_user(Role.CAB_MEMBER, username="fay", first_name="Fay", last_name="First")
    second = make_user(Role.CAB_MEMBER, username="sam", first_name="Sam", last_name="Second")
    cab = CABBoard.objects.create(name="Change Advisory Board", kind="cab", quorum=2, rule="majority")
    cab.members.set([first, second])
    service = ServiceFactory(name="Internet banking")
    change = services.change_create(
        actor=dev, title="Upgrade the internet banking database to PostgreSQL 17", type="normal",
        description="The current version leaves support in March; the upgrade also fixes the slow statements.",
        services=[service], cis=[ConfigurationItemFactory(name="ib-db-primary")],
        implementation_plan="1. Drain the app nodes\n2. pg_upgrade --link\n3. Undrain",
        backout_plan="Fail over to the untouched replica", test_plan="Log in, list statements, pay a bill",
        planned_start=SOON, planned_end=SOON + timedelta(hours=2), outage_start=SOON,
        outage_end=SOON + timedelta(minutes=30), risk=3, impact=2)
    services.change_submit(change=change, actor=dev)
    services.change_assess(change=change, actor=cm)
    services.change_send_to_cab(change=change, actor=cm)
    services.change_vote(change=change, actor=first, decision="approve", comment="Tested on staging")
    change.refresh_from_db()
    assert (change.status, change.category, change.approval_stage) == ("cab_review", "significant", "cab")
    return {"dev": dev, "cm": cm, "first": first, "second": second, "change": change, "service": service}


def test_a_cab_member_approves_and_the_quorum_authorises_the_change(page, board):
    change = board["change"]
    page.login(board["second"]).get("/")  # Sam (the login form has its own tests)
    page.nav_link("/changes/approvals/").click()
    page.wait_for_path("/changes/approvals/")
    assert page.current_nav_label() == "Approvals"

    item = page.find(f"[data-testid=inbox-item][data-number='{change.number}']")
    assert "PostgreSQL 17" in item.find_element("css selector", "[data-testid=rfc-link]").text
    assert "leaves support in March" in item.find_element("css selector", "[data-testid=why]").text
    assert item.find_element("css selector", "[data-testid=category]").text == "Significant"
    assert item.find_element("css selector", "[data-testid=tally-approve]").text == "1"
    assert "1 of the 2" in item.find_element("css selector", "[data-testid=tally]").text
    # The plans are folded away; reading them opens them.
    plans = item.find_element("css selector", "[data-testid=plans]")
    assert not plans.find_element("css selector", "h3").is_displayed()
    plans.find_element("css selector", "summary").click()
    page.wait_for(lambda d: "pg_upgrade --link" in plans.text, message="the plans did not open")
    assert "Fail over to the untouched replica" in plans.text
    page.screenshot("cab-inbox-en-desktop")

    item.find_element("css selector", "button[data-action=approve]").click()
    page.wait_for(lambda d: "authorised" in page.find(".messages").text, message="no result after the vote")
    assert page.path == "/changes/approvals/"
    assert "quorum is met" in page.find(".messages").text
    assert page.find("[data-testid=inbox-empty]")  # decided: nothing left to vote on
    recent = page.find(f"[data-testid=recent-vote][data-number='{change.number}']")
    assert recent.find_element("css selector", "[data-testid=recent-status]").text == "Authorised"
    page.screenshot("cab-inbox-voted-en-desktop")
    change.refresh_from_db()
    assert change.status == "authorized" and change.authorized_at is not None
    assert sorted(change.votes.values_list("member__username", "decision")) == [
        ("fay", "approve"), ("sam", "approve")]

    # The change page tells the same story.
    recent.find_element("css selector", "a").click()
    page.wait_for_path(f"/changes/{change.pk}/")
    assert page.find("[data-testid=status]").text == "Authorised"
    assert page.find("[data-testid=tally-approve]").text == "2"
    assert [v.get_attribute("data-member") for v in page.find_all("[data-testid=vote]")] == ["fay", "sam"]


@pytest.mark.parametrize("language", ["en", "fa"])
def test_the_change_pages_fit_a_desktop_and_a_phone(page, board, language):
    change = board["change"]
    other = services.change_create(actor=board["dev"], title="Rotate the TLS certificates of internet banking",
                                   type="normal", risk=1, impact=3, services=[board["service"]],
                                   planned_start=SOON, planned_end=SOON + timedelta(hours=1),
                                   description="Yearly", implementation_plan="a", backout_plan="b", test_plan="c")
    services.change_submit(change=other, actor=board["dev"])
    services.change_assess(change=other, actor=board["cm"])
    services.change_authorize(change=other, actor=board["cm"])
    services.change_schedule(change=other, actor=board["dev"])
    BlackoutWindow.objects.create(name="Quarter-end close", start=SOON + timedelta(days=3),
                                  end=SOON + timedelta(days=4))
    member = board["second"]
    tz = "Asia/Tehran" if language == "fa" else "Europe/Athens"
    profile_update_preferences(user=member, language=language, timezone=tz)
    page.login(member, sd_language=language, sd_timezone=tz)
    month = timezone.localtime(SOON).strftime("%Y-%m")
    pages = {"list": "/changes/", "new": "/changes/new/", "change": f"/changes/{change.pk}/",
             "scheduled": f"/changes/{other.pk}/", "approvals": "/changes/approvals/",
             "calendar": f"/changes/calendar/?month={month}", "edit": f"/changes/{change.pk}/edit/"}
    for width in ("desktop", "phone"):
        if width == "phone":
            page.set_phone()
        for name, path in pages.items():
            check_page_fits(page, f"change-{name}-{language}-{width}", path)
            assert page.find("html").get_attribute("dir") == ("rtl" if language == "fa" else "ltr")
            if (width, name) == ("phone", "calendar"):  # the calendar on a phone, as loaded just now
                assert page.find(f"[data-testid=cal-change][data-number='{other.number}']").is_displayed()
        page.set_desktop()
    assert Change.objects.get(pk=change.pk).status == "cab_review"  # looking changes nothing
