"""Red Alert in a real browser (issue 24, item 10): while a major incident is public, a
customer sees the banner on the help centre and the portal with the latest public update;
the report form says the problem is known; one click on "Me too" links them to the master
(their own incident under it) instead of a new ticket, and the banner's update follows the
next public update."""

from catalog.tests.factories import ServiceFactory, TeamFactory
from core.roles import Role
from incidents import services
from incidents.models import Incident


def test_banner_and_me_too(page, make_user):
    boss = make_user(Role.MANAGER, username="mia", first_name="Mia", last_name="Manager")
    rita = make_user(Role.REQUESTER, username="rita")
    carl = make_user(Role.REQUESTER, username="carl", first_name="Carl", last_name="Customer")
    service = ServiceFactory(name="Internet banking", owner_team=TeamFactory(manager=boss))
    master = services.incident_create(title="Login fails", actor=rita, service=service)
    major = services.major_incident_declare(incident=master, actor=boss, summary="Internet banking down")
    services.major_incident_post_update(major=major, actor=boss, audiences=["users", "public"],
                                        what="Internet banking", body="Some customers cannot log in.")

    # Anyone on the help centre sees it, with no "me too" before signing in. (/help/ may be kept
    # 60 s by a browser or a CDN — Cache-Control public — so an earlier test's visit in this same
    # browser could answer from its cache: ask for an address it has not seen.)
    page.get("/help/?outage=1")
    banner = page.find("[data-testid=red-alert]")
    assert "Internet banking" in banner.text and "Some customers cannot log in." in banner.text
    assert not page.find_all("[data-testid=red-alert] [data-action=me-too]")

    page.login(carl).get("/portal/report/")  # the login form has its own tests
    notice = page.find("[data-testid=red-alert-notice]")
    assert "Internet banking" in notice.text
    notice.find_element("css selector", "[data-action=me-too]").click()
    child = page.wait_for(lambda _driver: Incident.objects.filter(requester__username="carl").first(),
                          message="no incident for the customer")
    page.wait_for_path(f"/portal/incidents/{child.pk}/")
    assert child.parent_id == master.pk
    assert child.number in page.find(".messages").text

    # The next public update replaces the banner's text.
    services.major_incident_post_update(major=major, actor=boss, audiences=["public"], what="Internet banking",
                                        body="A fix is being deployed.")
    page.get("/portal/")
    assert "A fix is being deployed." in page.find("[data-testid=red-alert]").text
    # A second click changes nothing: the customer is already linked.
    page.find("[data-testid=red-alert] [data-action=me-too]").click()
    page.wait_for_path(f"/portal/incidents/{child.pk}/")
    assert Incident.objects.filter(requester__username="carl").count() == 1
