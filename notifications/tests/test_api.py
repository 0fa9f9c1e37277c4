import pytest

from catalog.tests.factories import UserFactory
from notifications.models import Delivery, MessageTemplate, Notification

pytestmark = pytest.mark.django_db


def test_people_list_and_read_only_their_own_notifications(api, requester):
    mine = Notification.objects.create(user=requester, subject="Your request is approved")
    theirs = Notification.objects.create(user=UserFactory(), subject="Not yours")
    client = api.as_user(requester)
    listed = client.get("/api/v1/notifications/").json()
    assert [n["id"] for n in listed["results"]] == [mine.pk]
    assert client.get(f"/api/v1/notifications/{theirs.pk}/").status_code == 404
    assert client.post(f"/api/v1/notifications/{theirs.pk}/read/").status_code == 404
    response = client.post(f"/api/v1/notifications/{mine.pk}/read/")
    assert response.status_code == 200 and response.json()["read"] is True
    assert client.get("/api/v1/notifications/?unread=true").json()["count"] == 0


def test_read_all(api, requester):
    for i in range(3):
        Notification.objects.create(user=requester, subject=f"n{i}")
    response = api.as_user(requester).post("/api/v1/notifications/read-all/")
    assert response.json() == {"marked": 3}
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_the_delivery_log_is_for_admins_and_filterable(api, agent, admin_user):
    Delivery.objects.create(channel="sms", user=agent, recipient="+306912345678", template="generic",
                            subject="s", body="b", idempotency_key="a", related="incidents.incident:7")
    Delivery.objects.create(channel="email", user=agent, recipient="a@x.test", template="welcome",
                            subject="s", body="b", idempotency_key="b")
    assert api.as_user(agent).get("/api/v1/deliveries/").status_code == 403
    client = api.as_user(admin_user)
    rows = client.get("/api/v1/deliveries/?channel=sms").json()["results"]
    assert [r["recipient"] for r in rows] == ["+306912345678"]
    assert set(rows[0]) >= {"channel", "user", "recipient", "template", "subject", "body", "status", "attempts",
                            "idempotency_key", "related", "created_at", "sent_at"}
    assert client.get("/api/v1/deliveries/?related=incidents.incident:7").json()["count"] == 1
    assert client.get("/api/v1/deliveries/?template=welcome").json()["count"] == 1


def test_admins_edit_message_templates_and_bad_syntax_is_400(api, admin_user, agent):
    client = api.as_user(admin_user)
    created = client.post("/api/v1/message-templates/", {"key": "greeting", "subject": "{{ subject }}", "body": "b"})
    assert created.status_code == 201
    template = MessageTemplate.objects.get(key="greeting")
    bad = client.patch(f"/api/v1/message-templates/{template.pk}/", {"subject": "{% if %}"})
    assert bad.status_code == 400 and "subject" in bad.json()
    good = client.patch(f"/api/v1/message-templates/{template.pk}/", {"subject": "[Desk] {{ subject }}"})
    assert good.status_code == 200
    history = client.get(f"/api/v1/message-templates/{template.pk}/history/").json()["results"]
    assert history[0]["changes"] == [{"field": "subject", "old": "{{ subject }}", "new": "[Desk] {{ subject }}"}]
    assert api.as_user(agent).get("/api/v1/message-templates/").status_code == 403
