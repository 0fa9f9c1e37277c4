"""The catalogue API: CRUD, permissions, validation and query budgets."""

import pytest
from django.contrib.auth import get_user_model

from catalog.models import Contact, ContactPhone, Customer, Service
from catalog.tests.factories import (
    ConfigurationItemFactory,
    ContactFactory,
    ContactPhoneFactory,
    CustomerFactory,
    ServiceFactory,
    SkillFactory,
    TeamFactory,
)
from core.roles import Role

pytestmark = pytest.mark.django_db
User = get_user_model()


class TestAuthentication:
    def test_unauthenticated_is_401(self, api):
        response = api.get("/api/v1/contacts/")
        assert response.status_code == 401
        assert response.json()["code"] == "not_authenticated"

    def test_token_login_returns_a_token_that_works(self, api, agent):
        response = api.post("/api/v1/auth/token/", {"username": agent.username, "password": "demo-pass-123"})
        assert response.status_code == 200
        token = response.json()["token"]
        api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
        assert api.get("/api/v1/services/").status_code == 200

    def test_wrong_password_is_400_without_a_token(self, api, agent):
        response = api.post("/api/v1/auth/token/", {"username": agent.username, "password": "nope"})
        assert response.status_code == 400
        assert "token" not in response.json()

    def test_token_endpoint_is_rate_limited(self, api, agent, settings):
        settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "auth": "3/min"}}
        codes = [api.post("/api/v1/auth/token/", {"username": agent.username, "password": "x"}).status_code
                 for _ in range(4)]
        assert codes == [400, 400, 400, 429]
        response = api.post("/api/v1/auth/token/", {"username": agent.username, "password": "demo-pass-123"})
        assert response.status_code == 429
        assert response.json()["code"] == "throttled"

    def test_authenticated_users_get_at_least_50_requests_a_second(self, api, agent):
        client = api.as_user(agent)
        codes = {client.get("/api/v1/skills/").status_code for _ in range(60)}
        assert codes == {200}


class TestContacts:
    def test_create_normalises_phone_numbers_and_hashes_the_pin(self, api, agent):
        customer = CustomerFactory(tier="vip")
        response = api.as_user(agent).post("/api/v1/contacts/", {
            "name": "Eleni P.", "customer": customer.pk, "email": "eleni@example.test",
            "phone_numbers": ["+30 210 123 4567", "0030 691 234 5678".replace("0030 ", "+30")],
            "pin": "4321",
        })
        assert response.status_code == 201, response.content
        body = response.json()
        assert body["phone_numbers"] == ["+302101234567", "+306912345678"]
        assert body["tier"] == "vip"
        assert body["has_pin"] is True
        assert "pin" not in body and "pin_hash" not in body
        contact = Contact.objects.get(pk=body["id"])
        assert contact.pin_hash != "4321" and contact.check_pin("4321") and not contact.check_pin("1111")

    @pytest.mark.parametrize("numbers, message", [
        (["12"], "not a"),
        (["+30 210 123 4567", "+302101234567"], "listed twice"),
        (["+1 999 999 9999"], "not a valid phone number"),
    ])
    def test_bad_phone_numbers_are_400_and_nothing_is_saved(self, api, agent, numbers, message):
        response = api.as_user(agent).post("/api/v1/contacts/", {"name": "X", "phone_numbers": numbers})
        assert response.status_code == 400
        assert message in " ".join(response.json()["phone_numbers"])
        assert Contact.objects.count() == 0 and ContactPhone.objects.count() == 0

    def test_a_number_belongs_to_one_contact(self, api, agent):
        ContactPhoneFactory(number="+302101234567")
        response = api.as_user(agent).post("/api/v1/contacts/", {"name": "Y", "phone_numbers": ["+30 2101234567"]})
        assert response.status_code == 400
        assert "already belongs" in response.json()["phone_numbers"][0]
        assert Contact.objects.count() == 1

    def test_update_replaces_numbers_and_keeps_history(self, api, agent):
        phone = ContactPhoneFactory(number="+302101234567")
        client = api.as_user(agent)
        response = client.patch(f"/api/v1/contacts/{phone.contact_id}/",
                                {"phone_numbers": ["+351 21 345 6789"], "name": "Renamed"})
        assert response.status_code == 200, response.content
        assert response.json()["phone_numbers"] == ["+351213456789"]
        assert not ContactPhone.objects.filter(number="+302101234567").exists()
        history = client.get(f"/api/v1/contacts/{phone.contact_id}/history/").json()["results"]
        assert history[0]["history_type"] == "~"
        assert {"field": "name", "old": phone.contact.name, "new": "Renamed"} in history[0]["changes"]
        assert history[0]["history_user"] == agent.pk

    @pytest.mark.parametrize("payload, field", [
        ({"name": "x" * 161}, "name"),
        ({"name": "Z", "customer": 999999}, "customer"),
        ({"name": "Z", "customer": "abc"}, "customer"),
        ({"name": "Z", "phone_numbers": "+302101234567"}, "phone_numbers"),
        ({"name": "Z", "email": "not-an-email"}, "email"),
        ({"name": "Z", "pin": "12"}, "pin"),
        ({"name": "Z", "pin": "abcd"}, "pin"),
        ({}, "name"),
    ])
    def test_bad_input_is_400_with_field_errors(self, api, agent, payload, field):
        response = api.as_user(agent).post("/api/v1/contacts/", payload)
        assert response.status_code == 400
        assert field in response.json()
        assert Contact.objects.count() == 0

    def test_requesters_see_only_themselves(self, api, requester):
        own = ContactFactory(user=requester)
        other = ContactFactory()
        client = api.as_user(requester)
        listed = client.get("/api/v1/contacts/").json()
        assert [c["id"] for c in listed["results"]] == [own.pk]
        assert client.get(f"/api/v1/contacts/{other.pk}/").status_code == 404
        assert client.get(f"/api/v1/customers/{other.customer_id}/").status_code == 404
        assert client.get(f"/api/v1/customers/{own.customer_id}/").status_code == 200

    def test_requesters_cannot_write_and_are_told_why(self, api, requester):
        response = api.as_user(requester).post("/api/v1/contacts/", {"name": "Z"})
        assert response.status_code == 403
        assert "agent" in response.json()["detail"]
        assert response.json()["code"] == "permission_denied"

    def test_search_filter_order_and_paginate(self, api, agent):
        vip = CustomerFactory(tier="vip")
        ContactPhoneFactory(contact=ContactFactory(name="Zoe VIP", customer=vip), number="+302101111111")
        for name in ["Anna", "Bruno", "Carla"]:
            ContactFactory(name=name)
        client = api.as_user(agent)
        assert [c["name"] for c in client.get("/api/v1/contacts/?ordering=-name&page_size=2").json()["results"]] \
            == ["Zoe VIP", "Carla"]
        assert client.get("/api/v1/contacts/?page_size=2").json()["next"] is not None
        assert [c["name"] for c in client.get("/api/v1/contacts/?tier=vip").json()["results"]] == ["Zoe VIP"]
        assert client.get("/api/v1/contacts/?search=bruno").json()["count"] == 1
        assert client.get("/api/v1/contacts/?phone=%2B30%20210%20111%201111").json()["count"] == 1
        assert client.get("/api/v1/contacts/?page_size=500").json()["count"] == 4
        assert client.get("/api/v1/contacts/?page=99").status_code == 404

    def test_list_query_count_does_not_grow_with_rows(self, api, agent, django_assert_num_queries):
        client = api.as_user(agent)
        client.get("/api/v1/contacts/")  # warm up the token and role lookups' code paths

        def count_queries():
            from django.db import connection
            from django.test.utils import CaptureQueriesContext

            with CaptureQueriesContext(connection) as ctx:
                assert client.get("/api/v1/contacts/?page_size=200").status_code == 200
            return len(ctx.captured_queries)

        for _ in range(3):
            ContactPhoneFactory()
        few = count_queries()
        for _ in range(40):
            ContactPhoneFactory()
        assert count_queries() == few
        assert few <= 6


class TestCustomers:
    def test_account_number_keeps_leading_zeros(self, api, agent):
        response = api.as_user(agent).post("/api/v1/customers/", {"name": "Bank", "tier": "gold",
                                                                  "account_number": "000123"})
        assert response.status_code == 201
        assert response.json()["account_number"] == "000123"
        assert Customer.objects.get().account_number == "000123"

    @pytest.mark.parametrize("payload, field", [
        ({"name": "B", "account_number": "12a"}, "account_number"),
        ({"name": "B", "account_number": "1", "tier": "platinum"}, "tier"),
        ({"name": "B", "account_number": 12.5}, "account_number"),
    ])
    def test_bad_customers_are_400(self, api, agent, payload, field):
        response = api.as_user(agent).post("/api/v1/customers/", payload)
        assert response.status_code == 400 and field in response.json()

    def test_duplicate_account_number_is_400(self, api, agent):
        CustomerFactory(account_number="555")
        response = api.as_user(agent).post("/api/v1/customers/", {"name": "B", "account_number": "555"})
        assert response.status_code == 400 and "account_number" in response.json()


class TestServicesAndCmdb:
    def test_everyone_reads_services_only_admins_write(self, api, requester, agent, admin_user):
        service = ServiceFactory(name="Email")
        assert api.as_user(requester).get(f"/api/v1/services/{service.pk}/").status_code == 200
        assert api.as_user(agent).post("/api/v1/services/", {"name": "New"}).status_code == 403
        response = api.as_user(admin_user).post("/api/v1/services/", {
            "name": "Card payments", "owner_team": TeamFactory().pk, "availability_target": "99.99"})
        assert response.status_code == 201, response.content
        assert Service.objects.filter(name="Card payments").exists()

    def test_requesters_do_not_see_the_cmdb(self, api, requester):
        assert api.as_user(requester).get("/api/v1/cis/").status_code == 403

    def test_ci_relations_form_a_graph(self, api, admin_user):
        app, server = ConfigurationItemFactory(name="app"), ConfigurationItemFactory(name="srv")
        client = api.as_user(admin_user)
        response = client.post("/api/v1/ci-relations/", {"source": app.pk, "target": server.pk, "kind": "runs_on"})
        assert response.status_code == 201
        detail = client.get(f"/api/v1/cis/{app.pk}/").json()
        assert detail["relations"] == [{"id": response.json()["id"], "kind": "runs_on", "target": server.pk}]
        assert client.get(f"/api/v1/cis/?depends_on={server.pk}").json()["count"] == 1
        again = client.post("/api/v1/ci-relations/", {"source": app.pk, "target": server.pk, "kind": "runs_on"})
        assert again.status_code == 400
        loop = client.post("/api/v1/ci-relations/", {"source": app.pk, "target": app.pk, "kind": "part_of"})
        assert loop.status_code == 400

    def test_availability_target_is_a_percentage(self, api, admin_user):
        response = api.as_user(admin_user).post("/api/v1/services/", {"name": "S", "availability_target": 120})
        assert response.status_code == 400 and "availability_target" in response.json()


class TestUsers:
    def test_only_admins_manage_users(self, api, agent):
        response = api.as_user(agent).get("/api/v1/users/")
        assert response.status_code == 403
        assert "administrators" in response.json()["detail"]

    def test_admin_provisions_a_person_with_roles_teams_manager_phone_and_skills(self, api, admin_user, make_user):
        team, skill, boss = TeamFactory(), SkillFactory(name="cards"), make_user(Role.MANAGER)
        client = api.as_user(admin_user)
        response = client.post("/api/v1/users/", {
            "username": "newagent", "email": "n@example.test", "password": "a-long-pass-phrase-9",
            "roles": ["agent", "cab_member"], "teams": [team.pk], "manager": boss.pk,
            "phone": "+30 691 234 5678", "skills": [skill.pk],
        })
        assert response.status_code == 201, response.content
        body = response.json()
        assert body["roles"] == ["agent", "cab_member"]
        assert body["teams"] == [team.pk] and body["skills"] == [skill.pk]
        assert body["manager"] == boss.pk and body["phone"] == "+306912345678"
        assert "password" not in body
        user = User.objects.get(username="newagent")
        assert user.check_password("a-long-pass-phrase-9")
        assert list(team.members.all()) == [user]
        # Roles can be changed, and the admin role opens the Django admin.
        response = client.patch(f"/api/v1/users/{user.pk}/", {"roles": ["admin"], "manager": None})
        assert response.json()["roles"] == ["admin"] and response.json()["manager"] is None
        user.refresh_from_db()
        assert user.is_staff and user.is_superuser

    @pytest.mark.parametrize("payload, field", [
        ({"username": "u1", "roles": ["wizard"]}, "roles"),
        ({"username": "u1", "password": "123"}, "password"),
        ({"username": "u1", "phone": "555"}, "phone"),
        ({"username": "u1", "teams": [424242]}, "teams"),
        ({"username": "u1", "timezone": "Mars/Olympus"}, "timezone"),
        ({"username": "u1", "language": "xx"}, "language"),
        ({"username": "a" * 200}, "username"),
    ])
    def test_bad_users_are_400_and_not_created(self, api, admin_user, payload, field):
        response = api.as_user(admin_user).post("/api/v1/users/", payload)
        assert response.status_code == 400 and field in response.json()
        assert not User.objects.filter(username__startswith="u1").exists()

    def test_users_list_query_count_is_flat(self, api, admin_user, make_user):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        client = api.as_user(admin_user)

        def count():
            with CaptureQueriesContext(connection) as ctx:
                assert client.get("/api/v1/users/").status_code == 200
            return len(ctx.captured_queries)

        make_user(Role.AGENT)
        first = count()
        for _ in range(10):
            make_user(Role.AGENT)
        assert count() == first


class TestSchema:
    def test_schema_and_docs_are_served(self, client, agent):
        assert client.get("/api/schema/").status_code == 200
        client.force_login(agent)
        docs = client.get("/api/docs/")
        assert docs.status_code == 200
        assert b"swagger" in docs.content.lower()
        # Swagger UI's files come from our own static files (drf-spectacular-sidecar), not a CDN.
        assert b"/static/drf_spectacular_sidecar/" in docs.content
        assert b"jsdelivr" not in docs.content and b"unpkg" not in docs.content


def test_a_users_history_is_in_the_api(api, admin_user, agent):
    client = api.as_user(admin_user)
    assert client.patch(f"/api/v1/users/{agent.pk}/", {"email": "new@example.test"}).status_code == 200
    history = client.get(f"/api/v1/users/{agent.pk}/history/").json()["results"]
    assert {"field": "email", "old": agent.email, "new": "new@example.test"} in history[0]["changes"]
    assert history[0]["history_user"] == admin_user.pk
