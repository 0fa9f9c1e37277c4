"""HTTP caching of the status page, so a CDN or proxy can serve the surge during an outage:
``ETag``/``Last-Modified``, a conditional GET answered 304 without rendering or querying,
``Cache-Control: public`` for anonymous visitors only, and a page small enough at 200 services."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from catalog.models import Service
from catalog.tests.factories import ServiceFactory
from incidents.tests.factories import IncidentFactory, MajorIncidentFactory, StakeholderUpdateFactory
from sla.models import ServiceOutage
from statuspage import services
from tests.module_data import built_once

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]

URL = "/status/"


@pytest.fixture
def client():
    return Client()


def vary(response) -> set[str]:
    return {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}


class TestAnonymous:
    def test_the_page_carries_validators_and_may_be_shared(self, client):
        ServiceFactory(name="Card payments")
        response = client.get(URL)
        assert response.status_code == 200
        assert response["ETag"].startswith('"') and response["Last-Modified"].endswith("GMT")
        control = response["Cache-Control"]
        assert "public" in control and "max-age=30" in control and "stale-while-revalidate=60" in control
        # The page varies by language and by being signed in: a shared cache must keep them apart.
        assert {"cookie", "accept-language"} <= vary(response)
        assert not response.cookies  # no CSRF or session cookie a shared cache would hand on
        assert "csrfmiddlewaretoken" not in response.content.decode()

    def test_a_conditional_get_answers_304_without_rendering_or_queries(self, client, django_assert_num_queries):
        ServiceFactory(name="Card payments")
        first = client.get(URL)
        with django_assert_num_queries(0):
            again = client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"])
            since = client.get(URL, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        for response in (again, since):
            assert response.status_code == 304
            assert response.content == b""
            assert response.templates == []  # nothing rendered

    def test_news_changes_the_etag_at_once(self, client, declare, post_update):
        cards = ServiceFactory(name="Card payments")
        etag = client.get(URL)["ETag"]
        post_update(declare(cards, impact="major_outage"), body="Looking into it.")
        response = client.get(URL, HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 200 and response["ETag"] != etag
        assert 'data-status="major_outage"' in response.content.decode()

    def test_each_language_has_its_own_etag(self, client):
        ServiceFactory(name="Card payments")
        english = client.get(URL, HTTP_ACCEPT_LANGUAGE="en")["ETag"]
        other = client.get(URL, HTTP_ACCEPT_LANGUAGE="pt")
        assert other["ETag"] != english
        assert client.get(URL, HTTP_ACCEPT_LANGUAGE="pt", HTTP_IF_NONE_MATCH=english).status_code == 200


class TestSignedIn:
    def test_staff_get_a_private_page_without_validators(self, client, manager):
        ServiceFactory(name="Card payments")
        anonymous_etag = client.get(URL)["ETag"]
        client.force_login(manager)
        response = client.get(URL, HTTP_IF_NONE_MATCH=anonymous_etag)
        assert response.status_code == 200  # never the anonymous copy
        control = response["Cache-Control"]
        assert "private" in control and "public" not in control
        assert "ETag" not in response and "Last-Modified" not in response
        assert "cookie" in vary(response)


def _outages(catalogue, now):
    """One outage every 5 days per service, 5 minutes to 8 hours: every level of the bar."""
    ServiceOutage.objects.bulk_create(
        ServiceOutage(service=service, started_at=now - timedelta(days=d, minutes=n * 7 % 600),
                      ended_at=now - timedelta(days=d, minutes=n * 7 % 600) + timedelta(minutes=5 + (n + d) % 480))
        for n, service in enumerate(catalogue) for d in range(2 + n % 5, 92, 5))


def _assert_services(html: str, count: int) -> None:
    """Each service's row: its name, its state in words, its bar (an image titled with its days
    of downtime and of each level) and its uptime in words."""
    services = html.split('data-testid="services">', 1)[1].split("</ul>", 1)[0]
    rows = re.findall(r'<li data-status="(\w+)"><bdi>([^<]+)</bdi> <b>([^<]+)</b>'
                      r'<svg viewBox="0 -\.5 90 1" preserveAspectRatio="none" role="img"><title>([^<]+)</title>'
                      r'((?:<path class="\w+" d="[^"]+"/>)*)</svg><small>([^<]*)</small></li>', services)
    assert len(rows) == count == services.count("<li"), services[:2000]
    levels = {"minor": "Up to 1 hour down:", "partial": "Up to 6 hours down:", "major": "More than 6 hours down:"}
    for _status, name, label, title, paths, uptime in rows:
        assert name.startswith("Service") and label and uptime.endswith("% uptime")
        assert re.match(r"\d+ days? with downtime in the last 90 days\.", title), title
        for level in re.findall(r'class="(\w+)"', paths):
            assert levels[level] in title, (level, title)
    assert '<path class="partial"' in services and '<path class="minor"' in services
    legend = html.split('data-testid="legend">', 1)[1].split("</ul>", 1)[0]
    assert re.findall(r'<li class="(\w+)">', legend) == ["up", "minor", "partial", "major", "none"]
    assert "style=" not in html.split("<main", 1)[1]  # CSP: no inline styles


class TestSize:
    def test_200_services_with_90_days_of_outages_stay_small(self, client, django_assert_max_num_queries):
        now = timezone.now()
        catalogue = [ServiceFactory(name=f"Service {n:03d}") for n in range(200)]
        Service.objects.update(created_at=now - timedelta(days=400))
        _outages(catalogue, now)
        with django_assert_max_num_queries(8):
            response = client.get(URL)
        html = response.content.decode()
        assert len(response.content) <= 120_000, len(response.content)  # measured: see bench/README.md
        _assert_services(html, 200)

    def test_the_subscribe_form_brings_the_address_to_the_full_form(self, client):
        ServiceFactory(name="Card payments")
        html = client.get(reverse("statuspage:subscribe"), {"email": "eleni@example.test"}).content.decode()
        assert 'value="eleni@example.test"' in html and "Card payments" in html


@pytest.fixture(scope="class")
def bench_page(django_db_setup, django_db_blocker):
    """:func:`_build_bench_page` once for the class (:func:`tests.module_data.built_once`)."""
    yield from built_once(django_db_blocker, _build_bench_page, eager_tasks=True)


def _build_bench_page():
    """bench/statuspage_bench.py's shape: 200 services with long names, a year of outages, 10
    active major incidents and 10 resolved ones with 3 public updates each, 3 maintenance windows."""
    now = timezone.now()
    products = [form.format(base) for form in ("{} mobile app", "{} for Mac") for base in ("internet banking",
                "Active Directory", "contact centre", "data warehouse", "single sign-on")]
    catalogue = [ServiceFactory(name=f"Service {n:03d} {products[n % len(products)]}",
                                description="What it does for our customers.") for n in range(200)]
    Service.objects.update(created_at=now - timedelta(days=400))
    _outages(catalogue, now)
    for k in range(1, 21):
        active = k <= 10
        started = now - timedelta(minutes=37 * k) if active else now - timedelta(hours=31 * (k - 10))
        major = MajorIncidentFactory(
            incident=IncidentFactory(service=catalogue[k * 9], is_major=True),
            summary=f"Internet banking unavailable ({k})",
            impact=("major_outage", "partial_outage", "degraded")[k % 3],
            status="mobilised" if active else "resolved", started_at=started, declared_at=started,
            resolved_at=None if active else started + timedelta(hours=3))
        major.services.set(catalogue[k * 9:k * 9 + 1 + k % 3])
        for u in range(1, 4):
            StakeholderUpdateFactory(
                major_incident=major, audiences=["public", "users"], status=major.status, what=major.summary,
                where="All regions", eta=started + timedelta(hours=4), contact="Service desk, +351 210 000 000",
                body=f"We are investigating reports of problems. Next update in 30 minutes. Update {u}.")
    for title, start, hours in (("Database upgrade", -1, 3), ("Network maintenance", 48, 2),
                                ("Telephony switch", 216, 1)):
        services.maintenance_schedule(title=title, description="Planned work.", services=catalogue[100:103],
                                      starts_at=now + timedelta(hours=start),
                                      ends_at=now + timedelta(hours=start + hours))


class TestBenchPage:
    @pytest.mark.parametrize("language", ["en", "el", "pt", "fa"])
    def test_the_bench_page_with_its_incidents_stays_under_150_kb(self, bench_page, client,
                                                                   django_assert_max_num_queries, language):
        """The bench page (:func:`_build_bench_page`, built once for the four) in every language
        of the page (Greek takes two bytes a letter: its longest strings, the bars' titles, are
        worded short)."""
        with django_assert_max_num_queries(8):
            response = client.get(URL, HTTP_ACCEPT_LANGUAGE=language)
        html = response.content.decode()
        assert response["Content-Language"] == language
        assert len(response.content) <= 150_000, len(response.content)  # measured: see bench/README.md
        assert html.count('class="card sp-incident') == 10 and html.count('class="sp-update"') == 30
        assert html.count("Planned work.") == 3
        if language == "en":
            _assert_services(html, 200)
        else:
            rows = html.split('data-testid="services">', 1)[1].split("</ul>", 1)[0]
            assert rows.count("<li") == rows.count("<title>") == 200
