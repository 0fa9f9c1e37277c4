#!/usr/bin/env python
"""The contact center's Twilio webhooks at scale (issue 9): the incoming-call hook, the menu
choice and the status callbacks, with 10,000 → 1,000,000 contacts and a call log to match.

    .venv/bin/python bench/bench_contactcenter.py [--contacts 1000000] [--calls 2000] [--keep]

Works on its own PostgreSQL database (default ``servicedesk_cc_bench``; the name must end in
``_bench``), which it drops and creates afresh and migrates. Fixtures (ORM, a few rows): 25
services, 22 lines, 3 skills with a queue each, 50 agents with one or two skills each, 500
announcements of which 50 are active; the two lines measured are

* **line A** (``+302100000001``): a 3-option keypad menu (1 cards, 2 web hosting, 3 accounts:
  one queue each); no active announcement matches it (inactive ones do, on the line and on its
  service);
* **line B** (``+302100000002``): one of the 50 active announcements is on its service, so a
  caller hears it first (press 1 to continue).

For each stage (10,000, then ``--contacts``) the tables are loaded set-based, with one
``INSERT ... SELECT generate_series`` each (never the ORM row by row): customers (one per 10
contacts, 2 % VIP, 8 % gold), contacts, contact phones (E.164 Greek mobiles, 1.2 per contact);
then, after emptying the call tables, ``--past-calls-ratio`` × contacts past calls (30 days,
mostly line A; 80 % answered by one of the agents, 12 % abandoned, the rest deflected or missed)
with 4 status events each, one demand signal each, the agents' state log (3 stretches per
answered call) and a callback per abandoned call (97 % done); then ``VACUUM (ANALYZE)``.

Measured, every request a real one through ``django.test.Client`` (the whole middleware stack,
in-process), form-encoded and signed with twilio's ``RequestValidator`` for
``PUBLIC_BASE_URL`` + path + query (``TWILIO_AUTH_TOKEN`` and ``PUBLIC_BASE_URL`` overridden
here; the signature is computed before the timer starts, its check by the app is timed):

1. ``POST /telephony/twilio/voice/``: ``--calls`` calls to line A and a quarter as many to
   line B, from random known numbers (a fifth of them callers with a call in the repeat
   window), unknown valid numbers and withheld numbers (``anonymous``); median and p99 per line
   and caller kind; then a separate pass under ``CaptureQueriesContext`` for the queries.
2. ``POST /telephony/twilio/gather/?step=menu`` (keys 1–3) on line-A calls of known callers:
   routed straight to the longest-idle available agent with the queue's skill (each agent is
   then freed untimed: the dial hook ``completed`` and the agent back to available, as the
   console does), and, with every agent offline, to the queue (the caller waits).
3. ``POST /telephony/twilio/status/``: sequences 0..3 (initiated, ringing, in-progress,
   completed with a duration) for every call made above (answered, abandoned in the menu or
   the queue, deflected by the announcement), calls in random order; callbacks per second in
   this one process, and time and queries per callback by status.

``contactcenter.tasks.redirect_call.delay`` is replaced by a counter in this process (no
broker in the figures). It prints figures, never pass/fail on time. Without ``--keep`` the
database is dropped at the end. See ``bench/README.md`` for the latest figures.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from collections import Counter, defaultdict
from datetime import timedelta
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import urlencode

# The database, Django set-up and machine description are bench_contacts.py's; the statement
# labels are bench_incidents.py's (this script runs as ``python bench/bench_contactcenter.py``,
# so bench/ is on sys.path).
from bench_contacts import (
    drop_database,
    load_average,
    machine_line,
    migrate_fresh,
    quantile,
    recreate_database,
    setup_django,
)
from bench_incidents import statement_label

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/servicedesk_cc_bench"
TOKEN = "bench-auth-token-0123456789abcdef"
BASE = "https://desk.bench.example.test"
ACCOUNT = "AC" + "0" * 32
LINE_A, LINE_B = "+302100000001", "+302100000002"
OTHER_LINES = 20
SKILLS = ["cards", "hosting", "accounts"]
N_AGENTS = 50
ACTIVE_ANNOUNCEMENTS, INACTIVE_ANNOUNCEMENTS = 50, 450
#: Numbers never stored: synthetic mobiles from 99,000,000 up, and Lisbon landlines.
UNKNOWN_FROM = 99_000_000
SECOND_PHONE_OFFSET = 50_000_000

FIRST = [
    "Maria",
    "Eleni",
    "Katerina",
    "Georgia",
    "Sofia",
    "Anna",
    "Giorgos",
    "Dimitris",
    "Kostas",
    "Nikos",
    "Ana",
    "João",
    "Reza",
    "Maryam",
    "Emma",
    "Oliver",
]
LAST = [
    "Papadopoulou",
    "Nikolaidis",
    "Georgiou",
    "Oikonomou",
    "Dimitriou",
    "Silva",
    "Santos",
    "Ahmadi",
    "Smith",
    "Müller",
    "Rossi",
    "Dubois",
]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--contacts",
        type=int,
        default=1_000_000,
        help="Contacts at the last stage (default 1000000); a stage at 10000 comes first.",
    )
    parser.add_argument("--small", type=int, default=10_000, help="The first stage (0: none).")
    parser.add_argument(
        "--past-calls-ratio",
        type=float,
        default=0.3,
        help="Past calls per contact (default 0.3: 300,000 at 1,000,000 contacts).",
    )
    parser.add_argument(
        "--calls",
        type=int,
        default=2000,
        help="Timed voice-hook calls to line A per stage (line B gets a quarter as many).",
    )
    parser.add_argument("--gathers", type=int, default=800, help="Timed menu choices routed to an agent.")
    parser.add_argument("--queued", type=int, default=300, help="Timed menu choices with every agent offline.")
    parser.add_argument(
        "--status-calls",
        type=int,
        default=2000,
        help="Calls (of those made above, at random) that get their 4 status callbacks.",
    )
    parser.add_argument("--capture", type=int, default=40, help="Requests per kind in the query-count passes.")
    parser.add_argument(
        "--voice-only",
        action="store_true",
        help="Only the voice hook, before (the pre-issue-23 call_arrived, kept below) and after "
        "in the same run; no gather, status, EXPLAIN or prototypes.",
    )
    parser.add_argument(
        "--languages",
        action="store_true",
        help="Line A in Greek (<Say> with a Greek voice), line B in Persian with recorded prompts and "
        "its announcement recorded in Persian (<Play>), every queue recording calls (issue 22).",
    )
    parser.add_argument(
        "--hooks",
        action="store_true",
        help="Only the voice and gather hooks with languages and recordings (implies --languages; "
        "issue 22's goal): wall and CPU time per request, queries, load average, a profile.",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="Measure the kept database as it is (no drop, no load; implies --keep) when it holds "
        "--contacts contacts; else build it first.",
    )
    parser.add_argument(
        "--profile",
        type=int,
        default=0,
        help="With --hooks: cProfile this many requests per path and print where the CPU goes.",
    )
    parser.add_argument(
        "--source",
        help="With --reuse: run the app code of another checkout (e.g. `git archive` "
        "of an older commit) against the same database, for a before/after.",
    )
    parser.add_argument("--keep", action="store_true", help="Keep the benchmark database afterwards.")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_CC_DATABASE_URL", DEFAULT_URL),
        help=f"Benchmark database (default {DEFAULT_URL}; env BENCH_CC_DATABASE_URL).",
    )
    parser.add_argument("--seed", type=int, default=20261123)
    return parser.parse_args()


class DelayCounter:
    """Stands in for ``redirect_call.delay``: counts, queues nothing."""

    def __init__(self):
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1


# --- fixtures -----------------------------------------------------------------------------------


def make_fixtures(rng: random.Random) -> dict:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from catalog.models import AgentProfile, Service, Skill
    from contactcenter.models import Announcement, Line, MenuOption, Queue
    from core.roles import Role

    services = [Service.objects.create(name=f"Bench service {k:02d}") for k in range(25)]
    svc_a, svc_b, opt_services, others = services[0], services[1], services[2:5], services[5:]
    skills = [Skill.objects.create(name=name) for name in SKILLS]
    queues = [
        Queue.objects.create(name=name, skill=skill, priority=len(SKILLS) - k)
        for k, (name, skill) in enumerate(zip(SKILLS, skills, strict=True))
    ]
    line_a = Line.objects.create(
        number=LINE_A,
        name="Bench line A (menu)",
        service=svc_a,
        queue=queues[0],
        greeting="Welcome to the bank's service desk.",
    )
    line_b = Line.objects.create(
        number=LINE_B,
        name="Bench line B (announcement)",
        service=svc_b,
        queue=queues[0],
        greeting="Welcome to online banking support.",
    )
    for digit, (label, queue, service) in enumerate(
        zip(["cards", "web hosting", "accounts"], queues, opt_services, strict=True), start=1
    ):
        MenuOption.objects.create(line=line_a, digit=str(digit), label=label, queue=queue, service=service)
    for line in (line_b,):
        for digit, (label, queue) in enumerate(zip(["cards", "web hosting", "accounts"], queues, strict=True), 1):
            MenuOption.objects.create(line=line, digit=str(digit), label=label, queue=queue)
    other_lines = [
        Line.objects.create(
            number=f"+3021000001{k:02d}",
            name=f"Bench line {k:02d}",
            service=others[k % len(others)],
            queue=queues[k % 3],
        )
        for k in range(OTHER_LINES)
    ]
    now = timezone.now()
    # 450 inactive announcements (past major incidents), some on line A and its services; 49
    # active ones on the other lines and services; one active on line B's service.
    for k in range(INACTIVE_ANNOUNCEMENTS):
        a = Announcement.objects.create(
            message=f"Past outage {k}.", active=False, created_at=now - timedelta(days=1 + k)
        )
        a.lines.add(line_a if k % 10 == 0 else rng.choice(other_lines))
        a.services.add(rng.choice([svc_a, *opt_services, *others]))
    for k in range(ACTIVE_ANNOUNCEMENTS - 1):
        a = Announcement.objects.create(
            message=f"Known problem {k}: we are working on it.", created_at=now - timedelta(minutes=5 + k)
        )
        a.lines.add(other_lines[k % OTHER_LINES])
        a.services.add(others[k % len(others)])
    announced = Announcement.objects.create(
        message="Online banking is down. We are fixing it.", created_at=now - timedelta(minutes=1)
    )
    announced.services.add(svc_b)

    User = get_user_model()  # noqa: N806
    group = Group.objects.get(name=Role.AGENT)
    agents = []
    for k in range(N_AGENTS):
        user = User.objects.create(username=f"bench-agent-{k + 1:02d}", first_name="Agent", last_name=str(k + 1))
        user.groups.add(group)
        profile = AgentProfile.objects.create(user=user)
        own = [skills[k % 3]] + ([skills[(k + 1) % 3]] if k % 2 else [])  # 1 or 2 skills; ≥ 16 per skill
        profile.skills.set(own)
        agents.append(user)
    return {
        "line_a": line_a,
        "line_b": line_b,
        "others": other_lines,
        "queues": queues,
        "agents": agents,
        "services": services,
    }


def configure_languages(fx: dict) -> None:
    """``--languages`` (issue 22.1, 22.3): line A speaks Greek, line B is Persian and plays its
    recorded prompts and its announcement's Persian recording, every queue records its calls
    (the caller hears the notice, the agent's <Dial> records)."""
    from contactcenter.models import Announcement, Line, Queue
    from contactcenter.prompts import prompt_recording_save
    from contactcenter.telephony import OUTBOX_WAV

    Line.objects.filter(pk=fx["line_a"].pk).update(language="el")
    Line.objects.filter(pk=fx["line_b"].pk).update(language="fa")
    line_b = Line.objects.get(pk=fx["line_b"].pk)
    for key in ("greeting", "hello", "vip", "menu", "account", "announcement_continue", "goodbye"):
        prompt_recording_save(line=line_b, key=key, content=OUTBOX_WAV, content_type="audio/wav")
    announced = Announcement.objects.filter(active=True, services=line_b.service_id).first()
    prompt_recording_save(announcement=announced, language="fa", content=OUTBOX_WAV, content_type="audio/wav")
    Queue.objects.update(record_calls=True)


# --- set-based loads ----------------------------------------------------------------------------

LOAD_CUSTOMERS = """
INSERT INTO catalog_customer (id, name, tier, account_number, notes, created_at)
SELECT i, 'Bench customer ' || i,
       CASE WHEN i %% 50 = 0 THEN 'vip' WHEN i %% 50 < 5 THEN 'gold' ELSE 'standard' END,
       (90000000 + i)::text, '', now() - interval '400 days'
FROM generate_series(%(lo)s, %(hi)s) AS i
"""
LOAD_CONTACTS = """
INSERT INTO catalog_contact (id, name, email, pin_hash, language, created_at, customer_id)
SELECT i, (%(first)s::text[])[1 + i %% cardinality(%(first)s::text[])] || ' '
          || (%(last)s::text[])[1 + (i / 7) %% cardinality(%(last)s::text[])] || ' ' || i,
       'c' || i || '@load.example.test', '', '', now() - interval '300 days', 1 + (i - 1) / 10
FROM generate_series(%(lo)s, %(hi)s) AS i
"""
# Phone i (position 0) is +3069 + i on 8 digits; every 5th contact has a second one at +3069 + 50,000,000 + i.
LOAD_PHONES = """
INSERT INTO catalog_contactphone (number, position, contact_id)
SELECT '+3069' || lpad(i::text, 8, '0'), 0, i FROM generate_series(%(lo)s, %(hi)s) AS i
UNION ALL
SELECT '+3069' || lpad((50000000 + i)::text, 8, '0'), 1, i FROM generate_series(%(lo)s, %(hi)s) AS i WHERE i %% 5 = 0
"""

# Past calls over the 30 days before now: k picks the caller (a contact, 10 % an unknown number, 3 %
# withheld), the line (70 % A, 10 % B, the rest the other lines), the outcome and the agent.
LOAD_CALLS = """
INSERT INTO contactcenter_call (
    call_sid, direction, from_number, to_number, status, outcome, continued, last_sequence, started_at, answered_at,
    ended_at, talk_seconds, wait_seconds, contact_id, customer_id, line_id, account_number, after_hours, pin_tries,
    agent_id, hold_seconds, priority, queued_at, service_id, queue_id, transfers, wrap_up_seconds, announcement_id)
SELECT 'CAP' || lpad(r.i::text, 31, '0'), 'inbound',
       CASE WHEN r.who < 0.03 THEN 'anonymous'
            WHEN r.who < 0.13 THEN '+35121' || lpad((r.i %% 10000000)::text, 7, '0')
            ELSE '+3069' || lpad(r.contact::text, 8, '0') END,
       l.number, 'completed', r.outcome, false, 3, r.started,
       CASE WHEN r.outcome = 'answered' THEN r.started + interval '40 seconds' END,
       r.started + interval '5 minutes',
       CASE WHEN r.outcome = 'answered' THEN 240 END,
       CASE WHEN r.outcome IN ('answered', 'abandoned') THEN 40 END,
       CASE WHEN r.who >= 0.13 THEN r.contact END,
       CASE WHEN r.who >= 0.13 THEN 1 + (r.contact - 1) / 10 END,
       l.id, '', false, 0,
       CASE WHEN r.outcome = 'answered' THEN (%(agents)s::int[])[r.agent] END,
       0, 0, r.started + interval '20 seconds', l.service_id, l.queue_id, 0,
       CASE WHEN r.outcome = 'answered' THEN 30 END,
       NULL
FROM (
    SELECT i, random() AS who, 1 + floor(random() * %(contacts)s)::bigint AS contact,
           %(now)s - interval '10 minutes' - random() * interval '30 days' AS started,
           CASE WHEN i %% 10 < 7 THEN 1 WHEN i %% 10 = 7 THEN 2 ELSE 3 + i %% (cardinality(%(lines)s::bigint[]) - 2) END
               AS line,
           CASE WHEN i %% 100 < 80 THEN 'answered' WHEN i %% 100 < 92 THEN 'abandoned'
                WHEN i %% 100 < 97 THEN 'deflected' ELSE 'missed' END AS outcome,
           1 + floor(random() * cardinality(%(agents)s::int[]))::int AS agent
    FROM generate_series(1, %(n)s) AS i
) AS r
JOIN contactcenter_line AS l
  ON l.id = (%(lines)s::bigint[])[greatest(1, least(r.line, cardinality(%(lines)s::bigint[])))]
"""
LOAD_EVENTS = """
INSERT INTO contactcenter_callevent (call_id, sequence, status, at, duration, received_at)
SELECT c.id, s.seq, (ARRAY['initiated', 'ringing', 'in-progress', 'completed'])[s.seq + 1],
       c.started_at + s.seq * interval '1 second', CASE WHEN s.seq = 3 THEN 300 END,
       c.started_at + s.seq * interval '1 second'
FROM contactcenter_call AS c CROSS JOIN generate_series(0, 3) AS s(seq)
"""
LOAD_DEMAND = """
INSERT INTO incidents_demandsignal (service_id, source, reference, at)
SELECT service_id, 'call', call_sid, started_at FROM contactcenter_call WHERE service_id IS NOT NULL
"""
LOAD_AGENT_LOG = """
INSERT INTO contactcenter_agentstatelog (user_id, state, started_at, ended_at, call_id)
SELECT c.agent_id, s.state, c.started_at + s.off, c.started_at + s.off + s.len, c.id
FROM contactcenter_call AS c
CROSS JOIN (VALUES ('busy', interval '20 seconds', interval '260 seconds'),
                   ('wrap_up', interval '280 seconds', interval '30 seconds'),
                   ('available', interval '310 seconds', interval '60 seconds')) AS s(state, off, len)
WHERE c.agent_id IS NOT NULL
"""
LOAD_CALLBACKS = """
INSERT INTO contactcenter_callback (call_id, contact_id, number, reason, recording_url, status, created_at, done_at,
                                    agent_id)
SELECT c.id, c.contact_id, c.from_number, 'abandoned', '',
       CASE WHEN c.id %% 33 = 0 THEN 'open' ELSE 'done' END, c.ended_at,
       CASE WHEN c.id %% 33 = 0 THEN NULL ELSE c.ended_at + interval '2 hours' END,
       (%(agents)s::int[])[1 + c.id %% cardinality(%(agents)s::int[])]
FROM contactcenter_call AS c WHERE c.outcome = 'abandoned'
"""
CALL_TABLES = (
    "contactcenter_callevent, contactcenter_callback, contactcenter_historicalcallback, "
    "contactcenter_agentstatelog, contactcenter_calltransfer, contactcenter_telephonyrequest, "
    "contactcenter_agentstate, contactcenter_call, incidents_demandsignal"
)


def timed_sql(cursor, sql: str, params=None) -> tuple[int, float]:
    started = time.perf_counter()
    cursor.execute(sql, params)
    return cursor.rowcount, time.perf_counter() - started


def grow_contacts(current: int, target: int) -> list[str]:
    from django.db import connection

    out = []
    with connection.cursor() as cursor:
        lo_c, hi_c = current // 10 + 1, (target + 9) // 10
        for label, sql, params in (
            ("catalog_customer", LOAD_CUSTOMERS, {"lo": lo_c, "hi": hi_c}),
            ("catalog_contact", LOAD_CONTACTS, {"lo": current + 1, "hi": target, "first": FIRST, "last": LAST}),
            ("catalog_contactphone", LOAD_PHONES, {"lo": current + 1, "hi": target}),
        ):
            rows, seconds = timed_sql(cursor, sql, params)
            out.append(f"{label}: {rows:,} rows in {seconds:.1f} s ({rows / max(seconds, 1e-9):,.0f} rows/s)")
        for table in ("catalog_customer", "catalog_contact"):
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
    return out


def load_calls(contacts: int, n: int, fx: dict) -> list[str]:
    """Empty the call tables; load ``n`` past calls with their events, demand, agent log and callbacks."""
    from django.db import connection
    from django.utils import timezone

    from contactcenter import routing

    lines = [fx["line_a"].pk, fx["line_b"].pk, *[line.pk for line in fx["others"]]]
    agents = [u.pk for u in fx["agents"]]
    out = []
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {CALL_TABLES} CASCADE")  # crm_opportunity refers to calls
        params = {"n": n, "contacts": contacts, "now": timezone.now(), "lines": lines, "agents": agents}
        # Columns added since the loaders were written (no database default): theirs here.
        cursor.execute(
            "ALTER TABLE contactcenter_call ALTER from_raw SET DEFAULT '', "
            "ALTER input_flags SET DEFAULT '[]'::jsonb, "
            # issue 22: the recording notice (CC-A), the outbound call's fields (CC-B)
            "ALTER recording_notice SET DEFAULT false, ALTER outbound_error SET DEFAULT '', "
            "ALTER ticket_kind SET DEFAULT ''"
        )
        for label, sql in (
            ("contactcenter_call", LOAD_CALLS),
            ("contactcenter_callevent", LOAD_EVENTS),
            ("incidents_demandsignal", LOAD_DEMAND),
            ("contactcenter_agentstatelog", LOAD_AGENT_LOG),
            ("contactcenter_callback", LOAD_CALLBACKS),
        ):
            rows, seconds = timed_sql(cursor, sql, params if "%(" in sql else None)
            out.append(f"{label}: {rows:,} rows in {seconds:.1f} s")
        # Announced calls: the deflected past calls heard line B's announcement.
        cursor.execute(
            "UPDATE contactcenter_call SET announcement_id = (SELECT max(id) "
            " FROM contactcenter_announcement)"
            " WHERE outcome = 'deflected'"
        )
    for user in fx["agents"]:  # the agents at work: available (their open stretch begins now)
        routing.agent_set_state(user=user, state="available")
    return out


def vacuum_analyze() -> float:
    from django.db import connection

    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            "VACUUM (ANALYZE) catalog_customer, catalog_contact, catalog_contactphone, contactcenter_call, "
            "contactcenter_callevent, contactcenter_callback, contactcenter_agentstatelog, "
            "contactcenter_agentstate, incidents_demandsignal, contactcenter_announcement, "
            "contactcenter_announcement_lines, contactcenter_announcement_services"
        )
    return time.perf_counter() - started


# --- requests -----------------------------------------------------------------------------------


class Twilio:
    """Signed, form-encoded requests as Twilio sends them, through django.test.Client."""

    def __init__(self):
        from django.test import Client
        from django.urls import reverse
        from twilio.request_validator import RequestValidator

        self.client = Client(HTTP_HOST="localhost")
        self.validator = RequestValidator(TOKEN)
        self.paths = {name: reverse(f"telephony:{name}") for name in ("voice", "gather", "status", "dial")}

    def prepare(self, name: str, params: dict, query: str = "") -> tuple:
        path = self.paths[name] + (f"?{query}" if query else "")
        signature = self.validator.compute_signature(f"{BASE}{path}", params)
        return path, urlencode(params), signature

    def send(self, prepared: tuple):
        path, body, signature = prepared
        response = self.client.post(
            path, body, content_type="application/x-www-form-urlencoded", HTTP_X_TWILIO_SIGNATURE=signature
        )
        if response.status_code != 200:
            raise SystemExit(f"POST {path} answered {response.status_code}: {response.content[:300]!r}")
        return response


def voice_params(sid: str, caller: str, to: str) -> dict:
    return {
        "AccountSid": ACCOUNT,
        "ApiVersion": "2010-04-01",
        "CallSid": sid,
        "CallStatus": "ringing",
        "Called": to,
        "CalledCountry": "GR",
        "Caller": caller,
        "CallerCountry": "GR" if caller[:3] == "+30" else "",
        "Direction": "inbound",
        "From": caller,
        "FromCountry": "GR" if caller[:3] == "+30" else "",
        "To": to,
        "ToCountry": "GR",
    }


def status_params(sid: str, seq: int, status: str, caller: str, to: str, duration: int | None) -> dict:
    from django.utils import timezone

    params = {
        "AccountSid": ACCOUNT,
        "ApiVersion": "2010-04-01",
        "CallSid": sid,
        "CallStatus": status,
        "CallbackSource": "call-progress-events",
        "Called": to,
        "Caller": caller,
        "Direction": "inbound",
        "From": caller,
        "SequenceNumber": str(seq),
        "Timestamp": format_datetime(timezone.now()),
        "To": to,
    }
    if duration is not None:
        params["CallDuration"] = str(duration)
    return params


class Callers:
    """Caller IDs: known (random stored numbers; some with a call in the repeat window), unknown, withheld."""

    def __init__(self, contacts: int, rng: random.Random):
        from django.conf import settings
        from django.db import connection
        from django.utils import timezone

        self.contacts, self.rng = contacts, rng
        since = timezone.now() - timedelta(hours=settings.CONTACT_CENTER_REPEAT_WINDOW_HOURS)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT DISTINCT from_number FROM contactcenter_call WHERE started_at >= %s "
                "AND contact_id IS NOT NULL LIMIT 5000",
                [since],
            )
            self.recent = [row[0] for row in cursor.fetchall()]
        self.unknown = 0

    def pick(self) -> tuple[str, str]:
        x = self.rng.random()
        if x < 0.05:
            return "withheld", "anonymous"
        if x < 0.20:
            self.unknown += 1
            if self.unknown % 2:
                return "unknown", f"+3069{UNKNOWN_FROM + self.rng.randrange(10**6):08d}"
            return "unknown", f"+35121{self.rng.randrange(10**7):07d}"
        if x < 0.36 and self.recent:
            return "known, repeat", self.rng.choice(self.recent)
        k = self.rng.randrange(1, self.contacts + 1)
        if k % 5 == 0 and self.rng.random() < 0.5:
            return "known", f"+3069{SECOND_PHONE_OFFSET + k:08d}"
        return "known", f"+3069{k:08d}"


def summarize(times: list[float]) -> dict:
    return {
        "n": len(times),
        "median": statistics.median(times),
        "p99": quantile(times, 99) if len(times) >= 2 else times[0],
        "mean": statistics.fmean(times),
    }


def fmt(m: dict) -> str:
    return f"{m['n']:>5} requests, median {m['median']:6.2f} ms, p99 {m['p99']:6.2f} ms"


def captured_request(tw: Twilio, prepared: tuple) -> tuple[int, list[str], float]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        tw.send(prepared)
    sql_ms = sum(float(q["time"]) * 1000 for q in ctx.captured_queries)
    return len(ctx), [q["sql"] for q in ctx.captured_queries], sql_ms


def count_summary(counts: list[int]) -> str:
    return ", ".join(f"{q} queries × {n}" for q, n in sorted(Counter(counts).items()))


class Stage:
    def __init__(self, contacts: int, fx: dict, args, rng: random.Random, delay: DelayCounter):
        self.contacts, self.fx, self.args, self.rng, self.delay = contacts, fx, args, rng, delay
        self.tw = Twilio()
        self.callers = Callers(contacts, rng)
        self.calls: dict[str, dict] = {}  # sid → caller, to, kind, line, path
        self.seq = 0
        self.results: dict = {}
        self.run = f"{int(time.time()) % 10**8:08d}"  # a kept database is measured again: new SIDs each run

    def new_sid(self, tag: str) -> str:
        self.seq += 1
        return f"CA{tag}{self.contacts:07d}{self.run}{self.seq:08d}".ljust(34, "0")

    # 1. the incoming-call hook
    def voice(self, line: str, n: int, capture: bool = False) -> dict:
        by_kind: dict[str, list] = defaultdict(list)
        todo = []
        for _ in range(n):
            kind, caller = self.callers.pick()
            sid = self.new_sid("V" if not capture else "Q")
            self.calls[sid] = {"caller": caller, "to": line, "kind": kind, "line": "A" if line == LINE_A else "B"}
            todo.append((sid, kind, self.tw.prepare("voice", voice_params(sid, caller, line))))
        for _sid, kind, prepared in todo:
            if capture:
                count, sqls, sql_ms = captured_request(self.tw, prepared)
                by_kind[kind].append((count, sqls, sql_ms))
            else:
                started = time.perf_counter()
                response = self.tw.send(prepared)
                by_kind[kind].append((time.perf_counter() - started) * 1000)
                expected = (
                    b"step=menu"
                    if line == LINE_A and kind.startswith("known")
                    else (b"step=account" if line == LINE_A else b"step=announcement")
                )
                if expected not in response.content:
                    raise SystemExit(f"voice {kind} on {line}: {response.content[:300]!r}")
        return dict(by_kind)

    def bench_voice_before(self) -> None:
        """The same passes with the call_arrived of before issue 23 (``legacy_call_arrived``)."""
        from contactcenter import services

        current = services.call_arrived
        services.call_arrived = legacy_call_arrived
        try:
            self.bench_voice()
        finally:
            services.call_arrived = current
        self.results["before"] = {"voice": self.results.pop("voice"), "voice_q": self.results.pop("voice_q")}

    def bench_voice(self) -> None:
        a_n, b_n = self.args.calls, max(1, self.args.calls // 4)
        warm = [
            self.tw.prepare("voice", voice_params(self.new_sid("W"), self.callers.pick()[1], LINE_A)) for _ in range(30)
        ]
        for prepared in warm:
            self.tw.send(prepared)
        self.results["voice"] = {"A": self.voice(LINE_A, a_n), "B": self.voice(LINE_B, b_n)}
        cap = self.args.capture
        self.results["voice_q"] = {
            "A": self.voice(LINE_A, cap * 3, capture=True),
            "B": self.voice(LINE_B, cap, capture=True),
        }

    # 2. the menu choice
    def gather_calls(self, n: int) -> list[str]:
        """New line-A calls from known callers (the voice hook untimed): they are at the menu."""
        sids = []
        while len(sids) < n:
            kind, caller = self.callers.pick()
            if not kind.startswith("known"):
                continue
            sid = self.new_sid("G")
            self.calls[sid] = {"caller": caller, "to": LINE_A, "kind": kind, "line": "A"}
            self.tw.send(self.tw.prepare("voice", voice_params(sid, caller, LINE_A)))
            sids.append(sid)
        return sids

    def bench_gather(self) -> None:
        from django.contrib.auth import get_user_model

        from contactcenter import routing

        User = get_user_model()  # noqa: N806
        n, cap = self.args.gathers, self.args.capture
        to_agent, q_counts, q_sql, statements = [], [], [], None
        sids = self.gather_calls(n + cap + 10)
        for k, sid in enumerate(sids):
            digit = str(1 + self.rng.randrange(3))
            prepared = self.tw.prepare(
                "gather",
                {"AccountSid": ACCOUNT, "CallSid": sid, "Digits": digit, "FinishedOnKey": "", "msg": "Gather End"},
                "step=menu",
            )
            if k < 10:
                self.tw.send(prepared)  # warm-up
            elif k < 10 + n:
                started = time.perf_counter()
                response = self.tw.send(prepared)
                to_agent.append((time.perf_counter() - started) * 1000)
                if b"<Client>" not in response.content:
                    raise SystemExit(f"gather did not reach an agent: {response.content[:300]!r}")
            else:
                count, sqls, sql_ms = captured_request(self.tw, prepared)
                q_counts.append(count)
                q_sql.append(sql_ms)
                statements = statements or sqls
            self.calls[sid]["path"] = "agent"
            # Untimed: the agent talks, hangs up (dial hook: wrap-up), and is ready again (the console).
            self.tw.send(
                self.tw.prepare(
                    "dial",
                    {
                        "AccountSid": ACCOUNT,
                        "CallSid": sid,
                        "DialCallStatus": "completed",
                        "DialCallDuration": str(60 + self.rng.randrange(400)),
                    },
                )
            )
            from contactcenter.models import Call

            agent_id = Call.objects.filter(call_sid=sid).values_list("agent_id", flat=True).get()
            routing.agent_set_state(user=User(pk=agent_id), state="available")
        self.results["gather_agent"] = {
            "times": to_agent,
            "counts": q_counts,
            "sql_ms": q_sql,
            "statements": statements,
        }

        # Every agent offline: the callers wait in the queue.
        for user in self.fx["agents"]:
            routing.agent_set_state(user=user, state="offline")
        nq = self.args.queued
        to_queue, q_counts, q_sql, statements = [], [], [], None
        for k, sid in enumerate(self.gather_calls(nq + cap)):
            prepared = self.tw.prepare(
                "gather",
                {
                    "AccountSid": ACCOUNT,
                    "CallSid": sid,
                    "Digits": str(1 + k % 3),
                    "FinishedOnKey": "",
                    "msg": "Gather End",
                },
                "step=menu",
            )
            if k < nq:
                started = time.perf_counter()
                response = self.tw.send(prepared)
                to_queue.append((time.perf_counter() - started) * 1000)
                if b"<Enqueue" not in response.content:
                    raise SystemExit(f"gather did not queue: {response.content[:300]!r}")
            else:
                count, sqls, sql_ms = captured_request(self.tw, prepared)
                q_counts.append(count)
                q_sql.append(sql_ms)
                statements = statements or sqls
            self.calls[sid]["path"] = "queue"
        self.results["gather_queue"] = {
            "times": to_queue,
            "counts": q_counts,
            "sql_ms": q_sql,
            "statements": statements,
        }
        for user in self.fx["agents"]:  # back at work: each takes a waiting caller (redirected, counted)
            routing.agent_set_state(user=user, state="available")

    # 3. status callbacks
    def bench_status(self) -> None:
        from contactcenter.models import Call

        sids = list(self.calls)
        self.rng.shuffle(sids)
        sids = sids[: self.args.status_calls]
        outcomes_before = dict(Call.objects.filter(call_sid__in=sids).values_list("call_sid", "agent_id"))
        self.rng.shuffle(sids)
        cap_n = min(len(sids) // 5, self.args.capture * 5)
        timed_sids, cap_sids = sids[cap_n:], sids[:cap_n]
        statuses = ["initiated", "ringing", "in-progress", "completed"]

        def prepared_for(sid):
            c = self.calls[sid]
            return [
                self.tw.prepare(
                    "status",
                    status_params(
                        sid, seq, st, c["caller"], c["to"], 30 + self.rng.randrange(600) if seq == 3 else None
                    ),
                )
                for seq, st in enumerate(statuses)
            ]

        batches = [(sid, prepared_for(sid)) for sid in timed_sids]
        by_status: dict[str, list] = defaultdict(list)
        final_by_kind: dict[str, list] = defaultdict(list)
        delay_before = self.delay.calls
        started_all = time.perf_counter()
        for sid, reqs in batches:
            for seq, prepared in enumerate(reqs):
                started = time.perf_counter()
                self.tw.send(prepared)
                ms = (time.perf_counter() - started) * 1000
                by_status[statuses[seq]].append(ms)
                if seq == 3:
                    final_by_kind[self.final_kind(sid, outcomes_before)].append(ms)
        wall = time.perf_counter() - started_all
        counts: dict[str, list] = defaultdict(list)
        final_counts: dict[str, list] = defaultdict(list)
        stmts: dict[str, list] = {}
        for sid in cap_sids:
            for seq, prepared in enumerate(prepared_for(sid)):
                count, sqls, _ms = captured_request(self.tw, prepared)
                counts[statuses[seq]].append(count)
                if seq == 3:
                    kind = self.final_kind(sid, outcomes_before)
                    final_counts[kind].append(count)
                    stmts.setdefault(kind, sqls)
        outcomes = Counter(Call.objects.filter(call_sid__in=timed_sids).values_list("outcome", flat=True))
        self.results["status"] = {
            "n": 4 * len(timed_sids),
            "calls": len(timed_sids),
            "wall": wall,
            "by_status": dict(by_status),
            "final_by_kind": dict(final_by_kind),
            "counts": dict(counts),
            "final_counts": dict(final_counts),
            "stmts": stmts,
            "outcomes": dict(outcomes),
            "redirects": self.delay.calls - delay_before,
        }

    def final_kind(self, sid: str, agents: dict) -> str:
        c = self.calls[sid]
        if c["line"] == "B":
            return "deflected (line B, announcement)"
        path = c.get("path")
        if path == "agent":
            return "answered by an agent"
        if path == "queue":
            return "waited in the queue" + (" (then given an agent)" if agents.get(sid) else "")
        return "hung up at the menu/account prompt"


# --- printing -----------------------------------------------------------------------------------


def print_statements(sqls: list[str] | None, indent: str = "      ") -> None:
    if not sqls:
        return
    labels = [statement_label(s) for s in sqls]
    out = []
    # Runs of the same label collapsed: "n × label".
    k = 0
    while k < len(labels):
        j = k
        while j + 1 < len(labels) and labels[j + 1] == labels[k]:
            j += 1
        out.append(f"{j - k + 1} × {labels[k]}" if j > k else labels[k])
        k = j + 1
    text = "; ".join(out)
    while text:
        cut = text.rfind("; ", 0, 150) if len(text) > 150 else len(text)
        cut = cut if cut > 0 else len(text)
        print(f"{indent}{text[:cut]}")
        text = text[cut + 2 :]


def legacy_call_arrived(*, call_sid, from_number, to_number, direction="inbound", at=None, from_raw="", flags=None):
    """``contactcenter.services.call_arrived`` as it was before issue 23 (12 statements for a
    known caller on a menu line), for the before/after of ``--voice-only``."""
    from django.conf import settings
    from django.db import IntegrityError, transaction
    from django.utils import timezone

    from catalog.phone import try_normalize_phone
    from catalog.selectors import contact_by_phone
    from contactcenter.models import Call, Line
    from contactcenter.services import _with_flags
    from incidents.services import demand_record

    def previous(contact, number, when):
        since = when - timedelta(hours=settings.CONTACT_CENTER_REPEAT_WINDOW_HOURS)
        calls = Call.objects.filter(started_at__gte=since, started_at__lte=when).order_by("-started_at")
        if contact is not None:
            calls = calls.filter(contact=contact)
        elif try_normalize_phone(number):
            calls = calls.filter(from_number=number[:32])
        else:
            return None
        return calls.values_list("pk", flat=True).first()

    existing = Call.objects.select_related("line", "contact", "customer").filter(call_sid=call_sid).first()
    if existing is not None:
        return existing, False
    line = Line.objects.filter(number=to_number, is_active=True).select_related("service", "queue").first()
    contact = contact_by_phone(from_number) if from_number else None
    at = at or timezone.now()
    try:
        with transaction.atomic():
            call = Call.objects.create(
                call_sid=call_sid,
                direction=direction,
                from_number=from_number[:32],
                from_raw=from_raw[:64],
                input_flags=_with_flags([], flags),
                to_number=to_number[:32],
                line=line,
                contact=contact,
                customer=contact.customer if contact else None,
                started_at=at,
                service_id=line.service_id if line else None,
                repeat_of_id=previous(contact, from_number, at),
            )
    except IntegrityError:
        return Call.objects.select_related("line", "contact", "customer").get(call_sid=call_sid), False
    if line is not None and line.service_id:
        demand_record(service=line.service_id, source="call", reference=call_sid, at=call.started_at)
    return call, True


def print_voice_before_after(r: dict) -> None:
    print("  voice hook before / after issue 23 (same database, same run; median / p99 ms; statements):")
    for line in ("A", "B"):
        for label, part in (("before", r["before"]), ("after", r)):
            times = [t for ts in part["voice"][line].values() for t in ts]
            counts = {kind: count_summary([c for c, _s, _m in q]) for kind, q in sorted(part["voice_q"][line].items())}
            print(
                f"    line {line} {label:<6} {fmt(summarize(times))}; "
                + "; ".join(f"{k}: {v}" for k, v in counts.items())
            )


def print_stage(stage: int, r: dict) -> None:
    print("  1. POST /telephony/twilio/voice/ (timed; queries from a separate pass of new calls)")
    for line in ("A", "B"):
        label = (
            "line A, no active announcement (→ menu / account prompt)"
            if line == "A"
            else "line B, an active announcement on its service (→ announcement)"
        )
        all_times = [t for times in r["voice"][line].values() for t in times]
        print(f"    {label}: {fmt(summarize(all_times))}")
        for kind in sorted(r["voice"][line]):
            times = r["voice"][line][kind]
            q = r["voice_q"][line].get(kind, [])
            counts = count_summary([c for c, _s, _m in q]) if q else "-"
            sql = statistics.median([m for _c, _s, m in q]) if q else 0
            print(f"      {kind:<14} {fmt(summarize(times))}; {counts}; SQL median {sql:.2f} ms")
        for kind in ("known", "withheld"):
            q = r["voice_q"][line].get(kind)
            if q:
                print(f"      statements ({kind}):")
                print_statements(q[-1][1], "        ")
    print("  2. POST /telephony/twilio/gather/?step=menu")
    for key, label in (
        ("gather_agent", "to an available agent (50 available)"),
        ("gather_queue", "to the queue (every agent offline)"),
    ):
        g = r[key]
        sql = statistics.median(g["sql_ms"]) if g["sql_ms"] else 0
        print(f"    {label}: {fmt(summarize(g['times']))}; {count_summary(g['counts'])}; SQL median {sql:.2f} ms")
        print_statements(g["statements"])
    s = r["status"]
    print(
        f"  3. POST /telephony/twilio/status/: {s['n']:,} callbacks for {s['calls']:,} calls in {s['wall']:.1f} s "
        f"= {s['n'] / s['wall']:,.0f} callbacks/s (one process, client included); outcomes "
        + ", ".join(f"{k or '-'} {v}" for k, v in sorted(s["outcomes"].items(), key=lambda kv: -kv[1]))
        + f"; {s['redirects']} redirects queued"
    )
    for status, times in s["by_status"].items():
        print(f"    {status:<12} {fmt(summarize(times))}; {count_summary(s['counts'].get(status, []))}")
    print("    the final 'completed', by what the call had been:")
    for kind, times in sorted(s["final_by_kind"].items()):
        print(f"      {kind:<45} {fmt(summarize(times))}; {count_summary(s['final_counts'].get(kind, []))}")
    for kind, sqls in sorted(s["stmts"].items()):
        print(f"      statements ({kind}):")
        print_statements(sqls, "        ")


def explain(sql: str, params=None) -> list[str]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql, params)
        return [row[0] for row in cursor.fetchall()]


def explain_hot_spots(fx: dict) -> None:
    """The statements whose cost could grow with history, as the app sends them."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from contactcenter import routing
    from contactcenter.models import AgentStateLog, Call, Callback

    agent = fx["agents"][0]
    print("  EXPLAIN of statements that could grow with history:")
    qs = AgentStateLog.objects.filter(user_id=agent.pk, ended_at__isnull=True)
    rows = AgentStateLog.objects.filter(user_id=agent.pk).count()
    sql, params = qs.order_by("started_at", "id")[:1].query.sql_with_params()
    print(
        f"    routing._enter: the agent's open stretch, AgentStateLog.filter(user, ended_at=None).first() "
        f"(agent has {rows:,} log rows)"
    )
    for line in explain(sql, params):
        print(f"      {line}")
    call = Call.objects.filter(queue__isnull=False).order_by("-id").first()
    callback = Callback(call=call)
    with CaptureQueriesContext(connection) as ctx:
        routing.assign_callback(callback)
    assign_sql = next(q["sql"] for q in ctx.captured_queries if "COUNT(" in q["sql"])
    n_cb = Callback.objects.count()
    print(
        f"    routing.assign_callback: the agent with the fewest open callbacks ({n_cb:,} callbacks, "
        f"{Callback.objects.filter(status__in=['open', 'claimed']).count():,} open or claimed)"
    )
    for line in explain(assign_sql):
        print(f"      {line}")


def time_sql(sql: str, params=None, n: int = 50) -> float:
    """Median milliseconds of the statement on the raw connection (round trip included), after 3 warm-ups."""
    from django.db import connection

    times = []
    with connection.cursor() as cursor:
        for k in range(n + 3):
            started = time.perf_counter()
            cursor.execute(sql, params)
            cursor.fetchall()
            if k >= 3:
                times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def plan_line(sql: str, params=None) -> str:
    """EXPLAIN ANALYZE on one line: the scans, and the execution time."""
    rows = explain(sql, params)
    scans = [
        r.strip().lstrip("-> ").split("  (")[0] + " [" + r.split("rows=")[1].split(" ")[0] + " rows]"
        for r in rows
        if " Scan " in r or r.strip().lstrip("-> ").startswith(("Seq Scan", "Index Scan"))
    ]
    exec_ms = next((r for r in rows if r.startswith("Execution Time")), "")
    return "; ".join(scans) + f" ({exec_ms.lower()})"


def prototype_fixes(fx: dict) -> None:
    """Two fixes prototyped in this database only (never in the app): a partial index for the
    agent's open stretch, and the callback load counted over open callbacks only."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
    from django.db.models.functions import Coalesce

    from contactcenter.choices import AgentStateChoice, CallbackStatus
    from contactcenter.models import AgentStateLog, Callback

    print("  prototypes (this database only):")
    agent = fx["agents"][0]
    sql, params = (
        AgentStateLog.objects.filter(user_id=agent.pk, ended_at__isnull=True)
        .order_by("started_at", "id")[:1]
        .query.sql_with_params()
    )
    before = time_sql(sql, params, 200)
    with connection.cursor() as cursor:
        started = time.perf_counter()
        cursor.execute(
            "CREATE UNIQUE INDEX bench_agent_log_open ON contactcenter_agentstatelog (user_id) WHERE ended_at IS NULL"
        )
        built = time.perf_counter() - started
        cursor.execute("ANALYZE contactcenter_agentstatelog")
    after = time_sql(sql, params, 200)
    print(
        f"    open stretch: {before:.2f} ms → {after:.2f} ms median on the connection with "
        f"UNIQUE INDEX (user_id) WHERE ended_at IS NULL (built in {built:.1f} s)"
    )
    print(f"      plan with it: {plan_line(sql, params)}")

    User = get_user_model()  # noqa: N806
    skill_id = fx["queues"][0].skill_id
    active = [CallbackStatus.OPEN, CallbackStatus.CLAIMED]
    offline = Q(call_state__isnull=True) | Q(call_state__state=AgentStateChoice.OFFLINE)
    users = User.objects.filter(is_active=True, profile__isnull=False, profile__skills=skill_id)
    app = users.annotate(load=Count("callbacks", filter=Q(callbacks__status__in=active)), offline=offline).order_by(
        "offline", "load", "pk"
    )
    open_per_agent = (
        Callback.objects.filter(agent=OuterRef("pk"), status__in=active)
        .order_by()
        .values("agent")
        .annotate(n=Count("*"))
        .values("n")
    )
    proto = users.annotate(
        load=Coalesce(Subquery(open_per_agent, output_field=IntegerField()), Value(0)), offline=offline
    ).order_by("offline", "load", "pk")
    app_sql, app_params = app[:1].query.sql_with_params()
    proto_sql, proto_params = proto[:1].query.sql_with_params()
    a_ms, p_ms = time_sql(app_sql, app_params), time_sql(proto_sql, proto_params)
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE INDEX bench_callback_open_agent ON contactcenter_callback (agent_id) "
            "WHERE status IN ('open', 'claimed')"
        )
        cursor.execute("ANALYZE contactcenter_callback")
    a2_ms, p2_ms = time_sql(app_sql, app_params), time_sql(proto_sql, proto_params)
    same = list(app.values_list("pk", flat=True)[:50]) == list(proto.values_list("pk", flat=True)[:50])
    print(
        f"    assign_callback's choice: app {a_ms:.2f} ms; a subquery counting open callbacks only {p_ms:.2f} ms; "
        f"with INDEX (agent_id) WHERE status IN ('open', 'claimed'): app {a2_ms:.2f} ms, subquery {p2_ms:.2f} ms; "
        f"same agents in the same order: {'yes' if same else 'NO'}"
    )
    print(f"      app plan:      {plan_line(app_sql, app_params)}")
    print(f"      subquery plan: {plan_line(proto_sql, proto_params)}")


# --- --hooks: the voice and gather hooks with languages and recordings (issue 22) ----------------


def kept_contacts(url: str) -> int | None:
    """How many contacts the kept database holds (0: migrated with its fixtures, not loaded yet);
    None when there is no such database, or it has no fixtures (a run stopped before them)."""
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=5) as conn:
            row = conn.execute("SELECT count(*) FROM catalog_contact").fetchone()
            agents = conn.execute("SELECT count(*) FROM auth_user WHERE username LIKE 'bench-agent-%%'").fetchone()
            lines = conn.execute(
                "SELECT count(*) FROM contactcenter_line WHERE number IN (%s, %s)", [LINE_A, LINE_B]
            ).fetchone()
    except psycopg.Error:
        return None
    return row[0] if lines[0] == 2 and agents[0] == N_AGENTS else None


def existing_fixtures() -> dict:
    """The fixtures ``make_fixtures`` made, read back from a kept database."""
    from django.contrib.auth import get_user_model

    from catalog.models import Service
    from contactcenter.models import Line, Queue

    queues = sorted(Queue.objects.filter(name__in=SKILLS), key=lambda q: SKILLS.index(q.name))
    return {
        "line_a": Line.objects.get(number=LINE_A),
        "line_b": Line.objects.get(number=LINE_B),
        "others": list(Line.objects.filter(number__startswith="+3021000001").order_by("number")),
        "queues": queues,
        "agents": list(get_user_model().objects.filter(username__startswith="bench-agent-").order_by("username")),
        "services": list(Service.objects.filter(name__startswith="Bench service").order_by("name")),
    }


#: Where the CPU of a request goes, by the file a function is in (first match wins).
BUCKETS = [
    ("twilio signature check", "twilio/request_validator"),
    ("TwiML building (twilio.twiml, XML)", "twiml"),
    ("TwiML building (twilio.twiml, XML)", "xml/etree"),
    ("gettext / translation", "translation"),
    ("gettext / translation", "gettext"),
    ("phone parsing (phonenumbers)", "phonenumbers"),
    ("form validation (twilio_params)", "django/forms"),
    ("SQL: psycopg", "psycopg"),
    ("SQL: the ORM compiling", "django/db/models"),
    ("SQL: the ORM compiling", "django/db/backends"),
    ("the test client / WSGI request", "django/test"),
    ("the test client / WSGI request", "django/core/handlers"),
    ("the test client / WSGI request", "django/http"),
    ("middleware", "middleware"),
    ("urls, signals, other Django", "django/"),
    ("the desk's own code", "/work/"),
    ("the standard library", "/lib/python3"),
]


def profile_buckets(stats) -> list[tuple[str, float]]:
    totals: dict[str, float] = defaultdict(float)
    for (filename, _line, _name), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():
        label = next((label for label, part in BUCKETS if part in filename), "other (builtins, C)")
        totals[label] += tottime
    return sorted(totals.items(), key=lambda kv: -kv[1])


def hooks_requests(st: Stage, path: str, n: int) -> list[tuple]:
    """``n`` prepared requests of one path, each with what its answer must contain and what to do after it,
    untimed (or None): the set-up is untimed too."""
    from contactcenter import routing

    out = []
    if path in ("voice A (Greek), known", "voice A (Greek), unknown", "voice B (Persian), any"):
        line = LINE_B if "B" in path.split(" (")[0] else LINE_A
        while len(out) < n:
            kind, caller = st.callers.pick()
            wanted = path.rsplit(", ", 1)[1]  # known, unknown or any
            if (wanted == "known" and not kind.startswith("known")) or (wanted == "unknown" and kind != "unknown"):
                continue
            sid = st.new_sid("H")
            st.calls[sid] = {"caller": caller, "to": line, "kind": kind, "line": "A" if line == LINE_A else "B"}
            expect = (
                b"step=announcement"
                if line == LINE_B
                else (b"step=menu" if kind.startswith("known") else b"step=account")
            )
            out.append((st.tw.prepare("voice", voice_params(sid, caller, line)), expect, None))
        return out
    if path == "gather B (Persian): 1 after the announcement → menu":
        while len(out) < n:
            kind, caller = st.callers.pick()
            if not kind.startswith("known"):
                continue
            sid = st.new_sid("H")
            st.calls[sid] = {"caller": caller, "to": LINE_B, "kind": kind, "line": "B"}
            st.tw.send(st.tw.prepare("voice", voice_params(sid, caller, LINE_B)))
            out.append(
                (
                    st.tw.prepare(
                        "gather",
                        {
                            "AccountSid": ACCOUNT,
                            "CallSid": sid,
                            "Digits": "1",
                            "FinishedOnKey": "",
                            "msg": "Gather End",
                        },
                        "step=announcement",
                    ),
                    b"<Play>",
                    None,
                )
            )
        return out
    if path == "gather A (Greek): menu → agent (recorded, to the longest idle)":
        from django.contrib.auth import get_user_model

        from contactcenter.models import Call

        for user in st.fx["agents"]:
            routing.agent_set_state(user=user, state="available")

        def after(sid):
            def free_again():  # untimed: the agent talks, hangs up (wrap-up), and is ready again
                st.tw.send(
                    st.tw.prepare(
                        "dial",
                        {
                            "AccountSid": ACCOUNT,
                            "CallSid": sid,
                            "DialCallStatus": "completed",
                            "DialCallDuration": "120",
                        },
                    )
                )
                agent_id = Call.objects.filter(call_sid=sid).values_list("agent_id", flat=True).get()
                routing.agent_set_state(user=get_user_model()(pk=agent_id), state="available")

            return free_again

        for k, sid in enumerate(st.gather_calls(n)):
            out.append(
                (
                    st.tw.prepare(
                        "gather",
                        {
                            "AccountSid": ACCOUNT,
                            "CallSid": sid,
                            "Digits": str(1 + k % 3),
                            "FinishedOnKey": "",
                            "msg": "Gather End",
                        },
                        "step=menu",
                    ),
                    b"<Dial",
                    after(sid),
                )
            )
        return out
    if path == "gather A (Greek): menu → queue (agents offline)":
        for user in st.fx["agents"]:
            routing.agent_set_state(user=user, state="offline")
        for k, sid in enumerate(st.gather_calls(n)):
            out.append(
                (
                    st.tw.prepare(
                        "gather",
                        {
                            "AccountSid": ACCOUNT,
                            "CallSid": sid,
                            "Digits": str(1 + k % 3),
                            "FinishedOnKey": "",
                            "msg": "Gather End",
                        },
                        "step=menu",
                    ),
                    b"<Enqueue",
                    None,
                )
            )
        return out
    raise ValueError(path)


HOOK_PATHS = [
    "voice A (Greek), known",
    "voice A (Greek), unknown",
    "voice B (Persian), any",
    "gather B (Persian): 1 after the announcement → menu",
    "gather A (Greek): menu → agent (recorded, to the longest idle)",
    "gather A (Greek): menu → queue (agents offline)",
]


def bench_hooks(st: Stage, args) -> None:
    """Wall and CPU (``time.process_time``) per request for each path, then queries and SQL time
    in a separate pass, then (``--profile``) where the CPU goes."""
    import cProfile
    import pstats

    from django.db import connection

    from contactcenter.models import Call

    for prepared in [
        st.tw.prepare("voice", voice_params(st.new_sid("W"), st.callers.pick()[1], LINE_A)) for _ in range(30)
    ]:
        st.tw.send(prepared)  # warm-up: imports, translations, caches
    print(f"  load average before: {load_average()}")
    rows = []
    for path in HOOK_PATHS:
        n = args.calls if path.startswith("voice") else args.gathers
        todo = hooks_requests(st, path, n)
        wall, cpu = [], []
        for prepared, expect, after in todo:
            c0, w0 = time.process_time(), time.perf_counter()
            response = st.tw.send(prepared)
            w1, c1 = time.perf_counter(), time.process_time()
            if expect not in response.content:
                raise SystemExit(f"{path}: {response.content[:400]!r}")
            wall.append((w1 - w0) * 1000)
            cpu.append((c1 - c0) * 1000)
            if after is not None:
                after()
        captured = []
        for prepared, _e, after in hooks_requests(st, path, args.capture):
            captured.append(captured_request(st.tw, prepared))
            if after is not None:
                after()
        profile = None
        if args.profile:
            profiled = hooks_requests(st, path, args.profile)
            profiler = cProfile.Profile(time.process_time)  # CPU, not time waiting for the server
            for prepared, _e, after in profiled:
                profiler.enable()
                st.tw.send(prepared)
                profiler.disable()
                if after is not None:
                    after()
            profile = (pstats.Stats(profiler), len(profiled))
        rows.append((path, wall, cpu, captured, profile, load_average()))
    with connection.cursor() as cursor:  # the calls made here end: a later run starts from the same state
        cursor.execute(
            "UPDATE contactcenter_call SET ended_at = now(), status = 'completed' "
            "WHERE call_sid LIKE %s AND ended_at IS NULL",
            [f"CA_{st.contacts:07d}{st.run}%"],
        )
    from contactcenter import routing

    for user in st.fx["agents"]:
        routing.agent_set_state(user=user, state="available")
    print(f"  {Call.objects.count():,} calls in the log; load average after: {load_average()}")
    print(
        "  path                                                   n | wall p50 / p99 ms | CPU p50 / p99 / mean ms "
        "| queries | SQL ms (p50, client side) | load average"
    )
    for path, wall, cpu, captured, _profile, load in rows:
        w, c = summarize(wall), summarize(cpu)
        counts = count_summary([q for q, _s, _m in captured])
        sql_ms = statistics.median([m for _q, _s, m in captured]) if captured else 0
        print(
            f"  {path:<52} {w['n']:>4} | {w['median']:6.2f} / {w['p99']:6.2f} | {c['median']:5.2f} / "
            f"{c['p99']:5.2f} / {c['mean']:5.2f} | {counts} | {sql_ms:5.2f} | {load}"
        )
    for path, _wall, _cpu, captured, profile, _load in rows:
        print(f"  statements, {path}:")
        print_statements(captured[-1][1], "    ")
        if profile is None:
            continue
        stats, n = profile
        total = sum(t for _label, t in profile_buckets(stats))
        print(
            f"    CPU by where it goes (cProfile, {n} requests, {total / n * 1000:.2f} ms each under the "
            f"profiler, which inflates Python calls):"
        )
        for label, seconds in profile_buckets(stats):
            if seconds / total >= 0.01:
                print(f"      {label:<40} {seconds / n * 1000:6.2f} ms  {seconds / total:5.1%}")
        top = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:12]
        print("    top functions by own time:")
        for (filename, line, name), (_cc, calls, tottime, cumtime, _callers) in top:
            short = "/".join(filename.split("/")[-3:])
            print(
                f"      {tottime / n * 1000:6.3f} ms own, {cumtime / n * 1000:6.3f} ms cum, {calls / n:7.1f} "
                f"calls  {short}:{line} {name}"
            )


def main() -> None:
    args = parse_args()
    run_started = time.perf_counter()
    rng = random.Random(args.seed)
    if args.hooks:
        args.languages = True
    kept = kept_contacts(args.database_url) if args.reuse else None
    reuse = kept is not None
    if args.reuse:
        args.keep = True
    if args.source:
        if not reuse:
            raise SystemExit("--source measures a kept database: build it first (--reuse --hooks, --keep)")
        import bench_contacts

        bench_contacts.ROOT = Path(args.source).resolve()
        os.chdir(bench_contacts.ROOT)  # Celery's Django fix-up puts the working directory first on sys.path
    name = args.database_url.rsplit("/", 1)[-1] if reuse else recreate_database(args.database_url)
    setup_django(args.database_url)

    from django.db import connections
    from django.test.utils import override_settings

    import contactcenter
    from contactcenter import tasks

    started = time.perf_counter()
    if reuse and not args.source:  # the kept database: only the migrations added since (another
        from django.core.management import call_command  # checkout's code runs on the schema as it is)

        call_command("migrate", verbosity=0)
    elif not reuse:
        migrate_fresh()  # an empty database: tests/schema.sql, then what was added since
    print(
        f"bench_contactcenter — database {name} ({'kept, migrations checked' if reuse else 'created and migrated'}"
        f" in {time.perf_counter() - started:.1f} s); code from {Path(contactcenter.__file__).parent.parent}"
    )
    for line in machine_line():
        print(line)
    override_settings(TWILIO_AUTH_TOKEN=TOKEN, PUBLIC_BASE_URL=BASE).enable()
    delay = DelayCounter()
    tasks.redirect_call.delay = delay
    print(
        "contactcenter.tasks.redirect_call.delay is replaced by a counter in this process (no broker in the "
        "figures); TWILIO_AUTH_TOKEN and PUBLIC_BASE_URL overridden; every request signed with twilio's "
        "RequestValidator"
    )
    fx = existing_fixtures() if reuse else make_fixtures(rng)
    if args.languages and not args.source:
        configure_languages(fx)
    print(
        f"fixtures: {len(fx['services'])} services, {2 + OTHER_LINES} lines, 3 queues with a skill each, "
        f"{N_AGENTS} agents (1–2 skills), {ACTIVE_ANNOUNCEMENTS} active and {INACTIVE_ANNOUNCEMENTS} inactive "
        f"announcements; line A {LINE_A} (3-option menu), line B {LINE_B} (announcement on its service)"
    )

    stages = sorted({s for s in (args.small,) if 0 < s < args.contacts} | {args.contacts})
    results: dict[int, dict] = {}
    current = 0
    try:
        if reuse:
            stages = []
            print(f"\n== {args.contacts:,} contacts (kept database, {kept:,} contacts in it) ==")
            if kept < args.contacts:  # a run that stopped after its fixtures: load now, set-based
                started = time.perf_counter()
                for line in [
                    *grow_contacts(kept, args.contacts),
                    *load_calls(args.contacts, int(args.contacts * args.past_calls_ratio), fx),
                ]:
                    print(f"  {line}")
                print(
                    f"  VACUUM (ANALYZE): {vacuum_analyze():.1f} s; load in all {time.perf_counter() - started:.1f} s"
                )
            st = Stage(args.contacts, fx, args, rng, delay)
            bench_hooks(st, args)
        for stage in stages:
            print(f"\n== {stage:,} contacts ==")
            started = time.perf_counter()
            for line in grow_contacts(current, stage):
                print(f"  {line}")
            current = stage
            n_calls = int(stage * args.past_calls_ratio)
            for line in load_calls(stage, n_calls, fx):
                print(f"  {line}")
            print(f"  VACUUM (ANALYZE): {vacuum_analyze():.1f} s; load in all {time.perf_counter() - started:.1f} s")
            st = Stage(stage, fx, args, rng, delay)
            if args.hooks:
                bench_hooks(st, args)
                continue
            if args.voice_only:
                st.bench_voice_before()
                st.bench_voice()
                print(f"  load average {load_average()}")
                print_voice_before_after(st.results)
                for kind in ("known", "withheld"):
                    q = st.results["voice_q"]["A"].get(kind)
                    if q:
                        print(f"    statements after, line A ({kind}):")
                        print_statements(q[-1][1], "      ")
                continue
            t0 = time.perf_counter()
            st.bench_voice()
            t1 = time.perf_counter()
            st.bench_gather()
            t2 = time.perf_counter()
            st.bench_status()
            t3 = time.perf_counter()
            print(
                f"  (measuring: voice {t1 - t0:.0f} s, gather {t2 - t1:.0f} s, status {t3 - t2:.0f} s; "
                f"load average {load_average()})"
            )
            print_stage(stage, st.results)
            results[stage] = st.results
        if args.voice_only or args.hooks or reuse:
            print(f"load average at end: {load_average()}; total run time: {time.perf_counter() - run_started:.0f} s")
            return
        explain_hot_spots(fx)
        prototype_fixes(fx)

        print("\n== summary (ms; median / p99) ==")
        print(
            f"{'contacts':>10} | {'voice A':>15} | {'voice B':>15} | {'gather→agent':>15} | {'gather→queue':>15} | "
            f"{'status':>15} | callbacks/s | queries voice A known / B / gather agent / queue / completed"
        )
        for stage, r in results.items():

            def mp(times):
                m = summarize(times)
                return f"{m['median']:5.1f} / {m['p99']:5.1f}"

            va = [t for ts in r["voice"]["A"].values() for t in ts]
            vb = [t for ts in r["voice"]["B"].values() for t in ts]
            st_all = [t for ts in r["status"]["by_status"].values() for t in ts]
            qa = count_summary([c for c, _s, _m in r["voice_q"]["A"].get("known", [])])
            qb = count_summary([c for c, _s, _m in r["voice_q"]["B"].get("known", [])])
            qc = count_summary(r["status"]["counts"].get("completed", []))
            print(
                f"{stage:>10,} | {mp(va):>15} | {mp(vb):>15} | {mp(r['gather_agent']['times']):>15} | "
                f"{mp(r['gather_queue']['times']):>15} | {mp(st_all):>15} | "
                f"{r['status']['n'] / r['status']['wall']:>11,.0f} | {qa} / {qb} / "
                f"{count_summary(r['gather_agent']['counts'])} / {count_summary(r['gather_queue']['counts'])} / "
                f"{qc}"
            )
        print(f"load average at end: {load_average()}; total run time: {time.perf_counter() - run_started:.0f} s")
    finally:
        connections.close_all()
        if args.keep:
            print(f"kept database {name} ({args.database_url})")
        else:
            drop_database(args.database_url)


if __name__ == "__main__":
    main()
