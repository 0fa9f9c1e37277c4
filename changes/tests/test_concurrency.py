"""Votes arriving at the same instant on real PostgreSQL connections: the decision is taken
exactly once."""

from datetime import timedelta

import pytest
from django.utils import timezone

from catalog.tests.factories import ServiceFactory
from changes import services
from changes.models import CABBoard, Change
from core.roles import Role
from incidents.tests.test_concurrency import client_for, run_together
from notifications.models import Delivery

pytestmark = pytest.mark.django_db(transaction=True)


def test_deciding_votes_at_the_same_instant_decide_once(make_user):
    dev, cm = make_user(Role.AGENT, username="dev"), make_user(Role.CHANGE_MANAGER, username="cm")
    members = [make_user(Role.CAB_MEMBER, username=f"cab{i}") for i in range(3)]
    board = CABBoard.objects.create(name="CAB", kind="cab", quorum=2, rule="majority")
    board.members.set(members)
    start = timezone.now() + timedelta(days=2)
    change = services.change_create(actor=dev, title="Upgrade", description="x", risk=3, impact=2,
                                    implementation_plan="a", backout_plan="b", test_plan="c", planned_start=start,
                                    planned_end=start + timedelta(hours=1), services=[ServiceFactory()])
    services.change_submit(change=change, actor=dev)
    services.change_assess(change=change, actor=cm)
    services.change_send_to_cab(change=change, actor=cm)
    url = f"/api/v1/changes/{change.pk}/votes/"
    # Three members approve at once: the second counted vote meets quorum 2 and decides; the
    # third finds the change decided (409) instead of deciding again.
    clients = [client_for(m) for m in members]
    responses = run_together(*[(lambda c=c: c.post(url, {"decision": "approve"}, format="json")) for c in clients])
    codes = sorted(r.status_code for r in responses)
    assert codes == [201, 201, 409], [(r.status_code, r.content) for r in responses]
    change = Change.objects.get(pk=change.pk)
    assert change.status == "authorized" and change.votes.count() == 2
    decided = [h for h in change.history.all() if (h.history_change_reason or "").startswith("CAB decided")]
    assert len(decided) == 1
    assert Delivery.objects.filter(idempotency_key__startswith=f"change:{change.pk}:authorized",
                                   channel="email").count() <= 1
