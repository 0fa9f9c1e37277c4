"""The demo's catalogue and requests (``servicerequests.demo``): seeded twice, nothing doubles.
(Apart from test_views.py, whose people are built once for that module: the demo seeds its own.)"""

import pytest

from servicerequests.models import CatalogItem, ServiceRequest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]


def test_the_demo_catalogue_and_requests(db):
    from catalog import demo as catalog_demo
    from changes import demo as changes_demo
    from servicerequests import demo

    users = catalog_demo.seed()["users"]
    changes_demo.seed(users=users)
    demo.seed(users=users)
    demo.seed(users=users)  # again: nothing doubles
    assert set(CatalogItem.objects.values_list("name", flat=True)) >= {
        "Laptop", "Access to a system", "Password reset", "Restart a web node"}
    assert CatalogItem.objects.get(name="Restart a web node").change_model.name == "Restart a web node"
    mine = ServiceRequest.objects.filter(requested_by=users["requester"])
    assert sorted(mine.values_list("catalog_item__name", "status")) == [
        ("Laptop", "awaiting_approval"), ("Password reset", "fulfilling")]
    assert mine.get(catalog_item__name="Laptop").approvals.get().approver == users["manager"]
