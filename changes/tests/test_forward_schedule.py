"""The forward schedule of change (``/changes/calendar/``, issue 21): proposed RFCs
(submitted, assessed, at the CAB) beside the scheduled changes, marked as proposed, with
the conflicts they would cause and the change freezes they fall in highlighted; a query
count that does not grow with the changes."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from catalog.tests.factories import ServiceFactory
from changes import services
from changes.models import BlackoutWindow

from .test_views import SOON, _org, authorised, before_cab, login, org, rfc  # noqa: F401 - _org and org are fixtures

pytestmark = pytest.mark.django_db


def month_of(when) -> str:
    return timezone.localtime(when).strftime("%Y-%m")


def block(html: str, number: str) -> str:
    start = html.index(f'data-number="{number}"')
    return html[html.rindex("<li", 0, start):html.index("</li>", start)]


def test_proposed_rfcs_beside_the_scheduled_ones(client, org):  # noqa: F811
    scheduled = authorised(org, title="Patch the core banking database")
    services.change_schedule(change=scheduled, actor=org["dev"])
    submitted = rfc(org, title="Move the core banking logs", planned_start=SOON + timedelta(hours=1),
                    planned_end=SOON + timedelta(hours=3))
    services.change_submit(change=submitted, actor=org["dev"])
    at_cab = before_cab(org, title="Swap the firewall", services=[ServiceFactory(name="Firewall")],
                        planned_start=SOON + timedelta(hours=5), planned_end=SOON + timedelta(hours=6))
    draft = rfc(org, title="Only a draft")
    login(client, org["dev"])
    page = client.get(reverse("changes:calendar"), {"month": month_of(SOON)})
    html = page.content.decode()

    kinds = {e["change"].number: (e["proposed"], [c.number for c in e["conflicts"]]) for e in page.context["entries"]}
    assert kinds == {scheduled.number: (False, []), submitted.number: (True, [scheduled.number]),
                     at_cab.number: (True, [])}
    assert draft.number not in html
    proposed = block(html, submitted.number)
    assert 'data-kind="proposed"' in proposed and "chg-block-proposed" in proposed
    assert 'data-testid="cal-proposed"' in proposed and ">Proposed<" in proposed
    assert "chg-block-conflict" in proposed and "Would conflict with" in proposed and scheduled.number in proposed
    assert 'data-kind="scheduled"' in block(html, scheduled.number)
    assert "chg-block-proposed" not in block(html, scheduled.number)
    assert 'data-kind="proposed"' in block(html, at_cab.number) and "chg-block-conflict" not in block(
        html, at_cab.number)
    legend = html[html.index('data-testid="calendar-legend"'):html.index("</p>", html.index("calendar-legend"))]
    assert "1 change on the schedule" in legend and "2 proposed" in legend and "1 in conflict" in legend


def test_a_change_in_a_freeze_is_marked(client, org):  # noqa: F811
    frozen = rfc(org, title="Release on launch day")
    services.change_submit(change=frozen, actor=org["dev"])
    elsewhere = rfc(org, title="Another service's freeze does not stop me", services=[ServiceFactory()])
    services.change_submit(change=elsewhere, actor=org["dev"])
    freeze = BlackoutWindow.objects.create(name="Launch freeze", start=SOON - timedelta(hours=1),
                                           end=SOON + timedelta(hours=1), reason="Product launch")
    freeze.services.set([org["service"]])
    login(client, org["dev"])
    html = client.get(reverse("changes:calendar"), {"month": month_of(SOON)}).content.decode()
    marked = block(html, frozen.number)
    assert "chg-block-frozen" in marked and 'data-testid="cal-frozen"' in marked and "Launch freeze" in marked
    assert "chg-block-frozen" not in block(html, elsewhere.number)
    assert "1 in a change freeze" in html


def test_the_query_count_does_not_grow_with_proposed_rfcs(client, org, django_assert_max_num_queries):  # noqa: F811
    login(client, org["dev"])
    url, params = reverse("changes:calendar"), {"month": month_of(SOON)}
    scheduled = authorised(org)
    services.change_schedule(change=scheduled, actor=org["dev"])
    services.change_submit(change=rfc(org), actor=org["dev"])
    client.get(url, params)  # warm-up
    with django_assert_max_num_queries(20) as small:
        client.get(url, params)
    for _ in range(5):
        services.change_submit(change=rfc(org), actor=org["dev"])
        before_cab(org)
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get(url, params)
    assert sum(1 for e in page.context["entries"] if e["proposed"]) == 11
