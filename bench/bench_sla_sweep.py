#!/usr/bin/env python
"""SLA sweep at scale: 100,000 and 1,000,000 running timers, of which 1,000 are due.

    .venv/bin/python bench/bench_sla_sweep.py [--timers 1000000] [--due 1000] [--repeats 5] [--keep]

Works on its own PostgreSQL database (default ``servicedesk_sla_bench``; the name must end
in ``_bench``), which it drops and creates afresh and migrates. For each stage (100,000, then
``--timers``) it empties the SLA tables and loads, with one ``INSERT ... SELECT
generate_series`` per table, that many running timers with two pending escalations each
(75 % and 100 % of the target); ``--due`` of them, spread evenly over the table, are due at
the sweep instant (``due_at`` and both ``fire_at`` at or before it), all others later; then
``VACUUM (ANALYZE)`` and a ``CHECKPOINT`` (so the load's dirty pages are not flushed during a
sweep). Then

* a **sweep that finds the due timers** (``sla.services.sla_sweep(now=..., batch=1000)``:
  breaches and escalations): median wall time over ``--repeats`` sweeps after one warm-up,
  the due timers re-armed by SQL between sweeps (status back to running, ``breached_at`` and
  ``fired_at`` NULL, the new ``sla_slaevent`` rows deleted, then ``VACUUM``); then one more
  sweep under ``CaptureQueriesContext`` for the queries per sweep, with each statement's time;
* an **idle sweep** (nothing due: the sweep right after the one that swept everything):
  median time and queries;
* ``EXPLAIN (ANALYZE, BUFFERS)`` of the sweep's SELECTs (and of the UPDATE that recomputes
  ``next_escalation_at``), run on re-armed data inside a transaction that is rolled back.

``sla.tasks.fire_escalations.delay`` is replaced by a counter in this process, so the broker is
not in the measurement (the sweep queues one task per 100 fired escalations on commit). Apart from
the sweeps, a broker probe times ``fire_escalations.apply_async`` to a throwaway queue on the
configured broker (purged and deleted afterwards; ``--broker-probe 0`` skips it). The sweep
never loads tickets, so the timers point at synthetic ``auth.user`` object ids.

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
from datetime import UTC, datetime

# The database, Django set-up and machine description are bench_contacts.py's (this script
# runs as ``python bench/bench_sla_sweep.py``, so bench/ is on sys.path).
from bench_contacts import (
    StatementTimer,
    drop_database,
    load_average,
    machine_line,
    mib,
    migrate_fresh,
    recreate_database,
    setup_django,
)

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/servicedesk_sla_bench"
# The sweep instant: fixed, so every run loads the same rows.
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
SLA_TABLES = "sla_slatimer, sla_slaescalation, sla_slaevent"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timers", type=int, default=1_000_000,
                        help="Running timers at the last stage (default 1000000); the 100000 stage comes first.")
    parser.add_argument("--due", type=int, default=1000, help="Timers due at the sweep instant (default 1000).")
    parser.add_argument("--repeats", type=int, default=5, help="Timed sweeps per stage, after one warm-up.")
    parser.add_argument("--idle-repeats", type=int, default=20, help="Timed idle sweeps per stage.")
    parser.add_argument("--batch", type=int, default=1000, help="sla_sweep(batch=...) (default 1000, as in the app).")
    parser.add_argument("--broker-probe", type=int, default=1000,
                        help="Messages for the broker probe after the stages (default 1000; 0 skips it).")
    parser.add_argument("--keep", action="store_true", help="Keep the benchmark database afterwards.")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL),
                        help=f"Benchmark database (default {DEFAULT_URL}; env BENCH_DATABASE_URL).")
    return parser.parse_args()


# --- fixtures and bulk load ----------------------------------------------------------------

def make_fixtures() -> dict:
    """One 24×7 calendar, one policy with escalation rules at 75 % and 100 %."""
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType

    from sla.models import BusinessCalendar, EscalationRule, SLAPolicy

    calendar = BusinessCalendar.objects.create(name="bench 24x7", timezone="UTC")
    policy = SLAPolicy.objects.create(name="bench incidents", calendar=calendar, response_minutes=60,
                                      resolution_minutes=240)
    rules = {pct: EscalationRule.objects.create(policy=policy, metric="resolution", at_percent=pct,
                                                notify="assignee", channels=["in_app"]).pk
             for pct in (75, 100)}
    return {"ct": ContentType.objects.get_for_model(get_user_model()).pk, "policy": policy.pk,
            "calendar": calendar.pk, "rule75": rules[75], "rule100": rules[100]}


def due_step(timers: int, due: int) -> int:
    """Timer ``i`` (1-based) is due when ``i % step == 0 and i // step <= due``: ``due`` timers
    spread evenly over the table (and so over its pages), not bunched at its start."""
    return max(timers // due, 1)


def load(timers: int, due: int, fx: dict) -> dict:
    """Empty the SLA tables, then load ``timers`` running timers with two pending escalations
    each, in two set-based statements. Due timer k (1..due) is due ``3·k`` seconds before the
    sweep instant (target 1 h, so its 75 % escalation 15 min earlier still); every other timer
    is due 2 h to 9 days after it (target 4 h, so its 75 % escalation is ≥ 1 h away)."""
    from django.db import connection

    step = due_step(timers, due)
    params = {"n": timers, "step": step, "due": due, "now": NOW, **fx}
    out = {}
    with connection.cursor() as cursor:
        started = time.perf_counter()
        cursor.execute(f"TRUNCATE {SLA_TABLES} RESTART IDENTITY")
        cursor.execute("SET synchronous_commit TO OFF")
        cursor.execute("""
            INSERT INTO sla_slatimer (id, content_type_id, object_id, metric, policy_id, calendar_id, status,
                                      target, consumed, started_at, last_resumed_at, paused_at, due_at,
                                      next_escalation_at, met_at, breached_at, kind, priority, customer_tier,
                                      team_id, service_id)
            SELECT i, %(ct)s, i, 'resolution', %(policy)s, %(calendar)s, 'running',
                   t.target, interval '0', t.due - t.target, t.due - t.target, NULL, t.due,
                   t.due - t.target / 4, NULL, NULL, 'incident', 1 + i %% 5, '', NULL, NULL
            FROM generate_series(1, %(n)s) AS i
            CROSS JOIN LATERAL (
                SELECT CASE WHEN i %% %(step)s = 0 AND i / %(step)s <= %(due)s THEN interval '1 hour'
                            ELSE interval '4 hours' END AS target,
                       CASE WHEN i %% %(step)s = 0 AND i / %(step)s <= %(due)s
                            THEN %(now)s - (i / %(step)s) * interval '3 seconds'
                            ELSE %(now)s + interval '2 hours'
                                 + ((i::bigint * 7919) %% 777600) * interval '1 second' END AS due
            ) AS t
        """, params)
        out["timers_s"] = time.perf_counter() - started
        started = time.perf_counter()
        cursor.execute("""
            INSERT INTO sla_slaescalation (timer_id, rule_id, at_percent, notify, group_id, channels, fire_at,
                                           fired_at)
            SELECT t.id, r.rule_id, r.pct, 'assignee', NULL, '["in_app"]'::jsonb,
                   t.started_at + t.target * r.pct / 100, NULL
            FROM sla_slatimer AS t
            CROSS JOIN (VALUES (%(rule75)s::bigint, 75), (%(rule100)s::bigint, 100)) AS r (rule_id, pct)
            ORDER BY t.id, r.pct
        """, params)
        out["escalations_s"] = time.perf_counter() - started
        cursor.execute("SELECT setval(pg_get_serial_sequence('sla_slatimer', 'id'), %s)", [timers])
        cursor.execute("SET synchronous_commit TO DEFAULT")
        started = time.perf_counter()
        cursor.execute(f"VACUUM (ANALYZE) {SLA_TABLES}")
        out["vacuum_s"] = time.perf_counter() - started
        # Flush the load's dirty pages now, so the checkpoint it triggers does not land in a sweep.
        started = time.perf_counter()
        cursor.execute("CHECKPOINT")
        out["checkpoint_s"] = time.perf_counter() - started
        cursor.execute("""
            SELECT (SELECT count(*) FROM sla_slatimer WHERE status = 'running'),
                   (SELECT count(*) FROM sla_slatimer WHERE status = 'running' AND due_at <= %(now)s),
                   (SELECT count(*) FROM sla_slaescalation WHERE fired_at IS NULL AND fire_at IS NOT NULL),
                   (SELECT count(*) FROM sla_slaescalation WHERE fired_at IS NULL AND fire_at <= %(now)s),
                   pg_total_relation_size('sla_slatimer'), pg_total_relation_size('sla_slaescalation'),
                   pg_relation_size('sla_timer_running_due'), pg_relation_size('sla_escalation_pending')
        """, params)
        (out["running"], out["due_timers"], out["pending"], out["due_escalations"],
         out["timer_bytes"], out["esc_bytes"], out["timer_idx_bytes"], out["esc_idx_bytes"]) = cursor.fetchone()
    out["step"] = step
    return out


def rearm(timers: int, due: int) -> float:
    """Put the due timers back as they were before the sweep, then VACUUM (as autovacuum would
    between sweeps in production), so every timed sweep starts from the same state."""
    from django.db import connection

    step = due_step(timers, due)
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("""
            UPDATE sla_slatimer SET status = 'running', breached_at = NULL, next_escalation_at = due_at - target / 4
            WHERE id %% %(step)s = 0 AND id <= %(n)s
        """, {"step": step, "n": step * due})
        cursor.execute("""
            UPDATE sla_slaescalation SET fired_at = NULL
            WHERE fired_at IS NOT NULL AND timer_id %% %(step)s = 0 AND timer_id <= %(n)s
        """, {"step": step, "n": step * due})
        cursor.execute("DELETE FROM sla_slaevent")
        cursor.execute(f"VACUUM {SLA_TABLES}")
    return time.perf_counter() - started


# --- measurements ---------------------------------------------------------------------------

class DelayCounter:
    """Stands in for ``fire_escalations.delay``: counts, queues nothing."""

    def __init__(self):
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1


def statement_kind(sql: str) -> str:
    """A statement's shape, without its literals: what it does to which table."""
    sql = " ".join(sql.split())
    table = re.search(r'(?:FROM|INTO|UPDATE) "(\w+)"', sql)
    table = table.group(1) if table else "?"
    if sql.startswith("SELECT"):
        cols = ", ".join(re.findall(r'\."(\w+)"', sql[len("SELECT "):sql.index(" FROM ")]))
        tail = " FOR UPDATE SKIP LOCKED" if "SKIP LOCKED" in sql else ""
        tail += " LIMIT" if re.search(r"LIMIT \d+$|LIMIT \d+ FOR", sql) else ""
        return f"SELECT {cols} FROM {table}{tail}"
    if sql.startswith("UPDATE"):
        cols = re.findall(r'"(\w+)" = ', sql[: sql.index(" WHERE ")] if " WHERE " in sql else sql)
        return f"UPDATE {table} SET {', '.join(cols)}"
    if sql.startswith("INSERT"):
        return f"INSERT INTO {table}"
    return sql[:60]


def sweep_once(batch: int):
    from sla.services import sla_sweep

    started = time.perf_counter()
    result = sla_sweep(now=NOW, batch=batch)
    return (time.perf_counter() - started) * 1000, result


def captured_sweep(batch: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timer = StatementTimer()
    with CaptureQueriesContext(connection) as ctx, connection.execute_wrapper(timer):
        ms, result = sweep_once(batch)
    tx = [q for q in ctx.captured_queries if q["sql"] in ("BEGIN", "COMMIT", "ROLLBACK")]
    return {"ms": ms, "result": result, "queries": len(ctx), "sql": [q["sql"] for q in ctx.captured_queries],
            "tx": Counter(q["sql"] for q in tx), "tx_ms": sum(float(q["time"]) for q in tx) * 1000,
            "statements": [(t, statement_kind(sql)) for t, sql in timer.rows]}


def bench_due(timers: int, due: int, repeats: int, batch: int, delay: DelayCounter) -> dict:
    timings, results, delays, rearm_s = [], set(), set(), []
    for rep in range(repeats + 1):  # the first is a warm-up
        rearm_s.append(rearm(timers, due))
        before = delay.calls
        ms, result = sweep_once(batch)
        if rep:
            timings.append(ms)
        results.add(result)
        delays.add(delay.calls - before)
    rearm_s.append(rearm(timers, due))
    captured = captured_sweep(batch)
    return {"timings": timings, "median": statistics.median(timings), "min": min(timings), "max": max(timings),
            "results": results, "delays": delays, "rearm_s": statistics.median(rearm_s), "captured": captured}


def bench_idle(repeats: int, batch: int) -> dict:
    """Sweeps with nothing due: the sweep that follows one that swept everything."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM {SLA_TABLES}")
    for _ in range(3):
        sweep_once(batch)
    timings, results = [], set()
    for _ in range(repeats):
        ms, result = sweep_once(batch)
        timings.append(ms)
        results.add(result)
    captured = captured_sweep(batch)
    return {"median": statistics.median(timings), "p95": statistics.quantiles(timings, n=20)[-1],
            "results": results, "captured": captured}


def explain_lines(sqls: list[str], timers: int, due: int) -> list[str]:
    """EXPLAIN (ANALYZE, BUFFERS) one-liners for the sweep's first SELECT of each shape and its
    ``next_escalation_at`` UPDATE, on re-armed data, in a transaction that is rolled back."""
    from django.db import connection, transaction

    wanted, seen = [], set()
    for sql in sqls:
        kind = statement_kind(sql)
        if (sql.startswith("SELECT") or "next_escalation_at" in kind) and kind not in seen:
            seen.add(kind)
            wanted.append((kind, sql))
    rearm(timers, due)
    lines = []
    with transaction.atomic(), connection.cursor() as cursor:
        for kind, sql in wanted:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) " + sql)
            plan = [row[0] for row in cursor.fetchall()]
            nodes = []
            for row in plan:
                text = row.strip()
                if text.startswith("->"):
                    text = text[2:].strip()
                elif row.startswith((" ", "Planning", "Execution", "Trigger")):
                    continue  # Filter, Index Cond, Buffers … of a node: only the nodes are listed
                nodes.append(re.sub(r"\s*\(actual rows=(\d+) loops=(\d+)\)",
                                    lambda m: f" [{m.group(1)} rows" + ("" if m.group(2) == "1"
                                                                        else f" × {m.group(2)} loops") + "]", text))
            buffers = next((r.strip() for r in plan if r.strip().startswith("Buffers:")), "Buffers: -")
            exec_ms = next((r.split(":", 1)[1].strip() for r in plan if r.startswith("Execution Time")), "?")
            lines.append(f"{kind}: {' → '.join(nodes)}; {buffers.lower()}; execution {exec_ms}")
        transaction.set_rollback(True)
    return lines


def broker_probe(messages: int) -> dict:
    """What the sweep's on_commit callback costs with the real broker, measured apart from the
    sweep: ``fire_escalations.apply_async`` once per message, as the sweep does per chunk of 100 fired
    escalations, to a throwaway queue that no worker reads, purged and deleted afterwards."""
    import uuid

    from celery import current_app
    from django.conf import settings
    from kombu import Exchange, Queue

    from sla.tasks import fire_escalations

    queue = f"bench-sla-probe-{uuid.uuid4().hex[:8]}"
    try:
        for _ in range(50):  # warm-up: connection pool, producer
            fire_escalations.apply_async(args=[list(range(-100, 0))], queue=queue)
        started = time.perf_counter()
        for _ in range(messages):
            fire_escalations.apply_async(args=[list(range(-100, 0))], queue=queue)
        ms = (time.perf_counter() - started) * 1000
    finally:
        # Declared on this channel so that delete() knows its binding (kombu's Redis transport
        # keeps it in a set next to the list): nothing of the probe stays on the broker.
        with current_app.connection_for_write() as conn:
            bound = Queue(queue, Exchange(queue), routing_key=queue)(conn.default_channel)
            bound.declare()
            purged = bound.purge()
            bound.delete()
    broker = re.sub(r"//[^@/]*@", "//", settings.CELERY_BROKER_URL)
    return {"messages": messages, "ms": ms, "purged": purged, "broker": broker}


def print_statements(captured: dict, indent: str = "    ") -> None:
    grouped: dict[str, list[float]] = {}
    for ms, kind in captured["statements"]:
        grouped.setdefault(kind, []).append(ms)
    for kind, times in grouped.items():
        print(f"{indent}{len(times):>2} × {kind}: {sum(times):7.2f} ms"
              + (f" ({', '.join(f'{t:.2f}' for t in times)})" if len(times) > 1 else ""))
    tx = captured["tx"]
    print(f"{indent}{sum(tx.values()):>2} × {' / '.join(tx)} (transaction.atomic per breach and escalation "
          f"step): {captured['tx_ms']:.0f} ms (Django's ms resolution)")
    sql_ms = sum(t for t, _ in captured["statements"]) + captured["tx_ms"]
    print(f"{indent}in SQL (round trips included) {sql_ms:.1f} ms of the sweep's {captured['ms']:.1f} ms; "
          f"the rest, {captured['ms'] - sql_ms:.1f} ms, is Python")


def main() -> None:
    args = parse_args()
    run_started = time.perf_counter()
    name = recreate_database(args.database_url)
    setup_django(args.database_url)

    from django.db import connections

    from sla import tasks

    started = time.perf_counter()
    migrate_fresh()
    print(f"bench_sla_sweep — database {name} (created and migrated in {time.perf_counter() - started:.1f} s)")
    for line in machine_line():
        print(line)
    delay = DelayCounter()
    tasks.fire_escalations.delay = delay
    print("sla.tasks.fire_escalations.delay is replaced by a counter in this process: no broker in the "
          "measurement (the sweep's on_commit callback still runs and calls it once per chunk of 100 "
          "fired escalations)")
    print(f"sweep instant: {NOW:%Y-%m-%d %H:%M} UTC; sla_sweep(now=..., batch={args.batch}); "
          f"{args.due:,} due timers with 2 due escalations each (75 %, 100 %); every timer has 2 escalations")

    stages = sorted({s for s in (100_000,) if s < args.timers} | {args.timers})
    fx = make_fixtures()
    results: dict[int, dict] = {}
    try:
        for stage in stages:
            print(f"\n== {stage:,} running timers ({args.due:,} due) ==")
            info = load(stage, args.due, fx)
            print(f"  load: {stage:,} timers in {info['timers_s']:.1f} s, {2 * stage:,} escalations in "
                  f"{info['escalations_s']:.1f} s (INSERT ... SELECT generate_series), VACUUM (ANALYZE) "
                  f"{info['vacuum_s']:.1f} s, CHECKPOINT {info['checkpoint_s']:.1f} s")
            print(f"  check: {info['running']:,} running, {info['due_timers']:,} due at the instant (every "
                  f"{info['step']:,}th timer); {info['pending']:,} pending escalations, {info['due_escalations']:,} "
                  f"due; sla_slatimer {mib(info['timer_bytes'])} with indexes (sla_timer_running_due "
                  f"{mib(info['timer_idx_bytes'])}), sla_slaescalation {mib(info['esc_bytes'])} "
                  f"(sla_escalation_pending {mib(info['esc_idx_bytes'])})")
            due = bench_due(stage, args.due, args.repeats, args.batch, delay)
            cap = due["captured"]
            print(f"  sweep with {args.due:,} due: {args.repeats} sweeps after a warm-up, "
                  f"median {due['median']:.1f} ms "
                  f"(min {due['min']:.1f}, max {due['max']:.1f}; each: "
                  f"{', '.join(f'{t:.1f}' for t in due['timings'])}); result "
                  f"{' / '.join(str(r) for r in due['results'])}; fire_escalations.delay calls per sweep: "
                  f"{', '.join(str(d) for d in sorted(due['delays']))}")
            print(f"    re-arm between sweeps (UPDATE, DELETE events, VACUUM; not timed in the sweep): "
                  f"median {due['rearm_s']:.2f} s")
            print(f"    queries per sweep (CaptureQueriesContext): {cap['queries']}; that sweep took "
                  f"{cap['ms']:.1f} ms, {cap['result']}; by statement (wall time in this process):")
            print_statements(cap, "      ")
            print("    EXPLAIN (ANALYZE, BUFFERS) of the sweep's SELECTs and its next_escalation_at UPDATE "
                  "(re-armed data, rolled back):")
            explains = explain_lines(cap["sql"], stage, args.due)
            for line in explains:
                print(f"      {line}")
            # Leave the state swept (nothing due) for the idle sweep.
            sweep_once(args.batch)
            idle = bench_idle(args.idle_repeats, args.batch)
            icap = idle["captured"]
            print(f"  idle sweep (nothing due): {args.idle_repeats} sweeps, median {idle['median']:.2f} ms, "
                  f"p95 {idle['p95']:.2f} ms; result {' / '.join(str(r) for r in idle['results'])}; "
                  f"queries per sweep: {icap['queries']}")
            print_statements(icap, "      ")
            results[stage] = {"due": due, "idle": idle, "explains": explains}

        print("\n== summary ==")
        print(f"{'timers':>10} | {'due':>5} | {'sweep median':>12} | {'min–max':>16} | {'queries':>7} | "
              f"{'breached':>8} | {'escalated':>9} | {'idle median':>11} | idle queries")
        for stage, r in results.items():
            d, i = r["due"], r["idle"]
            res = d["captured"]["result"]
            spread = f"{d['min']:.1f}–{d['max']:.1f} ms"
            print(f"{stage:>10,} | {args.due:>5,} | {d['median']:>9.1f} ms | {spread:>16} | "
                  f"{d['captured']['queries']:>7} | {res.breached:>8} | {res.escalated:>9} | "
                  f"{i['median']:>8.2f} ms | {i['captured']['queries']}")
        if len(results) > 1:
            sizes = list(results)
            due_q = [results[s]["due"]["captured"]["queries"] for s in sizes]
            idle_q = [results[s]["idle"]["captured"]["queries"] for s in sizes]
            shapes = [[k for _, k in results[s]["due"]["captured"]["statements"]] for s in sizes]
            same = len(set(due_q)) == 1 and len(set(idle_q)) == 1 and all(s == shapes[0] for s in shapes)
            print(f"queries per sweep: {' / '.join(map(str, due_q))} with {args.due:,} due, "
                  f"{' / '.join(map(str, idle_q))} idle at {' / '.join(f'{s:,}' for s in sizes)} timers: "
                  f"{'identical (same statements in the same order)' if same else 'DIFFERENT'}")
        if args.broker_probe:
            probe = broker_probe(args.broker_probe)
            escalated = max(r["due"]["captured"]["result"].escalated for r in results.values())
            per = probe["ms"] / probe["messages"]
            print(f"broker probe (not in the figures above): fire_escalations.apply_async × {probe['messages']:,} to "
                  f"a throwaway queue on {probe['broker']}: {probe['ms']:.0f} ms, {per:.2f} ms per message "
                  f"({probe['purged']:,} purged); the on_commit callback of a sweep that fires {escalated:,} "
                  f"escalations ({-(-escalated // 100):,} messages of 100) would add about "
                  f"{per * -(-escalated // 100):.0f} ms")
        print(f"load average at end: {load_average()}; total run time: {time.perf_counter() - run_started:.0f} s")
    finally:
        connections.close_all()
        if args.keep:
            print(f"kept database {name} ({args.database_url})")
        else:
            drop_database(args.database_url)


if __name__ == "__main__":
    main()
