"""Races on real PostgreSQL connections: one winner, one clear 409; numbers never collide."""

import threading

import pytest
from django.db import connection
from rest_framework.test import APIClient

from catalog.tests.factories import ServiceFactory, TeamFactory
from incidents import services
from incidents.models import Incident
from servicedesk.roles import Role

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
