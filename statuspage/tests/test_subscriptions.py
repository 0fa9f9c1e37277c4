"""Subscriptions: double opt-in, asking again without errors or leaks, rate limits, the
mail for each public update (once per subscriber, even when the task runs twice), and
unsubscribing (the button and RFC 8058 one-click)."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from catalog.tests.factories import ServiceFactory
from statuspage import services, tasks
from statuspage.models import Subscriber, SubscriberNotice

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]


@pytest.fixture
def client():
    return Client(enforce_csrf_checks=True)


def csrf_post(client, url, data):
    """POST as a browser does: the form's CSRF token first."""
    client.get(reverse("statuspage:subscribe"))  # the status page's own form is a GET without a token
    return client.post(url, {**data, "csrfmiddlewaretoken": client.cookies["csrftoken"].value})


def subscribe(client, django_capture_on_commit_callbacks, email, chosen=()):
    with django_capture_on_commit_callbacks(execute=True):
        return csrf_post(client, reverse("statuspage:subscribe"), {"email": email, "services": [s.pk for s in chosen]})


def mails_to(address):
    return [m for m in mail.outbox if m.to == [address]]


def link(message, name):
    match = re.search(rf"http://127\.0\.0\.1:8000/status/{name}/([\w-]+)/", message.body)
    assert match, message.body
    return match.group(0)[len("http://127.0.0.1:8000"):]


def confirmed(email, chosen=()):
    """A subscriber who followed the confirmation link."""
    subscriber = services.subscriber_subscribe(email=email, services=chosen)
    return services.subscriber_confirm(token=subscriber.confirm_token)


class TestDoubleOptIn:
    def test_subscribe_sends_a_confirmation_and_nothing_else(self, client, django_capture_on_commit_callbacks):
        cards = ServiceFactory(name="Card payments")
        response = subscribe(client, django_capture_on_commit_callbacks, "Eleni@Example.test", [cards])
        assert response.status_code == 302 and response["Location"] == reverse("statuspage:subscribe-sent")
        subscriber = Subscriber.objects.get()
        assert subscriber.email == "eleni@example.test" and subscriber.confirmed_at is None
        assert list(subscriber.services.all()) == [cards]
        [message] = mails_to("eleni@example.test")
        assert "Card payments" in message.body
        assert link(message, "confirm") == reverse("statuspage:confirm", args=[subscriber.confirm_token])

    def test_the_link_asks_then_confirms(self, client, django_capture_on_commit_callbacks):
        subscribe(client, django_capture_on_commit_callbacks, "eleni@example.test")
        url = link(mails_to("eleni@example.test")[0], "confirm")
        assert client.get(url).status_code == 200  # a mail scanner following the link subscribes no one
        assert Subscriber.objects.get().confirmed_at is None
        response = csrf_post(client, url, {})
        assert response.status_code == 200 and Subscriber.objects.get().confirmed_at is not None
        assert client.get(reverse("statuspage:confirm", args=["nope"])).status_code == 404

    def test_asking_again_resends_without_error_or_leak(self, client, django_capture_on_commit_callbacks):
        cards, web = ServiceFactory(name="Card payments"), ServiceFactory(name="Web hosting")
        new = subscribe(client, django_capture_on_commit_callbacks, "eleni@example.test", [cards])
        again = subscribe(client, django_capture_on_commit_callbacks, "ELENI@example.test", [cards])
        assert (new.status_code, new["Location"]) == (again.status_code, again["Location"])
        assert Subscriber.objects.count() == 1 and len(mails_to("eleni@example.test")) == 2
        # A confirmed subscriber: same answer; the new choice waits for the confirmation.
        subscriber = services.subscriber_confirm(token=Subscriber.objects.get().confirm_token)
        known = subscribe(client, django_capture_on_commit_callbacks, "eleni@example.test", [web])
        assert (known.status_code, known["Location"]) == (new.status_code, new["Location"])
        assert list(subscriber.services.all()) == [cards] and len(mails_to("eleni@example.test")) == 3
        assert "Web hosting" in mails_to("eleni@example.test")[-1].body
        services.subscriber_confirm(token=subscriber.confirm_token)
        assert list(subscriber.services.all()) == [web]

    def test_the_form_needs_a_csrf_token_and_a_valid_address(self, client):
        response = client.post(reverse("statuspage:subscribe"), {"email": "eleni@example.test"})
        assert response.status_code == 403
        response = csrf_post(client, reverse("statuspage:subscribe"), {"email": "not an address"})
        assert response.status_code == 400 and not Subscriber.objects.exists()

    def test_rate_limits(self, client, settings, django_capture_on_commit_callbacks):
        settings.STATUSPAGE_CONFIRMATIONS_PER_HOUR = 1
        settings.STATUSPAGE_SUBSCRIBE_PER_HOUR = 3
        for _ in range(2):
            response = subscribe(client, django_capture_on_commit_callbacks, "eleni@example.test")
            assert response.status_code == 302
        assert len(mails_to("eleni@example.test")) == 1  # an inbox is not flooded, and the answer is the same
        assert subscribe(client, django_capture_on_commit_callbacks, "nikos@example.test").status_code == 302
        assert subscribe(client, django_capture_on_commit_callbacks, "sara@example.test").status_code == 429


class TestNotices:
    def test_confirmed_subscribers_of_the_service_get_one_mail_per_public_update(
            self, declare, post_update, django_capture_on_commit_callbacks):
        cards, web = ServiceFactory(name="Card payments"), ServiceFactory(name="Web hosting")
        confirmed("all@example.test")
        confirmed("cards@example.test", [cards])
        confirmed("web@example.test", [web])
        services.subscriber_subscribe(email="unconfirmed@example.test")
        major = declare(cards, summary="Card payments failing")
        mail.outbox.clear()
        update = post_update(major, body="We are investigating.")
        post_update(major, audiences=["technical"], body="Internal only")
        tasks.notify_subscribers.delay(update.pk)  # again: a retried or duplicated task
        tasks.notify_subscribers(update.pk)
        assert len(mails_to("all@example.test")) == 1 and len(mails_to("cards@example.test")) == 1
        assert mails_to("web@example.test") == [] and mails_to("unconfirmed@example.test") == []
        assert SubscriberNotice.objects.filter(update=update, sent_at__isnull=False).count() == 2
        [message] = mails_to("cards@example.test")
        assert "Card payments failing" in message.subject and "We are investigating." in message.body
        assert "Internal only" not in message.body
        subscriber = Subscriber.objects.get(email="cards@example.test")
        unsubscribe_url = f"http://127.0.0.1:8000/status/unsubscribe/{subscriber.unsubscribe_token}/"
        assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe_url}>"
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert unsubscribe_url in message.body
        assert f"/status/incidents/{major.pk}/#update-{update.pk}" in message.body

    def test_a_non_public_update_is_never_mailed(self, declare, post_update):
        cards = ServiceFactory(name="Card payments")
        confirmed("all@example.test")
        update = post_update(declare(cards), audiences=["management"], body="Internal only")
        assert tasks.notify_subscribers(update.pk) == 0
        assert mails_to("all@example.test") == [] and not SubscriberNotice.objects.exists()

    def test_a_failed_mail_is_sent_on_the_retry(self, declare, post_update, monkeypatch):
        cards = ServiceFactory(name="Card payments")
        confirmed("all@example.test")
        major = declare(cards)
        monkeypatch.setattr("statuspage.tasks.notify_subscribers.delay", lambda *args: None)
        update = post_update(major, body="Investigating.")
        def refuse(self, **kwargs):
            raise OSError("mail server unreachable")

        monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
        with pytest.raises(OSError):
            services.subscribers_notify(update_id=update.pk)
        assert not SubscriberNotice.objects.exists()
        monkeypatch.undo()
        assert services.subscribers_notify(update_id=update.pk) == 1
        assert services.subscribers_notify(update_id=update.pk) == 0


class TestUnsubscribe:
    def test_the_button(self, client):
        subscriber = confirmed("eleni@example.test")
        url = reverse("statuspage:unsubscribe", args=[subscriber.unsubscribe_token])
        page = client.get(url)
        assert page.status_code == 200 and "eleni@example.test" in page.content.decode()
        assert Subscriber.objects.exists()  # looking is not unsubscribing
        assert client.post(url).status_code == 200
        assert not Subscriber.objects.exists()
        assert client.post(url).status_code == 200  # harmless to repeat
        assert client.get(url).status_code == 404

    def test_rfc_8058_one_click(self, client):
        subscriber = confirmed("eleni@example.test")
        url = reverse("statuspage:unsubscribe", args=[subscriber.unsubscribe_token])
        response = client.post(url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
        assert response.status_code == 200 and not Subscriber.objects.exists()

    def test_a_wrong_token_removes_no_one(self, client):
        confirmed("eleni@example.test")
        client.post(reverse("statuspage:unsubscribe", args=["guess"]))
        assert Subscriber.objects.exists()
