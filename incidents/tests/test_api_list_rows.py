"""``GET /api/v1/incidents/`` writes its rows without a serializer per row (issue 23:
``incidents.api.list_rows``): the JSON must be ``IncidentSerializer``'s, byte for byte, for
every status, clock state, null and time zone, and for staff and requesters alike."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone
from rest_framework.renderers import JSONRenderer

from catalog.tests.factories import ContactFactory, UserFactory
from core.roles import Role
from incidents import services
from incidents.api.list_rows import ListRows
from incidents.api.serializers import IncidentSerializer
from incidents.models import Incident
from incidents.selectors import incidents_visible_to, page_timers
from incidents.tests.factories import IncidentFactory
from sla.selectors import SLA_PREFETCH
from sla.tests.factories import CalendarFactory, PolicyFactory, office_hours
from tests.module_data import built_once

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]


@pytest.fixture(scope="module")
def _desk(django_db_setup, django_db_blocker):
    """:func:`_build_desk` once for the module (:func:`tests.module_data.built_once`)."""
    yield from built_once(django_db_blocker, _build_desk, eager_tasks=True)


@pytest.fixture
def desk(_desk, db):
    return _desk


def _build_desk():
    """Incidents in every status (a resolution inside and outside the reopen window), with a
    master, a customer, a requester and no service; clocks running, met, paused, breached,
    on a 24×7 and an office-hours calendar."""
    agent = UserFactory(roles=[Role.AGENT], username="ann")
    requester = UserFactory(roles=[Role.REQUESTER], username="rita")
    contact = ContactFactory(user=requester, customer__tier="gold")
    PolicyFactory(response_minutes=60, resolution_minutes=480, calendar=office_hours(CalendarFactory()))
    made = [services.incident_create(title=f'Case {k} <"&">', actor=requester, contact=contact) for k in range(7)]
    new, assigned, started, held, resolved, old, closed = made
    services.incident_assign(incident=assigned, actor=agent, assignee=agent)
    for incident in (started, held, resolved, old, closed):
        services.incident_start(incident=Incident.objects.get(pk=incident.pk), actor=agent)
    services.incident_hold(incident=Incident.objects.get(pk=held.pk), actor=agent, reason="Waiting")
    for incident in (resolved, old, closed):
        services.incident_resolve(
            incident=Incident.objects.get(pk=incident.pk), actor=agent, resolution_code="fixed", resolution="Restarted"
        )
    services.incident_close(incident=Incident.objects.get(pk=closed.pk), actor=agent)
    Incident.objects.filter(pk=old.pk).update(resolved_at=timezone.now() - timedelta(days=90))
    Incident.objects.filter(pk=new.pk).update(parent=held, is_major=True)
    IncidentFactory(title="Monitoring", service=None, contact=None, customer=None)  # no clocks, nulls
    return {"agent": agent, "requester": requester}


def _page(user):
    return list(incidents_visible_to(user).order_by("-created_at", "-id"))


def _serializer_json(user, now) -> bytes:
    rows = list(incidents_visible_to(user).prefetch_related(*SLA_PREFETCH).order_by("-created_at", "-id"))
    return JSONRenderer().render(
        IncidentSerializer(rows, many=True, context={"request": SimpleNamespace(user=user)}).data
    )


def _list_rows_json(user, now) -> bytes:
    from incidents.api.serializers import PageTimers

    rows = _page(user)
    timers = page_timers(rows)
    for row in rows:
        row.page_timers = PageTimers(timers.get(row.pk, ()))
    serializer = IncidentSerializer(context={"request": SimpleNamespace(user=user)})
    return JSONRenderer().render(ListRows(serializer)(rows))


@pytest.mark.parametrize("zone", ["UTC", "Europe/Athens", "Asia/Tehran"])
@pytest.mark.parametrize("later", [timedelta(0), timedelta(hours=3), timedelta(days=3)])
@pytest.mark.parametrize("who", ["agent", "requester"])
def test_the_rows_are_the_serializer_s_byte_for_byte(desk, monkeypatch, zone, later, who):
    now = timezone.now() + later  # clocks running, at risk and breached
    monkeypatch.setattr(timezone, "now", lambda: now)
    with timezone.override(zone):
        ours, theirs = _list_rows_json(desk[who], now), _serializer_json(desk[who], now)
    assert ours == theirs
    assert ours.count(b'"number"') == (8 if who == "agent" else 7)
    assert b'"remaining_seconds"' in ours and b'"actions":["' in ours or who == "requester"


def test_the_list_answers_the_serializer_s_rows(api, desk, monkeypatch):
    now = timezone.now() + timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: now)
    body = api.as_user(desk["agent"]).get("/api/v1/incidents/?page_size=5").json()
    theirs = JSONRenderer().render(
        IncidentSerializer(
            list(
                incidents_visible_to(desk["agent"]).prefetch_related(*SLA_PREFETCH).order_by("-created_at", "-id")[:5]
            ),
            many=True,
            context={"request": SimpleNamespace(user=desk["agent"])},
        ).data
    )
    assert JSONRenderer().render(body["results"]) == theirs
    assert body["count"] == 8 and body["next"]


def test_a_field_the_serializer_gains_is_in_the_list(desk):
    """The writer is compiled from the serializer's fields: nothing is listed by hand."""
    serializer = IncidentSerializer(context={"request": SimpleNamespace(user=desk["agent"])})
    assert [step[0] for step in ListRows(serializer).steps] == list(serializer.fields)
