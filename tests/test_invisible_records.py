"""A record the caller may not see does not exist for them: every route that names it
(the record, its actions, its sub-resources, whatever the method) answers 404, exactly as
an id that was never used; a record they may see but not act on answers 403 with the reason.
Routes are found from the URL configuration, so a new action is covered without a new test."""

import pytest

from catalog.tests.factories import ContactFactory, CustomerFactory
from core.roles import Role
from incidents.tests.factories import IncidentFactory
from notifications.models import Notification
from servicerequests import services as request_services
from servicerequests.models import CatalogItem
from tests.api_contract import walk_urls

pytestmark = pytest.mark.django_db

MISSING = 987654321


def routes_of(resource: str) -> list[tuple[str, str]]:
    """(method, path template with {pk}) for every route of ``api/v1/<resource>/<pk>/…``."""
    found = []
    for route, pattern in walk_urls():
        head = f"api/v1/^{resource}/(?P<pk>[^/.]+)/"
        if not route.startswith(head) or "format" in route or not hasattr(pattern.callback, "actions"):
            continue
        tail = route[len(head):].rstrip("$")
        tail = tail.replace("(?P<user_id>[0-9]+)", "1").replace("(?P<task_id>[0-9]+)", "1")
        for method in pattern.callback.actions:
            found.append((method, f"/api/v1/{resource}/{{pk}}/{tail}"))
    assert found, resource
    return found


def _mine_and_theirs(resource, me, them):
    if resource == "incidents":
        return IncidentFactory(requester=me).pk, IncidentFactory(requester=them).pk
    if resource == "contacts":
        return ContactFactory(user=me).pk, ContactFactory(user=them).pk
    if resource == "customers":
        return ContactFactory(user=me).customer_id, CustomerFactory().pk
    if resource == "notifications":
        return (Notification.objects.create(user=me, subject="yours").pk,
                Notification.objects.create(user=them, subject="theirs").pk)
    if resource == "requests":
        item = CatalogItem.objects.create(name="Mouse", category="Hardware", form=[], approvals=[], tasks=[])
        return (request_services.request_submit(item=item, actor=me, answers={}).pk,
                request_services.request_submit(item=item, actor=them, answers={}).pk)
    raise AssertionError(resource)


NARROWED = ["incidents", "requests", "contacts", "customers", "notifications"]


@pytest.mark.parametrize("resource", NARROWED)
def test_every_route_of_a_record_the_requester_may_not_see_is_404(api, make_user, resource):
    me, them = make_user(Role.REQUESTER), make_user(Role.REQUESTER)
    _mine, theirs = _mine_and_theirs(resource, me, them)
    client = api.as_user(me)
    wrong = []
    for method, template in routes_of(resource):
        for pk in (theirs, MISSING):
            response = getattr(client, method)(template.format(pk=pk), {}, format="json")
            if response.status_code != 404:
                wrong.append((method.upper(), template, pk == MISSING, response.status_code))
    assert wrong == []


def test_a_visible_record_the_requester_may_not_act_on_is_403_with_the_reason(api, make_user):
    me = make_user(Role.REQUESTER)
    mine = IncidentFactory(requester=me)
    response = api.as_user(me).post(f"/api/v1/incidents/{mine.pk}/start/", {}, format="json")
    assert response.status_code == 403 and response.json()["detail"] == "Only service desk staff can do this."
    other = ContactFactory(user=me)
    response = api.as_user(me).patch(f"/api/v1/contacts/{other.pk}/", {"name": "x"}, format="json")
    assert response.status_code == 403 and "roles" in response.json()["detail"]


def test_a_resource_the_role_may_not_read_is_403_for_every_id_existing_or_not(api, make_user):
    """No existence leak either way: the role may not use ``changes/`` at all."""
    from changes import services as change_services

    agent = make_user(Role.AGENT)
    change = change_services.change_create(actor=agent, title="Patch", description="", type="normal")
    client = api.as_user(make_user(Role.REQUESTER))
    for pk in (change.pk, MISSING):
        assert client.get(f"/api/v1/changes/{pk}/").status_code == 403
        assert client.post(f"/api/v1/changes/{pk}/submit/", {}, format="json").status_code == 403
