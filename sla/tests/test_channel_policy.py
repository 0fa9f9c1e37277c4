"""An incident gets its channel's SLA policy (issue 17, item 6), with the demo's policies:
a first answer within 2 business hours for email, 1 hour for the portal (and for every
channel without a policy of its own). "The most specific matching policy wins": the channel
counts as one match field, and a priority beats a channel when both match."""

from datetime import UTC, datetime, timedelta
from email.message import EmailMessage

import pytest

from core.roles import Role
from incidents.services import incident_create
from sla import demo
from sla.choices import TimerStatus
from sla.models import SLAPolicy, SLATimer
from sla.selectors import timers_for

pytestmark = pytest.mark.django_db
#: Monday 23 November 2026, 08:00 UTC = 10:00 in Athens, inside the demo's office hours.
MONDAY = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


@pytest.fixture
def policies(make_user):
    users = {"manager": make_user(Role.MANAGER, username="sla-mgr"), "admin": make_user(Role.ADMIN,
                                                                                       username="sla-admin")}
    return {policy.name: policy for policy in demo.seed(users=users)["policies"]}


def response_timer(incident) -> SLATimer:
    return timers_for(incident).select_related("policy").get(metric="response")


@pytest.fixture
def agent(make_user):
    return make_user(Role.AGENT, username="sla-channel-agent")


def test_the_demo_answers_email_within_two_hours_and_the_portal_within_one(policies):
    email, standard = policies["Incidents — by email"], policies["Incidents — standard"]
    assert (email.channel, email.response_minutes, email.specificity) == ("email", 120, 1)
    assert (standard.channel, standard.response_minutes, standard.specificity) == (None, 60, 0)
    # No other incident policy names a channel: every other door gets the standard hour.
    assert list(SLAPolicy.objects.filter(applies_to="incident").exclude(channel=None)
                .values_list("name", flat=True)) == ["Incidents — by email"]


@pytest.mark.parametrize(("channel", "policy", "minutes", "due"), [
    ("email", "Incidents — by email", 120, datetime(2026, 11, 23, 10, 0, tzinfo=UTC)),
    ("portal", "Incidents — standard", 60, datetime(2026, 11, 23, 9, 0, tzinfo=UTC)),
    ("phone", "Incidents — standard", 60, datetime(2026, 11, 23, 9, 0, tzinfo=UTC)),
])
def test_an_incident_gets_its_channel_s_response_policy(policies, agent, channel, policy, minutes, due):
    incident = incident_create(title=f"By {channel}", actor=agent, channel=channel, impact=3, urgency=3, at=MONDAY)
    assert incident.priority not in (1, 2)  # the P1/P2 policies stay out of it
    timer = response_timer(incident)
    assert timer.policy.name == policy
    assert timer.target == timedelta(minutes=minutes)
    assert (timer.status, timer.due_at) == (TimerStatus.RUNNING, due)


def test_the_channel_policy_counts_business_hours(policies, agent):
    """An email at 17:30 in Athens (15:30 UTC): half an hour today, an hour and a half
    tomorrow from 08:00 — due 09:30 Athens (07:30 UTC); the portal's hour ends 08:30."""
    late = datetime(2026, 11, 23, 15, 30, tzinfo=UTC)
    email = incident_create(title="Late mail", actor=agent, channel="email", impact=3, urgency=3, at=late)
    portal = incident_create(title="Late form", actor=agent, channel="portal", impact=3, urgency=3, at=late)
    assert response_timer(email).due_at == datetime(2026, 11, 24, 7, 30, tzinfo=UTC)
    assert response_timer(portal).due_at == datetime(2026, 11, 24, 6, 30, tzinfo=UTC)


def test_a_priority_policy_beats_the_channel_one(policies, agent):
    """P1 by email: both "P1" and "by email" match with one field each; a priority wins the tie."""
    incident = incident_create(title="Down, says the mail", actor=agent, channel="email", impact=1, urgency=1,
                               at=MONDAY)
    assert incident.priority == 1
    assert response_timer(incident).policy.name == "Incidents — P1"


def test_a_mail_to_the_desk_opens_an_email_incident_on_the_email_policy(policies, make_user):
    """The whole door: a message pushed to a mailbox opens an incident with channel=email,
    whose response timer runs on the 2-hour policy."""
    from mail.services.inbound import mail_receive  # the app below sla: only its test reaches down
    from mail.services.mailboxes import mailbox_save

    mailbox = mailbox_save(mailbox=None, actor=make_user(Role.ADMIN, username="mail-admin"), data={
        "name": "Support", "address": "support@channel-test.example", "protocol": "push", "creates": "incident",
        "create_contacts": True, "active": True})
    message = EmailMessage()
    message["From"] = "Customer <customer@example.org>"
    message["To"] = mailbox.address
    message["Subject"] = "The printer is on fire"
    message["Message-ID"] = "<channel-policy-1@example.org>"
    message.set_content("Please help.")
    outcome = mail_receive(mailbox=mailbox, raw=message.as_bytes())
    assert outcome.result == "created", outcome.reason
    incident = outcome.incident
    assert incident.channel == "email"
    timer = response_timer(incident)
    assert (timer.policy.name, timer.target) == ("Incidents — by email", timedelta(hours=2))
