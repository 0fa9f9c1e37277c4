"""The demo's contact center has the providers the dashboard compares (issue 24, item 13):
its own centre by the hour, an outsourced vendor by the call; seeding twice changes nothing."""

import pytest

from contactcenter import demo
from contactcenter.models import Provider, Queue
from contactcenter.tests.factories import CallFactory

pytestmark = pytest.mark.django_db


def test_the_demo_queues_have_an_in_house_and_an_outsourced_provider():
    CallFactory(call_sid=f"{demo.DEMO_SID_PREFIX}history")  # the four weeks of calls are another test's
    demo.seed(users={})
    demo.seed(users={})
    assert Provider.objects.count() == 2
    by_queue = dict(Queue.objects.values_list("name", "provider__kind"))
    assert by_queue["hosting"] == "outsourced"
    assert {by_queue["cards"], by_queue["internet-banking"], by_queue["general"]} == {"in_house"}
    hosting = Queue.objects.get(name="hosting")
    rows = list(hosting.history.order_by("history_date", "history_id").values_list("provider__kind", flat=True))
    assert rows[0] is None and rows[-1] == "outsourced"  # the provider was set through save(): in the history
