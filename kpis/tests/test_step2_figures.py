# ruff: noqa: F811 - the fixtures imported from factories are taken as test arguments
"""Issue 22.5: outbound calls, contact rate, recorded share and quality score, through the
rollups (the same grouped read of the calls, one read of the evaluations), against figures
worked out by hand; per agent, per queue, on the API, the dashboard and the wallboard."""

from datetime import timedelta

import pytest
from django.utils import timezone

from catalog.tests.factories import UserFactory
from contactcenter.models import CallRecording, Evaluation, EvaluationForm
from contactcenter.tests.factories import CallFactory, QueueFactory
from core.roles import Role
from kpis.models import CallDaily, CallInterval
from kpis.rollups import rollup_contact_center
from kpis.selectors import CallFilters, contact_center_kpis, per_agent, per_queue

from .factories import T0, D, at, kpi_settings  # noqa: F401

pytestmark = pytest.mark.django_db
NOW = D + timedelta(days=3)


@pytest.fixture
def step2(kpi_settings):
    """In 09:00–09:15 of day D (queue A; agents X and Y):

    ====  =========  =====  =====  ========  ==========  =========================
    call  direction  queue  agent  answered  recordings  evaluation (score, when)
    ====  =========  =====  =====  ========  ==========  =========================
    in1   inbound    A      X      yes       1           80, 09:07 (X, A)
    in2   inbound    A      Y      yes       0           60, D+1 10:00 (Y, no queue: the call's A)
    in3   inbound    A      —      no (abandoned after 40 s)
    out1  outbound   A      X      yes       1           90, 09:08 (X, A)
    out2  outbound   A      X      no (no answer)
    out3  outbound   —      Y      yes       2
    ====  =========  =====  =====  ========  ==========  =========================
    """
    queue = QueueFactory(name="step2-a")
    x, y = UserFactory(username="step2-x"), UserFactory(username="step2-y")

    def call(minute, direction, agent, answered, queue=queue, **kwargs):
        return CallFactory(started_at=at(minute), direction=direction, queue=queue, agent=agent,
                           answered_at=at(minute) + timedelta(seconds=10) if answered else None,
                           wait_seconds=10 if answered else kwargs.pop("wait_seconds", None),
                           talk_seconds=60 if answered else None, **kwargs)

    calls = {
        "in1": call(1, "inbound", x, True, outcome="answered"),
        "in2": call(2, "inbound", y, True, outcome="answered"),
        "in3": call(3, "inbound", None, False, outcome="abandoned", wait_seconds=40),
        "out1": call(4, "outbound", x, True, outcome="answered"),
        "out2": call(5, "outbound", x, False, outcome="missed", queued_at=None),
        "out3": call(6, "outbound", y, True, queue=None, outcome="answered"),
    }
    for n, name in enumerate(("in1", "out1", "out3", "out3")):
        CallRecording.objects.create(call=calls[name], recording_sid=f"RE{n:032d}", status="completed",
                                     delete_after=NOW + timedelta(days=90))
    form = EvaluationForm.objects.create(name="Step 2 form", queue=queue)
    for name, agent, q, score, submitted in (("in1", x, queue, 80, at(7)), ("out1", x, queue, 90, at(8)),
                                             ("in2", y, None, 60, D + timedelta(days=1, hours=10))):
        Evaluation.objects.create(call=calls[name], form=form, agent=agent, queue=q, evaluator=x, score=score,
                                  submitted_at=submitted)
    rollup_contact_center(start=D, end=D + timedelta(days=2), now=NOW)
    return {"calls": calls, "queue": queue, "x": x, "y": y}


def test_figures_of_the_interval(step2):
    figures = contact_center_kpis(start=T0, end=at(15))
    assert figures["arrivals"] == 3  # outbound calls are not arrivals
    assert figures["answered"] == 2  # in1, in2: the inbound figures are unchanged
    assert figures["outbound_calls"] == 3
    assert figures["outbound_answered"] == 2
    assert figures["contact_rate"] == 0.6667  # 2 / 3
    assert figures["recorded_calls"] == 3  # in1, out1, out3 (two recordings: one call)
    assert figures["recorded_share"] == 0.75  # 3 / (2 inbound + 2 outbound answered)
    assert figures["quality_evaluations"] == 2
    assert figures["quality_score"] == 85.0  # (80 + 90) / 2


def test_the_daily_rows_give_the_same_and_a_late_review_counts_on_its_day(step2):
    day = contact_center_kpis(start=D, end=D + timedelta(days=1))  # whole days: CallDaily
    assert CallDaily.objects.filter(start=D).exists()
    assert (day["outbound_calls"], day["contact_rate"], day["recorded_share"], day["quality_score"]) == (
        3, 0.6667, 0.75, 85.0)
    two_days = contact_center_kpis(start=D, end=D + timedelta(days=2))
    assert two_days["quality_evaluations"] == 3
    assert two_days["quality_score"] == 76.7  # (80 + 90 + 60) / 3
    # The late review is filed under its call's queue (it names none) and its agent, on D+1.
    late = CallInterval.objects.get(start=D + timedelta(days=1, hours=10))
    assert (late.queue_id, late.agent_id, late.quality_count, late.quality_sum) == (
        step2["queue"].pk, step2["y"].pk, 1, 60.0)


def test_per_agent_and_per_queue(step2):
    x, y, queue = step2["x"], step2["y"], step2["queue"]
    agents = {row["agent"]: row for row in per_agent(T0, at(15), CallFilters())}
    assert (agents[x.pk]["outbound_calls"], agents[x.pk]["contact_rate"], agents[x.pk]["recorded_share"],
            agents[x.pk]["quality_score"]) == (2, 0.5, 1.0, 85.0)  # out1 of out1, out2; in1 + out1 recorded
    assert (agents[y.pk]["outbound_calls"], agents[y.pk]["contact_rate"], agents[y.pk]["recorded_share"],
            agents[y.pk]["quality_score"]) == (1, 1.0, 0.5, None)  # out3 recorded of in2, out3
    queues = {row["queue"]: row for row in per_queue(T0, at(15), CallFilters())}
    assert (queues[queue.pk]["outbound_calls"], queues[queue.pk]["contact_rate"],
            queues[queue.pk]["recorded_share"], queues[queue.pk]["quality_evaluations"]) == (2, 0.5, 0.6667, 2)
    assert (queues[0]["outbound_calls"], queues[0]["recorded_share"]) == (1, 1.0)  # out3, no queue


def test_rolled_up_twice_gives_the_same_rows(step2):
    fields = ["start", "queue_id", "agent_id", "service_id", "outbound", "outbound_answered", "recorded",
              "quality_count", "quality_sum"]
    before = list(CallInterval.objects.order_by(*fields[:4]).values_list(*fields))
    rollup_contact_center(start=D, end=D + timedelta(days=2), now=NOW)
    assert list(CallInterval.objects.order_by(*fields[:4]).values_list(*fields)) == before


def test_the_api_lists_the_added_fields(client, make_user, step2):
    client.force_login(make_user(Role.MANAGER, username="step2-manager"))
    response = client.get("/api/v1/kpis/contact-center/", {"from": "2025-03-03", "to": "2025-03-04",
                                                           "agent": step2["x"].pk, "interval": "1d"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["outbound_calls"], body["outbound_answered"], body["contact_rate"], body["recorded_calls"],
            body["recorded_share"], body["quality_evaluations"], body["quality_score"]) == (2, 1, 0.5, 2, 1.0, 2,
                                                                                            85.0)
    assert body["series"][0]["contact_rate"] == 0.5
    assert {"offered", "answered", "service_level", "csat_percent"} <= set(body)  # API.md's keys kept
    csv = client.get("/api/v1/kpis/contact-center/", {"from": "2025-03-03", "to": "2025-03-04",
                                                      "format": "csv"}).content.decode()
    assert "contact_rate" in csv.splitlines()[0] and "quality_score" in csv.splitlines()[0]


def test_the_schema_documents_them(client, make_user):
    client.force_login(make_user(Role.ADMIN, username="step2-admin"))
    schema = client.get("/api/schema/", {"format": "json"}).json()
    fields = schema["components"]["schemas"]["ContactCenterKpis"]["properties"]
    assert fields["contact_rate"]["maximum"] == 1 and fields["contact_rate"]["nullable"] is True
    assert {"outbound_calls", "outbound_answered", "recorded_calls", "recorded_share", "quality_evaluations",
            "quality_score"} <= set(fields)


def test_dashboard_shows_them_per_queue_and_agent(client, make_user, step2):
    client.force_login(make_user(Role.MANAGER, username="step2-manager"))
    page = client.get("/dashboards/", {"start": "2025-03-03", "end": "2025-03-03", "interval": "1d"}).content.decode()
    assert 'data-testid="queue-contact-rate"><bdi>50.0 %</bdi>' in page
    assert 'data-testid="queue-recorded"><bdi>66.7 %</bdi>' in page
    assert 'data-testid="agent-contact-rate"><bdi>50.0 %</bdi>' in page  # X
    assert ">85.0</span>" in page  # X's (and queue A's) quality score


def test_wallboard_shows_todays_per_queue(client, make_user, kpi_settings):
    queue = QueueFactory(name="wall-a")
    agent = UserFactory(username="wall-x")
    now = timezone.now()
    start = now - timedelta(seconds=30)
    CallFactory(started_at=start, direction="outbound", queue=queue, agent=agent, answered_at=now, outcome="answered")
    CallFactory(started_at=start, direction="outbound", queue=queue, agent=agent, outcome="missed")
    rollup_contact_center(start=start, end=now + timedelta(seconds=1), now=now)
    client.force_login(make_user(Role.AGENT, username="wall-agent"))
    page = client.get("/dashboards/wallboard/").content.decode()
    assert 'data-testid="queue-outbound">2</td><td data-testid="queue-contact-rate"><bdi>50.0 %</bdi>' in page
    assert 'data-testid="outbound-total">2<' in page
    assert "wallboard-live-calls" not in page  # agents do not supervise
