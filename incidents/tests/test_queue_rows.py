"""The queue's rows prepared once per page (issue 23): its SLA badges and its filter and bulk
widgets write exactly the HTML of the template tag and the Django widgets they stand in for,
in every state of a clock and in every language."""

from datetime import timedelta

import pytest
from django import forms
from django.http import QueryDict
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone, translation

from catalog.tests.factories import ServiceFactory, TeamFactory
from core.roles import Role
from incidents import services
from incidents.forms.incident import BulkAssignForm, QueueFilterSet
from incidents.forms.queue_widgets import FlatCheckboxes, FlatSelect
from incidents.models import Incident
from incidents.selectors import page_timers
from incidents.views.bulk import BulkPriorityForm
from incidents.views.queue_rows import ClockCells
from sla.selectors import SLA_PREFETCH
from sla.tests.factories import PolicyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]

TAG = Template("{% load sla_tags %}{% sla_clocks i now %}")
LANGUAGES = ("en", "el", "fa", "pt")


@pytest.fixture
def incidents(make_user):
    """Three incidents: new (both clocks running), started (response met) and on hold
    (resolution paused), on a 24×7 policy of 4 h response and 16 h resolution."""
    team = TeamFactory(name="Desk")
    agent = make_user(Role.AGENT, username="ann")
    team.members.add(agent)
    service = ServiceFactory(name="Banking", owner_team=team)
    PolicyFactory(name="incidents", response_minutes=240, resolution_minutes=960, pause_on=["on_hold"])
    new = services.incident_create(title="New one", actor=agent, service=service)
    started = services.incident_create(title="Started", actor=agent, service=service)
    services.incident_assign(incident=started, actor=agent, assignee=agent)
    services.incident_start(incident=Incident.objects.get(pk=started.pk), actor=agent)
    held = services.incident_create(title="Held", actor=agent, service=service)
    services.incident_assign(incident=held, actor=agent, assignee=agent)
    services.incident_start(incident=Incident.objects.get(pk=held.pk), actor=agent)
    services.incident_hold(incident=Incident.objects.get(pk=held.pk), actor=agent, reason="Waiting")
    return [new.pk, started.pk, held.pk]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("minutes", [5, 200, 300, 2000])  # running, at risk, response overdue, both overdue
def test_the_badges_are_the_sla_clocks_tags_character_for_character(incidents, language, minutes):
    rows = list(Incident.objects.filter(pk__in=incidents).order_by("id"))
    tagged = {i.pk: i for i in Incident.objects.filter(pk__in=incidents).prefetch_related(*SLA_PREFETCH)}
    now = timezone.now() + timedelta(minutes=minutes)
    timers = page_timers(rows)
    assert sorted(len(t) for t in timers.values()) == [2, 2, 2]
    with translation.override(language), timezone.override("Europe/Athens"):
        ours = ClockCells({"request": RequestFactory().get("/")}, now)
        tag_request = RequestFactory().get("/")
        for row in rows:
            expected = TAG.render(Context({"i": tagged[row.pk], "now": now, "request": tag_request}))
            assert ours(timers[row.pk]) == expected
    # every state a badge can show was compared at some point of this test's parameters
    assert 'data-testid="sla-clock"' in expected


def test_the_page_s_timers_come_in_three_queries_whatever_the_rows(incidents, django_assert_num_queries):
    rows = list(Incident.objects.filter(pk__in=incidents))
    with django_assert_num_queries(3):  # the timers, their calendar's hours, its holidays
        timers = page_timers(rows)
    calendars = {id(t.calendar) for ts in timers.values() for t in ts}
    assert len(calendars) == 1  # one object per calendar: its rules are read once a page
    with django_assert_num_queries(0):
        assert page_timers([]) == {}


def _stock(widget):
    """Render ``widget`` as Django's own class would (the flat one's parent)."""
    base = next(k for k in type(widget).__mro__[1:] if k.__module__.startswith("django."))
    return base.template_name


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_flat_widgets_write_django_s_markup(incidents, language, make_user):
    query = QueryDict("status=new&status=assigned&status=bogus&priority=1&channel=phone&service=1&team=999"
                      "&assignee=me&breached=true&is_major=false")
    request = RequestFactory().get("/", query)
    request.user = make_user(Role.AGENT, username="bea")
    forms_ = [QueueFilterSet(query, queryset=Incident.objects.all(), request=request).form,
              BulkAssignForm(prefix="bulk"), BulkPriorityForm(prefix="bulk-priority"),
              BulkAssignForm({"bulk-assignee": request.user.pk, "bulk-team": "x"}, prefix="bulk")]
    flat = 0
    with translation.override(language):
        for form in forms_:
            for bound in form:
                widget = bound.field.widget
                if not isinstance(widget, FlatSelect | FlatCheckboxes):
                    continue
                ours = str(bound)
                widget.template_name = _stock(widget)
                assert str(bound) == ours, bound.name
                flat += 1
    assert flat == 14  # 8 filters, assignee and team twice over, impact and urgency
    assert isinstance(BulkAssignForm().fields["team"].widget, forms.Select)
