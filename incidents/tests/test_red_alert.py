"""Issue 24, item 10: Red Alert. While a major incident is public (active, with a public
update), the portal and the help centre show a banner for the affected services with the
latest public update; the report form says the problem is known; "Me too" links the customer
to the master as duplicates are (their own child incident), once."""

import pytest

from catalog.tests.factories import ServiceFactory, TeamFactory
from core.errors import InvalidTransitionError
from core.roles import Role
from incidents import services
from incidents.models import Incident
from incidents.services import suspected

pytestmark = pytest.mark.django_db


@pytest.fixture
def outage(make_user):
    boss = make_user(Role.MANAGER, username="mia", email="mia@example.test")
    rita = make_user(Role.REQUESTER, username="rita", email="rita@example.test")
    carl = make_user(Role.REQUESTER, username="carl", email="carl@example.test")
    service = ServiceFactory(name="Internet banking", owner_team=TeamFactory(manager=boss))
    master = services.incident_create(title="Login fails", actor=rita, service=service)
    major = services.major_incident_declare(incident=master, actor=boss, summary="Internet banking down")
    return {"boss": boss, "rita": rita, "carl": carl, "service": service, "master": master, "major": major}


def go_public(outage, body="Some customers cannot log in. We are working on it."):
    return services.major_incident_post_update(major=outage["major"], actor=outage["boss"],
                                               audiences=["users", "public"], what="Internet banking", body=body)


def test_only_a_public_active_major_incident_raises_the_alert(outage):
    assert suspected.red_alerts() == []  # declared, but nothing said to the public yet
    go_public(outage, "First words")
    go_public(outage, "Fix being deployed")
    [alert] = suspected.red_alerts()
    assert alert.major_id == outage["major"].pk and alert.update_body == "Fix being deployed"
    assert alert.services == ((outage["service"].pk, "Internet banking"),)
    services.major_incident_transition(major=outage["major"], actor=outage["boss"], action="resolve",
                                       resolution="Rolled back")
    assert suspected.red_alerts() == []


def test_me_too_links_the_customer_to_the_master_once(outage):
    go_public(outage)
    child = suspected.major_incident_me_too(major=outage["major"].pk, actor=outage["carl"])
    assert child.parent_id == outage["master"].pk and child.requester == outage["carl"]
    assert child.service_id == outage["service"].pk and child.channel == "portal"
    again = suspected.major_incident_me_too(major=outage["major"].pk, actor=outage["carl"])
    assert again.pk == child.pk
    # the reporter of the master is already on it
    assert suspected.major_incident_me_too(major=outage["major"], actor=outage["rita"]).pk == outage["master"].pk
    assert Incident.objects.filter(parent=outage["master"]).count() == 1


def test_me_too_needs_a_public_active_major_incident(outage):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):  # not public
        suspected.major_incident_me_too(major=outage["major"], actor=outage["carl"])
    go_public(outage)
    services.major_incident_transition(major=outage["major"], actor=outage["boss"], action="resolve",
                                       resolution="Rolled back")
    with pytest.raises(InvalidTransitionError):
        suspected.major_incident_me_too(major=outage["major"], actor=outage["carl"])


def test_the_portal_the_report_form_and_the_help_centre(client, outage, django_capture_on_commit_callbacks):
    client.force_login(outage["carl"])
    assert 'data-testid="red-alert"' not in client.get("/portal/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):  # the update's signal clears the banner's cache
        go_public(outage, "We are working on it.")
    home = client.get("/portal/").content.decode()
    assert 'data-testid="red-alert"' in home and "We are working on it." in home and "Internet banking" in home
    report = client.get("/portal/report/").content.decode()
    assert 'data-testid="red-alert-notice"' in report and 'data-action="me-too"' in report
    help_page = client.get("/help/").content.decode()
    assert 'data-testid="red-alert"' in help_page and 'data-action="me-too"' in help_page
    client.logout()
    anonymous = client.get("/help/").content.decode()
    assert 'data-testid="red-alert"' in anonymous and 'data-action="me-too"' not in anonymous
    client.force_login(outage["carl"])
    clicked = client.post(f"/portal/me-too/{outage['major'].pk}/")
    child = Incident.objects.get(requester=outage["carl"])
    assert clicked.status_code == 302 and clicked["Location"] == f"/portal/incidents/{child.pk}/"
    assert child.parent_id == outage["master"].pk
    assert client.get(f"/portal/me-too/{outage['major'].pk}/").status_code == 405


def test_the_banner_is_read_through_the_cache_and_the_news_clears_it(outage, django_capture_on_commit_callbacks,
                                                                     django_assert_num_queries):
    assert suspected.red_alerts_cached() == []
    with django_assert_num_queries(0):
        assert suspected.red_alerts_cached() == []
    with django_capture_on_commit_callbacks(execute=True):
        go_public(outage, "Working on it")
    assert [a.update_body for a in suspected.red_alerts_cached()] == ["Working on it"]
    with django_capture_on_commit_callbacks(execute=True):
        services.major_incident_transition(major=outage["major"], actor=outage["boss"], action="resolve",
                                           resolution="Rolled back")
    assert suspected.red_alerts_cached() == []
