"""Subscriptions: double opt-in, asking again without errors or leaks, rate limits, the
mail for each public update (once per subscriber, even when the task runs twice), and
unsubscribing (the button and RFC 8058 one-click)."""

import re
import threading
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.db import connection
from django.db.models import F
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from catalog.tests.factories import ServiceFactory
from statuspage import services, tasks
from statuspage.models import MaintenanceNotice, Subscriber, SubscriberNotice

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
        # The notice is queued, neither sent nor held: the retry takes it at once.
        assert SubscriberNotice.objects.filter(sent_at__isnull=True, claimed_at__isnull=True).count() == 1
        assert services.subscriber_notices_waiting(update_id=update.pk) is None
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


def _aged(model, seconds):
    """Time passes for the claims: each is ``seconds`` older (a worker killed that long ago)."""
    model.objects.filter(claimed_at__isnull=False).update(claimed_at=F("claimed_at") - timedelta(seconds=seconds))


@pytest.fixture
def posted(declare, post_update):
    """A public update posted before anyone subscribed (its own task mailed no one), and
    three confirmed subscribers: ``(update, [addresses])``; mailing it is up to the test."""
    cards = ServiceFactory(name="Card payments")
    update = post_update(declare(cards, summary="Card payments failing"), body="We are investigating.")
    addresses = [f"sub{n}@example.test" for n in range(3)]
    for address in addresses:
        confirmed(address)
    mail.outbox.clear()
    return update, addresses


class TestClaims:
    """A notice is claimed (with a lease) before its mail goes out and marked sent after it:
    a worker killed half-way leaves claims the next run takes over once the lease is over,
    a sent notice is never sent again, and two workers never send the same one."""

    def test_a_killed_workers_batch_is_sent_after_the_lease(self, posted):
        update, addresses = posted
        notices = SubscriberNotice.objects.filter(update=update)
        # A worker queued the notices, claimed them all, sent the first one and died.
        SubscriberNotice.objects.bulk_create(
            SubscriberNotice(subscriber=subscriber, update=update) for subscriber in Subscriber.objects.all())
        rows, _stamp = services._claim(notices)
        assert [subscriber for _pk, subscriber in rows] == sorted(Subscriber.objects.values_list("pk", flat=True))
        first = Subscriber.objects.get(email=addresses[0])
        services._notice_message(first, update, None).send()
        notices.filter(subscriber=first).update(sent_at=timezone.now())
        # Within the lease the claims are the dead worker's: the task looks again when it ends.
        assert services.subscribers_notify(update_id=update.pk) == 0
        assert 290 < services.subscriber_notices_waiting(update_id=update.pk) <= 300
        _aged(SubscriberNotice, services.NOTICE_LEASE_SECONDS + 1)
        assert services.subscribers_notify(update_id=update.pk) == 2
        assert [len(mails_to(address)) for address in addresses] == [1, 1, 1]
        assert notices.filter(sent_at__isnull=True).count() == 0
        assert services.subscriber_notices_waiting(update_id=update.pk) is None

    def test_a_sent_notice_is_never_sent_again(self, posted):
        update, addresses = posted
        assert services.subscribers_notify(update_id=update.pk) == 3
        _aged(SubscriberNotice, 10 * services.NOTICE_LEASE_SECONDS)  # however old its claim
        assert services.subscribers_notify(update_id=update.pk) == 0
        assert tasks.notify_subscribers(update.pk) == 0
        assert [len(mails_to(address)) for address in addresses] == [1, 1, 1]

    def test_a_claim_taken_over_after_the_lease_is_given_up(self, posted):
        update, addresses = posted
        notices = SubscriberNotice.objects.filter(update=update)
        SubscriberNotice.objects.bulk_create(
            SubscriberNotice(subscriber=subscriber, update=update) for subscriber in Subscriber.objects.all())
        slow_rows, slow_stamp = services._claim(notices)  # a worker stalls longer than its lease ...
        _aged(SubscriberNotice, services.NOTICE_LEASE_SECONDS + 1)
        rows, stamp = services._claim(notices)  # ... another takes its notices over ...
        assert rows == slow_rows
        message = lambda subscriber: services._notice_message(subscriber, update, None)  # noqa: E731
        # ... and the first, renewing its claim before each mail, finds them no longer its own.
        assert services._send_rows(SubscriberNotice, slow_rows, slow_stamp, message) == 0
        assert mail.outbox == []
        assert services._send_rows(SubscriberNotice, rows, stamp, message) == 3
        assert services._send_rows(SubscriberNotice, slow_rows, slow_stamp, message) == 0
        assert [len(mails_to(address)) for address in addresses] == [1, 1, 1]

    def test_the_maintenance_notice_is_claimed_too(self):
        web = ServiceFactory(name="Web hosting")
        start = timezone.now() + timedelta(days=1)
        window = services.maintenance_schedule(title="Patching", services=[web], starts_at=start,
                                               ends_at=start + timedelta(hours=1))
        confirmed("all@example.test")
        mail.outbox.clear()
        MaintenanceNotice.objects.create(subscriber=Subscriber.objects.get(), maintenance=window, starts_at=start,
                                         claimed_at=timezone.now())  # a worker died with it
        assert services.maintenance_notify(maintenance_id=window.pk) == 0
        assert services.maintenance_notices_waiting(maintenance_id=window.pk) > 0
        _aged(MaintenanceNotice, services.NOTICE_LEASE_SECONDS + 1)
        assert services.maintenance_notify(maintenance_id=window.pk) == 1
        assert services.maintenance_notify(maintenance_id=window.pk) == 0
        [message] = mails_to("all@example.test")
        assert "Patching" in message.subject
        assert MaintenanceNotice.objects.get().sent_at is not None


@pytest.mark.django_db(transaction=True)
def test_two_workers_on_two_connections_never_send_the_same_notice(declare, post_update, monkeypatch):
    """Two threads, each with its own PostgreSQL connection, mail the same update at once, a
    few notices per claim and a slow mail server: every subscriber gets it once."""
    cards = ServiceFactory(name="Card payments")
    update = post_update(declare(cards), body="We are investigating.")
    count = 24
    for n in range(count):
        confirmed(f"worker{n}@example.test")
    mail.outbox.clear()
    monkeypatch.setattr(services, "NOTICE_BATCH", 3)
    send = EmailMessage.send

    def slow_send(self, *args, **kwargs):
        time.sleep(0.01)
        return send(self, *args, **kwargs)

    monkeypatch.setattr(EmailMessage, "send", slow_send)
    start = threading.Barrier(2)
    sent, errors = [], []

    def worker():
        try:
            start.wait(timeout=10)
            sent.append(services.subscribers_notify(update_id=update.pk))
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    assert sorted(m.to[0] for m in mail.outbox) == sorted(f"worker{n}@example.test" for n in range(count))
    assert sum(sent) == count and min(sent) > 0, sent  # both took part; none sent twice
    assert SubscriberNotice.objects.filter(update=update, sent_at__isnull=False).count() == count
