"""A change's projected service outage appears on the public status page as scheduled
maintenance, reaches that service's subscribers once, moves with the change and goes away
when the change is cancelled."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from catalog.tests.factories import ServiceFactory
from changes import services
from core.roles import Role
from statuspage import services as status
from statuspage.models import ScheduledMaintenance

pytestmark = pytest.mark.django_db


def test_projected_outage_is_published_moved_and_withdrawn(make_user, client, celery_eager,
                                                          django_capture_on_commit_callbacks):
    dev, cm = make_user(Role.AGENT), make_user(Role.CHANGE_MANAGER)
    hosting, other = ServiceFactory(name="Web hosting"), ServiceFactory(name="Email")
    with django_capture_on_commit_callbacks(execute=True):
        fan = status.subscriber_subscribe(email="fan@example.test", services=[hosting])
        bystander = status.subscriber_subscribe(email="other@example.test", services=[other])
    status.subscriber_confirm(token=fan.confirm_token)
    status.subscriber_confirm(token=bystander.confirm_token)
    mail.outbox.clear()

    start = (timezone.now() + timedelta(days=2)).replace(microsecond=0)
    change = services.change_create(
        actor=dev, title="Swap the storage array", description="x", risk=1, impact=3, services=[hosting],
        implementation_plan="a", backout_plan="b", test_plan="c", planned_start=start,
        planned_end=start + timedelta(hours=3), outage_start=start + timedelta(minutes=30),
        outage_end=start + timedelta(hours=1))
    services.change_submit(change=change, actor=dev)
    services.change_assess(change=change, actor=cm)
    services.change_authorize(change=change, actor=cm)
    with django_capture_on_commit_callbacks(execute=True):
        services.change_schedule(change=change, actor=cm)
    window = ScheduledMaintenance.objects.get(source=f"changes.change:{change.pk}")
    assert (window.starts_at, window.ends_at) == (start + timedelta(minutes=30), start + timedelta(hours=1))
    assert list(window.services.all()) == [hosting]
    assert "Swap the storage array" in client.get("/status/").content.decode()
    assert [m.to for m in mail.outbox] == [["fan@example.test"]]

    # Moved: the same window moves and is announced again; unchanged: nobody hears twice.
    with django_capture_on_commit_callbacks(execute=True):
        services.change_schedule(change=change, actor=cm, planned_start=start + timedelta(days=1),
                                 planned_end=start + timedelta(days=1, hours=3),
                                 outage_start=start + timedelta(days=1), outage_end=start + timedelta(days=1, hours=1))
    assert ScheduledMaintenance.objects.get(pk=window.pk).starts_at == start + timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.change_update(change=change, actor=cm, backout_plan="Restore from the replica")
    assert len(mail.outbox) == 2

    with django_capture_on_commit_callbacks(execute=True):
        services.change_cancel(change=change, actor=cm, reason="Vendor postponed")
    assert not ScheduledMaintenance.objects.exists()
    assert "Swap the storage array" not in client.get("/status/").content.decode()
