"""Issue 24, item 5: a CI under change control cannot be changed as an unrecorded task — the
CMDB API answers 409 and the admin shows it read-only — while the recorded change still
applies its updates, and CIs outside the policy stay freely editable."""

import pytest
from rest_framework.test import APIClient

from catalog.models import CIRelation, ConfigurationItem
from catalog.tests.factories import ConfigurationItemFactory
from changes.models import ChangePolicy
from core.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def controlled():
    ci = ConfigurationItemFactory(name="core-db", location="Lisbon DC1")
    policy = ChangePolicy.objects.create()
    policy.cis.add(ci)
    return ci


def api_as(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_the_api_refuses_a_direct_update_or_delete_of_a_controlled_ci(make_user, controlled):
    client = api_as(make_user(Role.ADMIN))
    response = client.patch(f"/api/v1/cis/{controlled.pk}/", {"location": "Porto"}, format="json")
    assert response.status_code == 409
    assert response.json()["code"] == "conflict" and "core-db" in response.json()["detail"]
    assert client.delete(f"/api/v1/cis/{controlled.pk}/").status_code == 409
    controlled.refresh_from_db()
    assert controlled.location == "Lisbon DC1"
    assert ConfigurationItem.objects.filter(pk=controlled.pk).exists()


def test_relations_from_or_to_a_controlled_ci_are_refused_others_allowed(make_user, controlled):
    client = api_as(make_user(Role.ADMIN))
    free, other = ConfigurationItemFactory(name="web-1"), ConfigurationItemFactory(name="web-2")
    refused = client.post("/api/v1/ci-relations/", {"source": free.pk, "target": controlled.pk, "kind": "depends_on"},
                          format="json")
    assert refused.status_code == 409
    assert not CIRelation.objects.filter(target=controlled).exists()
    allowed = client.post("/api/v1/ci-relations/", {"source": free.pk, "target": other.pk, "kind": "depends_on"},
                          format="json")
    assert allowed.status_code == 201
    assert client.patch(f"/api/v1/cis/{free.pk}/", {"location": "Porto"}, format="json").status_code == 200


def test_the_admin_shows_a_controlled_ci_read_only(make_user, controlled, client):
    admin_user = make_user(Role.ADMIN)
    admin_user.is_staff = admin_user.is_superuser = True
    admin_user.save()
    client.force_login(admin_user)
    url = f"/admin/catalog/configurationitem/{controlled.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200 and b'name="_save"' not in page.content
    assert client.post(url, {"name": "renamed", "location": "Porto"}).status_code == 403
    controlled.refresh_from_db()
    assert controlled.name == "core-db"
    free = ConfigurationItemFactory(name="web-9")
    assert b'name="_save"' in client.get(f"/admin/catalog/configurationitem/{free.pk}/change/").content
