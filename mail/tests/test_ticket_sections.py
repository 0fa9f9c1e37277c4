"""The email sections a ticket page includes: each email as it arrived (sender, time,
attachments, what the desk did) and the reply box's word that public notes go by email."""

import pytest
from django.template import Context, Template

from incidents.tests.factories import IncidentFactory
from mail.services.inbound import mail_receive

from .factories import MailboxFactory
from .mails import build

pytestmark = pytest.mark.django_db

PAGE = Template("{% load mail_tags %}{% ticket_emails ticket %}|{% email_reply_hint ticket %}")


def render(ticket) -> tuple[str, str]:
    emails, hint = PAGE.render(Context({"ticket": ticket})).split("|")
    return emails, hint


def test_an_email_ticket_lists_its_emails_and_says_where_public_notes_go(django_assert_max_num_queries):
    mailbox = MailboxFactory(address="support@desk.example.com")
    first = mail_receive(mailbox=mailbox, raw=build(subject="Printer broken", attachments=[
        ("photo.png", "image/png", b"\x89PNG\r\n\x1a\n" + b"0" * 64)]))
    mail_receive(mailbox=mailbox, raw=build(subject=f"Re: [{first.incident.number}] Printer broken",
                                            body="Still broken."))
    incident = first.incident
    incident.refresh_from_db()

    with django_assert_max_num_queries(3):
        emails, hint = render(incident)

    assert emails.count("<li ") == 2
    assert "From Maria Lopes" in emails and "1 attachment" in emails
    assert "Created a ticket" in emails and "Appended to a ticket" in emails
    assert emails.index("Re: [") < emails.index(">Printer broken<")  # newest first
    assert "maria.lopes@example.org" in hint and "by email" in hint


def test_a_ticket_from_another_channel_shows_neither():
    incident = IncidentFactory(channel="portal")
    emails, hint = render(incident)
    assert emails.strip() == "" and hint.strip() == ""


def test_the_incident_page_shows_its_emails_and_the_reply_hint(client, make_user):
    from core.roles import Role

    agent = make_user(Role.AGENT, username="agent-mail-page")
    outcome = mail_receive(mailbox=MailboxFactory(address="help@desk.example.com"), raw=build(subject="Laptop"))
    client.force_login(agent)
    html = client.get(outcome.incident.get_absolute_url()).content.decode()
    assert 'data-testid="ticket-emails"' in html and "From Maria Lopes" in html
    assert 'data-testid="email-reply-hint"' in html and "maria.lopes@example.org" in html
