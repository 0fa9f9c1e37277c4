"""notify(): rendering, channels, the delivery log, idempotency and retries."""

import pytest
from django.core import mail

from catalog.services import profile_for
from catalog.tests.factories import UserFactory
from core import live
from notifications.models import Delivery, MessageTemplate, Notification, SmsMessage, StakeholderGroup
from notifications.services import Outcome, delivery_send, notify
from notifications.sms import BaseSmsBackend
from notifications.tasks import retry_stuck_deliveries

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]


class FailingSmsBackend(BaseSmsBackend):
    calls = 0

    def send(self, *, to, body):
        FailingSmsBackend.calls += 1
        raise ConnectionError("provider down")


@pytest.fixture
def template():
    return MessageTemplate.objects.create(
        key="breach-warning", subject="{{ ticket }}: {{ minutes }} minutes left",
        body="Hello {{ recipient.first_name }}, {{ ticket }} breaches in {{ minutes }} minutes.",
        sms_body="{{ ticket }} breaches in {{ minutes }} min",
    )


@pytest.fixture
def person():
    user = UserFactory(first_name="Alex", email="alex@example.test")
    profile = profile_for(user)
    profile.phone = "+306912345678"
    profile.save()
    return user


def test_given_a_person_when_notified_on_every_channel_then_each_is_delivered_once(
        template, person, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        deliveries = notify([person], "breach-warning", {"ticket": "INC000001", "minutes": 15},
                            ["email", "sms", "in_app"], idempotency_key="sla:1:75", related="incidents.incident:1",
                            url="/incidents/1/")
    # One queued delivery each (the live pages' version bump, core.live, is the other callback).
    queued = [c for c in callbacks if not isinstance(c, live._Pending)]
    assert len(deliveries) == 3 and len(queued) == 3
    assert [m.subject for m in mail.outbox] == ["INC000001: 15 minutes left"]
    assert mail.outbox[0].to == ["alex@example.test"]
    assert "Hello Alex" in mail.outbox[0].body
    assert list(SmsMessage.objects.values_list("to", "body")) == [("+306912345678", "INC000001 breaches in 15 min")]
    note = Notification.objects.get(user=person)
    assert note.subject == "INC000001: 15 minutes left" and note.url == "/incidents/1/"
    log = {d.channel: d for d in Delivery.objects.all()}
    assert {d.status for d in log.values()} == {"sent"}
    assert log["sms"].recipient == "+306912345678"
    assert log["in_app"].recipient == f"user:{person.pk}"
    assert log["email"].related == "incidents.incident:1" and log["email"].attempts == 1


def test_the_same_idempotency_key_never_delivers_twice(template, person, django_capture_on_commit_callbacks):
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            notify([person], "breach-warning", {"ticket": "T", "minutes": 1}, ["email", "sms"],
                   idempotency_key="same-key")
    assert len(mail.outbox) == 1 and SmsMessage.objects.count() == 1
    assert Delivery.objects.count() == 2


def test_a_task_that_runs_twice_sends_once(template, person, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        [delivery] = notify([person], "breach-warning", {"ticket": "T", "minutes": 1}, ["sms"], idempotency_key="k")
    assert delivery_send(delivery_id=delivery.pk) == Outcome.SENT
    assert delivery_send(delivery_id=delivery.pk) == Outcome.ALREADY_DONE
    assert SmsMessage.objects.count() == 1


def test_nothing_is_sent_for_a_rolled_back_change(template, person, django_capture_on_commit_callbacks):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                notify([person], "breach-warning", {"ticket": "T", "minutes": 1}, ["email"], idempotency_key="rb")
                raise RuntimeError("the change failed")
        except RuntimeError:
            pass
    assert callbacks == [] and mail.outbox == [] and Delivery.objects.count() == 0


def test_provider_failures_are_retried_then_marked_failed(template, person, settings,
                                                          django_capture_on_commit_callbacks):
    settings.SMS_BACKEND = "notifications.tests.test_services.FailingSmsBackend"
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 3
    with django_capture_on_commit_callbacks(execute=False):
        [delivery] = notify([person], "breach-warning", {"ticket": "T", "minutes": 1}, ["sms"], idempotency_key="f")
    outcomes = [delivery_send(delivery_id=delivery.pk) for _ in range(4)]
    assert outcomes == [Outcome.RETRY, Outcome.RETRY, Outcome.FAILED, Outcome.ALREADY_DONE]
    delivery.refresh_from_db()
    assert delivery.status == "failed" and delivery.attempts == 3
    assert "provider down" in delivery.last_error


def test_a_person_without_a_mobile_gets_a_failed_sms_delivery_in_the_log(template):
    user = UserFactory()
    notify([user], "breach-warning", {"ticket": "T", "minutes": 1}, ["sms"], idempotency_key="no-phone")
    delivery = Delivery.objects.get()
    assert delivery.status == "failed" and "no sms address" in delivery.last_error


def test_stakeholder_groups_and_ids_expand_to_each_person_once(template, person):
    other = UserFactory()
    group = StakeholderGroup.objects.create(name="CIO office")
    group.members.add(person, other)
    notify([group, person, other.pk], "breach-warning", {"ticket": "T", "minutes": 1}, ["in_app"],
           idempotency_key="grp")
    assert sorted(Delivery.objects.values_list("user_id", flat=True)) == sorted([person.pk, other.pk])


def test_unknown_template_or_channel_is_a_programming_error(person):
    with pytest.raises(MessageTemplate.DoesNotExist):
        notify([person], "nope", {}, ["email"], idempotency_key="x")
    with pytest.raises(ValueError, match="unknown channel"):
        notify([person], "generic", {}, ["pigeon"], idempotency_key="x")


def test_stuck_deliveries_are_requeued(template, person, django_capture_on_commit_callbacks):
    from datetime import timedelta

    from django.utils import timezone

    with django_capture_on_commit_callbacks(execute=False):
        [delivery] = notify([person], "breach-warning", {"ticket": "T", "minutes": 1}, ["email"], idempotency_key="s")
    Delivery.objects.filter(pk=delivery.pk).update(created_at=timezone.now() - timedelta(hours=1))
    assert retry_stuck_deliveries.apply().get() == 1


def test_an_edited_template_is_rendered_with_its_new_texts(template, person):
    # Compiled templates are kept per process by their texts: an edit is other texts.
    notify([person], "breach-warning", {"ticket": "T1", "minutes": 5}, ["in_app"], idempotency_key="before-edit")
    template.subject, template.sms_body = "Edited: {{ ticket }}", ""
    template.save()
    notify([person], "breach-warning", {"ticket": "T2", "minutes": 5}, ["in_app"], idempotency_key="after-edit")
    subjects = dict(Delivery.objects.values_list("idempotency_key", "subject"))
    assert subjects[f"before-edit:in_app:{person.pk}"] == "T1: 5 minutes left"
    assert subjects[f"after-edit:in_app:{person.pk}"] == "Edited: T2"
