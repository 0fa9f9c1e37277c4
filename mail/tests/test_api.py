"""``mailboxes/`` and ``mailboxes/<id>/inbound/``: admins only, the password never answered,
and the inbound door's answers (201 with the result, 400, 404, 409, 413, 415)."""

import io

import pytest
from django.core.files.storage import default_storage

from core.roles import Role
from incidents.models import Incident
from mail.api.parsers import MessageTooLargeError, RawMessageParser
from mail.choices import MessageStatus, Result
from mail.models import Mailbox, MailMessage

from .factories import MailboxFactory
from .mails import build, golden

pytestmark = pytest.mark.django_db

URL = "/api/v1/mailboxes/"


@pytest.fixture
def admin_api(api, admin_user):
    return api.as_user(admin_user)


def inbound(client, mailbox, raw, content_type="message/rfc822"):
    return client.generic("POST", f"{URL}{mailbox.pk}/inbound/", raw, content_type=content_type)


@pytest.mark.parametrize("role", [Role.REQUESTER, Role.AGENT, Role.MANAGER, Role.CHANGE_MANAGER, Role.CAB_MEMBER])
def test_only_admins_see_configure_and_post_to_mailboxes(api, make_user, role):
    mailbox = MailboxFactory()
    client = api.as_user(make_user(role))

    assert client.get(URL).status_code == 403
    assert client.get(f"{URL}{mailbox.pk}/").status_code == 403
    assert client.post(URL, {"name": "X", "address": "x@desk.example.com"}, format="json").status_code == 403
    assert client.patch(f"{URL}{mailbox.pk}/", {"name": "Y"}, format="json").status_code == 403
    assert inbound(client, mailbox, golden("plain")).status_code == 403
    assert client.post(f"{URL}{mailbox.pk}/fetch/").status_code == 403
    assert not MailMessage.objects.exists()


def test_anonymous_callers_are_refused(api):
    mailbox = MailboxFactory()

    assert api.get(URL).status_code == 401
    assert inbound(api, mailbox, golden("plain")).status_code == 401


def test_an_admin_creates_an_imap_mailbox_and_never_sees_its_password(admin_api):
    body = {"name": "Support", "address": "Support@Desk.Example.com", "protocol": "imap", "host": "imap.example.com",
            "port": 993, "username": "support", "password": "s3cret-imap", "creates": "incident",
            "create_contacts": True, "last_fetched_at": "2030-01-01T00:00:00Z", "last_error": "forged"}

    created = admin_api.post(URL, body, format="json")

    assert created.status_code == 201, created.data
    assert "password" not in created.data
    assert created.data["address"] == "support@desk.example.com"
    assert created.data["last_fetched_at"] is None and created.data["last_error"] == ""  # read-only
    mailbox = Mailbox.objects.get(pk=created.data["id"])
    assert mailbox.password == "s3cret-imap"
    listed = admin_api.get(URL).json()
    assert listed["count"] == 1 and "password" not in listed["results"][0]
    assert "s3cret-imap" not in admin_api.get(f"{URL}{mailbox.pk}/history/").content.decode()

    # An update without a password (or with an empty one) keeps the stored one.
    assert admin_api.patch(f"{URL}{mailbox.pk}/", {"name": "Help", "password": ""}, format="json").status_code == 200
    mailbox.refresh_from_db()
    assert (mailbox.name, mailbox.password) == ("Help", "s3cret-imap")


def test_mailbox_rules_are_field_errors(admin_api):
    MailboxFactory(address="support@desk.example.com")

    taken = admin_api.post(URL, {"name": "Dup", "address": "SUPPORT@desk.example.com"}, format="json")
    imap = admin_api.post(URL, {"name": "I", "address": "i@desk.example.com", "protocol": "imap"}, format="json")
    request = admin_api.post(URL, {"name": "R", "address": "r@desk.example.com", "creates": "request"}, format="json")

    assert taken.status_code == 400 and "address" in taken.data
    assert imap.status_code == 400 and {"host", "username"} <= set(imap.data)
    assert request.status_code == 400 and "catalog_item" in request.data


def test_inbound_opens_a_ticket_and_a_second_post_is_a_duplicate(admin_api):
    mailbox = MailboxFactory(address="support@desk.example.com")

    first = inbound(admin_api, mailbox, golden("greek_iso8859_7"))
    again = inbound(admin_api, mailbox, golden("greek_iso8859_7"))

    assert first.status_code == 201
    incident = Incident.objects.get()
    assert first.json() == {"result": "created", "incident": incident.pk, "request": None, "reason": ""}
    assert incident.title == "Πρόβλημα με τον λογαριασμό email"
    assert "λάθος κωδικός" in incident.description
    assert again.status_code == 201 and again.json()["result"] == Result.DUPLICATE
    assert again.json()["incident"] == incident.pk


def test_inbound_keeps_an_unreadable_message_and_says_why(admin_api):
    mailbox = MailboxFactory()

    answer = inbound(admin_api, mailbox, golden("malformed"))

    assert answer.status_code == 201
    assert answer.json()["result"] == "ignored" and "could not be read" in answer.json()["reason"]
    assert MailMessage.objects.get().status == MessageStatus.FAILED


def test_inbound_refuses_a_30_mb_message_with_413(admin_api):
    mailbox = MailboxFactory()
    raw = build(attachments=[("scan.pdf", "application/pdf", b"%PDF" + b"\0" * (22 * 1024 * 1024))])  # ~30 MB
    assert len(raw) > 30 * 1000 * 1000

    answer = inbound(admin_api, mailbox, raw)

    assert answer.status_code == 413
    assert answer.json()["code"] == "too_large" and "MAIL_MAX_MESSAGE_BYTES" in answer.json()["detail"]
    assert not MailMessage.objects.exists() and not Incident.objects.exists()


def test_the_parser_stops_reading_past_the_limit(settings):
    """A body sent without (or with a wrong) length is still never read whole."""
    settings.MAIL_MAX_MESSAGE_BYTES = 2000
    stream = io.BytesIO(build(body="x" * 3000))

    with pytest.raises(MessageTooLargeError):
        RawMessageParser().parse(stream)
    assert stream.tell() == 2001
    assert RawMessageParser().parse(io.BytesIO(b"small")) == b"small"


def test_inbound_answers_400_404_409_and_415(admin_api):
    mailbox = MailboxFactory()
    inactive = MailboxFactory(active=False)

    assert inbound(admin_api, mailbox, b"").status_code == 400
    assert inbound(admin_api, mailbox, b"   \r\n").status_code == 400
    assert admin_api.generic("POST", f"{URL}999999/inbound/", golden("plain"),
                             content_type="message/rfc822").status_code == 404
    refused = inbound(admin_api, inactive, golden("plain"))
    assert refused.status_code == 409 and refused.json()["status"] == "inactive"
    assert inbound(admin_api, mailbox, golden("plain"), content_type="text/plain").status_code == 415
    assert not MailMessage.objects.exists()


def test_fetch_is_for_active_imap_mailboxes(admin_api):
    push = MailboxFactory()

    answer = admin_api.post(f"{URL}{push.pk}/fetch/")

    assert answer.status_code == 409 and answer.json()["status"] == "push"


def test_the_raw_message_is_stored_under_media(admin_api):
    mailbox = MailboxFactory()

    inbound(admin_api, mailbox, golden("plain"))

    row = MailMessage.objects.get()
    assert row.raw.name.startswith("mail/") and default_storage.exists(row.raw.name)
