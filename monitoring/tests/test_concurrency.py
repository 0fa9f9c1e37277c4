"""The same alert posted many times at once (an Alertmanager HA pair, retries) opens one
incident: real threads, real connections, real commits on PostgreSQL."""

import threading
import time

import pytest
from django.db import connection, connections, transaction
from rest_framework.test import APIClient

from catalog.tests.factories import ServiceFactory
from incidents.models import Incident
from monitoring.models import Alert
from monitoring.payloads import parse
from monitoring.services import alerts_receive

from .conftest import am_alert, am_body
from .factories import TOKEN, AlertSourceFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _post_from_thread(source_id: int, body: dict, answers: list, barrier: threading.Barrier | None = None):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    try:
        if barrier is not None:
            barrier.wait(timeout=30)
        response = client.post(f"/api/v1/alert-sources/{source_id}/events/", body, format="json")
        answers.append((response.status_code, response.json()))
    finally:
        connections.close_all()


def test_twenty_concurrent_posts_of_one_new_alert_open_one_incident():
    source = AlertSourceFactory(default_service=ServiceFactory())
    body = am_body(am_alert(instance="web1"))
    answers: list = []
    barrier = threading.Barrier(20)
    threads = [threading.Thread(target=_post_from_thread, args=(source.pk, body, answers, barrier))
               for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert [code for code, _ in answers] == [202] * 20, answers
    [incident] = Incident.objects.all()
    assert {tuple(answer["incidents"]) for _, answer in answers} == {(incident.pk,)}
    alert = Alert.objects.get()
    assert alert.received_count == 20 and alert.incident == incident


def _waiting_on_a_lock(pid: int) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [pid])
        row = cursor.fetchone()
    return row is not None and row[0] == "Lock"


def test_a_post_racing_an_uncommitted_insert_waits_and_counts_a_repeat():
    """Forced: this test's transaction has inserted the alert and opened its incident but not
    committed; a concurrent post of the same alert must wait on the unique index (seen in
    pg_stat_activity), then, once this transaction commits, count a repeat on the same
    incident instead of inserting a second open alert."""
    source = AlertSourceFactory(default_service=ServiceFactory())
    body = am_body(am_alert(instance="web1"))
    answers: list = []
    pids: list = []

    def other():
        pids.append(connections["default"].cursor().connection.info.backend_pid)
        _post_from_thread(source.pk, body, answers)

    with transaction.atomic():
        result = alerts_receive(source=source, alerts=parse(source.kind, body))
        thread = threading.Thread(target=other)
        thread.start()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not (pids and _waiting_on_a_lock(pids[0])):
            time.sleep(0.05)
        assert pids and _waiting_on_a_lock(pids[0]), "the concurrent post never waited on the insert"
    thread.join(timeout=60)
    assert answers == [(202, {"accepted": 1, "incidents": result.incidents, "suppressed": 0})]
    assert Incident.objects.count() == 1
    assert Alert.objects.get().received_count == 2


def test_a_repeat_posted_alone_is_one_statement_without_a_transaction(post):
    from django.test.utils import CaptureQueriesContext

    source = AlertSourceFactory(default_service=ServiceFactory())
    post(source, am_body(am_alert(instance="web1")))
    with CaptureQueriesContext(connection) as queries:
        assert post(source, am_body(am_alert(instance="web1"))).json()["accepted"] == 1
    assert [q["sql"].split()[0] for q in queries.captured_queries] == ["SELECT", "UPDATE"]
    assert Alert.objects.get().received_count == 2
