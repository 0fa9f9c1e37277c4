#!/usr/bin/env python
"""Major incidents at scale: spike detection, known-error suggestions and the public status page.

    .venv/bin/python bench/bench_major.py [--incidents 1000000] [--known-errors 100000] [--repeats 10]
                                          [--ke-repeats 5] [--no-status-page] [--keep]

Works on its own PostgreSQL database (default ``servicedesk_major_bench``; the name must end in
``_bench``), which it drops and creates afresh and migrates. Fixtures: 5 teams, each with a
manager, owning 200 services (created 400 days before the instant), one spike rule per service
(window 15 minutes, threshold 10, baseline multiplier 3 over 4 weeks) and 400 configuration items.

1. **Spike detection** (``incidents.services.detect_spikes(now=NOW)``). For each stage (100,000,
   then ``--incidents``) it empties the incident tables and loads, with one ``INSERT ... SELECT
   generate_series`` each, that many incidents spread at random over the 5 weeks before the
   instant on random services, 10 % as many demand signals (inbound calls) likewise, and on 5
   services a spike: 30 incidents and 5 calls in the last 14 minutes; then ``VACUUM (ANALYZE)``
   and a ``CHECKPOINT``. Measured, each as the median of ``--repeats`` runs after a warm-up:

   * the **quiet sweep**: ``detect_spikes`` one hour before the instant, when nothing spikes —
     what every sweep costs most of the time, and the cost of evaluating every rule
     (``rules_with_demand``: one statement);
   * the **sweep that raises the alerts** at the instant (5 alerts, their notices to the team
     managers): the alerts, their history and their deliveries are deleted between runs, so
     each run raises the same 5;
   * the **repeat sweep** at the instant with those 5 alerts open (a spike lasting several
     sweeps: nothing new raised);

   queries per sweep (``CaptureQueriesContext``) by statement, and ``EXPLAIN (ANALYZE, BUFFERS)``
   of the statement that evaluates every rule. ``notifications.tasks.deliver.delay`` is
   replaced by a counter in this process: the broker is not in the figures.

2. **Known-error suggestions** (``problems.selectors.known_error_suggestions``). For each stage
   (1,000, 10,000, then ``--known-errors``) it empties the problem tables and loads that many
   published known errors (plus 10 % as many retired ones) with varied text: 200 products × 50
   symptoms, with contexts, details, workarounds and root causes drawn at random; each linked
   to its product's service, every other one to a configuration item. Four realistic texts (with
   and without a service and CI to boost) are looked up ``--ke-repeats`` times after a warm-up:
   median and min milliseconds, queries per call, and ``EXPLAIN (ANALYZE, BUFFERS)``. When a
   lookup takes more than ``--slow-ms`` (default 50) at 10,000 known errors or more, three fixes
   are prototyped here (never in the app) and measured the same way, with a check that they
   return the same known errors in the same order:

   * **A**: a GIN expression index on the app's exact weighted ``tsvector`` expression (created
     by Django's schema editor from ``GinIndex(<the selector's SearchVector>)``), rows chosen
     with ``vector @@ query`` instead of ``ts_rank(vector, query) > 0``;
   * **B**: a stored generated ``tsvector`` column (``GeneratedField(SearchVector(...),
     db_persist=True)``, added by the schema editor; the model class is not changed) with a GIN
     index, rows chosen with ``search_vector @@ query`` and ranked on the stored column;
   * **C**: B, with the CI and service boosts as ``CASE WHEN EXISTS (…)`` instead of
     ``COUNT(DISTINCT …)`` over joins (no GROUP BY over every matching row).

   A lookup whose first call takes more than ``--slow-call-s`` (default 2) seconds is timed
   once, and EXPLAINed only if it is the fastest of its stage (EXPLAIN ANALYZE runs it again).

3. **The public status page** (``GET /status/``, ``django.test.Client``, anonymous) with the 200
   services, 10 active major incidents and 10 resolved in the last two weeks (each with public
   and internal updates), one year of recorded outages (one every ~5 days per service) and 3
   maintenance windows: the uncached page (the status page cache invalidated before each
   request, as a major-incident change does; ``statuspage.caching.invalidate`` replaces its
   generation key, so nothing else in the shared Redis is touched) and, for comparison, the
   cached page; median and p95, queries per request by statement.

It prints figures, never pass/fail on time. Without ``--keep`` the database is dropped at the
end. See ``bench/README.md`` for the latest figures.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import time
from collections import Counter
from datetime import UTC, datetime, timedelta

# The database, Django set-up and machine description are bench_contacts.py's; the statement
# labels are bench_incidents.py's (this script runs as ``python bench/bench_major.py``, so bench/
# is on sys.path).
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
from bench_incidents import statement_label

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/servicedesk_major_bench"
# The sweep instant: fixed, so every run loads the same rows.
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
QUIET = NOW - timedelta(hours=1)
SPAN = timedelta(weeks=5)
N_SERVICES = 200
N_CIS = 400
SPIKING = 5  # services with a spike at the instant
SPIKE_REPORTS, SPIKE_CALLS = 30, 5
TEAMS = ["Service desk", "Network", "Applications", "Infrastructure", "Security"]
INCIDENT_TABLES = ("incidents_incident, incidents_demandsignal, incidents_spikealert, incidents_historicalspikealert, "
                   "incidents_historicalincident")

# --- known-error text -----------------------------------------------------------------------
PRODUCT_BASES = [
    "Outlook", "Teams", "SharePoint", "OneDrive", "SAP", "Salesforce", "Citrix", "VPN", "Wi-Fi", "Zoom",
    "Jira", "Confluence", "Workday", "Oracle EBS", "Chrome", "Firefox", "Windows 11", "macOS", "iPhone", "Android",
    "printer", "scanner", "badge reader", "payroll", "CRM", "ERP", "internet banking", "card payments", "ATM network",
    "core banking", "email gateway", "file shares", "Active Directory", "single sign-on", "MFA token", "DNS", "DHCP",
    "load balancer", "firewall", "telephony", "call recording", "IVR", "contact centre", "data warehouse", "Power BI",
    "Tableau", "Kubernetes", "backup agent", "expense tool", "intranet",
]
PRODUCT_FORMS = ["{}", "{} web", "{} mobile app", "{} for Mac"]
PRODUCTS = [form.format(base) for form in PRODUCT_FORMS for base in PRODUCT_BASES]  # 200
SYMPTOMS = [
    "cannot log in", "crashes on startup", "freezes when opening attachments", "shows error 500 when saving",
    "is very slow", "times out after 30 seconds", "keeps disconnecting", "does not sync", "rejects valid passwords",
    "sends duplicate emails", "shows a blank page", "cannot print", "loses the session every few minutes",
    "reports an expired certificate", "fails to load reports", "shows wrong balances", "declines valid cards",
    "does not receive calls", "drops calls after one minute", "cannot reach the file shares", "shows as offline",
    "hangs on the loading screen", "asks for the password again and again", "cannot upload files larger than 10 MB",
    "shows the wrong time zone", "does not send notifications", "fails with access denied", "cannot find the server",
    "shows garbled characters", "duplicates calendar entries", "loses unsaved changes", "cannot open PDF files",
    "reports the licence as expired", "uses all the CPU", "fills the disk with logs", "cannot connect to the database",
    "shows an empty inbox", "refuses the MFA code", "blocks the account after one attempt", "is unreachable from home",
    "cannot export to Excel", "shows stale data", "fails the nightly job", "rejects the badge", "prints blank pages",
    "cannot scan to email", "shows a certificate warning", "does not start after the update",
    "redirects in a loop at sign-in", "returns error 403 forbidden",
]
CONTEXTS = [
    "after the latest update", "since this morning", "for users working from home", "only on the third floor",
    "when the VPN is connected", "for new starters only", "after a password change", "every Monday morning",
    "when more than 50 people are online", "in Chrome but not in Edge", "on laptops that were re-imaged",
    "for users in the Lisbon office", "right after the nightly backup", "when the proxy is bypassed",
    "on the guest network", "for accounts with a long display name", "after the daylight saving change",
    "when two sessions are open", "on shared workstations", "at month end",
]
DETAILS = [
    "The screen shows error 0x80070005.", "Callers say the spinner never stops.",
    "A red banner reads 'Something went wrong'.", "It started for a few people and spread during the day.",
    "Restarting the machine does not help.", "The event log shows a TLS handshake failure.",
    "Other applications on the same machine work normally.", "It affects every browser we tried.",
    "The problem comes and goes every few minutes.", "Users see a timeout after about thirty seconds.",
    "The mobile app works while the desktop does not.", "Signing out and in again fixes it for an hour.",
    "Only accounts migrated last month are affected.", "Monitoring shows the queue growing.",
    "The help desk reproduced it on a clean profile.", "No error is shown; nothing happens.",
    "The log says the token was rejected.", "The page loads without styles.",
    "Print jobs stay in the queue.", "Calls go straight to voicemail.",
]
WORKAROUNDS = [
    "Clear the browser cache and sign in again.", "Restart {p} and wait two minutes before opening it again.",
    "Reconnect the VPN, then run gpupdate /force.", "Sign out of every session and sign in on one device only.",
    "Use {p} from the web portal until the fix is deployed.", "Reset the user's MFA registration from the admin page.",
    "Remove the cached credentials in Credential Manager and try again.", "Switch to the wired network.",
    "Roll back to the previous version of {p} from Software Center.", "Ask the user to save locally and upload later.",
    "Disable the browser extension that injects scripts into {p}.", "Map the drive by IP address instead of by name.",
    "Reboot the print spooler and resubmit the job.", "Route the calls to the backup hunt group.",
    "Run the repair option from the installer of {p}.", "Extend the session timeout for the affected group.",
    "Import the intermediate certificate into the local store.", "Export to CSV and open the file in Excel.",
    "Restart the sync client and pause it during large uploads.", "Recreate the user's profile.",
    "Move the user to the secondary server pool.", "Delete the OST file; it is rebuilt on the next start.",
    "Raise the upload limit temporarily for the affected site.", "Set the time zone manually in the profile.",
    "Re-enrol the badge at the security desk.", "Use the phone line to the contact centre instead of chat.",
    "Flush the DNS cache with ipconfig /flushdns.", "Open the report with a shorter date range.",
    "Re-run the nightly job by hand after 06:00.", "Free disk space by archiving the logs older than a week.",
]
ROOT_CAUSES = [
    "A certificate on the load balancer expired.", "The nightly patch changed a registry key the client depends on.",
    "A memory leak in the current version of the service.", "The identity provider rotated its signing keys.",
    "A firewall rule blocks the new address range.", "The database connection pool is too small at peak.",
    "A DNS record points at the decommissioned server.", "The proxy strips an authentication header.",
    "The sync client cannot handle paths longer than 260 characters.", "The print driver is not signed for Windows 11.",
    "A race condition when two sessions refresh the same token.", "The storage array throttles writes above 80 %.",
    "The vendor changed the API without notice.", "Clock drift between the domain controllers.",
    "A misconfigured retry policy floods the queue.", "The SIP trunk provider limits concurrent calls.",
    "The licence server lost its connection to the vendor.", "The cache is not invalidated after deployments.",
    "The wireless controller firmware drops roaming clients.", "The log rotation job fails silently.",
    "", "", "", "", "",  # the cause is not always written down
]
# What agents type on an incident (title, sometimes the description), with or without the
# incident's service and configuration item (product index for those; None: not given).
CASES = [
    ("Outlook, with service and CI", "Outlook crashes on startup after the latest update", 0, 0),
    ("VPN, title and description, with service",
     "VPN keeps disconnecting every few minutes. Users working from home cannot reach the file shares; "
     "reconnecting helps for a while.", 7, None),
    ("SAP error 500, text only", "Error 500 when saving an invoice in SAP", None, None),
    ("two words, text only", "printer offline", None, None),
]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--incidents", type=int, default=1_000_000,
                        help="Incidents at the last spike stage (default 1000000); the 100000 stage comes first.")
    parser.add_argument("--known-errors", type=int, default=100_000,
                        help="Published known errors at the last stage (default 100000); 1000 and 10000 come first.")
    parser.add_argument("--repeats", type=int, default=10, help="Timed sweeps per measurement (default 10).")
    parser.add_argument("--ke-repeats", type=int, default=5, help="Timed lookups per text and stage (default 5).")
    parser.add_argument("--slow-ms", type=float, default=50.0,
                        help="Prototype the fixes when a lookup's median exceeds this at 10000+ (default 50).")
    parser.add_argument("--slow-call-s", type=float, default=2.0,
                        help="A lookup whose warm-up takes longer is timed once, and EXPLAINed only if it is the "
                             "fastest of its stage (default 2).")
    parser.add_argument("--requests", type=int, default=10,
                        help="Status page requests, uncached and cached, after one warm-up each (default 10).")
    parser.add_argument("--no-status-page", action="store_true", help="Skip the status page.")
    parser.add_argument("--keep", action="store_true", help="Keep the benchmark database afterwards.")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL),
                        help=f"Benchmark database (default {DEFAULT_URL}; env BENCH_DATABASE_URL).")
    parser.add_argument("--seed", type=int, default=20261123)
    args = parser.parse_args()
    if args.repeats < 2 or args.ke_repeats < 1 or args.requests < 2:
        parser.error("--repeats and --requests must be at least 2, --ke-repeats at least 1")
    return args


# --- fixtures -------------------------------------------------------------------------------

def make_fixtures() -> dict:
    """Teams with managers, 200 services, one spike rule each, 400 configuration items."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import connection

    from catalog.models import Team
    from core.roles import Role

    User = get_user_model()  # noqa: N806
    managers = Group.objects.get(name=Role.MANAGER)
    teams = []
    for k, name in enumerate(TEAMS):
        user = User.objects.create(username=f"bench-manager-{k + 1}", email=f"manager{k + 1}@bench.example.test",
                                   first_name="Manager", last_name=name)
        user.groups.add(managers)
        teams.append(Team.objects.create(name=name, manager=user))
    params = {"teams": [t.pk for t in teams], "n": N_SERVICES, "cis": N_CIS, "created": NOW - timedelta(days=400),
              "products": PRODUCTS}
    with connection.cursor() as cursor:
        cursor.execute("""
            INSERT INTO catalog_service (name, description, availability_target, is_active, created_at, owner_team_id)
            SELECT 'Service ' || lpad(i::text, 3, '0') || ' ' || (%(products)s::text[])[i],
                   'What ' || (%(products)s::text[])[i] || ' does for our customers.', 99.9, true, %(created)s,
                   (%(teams)s::bigint[])[1 + i %% cardinality(%(teams)s::bigint[])]
            FROM generate_series(1, %(n)s) AS i ORDER BY i
            RETURNING id
        """, params)
        services = sorted(row[0] for row in cursor.fetchall())
        cursor.execute("""
            INSERT INTO incidents_spikerule (service_id, window_minutes, threshold, baseline_multiplier, baseline_weeks,
                                             auto_declare, is_active, created_at)
            SELECT id, 15, 10, 3.00, 4, false, true, %(created)s FROM catalog_service ORDER BY id
        """, params)
        # CI i (1-based) belongs to service i mod 200: CI 2p to product p's service (product_ci).
        cursor.execute("""
            INSERT INTO catalog_configurationitem (name, ci_type, status, description, location, created_at, service_id,
                                                   owner_team_id)
            SELECT 'ci-' || lpad(i::text, 4, '0'), 'other', 'active', '', '', %(created)s, s.id, s.owner_team_id
            FROM generate_series(1, %(cis)s) AS i
            JOIN catalog_service AS s ON s.id = (%(services)s::bigint[])[1 + (i - 1) %% %(n)s]
            ORDER BY i
            RETURNING id
        """, {**params, "services": services})
        cis = sorted(row[0] for row in cursor.fetchall())
    return {"teams": teams, "services": services, "cis": cis}


# --- 1. spike detection ---------------------------------------------------------------------

LOAD_INCIDENTS = """
INSERT INTO incidents_incident (id, number, title, description, status, channel, impact, urgency, priority, is_major,
                                hold_reason, resolution_code, resolution, reopen_count, created_at, updated_at,
                                service_id)
SELECT r.i, 'INC' || lpad(r.i::text, greatest(6, length(r.i::text)), '0'), 'Bench report', '', 'new', 'portal',
       2, 2, 3, false, '', '', '', 0, r.created, r.created, (%(services)s::bigint[])[r.svc]
FROM (
    -- random() once per row (the volatile select list keeps the subquery from being flattened)
    SELECT i, %(now)s - interval '1 second' - random() * %(span)s AS created,
           1 + floor(random() * cardinality(%(services)s::bigint[]))::int AS svc
    FROM generate_series(1, %(n)s) AS i
) AS r
UNION ALL
-- the spikes: SPIKE_REPORTS reports on each spiking service in the 14 minutes before the instant
SELECT %(n)s + k, 'INC' || lpad((%(n)s + k)::text, greatest(6, length((%(n)s + k)::text)), '0'), 'Bench report',
       '', 'new', 'portal', 2, 2, 3, false, '', '', '', 0, t.created, t.created, (%(spiking)s::bigint[])[t.s]
FROM generate_series(1, cardinality(%(spiking)s::bigint[]) * %(reports)s) AS k
CROSS JOIN LATERAL (SELECT 1 + (k - 1) / %(reports)s AS s,
                           %(now)s - interval '14 minutes' * ((k - 1) %% %(reports)s + 1) / %(reports)s AS created) AS t
"""

LOAD_SIGNALS = """
INSERT INTO incidents_demandsignal (service_id, source, reference, at)
SELECT (%(services)s::bigint[])[r.svc], 'call', 'CA' || lpad(r.i::text, 10, '0'), r.at
FROM (
    SELECT i, %(now)s - interval '1 second' - random() * %(span)s AS at,
           1 + floor(random() * cardinality(%(services)s::bigint[]))::int AS svc
    FROM generate_series(1, %(n)s) AS i
) AS r
UNION ALL
SELECT (%(spiking)s::bigint[])[1 + (k - 1) / %(calls)s], 'call', 'CS' || lpad(k::text, 10, '0'),
       %(now)s - interval '13 minutes' * ((k - 1) %% %(calls)s + 1) / %(calls)s
FROM generate_series(1, cardinality(%(spiking)s::bigint[]) * %(calls)s) AS k
"""


def spiking_services(fx: dict) -> list[int]:
    step = len(fx["services"]) // SPIKING
    return [fx["services"][k * step + 7] for k in range(SPIKING)]


def load_incidents(n: int, fx: dict, seed: int) -> dict:
    """Empty the incident tables, then load ``n`` incidents and ``n / 10`` demand signals over the
    5 weeks before the instant, plus the spikes."""
    from django.db import connection

    params = {"n": n, "now": NOW, "span": SPAN, "services": fx["services"], "spiking": spiking_services(fx),
              "reports": SPIKE_REPORTS, "calls": SPIKE_CALLS}
    out = {}
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {INCIDENT_TABLES} RESTART IDENTITY CASCADE")
        cursor.execute("SET synchronous_commit TO OFF")
        cursor.execute("SELECT setseed(%s)", [(seed % 2000) / 1000 - 1])
        started = time.perf_counter()
        cursor.execute(LOAD_INCIDENTS, params)
        out["incidents"] = cursor.rowcount
        out["incidents_s"] = time.perf_counter() - started
        cursor.execute("SELECT setval(pg_get_serial_sequence('incidents_incident', 'id'), %s)", [out["incidents"]])
        started = time.perf_counter()
        cursor.execute(LOAD_SIGNALS, {**params, "n": n // 10})
        out["signals"] = cursor.rowcount
        out["signals_s"] = time.perf_counter() - started
        cursor.execute("SET synchronous_commit TO DEFAULT")
        started = time.perf_counter()
        cursor.execute("VACUUM (ANALYZE) incidents_incident, incidents_demandsignal")
        out["vacuum_s"] = time.perf_counter() - started
        started = time.perf_counter()
        cursor.execute("CHECKPOINT")
        out["checkpoint_s"] = time.perf_counter() - started
        cursor.execute("""
            SELECT pg_total_relation_size('incidents_incident'), pg_relation_size('incident_service_created'),
                   pg_total_relation_size('incidents_demandsignal'), pg_relation_size('demand_service_at'),
                   (SELECT min(created_at) FROM incidents_incident)
        """)
        (out["incident_bytes"], out["incident_idx_bytes"], out["signal_bytes"], out["signal_idx_bytes"],
         out["oldest"]) = cursor.fetchone()
        # Per service and 15-minute window, how many reports a rule sees on average.
        cursor.execute("SELECT count(*) FROM incidents_incident WHERE created_at >= %s AND created_at < %s",
                       [QUIET - timedelta(minutes=15), QUIET])
        out["quiet_window"] = cursor.fetchone()[0]
    return out


def reset_alerts() -> None:
    """Forget the alerts a sweep raised (and their history and notices), so the next sweep
    raises them again."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM notifications_delivery WHERE template = 'spike-alert'")
        cursor.execute("DELETE FROM incidents_historicalspikealert")
        cursor.execute("DELETE FROM incidents_spikealert")


class DelayCounter:
    """Stands in for ``deliver.delay``: counts, queues nothing."""

    def __init__(self):
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1


def sweep(now: datetime) -> tuple[float, list]:
    from incidents.services import detect_spikes

    started = time.perf_counter()
    raised = detect_spikes(now=now)
    return (time.perf_counter() - started) * 1000, raised


def captured(run) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timer = StatementTimer()
    with CaptureQueriesContext(connection) as ctx, connection.execute_wrapper(timer):
        started = time.perf_counter()
        result = run()
        ms = (time.perf_counter() - started) * 1000
    tx = [q for q in ctx.captured_queries if q["sql"] in ("BEGIN", "COMMIT", "ROLLBACK")]
    return {"ms": ms, "result": result, "queries": len(ctx), "sqls": [q["sql"] for q in ctx.captured_queries],
            "tx": len(tx), "statements": [(t, statement_label(sql)) for t, sql in timer.rows]}


def bench_spikes(repeats: int, delay: DelayCounter) -> dict:
    out = {}
    # Quiet: nothing spikes an hour before the instant.
    reset_alerts()
    sweep(QUIET)
    timings = [sweep(QUIET)[0] for _ in range(repeats)]
    out["quiet"] = {"timings": timings, "captured": captured(lambda: sweep(QUIET)[1])}
    # Raising the alerts: the same 5 every time.
    timings, raised_counts, delays = [], set(), set()
    for rep in range(repeats + 1):  # the first is a warm-up
        reset_alerts()
        before = delay.calls
        ms, raised = sweep(NOW)
        if rep:
            timings.append(ms)
        raised_counts.add(len(raised))
        delays.add(delay.calls - before)
    reset_alerts()
    cap = captured(lambda: sweep(NOW)[1])
    out["raise"] = {"timings": timings, "captured": cap, "raised": raised_counts, "delays": delays,
                    "alerts": sorted((a.service_id, a.count, str(a.baseline)) for a in cap["result"])}
    # Repeat: the alerts are open (the last captured sweep left them), nothing new.
    sweep(NOW)
    timings, raised_counts = [], set()
    for _ in range(repeats):
        ms, raised = sweep(NOW)
        timings.append(ms)
        raised_counts.add(len(raised))
    out["repeat"] = {"timings": timings, "captured": captured(lambda: sweep(NOW)[1]), "raised": raised_counts}
    for r in out.values():
        r["median"], r["min"], r["max"] = statistics.median(r["timings"]), min(r["timings"]), max(r["timings"])
    statement = next(s for s in out["quiet"]["captured"]["sqls"]
                     if '"incidents_spikerule"' in s and "incidents_incident" in s)
    out["explain"] = explain_lines(statement)
    out["statement_chars"] = len(statement)
    out["raw_ms"] = raw_statement_ms(statement, repeats)
    out["evaluate_ms"] = evaluate_ms(repeats)
    reset_alerts()
    return out


def raw_statement_ms(sql: str, repeats: int) -> float:
    """The statement alone on the psycopg connection (round trip, plan, execute, fetch; no ORM)."""
    from django.db import connection

    connection.ensure_connection()
    raw = connection.connection
    raw.execute(sql).fetchall()
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        raw.execute(sql).fetchall()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def evaluate_ms(repeats: int) -> float:
    """``rules_with_demand(now=QUIET)`` evaluated (``list()``): building, compiling and running the
    statement and making the 200 rules with their counts, without detect_spikes' loop."""
    from incidents.services.spikes import rules_with_demand

    list(rules_with_demand(now=QUIET)[0])
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        list(rules_with_demand(now=QUIET)[0])
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def explain_lines(sql: str, params=None) -> list[str]:
    """``EXPLAIN (ANALYZE, BUFFERS)`` as a few lines: the plan's nodes with their rows (× loops),
    one line per sub-plan; then buffers, planning and execution time (and JIT, if it ran)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS, SUMMARY, COSTS OFF, TIMING OFF) " + sql, params)
        plan = [row[0] for row in cursor.fetchall()]
    lines, current = [], []
    for row in plan:
        text = row.strip()
        if text.startswith(("SubPlan", "InitPlan")):
            lines.append(current)
            current = [text]
            continue
        if text.startswith("->"):
            text = text[2:].strip()
        elif row.startswith((" ", "Planning", "Execution", "JIT", "Trigger")):
            continue  # Filter, Index Cond, Buffers … of a node: only the nodes are listed
        current.append(re.sub(r"\s*\(actual rows=(\d+) loops=(\d+)\)",
                              lambda m: f" [{m.group(1)} rows" + ("" if m.group(2) == "1"
                                                                  else f" × {m.group(2)} loops") + "]", text))
    lines.append(current)
    out = [" → ".join(nodes) for nodes in lines if nodes]
    buffers = next((r.strip() for r in plan if r.strip().startswith("Buffers:")), "Buffers: -")
    heap = sum(int(m.group(1)) for r in plan for m in [re.search(r"Heap Fetches: (\d+)", r)] if m)
    plan_ms = next((r.split(":", 1)[1].strip() for r in plan if r.startswith("Planning Time")), "?")
    exec_ms = next((r.split(":", 1)[1].strip() for r in plan if r.startswith("Execution Time")), "?")
    jit = next((r.strip() for r in plan if r.strip().startswith("Timing: Generation")), "")
    tail = f"{buffers.lower()}; heap fetches {heap}; planning {plan_ms}, execution {exec_ms}"
    if any(r.startswith("JIT:") for r in plan):
        tail += f"; JIT ran ({jit.lower()})" if jit else "; JIT ran"
    return [*out, tail]


def print_statements(cap: dict, indent: str = "      ") -> None:
    grouped: dict[str, list[float]] = {}
    for ms, kind in cap["statements"]:
        grouped.setdefault(kind, []).append(ms)
    for kind, times in grouped.items():
        print(f"{indent}{len(times):>2} × {kind}: {sum(times):7.2f} ms")
    if cap["tx"]:
        print(f"{indent}{cap['tx']:>2} × BEGIN / COMMIT (in Django's count, not seen by the execute wrapper)")
    sql_ms = sum(t for t, _ in cap["statements"])
    print(f"{indent}in SQL (round trips included) {sql_ms:.1f} ms of that run's {cap['ms']:.1f} ms")


def print_spikes(stage: int, info: dict, r: dict, repeats: int) -> None:
    per_window = info["quiet_window"] / N_SERVICES
    print(f"  load: {info['incidents']:,} incidents in {info['incidents_s']:.1f} s, {info['signals']:,} demand "
          f"signals in {info['signals_s']:.1f} s (INSERT ... SELECT generate_series), VACUUM (ANALYZE) "
          f"{info['vacuum_s']:.1f} s, CHECKPOINT {info['checkpoint_s']:.1f} s")
    print(f"  check: created {info['oldest']:%Y-%m-%d %H:%M} … {NOW:%Y-%m-%d %H:%M} UTC; a rule's 15-minute window "
          f"holds {per_window:.2f} reports on average ({info['quiet_window']:,} over {N_SERVICES} services at "
          f"{QUIET:%H:%M}); {SPIKING} services with {SPIKE_REPORTS} reports and {SPIKE_CALLS} calls in the last "
          f"14 minutes; incidents_incident {mib(info['incident_bytes'])} with indexes (incident_service_created "
          f"{mib(info['incident_idx_bytes'])}), incidents_demandsignal {mib(info['signal_bytes'])} "
          f"(demand_service_at {mib(info['signal_idx_bytes'])})")
    labels = {
        "quiet": f"quiet sweep (detect_spikes at {QUIET:%H:%M}, nothing spikes: every rule evaluated)",
        "raise": f"sweep raising the alerts (detect_spikes at {NOW:%H:%M}; alerts deleted between runs)",
        "repeat": "repeat sweep with the alerts open (nothing new)",
    }
    for key, label in labels.items():
        m = r[key]
        cap = m["captured"]
        extra = ""
        if key == "raise":
            extra = (f"; alerts raised per sweep: {', '.join(map(str, sorted(m['raised'])))}; "
                     f"deliver.delay calls per sweep: {', '.join(map(str, sorted(m['delays'])))}")
        elif key == "repeat":
            extra = f"; alerts raised: {', '.join(map(str, sorted(m['raised'])))}"
        print(f"  {label}: {repeats} sweeps after a warm-up, median {m['median']:.1f} ms (min {m['min']:.1f}, "
              f"max {m['max']:.1f}); {cap['queries']} queries per sweep{extra}")
        if key == "raise":
            print("    alerts (service, count, baseline): "
                  + "; ".join(f"{s}, {c}, {b}" for s, c, b in m["alerts"]))
        print_statements(cap)
    print(f"    the rule evaluation: list(rules_with_demand(now=...)) median {r['evaluate_ms']:.1f} ms (its 2 queries, "
          f"the queryset built and compiled, 200 rules made); its main statement ({r['statement_chars']:,} "
          f"characters) alone on the psycopg connection: median {r['raw_ms']:.1f} ms")
    print("    EXPLAIN (ANALYZE, BUFFERS) of the rule evaluation (the SELECT over incidents_spikerule, "
          "one sub-plan per count):")
    for line in r["explain"]:
        print(f"      {line}")


# --- 2. known-error suggestions -------------------------------------------------------------

LOAD_KNOWN_ERRORS = """
INSERT INTO problems_knownerror (id, number, title, symptom, root_cause, workaround, status, applied_count,
                                 created_at, updated_at, created_by_id, problem_id)
SELECT r.i, 'KE' || lpad(r.i::text, greatest(6, length(r.i::text)), '0'),
       initcap(left(p.product, 1)) || substr(p.product, 2) || ': ' || s.symptom,
       CASE r.ti WHEN 1 THEN 'Users of ' || p.product || ' report that it ' || s.symptom || ' ' || c.context || '. '
                             || d.detail
                 WHEN 2 THEN initcap(left(p.product, 1)) || substr(p.product, 2) || ' ' || s.symptom || ' '
                             || c.context || '. ' || d.detail
                 WHEN 3 THEN 'Callers say ' || p.product || ' ' || s.symptom || ' ' || c.context || '. ' || d.detail
                 ELSE d.detail || ' In short: ' || p.product || ' ' || s.symptom || ' ' || c.context || '.' END,
       rc.cause,
       replace(w1.w, '{p}', p.product) || ' ' || replace(w2.w, '{p}', p.product),
       CASE WHEN r.i <= %(n)s THEN 'published' ELSE 'retired' END,
       floor(r.u_applied * r.u_applied * 200)::int, r.created, r.created, NULL, NULL
FROM (
    SELECT i, 1 + (i - 1) %% cardinality(%(products)s::text[]) AS pi,
           1 + ((i - 1) / cardinality(%(products)s::text[])) %% cardinality(%(symptoms)s::text[]) AS si,
           1 + floor(random() * 4)::int AS ti,
           1 + floor(random() * cardinality(%(contexts)s::text[]))::int AS ci,
           1 + floor(random() * cardinality(%(details)s::text[]))::int AS di,
           1 + floor(random() * cardinality(%(workarounds)s::text[]))::int AS w1i,
           1 + floor(random() * cardinality(%(workarounds)s::text[]))::int AS w2i,
           1 + floor(random() * cardinality(%(causes)s::text[]))::int AS ri,
           random() AS u_applied, %(now)s - random() * interval '3 years' AS created
    FROM generate_series(1, %(total)s) AS i
) AS r
CROSS JOIN LATERAL (SELECT (%(products)s::text[])[r.pi] AS product) AS p
CROSS JOIN LATERAL (SELECT (%(symptoms)s::text[])[r.si] AS symptom) AS s
CROSS JOIN LATERAL (SELECT (%(contexts)s::text[])[r.ci] AS context) AS c
CROSS JOIN LATERAL (SELECT (%(details)s::text[])[r.di] AS detail) AS d
CROSS JOIN LATERAL (SELECT (%(workarounds)s::text[])[r.w1i] AS w) AS w1
CROSS JOIN LATERAL (SELECT (%(workarounds)s::text[])[r.w2i] AS w) AS w2
CROSS JOIN LATERAL (SELECT (%(causes)s::text[])[r.ri] AS cause) AS rc
"""


def product_service(fx: dict, product: int) -> int:
    return fx["services"][product % len(fx["services"])]


def product_ci(fx: dict, product: int) -> int:
    return fx["cis"][(2 * product) % len(fx["cis"])]


def load_known_errors(n: int, fx: dict, seed: int) -> dict:
    """Empty the problem tables, then load ``n`` published and ``n / 10`` retired known errors,
    each linked to its product's service, every other one to a configuration item."""
    from django.db import connection

    total = n + n // 10
    params = {"n": n, "total": total, "now": NOW, "products": PRODUCTS, "symptoms": SYMPTOMS, "contexts": CONTEXTS,
              "details": DETAILS, "workarounds": WORKAROUNDS, "causes": ROOT_CAUSES, "services": fx["services"],
              "cis": fx["cis"]}
    out = {}
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE problems_knownerror, problems_knownerror_services, problems_knownerror_cis, "
                       "problems_historicalknownerror RESTART IDENTITY CASCADE")
        cursor.execute("SET synchronous_commit TO OFF")
        cursor.execute("SELECT setseed(%s)", [(seed % 2000) / 1000 - 1])
        started = time.perf_counter()
        cursor.execute(LOAD_KNOWN_ERRORS, params)
        out["rows"] = cursor.rowcount
        cursor.execute("SELECT setval(pg_get_serial_sequence('problems_knownerror', 'id'), %s)", [total])
        # Product p (0-based) is row i with (i - 1) % 200 = p: its service is services[p % 200],
        # its CI (every other row) cis[2p % 400], as product_service and product_ci say.
        cursor.execute("""
            INSERT INTO problems_knownerror_services (knownerror_id, service_id)
            SELECT i, (%(services)s::bigint[])[1 + ((i - 1) %% 200) %% cardinality(%(services)s::bigint[])]
            FROM generate_series(1, %(total)s) AS i
        """, params)
        cursor.execute("""
            INSERT INTO problems_knownerror_cis (knownerror_id, configurationitem_id)
            SELECT i, (%(cis)s::bigint[])[1 + (2 * ((i - 1) %% 200)) %% cardinality(%(cis)s::bigint[])]
            FROM generate_series(1, %(total)s) AS i WHERE i %% 2 = 1
        """, params)
        out["load_s"] = time.perf_counter() - started
        cursor.execute("SET synchronous_commit TO DEFAULT")
        started = time.perf_counter()
        cursor.execute("VACUUM (ANALYZE) problems_knownerror, problems_knownerror_services, problems_knownerror_cis")
        out["vacuum_s"] = time.perf_counter() - started
        cursor.execute("SELECT status, count(*) FROM problems_knownerror GROUP BY status ORDER BY status")
        out["statuses"] = dict(cursor.fetchall())
        cursor.execute("SELECT pg_total_relation_size('problems_knownerror'), "
                       "avg(length(title) + length(symptom) + length(workaround) + length(root_cause))::int, "
                       "count(DISTINCT title) FROM problems_knownerror")
        out["bytes"], out["avg_chars"], out["titles"] = cursor.fetchone()
        cursor.execute("SELECT title, symptom, workaround, root_cause FROM problems_knownerror WHERE id = 1")
        out["sample"] = cursor.fetchone()
    return out


def case_args(fx: dict, case) -> dict:
    _label, text, product_for_service, product_for_ci = case
    return {"text": text,
            "service_id": product_service(fx, product_for_service) if product_for_service is not None else None,
            "ci_id": product_ci(fx, product_for_ci) if product_for_ci is not None else None}


def time_lookups(fn, kwargs: dict, repeats: int, slow_s: float) -> dict:
    """A first call under ``CaptureQueriesContext`` (the queries per call), then, as a warm-up
    would have been, ``repeats`` timed calls; when the first call took more than ``slow_s``
    seconds, it is the only one (the rows are in shared buffers since the load: no cold cache
    to warm, and seconds per call do not need a median to tell)."""
    cap = captured(lambda: fn(**kwargs))
    slow = cap["ms"] > slow_s * 1000
    timings, result = [], cap["result"]
    for _ in range(0 if slow else repeats):
        started = time.perf_counter()
        result = fn(**kwargs)
        timings.append((time.perf_counter() - started) * 1000)
    if slow:
        timings = [cap["ms"]]
    return {"timings": timings, "median": statistics.median(timings), "min": min(timings), "first_ms": cap["ms"],
            "slow": slow, "ids": [ke.pk for ke in result], "titles": [ke.title for ke in result], "captured": cap}


def explain_cases(cases: dict, slow_s: float) -> None:
    """EXPLAIN (ANALYZE) runs the statement once more: every case that takes less than ``slow_s``,
    and at least the fastest one."""
    fastest = min(cases, key=lambda label: cases[label]["median"])
    for label, r in cases.items():
        if r["median"] < slow_s * 1000 or label == fastest:
            r["explain"] = explain_lines(main_statement(r["captured"]))


def main_statement(cap: dict) -> str:
    return next(s for s in cap["sqls"] if '"problems_knownerror"' in s and "LIMIT" in s)


def bench_known_errors(fx: dict, repeats: int, slow_s: float) -> dict:
    from problems.selectors import _words, known_error_suggestions

    out = {}
    for case in CASES:
        kwargs = case_args(fx, case)
        r = time_lookups(known_error_suggestions, kwargs, repeats, slow_s)
        r["words"] = _words(kwargs["text"])
        out[case[0]] = r
    explain_cases(out, slow_s)
    return out


def prototype_suggestions(*, text: str, service_id: int | None = None, ci_id: int | None = None, limit: int = 5,
                          vector=None, boost_exists: bool = False) -> list:
    """``problems.selectors.known_error_suggestions`` (its PostgreSQL branch, published only)
    with one change: the rows are chosen with ``vector @@ query``, which a GIN index can
    answer, instead of ``ts_rank(vector, query) > 0``; ``vector`` is the app's expression
    (prototype A) or the stored column (prototype B). With ``boost_exists`` (prototype C) the
    CI and service boosts are ``CASE WHEN EXISTS (…)`` instead of ``COUNT(DISTINCT …)`` over
    joins: no GROUP BY over every matching row."""
    from django.contrib.postgres.search import SearchQuery, SearchRank
    from django.db.models import Case, Count, Exists, F, FloatField, OuterRef, Q, Value, When
    from django.db.models.functions import Coalesce

    from problems.choices import KnownErrorStatus
    from problems.models import KnownError
    from problems.selectors import CI_BOOST, SEARCH_CONFIG, SERVICE_BOOST, _words

    words = _words(text)
    if not words:
        return []
    qs = KnownError.objects.filter(status=KnownErrorStatus.PUBLISHED)
    boost = Value(1.0)
    if boost_exists:
        cis, services = KnownError.cis.through.objects, KnownError.services.through.objects
        if ci_id:
            on_ci = Exists(cis.filter(knownerror_id=OuterRef("pk"), configurationitem_id=ci_id))
            boost = boost + Case(When(on_ci, then=Value(CI_BOOST)), default=Value(0.0), output_field=FloatField())
        if service_id:
            on_service = Exists(services.filter(knownerror_id=OuterRef("pk"), service_id=service_id))
            boost = boost + Case(When(on_service, then=Value(SERVICE_BOOST)), default=Value(0.0),
                                 output_field=FloatField())
    else:
        if ci_id:
            qs = qs.annotate(on_ci=Count("cis", filter=Q(cis=ci_id), distinct=True))
            boost = boost + F("on_ci") * Value(CI_BOOST)
        if service_id:
            qs = qs.annotate(on_service=Count("services", filter=Q(services=service_id), distinct=True))
            boost = boost + F("on_service") * Value(SERVICE_BOOST)
    query = SearchQuery(" OR ".join(words), search_type="websearch", config=SEARCH_CONFIG)
    qs = (qs.alias(search=vector).filter(search=query)
          .annotate(text_rank=SearchRank(vector, query, normalization=Value(1))))
    qs = qs.annotate(rank=Coalesce(F("text_rank"), Value(0.0), output_field=FloatField()) * boost)
    return list(qs.order_by("-rank", "-applied_count", "id")[:limit])


def app_vector():
    """The selector's expression, exactly (problems.selectors.known_error_suggestions)."""
    from django.contrib.postgres.search import SearchVector

    from problems.selectors import SEARCH_CONFIG

    return (SearchVector("title", weight="A", config=SEARCH_CONFIG)
            + SearchVector("symptom", weight="A", config=SEARCH_CONFIG)
            + SearchVector("workaround", weight="B", config=SEARCH_CONFIG)
            + SearchVector("root_cause", weight="C", config=SEARCH_CONFIG))


def stored_vector():
    """``"problems_knownerror"."search_vector"`` as a column of the model's table (a ``Col``, so
    that a GROUP BY on the primary key does not list it), without adding a field to the model."""
    from django.contrib.postgres.search import SearchVectorField
    from django.db.models.expressions import Col

    from problems.models import KnownError

    field = SearchVectorField()
    field.set_attributes_from_name("search_vector")
    field.model = KnownError
    return Col(KnownError._meta.db_table, field, output_field=SearchVectorField())


def prototype_a(fx: dict, repeats: int, slow_s: float, app: dict) -> dict:
    """A GIN expression index on the selector's exact expression."""
    from django.contrib.postgres.indexes import GinIndex
    from django.db import connection

    from problems.models import KnownError

    index = GinIndex(app_vector(), name="known_error_search_expr")
    started = time.perf_counter()
    with connection.schema_editor() as editor:
        ddl = str(index.create_sql(KnownError, editor))
        editor.add_index(KnownError, index)
    build_s = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE problems_knownerror")
        cursor.execute("SELECT pg_relation_size('known_error_search_expr')")
        size = cursor.fetchone()[0]
    out = {"ddl": ddl, "build_s": build_s, "index_bytes": size, "cases": {}}
    for case in CASES:
        kwargs = {**case_args(fx, case), "vector": app_vector()}
        r = time_lookups(prototype_suggestions, kwargs, repeats, slow_s)
        r["same"] = r["ids"] == app[case[0]]["ids"]
        out["cases"][case[0]] = r
    explain_cases(out["cases"], slow_s)
    with connection.schema_editor() as editor:
        editor.remove_index(KnownError, index)
    return out


def prototype_b(fx: dict, repeats: int, slow_s: float, app: dict) -> dict:
    """A stored generated tsvector column (the same expression) with a GIN index."""
    from django.contrib.postgres.search import SearchVectorField
    from django.db import connection
    from django.db.models import GeneratedField
    from django.db.models.sql import Query

    from problems.models import KnownError

    field = GeneratedField(expression=app_vector(), output_field=SearchVectorField(), db_persist=True)
    field.set_attributes_from_name("search_vector")
    # Not added to the model class (only the schema editor sees it): what contribute_to_class would set.
    field.model = KnownError
    field._query = Query(model=KnownError, alias_cols=False)
    index_ddl = "CREATE INDEX known_error_search ON problems_knownerror USING gin (search_vector)"
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_total_relation_size('problems_knownerror')")
        before = cursor.fetchone()[0]
    started = time.perf_counter()
    with connection.schema_editor(collect_sql=False) as editor:
        definition, params = editor.column_sql(KnownError, field, include_default=False)
        column_ddl = (f"ALTER TABLE {editor.quote_name(KnownError._meta.db_table)} ADD COLUMN "
                      f"{editor.quote_name('search_vector')} {definition}")
        if params:
            column_ddl = column_ddl % tuple(editor.quote_value(p) for p in params)
        editor.add_field(KnownError, field)
    column_s = time.perf_counter() - started
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(index_ddl)
        index_s = time.perf_counter() - started
        cursor.execute("VACUUM (ANALYZE) problems_knownerror")
        cursor.execute("SELECT pg_total_relation_size('problems_knownerror'), pg_relation_size('known_error_search')")
        after, index_bytes = cursor.fetchone()
    out = {"column_ddl": column_ddl, "index_ddl": index_ddl, "column_s": column_s, "index_s": index_s,
           "table_before": before, "table_after": after, "index_bytes": index_bytes}
    for key, exists in (("cases", False), ("cases_exists", True)):
        out[key] = {}
        for case in CASES:
            kwargs = {**case_args(fx, case), "vector": stored_vector(), "boost_exists": exists}
            r = time_lookups(prototype_suggestions, kwargs, repeats, slow_s)
            r["same"] = r["ids"] == app[case[0]]["ids"]
            out[key][case[0]] = r
        explain_cases(out[key], slow_s)
    # Writes: what the generated column costs an insert (its tsvector computed once, then indexed),
    # and whether an ORM create that does not know the column gets it filled in.
    out["insert_ms"] = time_insert()
    out["orm_create"] = orm_create_fills_column()
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX known_error_search")
        cursor.execute("ALTER TABLE problems_knownerror DROP COLUMN search_vector")
    return out


def orm_create_fills_column() -> bool:
    """``KnownError.objects.create`` (the model has no search_vector field) in a transaction that
    is rolled back: does PostgreSQL fill the generated column for it?"""
    from django.db import connection, transaction

    from problems.models import KnownError

    with transaction.atomic():
        ke = KnownError.objects.create(title="VPN: drops every hour", symptom="The VPN drops every hour.",
                                       workaround="Reconnect.", status="published")
        with connection.cursor() as cursor:
            cursor.execute("SELECT search_vector @@ to_tsquery('english', 'vpn & drop') FROM problems_knownerror "
                           "WHERE id = %s", [ke.pk])
            filled = bool(cursor.fetchone()[0])
        transaction.set_rollback(True)
    return filled


def time_insert(n: int = 200) -> float:
    """Median milliseconds of one INSERT of a known error (raw SQL, rolled back)."""
    from django.db import connection, transaction

    timings = []
    with transaction.atomic(), connection.cursor() as cursor:
        for k in range(n):
            started = time.perf_counter()
            cursor.execute("""
                INSERT INTO problems_knownerror (number, title, symptom, root_cause, workaround, status, applied_count,
                                                 created_at, updated_at)
                SELECT NULL, title || ' (copy)', symptom, root_cause, workaround, 'draft', 0, now(), now()
                FROM problems_knownerror WHERE id = %s
            """, [k + 1])
            timings.append((time.perf_counter() - started) * 1000)
        transaction.set_rollback(True)
    return statistics.median(timings)


def timed(m: dict, repeats: int) -> str:
    if m["slow"]:
        return "1 lookup (over the --slow-call-s limit: timed once)"
    return f"{repeats} lookups after a warm-up"


def print_known_errors(first: bool, info: dict, r: dict, repeats: int) -> None:
    st = info["statuses"]
    print(f"  load: {info['rows']:,} known errors ({', '.join(f'{k} {v:,}' for k, v in st.items())}) with their "
          f"services and CIs in {info['load_s']:.1f} s, VACUUM (ANALYZE) {info['vacuum_s']:.1f} s; "
          f"problems_knownerror {mib(info['bytes'])}, {info['avg_chars']} characters of text per row on average, "
          f"{info['titles']:,} distinct titles")
    if first:
        title, symptom, workaround, cause = info["sample"]
        print(f"    e.g. title {title!r}; symptom {symptom!r}; workaround {workaround!r}; root cause {cause!r}")
    for label, m in r.items():
        cap = m["captured"]
        print(f"  known_error_suggestions, {label}: {timed(m, repeats)}, median {m['median']:.1f} ms "
              f"(min {m['min']:.1f}); {cap['queries']} quer{'y' if cap['queries'] == 1 else 'ies'} per call; "
              f"{len(m['ids'])} results, first {m['titles'][0] if m['titles'] else '-'!r}")
        print(f"    words: {' '.join(m['words'])}")
        for line in m.get("explain", []):
            print(f"    EXPLAIN: {line}")


def print_prototypes(a: dict | None, b: dict | None, repeats: int) -> None:
    if a:
        print(f"  prototype A — GIN expression index on the selector's expression, rows chosen with @@ "
              f"(built in {a['build_s']:.1f} s, {mib(a['index_bytes'])}):")
        print(f"    DDL (Django's schema editor, GinIndex(<the selector's SearchVector>)): {a['ddl']}")
        for label, m in a["cases"].items():
            print(f"    {label}: {timed(m, repeats)}, median {m['median']:.1f} ms (min {m['min']:.1f}), "
                  f"{m['captured']['queries']} query; same results as the app: {'yes' if m['same'] else 'NO'}")
            for line in m.get("explain", []):
                print(f"      EXPLAIN: {line}")
    if b:
        print(f"  prototype B — stored generated tsvector column + GIN index, rows chosen with @@ and ranked on "
              f"the column (column added in {b['column_s']:.1f} s, index built in {b['index_s']:.1f} s, "
              f"{mib(b['index_bytes'])}; table {mib(b['table_before'])} → {mib(b['table_after'])}):")
        print(f"    DDL (Django's schema editor, GeneratedField(expression=<the selector's SearchVector>, "
              f"output_field=SearchVectorField(), db_persist=True)): {b['column_ddl']}")
        print(f"    DDL: {b['index_ddl']}")
        print(f"    one INSERT of a known error with the column and its index: median {b['insert_ms']:.2f} ms; "
              f"KnownError.objects.create() (the model unchanged) gets the column filled in: "
              f"{'yes' if b['orm_create'] else 'NO'}")
        for key, title in (("cases", None),
                           ("cases_exists", "prototype C — B, and the CI and service boosts as CASE WHEN EXISTS (…) "
                                            "instead of COUNT(DISTINCT …) over joins (no GROUP BY):")):
            if title:
                print(f"  {title}")
            for label, m in b[key].items():
                print(f"    {label}: {timed(m, repeats)}, median {m['median']:.1f} ms (min {m['min']:.1f}), "
                      f"{m['captured']['queries']} query; same results as the app: {'yes' if m['same'] else 'NO'}")
                for line in m.get("explain", []):
                    print(f"      EXPLAIN: {line}")


# --- 3. the public status page --------------------------------------------------------------

def load_status_page(fx: dict) -> dict:
    """10 active major incidents and 10 resolved in the last 14 days (public and internal
    updates, affected services), one year of outages for every service, 3 maintenance windows.
    Relative to the wall clock: the page uses the current time."""
    from django.db import connection
    from django.utils import timezone

    now = timezone.now().replace(microsecond=0)
    services = fx["services"]
    out = {}
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
        cursor.execute("SELECT coalesce(max(id), 0) FROM incidents_incident")
        base = cursor.fetchone()[0]
        cursor.execute("""
            INSERT INTO incidents_incident (id, number, title, description, status, channel, impact, urgency, priority,
                                            is_major, hold_reason, resolution_code, resolution, reopen_count,
                                            created_at, updated_at, acknowledged_at, resolved_at, service_id)
            SELECT %(base)s + k, 'INC' || lpad((%(base)s + k)::text, greatest(6, length((%(base)s + k)::text)), '0'),
                   'Outage ' || k, '',
                   CASE WHEN k <= 10 THEN 'in_progress' ELSE 'resolved' END, 'monitoring', 1, 1, 1, true, '',
                   CASE WHEN k <= 10 THEN '' ELSE 'fixed' END, '', 0,
                   t.started, t.started, t.started + interval '5 minutes',
                   CASE WHEN k > 10 THEN t.started + interval '3 hours' END, (%(services)s::bigint[])[k * 9]
            FROM generate_series(1, 20) AS k
            CROSS JOIN LATERAL (SELECT CASE WHEN k <= 10 THEN %(now)s - k * interval '37 minutes'
                                            ELSE %(now)s - (k - 10) * interval '31 hours' END AS started) AS t
        """, {"base": base, "now": now, "services": services})
        cursor.execute("SELECT setval(pg_get_serial_sequence('incidents_incident', 'id'), %s)", [base + 20])
        cursor.execute("""
            INSERT INTO incidents_majorincident (incident_id, status, summary, impact, started_at, declared_at,
                                                 mobilised_at, contained_at, resolved_at, resolution, bridge_number,
                                                 bridge_pin, announcement, last_update_at, manager_id, declared_by_id)
            SELECT i.id,
                   CASE WHEN k > 10 THEN 'resolved' WHEN k %% 3 = 0 THEN 'contained' WHEN k %% 3 = 1 THEN 'mobilised'
                        ELSE 'declared' END,
                   (ARRAY['Card payments failing', 'Internet banking unavailable', 'Email delayed',
                          'Phones down in the contact centre', 'VPN drops every few minutes'])[1 + k %% 5]
                       || ' (' || k || ')',
                   (ARRAY['major_outage', 'partial_outage', 'degraded'])[1 + k %% 3],
                   i.created_at, i.created_at + interval '10 minutes',
                   CASE WHEN k %% 3 <> 2 THEN i.created_at + interval '20 minutes' END,
                   CASE WHEN k %% 3 = 0 THEN i.created_at + interval '40 minutes' END,
                   i.resolved_at, '', '+351 210 000 000', (100000 + k)::text, '', i.created_at, %(manager)s, %(manager)s
            FROM generate_series(1, 20) AS k JOIN incidents_incident AS i ON i.id = %(base)s + k
            ORDER BY k
        """, {"base": base, "manager": fx["teams"][0].manager_id})
        cursor.execute("SELECT id FROM incidents_majorincident ORDER BY id")
        majors = [row[0] for row in cursor.fetchall()]
        cursor.execute("""
            INSERT INTO incidents_majorincident_services (majorincident_id, service_id)
            SELECT DISTINCT m.id,
                   (%(services)s::bigint[])[1 + (m.rn * 9 + j * 13) %% cardinality(%(services)s::bigint[])]
            FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM incidents_majorincident) AS m
            CROSS JOIN generate_series(0, 2) AS j
            WHERE j <= m.rn %% 3
        """, {"services": services})
        # 3 public updates and 2 internal ones per major incident, 15 minutes apart.
        cursor.execute("""
            INSERT INTO incidents_stakeholderupdate (major_incident_id, audiences, status, what, "where", event, eta,
                                                     contact, body, is_public, created_at, author_id)
            SELECT m.id,
                   CASE WHEN u <= 3 THEN '["public", "users"]'::jsonb ELSE '["technical", "management"]'::jsonb END,
                   m.status, m.summary, 'All regions', 'unplanned', m.started_at + interval '4 hours',
                   'Service desk, +351 210 000 000',
                   'We are investigating reports of problems. Next update in 30 minutes. Update ' || u || '.',
                   u <= 3, m.started_at + u * interval '15 minutes', m.manager_id
            FROM incidents_majorincident AS m CROSS JOIN generate_series(1, 5) AS u
        """)
        # One outage every ~5 days per service over the last 365 days, 5 minutes to 3 hours long,
        # and the active major incidents' ongoing ones.
        cursor.execute("""
            INSERT INTO sla_serviceoutage (service_id, started_at, ended_at, description, source)
            SELECT s.id, o.started, o.started + (5 + (s.id * 7 + d * 13) %% 175) * interval '1 minute', 'Recorded', ''
            FROM catalog_service AS s
            CROSS JOIN generate_series(0, 364, 5) AS d
            CROSS JOIN LATERAL (SELECT %(now)s - interval '365 days' + d * interval '1 day'
                                       + ((s.id * 31 + d * 17) %% 1440) * interval '1 minute' AS started) AS o
            WHERE o.started + interval '3 hours' < %(now)s
        """, {"now": now})
        cursor.execute("""
            INSERT INTO sla_serviceoutage (service_id, started_at, ended_at, description, source)
            SELECT ms.service_id, m.started_at, NULL, m.summary, 'incidents.majorincident:' || m.id
            FROM incidents_majorincident AS m JOIN incidents_majorincident_services AS ms ON ms.majorincident_id = m.id
            WHERE m.status IN ('declared', 'mobilised', 'contained')
        """)
        cursor.execute("""
            INSERT INTO statuspage_scheduledmaintenance (title, description, starts_at, ends_at, source, created_at)
            VALUES ('Database upgrade', 'Planned work.', %(now)s - interval '1 hour', %(now)s + interval '2 hours', '',
                    %(now)s),
                   ('Network maintenance', 'Planned work.', %(now)s + interval '2 days', %(now)s + interval '50 hours',
                    '', %(now)s),
                   ('Telephony switch', 'Planned work.', %(now)s + interval '9 days', %(now)s + interval '217 hours',
                    '', %(now)s)
        """, {"now": now})
        cursor.execute("""
            INSERT INTO statuspage_scheduledmaintenance_services (scheduledmaintenance_id, service_id)
            SELECT m.id, (%(services)s::bigint[])[j] FROM statuspage_scheduledmaintenance AS m
            CROSS JOIN generate_series(1, 3) AS j
        """, {"services": services[100:]})
        cursor.execute("SET synchronous_commit TO DEFAULT")
        cursor.execute("VACUUM (ANALYZE) incidents_majorincident, incidents_majorincident_services, "
                       "incidents_stakeholderupdate, sla_serviceoutage, statuspage_scheduledmaintenance")
        cursor.execute("SELECT count(*), count(*) FILTER (WHERE started_at > %s - interval '90 days') "
                       "FROM sla_serviceoutage", [now])
        out["outages"], out["outages_90d"] = cursor.fetchone()
        cursor.execute("SELECT status, count(*) FROM incidents_majorincident GROUP BY status ORDER BY status")
        out["majors"] = dict(cursor.fetchall())
        cursor.execute("SELECT count(*) FILTER (WHERE is_public), count(*) FROM incidents_stakeholderupdate")
        out["public_updates"], out["updates"] = cursor.fetchone()
    out["major_ids"] = majors
    return out


def bench_status_page(requests: int) -> dict:
    from django.test import Client

    from statuspage import caching
    from statuspage.views import _summary

    # HTTP_HOST: "testserver" is not in ALLOWED_HOSTS outside the test runner.
    client = Client(HTTP_HOST="localhost")

    def get():
        response = client.get("/status/")
        if response.status_code != 200:
            raise SystemExit(f"GET /status/ answered {response.status_code}: {response.content[:300]!r}")
        return response

    def prepare(invalidate: bool) -> None:
        """Not timed. Uncached: drop the cached summary, as a major-incident change does. Cached:
        make sure a fresh summary is there (it lives 30 s, which a few slow requests outlast)."""
        if invalidate:
            caching.invalidate()
        else:
            _summary()

    out = {}
    for label, invalidate in (("uncached", True), ("cached", False)):
        prepare(invalidate)
        get()  # warm-up
        timings = []
        for _ in range(requests):
            prepare(invalidate)
            started = time.perf_counter()
            get()
            timings.append((time.perf_counter() - started) * 1000)
        prepare(invalidate)
        cap = captured(get)
        out[label] = {"timings": timings, "median": statistics.median(timings), "p95": quantile(timings, 95),
                      "bytes": len(cap["result"].content), "captured": cap}
    # Where the uncached page's time goes: the summary (selectors) alone, and the render.
    import pickle

    from statuspage import selectors

    builds = []
    for _ in range(requests):
        started = time.perf_counter()
        summary = selectors.status_summary()
        builds.append((time.perf_counter() - started) * 1000)
    out["summary_ms"] = statistics.median(builds)
    out["pickled"] = len(pickle.dumps((summary,)))
    out["cells"] = sum(len(s.days) for s in summary.services)
    out["services"] = len(summary.services)
    out["active"] = len(summary.active_incidents)
    out["recent"] = len(summary.recent_incidents)
    out["status"] = summary.status
    return out


# --- main -----------------------------------------------------------------------------------

def main() -> None:
    args = parse_args()
    run_started = time.perf_counter()
    name = recreate_database(args.database_url)
    setup_django(args.database_url)

    from django.db import connections

    from notifications import tasks as notification_tasks

    started = time.perf_counter()
    migrate_fresh()
    print(f"bench_major — database {name} (created and migrated in {time.perf_counter() - started:.1f} s)")
    for line in machine_line():
        print(line)
    delay = DelayCounter()
    notification_tasks.deliver.delay = delay
    print("notifications.tasks.deliver.delay is replaced by a counter in this process: no broker in the measurement "
          "(deliveries are still created, and queued on commit to the counter)")
    fx = make_fixtures()
    print(f"fixtures: {len(fx['teams'])} teams with a manager, {len(fx['services'])} services, {len(fx['services'])} "
          f"spike rules (window 15 min, threshold 10, baseline multiplier 3, 4 weeks), {len(fx['cis'])} CIs; "
          f"sweep instant {NOW:%Y-%m-%d %H:%M} UTC")

    spike_stages = sorted({s for s in (100_000,) if s < args.incidents} | {args.incidents})
    ke_stages = sorted({s for s in (1_000, 10_000) if s < args.known_errors} | {args.known_errors})
    results: dict = {"spikes": {}, "ke": {}, "a": {}, "b": {}}
    try:
        for stage in spike_stages:
            print(f"\n== spike detection, {stage:,} incidents ==")
            info = load_incidents(stage, fx, args.seed + stage)
            r = bench_spikes(args.repeats, delay)
            print_spikes(stage, info, r, args.repeats)
            results["spikes"][stage] = r

        for stage in ke_stages:
            print(f"\n== known-error suggestions, {stage:,} published known errors ==")
            info = load_known_errors(stage, fx, args.seed + stage)
            r = bench_known_errors(fx, args.ke_repeats, args.slow_call_s)
            print_known_errors(stage == ke_stages[0], info, r, args.ke_repeats)
            results["ke"][stage] = r
            slow = max(m["median"] for m in r.values())
            if stage >= 10_000 and slow > args.slow_ms:
                print(f"  slowest median {slow:.1f} ms > {args.slow_ms:.0f} ms: prototyping fixes A, B and C "
                      f"(in this database only, dropped afterwards)")
                a = prototype_a(fx, args.ke_repeats, args.slow_call_s, r)
                b = prototype_b(fx, args.ke_repeats, args.slow_call_s, r)
                print_prototypes(a, b, args.ke_repeats)
                results["a"][stage], results["b"][stage] = a, b

        status = None
        if not args.no_status_page:
            print("\n== public status page ==")
            sinfo = load_status_page(fx)
            status = bench_status_page(args.requests)
            majors = ", ".join(f"{k} {v}" for k, v in sinfo["majors"].items())
            print(f"  load: {N_SERVICES} services; major incidents {majors}; "
                  f"{sinfo['public_updates']} public of {sinfo['updates']} stakeholder updates; {sinfo['outages']:,} "
                  f"outages over 365 days ({sinfo['outages_90d']:,} in the last 90); 3 maintenance windows")
            print(f"  the page shows: {status['services']} services, {status['active']} active and {status['recent']} "
                  f"recent incidents; overall status {status['status']}")
            for label in ("uncached", "cached"):
                m = status[label]
                cap = m["captured"]
                how = ("cache invalidated before each request (statuspage.caching.invalidate, not timed)"
                       if label == "uncached" else "the summary from the cache")
                print(f"  GET /status/ {label} ({how}): {args.requests} requests, median {m['median']:.1f} ms, "
                      f"p95 {m['p95']:.1f} ms, {cap['queries']} queries per request; {m['bytes']:,} bytes")
                print_statements(cap, "      ")
            print(f"    statuspage.selectors.status_summary() alone (the uncached part, no render): "
                  f"median {status['summary_ms']:.1f} ms; it holds {status['cells']:,} uptime days, "
                  f"{status['pickled']:,} bytes pickled in the cache; the rest of a request is the template")

        print("\n== summary ==")
        print(f"{'incidents':>10} | {'sweep':<38} | {'median':>9} | {'min–max':>15} | queries")
        for stage, r in results["spikes"].items():
            for key, label in (("quiet", "quiet (nothing spikes)"), ("raise", f"raising {SPIKING} alerts"),
                               ("repeat", "repeat (alerts open)")):
                m = r[key]
                spread = f"{m['min']:.1f}–{m['max']:.1f}"
                print(f"{stage:>10,} | {label:<38} | {m['median']:>6.1f} ms | {spread:>15} | "
                      f"{m['captured']['queries']}")
        print(f"{'known err.':>10} | {'lookup':<40} | {'app':>10} | {'A: expr. GIN':>12} | {'B: column+GIN':>13} | "
              f"{'C: B + EXISTS':>13} | queries")
        for stage, r in results["ke"].items():
            for label, m in r.items():
                cells = []
                for proto, key in (("a", "cases"), ("b", "cases"), ("b", "cases_exists")):
                    p = results[proto].get(stage, {}).get(key, {}).get(label)
                    cells.append(f"{p['median']:.1f} ms" if p else "-")
                print(f"{stage:>10,} | {label:<40} | {m['median']:>7.1f} ms | {cells[0]:>12} | {cells[1]:>13} | "
                      f"{cells[2]:>13} | {m['captured']['queries']}")
        if status:
            for label in ("uncached", "cached"):
                m = status[label]
                print(f"status page {label}: median {m['median']:.1f} ms, p95 {m['p95']:.1f} ms, "
                      f"{m['captured']['queries']} queries")
        if len(results["spikes"]) > 1:
            sizes = list(results["spikes"])
            for key in ("quiet", "raise", "repeat"):
                shapes = [[k for _, k in results["spikes"][s][key]["captured"]["statements"]] for s in sizes]
                counts = [results["spikes"][s][key]["captured"]["queries"] for s in sizes]
                same = len(set(counts)) == 1 and all(s == shapes[0] for s in shapes)
                print(f"queries per {key} sweep: {' / '.join(map(str, counts))} at "
                      f"{' / '.join(f'{s:,}' for s in sizes)} incidents: "
                      f"{'identical (same statements in the same order)' if same else 'DIFFERENT'}")
        counts = Counter(m["captured"]["queries"] for r in results["ke"].values() for m in r.values())
        print(f"queries per known-error lookup: {', '.join(f'{q} × {n}' for q, n in sorted(counts.items()))}")
        print(f"load average at end: {load_average()}; total run time: {time.perf_counter() - run_started:.0f} s")
    finally:
        connections.close_all()
        if args.keep:
            print(f"kept database {name} ({args.database_url})")
        else:
            drop_database(args.database_url)


if __name__ == "__main__":
    main()
