"""The agents' alert log, the sections other pages include (incident, change), the admin
(token once, setup snippets) and the demo."""

from datetime import timedelta

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from catalog.tests.factories import ServiceFactory
from changes.tests.factories import ChangeFactory
from core.roles import Role
from incidents.models import Incident
from monitoring.models import Alert, AlertSource

from .conftest import am_alert, am_body
from .factories import AlertFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_admin(make_user):
    return make_user(Role.ADMIN, username="site-admin", is_staff=True, is_superuser=True)


def test_agents_see_the_alert_log_with_its_filters(client, make_user, django_assert_max_num_queries):
    shop = ServiceFactory(name="Web shop")
    AlertFactory(title="Shop is down", service=shop, severity="critical")
    AlertFactory(title="Old disk alert", status="resolved")
    AlertFactory.create_batch(10)
    client.force_login(make_user(Role.AGENT))
    with django_assert_max_num_queries(14):
        page = client.get(reverse("monitoring:alerts"))
    html = page.content.decode()
    assert page.status_code == 200 and "Shop is down" in html and "Old disk alert" in html
    filtered = client.get(reverse("monitoring:alerts"), {"status": "firing", "service": shop.pk}).content.decode()
    assert "Shop is down" in filtered and "Old disk alert" not in filtered
    resolved = client.get(reverse("monitoring:alerts"), {"status": "resolved"}).content.decode()
    assert "Old disk alert" in resolved and "Shop is down" not in resolved


def test_requesters_may_not_see_the_alert_log(client, make_user):
    client.force_login(make_user(Role.REQUESTER))
    assert client.get(reverse("monitoring:alerts")).status_code == 403


def test_the_incident_section_shows_labels_annotations_and_a_safe_link(source, post):
    source.default_service = ServiceFactory()
    source.save()
    alert = am_alert(instance="web1")
    alert["annotations"]["runbook"] = "<script>alert(1)</script>"
    [incident_id] = post(source, am_body(alert)).json()["incidents"]
    html = Template("{% load monitoring_tags %}{% incident_alerts incident %}").render(
        Context({"incident": Incident.objects.get(pk=incident_id)}))
    assert 'data-testid="incident-alerts"' in html
    assert "instance=web1" in html and "Down for over 5 minutes." in html
    assert 'href="http://prometheus.example.com:9090/graph?g0.expr=up"' in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    # A link that is not http(s) is never rendered, whatever is stored.
    Alert.objects.update(generator_url="javascript:alert(1)")
    html = Template("{% load monitoring_tags %}{% incident_alerts incident %}").render(
        Context({"incident": Incident.objects.get(pk=incident_id)}))
    assert "javascript:" not in html


def test_the_incident_section_is_empty_for_an_incident_without_alerts():
    from incidents.tests.factories import IncidentFactory

    html = Template("{% load monitoring_tags %}{% incident_alerts incident %}").render(
        Context({"incident": IncidentFactory()}))
    assert html.strip() == ""


def test_the_change_section_lists_the_alerts_it_held_back(source, post, django_assert_max_num_queries):
    service = ServiceFactory()
    source.default_service = service
    source.save()
    now = timezone.now()
    change = ChangeFactory(status="implementing", planned_start=now - timedelta(minutes=10),
                           planned_end=now + timedelta(minutes=50))
    change.services.add(service)
    post(source, am_body(*[am_alert(instance=f"web{i}") for i in range(3)]))
    with django_assert_max_num_queries(1):
        html = Template("{% load monitoring_tags %}{% change_suppressed_alerts change %}").render(
            Context({"change": change}))
    assert html.count('data-testid="held-alert"') == 3 and "still held" in html


def test_admins_get_the_token_once_with_the_snippets(client, site_admin):
    client.force_login(site_admin)
    service = ServiceFactory()
    response = client.post(reverse("admin:monitoring_alertsource_add"), {
        "name": "Prometheus EU", "kind": "alertmanager", "default_service": service.pk, "auto_resolve": "on",
        "reopen_minutes": 60, "active": "on",
        "rules-TOTAL_FORMS": "1", "rules-INITIAL_FORMS": "0", "rules-MIN_NUM_FORMS": "0", "rules-MAX_NUM_FORMS": "1000",
        "rules-0-order": "0", "rules-0-match": '{"job": "db"}', "rules-0-impact": "1"})
    assert response.status_code == 200, response.content[:2000]
    source = AlertSource.objects.get()
    html = response.content.decode()
    token = html.split('data-testid="token">')[1].split("<")[0]
    assert len(token) >= 40 and source.token_prefix == token[:6]
    assert f"Authorization: Bearer {token}" in html and f"credentials: &#x27;{token}&#x27;" in html
    assert "no-store" in response["Cache-Control"]
    assert source.rules.get().match == {"job": "db"}
    page = client.get(reverse("admin:monitoring_alertsource_change", args=[source.pk])).content.decode()
    assert token not in page
    assert "webhook_configs" in page and f"/api/v1/alert-sources/{source.pk}/events/" in page
    assert "Bearer &lt;token&gt;" in page

    rotated = client.post(reverse("admin:monitoring_alertsource_changelist"),
                          {"action": "rotate_token", "_selected_action": [source.pk]})
    new = rotated.content.decode().split('data-testid="token">')[1].split("<")[0]
    assert new != token and AlertSource.objects.get().token_prefix == new[:6]
