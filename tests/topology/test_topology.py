"""The production topology of docs/operations.md on the loopback (issue 23): PgBouncer in
transaction pooling mode in front of the test database, two gunicorn instances, a worker on
the fast queue and one on the slow queue, Redis as the broker — real processes with the
production settings. Traffic goes through both web instances (incidents through the API, a
signed voice webhook, an alert); then the slow worker is killed with SIGKILL in the middle of
an SLA sweep and of a mail fetch (the real Dovecot of the mail tests), and the fast worker in
the middle of a notification batch and of a status page subscribers' mail; replacements take
over: nothing is lost and nothing is done twice. Bounded to a minute (stretched in proportion
on a machine busier than one load-average per core).

"In the middle" is made certain, not hoped for: the test holds a lock the task needs half-way
(a table lock, an uncommitted row with the key the task inserts next, the advisory lock of
a sender, a subscriber's uncommitted change), waits until PostgreSQL shows the worker's
statement waiting for it, and only then kills the worker. Tasks are acknowledged late, so the
broker hands the killed task to the replacement after the visibility timeout; what it finds
done must not be done again.
"""

from __future__ import annotations

import hashlib
import os
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

import psycopg
import pytest
import requests
from django.db import connection
from django.db.models import Count, F
from django.utils import timezone
from rest_framework.authtoken.models import Token
from twilio.request_validator import RequestValidator

from catalog.models import ContactPhone
from catalog.services import profile_for
from catalog.tests.factories import ContactFactory, ServiceFactory, TeamFactory, UserFactory
from contactcenter.models import Call, Line
from core.roles import Role
from incidents.models import Incident
from incidents.tests.factories import IncidentFactory, MajorIncidentFactory, StakeholderUpdateFactory
from mail.choices import Direction
from mail.models import Mailbox, MailMessage
from monitoring.models import Alert
from monitoring.tests.factories import TOKEN as ALERT_TOKEN
from monitoring.tests.factories import AlertSourceFactory
from notifications.models import Delivery, Notification, SmsMessage, StakeholderGroup
from sla.choices import EventKind, TimerStatus
from sla.models import SLAEscalation, SLAEvent, SLATimer
from sla.tests.factories import EscalationRuleFactory, PolicyFactory
from statuspage import services as statuspage
from statuspage.models import Subscriber, SubscriberNotice

from .cluster import PUBLIC_BASE_URL, SKIP_ENV, TWILIO_TOKEN, Budget, Topology

pytestmark = [pytest.mark.topology, pytest.mark.django_db(transaction=True)]

#: The whole test, processes started and stopped included (issue 23: bounded to a minute).
SECONDS = 60
MEMBERS = 4  # stakeholders told of each SLA escalation, by SMS and in the app
API_INCIDENTS = 6  # created through the API, half on each web instance
MAILS = 5
SUBSCRIBERS = 4  # of the status page, mailed a public update of a major incident


def _direct():
    """A connection straight to PostgreSQL (not through PgBouncer), outside Django's: the
    test's locks live in it."""
    params = connection.get_connection_params()
    return psycopg.connect(host=params.get("host") or "127.0.0.1", port=params.get("port") or 5432,
                           user=params.get("user"), password=params.get("password") or None,
                           dbname=connection.settings_dict["NAME"])


def _waiting(database: str, like: str, *, event_type: str = "Lock") -> bool:
    """Whether a backend of ``database`` waits on a lock while running a statement like ``like``."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND wait_event_type = %s "
                       "AND query ILIKE %s AND pid <> pg_backend_pid()", [database, event_type, like])
        return cursor.fetchone()[0] > 0


def _mail(n: int) -> bytes:
    message = EmailMessage()
    message["From"] = f"Customer {n} <customer{n}@topology.example>"
    message["To"] = "desk@example.test"
    message["Subject"] = f"Topology mail {n}"
    message["Date"] = format_datetime(timezone.now())
    message["Message-ID"] = make_msgid(domain="topology.example")
    message.set_content(f"Message number {n}.")
    return message.as_bytes()


def _sender_lock_key(address: str) -> int:
    """The advisory lock mail's inbound service takes before making a contact for ``address``."""
    return int.from_bytes(hashlib.sha256(address.encode()).digest()[:8], "big", signed=True)


def _insert_delivery(cursor, **values) -> None:
    """INSERT a delivery row with the ORM's own column values, in the test's own transaction."""
    row = Delivery(**values)
    fields = [f for f in Delivery._meta.concrete_fields if not f.primary_key]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    params = [f.get_db_prep_save(f.pre_save(row, True), connection) for f in fields]
    cursor.execute(f"INSERT INTO {Delivery._meta.db_table} ({columns}) "  # noqa: S608 - names from the model
                   f"VALUES ({', '.join(['%s'] * len(fields))})", params)


@pytest.fixture
def dovecot():
    from mail.tests.servers import SKIP_ENV as IMAP_SKIP
    from mail.tests.servers import Dovecot, MailServerMissing

    if os.environ.get(IMAP_SKIP) == "1":
        pytest.skip(f"{IMAP_SKIP}=1: the topology test needs Dovecot")
    try:
        server = Dovecot().start()
    except MailServerMissing as exc:
        pytest.fail(str(exc), pytrace=False)
    yield server
    server.cleanup()


@pytest.fixture
def desk():
    team = TeamFactory(name="Topology desk")
    agent = UserFactory(roles=[Role.AGENT], username="topology-agent")
    team.members.add(agent)
    service = ServiceFactory(name="Payments", owner_team=team)
    policy = PolicyFactory(response_minutes=60, resolution_minutes=480)
    group = StakeholderGroup.objects.create(name="Topology stakeholders")
    for n in range(MEMBERS):
        member = UserFactory(roles=[Role.MANAGER], username=f"stakeholder-{n}")
        profile = profile_for(member)
        profile.phone = f"+30693000000{n}"
        profile.save()
        group.members.add(member)
    EscalationRuleFactory(policy=policy, metric="response", at_percent=50, notify="group", group=group,
                          channels=["sms", "in_app"])
    line = Line.objects.create(number="+302100000077", name="Topology line", service=service)
    contact = ContactFactory(name="Eleni Topology")
    ContactPhone.objects.create(contact=contact, number="+306900000077")
    # A public update of a major incident, and the status page's subscribers to mail it to (the
    # test queues that mail itself: rows made here send no signal).
    major = MajorIncidentFactory(incident=IncidentFactory(service=service, is_major=True), summary="Payments down")
    update = StakeholderUpdateFactory(major_incident=major, audiences=["public"], body="Topology update.")
    subscribers = [Subscriber.objects.create(email=f"subscriber{n}@topology.example", confirmed_at=timezone.now())
                   for n in range(SUBSCRIBERS)]
    return {"agent": agent, "token": Token.objects.create(user=agent).key, "service": service, "line": line,
            "source": AlertSourceFactory(default_service=service), "update": update, "subscribers": subscribers}


def test_the_topology_loses_nothing_and_does_nothing_twice_when_workers_die(desk, dovecot):
    if os.environ.get(SKIP_ENV) == "1":
        pytest.skip(f"{SKIP_ENV}=1: the topology test is skipped")
    budget = Budget.stretched(SECONDS)
    database = connection.settings_dict["NAME"]
    account = dovecot.add_user()
    mailbox = Mailbox.objects.create(name="Topology IMAP", address=account.username, protocol="imap",
                                     host=account.host, port=account.port, username=account.username,
                                     password=account.password, use_tls=False, create_contacts=True,
                                     default_service=desk["service"])
    account.append_many(_mail(n) for n in range(MAILS))

    topology = Topology(database=database, budget=budget)
    try:
        topology.start_pgbouncer()
        ports = [topology.start_web("web-a"), topology.start_web("web-b")]
        topology.start_worker("fast", ["fast", "celery"], concurrency=2)  # (c) and (d) at once
        topology.start_worker("slow", ["slow"], concurrency=2)
        topology.wait_web(ports[0], "web-a")
        topology.wait_web(ports[1], "web-b")
        topology.wait_worker("fast")
        topology.wait_worker("slow")
        producer = topology.producer()
        _traffic(topology, ports, desk, budget)
        _kill_in_sweep_fetch_and_batch(topology, producer, database, budget, mailbox, account, desk)
    except AssertionError as exc:
        raise AssertionError(f"{exc}\n{topology.logs()}") from exc
    finally:
        topology.stop()
    assert budget.left() > 0


def _traffic(topology: Topology, ports: list[int], desk: dict, budget: Budget) -> None:
    """Incidents through the API on both web instances, a signed voice webhook, an alert."""
    session = requests.Session()
    session.headers["Authorization"] = f"Token {desk['token']}"
    numbers = []
    for n in range(API_INCIDENTS):
        response = session.post(f"http://127.0.0.1:{ports[n % 2]}/api/v1/incidents/", json={
            "title": f"Card payments failing {n}", "service": desk["service"].pk, "impact": 2, "urgency": 2,
            "channel": "portal"}, timeout=budget.left(20))
        assert response.status_code == 201, response.text
        numbers.append(response.json()["number"])
    assert len(set(numbers)) == API_INCIDENTS
    assert Incident.objects.filter(number__in=numbers).count() == API_INCIDENTS

    path = "/telephony/twilio/voice/"
    params = {"CallSid": "CAtopology0001", "From": "+306900000077", "To": desk["line"].number,
              "CallStatus": "ringing", "Direction": "inbound", "Caller": "+306900000077", "AccountSid": "AC1"}
    signature = RequestValidator(TWILIO_TOKEN).compute_signature(f"{PUBLIC_BASE_URL}{path}", params)
    response = requests.post(f"http://127.0.0.1:{ports[0]}{path}", data=params,
                             headers={"X-Twilio-Signature": signature}, timeout=budget.left(20))
    assert response.status_code == 200 and "Eleni Topology" in response.text, response.text
    assert Call.objects.filter(call_sid="CAtopology0001", line=desk["line"]).count() == 1

    alert = {"version": "4", "groupKey": "{}:{}", "status": "firing", "receiver": "servicedesk", "alerts": [{
        "status": "firing", "labels": {"alertname": "ProbeFailure", "instance": "pay1"},
        "annotations": {"summary": "Payments probe failing"}, "startsAt": "2030-02-06T13:08:45.828Z",
        "endsAt": "0001-01-01T00:00:00Z", "generatorURL": "http://prometheus.example.com/graph"}]}
    response = requests.post(f"http://127.0.0.1:{ports[1]}/api/v1/alert-sources/{desk['source'].pk}/events/",
                             json=alert, headers={"Authorization": f"Bearer {ALERT_TOKEN}"}, timeout=budget.left(20))
    assert response.status_code == 202, response.text
    assert Alert.objects.filter(source=desk["source"], incident__isnull=False).count() == 1

    # What the web tier queued on the fast queue (the notifications of the new incidents) is
    # sent by the fast worker.
    budget.wait_for("the incidents' notifications to be sent",
                    lambda: not Delivery.objects.filter(status="queued").exists(),
                    cap=20, every=0.2)


def _kill_in_sweep_fetch_and_batch(topology, producer, database, budget, mailbox, account, desk) -> None:
    members = list(StakeholderGroup.objects.get(name="Topology stakeholders").members.order_by("pk"))
    sender = _sender_lock_key("customer2@topology.example")
    inbound = MailMessage.objects.filter(mailbox=mailbox, direction=Direction.IN)

    with _direct() as blocker, blocker.cursor() as cursor:
        # (b) The fetch stores each message in its own transaction, then acknowledges it on
        # the server: the third sender's contact lock stops it there, two messages in.
        cursor.execute("SELECT pg_advisory_lock(%s)", [sender])
        blocker.commit()
        fetch = producer.send_task("mail.tasks.fetch_mailbox", args=[mailbox.pk])
        budget.wait_for("the fetch to wait half-way", lambda: _waiting(database, "%pg_advisory_xact_lock%"), cap=20)
        assert inbound.count() == 2

        # (a) Due now: every response target is missed and every escalation is due. The sweep
        # claims the due timers, marks them breached and then writes their breach events: the
        # table lock stops it there, in the middle of its transaction.
        now = timezone.now()
        running = SLATimer.objects.filter(status=TimerStatus.RUNNING, metric="response")
        due = list(running.values_list("pk", flat=True))
        assert len(due) >= API_INCIDENTS
        running.update(due_at=now - timezone.timedelta(minutes=1))
        SLAEscalation.objects.filter(fired_at__isnull=True, timer_id__in=due).update(
            fire_at=now - timezone.timedelta(minutes=2))
        escalations = list(SLAEscalation.objects.filter(fired_at__isnull=True, fire_at__lte=now)
                           .order_by("fire_at", "id").values_list("id", flat=True))
        assert len(escalations) == len(due)
        cursor.execute(f"LOCK TABLE {SLAEvent._meta.db_table} IN SHARE MODE")  # noqa: S608
        sweep = producer.send_task("sla.tasks.sweep")
        budget.wait_for("the sweep to wait half-way",
                        lambda: _waiting(database, f"%{SLAEvent._meta.db_table}%"), cap=20)
        topology.kill("slow")  # both tasks die in the middle
        topology.start_worker("slow-2", ["slow"], concurrency=2)
        blocker.rollback()  # the table is free again; the killed transactions never commit
        cursor.execute("SELECT pg_advisory_unlock(%s)", [sender])
        blocker.commit()
        # (c) The notification batch of the fired escalations (one task, in fire order) will
        # stop at the second escalation: its deliveries' keys are taken by our uncommitted rows.
        second = escalations[1]
        for member in members:
            _insert_delivery(cursor, channel="sms", user=member, recipient=profile_for(member).phone,
                             template="sla-escalation", subject="held", body="held",
                             idempotency_key=f"sla-escalation:{second}:sms:{member.pk}")
        # (d) The status page's mail of a public update, on the fast worker's other process: it
        # queues a notice per subscriber, claims them and mails them in order; the third
        # subscriber's change in flight (the sender reads each subscriber FOR SHARE) stops it
        # there: two mailed, two claimed and not sent.
        third = desk["subscribers"][2]
        cursor.execute(f"UPDATE {Subscriber._meta.db_table} SET language = 'el' WHERE id = %s",  # noqa: S608
                       [third.pk])
        producer.send_task("statuspage.tasks.notify_subscribers", args=[desk["update"].pk])
        topology.wait_worker("slow-2")
        # The broker gives the tasks the killed worker had taken to the new one.
        swept = sweep.get(timeout=budget.left(30), disable_sync_subtasks=False)
        assert swept == {"breached": len(due), "escalated": len(escalations)}
        budget.wait_for("the notification batch to wait half-way",
                        lambda: _waiting(database, f"%INSERT INTO%{Delivery._meta.db_table}%"), cap=20)
        # The first escalation was told, the batch waits in the second.
        assert SLAEscalation.objects.filter(notified_at__isnull=False).count() == 1
        budget.wait_for("the subscribers' mail to wait half-way",
                        lambda: _waiting(database, f"%{Subscriber._meta.db_table}%FOR SHARE%"), cap=20)
        notices = SubscriberNotice.objects.filter(update=desk["update"])
        assert notices.filter(sent_at__isnull=False).count() == 2
        assert notices.filter(sent_at__isnull=True, claimed_at__isnull=False).count() == SUBSCRIBERS - 2
        topology.kill("fast")
        # The task was blocked longer than the visibility timeout (4 s here), so the broker has
        # handed it again, to the worker's other process: that run found the notices claimed by
        # a live worker, sent none of them and asked to run again when their lease is over
        # ("Retry in 29x s"; in production, with an hour's visibility timeout, the killed task
        # itself comes back after the lease). Here the lease is made to have passed (the claims
        # as old as it) and the next run is queued at once: it takes over what the killed held.
        notices.filter(sent_at__isnull=True).update(
            claimed_at=F("claimed_at") - timezone.timedelta(seconds=statuspage.NOTICE_LEASE_SECONDS + 1))
        topology.start_worker("fast-2", ["fast", "celery"], concurrency=2)
        blocker.rollback()
    topology.wait_worker("fast-2")
    producer.send_task("statuspage.tasks.notify_subscribers", args=[desk["update"].pk])

    # (d) Every subscriber mailed, once: the two the killed worker held by the next run.
    budget.wait_for("the subscribers' mail to be sent", lambda: notices.filter(sent_at__isnull=True).count() == 0,
                    cap=30, every=0.2)
    logs = topology.processes["fast"].log.read_text(errors="replace") + \
        topology.processes["fast-2"].log.read_text(errors="replace")  # the console mail backend's output
    assert [logs.count(f"To: {s.email}") for s in desk["subscribers"]] == [1] * SUBSCRIBERS

    # (b) Every message became one ticket, once, and left the server.
    result = fetch.get(timeout=budget.left(30), disable_sync_subtasks=False)
    assert result["ran"] and not result["error"], result
    assert result["fetched"] == MAILS - 2
    assert inbound.count() == MAILS
    assert inbound.values("message_id").distinct().count() == MAILS
    subjects = list(Incident.objects.filter(title__startswith="Topology mail").values_list("title", flat=True))
    assert sorted(subjects) == [f"Topology mail {n}" for n in range(MAILS)]
    assert account.uids() == []  # each acknowledged and expunged on the server

    # (a) Each due timer breached once, each escalation fired once, with one event each.
    assert not SLATimer.objects.filter(pk__in=due, status=TimerStatus.RUNNING).exists()
    events = SLAEvent.objects.filter(kind__in=[EventKind.BREACH, EventKind.ESCALATION])
    per_timer = events.values("timer_id", "kind").annotate(n=Count("id"))
    assert {row["n"] for row in per_timer} == {1}
    assert events.filter(kind=EventKind.BREACH).count() == len(due)
    assert events.filter(kind=EventKind.ESCALATION).count() == len(escalations)
    assert SLAEscalation.objects.filter(pk__in=escalations, fired_at__isnull=False).count() == len(escalations)

    # (c) Every escalation told every stakeholder once by SMS and once in the app.
    mine = Delivery.objects.filter(template="sla-escalation")
    budget.wait_for("every escalation to be told", lambda: SLAEscalation.objects.filter(
        pk__in=escalations, notified_at__isnull=True).count() == 0 and mine.count() == len(escalations) * MEMBERS * 2
        and not mine.exclude(status="sent").exists(), cap=30, every=0.2)
    assert mine.count() == len(escalations) * MEMBERS * 2
    assert set(mine.values_list("attempts", flat=True)) == {1}
    sms = SmsMessage.objects.filter(to__in=[profile_for(m).phone for m in members])
    assert sms.count() == len(escalations) * MEMBERS
    assert sms.values("to", "body").distinct().count() == len(escalations) * MEMBERS
    assert Notification.objects.filter(delivery__template="sla-escalation").count() == len(escalations) * MEMBERS
