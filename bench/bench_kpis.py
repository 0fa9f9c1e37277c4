#!/usr/bin/env python
"""KPI rollups at scale: a year of 10,000,000 calls, the backfill, the beat task, the dashboard.

    .venv/bin/python bench/bench_kpis.py [--calls 10000000] [--agents 50] [--incidents 100000] [--keep]

Works on its own PostgreSQL database (default ``servicedesk_kpis_bench``; the name must end in
``_bench``), which it drops and creates afresh and migrates. Fixtures: ``--agents`` agents in 5
teams, 6 queues (service level 20/20/30/30/60/60 s) each with its own service, a manager
(``bench-manager``, group ``manager``, with an API token), 300 contacts (``generate_load``).

1. **Load**, set-based (``INSERT ... SELECT generate_series``, never the ORM row by row), for
   the year 2025 (UTC): ``--calls`` calls shaped by weekday and hour (weekends 20–35 % of a
   weekday, peaks at 10–11 h and 14–15 h), ids in time order, 2 % outbound; inbound outcomes
   about 64 % answered, 7 % transferred (answered, 1–2 transfers), 12 % abandoned (a third
   within the 5 s grace), 4 % voicemail, 6 % deflected by an announcement (never queued);
   exponential waits (mean 22 s answered), talk, hold (a quarter of the answered calls),
   wrap-up (3 % still open), CSAT on 18 % of the answered, 9 % repeat calls linked with
   ``repeat_of`` to the same number's call up to ~2.5 days' worth of calls earlier. Then one ``AgentStateLog``
   stretch per state (available → busy → wrap-up) per 6-minute slot of every agent's 8-hour
   shift (weekdays, a third of the agents at weekends) and one offline stretch per shift; then
   ``--incidents`` incidents over the year (``bench_incidents.LOAD_INCIDENTS``); a recording for
   a third of the answered calls and a quality evaluation for one in 97 (issue 22.5). The bulk load
   runs with ``session_replication_role = replica`` (no foreign-key triggers: the generated
   ids are consistent by construction) and with the secondary indexes of the call and agent
   log tables dropped and rebuilt after (faster than maintaining them row by row; the
   resulting indexes are the same), then ``VACUUM (ANALYZE)`` and a ``CHECKPOINT``.
2. **Backfill**: ``kpis.rollups.rollup_window`` (what ``manage.py rollup_kpis`` runs), a month
   per call, timed per month, for the first ``--backfill-days`` days (default 28; 365 for the
   whole year, which takes far longer than the rest of the run): the year's time is
   extrapolated from them, and the rest of the year is filled by copying those days' rollup
   rows shifted by whole weeks (so the reads see a year; the output says so).
3. **Incremental**: ``rollup_window`` for one day (2025-06-18) ``--repeats`` times and
   ``rollup_recent`` (the beat task's body, ``now`` = 2025-06-18 15:00 UTC) at most 3 times,
   after a warm-up each: median, queries per run by statement, ``EXPLAIN`` of the slowest.
4. **Reads**, as the manager, ``--requests`` requests each after 3 warm-ups: ``GET
   /api/v1/kpis/contact-center/`` for the year (totals, and ``&interval=1d``), ``GET
   /api/v1/kpis/itsm/`` for the year (token, ``APIClient``), and the ``/dashboards/`` page for
   the year per day (``django.test.Client`` logged in): median, p95, queries per request, each
   statement's time, and ``EXPLAIN (ANALYZE, BUFFERS)`` of the slowest statement. Then a
   prototype: the same year totals from a daily table built from ``kpis_callinterval``.

It prints figures, never pass/fail on time. Without ``--keep`` the database is dropped at the
end. See ``bench/README.md`` for the latest figures.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import time
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

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

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/servicedesk_kpis_bench"
YEAR_START = datetime(2025, 1, 1, tzinfo=UTC)
YEAR_END = datetime(2026, 1, 1, tzinfo=UTC)
ONE_DAY = datetime(2025, 6, 18, tzinfo=UTC)  # a Wednesday
BEAT_NOW = datetime(2025, 6, 18, 15, 0, tzinfo=UTC)
TEAMS = ["Service desk", "Network", "Applications", "Infrastructure", "Security"]
QUEUES = [("Billing", 20), ("Support", 20), ("Sales", 30), ("Cards", 30), ("Business", 60), ("Complaints", 60)]
# Relative call volume per UTC hour of a weekday.
HOUR_SHAPE = [0.05, 0.03, 0.02, 0.02, 0.03, 0.08, 0.25, 0.6, 1.0, 1.3, 1.35, 1.25, 1.0, 1.1, 1.3, 1.25, 1.1, 0.9,
              0.6, 0.4, 0.3, 0.2, 0.12, 0.08]
CC_URL = f"/api/v1/kpis/contact-center/?from={YEAR_START:%Y-%m-%d}&to={YEAR_END:%Y-%m-%d}"
ITSM_URL = f"/api/v1/kpis/itsm/?from={YEAR_START:%Y-%m-%d}&to={YEAR_END:%Y-%m-%d}"
DASHBOARD_URL = f"/dashboards/?start={YEAR_START:%Y-%m-%d}&end={YEAR_END - timedelta(days=1):%Y-%m-%d}&interval=1d"
PROVIDERS_URL = f"/api/v1/kpis/providers/?from={YEAR_START:%Y-%m-%d}&to={YEAR_END:%Y-%m-%d}"
DASHBOARD_WEEK_URL = "/dashboards/?start=2025-06-16&end=2025-06-22&interval=1d"  # the default: a week


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=10_000_000, help="Calls over the year (default 10000000).")
    parser.add_argument("--agents", type=int, default=50, help="Agents (default 50).")
    parser.add_argument("--incidents", type=int, default=100_000, help="Incidents over the year (default 100000).")
    parser.add_argument("--backfill-days", type=int, default=28,
                        help="Days backfilled with the real code (default 28; 365 = the whole year); fewer than 365: "
                             "extrapolate, and copy their rows shifted by whole weeks over the rest of the year.")
    parser.add_argument("--repeats", type=int, default=5,
                        help="One-day rollups timed (default 5; rollup_recent at most 3 times).")
    parser.add_argument("--requests", type=int, default=30, help="Requests per read (default 30).")
    parser.add_argument("--keep", action="store_true", help="Keep the benchmark database afterwards.")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL),
                        help=f"Benchmark database (default {DEFAULT_URL}; env BENCH_DATABASE_URL).")
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--template-db", default="",
                        help="Create the database as a copy of this migrated one (CREATE DATABASE … TEMPLATE, e.g. a "
                             "test template test_<name>_tpl_<digest>) instead of migrating an empty one (~17 min at "
                             "load 10); migrate then applies only what it lacks.")
    parser.add_argument("--reuse", action="store_true",
                        help="Use the database a --keep run left (no drop, no load, no backfill): migrate, fill the "
                             "coarse call tables if they are empty, then the --stages (default incremental,reads).")
    parser.add_argument("--stages", default="",
                        help="Comma-separated: backfill,incremental,reads,prototypes (default: all; with --reuse: "
                             "incremental,reads); copy (with --reuse): only the copy of the first --backfill-days "
                             "days' rollup rows over the rest of the year.")
    parser.add_argument("--label", default="", help="A label printed with every figure (e.g. before / after).")
    args = parser.parse_args()
    stages = {"backfill", "copy", "incremental", "reads", "prototypes"}
    args.stages = set(filter(None, args.stages.split(","))) or (
        {"incremental", "reads"} if args.reuse else stages - {"copy"})
    if args.stages - stages:
        parser.error(f"unknown stage(s): {', '.join(sorted(args.stages - stages))}")
    if args.requests < 2 or args.repeats < 1:
        parser.error("--requests must be at least 2 (for a p95), --repeats at least 1")
    args.backfill_days = max(7, min(args.backfill_days, 365))
    return args


# --- fixtures -------------------------------------------------------------------------------

def make_fixtures(agents: int) -> dict:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from rest_framework.authtoken.models import Token

    from catalog.models import Contact, Service, Team
    from contactcenter.models import Queue
    from core.roles import Role

    User = get_user_model()  # noqa: N806
    agent_group = Group.objects.get(name=Role.AGENT)
    teams = [Team.objects.create(name=name) for name in TEAMS]
    users = []
    for k in range(agents):
        user = User.objects.create(username=f"bench-agent-{k + 1:03d}", first_name="Agent", last_name=f"{k + 1:03d}")
        user.groups.add(agent_group)
        teams[k % len(teams)].members.add(user)
        users.append(user)
    services = [Service.objects.create(name=f"{name} line", owner_team=teams[k % len(teams)])
                for k, (name, _) in enumerate(QUEUES)]
    queues = [Queue.objects.create(name=name, service_level_seconds=sl) for name, sl in QUEUES]
    manager = User.objects.create(username="bench-manager")
    manager.groups.add(Group.objects.get(name=Role.MANAGER))
    token, _ = Token.objects.get_or_create(user=manager)
    call_command("generate_load", contacts=300, customers=30, seed=1, stdout=StringIO())
    contact_rows = list(Contact.objects.order_by("id").values_list("id", "customer_id"))
    return {
        "manager": manager, "token": token.key,
        "agents": [u.pk for u in users], "agent_teams": [teams[k % len(teams)].pk for k in range(agents)],
        "services": [s.pk for s in services], "service_teams": [s.owner_team_id for s in services],
        "queues": [q.pk for q in queues],
        "contacts": [c for c, _ in contact_rows], "customers": [c for _, c in contact_rows],
    }


# --- bulk load ------------------------------------------------------------------------------

# One row per hour of the year with the ids of its calls, (lo, hi]: the year's calls spread by
# weekday and hour weights, cumulated so that the counts add up to exactly --calls.
HOURS = """
CREATE TEMP TABLE bench_hours AS
SELECT h, round(%(n)s * (cw - w) / tw)::bigint AS lo, round(%(n)s * cw / tw)::bigint AS hi
FROM (
    SELECT h, w, sum(w) OVER (ORDER BY h) AS cw, sum(w) OVER () AS tw
    FROM (
        SELECT h, (CASE extract(isodow FROM h) WHEN 6 THEN 0.35 WHEN 7 THEN 0.2 ELSE 1.0 END)
                  * (%(shape)s::float8[])[extract(hour FROM h)::int + 1]
                  * (0.9 + 0.2 * extract(doy FROM h) / 365.0) AS w
        FROM generate_series(%(start)s::timestamptz, %(end)s::timestamptz - interval '1 hour', interval '1 hour') AS h
    ) AS x
) AS y
"""

# The calls of the hours in [from, to). random() is evaluated once per row (the subquery with
# volatile functions is not flattened); ids grow with started_at, so a smaller id is an earlier
# call and repeat_of can point back by id.
LOAD_CALLS = """
INSERT INTO contactcenter_call (
    id, call_sid, direction, from_number, to_number, contact_id, customer_id, line_id, status, outcome,
    announcement_id, continued, last_sequence, started_at, answered_at, ended_at, talk_seconds, wait_seconds,
    after_hours, pin_tries, account_number, csat, service_id, queue_id, priority, queued_at, agent_id, incident_id,
    hold_seconds, held_since, wrap_up_seconds, transfers, repeat_of_id)
SELECT c.i, 'CA' || lpad(to_hex(c.i), 32, '0'), c.direction,
       '+3069' || lpad(((coalesce(c.repeat_of, c.i) * 7919) %% 100000000)::text, 8, '0'), '+302100000000',
       NULL, NULL, NULL, 'completed', c.outcome, NULL, c.queued, 3, c.started,
       CASE WHEN c.answered THEN c.queued_at + c.wait * interval '1 second' END,
       c.started + c.dur * interval '1 second',
       CASE WHEN c.answered THEN c.talk END,
       c.wait, extract(hour FROM c.started) NOT BETWEEN 7 AND 19, 0, '', c.csat,
       (%(services)s::bigint[])[c.q], CASE WHEN c.queued THEN (%(queues)s::bigint[])[c.q] END,
       CASE WHEN c.i %% 20 = 0 THEN 2 WHEN c.i %% 7 = 0 THEN 1 ELSE 0 END,
       c.queued_at, CASE WHEN c.answered THEN (%(agents)s::bigint[])[c.agt] END, NULL,
       c.hold, NULL, c.wrap, c.transfers, c.repeat_of
FROM (
    SELECT o.*,
           CASE WHEN o.answered THEN 30 + floor(-ln(1 - r.u_talk) * 220)::int END AS talk,
           CASE WHEN o.answered AND r.u_hold < 0.25 THEN floor(-ln(1 - r.u_hold2) * 60)::int ELSE 0 END AS hold,
           CASE WHEN o.answered AND r.u_wrap < 0.97 THEN 5 + floor(-ln(1 - r.u_wrap2) * 40)::int END AS wrap,
           CASE WHEN o.answered AND r.u_csat < 0.18 THEN
                CASE WHEN r.u_csat2 < 0.05 THEN 1 WHEN r.u_csat2 < 0.12 THEN 2 WHEN r.u_csat2 < 0.25 THEN 3
                     WHEN r.u_csat2 < 0.60 THEN 4 ELSE 5 END END AS csat,
           CASE WHEN o.outcome = 'transferred' THEN 1 + (r.u_tr < 0.15)::int ELSE 0 END AS transfers,
           CASE WHEN r.u_rep < 0.09 AND r.i > %(rep_span)s + 1
                THEN r.i - 1 - floor(r.u_rep2 * r.u_rep2 * %(rep_span)s)::bigint END
               AS repeat_of,
           r.started + 15 * interval '1 second' AS queued_at,
           15 + coalesce(o.wait, 0) + CASE WHEN o.answered THEN 30 + floor(-ln(1 - r.u_talk) * 220)::int
                                           WHEN o.outcome = 'voicemail' THEN 40 ELSE 5 END AS dur,
           r.i, r.started, r.q, r.agt
    FROM (
        SELECT i, b.h + (i - b.lo - random()) / (b.hi - b.lo) * interval '1 hour' AS started,
               random() AS u_dir, random() AS u_out, random() AS u_wait, random() AS u_talk, random() AS u_hold,
               random() AS u_hold2, random() AS u_wrap, random() AS u_wrap2, random() AS u_csat,
               random() AS u_csat2, random() AS u_tr, random() AS u_rep, random() AS u_rep2,
               1 + floor(power(random(), 1.6) * cardinality(%(queues)s::bigint[]))::int AS q,
               1 + floor(random() * cardinality(%(agents)s::bigint[]))::int AS agt
        FROM bench_hours AS b CROSS JOIN LATERAL generate_series(b.lo + 1, b.hi) AS i
        WHERE b.h >= %(from)s AND b.h < %(to)s
    ) AS r
    CROSS JOIN LATERAL (
        SELECT x.*,
               x.outcome IN ('answered', 'transferred') AS answered,
               x.outcome <> 'deflected' AND x.direction = 'inbound' AS queued,
               CASE WHEN x.direction <> 'inbound' OR x.outcome = 'deflected' THEN NULL
                    WHEN x.outcome IN ('answered', 'transferred') THEN floor(-ln(1 - r.u_wait) * 22)::int
                    WHEN x.outcome = 'abandoned' THEN
                         CASE WHEN r.u_wait < 0.33 THEN floor(r.u_wait * 15)::int
                              ELSE 5 + floor(-ln(1 - r.u_wait) * 45)::int END
                    ELSE 60 + floor(r.u_wait * 120)::int END AS wait
        FROM (
            SELECT CASE WHEN r.u_dir < 0.02 THEN 'outbound' ELSE 'inbound' END AS direction,
                   CASE WHEN r.u_dir < 0.02 THEN 'answered'
                        WHEN r.u_out < 0.06 THEN 'deflected' WHEN r.u_out < 0.10 THEN 'voicemail'
                        WHEN r.u_out < 0.22 THEN 'abandoned' WHEN r.u_out < 0.29 THEN 'transferred'
                        ELSE 'answered' END AS outcome
        ) AS x
    ) AS o
) AS c
"""

# Issue 22.5 (CC-C): a recording for a third of the answered calls (both directions; two for
# one in ten of those, as a transfer's second leg would) and a quality evaluation for one answered
# call in 97, submitted the day after the call, scores 50-100.
LOAD_RECORDINGS = """
INSERT INTO contactcenter_callrecording (call_id, recording_sid, status, duration_seconds, channels, file,
    content_type, size, fetched_at, fetch_error, created_at, delete_after, deleted_at)
SELECT c.id, 'RE' || lpad(to_hex(c.id), 31, '0') || leg, 'completed', c.talk_seconds, 1, '', 'audio/mpeg', NULL,
       c.ended_at, '', c.ended_at, c.ended_at + interval '90 days', NULL
FROM contactcenter_call AS c CROSS JOIN LATERAL (SELECT 0 AS leg UNION ALL SELECT 1 WHERE c.id %% 30 = 0) AS legs
WHERE c.answered_at IS NOT NULL AND c.id %% 3 = 0
"""
LOAD_EVALUATIONS = """
INSERT INTO contactcenter_evaluation (call_id, form_id, agent_id, queue_id, evaluator_id, score, comment,
    submitted_at)
SELECT c.id, %(form)s, c.agent_id, c.queue_id, %(evaluator)s, 50 + (c.id * 7919) %% 51, '',
       c.ended_at + interval '1 day'
FROM contactcenter_call AS c
WHERE c.answered_at IS NOT NULL AND c.id %% 97 = 0 AND c.ended_at + interval '1 day' < %(end)s
"""

# Every agent's 8-hour shift (weekdays; a third of the agents at weekends), 80 slots of 6
# minutes, each available → busy → wrap-up, then an offline stretch until the next shift.
LOAD_AGENT_LOG = """
INSERT INTO contactcenter_agentstatelog (user_id, state, started_at, ended_at, call_id)
SELECT s.user_id, st.state, st.a, st.b, NULL
FROM (
    SELECT a.user_id, a.shift_start + slot * interval '6 minutes' AS t, slot,
           floor(random() * 120)::int AS avail, random() AS u_busy
    FROM (
        SELECT ag.user_id, d + (7 + 2 * (ag.k %% 4)) * interval '1 hour' + (ag.k %% 5) * interval '7 minutes'
               AS shift_start
        FROM unnest(%(agents)s::bigint[]) WITH ORDINALITY AS ag (user_id, k)
        CROSS JOIN generate_series(%(start)s::timestamptz, %(end)s::timestamptz - interval '1 day',
                                   interval '1 day') AS d
        WHERE extract(isodow FROM d) < 6 OR ag.k %% 3 = 0
    ) AS a
    CROSS JOIN generate_series(0, 79) AS slot
) AS s
CROSS JOIN LATERAL (
    SELECT s.avail AS avail, s.avail + floor((360 - s.avail) * (0.7 + 0.25 * s.u_busy))::int AS busy_end
) AS p
CROSS JOIN LATERAL (VALUES
    ('available', s.t, s.t + p.avail * interval '1 second'),
    ('busy', s.t + p.avail * interval '1 second', s.t + p.busy_end * interval '1 second'),
    ('wrap_up', s.t + p.busy_end * interval '1 second', s.t + interval '6 minutes'),
    ('offline', s.t + interval '6 minutes', CASE WHEN s.slot = 79 THEN s.t + interval '16 hours 6 minutes' END)
) AS st (state, a, b)
WHERE st.state <> 'offline' OR s.slot = 79
ORDER BY st.a
"""


def secondary_indexes(cursor, table: str) -> list[tuple[str, str]]:
    cursor.execute("""
        SELECT i.indexname, i.indexdef FROM pg_indexes AS i
        WHERE i.tablename = %s AND i.indexname NOT IN (
            SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass AND contype IN ('p', 'u'))
    """, [table, table])
    return cursor.fetchall()


def _call_defaults(cursor) -> None:
    """Database defaults for the call columns the set-based INSERT predates (``from_raw``,
    ``input_flags``, and those of later issues): Django keeps defaults in Python, so a column
    added since would refuse the INSERT's rows."""
    import json

    from contactcenter.models import Call

    listed = set(re.findall(r"\w+", LOAD_CALLS[:LOAD_CALLS.index("SELECT")]))
    for field in Call._meta.concrete_fields:
        if field.null or field.column in listed:
            continue
        value = field.get_default()  # "" for a text column without a default of its own
        if isinstance(value, (list, dict)):
            cursor.execute(f'ALTER TABLE contactcenter_call ALTER "{field.column}" SET DEFAULT %s::jsonb',
                           [json.dumps(value)])
        elif isinstance(value, (str, bool, int)):
            cursor.execute(f'ALTER TABLE contactcenter_call ALTER "{field.column}" SET DEFAULT %s', [value])


def load(args, fx: dict) -> dict:
    from bench_incidents import DESCRIPTIONS, LOAD_INCIDENTS, TITLES
    from django.db import connection

    out = {}
    # A repeat points back at most ~2.5 days' worth of calls (the repeat window is 72 h).
    params = {"n": args.calls, "rep_span": max(10, round(args.calls * 2.5 / 365)), "shape": HOUR_SHAPE,
              "start": YEAR_START, "end": YEAR_END,
              "services": fx["services"], "queues": fx["queues"], "agents": fx["agents"]}
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
        cursor.execute("SET session_replication_role TO replica")  # no FK triggers during the load
        cursor.execute("SET maintenance_work_mem TO '512MB'")
        cursor.execute("SELECT setseed(%s)", [(args.seed % 2000) / 1000 - 1])
        dropped = {}
        for table in ("contactcenter_call", "contactcenter_agentstatelog"):
            dropped[table] = secondary_indexes(cursor, table)
            for name, _ in dropped[table]:
                cursor.execute(f'DROP INDEX "{name}"')
        cursor.execute(HOURS, params)
        _call_defaults(cursor)
        started = time.perf_counter()
        month = YEAR_START
        while month < YEAR_END:
            upper = month.replace(year=month.year + (month.month == 12), month=month.month % 12 + 1)
            t = time.perf_counter()
            cursor.execute(LOAD_CALLS, {**params, "from": month, "to": upper})
            print(f"    calls {month:%Y-%m}: {cursor.rowcount:,} rows in {time.perf_counter() - t:.1f} s", flush=True)
            month = upper
        out["calls_s"] = time.perf_counter() - started
        cursor.execute("SELECT setval(pg_get_serial_sequence('contactcenter_call', 'id'), %s)", [args.calls])
        started = time.perf_counter()
        cursor.execute(LOAD_AGENT_LOG, params)
        out["agent_log_rows"] = cursor.rowcount
        out["agent_log_s"] = time.perf_counter() - started
        started = time.perf_counter()
        from contactcenter.models import EvaluationForm

        form = EvaluationForm.objects.create(name="bench")
        cursor.execute(LOAD_RECORDINGS, {})
        out["recordings"] = cursor.rowcount
        cursor.execute(LOAD_EVALUATIONS, {"form": form.pk, "evaluator": fx["manager"].pk, "end": YEAR_END})
        out["evaluations"] = cursor.rowcount
        out["step2_s"] = time.perf_counter() - started
        started = time.perf_counter()
        for indexes in dropped.values():
            for _, definition in indexes:
                cursor.execute(definition)
        out["indexes"] = sum(len(v) for v in dropped.values())
        out["index_s"] = time.perf_counter() - started
        started = time.perf_counter()
        inc = {"n": args.incidents, "now": YEAR_END, "span": timedelta(days=365), "titles": TITLES,
               "descriptions": DESCRIPTIONS, **{k: fx[k] for k in ("services", "service_teams", "agents", "agent_teams",
                                                                   "contacts", "customers")}}
        cursor.execute(LOAD_INCIDENTS, inc)
        cursor.execute("SELECT setval(pg_get_serial_sequence('incidents_incident', 'id'), %s)",
                       [max(args.incidents, 1)])
        out["incidents_s"] = time.perf_counter() - started
        cursor.execute("SET session_replication_role TO DEFAULT")
        cursor.execute("SET synchronous_commit TO DEFAULT")
        started = time.perf_counter()
        cursor.execute("VACUUM (ANALYZE) contactcenter_call, contactcenter_agentstatelog, incidents_incident")
        out["vacuum_s"] = time.perf_counter() - started
        started = time.perf_counter()
        cursor.execute("CHECKPOINT")
        out["checkpoint_s"] = time.perf_counter() - started
        cursor.execute("""
            SELECT count(*), count(*) FILTER (WHERE direction = 'inbound'),
                   count(*) FILTER (WHERE repeat_of_id IS NOT NULL), count(*) FILTER (WHERE csat IS NOT NULL),
                   min(started_at), max(started_at)
            FROM contactcenter_call
        """)
        out["calls"], out["inbound"], out["repeats"], out["rated"], out["first"], out["last"] = cursor.fetchone()
        cursor.execute("SELECT outcome, count(*) FROM contactcenter_call WHERE direction = 'inbound' "
                       "GROUP BY outcome ORDER BY 2 DESC")
        out["outcomes"] = cursor.fetchall()
        cursor.execute("""
            SELECT round(avg(n) FILTER (WHERE dow < 6)), round(avg(n) FILTER (WHERE dow >= 6)), max(n)
            FROM (SELECT extract(isodow FROM d) AS dow, n
                  FROM (SELECT date_trunc('day', started_at) AS d, count(*) AS n FROM contactcenter_call GROUP BY 1) x
            ) AS y
        """)
        out["weekday_avg"], out["weekend_avg"], out["max_day"] = cursor.fetchone()
        cursor.execute("SELECT pg_total_relation_size('contactcenter_call'), "
                       "pg_total_relation_size('contactcenter_agentstatelog'), "
                       "pg_total_relation_size('incidents_incident')")
        out["call_bytes"], out["log_bytes"], out["incident_bytes"] = cursor.fetchone()
    return out


# --- measurements ---------------------------------------------------------------------------

def statement_label(sql: str) -> str:
    """What a statement does to which table, without columns or literals."""
    sql = " ".join(sql.split())
    verb = sql.split(" ", 1)[0]
    if verb in ("SAVEPOINT", "RELEASE", "ROLLBACK", "BEGIN", "COMMIT"):
        return verb
    table = re.search(r'(?:FROM|INTO|UPDATE) "?(\w+)"?', sql)
    return f"{verb} {table.group(1) if table else '?'}"


def captured(run) -> dict:
    """Run once under CaptureQueriesContext and a per-statement timer."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timer = StatementTimer()
    with CaptureQueriesContext(connection) as ctx, connection.execute_wrapper(timer):
        run()
    by_label: dict[str, list] = defaultdict(lambda: [0, 0.0])
    for ms, sql in timer.rows:
        entry = by_label[statement_label(sql)]
        entry[0] += 1
        entry[1] += ms
    # The captured SQL has its parameters interpolated (runnable under EXPLAIN); the timer's has not.
    sqls = [q["sql"] for q in ctx.captured_queries]
    rows = [(ms, sqls[k] if len(sqls) == len(timer.rows) else sql) for k, (ms, sql) in enumerate(timer.rows)]
    return {"queries": len(ctx), "by_label": dict(by_label), "rows": rows, "sqls": sqls}


def print_statements(cap: dict, indent: str = "      ") -> None:
    for label, (n, ms) in sorted(cap["by_label"].items(), key=lambda kv: -kv[1][1]):
        print(f"{indent}{n:>5} × {label}: {ms:9.1f} ms")


def explain(sql: str) -> list[str]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        return [row[0] for row in cursor.fetchall()]


def table_rows(cursor, table: str) -> int:
    cursor.execute(f"SELECT count(*) FROM {table}")
    return cursor.fetchone()[0]


def backfill(days: int, real: bool = True) -> dict:
    """rollup_window month by month (what rollup_kpis runs for a window), for ``days`` days;
    ``real=False`` (stage ``copy`` of a kept database): only the copy of those days' rows
    over the rest of the year (ON CONFLICT DO NOTHING: what is there stays)."""
    from django.db import connection

    from kpis.rollups import rollup_window

    end = YEAR_START + timedelta(days=days)
    totals: dict[str, int] = defaultdict(int)
    started, cpu = time.perf_counter(), time.process_time()
    month = YEAR_START
    while real and month < end:
        upper = min(end, month.replace(year=month.year + (month.month == 12), month=month.month % 12 + 1))
        t = time.perf_counter()
        rows = rollup_window(start=month, end=upper, now=YEAR_END + timedelta(days=1))
        for name, count in rows.items():
            totals[name] += count
        print(f"    {month:%Y-%m-%d} → {upper:%Y-%m-%d}: {time.perf_counter() - t:6.1f} s (load {load_average()})  "
              + ", ".join(f"{count:,} {name}" for name, count in sorted(rows.items())), flush=True)
        month = upper
    out = {"s": time.perf_counter() - started, "cpu_s": time.process_time() - cpu, "days": days,
           "rows": dict(totals)}
    if days < 365:
        out["extrapolated_s"] = out["s"] * 365 / days
        # Copy the real rows over the rest of the year, shifted by whole weeks (keeps the weekday shape).
        weeks = days // 7
        span = timedelta(weeks=weeks)
        from kpis.models import CallInterval

        # Every column of the call tables (those added since are NOT NULL without a database default).
        call_columns = ", ".join(f.column for f in CallInterval._meta.concrete_fields if not f.primary_key)
        shifted_calls = call_columns.replace("start,", "start + %(shift)s,", 1)
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO OFF")
            k = 1
            t = time.perf_counter()
            while YEAR_START + k * span < YEAR_END:
                shift = k * span
                cursor.execute(f"INSERT INTO kpis_callinterval ({call_columns}) SELECT {shifted_calls} "
                               "FROM kpis_callinterval WHERE start >= %(a)s AND start < %(b)s "
                               "AND start + %(shift)s < %(end)s ON CONFLICT DO NOTHING",
                               {"shift": shift, "a": YEAR_START, "b": YEAR_START + span, "end": YEAR_END})
                cursor.execute("""
                    INSERT INTO kpis_agentinterval (start, agent_id, available_seconds, busy_seconds, wrap_seconds,
                                                    logged_in_seconds)
                    SELECT start + %(shift)s, agent_id, available_seconds, busy_seconds, wrap_seconds, logged_in_seconds
                    FROM kpis_agentinterval WHERE start >= %(a)s AND start < %(b)s AND start + %(shift)s < %(end)s
                    ON CONFLICT DO NOTHING
                """, {"shift": shift, "a": YEAR_START, "b": YEAR_START + span, "end": YEAR_END})
                daily_columns = {  # the daily tables and the hourly arrivals, shifted like the rest
                    "kpis_calldaily": call_columns,
                    "kpis_agentdaily": "start, agent_id, available_seconds, busy_seconds, wrap_seconds, "
                                       "logged_in_seconds",
                    "kpis_arrivalhour": "start, queue_id, service_id, arrivals"}
                for table, columns in daily_columns.items():
                    shifted = columns.replace("start,", "start + %(shift)s,", 1)
                    cursor.execute(f"INSERT INTO {table} ({columns}) SELECT {shifted} FROM {table} "
                                   "WHERE start >= %(a)s AND start < %(b)s AND start + %(shift)s < %(end)s "
                                   "ON CONFLICT DO NOTHING",
                                   {"shift": shift, "a": YEAR_START, "b": YEAR_START + span, "end": YEAR_END})
                cursor.execute("""
                    INSERT INTO kpis_incidentdaily (day, team_id, service_id, priority, created, acknowledged,
                        ack_seconds_sum, resolved, resolve_seconds_sum, resolved_after_reopen, backlog, age_lt_1d,
                        age_1_3d, age_3_7d, age_7_30d, age_gt_30d, sla_met, sla_breached, major_incidents, channel)
                    SELECT day + %(days)s, team_id, service_id, priority, created, acknowledged, ack_seconds_sum,
                        resolved, resolve_seconds_sum, resolved_after_reopen, backlog, age_lt_1d, age_1_3d, age_3_7d,
                        age_7_30d, age_gt_30d, sla_met, sla_breached, major_incidents, channel
                    FROM kpis_incidentdaily WHERE day >= %(da)s AND day < %(db)s AND day + %(days)s < %(dend)s
                    ON CONFLICT DO NOTHING
                """, {"days": shift.days, "da": YEAR_START.date(), "db": (YEAR_START + span).date(),
                      "dend": YEAR_END.date()})
                k += 1
            cursor.execute("SET synchronous_commit TO DEFAULT")
            out["copy_s"] = time.perf_counter() - t
            out["copied_weeks"] = weeks
    with connection.cursor() as cursor:
        started = time.perf_counter()
        cursor.execute("VACUUM (ANALYZE) kpis_callinterval, kpis_agentinterval, kpis_calldaily, kpis_agentdaily, "
                       "kpis_arrivalhour, kpis_incidentdaily, kpis_deskdaily")
        out["vacuum_s"] = time.perf_counter() - started
        out["table_rows"] = {t: table_rows(cursor, t) for t in ("kpis_callinterval", "kpis_agentinterval",
                                                                "kpis_incidentdaily", "kpis_deskdaily")}
        cursor.execute("SELECT pg_total_relation_size('kpis_callinterval'), "
                       "pg_total_relation_size('kpis_agentinterval')")
        out["ci_bytes"], out["ai_bytes"] = cursor.fetchone()
    return out


def timed_runs(fn, repeats: int) -> dict:
    fn()  # warm-up
    timings, cpu_ms = [], []
    for _ in range(repeats):
        started, cpu = time.perf_counter(), time.process_time()
        result = fn()
        timings.append((time.perf_counter() - started) * 1000)
        cpu_ms.append((time.process_time() - cpu) * 1000)
    cap = captured(fn)
    return {"median": statistics.median(timings), "min": min(timings), "max": max(timings), "cap": cap,
            "cpu_median": statistics.median(cpu_ms), "result": result}


def bench_incremental(repeats: int) -> dict:
    from kpis.rollups import rollup_recent, rollup_window

    day = timed_runs(lambda: rollup_window(start=ONE_DAY, end=ONE_DAY + timedelta(days=1), now=YEAR_END), repeats)
    recent = timed_runs(lambda: rollup_recent(now=BEAT_NOW), min(repeats, 3))
    return {"day": day, "recent": recent}


def bench_get(client, url: str, requests: int, before_each=None) -> dict:
    """``requests`` timed GETs after 3 warm-ups: wall and this process's CPU (``process_time``:
    Django, the serializer, the template, the driver; not the database server's). With
    ``before_each`` (a new rollup version), also the cold requests that follow it."""
    def get():
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"GET {url} answered {response.status_code}: {response.content[:300]!r}")
        return response

    cold = None
    if before_each is not None:  # the first request after a rollup wrote (nothing cached for it yet)
        before_each()
        started, cpu = time.perf_counter(), time.process_time()
        get()
        cold = ((time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000)
    for _ in range(3):
        get()
    timings, cpu_ms = [], []
    for _ in range(requests):
        started, cpu = time.perf_counter(), time.process_time()
        response = get()
        timings.append((time.perf_counter() - started) * 1000)
        cpu_ms.append((time.process_time() - cpu) * 1000)
    caps = [captured(get) for _ in range(2)]
    cold_runs = []
    if before_each is not None:  # a few cold ones: p95 of those alone
        for _ in range(max(3, requests // 4)):
            before_each()
            started, cpu = time.perf_counter(), time.process_time()
            cap = captured(get)
            cold_runs.append(((time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000, cap))
    return {"n": requests, "median": statistics.median(timings), "p95": quantile(timings, 95),
            "cpu_median": statistics.median(cpu_ms), "cpu_p95": quantile(cpu_ms, 95), "cold": cold,
            "cold_runs": cold_runs, "load": load_average(),
            "queries": caps[-1]["queries"], "stable": caps[0]["queries"] == caps[1]["queries"],
            "bytes": len(response.content), "cap": caps[-1], "body": response}


def print_get(label: str, r: dict) -> None:
    stable = "" if r["stable"] else " (NOT stable)"
    print(f"  {label}: {r['n']} requests, median {r['median']:.1f} ms, p95 {r['p95']:.1f} ms; CPU of this process "
          f"median {r['cpu_median']:.1f} ms, p95 {r['cpu_p95']:.1f} ms; {r['queries']} queries per request{stable}; "
          f"{r['bytes']:,} bytes; load average {r['load']}")
    if r["cold_runs"]:
        walls = sorted(run[0] for run in r["cold_runs"])
        cpus = sorted(run[1] for run in r["cold_runs"])
        print(f"      cold (first request after a rollup wrote): {len(walls)} runs, "
              f"median {statistics.median(walls):.1f} ms, max {walls[-1]:.1f} ms; "
              f"CPU median {statistics.median(cpus):.1f} ms; "
              f"{r['cold_runs'][-1][2]['queries']} queries")
        for ms, sql in r["cold_runs"][-1][2]["rows"]:
            flat = " ".join(sql.split())
            print(f"        {ms:8.1f} ms  {flat[:110]}{'…' if len(flat) > 110 else ''}")
    for ms, sql in r["cap"]["rows"]:
        flat = " ".join(sql.split())
        print(f"      {ms:8.1f} ms  {flat[:120]}{'…' if len(flat) > 120 else ''}")


def print_explain(sql: str, indent: str = "      ") -> None:
    flat = " ".join(sql.split())
    if "%s" in sql:  # the captured and timed statements did not pair up: no interpolated SQL to explain
        print(f"{indent}(not explained: only the parametrised text) {flat[:150]}…")
        return
    print(f"{indent}EXPLAIN (ANALYZE, BUFFERS) {flat[:200]}{'…' if len(flat) > 200 else ''}")
    for line in explain(sql):
        print(f"{indent}  {line}")


# The prototype: a daily table beside the 15-minute one, built from it in one statement (the
# rollup would write it per day after the intervals; here it is only to measure the reads).
PROTO_DAILY = """
CREATE TABLE bench_callday AS
SELECT date_trunc('day', start AT TIME ZONE 'UTC')::date AS day, queue_id, agent_id, service_id,
       {sums}
FROM kpis_callinterval GROUP BY 1, 2, 3, 4
"""


def prototype_recent(now: datetime) -> dict[str, int]:
    """Proposed ``rollup_recent``: the lookback window as today, then, instead of one full
    ``rollup_contact_center`` per earlier interval that a recent call repeats (9 statements and
    a re-read of the agent log each), only the ``fcr`` column of those intervals — the one
    figure a later call changes — from one grouped query, with one ``bulk_update``."""
    from django.conf import settings
    from django.db import transaction
    from django.db.models import Count, Exists, OuterRef, Q

    from contactcenter.models import Call
    from kpis.models import NONE, CallInterval
    from kpis.rollups import INTERVAL, _bucket, _quarter, floor_interval, rollup_window

    start = now - timedelta(hours=settings.KPI_ROLLUP_LOOKBACK_HOURS)
    totals = rollup_window(start=start, end=now + timedelta(microseconds=1), now=now)
    buckets = sorted({_bucket(row) for row in (
        Call.objects.filter(started_at__gte=start, repeat_of__started_at__lt=floor_interval(start))
        .annotate(**_quarter("repeat_of__started_at")).values("hour", "quarter").distinct().order_by())})
    if not buckets:
        return totals
    within = Q()
    for bucket in buckets:
        within |= Q(started_at__gte=bucket, started_at__lt=bucket + INTERVAL)
    answered = Q(queued_at__isnull=False, answered_at__isnull=False)
    rows = (Call.objects.filter(within, direction="inbound")
            .alias(has_repeat=Exists(Call.objects.filter(repeat_of=OuterRef("pk"))))
            .annotate(**_quarter("started_at")).values("hour", "quarter", "queue_id", "agent_id", "service_id")
            .annotate(k_fcr=Count("id", filter=answered & Q(has_repeat=False))).order_by())
    fcr = {(_bucket(r), r["queue_id"] or NONE, r["agent_id"] or NONE, r["service_id"] or NONE): r["k_fcr"]
           for r in rows}
    with transaction.atomic():
        changed = []
        for obj in CallInterval.objects.filter(start__in=buckets).select_for_update():
            value = fcr.get((obj.start, obj.queue_id, obj.agent_id, obj.service_id), 0)
            if obj.fcr != value:
                obj.fcr = value
                changed.append(obj)
        CallInterval.objects.bulk_update(changed, ["fcr"], batch_size=1000)
    totals["fcr_refreshed_intervals"] = len(buckets)
    totals["fcr_changed_rows"] = len(changed)
    return totals


def bench_prototype_recent(repeats: int) -> dict:
    """Time the proposed rollup_recent, then check that the real one, run right after, finds
    nothing to change in the rows the prototype left (same figures)."""
    from kpis.models import CallInterval
    from kpis.rollups import rollup_recent

    def snapshot():
        return sorted(CallInterval.objects.filter(start__gte=BEAT_NOW - timedelta(days=4), start__lt=BEAT_NOW)
                      .values_list("start", "queue_id", "agent_id", "service_id", "fcr", "answered", "arrivals"))

    r = timed_runs(lambda: prototype_recent(BEAT_NOW), repeats)
    # Make the prototype do real work for the check: zero the earlier intervals' fcr first.
    CallInterval.objects.filter(start__gte=BEAT_NOW - timedelta(days=4), start__lt=BEAT_NOW - timedelta(hours=6)
                                ).update(fcr=0)
    prototype_recent(BEAT_NOW)
    after_prototype = snapshot()
    rollup_recent(now=BEAT_NOW)
    r["same_as_app"] = after_prototype == snapshot()
    return r


def prototype_daily() -> dict:
    from django.db import connection

    from kpis import formulas

    sums = ", ".join(f"sum({c})::bigint AS {c}" for c in formulas.CALL_SUMS)
    totals = ", ".join(f"sum({c})" for c in formulas.CALL_SUMS)
    out = {}
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_callday")
        started = time.perf_counter()
        cursor.execute(PROTO_DAILY.format(sums=sums))
        cursor.execute("CREATE UNIQUE INDEX ON bench_callday (day, queue_id, agent_id, service_id)")
        cursor.execute("VACUUM (ANALYZE) bench_callday")
        out["build_s"] = time.perf_counter() - started
        out["rows"] = table_rows(cursor, "bench_callday")
        cursor.execute("SELECT pg_total_relation_size('bench_callday')")
        out["bytes"] = cursor.fetchone()[0]
        queries = {
            "totals from 15-min rows": f"SELECT {totals} FROM kpis_callinterval WHERE start >= %s AND start < %s",
            "totals from daily rows": f"SELECT {totals} FROM bench_callday WHERE day >= %s AND day < %s",
            "per day from 15-min rows": f"SELECT date_trunc('day', start AT TIME ZONE 'UTC'), {totals} "
                                        "FROM kpis_callinterval WHERE start >= %s AND start < %s GROUP BY 1 ORDER BY 1",
            "per day from daily rows": f"SELECT day, {totals} FROM bench_callday WHERE day >= %s AND day < %s "
                                       "GROUP BY 1 ORDER BY 1",
        }
        for label, sql in queries.items():
            args = [YEAR_START, YEAR_END] if "15-min" in label else [YEAR_START.date(), YEAR_END.date()]
            cursor.execute(sql, args)
            timings = []
            for _ in range(5):
                started = time.perf_counter()
                cursor.execute(sql, args)
                cursor.fetchall()
                timings.append((time.perf_counter() - started) * 1000)
            out[label] = statistics.median(timings)
    return out


def create_database(args) -> str:
    """Drop and create the benchmark database, empty or as a copy of ``--template-db``."""
    import psycopg
    from psycopg import sql

    name = recreate_database(args.database_url)
    if args.template_db:
        parts = urlsplit(args.database_url)
        with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
            conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name),
                                                                          sql.Identifier(args.template_db)))
    return name


def ensure_providers() -> int:
    """Two providers when there are none (issue 24.13's comparison): the bank's own centre,
    by the agent hour, for Billing, Support and Cards and the first three teams' agents; an
    outsourced vendor, by the answered call, for Sales, Business and Complaints."""
    from catalog.models import Team
    from contactcenter.models import Provider, Queue, TeamProvider

    if Provider.objects.exists():
        return 0
    own = Provider.objects.create(name="Bank contact centre", kind="in_house", cost_basis="per_hour", cost=30,
                                  currency="EUR")
    vendor = Provider.objects.create(name="Vendor", kind="outsourced", cost_basis="per_call", cost="2.50",
                                     currency="EUR")
    for name, _sl in QUEUES:
        Queue.objects.filter(name=name).update(provider=own if name in ("Billing", "Support", "Cards") else vendor)
    for team in Team.objects.filter(name__in=TEAMS[:3]):
        TeamProvider.objects.create(team=team, provider=own)
    return 2


def existing_fixtures() -> dict:
    """The fixtures of a kept database (--reuse)."""
    from django.contrib.auth import get_user_model
    from rest_framework.authtoken.models import Token

    manager = get_user_model().objects.get(username="bench-manager")
    return {"manager": manager, "token": Token.objects.get(user=manager).key}


def fill_coarse() -> dict | None:
    """The coarse call tables (``CallQueueDaily``, ``CallAgentMonthly``, kpis 0007) for the
    year from ``CallDaily``, with the app's own ``roll_coarse`` — when the code has them and
    they are empty (a database rolled up by the code before them, or the week-copy fill)."""
    from django.db import connection, transaction

    try:
        from kpis.models import CallQueueDaily
        from kpis.rollups import roll_coarse
    except ImportError:
        return None
    if CallQueueDaily.objects.exists():
        return {"skipped": True}
    started, cpu = time.perf_counter(), time.process_time()
    with transaction.atomic():
        rows = roll_coarse(YEAR_START.date(), (YEAR_END - timedelta(days=1)).date())
    out = {"s": time.perf_counter() - started, "cpu_s": time.process_time() - cpu, "rows": rows}
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE) kpis_callqueuedaily, kpis_callagentmonthly")
    return out


def bump_rollup_version() -> None:
    """What every rollup does when it writes: a new version of the rollup figures (so a
    dashboard cache keyed by it misses). Nothing when the code has no such cache."""
    try:
        from kpis.caching import rollups_changed
    except ImportError:
        return
    rollups_changed()


def main() -> None:
    args = parse_args()
    run_started = time.perf_counter()
    tag = f"[{args.label}] " if args.label else ""
    if args.reuse:
        name = urlsplit(args.database_url).path.lstrip("/")
    else:
        name = create_database(args)
    setup_django(args.database_url)

    from django.db import connection, connections
    from django.test import Client
    from rest_framework.test import APIClient

    started = time.perf_counter()
    migrate_fresh()
    how = "reused" if args.reuse else "copied from " + args.template_db if args.template_db else "created"
    print(f"bench_kpis {tag}— database {name} ({how} and migrated in {time.perf_counter() - started:.1f} s); "
          f"stages: {', '.join(sorted(args.stages))}; code: {ROOT}")
    for line in machine_line():
        print(line)
    print(f"load average at start: {load_average()}", flush=True)
    info = bf = inc = None
    reads = {}
    try:
        if args.reuse:
            fx = existing_fixtures()
        else:
            fx = make_fixtures(args.agents)
            print(f"\n== load: {args.calls:,} calls over {YEAR_START:%Y}, {args.agents} agents, "
                  f"{len(fx['queues'])} queues, {args.incidents:,} incidents ==", flush=True)
            started = time.perf_counter()
            info = load(args, fx)
            gen_s = time.perf_counter() - started
            print(f"  calls: {info['calls']:,} ({info['inbound']:,} inbound, {info['repeats']:,} repeat calls, "
                  f"{info['rated']:,} rated) in {info['calls_s']:.1f} s "
                  f"({info['calls'] / max(info['calls_s'], 1e-9):,.0f} rows/s), {info['first']:%Y-%m-%d %H:%M} → "
                  f"{info['last']:%Y-%m-%d %H:%M}; {mib(info['call_bytes'])} with indexes")
            print("  inbound outcomes: " + ", ".join(f"{o} {n / info['inbound']:.1%}" for o, n in info["outcomes"]))
            print(f"  calls per day: weekday {info['weekday_avg']:,}, weekend {info['weekend_avg']:,}, "
                  f"busiest {info['max_day']:,}")
            print(f"  issue 22.5: {info['recordings']:,} call recordings, {info['evaluations']:,} quality evaluations "
                  f"in {info['step2_s']:.1f} s")
            print(f"  agent state log: {info['agent_log_rows']:,} rows in {info['agent_log_s']:.1f} s; "
                  f"{mib(info['log_bytes'])} with indexes")
            print(f"  {info['indexes']} secondary indexes rebuilt in {info['index_s']:.1f} s")
            print(f"  incidents: {args.incidents:,} in {info['incidents_s']:.1f} s ({mib(info['incident_bytes'])})")
            print(f"  VACUUM (ANALYZE): {info['vacuum_s']:.1f} s, CHECKPOINT {info['checkpoint_s']:.1f} s")
            print(f"  generation total (load, indexes, VACUUM ANALYZE, CHECKPOINT): {gen_s:.1f} s; load average "
                  f"{load_average()}", flush=True)

        if ensure_providers():
            print("  providers: the bank's own centre (per agent hour: Billing, Support, Cards; three teams) and "
                  "an outsourced vendor (per answered call: Sales, Business, Complaints)")
        if "copy" in args.stages and "backfill" not in args.stages:
            started = time.perf_counter()
            bf = backfill(args.backfill_days, real=False)
            print(f"\n== copy: the first {args.backfill_days} days' rollup rows over the year: "
                  f"{time.perf_counter() - started:.1f} s; rows: "
                  + ", ".join(f"{t} {n:,}" for t, n in bf["table_rows"].items()) + " ==", flush=True)
            bf = None
        if "backfill" in args.stages:
            span = "the year" if args.backfill_days >= 365 else f"{args.backfill_days} days"
            print(f"\n== backfill: rollup_window over {span} ==", flush=True)
            bf = backfill(args.backfill_days)
            print(f"  backfill of {bf['days']} days: {bf['s']:.1f} s ({bf['s'] / bf['days']:.2f} s per day; CPU of "
                  f"this process {bf['cpu_s']:.1f} s); "
                  + ", ".join(f"{count:,} {name}" for name, count in sorted(bf["rows"].items())))
            if "extrapolated_s" in bf:
                print(f"  EXTRAPOLATED to 365 days: {bf['extrapolated_s']:.0f} s; the rest of the year filled by "
                      f"copying the first {bf['copied_weeks']} weeks' rows shifted by whole weeks "
                      f"({bf['copy_s']:.1f} s)")
            print(f"  VACUUM (ANALYZE) of the rollup tables: {bf['vacuum_s']:.1f} s; rows: "
                  + ", ".join(f"{t} {n:,}" for t, n in bf["table_rows"].items()))
            print(f"  kpis_callinterval {mib(bf['ci_bytes'])}, kpis_agentinterval {mib(bf['ai_bytes'])} with "
                  f"indexes; load average {load_average()}", flush=True)

        coarse = fill_coarse()
        if coarse and not coarse.get("skipped"):
            print(f"\n== the coarse call tables (kpis 0007) for the year from CallDaily (roll_coarse): "
                  f"{coarse['s']:.1f} s, CPU {coarse['cpu_s']:.1f} s; "
                  + ", ".join(f"{n:,} {k}" for k, n in coarse["rows"].items()) + " ==", flush=True)
        with connection.cursor() as cursor:
            sizes = []
            for table in ("kpis_callinterval", "kpis_calldaily", "kpis_callqueuedaily", "kpis_callagentmonthly",
                          "kpis_agentdaily", "kpis_arrivalhour", "kpis_incidentdaily"):
                cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [table])
                if cursor.fetchone()[0]:
                    cursor.execute(f"SELECT count(*), pg_total_relation_size('{table}') FROM {table}")
                    count, size = cursor.fetchone()
                    sizes.append(f"{table} {count:,} rows {mib(size)}")
            print("  rollup tables: " + "; ".join(sizes))

        if "incremental" in args.stages:
            print(f"\n== {tag}incremental rollups ({args.repeats} runs each after a warm-up) ==", flush=True)
            inc = bench_incremental(args.repeats)
            for label, key in ((f"rollup_window for one day ({ONE_DAY:%Y-%m-%d})", "day"),
                               (f"rollup_recent (beat task body, now={BEAT_NOW:%Y-%m-%d %H:%M}, lookback 6 h)",
                                "recent")):
                r = inc[key]
                print(f"  {tag}{label}: median {r['median']:.0f} ms (min {r['min']:.0f}, max {r['max']:.0f}), CPU of "
                      f"this process median {r['cpu_median']:.0f} ms, {r['cap']['queries']} queries per run; load "
                      f"average {load_average()}; wrote " + ", ".join(
                          f"{count:,} {name}" for name, count in sorted(r["result"].items())))
                print_statements(r["cap"])
            slowest = max(inc["day"]["cap"]["rows"], key=lambda row: row[0])
            if slowest[1].lstrip().upper().startswith("SELECT"):
                print("    slowest statement of the one-day rollup:")
                print_explain(slowest[1])
            if "prototypes" in args.stages:
                print("  prototype rollup_recent (the repeat targets' fcr refreshed in one pass, see "
                      "prototype_recent):", flush=True)
                proto_recent = bench_prototype_recent(min(args.repeats, 3))
                print(f"    median {proto_recent['median']:.0f} ms (min {proto_recent['min']:.0f}, max "
                      f"{proto_recent['max']:.0f}), {proto_recent['cap']['queries']} queries per run; "
                      + ", ".join(f"{count:,} {name}" for name, count in sorted(proto_recent["result"].items()))
                      + f"; same rows as rollup_recent: {'yes' if proto_recent['same_as_app'] else 'NO'}")
                print_statements(proto_recent["cap"])

        if "reads" in args.stages:
            print(f"\n== {tag}reads for the year, as the manager ({args.requests} requests each after 3 warm-ups) "
                  "==", flush=True)
            api = APIClient(HTTP_HOST="localhost")
            api.credentials(HTTP_AUTHORIZATION=f"Token {fx['token']}")
            browser = Client(HTTP_HOST="localhost")
            browser.force_login(fx["manager"])
            targets = ((browser, DASHBOARD_URL), (api, CC_URL + "&interval=1d"), (api, CC_URL), (api, ITSM_URL),
                       (api, PROVIDERS_URL), (browser, DASHBOARD_WEEK_URL))
            for client, url in targets:
                label = "GET " + url
                reads[label] = r = bench_get(client, url, args.requests, before_each=bump_rollup_version)
                print_get(tag + label, r)
                if label == "GET " + CC_URL:
                    body = r["body"].json()
                    print("      figures: " + ", ".join(f"{k} {v}" for k, v in body.items()
                                                     if not isinstance(v, (list, dict)))[:400])
                    step2 = ("outbound_calls", "outbound_answered", "contact_rate", "recorded_calls",
                             "recorded_share", "quality_evaluations", "quality_score", "fcr_survey_rate",
                             "first_contact_resolution_rate")
                    print("      issue 22.5 figures: " + ", ".join(f"{k} {body.get(k)}" for k in step2))
                if label == "GET " + PROVIDERS_URL:
                    for row in r["body"].json()["providers"]:
                        print(f"      provider {row.get('name')}: answered {row.get('answered')}, cost per call "
                              f"{row.get('cost_per_call')}, fcr {row.get('first_contact_resolution_rate')}")
                rows = r["cold_runs"][-1][2]["rows"] if r["cold_runs"] else r["cap"]["rows"]
                for ms, sql in sorted(rows, key=lambda row: -row[0])[:3]:
                    if ms > 5 and sql.lstrip().upper().startswith("SELECT"):
                        print_explain(sql)
                print(flush=True)

        if "prototypes" in args.stages and bf is not None:
            print("== prototype: a daily rollup table beside the 15-minute one ==", flush=True)
            proto = prototype_daily()
            print(f"  bench_callday: {proto['rows']:,} rows (from {bf['table_rows']['kpis_callinterval']:,}), "
                  f"{mib(proto['bytes'])}, built in {proto['build_s']:.1f} s")
            for label in ("totals from 15-min rows", "totals from daily rows", "per day from 15-min rows",
                          "per day from daily rows"):
                print(f"  {label}: median {proto[label]:.1f} ms (raw SQL, 5 runs)")

        print(f"\n== {tag}summary ==")
        if info:
            print(f"generation: {gen_s:.0f} s for {info['calls']:,} calls, {info['agent_log_rows']:,} agent log rows, "
                  f"{args.incidents:,} incidents")
        if bf:
            print(f"backfill: {bf['s']:.0f} s for {bf['days']} days"
                  + (f" (extrapolated to the year: {bf['extrapolated_s']:.0f} s)" if "extrapolated_s" in bf else ""))
        if inc:
            print(f"incremental one day: median {inc['day']['median']:.0f} ms, {inc['day']['cap']['queries']} "
                  f"queries; rollup_recent: median {inc['recent']['median']:.0f} ms, "
                  f"{inc['recent']['cap']['queries']} queries")
        for label, r in reads.items():
            cold = ""
            if r["cold_runs"]:
                cold = f"; cold median {statistics.median(run[0] for run in r['cold_runs']):.1f} ms"
            print(f"{tag}{label}: median {r['median']:.1f} ms, p95 {r['p95']:.1f} ms, CPU p95 {r['cpu_p95']:.1f} ms, "
                  f"{r['queries']} queries{cold}")
        print(f"load average at end: {load_average()}; total run time: {time.perf_counter() - run_started:.0f} s")
    finally:
        connection.close()
        connections.close_all()
        if args.keep or args.reuse:
            print(f"kept database {name} ({args.database_url})")
        else:
            drop_database(args.database_url)


if __name__ == "__main__":
    main()
