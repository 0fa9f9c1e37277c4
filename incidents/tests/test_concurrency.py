"""Races on real PostgreSQL connections: one winner, one clear 409; numbers never collide."""

import threading

import pytest
from django.db import connection
from rest_framework.test import APIClient

from catalog.tests.factories import ServiceFactory, TeamFactory
from core.roles import Role
from incidents import services
from incidents.models import Incident

pytestmark = pytest.mark.django_db(transaction=True)


def run_together(*calls):
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def runner(i, call):
        try:
            barrier.wait(timeout=10)
            results[i] = call()
        except Exception as exc:  # reported by the test
            results[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=runner, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def client_for(user):
    from rest_framework.authtoken.models import Token

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


def test_two_agents_resolving_at_once_get_one_200_and_one_409(make_user):
    team = TeamFactory()
    ann, bob = make_user(Role.AGENT, username="ann"), make_user(Role.AGENT, username="bob")
    team.members.add(ann, bob)
    incident = services.incident_create(title="Payments failing", actor=ann, service=ServiceFactory(owner_team=team))
    services.incident_start(incident=incident, actor=ann)
    url = f"/api/v1/incidents/{incident.pk}/resolve/"
    clients = [client_for(ann), client_for(bob)]
    responses = run_together(*[
        (lambda c=c, who=who: c.post(url, {"resolution_code": "fixed", "resolution": f"fixed by {who}"},
                                     format="json"))
        for c, who in zip(clients, ("ann", "bob"), strict=True)])
    assert sorted(r.status_code for r in responses) == [200, 409], responses
    loser = next(r for r in responses if r.status_code == 409)
    assert loser.json()["code"] == "invalid_transition" and loser.json()["status"] == "resolved"
    incident.refresh_from_db()
    assert incident.status == "resolved"
    assert incident.history.filter(history_change_reason="resolved").count() == 1


def test_concurrent_creation_never_duplicates_a_number(make_user):
    agent = make_user(Role.AGENT, username="ann")
    service = ServiceFactory()

    def create_five():
        return [services.incident_create(title="x", actor=agent, service=service).number for _ in range(5)]

    results = run_together(*[create_five for _ in range(4)])
    numbers = [n for batch in results for n in batch]
    assert len(numbers) == 20 and len(set(numbers)) == 20
    assert set(Incident.objects.values_list("number", flat=True)) == set(numbers)


def test_two_managers_declaring_at_once_make_one_major_incident(make_user):
    from incidents.models import MajorIncident

    mia, max_ = make_user(Role.MANAGER, username="mia"), make_user(Role.MANAGER, username="max")
    incident = services.incident_create(title="Core banking down", actor=mia, service=ServiceFactory())
    url = f"/api/v1/incidents/{incident.pk}/declare-major/"
    responses = run_together(*[
        (lambda c=c: c.post(url, {"summary": "Core banking down"}, format="json"))
        for c in (client_for(mia), client_for(max_))])
    assert sorted(r.status_code for r in responses) == [201, 409], responses
    assert MajorIncident.objects.count() == 1
    assert MajorIncident.objects.get().members.count() == 1  # nothing half-done by the loser


def test_two_people_taking_one_task_at_once_one_gets_it(make_user):
    mia, ann = make_user(Role.MANAGER, username="mia"), make_user(Role.AGENT, username="ann")
    incident = services.incident_create(title="Core banking down", actor=mia, service=ServiceFactory())
    major = services.major_incident_declare(incident=incident, actor=mia, summary="Core banking down")
    services.major_incident_add_member(major=major, actor=mia, user=ann)
    task = services.major_incident_add_task(major=major, actor=mia, title="Restart the cluster")
    url = f"/api/v1/major-incidents/{major.pk}/tasks/{task.pk}/"
    responses = run_together(*[
        (lambda c=c: c.patch(url, {"status": "in_progress", "expected_status": "open"}, format="json"))
        for c in (client_for(mia), client_for(ann))])
    assert sorted(r.status_code for r in responses) == [200, 409], responses
    winner = next(r for r in responses if r.status_code == 200).json()["assignee"]
    task.refresh_from_db()
    assert task.assignee_id == winner and task.status == "in_progress"
