#!/usr/bin/env python
"""Incidents at scale: the API list and the queue page at 10,000 → 100,000 → 1,000,000, and creation.

    .venv/bin/python bench/bench_incidents.py [--incidents 1000000] [--requests 30] [--creates 300] [--keep]
                                              [--verbose]
    .venv/bin/python bench/bench_incidents.py --reuse [--source DIR] [--requests 30] [--profile N]

Works on its own PostgreSQL database (default ``servicedesk_incidents_bench``; the name must end
in ``_bench``), which it drops and creates afresh and migrates. Fixtures: 20 agents in 5 teams
(``bench-agent``, the one measured, has an API token), 8 services, 300 contacts of 30 customers
(``generate_load``), one 24×7 business calendar and one SLA policy for incidents (response 60,
resolution 480 business minutes, paused on hold, two escalation rules).

For each stage (10,000, 100,000, then ``--incidents``) it empties the incident and SLA tables
and loads that many incidents with one ``INSERT ... SELECT generate_series`` (two years of
them, the newest now; about 10 % open, most of them recent; the rest resolved or closed), then,
with a second one, two SLA timers per open incident (running, paused, met or breached, as the
incident's age and status make them), then ``VACUUM (ANALYZE)`` and a ``CHECKPOINT``. Then

* ``GET /api/v1/incidents/`` as the agent with a token, through DRF's ``APIClient`` (the whole
  Django stack in-process, no HTTP server): the default list, the open ones by priority, the
  agent's own (``assignee=me``) and the breached ones (``breached=true``), first page of 50
  with their SLA clocks: median and p95 milliseconds, queries per request, each statement's
  time, and ``EXPLAIN (ANALYZE, BUFFERS)`` of the ``COUNT(*)`` and of the page (statements and
  plans at the last stage only, unless ``--verbose``);
* the agent workspace's queue page (``incidents:queue``, ``/incidents/``) through
  ``django.test.Client`` logged in as the agent, if ``incidents/urls.py`` has one (it says so
  when there is none): its default tab and the all-open, breached and all (newest first, last
  updated first) tabs,
  same figures; a page that does not answer 200 is reported and skipped;
* ``POST /api/v1/incidents/`` ``--creates`` times in this one process (title, service, impact,
  urgency, channel; the SLA policy starts two timers each): incidents per second, median and
  p95 per create, queries per create by statement.

``--reuse`` measures a database kept by ``--keep`` as it is (no drop, no load; migrations
applied unless ``--source``): the lists and pages above plus the queue's HTMX results partial,
each with the CPU time of this process per request (``time.process_time``: what the machine's
load does not inflate). ``--source DIR`` takes the application from another tree (e.g.
``git archive <rev> | tar -x -C DIR``), so the code before and after a change run on the same
rows one after the other.

It prints figures, never pass/fail on time. Without ``--keep`` the database is dropped at the
end. See ``bench/README.md`` for the latest figures.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from datetime import timedelta
from io import StringIO
from pathlib import Path

# The database, Django set-up and machine description are bench_contacts.py's (this script
# runs as ``python bench/bench_incidents.py``, so bench/ is on sys.path).
from bench_contacts import (
    StatementTimer,
    drop_database,
    load_average,
    machine_line,
    mib,
    migrate_fresh,
    quantile,
    recreate_database,
    setup_django,
)

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/servicedesk_incidents_bench"
API_URL = "/api/v1/incidents/"
LISTS = {
    "default": API_URL,
    "open by priority": API_URL + "?status=new&status=assigned&status=in_progress&ordering=priority",
    "assignee=me": API_URL + "?assignee=me",
    "breached=true": API_URL + "?breached=true",
    "ordering=-updated_at": API_URL + "?ordering=-updated_at",
}
OPEN = ("new", "assigned", "in_progress", "on_hold")
TEAMS = ["Service desk", "Network", "Applications", "Infrastructure", "Security"]
SERVICES = ["Internet banking", "Card payments", "Email", "Web hosting", "VPN", "Telephony", "ERP", "Wi-Fi"]
TITLES = [
    "Cannot log in",
    "Page times out",
    "Payment declined",
    "Mailbox full",
    "VPN drops every few minutes",
    "No dial tone",
    "Report does not load",
    "Slow response",
    "Error 500 on checkout",
    "Password reset fails",
    "Certificate expired",
    "Printer offline",
]
DESCRIPTIONS = [
    "",
    "The caller says it started this morning after the update; other people in the office see the same.",
    "Reported by phone. Steps: open the application, sign in, choose the account, press continue; the page "
    "spins for a minute and then shows an error. Screenshot promised by email.",
    "Monitoring alert forwarded by the on-call engineer. Affects some users only; no workaround known yet. "
    "Please check the last deployment and the load balancer's health checks before calling back.",
]
TRUNCATE = (
    "incidents_incident, incidents_incidentnote, incidents_attachment, incidents_historicalincident, "
    "incidents_historicalincidentnote, incidents_historicalattachment, sla_slatimer, sla_slaescalation, "
    "sla_slaevent"
)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--incidents",
        type=int,
        default=1_000_000,
        help="Incidents at the last stage (default 1000000); stages 10000 and 100000 come first.",
    )
    parser.add_argument("--requests", type=int, default=30, help="Timed requests per list and stage (default 30).")
    parser.add_argument("--creates", type=int, default=300, help="Timed POSTs per stage (default 300).")
    parser.add_argument("--agents", type=int, default=20, help="Agents the incidents are assigned to (default 20).")
    parser.add_argument("--contacts", type=int, default=300, help="Contacts (of contacts/10 customers; default 300).")
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="Statements and EXPLAIN at every stage (default: at the last stage only).",
    )
    parser.add_argument("--keep", action="store_true", help="Keep the benchmark database afterwards.")
    parser.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="N",
        help="At the last stage, cProfile N requests of the queue page and of the API list and "
        "print where the CPU time goes (default 0: no profile).",
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL),
        help=f"Benchmark database (default {DEFAULT_URL}; env BENCH_DATABASE_URL).",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="Measure the kept database as it is (no drop, no load): lists, pages, the partial.",
    )
    parser.add_argument(
        "--source", default="", help="With --reuse: the application's tree to import (default: this checkout)."
    )
    parser.add_argument(
        "--load",
        type=int,
        default=0,
        metavar="N",
        help="With --reuse: first load N incidents afresh into the kept database (as a stage does).",
    )
    parser.add_argument(
        "--only", default="", help="With --reuse: only the lists and pages whose label contains this (e.g. 'page')."
    )
    parser.add_argument("--seed", type=int, default=20261122)
    args = parser.parse_args()
    if args.requests < 2 or args.creates < 2:
        parser.error("--requests and --creates must be at least 2 (for a p95)")
    return args


# --- fixtures and bulk load ----------------------------------------------------------------


def make_fixtures(agents: int, contacts: int, seed: int) -> dict:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from rest_framework.authtoken.models import Token

    from catalog.models import Contact, Service, Team
    from core.roles import Role
    from incidents.models import Incident
    from sla.models import BusinessCalendar, EscalationRule, SLAPolicy

    User = get_user_model()  # noqa: N806
    agent_group = Group.objects.get(name=Role.AGENT)
    teams = [Team.objects.create(name=name) for name in TEAMS]
    users = []
    for k in range(agents):
        user = User.objects.create(
            username="bench-agent" if k == 0 else f"bench-agent-{k + 1:02d}",
            first_name="Agent",
            last_name=f"{k + 1:02d}",
        )
        user.groups.add(agent_group)
        teams[k % len(teams)].members.add(user)
        users.append(user)
    services = [Service.objects.create(name=name, owner_team=teams[k % len(teams)]) for k, name in enumerate(SERVICES)]
    call_command("generate_load", contacts=contacts, customers=max(contacts // 10, 1), seed=seed, stdout=StringIO())
    contact_rows = list(Contact.objects.order_by("id").values_list("id", "customer_id"))
    calendar = BusinessCalendar.objects.create(name="bench 24x7", timezone="UTC")  # no working hours: 24×7
    policy = SLAPolicy.objects.create(
        name="bench incidents",
        applies_to="incident",
        calendar=calendar,
        response_minutes=60,
        resolution_minutes=480,
        pause_on=["on_hold"],
    )
    EscalationRule.objects.create(
        policy=policy, metric="resolution", at_percent=75, notify="assignee", channels=["in_app"]
    )
    EscalationRule.objects.create(
        policy=policy, metric="resolution", at_percent=100, notify="team_manager", channels=["email", "in_app"]
    )
    token, _ = Token.objects.get_or_create(user=users[0])
    return {
        "agent": users[0],
        "token": token.key,
        "agents": [u.pk for u in users],
        "agent_teams": [teams[k % len(teams)].pk for k in range(agents)],
        "services": [s.pk for s in services],
        "service_teams": [s.owner_team_id for s in services],
        "contacts": [c for c, _ in contact_rows],
        "customers": [c for _, c in contact_rows],
        "ct": ContentType.objects.get_for_model(Incident).pk,
        "policy": policy.pk,
        "calendar": calendar.pk,
        "n_teams": len(teams),
    }


def fixtures_from_db() -> dict:
    """The fixtures :func:`make_fixtures` made, read back from a kept database."""
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType
    from rest_framework.authtoken.models import Token

    from catalog.models import Contact, Service
    from incidents.models import Incident
    from sla.models import BusinessCalendar, SLAPolicy

    users = sorted(
        get_user_model().objects.filter(username__startswith="bench-agent").prefetch_related("teams"),
        key=lambda u: (u.username != "bench-agent", u.username),
    )
    services = list(Service.objects.filter(name__in=SERVICES).order_by("id"))
    contact_rows = list(Contact.objects.order_by("id").values_list("id", "customer_id"))
    return {
        "agent": users[0],
        "token": Token.objects.get_or_create(user=users[0])[0].key,
        "agents": [u.pk for u in users],
        "agent_teams": [min(t.pk for t in u.teams.all()) for u in users],
        "services": [s.pk for s in services],
        "service_teams": [s.owner_team_id for s in services],
        "contacts": [c for c, _ in contact_rows],
        "customers": [c for _, c in contact_rows],
        "ct": ContentType.objects.get_for_model(Incident).pk,
        "policy": SLAPolicy.objects.get(name="bench incidents").pk,
        "calendar": BusinessCalendar.objects.get(name="bench 24x7").pk,
        "n_teams": len(TEAMS),
    }


LOAD_INCIDENTS = """
INSERT INTO incidents_incident (
    id, number, title, description, status, channel, impact, urgency, priority, service_id, ci_id, contact_id,
    customer_id, requester_id, team_id, assignee_id, parent_id, is_major, hold_reason, resolution_code,
    resolution, reopen_count, created_by_id, created_at, updated_at, acknowledged_at, resolved_at, closed_at)
SELECT s.i, 'INC' || lpad(s.i::text, greatest(6, length(s.i::text)), '0'),
       (%(titles)s::text[])[1 + s.i %% cardinality(%(titles)s::text[])],
       (%(descriptions)s::text[])[1 + s.i %% cardinality(%(descriptions)s::text[])],
       s.status, s.channel, s.impact, s.urgency, pm.priority, (%(services)s::bigint[])[s.svc], NULL,
       CASE WHEN s.channel <> 'monitoring' THEN (%(contacts)s::bigint[])[s.con] END,
       CASE WHEN s.channel <> 'monitoring' THEN (%(customers)s::bigint[])[s.con] END, NULL,
       CASE WHEN s.status = 'new' THEN (%(service_teams)s::bigint[])[s.svc] ELSE (%(agent_teams)s::bigint[])[s.agt] END,
       CASE WHEN s.status <> 'new' THEN (%(agents)s::bigint[])[s.agt] END, NULL, s.i %% 997 = 0,
       CASE WHEN s.status = 'on_hold' THEN 'Waiting for the customer' ELSE '' END,
       CASE WHEN s.resolved_at IS NOT NULL
            THEN (ARRAY['fixed', 'fixed', 'fixed', 'workaround', 'duplicate', 'user_error'])[1 + s.i %% 6]
            ELSE '' END,
       CASE WHEN s.resolved_at IS NOT NULL THEN 'Restarted the service; the caller confirmed it works.' ELSE '' END,
       CASE WHEN s.i %% 53 = 0 THEN 1 ELSE 0 END,
       CASE WHEN s.status <> 'new' THEN (%(agents)s::bigint[])[s.agt] END,
       s.created, greatest(s.created, s.acknowledged_at, s.resolved_at, s.closed_at),
       s.acknowledged_at, s.resolved_at, s.closed_at
FROM (
    SELECT t.*,
           CASE WHEN t.status = 'closed' THEN least(t.resolved_at + interval '7 days', %(now)s) END AS closed_at
    FROM (
        SELECT r.i, r.created, r.svc, r.agt, r.con, st.status,
               CASE WHEN r.u_imp < 0.1 THEN 1 WHEN r.u_imp < 0.5 THEN 2 ELSE 3 END AS impact,
               CASE WHEN r.u_urg < 0.1 THEN 1 WHEN r.u_urg < 0.5 THEN 2 ELSE 3 END AS urgency,
               CASE WHEN r.u_ch < 0.30 THEN 'phone' WHEN r.u_ch < 0.55 THEN 'email' WHEN r.u_ch < 0.85 THEN 'portal'
                    WHEN r.u_ch < 0.95 THEN 'monitoring' ELSE 'chat' END AS channel,
               CASE WHEN st.status <> 'new'
                    THEN least(r.created + (5 + r.u_ack * 100) * interval '1 minute', %(now)s) END AS acknowledged_at,
               CASE WHEN st.status IN ('resolved', 'closed')
                    THEN least(r.created + (1 + r.u_res * 72) * interval '1 hour', %(now)s) END AS resolved_at
        FROM (
            -- i = 1 is two years old, i = n was created now; random() once per row (not flattened).
            SELECT i, %(now)s - (%(n)s - i) * %(span)s / %(n)s AS created, (%(n)s - i)::float8 / %(n)s AS age,
                   random() AS u_open, random() AS u_st, random() AS u_imp, random() AS u_urg, random() AS u_ch,
                   random() AS u_ack, random() AS u_res,
                   1 + floor(random() * cardinality(%(services)s::bigint[]))::int AS svc,
                   1 + floor(random() * cardinality(%(agents)s::bigint[]))::int AS agt,
                   1 + floor(random() * cardinality(%(contacts)s::bigint[]))::int AS con
            FROM generate_series(1, %(n)s) AS i
        ) AS r
        CROSS JOIN LATERAL (
            -- About 10 %% open: 70 %% of the newest 2 %% (the last two weeks), 8.8 %% of the older ones.
            SELECT CASE WHEN (r.age < 0.02 AND r.u_open < 0.7) OR (r.age >= 0.02 AND r.u_open < 0.0878) THEN
                             CASE WHEN r.u_st < 0.15 THEN 'new' WHEN r.u_st < 0.40 THEN 'assigned'
                                  WHEN r.u_st < 0.85 THEN 'in_progress' ELSE 'on_hold' END
                        WHEN (r.age < 0.01 AND r.u_st < 0.8) OR (r.age >= 0.01 AND r.u_st < 0.03) THEN 'resolved'
                        ELSE 'closed' END AS status
        ) AS st
    ) AS t
) AS s
JOIN incidents_prioritymatrix AS pm ON pm.impact = s.impact AND pm.urgency = s.urgency
"""

# Two timers per open incident, as the SLA engine would have left them (24×7 calendar, so business
# time is wall time): response — running or breached while new, met (or breached and met late) once
# acknowledged; resolution — paused on hold, else running until 8 h, breached after.
LOAD_TIMERS = """
INSERT INTO sla_slatimer (content_type_id, object_id, metric, policy_id, calendar_id, status, target, consumed,
                          started_at, last_resumed_at, paused_at, due_at, next_escalation_at, met_at, breached_at,
                          kind, priority, customer_tier, team_id, service_id)
SELECT %(ct)s, x.id, x.metric, %(policy)s, %(calendar)s, x.state, x.target,
       CASE WHEN x.met_at IS NOT NULL THEN x.met_at - x.created_at
            WHEN x.state = 'paused' THEN x.pause_at - x.created_at ELSE interval '0' END,
       x.created_at,
       CASE WHEN x.met_at IS NULL AND x.state IN ('running', 'breached') THEN x.created_at END,
       CASE WHEN x.state = 'paused' THEN x.pause_at END,
       CASE WHEN x.state <> 'paused' THEN x.created_at + x.target END,
       NULL, x.met_at,
       CASE WHEN x.state = 'breached' THEN x.created_at + x.target END,
       'incident', x.priority, coalesce(x.tier, ''), x.team_id, x.service_id
FROM (
    SELECT i.id, i.created_at, i.priority, i.team_id, i.service_id, cu.tier, m.metric, m.target,
           CASE WHEN m.metric = 'response' AND i.status <> 'new' THEN i.acknowledged_at END AS met_at,
           least(coalesce(i.acknowledged_at, i.created_at) + interval '30 minutes', i.created_at + interval '7 hours',
                 %(now)s) AS pause_at,
           CASE WHEN m.metric = 'response' THEN
                     CASE WHEN i.status = 'new'
                          THEN CASE WHEN i.created_at + m.target > %(now)s THEN 'running' ELSE 'breached' END
                          WHEN i.acknowledged_at <= i.created_at + m.target THEN 'met' ELSE 'breached' END
                WHEN i.status = 'on_hold' THEN 'paused'
                WHEN i.created_at + m.target > %(now)s THEN 'running' ELSE 'breached' END AS state
    FROM incidents_incident AS i
    LEFT JOIN catalog_customer AS cu ON cu.id = i.customer_id
    CROSS JOIN (VALUES ('response', interval '60 minutes'), ('resolution', interval '480 minutes'))
        AS m (metric, target)
    WHERE i.status IN ('new', 'assigned', 'in_progress', 'on_hold')
    ORDER BY i.id, m.metric
) AS x
"""


def load(n: int, fx: dict, seed: int) -> dict:
    """Empty the incident and SLA tables, then load ``n`` incidents and the open ones' timers."""
    from django.db import connection
    from django.utils import timezone

    now = timezone.now().replace(microsecond=0)
    params = {
        "n": n,
        "now": now,
        "span": timedelta(days=730),
        "titles": TITLES,
        "descriptions": DESCRIPTIONS,
        **{
            k: fx[k]
            for k in (
                "services",
                "service_teams",
                "agents",
                "agent_teams",
                "contacts",
                "customers",
                "ct",
                "policy",
                "calendar",
            )
        },
    }
    out = {}
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {TRUNCATE} RESTART IDENTITY CASCADE")
        cursor.execute("SET synchronous_commit TO OFF")
        cursor.execute("SELECT setseed(%s)", [(seed % 2000) / 1000 - 1])
        started = time.perf_counter()
        cursor.execute(LOAD_INCIDENTS, params)
        out["incidents_s"] = time.perf_counter() - started
        cursor.execute("SELECT setval(pg_get_serial_sequence('incidents_incident', 'id'), %s)", [n])
        started = time.perf_counter()
        cursor.execute(LOAD_TIMERS, params)
        out["timers"] = cursor.rowcount
        out["timers_s"] = time.perf_counter() - started
        cursor.execute("SET synchronous_commit TO DEFAULT")
        started = time.perf_counter()
        cursor.execute("VACUUM (ANALYZE) incidents_incident, sla_slatimer")
        out["vacuum_s"] = time.perf_counter() - started
        started = time.perf_counter()
        cursor.execute("CHECKPOINT")
        out["checkpoint_s"] = time.perf_counter() - started
        cursor.execute("SELECT status, count(*) FROM incidents_incident GROUP BY status")
        out["statuses"] = dict(cursor.fetchall())
        cursor.execute("SELECT metric, status, count(*) FROM sla_slatimer GROUP BY metric, status ORDER BY 1, 2")
        out["timer_states"] = cursor.fetchall()
        cursor.execute("SELECT count(*) FROM incidents_incident WHERE assignee_id = %s", [fx["agents"][0]])
        out["mine"] = cursor.fetchone()[0]
        cursor.execute(
            "SELECT pg_total_relation_size('incidents_incident'), pg_total_relation_size('sla_slatimer'),"
            " (SELECT min(created_at) FROM incidents_incident),"
            " (SELECT number FROM incidents_incident ORDER BY id DESC LIMIT 1)"
        )
        out["incident_bytes"], out["timer_bytes"], out["oldest"], out["last_number"] = cursor.fetchone()
    return out


# --- measurements ---------------------------------------------------------------------------


def statement_label(sql: str) -> str:
    """What a statement does to which table, without columns or literals."""
    sql = " ".join(sql.split())
    verb = sql.split(" ", 1)[0]
    if verb in ("SAVEPOINT", "RELEASE", "ROLLBACK", "BEGIN", "COMMIT"):
        return verb
    table = re.search(r'(?:FROM|INTO|UPDATE) "(\w+)"', sql)
    if '"_check"' in sql:
        return 'SELECT 1 AS "_check" (Model.full_clean() validating a CheckConstraint)'
    if table is None:
        return f"{verb} (no table: {sql[:40]}…)"
    label = f"{verb} {table.group(1)}"
    if verb == "SELECT":
        if sql.startswith("SELECT COUNT(*)"):
            label = f"SELECT COUNT(*) FROM {'(SELECT DISTINCT …) ' if 'SELECT DISTINCT' in sql else ''}{table.group(1)}"
        elif sql.startswith("SELECT DISTINCT"):
            label = f"SELECT DISTINCT {table.group(1)}"
        joins = re.findall(r'JOIN "(\w+)"', sql)
        if joins:
            label += f" (+{len(joins)} joins)"
        if " FOR UPDATE" in sql:
            label += " FOR UPDATE"
        if " IN (" in sql and " LIMIT " not in sql:
            label += " IN (…)"
    return label


LOOKUP_SCAN = re.compile(r" on (catalog_\w+|auth_user|django_content_type)\b")
WRAPPER = re.compile(r"^(Parallel )?(Hash|Memoize|Materialize) \[")


def explain(sql: str) -> str:
    """``EXPLAIN (ANALYZE, BUFFERS)`` as one line: the plan's nodes with their rows, buffers,
    planning and execution time. Scans of the small lookup tables (catalog_*, auth_user,
    django_content_type) and the Hash/Memoize/Materialize nodes above them are counted, not
    listed; n identical nodes in a row are written once as "n × node"."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS, SUMMARY, COSTS OFF, TIMING OFF) " + sql)
        plan = [row[0] for row in cursor.fetchall()]
    nodes, lookups = [], 0
    for row in plan:
        text = row.strip()
        if text.startswith("->"):
            text = text[2:].strip()
        elif row.startswith((" ", "Planning", "Execution", "Trigger")):
            continue  # Filter, Index Cond, Buffers … of a node: only the nodes are listed
        text = re.sub(
            r"\s*\(actual rows=(\d+) loops=(\d+)\)",
            lambda m: f" [{m.group(1)} rows" + ("" if m.group(2) == "1" else f" × {m.group(2)} loops") + "]",
            text,
        )
        if LOOKUP_SCAN.search(text):
            lookups += 1
            continue
        if WRAPPER.match(text):
            continue
        if nodes and nodes[-1][1] == text:
            nodes[-1][0] += 1
        else:
            nodes.append([1, text])
    listed = " → ".join(text if n == 1 else f"{n} × {text}" for n, text in nodes)
    if lookups:
        listed += f" (+ {lookups} scans of lookup tables)"
    buffers = next((r.strip() for r in plan if r.strip().startswith("Buffers:")), "Buffers: -")
    plan_ms = next((r.split(":", 1)[1].strip() for r in plan if r.startswith("Planning Time")), "?")
    exec_ms = next((r.split(":", 1)[1].strip() for r in plan if r.startswith("Execution Time")), "?")
    return f"{listed}; {buffers.lower()}; planning {plan_ms}, execution {exec_ms}"


class PageError(Exception):
    pass


def bench_get(client, url: str, requests: int, meta: dict | None = None) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def get():
        response = client.get(url, **(meta or {}))
        if response.status_code != 200:
            raise PageError(f"GET {url} answered {response.status_code}: {response.content[:200]!r}")
        return response

    for _ in range(3):
        get()
    timings, cpu = [], []
    for _ in range(requests):
        started, cpu_started = time.perf_counter(), time.process_time()
        response = get()
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    counts, statements, sqls = [], [], []
    for _ in range(3):
        timer = StatementTimer()
        with CaptureQueriesContext(connection) as ctx, connection.execute_wrapper(timer):
            response = get()
        counts.append(len(ctx))
        sqls = [q["sql"] for q in ctx.captured_queries]
        statements = [(ms, statement_label(sql)) for ms, sql in timer.rows]
    out = {
        "n": requests,
        "median": statistics.median(timings),
        "p95": quantile(timings, 95),
        "cpu": statistics.median(cpu),
        "cpu_p95": quantile(cpu, 95),
        "queries": counts[0],
        "stable": len(set(counts)) == 1,
        "all_counts": counts,
        "bytes": len(response.content),
        "statements": statements,
        "sqls": sqls,
        "shape": [statement_label(s) for s in sqls],
    }
    if response.get("Content-Type", "").startswith("application/json"):
        body = response.json()
        out["count"], out["rows"] = body["count"], len(body["results"])
        out["count_exact"] = body.get("count_exact", True)
        out["with_clocks"] = sum(1 for row in body["results"] if row["sla"])
    return out


def print_get(label: str, r: dict, detail: bool = True) -> None:
    stable = "" if r["stable"] else f" (NOT stable over 3 requests: {r['all_counts']})"
    about = "" if r.get("count_exact", True) else "≈"
    rows = (
        f"; count={about}{r.get('count', 0):,}, {r.get('rows')} rows ({r.get('with_clocks')} with SLA clocks), "
        f"{r['bytes']:,} bytes"
        if "count" in r
        else f"; {r['bytes']:,} bytes"
    )
    print(
        f"  {label}: {r['n']} requests, median {r['median']:.1f} ms, p95 {r['p95']:.1f} ms "
        f"(CPU of this process {r['cpu']:.1f} / {r['cpu_p95']:.1f} ms), "
        f"{r['queries']} queries per request{stable}{rows}"
    )
    if not detail:
        return
    for ms, kind in r["statements"]:
        print(f"      {ms:7.2f} ms  {kind}")
    for sql in r["sqls"]:
        page = re.match(r'SELECT (DISTINCT )?"incidents_incident"\."id"', sql) is not None and " LIMIT " in sql
        if sql.startswith("SELECT COUNT(*)") or page:
            print(f"      EXPLAIN {'COUNT' if not page else 'page'}: {explain(sql)}")


def tie_check(client, url: str, fetches: int = 3) -> dict:
    """Pages 1 and 2 of ``url``, fetched ``fetches`` times: is page 1 the same every time, and do
    ids turn up on both page 1 and page 2 (an ordering with ties: LIMIT 50 and LIMIT 50 OFFSET 50
    may order the ties differently)? The most such ids over any pair of fetches."""
    pages = []
    for _ in range(fetches):
        first = [row["id"] for row in client.get(url).json()["results"]]
        second = [row["id"] for row in client.get(url + "&page=2").json()["results"]]
        pages.append((first, second))
    return {
        "fetches": fetches,
        "same_first": all(p[0] == pages[0][0] for p in pages),
        "distinct_first": len({tuple(p[0]) for p in pages}),
        "cross": max(len(set(a[0]) & set(b[1])) for a in pages for b in pages),
    }


def find_queue_pages() -> list[tuple[str, str]]:
    """The workspace's incident list or queue pages in ``incidents/urls.py`` (not the detail page),
    as (label, address): for a page with tabs (``incidents.views.TABS``), its default view and the
    all-open, breached and all (newest first) tabs."""
    from django.urls import NoReverseMatch, URLPattern, reverse

    import incidents.urls

    pages = []
    for pattern in incidents.urls.urlpatterns:
        if not isinstance(pattern, URLPattern) or not pattern.name:
            continue
        route = str(pattern.pattern)
        if "<int:" in route or not (route == "" or re.search(r"queue|list", f"{route} {pattern.name}")):
            continue
        name = f"{incidents.urls.app_name}:{pattern.name}"
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        pages.append((f"page {pattern.name}", url))
        try:
            from incidents.views import TABS
        except ImportError:
            continue
        tabs = {tab for tab, _ in TABS}
        for tab, query in (
            ("open", "?tab=open"),
            ("breached", "?tab=breached"),
            ("all", "?tab=all&sort=-created"),
            ("all", "?tab=all&sort=-updated"),
        ):
            if tab in tabs:
                pages.append((f"page {pattern.name} {query[1:]}", url + query))
    return pages


def partial_meta() -> dict | None:
    """The request headers of the queue's HTMX results partial (what the page's tabs, filters
    and page links send), as ``Client.get`` extra; None without one."""
    try:
        from incidents.views import incident as views
    except ImportError:
        return None
    target = getattr(views, "RESULTS_ID", None)
    return {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": target} if target else None


def with_partial(pages: list[tuple[str, str]]) -> list[tuple[str, str, dict | None]]:
    """``pages`` as (label, address, request headers), with the first page's HTMX results
    partial after it when the view has one."""
    out = [(label, url, None) for label, url in pages]
    meta = partial_meta()
    if pages and meta:
        out.insert(1, (f"{pages[0][0]} partial (HTMX)", pages[0][1], meta))
    return out


def profile_page(client, url: str, requests: int, top: int = 30) -> None:
    """cProfile ``requests`` GETs of ``url`` (after 3 warm-ups): the functions with the most
    cumulative and the most own time, in CPU time of this process (``time.process_time``: what
    the machine's load does not inflate; waiting for PostgreSQL is not in it)."""
    import cProfile
    import pstats

    for _ in range(3):
        client.get(url)
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for _ in range(requests):
        client.get(url)
    profiler.disable()
    out = StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    print(f"  cProfile of {requests} × GET {url}:")
    for line in out.getvalue().splitlines():
        if line.strip():
            print(f"    {line}")


def bench_create(client, fx: dict, creates: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sla.models import SLATimer

    services = fx["services"]
    counter = iter(range(10**9))

    def post():
        k = next(counter)
        payload = {
            "title": f"{TITLES[k % len(TITLES)]} (bench {k})",
            "service": services[k % len(services)],
            "impact": 1 + k % 3,
            "urgency": 1 + (k // 3) % 3,
            "channel": ("phone", "email", "portal", "chat")[k % 4],
        }
        response = client.post(API_URL, payload, format="json")
        if response.status_code != 201:
            raise SystemExit(f"POST {API_URL} answered {response.status_code}: {response.content[:300]!r}")
        return response.json()

    for _ in range(10):
        post()
    timings, ids, numbers_ok = [], [], 0
    started_all = time.perf_counter()
    for _ in range(creates):
        started = time.perf_counter()
        body = post()
        timings.append((time.perf_counter() - started) * 1000)
        ids.append(body["id"])
        numbers_ok += body["number"] == f"INC{body['id']:06d}" and len(body["sla"]) == 2
    total_s = time.perf_counter() - started_all
    timers = SLATimer.objects.filter(content_type_id=fx["ct"], object_id__in=ids).count()
    counts, statements = [], []
    for _ in range(3):
        timer = StatementTimer()
        with CaptureQueriesContext(connection) as ctx, connection.execute_wrapper(timer):
            post()
        counts.append(len(ctx))
        statements = [(ms, statement_label(sql)) for ms, sql in timer.rows]
        tx = sum(1 for q in ctx.captured_queries if q["sql"] in ("BEGIN", "COMMIT", "ROLLBACK"))
    return {
        "n": creates,
        "tx": tx,
        "total_s": total_s,
        "per_s": creates / total_s,
        "median": statistics.median(timings),
        "p95": quantile(timings, 95),
        "queries": counts[0],
        "stable": len(set(counts)) == 1,
        "all_counts": counts,
        "statements": statements,
        "timers": timers,
        "numbers_ok": numbers_ok,
        "shape": [k for _, k in statements],
    }


def print_create(r: dict, detail: bool = True) -> None:
    stable = "" if r["stable"] else f" (NOT stable over 3 creates: {r['all_counts']})"
    print(
        f"  POST {API_URL} × {r['n']} (one process, after 10 warm-up creates): {r['total_s']:.1f} s, "
        f"{r['per_s']:.1f} incidents/s; median {r['median']:.1f} ms, p95 {r['p95']:.1f} ms per create; "
        f"{r['queries']} queries per create{stable}"
    )
    print(
        f"    check: {r['numbers_ok']} of {r['n']} answered with number INC%06d of their id and 2 SLA clocks; "
        f"{r['timers']} timers started"
    )
    if not detail:
        return
    grouped: dict[str, list[float]] = {}
    for ms, kind in r["statements"]:
        grouped.setdefault(kind, []).append(ms)
    print("    by statement (one create, in order of first appearance; wall time in this process):")
    for kind, times in grouped.items():
        print(f"      {len(times):>2} × {kind}: {sum(times):6.2f} ms")
    print(f"      {r['tx']:>2} × BEGIN / COMMIT (in Django's count, not seen by the execute wrapper)")
    sql_ms = sum(ms for ms, _ in r["statements"])
    print(f"      in SQL (round trips included) {sql_ms:.1f} ms of a median create's {r['median']:.1f} ms")


def make_clients(fx: dict):
    from django.test import Client
    from rest_framework.test import APIClient

    # HTTP_HOST: "testserver" is not in ALLOWED_HOSTS outside the test runner.
    api = APIClient(HTTP_HOST="localhost")
    api.credentials(HTTP_AUTHORIZATION=f"Token {fx['token']}")
    browser = Client(HTTP_HOST="localhost")
    browser.force_login(fx["agent"])
    return api, browser


def measure_kept(args: argparse.Namespace) -> None:
    """``--reuse``: every list and page on the kept database as it is, then a summary with the
    CPU time of this process per request and the statements' time."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from rest_framework.authtoken.models import Token

    import incidents

    source = Path(args.source or Path(__file__).resolve().parent.parent).resolve()
    if not incidents.__file__.startswith(str(source)):
        sys.exit(f"incidents came from {incidents.__file__}, not from {source}")
    if not args.source:
        call_command("migrate", verbosity=0)  # this checkout's indexes (incidents', sla's…) on the kept rows
    print(f"bench_incidents --reuse — database {connection.settings_dict['NAME']}, code from {source}")
    for line in machine_line():
        print(line)
    if args.load:
        fx = fixtures_from_db()
        info = load(args.load, fx, args.seed + args.load)
        print(
            f"loaded {args.load:,} incidents in {info['incidents_s']:.1f} s and {info['timers']:,} SLA timers in "
            f"{info['timers_s']:.1f} s; VACUUM (ANALYZE) {info['vacuum_s']:.1f} s"
        )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*), count(*) FILTER (WHERE status = ANY(%s)) FROM incidents_incident", [list(OPEN)]
        )
        total, open_n = cursor.fetchone()
    agent = get_user_model().objects.get(username="bench-agent")
    api, browser = make_clients({"agent": agent, "token": Token.objects.get_or_create(user=agent)[0].key})
    print(f"{total:,} incidents, {open_n:,} open")
    measured = []
    for label, url in LISTS.items():
        if args.only in f"GET {url}":
            r = bench_get(api, url, args.requests)
            print_get(f"GET {url}", r)
            measured.append((label, r))
    pages = with_partial(find_queue_pages())
    for page_name, url, meta in pages:
        if args.only in page_name:
            r = bench_get(browser, url, args.requests, meta)
            print_get(f"{page_name} (GET {url})", r)
            measured.append((page_name, r))
    print("\n| list or page | median ms | p95 ms | CPU p50 ms | CPU p95 ms | queries | SQL ms | bytes |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, r in measured:
        sql_ms = sum(ms for ms, _ in r["statements"])
        print(
            f"| {label} | {r['median']:.1f} | {r['p95']:.1f} | {r['cpu']:.1f} | {r['cpu_p95']:.1f} | "
            f"{r['queries']} | {sql_ms:.1f} | {r['bytes']:,} |"
        )
    if args.profile and pages and (not args.only or args.only in pages[0][0]):
        profile_page(browser, pages[0][1], args.profile)
    if args.profile and args.only in f"GET {API_URL}":
        profile_page(api, API_URL, args.profile)
    print(f"load average at end: {load_average()}")
    connection.close()


def main() -> None:
    args = parse_args()
    run_started = time.perf_counter()
    if args.source:  # bench_contacts.setup_django puts ROOT first on sys.path
        import bench_contacts

        bench_contacts.ROOT = Path(args.source).resolve()
        os.chdir(bench_contacts.ROOT)  # Celery's Django fix-up puts the working directory first on sys.path
    if args.reuse:
        setup_django(args.database_url)
        measure_kept(args)
        return
    name = recreate_database(args.database_url)
    setup_django(args.database_url)

    from django.db import connections
    from django.test import override_settings

    started = time.perf_counter()
    migrate_fresh()
    print(f"bench_incidents — database {name} (created and migrated in {time.perf_counter() - started:.1f} s)")
    for line in machine_line():
        print(line)
    fx = make_fixtures(args.agents, args.contacts, args.seed)
    print(
        f"fixtures: {args.agents} agents in {fx['n_teams']} teams, {len(fx['services'])} services, "
        f"{len(fx['contacts'])} contacts of {len(set(fx['customers']))} customers; 24×7 calendar; SLA policy for "
        f"incidents: response 60 min, resolution 480 min, paused on hold, 2 escalation rules (75 %, 100 %)"
    )
    api, browser = make_clients(fx)
    pages = with_partial(find_queue_pages())
    if pages:
        print("workspace pages measured (incidents/urls.py): " + ", ".join(f"{u}" for _, u, _ in pages))
    else:
        print("workspace queue page: none yet (incidents/urls.py has only incidents:detail): measuring the API only")

    stages = sorted({s for s in (10_000, 100_000) if s < args.incidents} | {args.incidents})
    results: dict[int, dict] = {}
    try:
        for stage in stages:
            print(f"\n== {stage:,} incidents ==")
            detail = args.verbose or stage == stages[-1]
            info = load(stage, fx, args.seed + stage)
            st = info["statuses"]
            open_n = sum(st.get(s, 0) for s in OPEN)
            print(
                f"  load: {stage:,} incidents in {info['incidents_s']:.1f} s ({stage / info['incidents_s']:,.0f}/s), "
                f"{info['timers']:,} SLA timers in {info['timers_s']:.1f} s (INSERT ... SELECT generate_series), "
                f"VACUUM (ANALYZE) {info['vacuum_s']:.1f} s, CHECKPOINT {info['checkpoint_s']:.1f} s"
            )
            print(
                f"  check: {', '.join(f'{s} {st.get(s, 0):,}' for s in (*OPEN, 'resolved', 'closed'))} "
                f"({open_n / stage:.1%} open); created {info['oldest']:%Y-%m-%d} … now, last number "
                f"{info['last_number']}; bench-agent is the assignee of {info['mine']:,}"
            )
            print(
                "  timers: "
                + ", ".join(f"{m} {s} {c:,}" for m, s, c in info["timer_states"])
                + f"; incidents_incident {mib(info['incident_bytes'])} with indexes, "
                f"sla_slatimer {mib(info['timer_bytes'])}"
            )
            results[stage] = {"lists": {}, "pages": {}}
            for label, url in LISTS.items():
                try:
                    # The same list with the exact COUNT(*) every list had before issue 23
                    # (core.api.pagination: no limit), then as it is now, in the same run.
                    with override_settings(PAGINATION_EXACT_COUNT_LIMIT=None):
                        exact = bench_get(api, url, args.requests)
                    r = bench_get(api, url, args.requests)
                except PageError as exc:
                    raise SystemExit(str(exc)) from exc
                r["exact"] = exact
                results[stage]["lists"][label] = r
                print_get(f"GET {url} with the exact COUNT(*) (before)", exact, False)
                print_get(f"GET {url}", r, detail)
                if "ordering=" in url:
                    tie = tie_check(api, url)
                    r["tie"] = tie
                    first = (
                        "the same each time"
                        if tie["same_first"]
                        else f"differs ({tie['distinct_first']} different first pages)"
                    )
                    print(
                        f"    ties: pages 1 and 2 fetched {tie['fetches']} times: page 1 {first}; "
                        f"{tie['cross']} ids on both page 1 and page 2"
                    )
            for page_name, url, meta in pages:
                try:
                    # The page with the exact COUNT(*) the lists ran before issue 23 (no limit),
                    # then with the API's bounded count (core.pages.lists), in the same run.
                    with override_settings(PAGINATION_EXACT_COUNT_LIMIT=None):
                        exact = bench_get(browser, url, args.requests, meta)
                    r = bench_get(browser, url, args.requests, meta)
                except PageError as exc:  # a page under construction: say so, measure the rest
                    print(f"  {page_name}: NOT MEASURED, {exc}")
                    continue
                r["exact"] = exact
                results[stage]["pages"][page_name] = r
                print_get(f"{page_name} with the exact COUNT(*) (before)", exact, False)
                print_get(f"{page_name} (GET {url}, django.test.Client, logged in as bench-agent)", r, detail)
            if args.profile and stage == stages[-1]:
                if pages:
                    profile_page(browser, pages[0][1], args.profile)
                profile_page(api, API_URL, args.profile)
            results[stage]["create"] = bench_create(api, fx, args.creates)
            print_create(results[stage]["create"], detail)

        print("\n== summary ==")
        print(
            f"{'incidents':>10} | {'API list / workspace page':<32} | {'median':>9} | {'p95':>9} | {'queries':>7} | "
            f"{'count':>10} | exact COUNT(*) (before): median / p95 / queries"
        )
        for stage, r in results.items():
            for label, lst in [*r["lists"].items(), *r["pages"].items()]:
                count = f"{'' if lst.get('count_exact', True) else '≈'}{lst['count']:,}" if "count" in lst else "-"
                before = lst.get("exact")
                before = f"{before['median']:.1f} ms / {before['p95']:.1f} ms / {before['queries']}" if before else ""
                print(
                    f"{stage:>10,} | {label:<32} | {lst['median']:>6.1f} ms | {lst['p95']:>6.1f} ms | "
                    f"{lst['queries']:>7} | {count:>10} | {before}"
                )
        print(f"{'incidents':>10} | {'creates':>7} | {'incidents/s':>11} | {'median':>9} | {'p95':>9} | queries")
        for stage, r in results.items():
            c = r["create"]
            print(
                f"{stage:>10,} | {c['n']:>7} | {c['per_s']:>11.1f} | {c['median']:>6.1f} ms | "
                f"{c['p95']:>6.1f} ms | {c['queries']}"
            )
        if len(results) > 1:
            sizes = list(results)
            names = [*LISTS, *(n for n, _, _ in pages)]
            for label in names:
                per = [results[s]["lists"].get(label) or results[s]["pages"].get(label) for s in sizes]
                if not all(per):
                    print(f"queries per request, {label}: not measured at every size")
                    continue
                same = len({p["queries"] for p in per}) == 1 and all(p["shape"] == per[0]["shape"] for p in per)
                print(
                    f"queries per request, {label}: {' / '.join(str(p['queries']) for p in per)} at "
                    f"{' / '.join(f'{s:,}' for s in sizes)} incidents: "
                    f"{'identical (same statements in the same order)' if same else 'DIFFERENT'}"
                )
            per = [results[s]["create"] for s in sizes]
            same = len({p["queries"] for p in per}) == 1 and all(p["shape"] == per[0]["shape"] for p in per)
            print(
                f"queries per create: {' / '.join(str(p['queries']) for p in per)}: "
                f"{'identical (same statements in the same order)' if same else 'DIFFERENT'}"
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
