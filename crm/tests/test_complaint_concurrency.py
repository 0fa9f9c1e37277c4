"""Two agents acknowledging one complaint at once on two real connections: one 200, one 409."""

import threading

import pytest
from django.db import connection
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from catalog.tests.factories import ContactFactory
from core.roles import Role
from crm.services import complaint as services

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
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


def test_two_agents_acknowledging_at_once_get_one_200_and_one_409(make_user):
    ann, bob = make_user(Role.AGENT, username="cmp-ann"), make_user(Role.AGENT, username="cmp-bob")
    complaint = services.complaint_create(actor=ann, subject="Overcharged", contact=ContactFactory())
    url = f"/api/v1/complaints/{complaint.pk}/acknowledge/"
    clients = [client_for(ann), client_for(bob)]
    responses = run_together(*[(lambda c=c: c.post(url)) for c in clients])
    assert sorted(r.status_code for r in responses) == [200, 409], responses
    loser = next(r for r in responses if r.status_code == 409)
    assert loser.json()["code"] == "invalid_transition" and loser.json()["status"] == "acknowledged"
    complaint.refresh_from_db()
    assert complaint.status == "acknowledged"
    assert complaint.history.filter(history_change_reason="acknowledged").count() == 1
