"""The queue's rows prepared once per page (issue 23): its rows, its SLA badges and its filter
and bulk widgets write exactly the HTML of the template loop, the template tag and the Django
widgets they stand in for, in every state of a clock and in every language."""

from datetime import timedelta
from types import MethodType

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
from tests.module_data import built_once

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]

TAG = Template("{% load sla_tags %}{% sla_clocks i now %}")
LANGUAGES = ("en", "el", "fa", "pt")


@pytest.fixture(scope="module")
def _incidents(django_db_setup, django_db_blocker):
    """:func:`_build_incidents` once for the module (:func:`tests.module_data.built_once`)."""
    yield from built_once(django_db_blocker, _build_incidents, eager_tasks=True)


@pytest.fixture
def incidents(_incidents, db):
    return _incidents


def _build_incidents():
    """Three incidents: new (both clocks running), started (response met) and on hold
    (resolution paused), on a 24×7 policy of 4 h response and 16 h resolution."""
    from catalog.tests.factories import UserFactory

    team = TeamFactory(name="Desk")
    agent = UserFactory(roles=[Role.AGENT], username="ann")
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
    """Django's own class of ``widget`` (the flat one's parent), which renders its templates."""
    return next(k for k in type(widget).__mro__[1:] if k.__module__.startswith("django."))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_flat_widgets_write_django_s_markup(incidents, language, make_user):
    query = QueryDict(
        "status=new&status=assigned&status=bogus&priority=1&channel=phone&service=1&team=999"
        "&assignee=me&breached=true&is_major=false"
    )
    request = RequestFactory().get("/", query)
    request.user = make_user(Role.AGENT, username="bea")
    forms_ = [
        QueueFilterSet(query, queryset=Incident.objects.all(), request=request).form,
        BulkAssignForm(prefix="bulk"),
        BulkPriorityForm(prefix="bulk-priority"),
        BulkAssignForm({"bulk-assignee": request.user.pk, "bulk-team": "x"}, prefix="bulk"),
    ]
    flat = 0
    with translation.override(language):
        for form in forms_:
            for bound in form:
                widget = bound.field.widget
                if not isinstance(widget, FlatSelect | FlatCheckboxes):
                    continue
                ours = str(bound)
                flat_class = type(widget)
                widget.__class__ = _stock(widget)
                try:
                    assert str(bound) == ours, bound.name
                finally:
                    widget.__class__ = flat_class
                # and the one-template version (incidents/widgets/) the Python one replaced
                widget.render = MethodType(forms.Widget.render, widget)
                try:
                    assert str(bound) == ours, bound.name
                finally:
                    del widget.render
                flat += 1
    assert flat == 14  # 8 filters, assignee and team twice over, impact and urgency
    assert isinstance(BulkAssignForm().fields["team"].widget, forms.Select)


#: The rows as incidents/_queue_results.html wrote them before QueueRows (issue 23), with the
#: row attributes the view prepared then: the reference QueueRows is held to.
LOOP = Template(
    "{% load i18n %}{% translate 'Priority' as l_priority %}{% translate 'Status' as l_status %}"
    "{% translate 'Service' as l_service %}{% translate 'Customer' as l_customer %}"
    "{% translate 'Assignee' as l_assignee %}{% translate 'SLA' as l_sla %}{% translate \"nobody\" as l_nobody %}"
    "{% for i in object_list %}\n"
    '      <tr data-testid="queue-row" data-number="{{ i.number }}" data-row>\n'
    '        <td class="inc-check"><input type="checkbox" name="bulk-ids" value="{{ i.pk }}" id="pick-{{ i.pk }}"'
    ' aria-label="{{ i.tick_label }}"></td>\n'
    '        <th scope="row" class="inc-num"><a href="{{ i.queue_url }}" data-row-link>{{ i.number }}</a></th>\n'
    '        <td class="inc-title"><a href="{{ i.queue_url }}"><bdi>{{ i.title }}</bdi></a>{% if i.parent %}'
    ' <small class="muted">{% blocktranslate with number=i.parent.number %}duplicate of {{ number }}'
    "{% endblocktranslate %}</small>{% endif %}</td>\n"
    '        {% if "priority" in shown %}<td class="inc-c-priority" data-label="{{ l_priority }}"><span'
    ' class="inc-priority inc-p{{ i.priority }}">P{{ i.priority }}</span></td>{% endif %}\n'
    '        {% if "status" in shown %}<td class="inc-c-status" data-label="{{ l_status }}"><span class="inc-status'
    ' inc-status-{{ i.status }}">{{ i.status_label }}</span></td>{% endif %}\n'
    '        {% if "service" in shown %}<td class="inc-c-service" data-label="{{ l_service }}">{% if i.service %}'
    "<bdi>{{ i.service.name }}</bdi>{% else %}—{% endif %}</td>{% endif %}\n"
    '        {% if "customer" in shown %}<td class="inc-c-customer" data-label="{{ l_customer }}">{% if i.customer %}'
    '<bdi>{{ i.customer.name }}</bdi> <span class="tier tier-{{ i.customer.tier }}" data-testid="tier">'
    "{{ i.customer.tier_label }}</span>{% else %}—{% endif %}</td>{% endif %}\n"
    '        {% if "assignee" in shown %}<td class="inc-c-assignee" data-label="{{ l_assignee }}">{% if i.assignee %}'
    '<bdi>{{ i.assignee.get_full_name|default:i.assignee.username }}</bdi>{% else %}<span class="muted">'
    '{{ l_nobody }}</span>{% endif %}{% if i.team %}<br><small class="muted"><bdi>{{ i.team.name }}</bdi>'
    "</small>{% endif %}</td>{% endif %}\n"
    '        {% if "sla" in shown %}<td class="inc-c-sla" data-label="{{ l_sla }}">{{ i.sla_cell }}</td>{% endif %}\n'
    "      </tr>\n    {% endfor %}"
)


def _prepared_as_before(rows, request, now):
    """What QueueView.prepare_rows set on each row for LOOP (the code before QueueRows)."""
    from django.urls import reverse
    from django.utils.html import escape
    from django.utils.safestring import mark_safe
    from django.utils.translation import gettext

    from catalog.models import Customer

    timers = page_timers(rows)
    clocks = ClockCells({"request": request}, now)
    statuses = dict(Incident._meta.get_field("status").flatchoices)
    tiers = dict(Customer._meta.get_field("tier").flatchoices)
    for row in rows:
        row.queue_url = reverse("incidents:detail", args=[row.pk])
        row.tick_label = mark_safe(gettext("Tick %(number)s") % {"number": escape(row.number)})  # noqa: S308
        row.status_label = statuses.get(row.status, row.status)
        if row.customer is not None:
            row.customer.tier_label = tiers.get(row.customer.tier, row.customer.tier)
        row.sla_cell = clocks(timers.get(row.pk, ()))
    return timers


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "shown",
    [
        {"number", "title", "priority", "status", "service", "customer", "assignee", "sla"},
        {"number", "title", "status", "sla"},
        {"number", "title", "customer", "assignee"},
    ],
)
def test_the_rows_are_the_template_loop_s_byte_for_byte(incidents, language, shown):
    from catalog.tests.factories import CustomerFactory
    from incidents.selectors import with_queue_data
    from incidents.views.queue_rows import QueueRows

    new, started, held = incidents
    # every branch of a row: a master, a customer with a tier, no service, no team, a name
    # that needs escaping, a person without a full name
    Incident.objects.filter(pk=new).update(
        title='<b>"Tom & Jerry\'s"</b> down',
        parent=held,
        service=None,
        customer=CustomerFactory(name="A&B <Ltd>", tier="gold"),
    )
    Incident.objects.filter(pk=started).update(team=None, customer=CustomerFactory(name="Plain", tier=""))
    Incident.objects.filter(pk=held).update(assignee=None)
    now = timezone.now() + timedelta(minutes=300)
    with translation.override(language), timezone.override("Europe/Athens"):
        old_rows = list(with_queue_data(Incident.objects.filter(pk__in=incidents)).order_by("id"))
        new_rows = list(with_queue_data(Incident.objects.filter(pk__in=incidents)).order_by("id"))
        expected = LOOP.render(
            Context(
                {"object_list": old_rows, "shown": shown, "request": RequestFactory().get("/")}
                | {"_": _prepared_as_before(old_rows, RequestFactory().get("/"), now)}
            )
        )
        ours = QueueRows(RequestFactory().get("/"), shown, now)(new_rows, page_timers(new_rows))
    assert ours == expected
    assert ours.count('data-testid="queue-row"') == 3
    assert "duplicate of" in ours or language != "en"
    assert "&lt;b&gt;&quot;Tom &amp; Jerry&#x27;s&quot;&lt;/b&gt;" in ours
    assert ("sla-clock" in ours) == ("sla" in shown)
    assert QueueRows(RequestFactory().get("/"), shown, now)([], {}) == ""
