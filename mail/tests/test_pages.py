"""The staff page listing the mailboxes, and the admin: the password never in a page,
failed messages retried by an admin."""

import pytest
from django.urls import reverse

from core.roles import Role
from incidents.models import Incident
from mail.choices import MessageStatus
from mail.models import Mailbox, MailMessage
from mail.services.inbound import mail_receive
from servicerequests.tests.factories import CatalogItemFactory

from .factories import MailboxFactory
from .mails import golden

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_admin(make_user):
    """An administrator as users/ makes one: the admin role, and the admin site's flags."""
    return make_user(Role.ADMIN, username="site-admin", is_staff=True, is_superuser=True)


def test_staff_see_each_mailbox_with_its_last_fetch_and_error(client, make_user, django_assert_max_num_queries):
    MailboxFactory(name="Support", address="support@desk.example.com", protocol="imap", host="imap.example.com",
                   username="support", password="never-shown", last_error="LOGIN failed: authentication failed")
    MailboxFactory(name="Billing", address="billing@desk.example.com")
    MailboxFactory.create_batch(5)
    client.force_login(make_user(Role.AGENT))

    with django_assert_max_num_queries(12):
        page = client.get(reverse("mail:mailboxes"))

    html = page.content.decode()
    assert page.status_code == 200
    assert "support@desk.example.com" in html and "billing@desk.example.com" in html
    assert "LOGIN failed: authentication failed" in html
    assert "never-shown" not in html
    assert html.count('data-testid="mailbox-row"') == 7
    failing = client.get(reverse("mail:mailboxes"), {"failing": "true"}).content.decode()
    assert failing.count('data-testid="mailbox-row"') == 1


def test_requesters_may_not_see_the_mailboxes(client, make_user):
    client.force_login(make_user(Role.REQUESTER))

    assert client.get(reverse("mail:mailboxes")).status_code == 403


def test_the_admin_form_never_echoes_the_password_and_keeps_it_when_left_empty(client, site_admin):
    mailbox = MailboxFactory(protocol="imap", host="imap.example.com", username="support", password="s3cret-imap")
    client.force_login(site_admin)
    url = reverse("admin:mail_mailbox_change", args=[mailbox.pk])

    form = client.get(url)
    assert form.status_code == 200 and "s3cret-imap" not in form.content.decode()

    saved = client.post(url, {"name": "Renamed", "address": "Renamed@Desk.Example.com", "protocol": "imap",
                              "host": "imap.example.com", "port": "", "username": "support", "password": "",
                              "folder": "INBOX", "use_tls": "on", "creates": "incident", "active": "on"})

    assert saved.status_code == 302, saved.content.decode()[:2000]
    mailbox.refresh_from_db()
    assert (mailbox.name, mailbox.address, mailbox.password) == ("Renamed", "renamed@desk.example.com", "s3cret-imap")
    assert mailbox.history.latest().history_user == site_admin


def test_an_admin_retries_failed_messages_from_the_admin(client, site_admin):
    item = CatalogItemFactory(form=[], roles=["agent"])
    mailbox = MailboxFactory(creates="request", catalog_item=item)
    failed = mail_receive(mailbox=mailbox, raw=golden("plain")).message
    assert failed.status == MessageStatus.FAILED
    Mailbox.objects.filter(pk=mailbox.pk).update(creates="incident", catalog_item=None)
    client.force_login(site_admin)

    answer = client.post(reverse("admin:mail_mailmessage_changelist"),
                         {"action": "retry", "_selected_action": [failed.pk]}, follow=True)

    assert answer.status_code == 200
    failed.refresh_from_db()
    assert failed.status == MessageStatus.PROCESSED and failed.incident == Incident.objects.get()
    assert MailMessage.objects.count() == 1
