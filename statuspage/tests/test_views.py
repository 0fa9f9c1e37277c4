"""The public pages, the JSON summary and the Atom feed: no login, the shapes, the cache
and its invalidation, escaping, nothing internal leaking, and a query budget that does not
grow with the number of services."""

import json
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from catalog.tests.factories import ServiceFactory
from incidents import services as incidents
from incidents.models import MajorIncident
from sla.models import ServiceOutage
from statuspage import services

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def client():
    return Client()


def page(client, name="statuspage:index", *args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200, response.status_code
    return response


def atom_entries(client):
    response = page(client, "statuspage:feed")
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content).findall(f"{ATOM}entry")  # noqa: S314 (our own feed)


class TestEmptyPage:
    def test_everything_renders_with_nothing_to_show(self, client):
        html = page(client).content.decode()
        assert "All systems operational" in html and "No services are listed yet." in html
        data = json.loads(page(client, "statuspage:json").content)
        assert data.pop("updated_at").endswith("+00:00")
        assert data == {"status": "operational", "page": "http://127.0.0.1:8000/status/", "services": [],
                        "incidents": [], "maintenance": []}
        assert atom_entries(client) == []

    def test_no_login_is_needed_and_the_page_fits_a_phone(self, client):
        ServiceFactory(name="Card payments")
        html = page(client).content.decode()
        assert 'name="viewport" content="width=device-width' in html
        assert "statuspage/statuspage.css" in html
        assert "<script" not in html.split("<main", 1)[1]  # pure HTML and CSS


class TestShapes:
    def test_json_summary(self, client, declare, post_update):
        cards, web = ServiceFactory(name="Card payments"), ServiceFactory(name="Web hosting")
        major = declare(cards, impact="partial_outage", summary="Card payments failing")
        eta = timezone.now() + timedelta(hours=2)
        update = post_update(major, body="Some card payments fail.", what="Card payments", where="EU", eta=eta)
        now = timezone.now()
        window = services.maintenance_schedule(title="Web patching", services=[web], starts_at=now + timedelta(days=1),
                                               ends_at=now + timedelta(days=1, hours=1))
        data = json.loads(page(client, "statuspage:json").content)
        assert data["status"] == "partial_outage"
        assert data["services"] == [
            {"id": cards.pk, "name": "Card payments", "status": "partial_outage", "uptime_90d": data["services"][0]
             ["uptime_90d"]},
            {"id": web.pk, "name": "Web hosting", "status": "operational", "uptime_90d": 100.0}]
        [incident] = data["incidents"]
        assert {k: incident[k] for k in ("id", "title", "status", "impact", "active", "services", "url")} == {
            "id": major.pk, "title": "Card payments failing", "status": "investigating", "impact": "partial_outage",
            "active": True, "services": [cards.pk], "url": f"http://127.0.0.1:8000/status/incidents/{major.pk}/"}
        [entry] = incident["updates"]
        assert entry == {"id": update.pk, "at": update.created_at.isoformat(), "status": "investigating",
                         "what": "Card payments", "where": "EU", "event": "unplanned", "eta": eta.isoformat(),
                         "contact": "", "body": "Some card payments fail."}
        assert data["maintenance"] == [{
            "id": window.pk, "title": "Web patching", "description": "", "status": "scheduled",
            "starts_at": window.starts_at.isoformat(), "ends_at": window.ends_at.isoformat(), "services": [web.pk]}]

    def test_atom_feed_of_public_updates(self, client, declare, post_update):
        major = declare(ServiceFactory(name="Card payments"), summary="Card payments failing")
        first = post_update(major, body="Investigating.")
        second = post_update(major, body="Fix deployed, monitoring.")
        entries = atom_entries(client)
        assert [e.find(f"{ATOM}title").text for e in entries] == ["Card payments failing — Investigating"] * 2
        links = [e.find(f"{ATOM}link").get("href") for e in entries]
        base = f"http://127.0.0.1:8000/status/incidents/{major.pk}/"
        assert links == [f"{base}#update-{second.pk}", f"{base}#update-{first.pk}"]
        assert "Fix deployed, monitoring." in entries[0].find(f"{ATOM}summary").text

    def test_incident_page_needs_a_public_update(self, client, declare, post_update):
        major = declare(summary="Card payments failing")
        assert client.get(reverse("statuspage:incident", args=[major.pk])).status_code == 404
        post_update(major, body="Investigating.")
        html = page(client, "statuspage:incident", major.pk).content.decode()
        assert "Card payments failing" in html and "Investigating." in html
        assert client.get(reverse("statuspage:incident", args=[major.pk + 1000])).status_code == 404


class TestCache:
    def test_news_shows_at_once_and_resolve_clears_the_outage(self, client, declare, post_update, resolve):
        cards = ServiceFactory(name="Card payments")
        assert 'data-status="operational"' in page(client).content.decode()
        major = declare(cards, impact="major_outage", summary="Card payments failing")
        assert 'data-status="major_outage"' in page(client).content.decode()
        post_update(major, body="We are on it.")
        assert "We are on it." in page(client).content.decode()
        resolve(major)
        html = page(client).content.decode()
        assert "All systems operational" in html and 'data-status="major_outage"' not in html

    def test_a_warm_cache_costs_no_query(self, client, django_assert_num_queries):
        ServiceFactory(name="Card payments")
        page(client)
        with django_assert_num_queries(0):
            page(client)
            page(client, "statuspage:json")

    def test_json_and_feed_may_be_cached_for_thirty_seconds(self, client):
        for name in ("statuspage:json", "statuspage:feed"):
            assert "max-age=30" in page(client, name)["Cache-Control"]


class TestQueryBudget:
    @pytest.mark.parametrize("count", [3, 30])
    def test_the_page_costs_the_same_whatever_the_number_of_services(self, count, client, declare, post_update,
                                                                     django_assert_max_num_queries):
        now = timezone.now()
        catalogue = [ServiceFactory(name=f"Service {n:02d}") for n in range(count)]
        for n, service in enumerate(catalogue):
            ServiceOutage.objects.create(service=service, started_at=now - timedelta(days=n + 1, hours=3),
                                         ended_at=now - timedelta(days=n + 1))
        services.maintenance_schedule(title="Patching", services=catalogue[: count // 2],
                                      starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=1))
        services.maintenance_schedule(title="Upgrade", services=catalogue, starts_at=now + timedelta(days=2),
                                      ends_at=now + timedelta(days=2, hours=1))
        for impact, origin in (("degraded", catalogue[0]), ("major_outage", catalogue[1])):
            major = declare(origin, impact=impact, services=catalogue[2:], summary=f"{impact} trouble")
            post_update(major, body="Looking into it.")
        with django_assert_max_num_queries(8):
            html = page(client).content.decode()
        assert html.split('data-testid="services"', 1)[1].count('<li data-status=') == count


SECRETS = ("INTERNAL-WORK-NOTE", "NON-PUBLIC-UPDATE", "RESOLUTION-DETAILS", "Payments fail at checkout")


class TestEscapingAndLeaks:
    def test_update_text_is_escaped(self, client, declare, post_update):
        major = declare(ServiceFactory(name="Card payments"), summary="<b>Payments</b>")
        post_update(major, body='<script>alert("x")</script>', what="<img src=x onerror=alert(1)>")
        for name, args in (("statuspage:index", ()), ("statuspage:incident", (major.pk,))):
            html = page(client, name, *args).content.decode()
            assert "<script>alert" not in html and "<img src=x" not in html and "<b>Payments" not in html
            assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
        [entry] = atom_entries(client)
        summary = entry.find(f"{ATOM}summary")
        assert summary.get("type") == "html"
        # The summary is HTML: the update's text is in it as text, never as markup.
        assert "<script>" not in summary.text and "&lt;script&gt;" in summary.text
        assert "<img" not in summary.text

    def test_nothing_internal_appears(self, client, manager, declare, post_update, resolve,
                                      django_capture_on_commit_callbacks):
        major = declare(ServiceFactory(name="Card payments"), summary="Card payments failing")
        with django_capture_on_commit_callbacks(execute=True):
            incidents.incident_add_note(incident=major.incident, actor=manager, body="INTERNAL-WORK-NOTE",
                                        visibility="internal")
        post_update(major, audiences=["technical", "management", "stakeholders", "users"], body="NON-PUBLIC-UPDATE")
        public = post_update(major, body="Public words.")
        while_active = page(client).content.decode()
        resolve(major, resolution="RESOLUTION-DETAILS")
        major = MajorIncident.objects.get(pk=major.pk)
        secrets = (*SECRETS, major.bridge_pin, major.bridge_number, manager.username, manager.last_name)
        resolved = page(client).content.decode()
        assert "Card payments failing" in resolved  # listed as a past incident
        for secret in secrets:
            assert secret not in resolved, secret
        documents = {
            "html": while_active,
            "incident": page(client, "statuspage:incident", major.pk).content.decode(),
            "json": page(client, "statuspage:json").content.decode(),
            "atom": page(client, "statuspage:feed").content.decode(),
        }
        for name, text in documents.items():
            assert "Public words." in text, name
            for secret in secrets:
                assert secret not in text, (name, secret)
        updates = json.loads(documents["json"])["incidents"][0]["updates"]
        # The author's public update, and the plain-words "resolved" one the resolution adds.
        assert public.pk in [u["id"] for u in updates] and len(updates) == 2
        assert any("resolved" in u["body"] for u in updates)
