"""The wallboard in a real browser: a manager watches it, a caller starts waiting, and the
figure changes on its own within the refresh period (htmx polling, no reload). The
wallboard and the staffing page fit a desktop and a phone."""

from datetime import timedelta

import pytest
from django.utils import timezone

from contactcenter.choices import AgentStateChoice
from contactcenter.models import AgentState, Call, Queue
from core.roles import Role
from tests.browser.helpers import check_page_fits

REFRESH_SECONDS = 1


@pytest.fixture
def manager(make_user):
    return make_user(Role.MANAGER, username="wally-manager", first_name="Wally", last_name="Board")


@pytest.fixture(autouse=True)
def _fast_refresh(settings):
    settings.WALLBOARD_REFRESH_SECONDS = REFRESH_SECONDS


def text(page, testid: str) -> str:
    return page.find(f"[data-testid='{testid}']").text.strip()


def test_a_new_waiting_call_shows_up_by_itself(page, manager):
    queue = Queue.objects.create(name="billing")
    AgentState.objects.create(user=manager, state=AgentStateChoice.BUSY)
    page.login(manager).get("/dashboards/wallboard/")
    page.wait_for_path("/dashboards/wallboard/")
    assert text(page, "waiting-total") == "0"
    assert text(page, "agents-busy") == "1"
    assert text(page, "longest-wait") == "—"
    page.js("window.__sameDocument = true;")  # gone if the page were reloaded instead of swapped

    Call.objects.create(call_sid="CA-browser-1", queue=queue, queued_at=timezone.now() - timedelta(seconds=65))
    page.wait_for(lambda d: text(page, "waiting-total") == "1", timeout=REFRESH_SECONDS + 4,
                  message="the waiting call did not show up")
    assert text(page, "queue-waiting") == "1"
    assert text(page, "longest-wait").startswith("1:0")
    assert page.js("return window.__sameDocument === true;"), "the page reloaded rather than refreshed its panel"
    page.screenshot("wallboard-en-desktop")


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_floor_pages_fit(page, manager, width):
    Queue.objects.create(name="billing-and-payments-support-line")
    page.login(manager)
    if width == "phone":
        page.set_phone()
    check_page_fits(page, f"wallboard-{width}", "/dashboards/wallboard/")
    check_page_fits(page, f"staffing-{width}", "/dashboards/staffing/?calls=100&interval_seconds=1800"
                    "&aht_seconds=180&target_percent=80&target_seconds=20&shrinkage_percent=30")
    assert text(page, "result-agents") == "14"
