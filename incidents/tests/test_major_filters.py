"""The major-incident list and the API's list filter with one FilterSet
(``MajorIncidentFilterSet``): status, service, active, the manager."""

import pytest
from django.urls import reverse

from catalog.tests.factories import ServiceFactory
from core.roles import Role
from incidents.tests.factories import MajorIncidentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def majors(make_user):
    mail, web = ServiceFactory(name="Mail"), ServiceFactory(name="Web")
    boss = make_user(Role.MANAGER, username="mia")
    found = {"mail": MajorIncidentFactory(status="mobilised", manager=boss),
             "web": MajorIncidentFactory(status="resolved"), "old": MajorIncidentFactory(status="closed")}
    found["mail"].services.add(mail)
    found["web"].services.add(web)
    return {**found, "boss": boss, "mail_service": mail}


@pytest.mark.parametrize(("query", "expected"), [
    ("", {"mail", "web", "old"}), ("active=true", {"mail"}), ("active=1", {"mail"}),
    ("active=false", {"mail", "web", "old"}), ("status=resolved", {"web"}), ("service={mail}", {"mail"}),
    ("manager={boss}", {"mail"}),
])
def test_page_and_api_filter_alike(client, api, majors, query, expected):
    query = query.format(mail=majors["mail_service"].pk, boss=majors["boss"].pk)
    by_id = {majors[name].pk: name for name in ("mail", "web", "old")}
    client.force_login(majors["boss"])
    page = client.get(f"{reverse('major:list')}?{query}")
    assert {by_id[m.pk] for m in page.context["majors"]} == expected
    body = api.as_user(majors["boss"]).get(f"/api/v1/major-incidents/?{query}").json()
    assert {by_id[row["id"]] for row in body["results"]} == expected


def test_a_service_that_is_not_an_id_is_a_400(api, majors):
    response = api.as_user(majors["boss"]).get("/api/v1/major-incidents/?service=mail")
    assert response.status_code == 400 and response.json() == {"service": ["Give a service id."]}
