#!/usr/bin/env python
"""The email channel at volume: messages per second through ``inbound/`` and through an IMAP
fetch, where the time goes, and the threading lookup with up to 1,000,000 stored Message-IDs.

    .venv/bin/python bench/bench_mail.py [--api-messages 2000] [--imap-messages 10000]
                                         [--threading 1000000] [--lookups 2000] [--receives 200]
                                         [--profile 0] [--keep]

Works on its own PostgreSQL database (default ``servicedesk_mail_bench``; the name must end in
``_bench``), which it drops, creates and migrates; attachments and kept raw messages go to a
temporary MEDIA_ROOT, removed at the end. Every part runs in this one process (one worker):

1. **inbound/**: ``--api-messages`` raw messages POSTed to ``/api/v1/mailboxes/<id>/inbound/``
   (``Content-Type: message/rfc822``) with an admin's token through DRF's ``APIClient`` (the
   whole Django stack in-process, no HTTP server). The mix: 60 % new tickets in plain text,
   5 % HTML-only, 10 % with a 40 KB PDF attached, 25 % replies to an earlier message of the run
   (threaded by ``In-Reply-To``, appended as a comment). Each sender writes a handful of
   messages (the per-sender limit is raised for the run).
2. **IMAP fetch**: a throw-away Dovecot (``mail/tests/servers.py``, Debian's ``dovecot-imapd``)
   is loaded with ``--imap-messages`` messages of the same mix (IMAP APPEND, timed apart), then
   one ``mailbox_fetch`` takes them all: UID SEARCH, sizes, ``UID FETCH`` in chunks, one
   transaction per message through ``mail_receive``, the flag and the stored UID after each
   commit, ``UID EXPUNGE`` at the end.

   For both, the time is split with timers around the parser (``mail.parsing.parse``), every
   SQL statement (``connection.execute_wrapper``), the file storage's ``_save`` (attachments
   and kept raw messages) and, for IMAP, the IMAP round trips; "the rest" is Python: the ORM
   building queries and rows, the services, signals, the API's own work. ``--profile N`` also
   runs N more messages under cProfile and prints the top functions.
3. **Threading lookup**: ``MailMessage`` grows by COPY to 10,000 → 100,000 → ``--threading``
   rows (Message-IDs spread over 500 incidents); after ``VACUUM (ANALYZE)`` at each stage,
   ``--lookups`` runs of the inbound service's threading step (``_thread``: the Message-IDs a
   reply names, one indexed query, newest first) for replies naming a stored message
   (hits) and unknown ones (misses), median and p99 µs, with the query's plan; then
   ``--receives`` whole ``mail_receive`` calls of replies (threading + the comment), messages/s.

Figures are printed, never judged. The acknowledgements the new tickets queue (Celery) are
purged from the broker at the end. See ``bench/README.md`` for the latest figures.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from contextlib import contextmanager
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

# The database, Django set-up and machine description are bench_contacts.py's (this script
# runs as ``python bench/bench_mail.py``, so bench/ is on sys.path).
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

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/servicedesk_mail_bench"
SUBJECTS = ["Printer broken", "Cannot log in", "VPN drops", "Invoice missing", "Mailbox full", "Laptop slow",
            "Card declined", "Password reset", "Wi-Fi in room 3", "ERP report empty"]
BODY = ("Hello,\n\nsince this morning {what}. I tried restarting twice and it did not help. Colleagues "
        "on the same floor see the same. Could you have a look today? The order number is {n}.\n\n"
        "Thank you,\n{name}\n--\n{name}\nAccounts department\n+30 210 000 0000\n")
PDF = b"%PDF-1.4\n" + bytes(random.Random(1).getrandbits(8) for _ in range(40 * 1024)) + b"\n%%EOF\n"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--api-messages", type=int, default=2000, help="Messages POSTed to inbound/ (default 2000).")
    parser.add_argument("--imap-messages", type=int, default=10000, help="Messages in one IMAP fetch (default 10000).")
    parser.add_argument("--threading", type=int, default=1_000_000,
                        help="Stored Message-IDs at the last stage (default 1000000; 10000 and 100000 first).")
    parser.add_argument("--lookups", type=int, default=2000, help="Threading lookups per stage (default 2000).")
    parser.add_argument("--receives", type=int, default=200, help="Whole replies received per stage (default 200).")
    parser.add_argument("--profile", type=int, default=0, help="Messages received under cProfile (default 0: none).")
    parser.add_argument("--keep", action="store_true", help="Keep the benchmark database afterwards.")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL),
                        help=f"Benchmark database (default {DEFAULT_URL}; env BENCH_DATABASE_URL).")
    parser.add_argument("--seed", type=int, default=20261206)
    return parser.parse_args()


# --- messages ----------------------------------------------------------------------------------
class Corpus:
    """Realistic messages: new tickets (plain, HTML-only, with a PDF) and replies to earlier ones."""

    def __init__(self, rng: random.Random, desk: str, tag: str):
        self.rng, self.desk, self.tag = rng, desk, tag
        self.sent: list[tuple[str, str, str]] = []  # (Message-ID, subject, sender) of new tickets
        self.n = 0

    def next(self) -> tuple[str, bytes]:
        self.n += 1
        n, roll = self.n, self.rng.random()
        msg = EmailMessage()
        msg["Date"] = format_datetime(datetime.now(UTC))
        msg["Message-ID"] = make_msgid(idstring=f"{self.tag}{n}", domain="customer.example")
        msg["To"] = self.desk
        if roll < 0.25 and self.sent:
            parent, subject, sender = self.rng.choice(self.sent)
            msg["From"] = sender
            msg["Subject"] = f"Re: {subject}"
            msg["In-Reply-To"] = parent
            msg["References"] = parent
            msg.set_content("Any news on this? It is still happening.\n\nOn Monday you wrote:\n> " +
                            BODY.format(what="it fails", n=n, name="Desk").replace("\n", "\n> "))
            return "reply", msg.as_bytes()
        name = f"Customer {n % 997}"
        sender = f"{name} <customer{n % 997}.{self.tag}@customer.example>"
        subject = f"{self.rng.choice(SUBJECTS)} #{n}"
        msg["From"], msg["Subject"] = sender, subject
        text = BODY.format(what=subject.lower(), n=n, name=name)
        kind = "plain"
        if roll < 0.30:
            kind = "html"
            msg.set_content("<html><body><p>" + text.replace("\n\n", "</p><p>").replace("\n", "<br>") +
                            "</p><script>alert(1)</script></body></html>", subtype="html")
        else:
            msg.set_content(text)
        if 0.30 <= roll < 0.40:
            kind = "attachment"
            msg.add_attachment(PDF, maintype="application", subtype="pdf", filename=f"invoice-{n}.pdf")
        self.sent.append((msg["Message-ID"], subject, sender))
        return kind, msg.as_bytes()


# --- where the time goes -----------------------------------------------------------------------
class Shares:
    """Timers around the parser, every SQL statement, the file storage and the IMAP round trips."""

    def __init__(self):
        self.seconds: Counter = Counter()
        self.statements = 0
        self.by_statement: Counter = Counter()
        self.counts: Counter = Counter()

    def _sql(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent = time.perf_counter() - started
            self.seconds["sql"] += spent
            self.statements += 1
            label = statement_label(sql)
            self.by_statement[label] += spent
            self.counts[label] += 1

    @contextmanager
    def installed(self):
        from django.core.files.storage import FileSystemStorage
        from django.db import connection

        import mail.imap
        import mail.services.inbound

        originals = []

        def wrap(owner, name, key):
            original = getattr(owner, name)

            def timed(*args, **kwargs):
                started = time.perf_counter()
                try:
                    return original(*args, **kwargs)
                finally:
                    label = key(args) if callable(key) else key
                    self.seconds[label] += time.perf_counter() - started

            setattr(owner, name, timed)
            originals.append((owner, name, original))

        wrap(mail.services.inbound, "parse", "parsing")
        wrap(FileSystemStorage, "_save",
             lambda args: "storage (raw messages)" if str(args[1]).startswith("mail/") else "storage (attachments)")
        for name in ("_new_uids", "_sizes", "_download", "_acknowledge", "_expunge", "imap_connect"):
            wrap(mail.imap, name, "IMAP round trips")
        try:
            with connection.execute_wrapper(self._sql):
                yield self
        finally:
            for owner, name, original in reversed(originals):
                setattr(owner, name, original)

    def report(self, total: float, messages: int) -> None:
        accounted = 0.0
        for label in ("parsing", "sql", "storage (attachments)", "storage (raw messages)", "IMAP round trips"):
            if label not in self.seconds:
                continue
            seconds = self.seconds[label]
            accounted += seconds
            extra = f", {self.statements} statements, {self.statements / max(messages, 1):.1f} per message" \
                if label == "sql" else ""
            shown = "SQL" if label == "sql" else label
            print(f"    {shown:<24} {seconds:8.2f} s  {100 * seconds / total:5.1f} %"
                  f"  ({1000 * seconds / max(messages, 1):.2f} ms per message{extra})")
        rest = total - accounted
        top = ", ".join(f"{label} ×{self.counts[label]} {seconds:.2f} s"
                        for label, seconds in self.by_statement.most_common(6))
        print(f"      the slowest statements in all: {top}")
        print(f"    {'the rest (Python)':<24} {rest:8.2f} s  {100 * rest / total:5.1f} %"
              f"  ({1000 * rest / max(messages, 1):.2f} ms per message: the ORM, services, signals, API)")


def profile(receive, corpus: Corpus, count: int) -> None:
    raws = [corpus.next()[1] for _ in range(count)]
    profiler = cProfile.Profile()
    profiler.enable()
    for raw in raws:
        receive(raw)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
    print(f"  cProfile of {count} more messages (cumulative, top 25):")
    for line in out.getvalue().splitlines():
        if line.strip() and not line.startswith(("   Ordered by", "         ")):
            print("    " + line.rstrip()[:160])


# --- 1. inbound/ -------------------------------------------------------------------------------
def make_admin():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from core.roles import Role

    admin, _ = get_user_model().objects.get_or_create(username="bench-admin")
    admin.groups.add(Group.objects.get(name=Role.ADMIN))
    return admin


def bench_api(args, rng) -> None:
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    from mail.models import Mailbox

    token, _ = Token.objects.get_or_create(user=make_admin())
    client = APIClient(HTTP_HOST="localhost")
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    mailbox = Mailbox.objects.create(name="Bench push", address="push@desk.bench.example", protocol="push",
                                     create_contacts=True)
    url = f"/api/v1/mailboxes/{mailbox.pk}/inbound/"
    corpus = Corpus(rng, mailbox.address, "api")

    def post(raw: bytes) -> str:
        response = client.post(url, data=raw, content_type="message/rfc822")
        if response.status_code != 201:
            raise SystemExit(f"POST {url} answered {response.status_code}: {response.content[:300]!r}")
        return response.json()["result"]

    for _ in range(20):  # warm-up: imports, caches, the first contact and user lookups
        post(corpus.next()[1])
    messages = [corpus.next() for _ in range(args.api_messages)]
    kinds = Counter(kind for kind, _ in messages)
    total_bytes = sum(len(raw) for _, raw in messages)
    results: Counter = Counter()
    timings = []
    shares = Shares()
    started = time.perf_counter()
    with shares.installed():
        for _kind, raw in messages:
            t0 = time.perf_counter()
            results[post(raw)] += 1
            timings.append((time.perf_counter() - t0) * 1000)
    elapsed = time.perf_counter() - started
    print(f"\n== inbound/ : {len(messages)} messages POSTed ({total_bytes / 1024 / 1024:.1f} MiB; "
          + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) + ") ==")
    print(f"  {len(messages) / elapsed:.1f} messages/s, {elapsed:.1f} s; per message median "
          f"{statistics.median(timings):.1f} ms, p95 {quantile(timings, 95):.1f} ms; results: "
          + ", ".join(f"{k} {v}" for k, v in sorted(results.items())))
    shares.report(elapsed, len(messages))
    if args.profile:
        profile(post, corpus, args.profile)


# --- 2. IMAP fetch -----------------------------------------------------------------------------
def bench_imap(args, rng) -> None:
    sys.path.insert(0, str(ROOT))
    from mail.imap import mailbox_fetch
    from mail.models import Mailbox
    from mail.services.inbound import mail_receive
    from mail.tests.servers import Dovecot

    server = Dovecot().start()
    try:
        account = server.add_user()
        mailbox = Mailbox.objects.create(name="Bench IMAP", address=account.username, protocol="imap",
                                         host=account.host, port=account.port, username=account.username,
                                         password=account.password, use_tls=False, create_contacts=True)
        corpus = Corpus(rng, mailbox.address, "imap")
        messages = [corpus.next() for _ in range(args.imap_messages)]
        kinds = Counter(kind for kind, _ in messages)
        total_bytes = sum(len(raw) for _, raw in messages)
        started = time.perf_counter()
        account.append_many(raw for _, raw in messages)
        loaded = time.perf_counter() - started
        print(f"\n== IMAP fetch: {len(messages)} messages ({total_bytes / 1024 / 1024:.1f} MiB; "
              + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) + "), one worker ==")
        print(f"  Dovecot {server.port}: loaded by IMAP APPEND in {loaded:.1f} s (not counted)")
        shares = Shares()
        started = time.perf_counter()
        with shares.installed():
            result = mailbox_fetch(mailbox=mailbox)
        elapsed = time.perf_counter() - started
        if result.error or result.fetched != len(messages):
            print(f"  !! the fetch took {result.fetched} of {len(messages)}: {result.error}")
        print(f"  {result.fetched / elapsed:.1f} messages/s, {elapsed:.1f} s for {result.fetched}; results: "
              + ", ".join(f"{k} {v}" for k, v in sorted(result.results.items()))
              + f"; left on the server: {len(account.uids())}")
        shares.report(elapsed, result.fetched)
        if args.profile:
            profile(lambda raw: mail_receive(mailbox=mailbox, raw=raw, source="imap"), corpus, args.profile)
    finally:
        server.cleanup()


# --- 3. threading lookup -----------------------------------------------------------------------
def _copy_rows(start: int, stop: int, incidents: list[int], mailbox_id: int) -> float:
    """COPY ``MailMessage`` rows start..stop-1 (every concrete column: the model's defaults for
    those not named here, so a column added to the model needs no change)."""
    from django.db import connection
    from django.db.models import NOT_PROVIDED
    from django.utils import timezone

    from mail.models import MailMessage

    now = timezone.now()
    fields = [f for f in MailMessage._meta.concrete_fields if not f.primary_key]
    fixed = {}
    for f in fields:
        if f.default is not NOT_PROVIDED:
            fixed[f.column] = f.default() if callable(f.default) else f.default
        elif getattr(f, "auto_now_add", False) or getattr(f, "auto_now", False):
            fixed[f.column] = now
        elif f.null:
            fixed[f.column] = None
        else:
            fixed[f.column] = ""
    fixed.update({"mailbox_id": mailbox_id, "direction": "in", "status": "processed", "result": "created",
                  "source": "imap", "date": now, "received_at": now, "created_at": now, "size": 2048})
    columns = [f.column for f in fields]
    started = time.perf_counter()
    with connection.cursor() as cursor:
        raw = cursor.cursor
        quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
        with raw.copy(f"COPY mail_mailmessage ({quoted}) FROM STDIN") as copy:
            for i in range(start, stop):
                row = dict(fixed)
                row.update({"message_id": f"<thread-{i}@customer.example>",
                            "incident_id": incidents[i % len(incidents)],
                            "from_address": f"customer{i % 5000}@customer.example",
                            "subject": f"{SUBJECTS[i % len(SUBJECTS)]} #{i}"})
                copy.write_row([row[c] for c in columns])
    return time.perf_counter() - started


def bench_threading(args, rng) -> None:
    from django.db import connection

    from incidents.services import incident_create
    from mail.models import Mailbox, MailMessage
    from mail.parsing import parse
    from mail.services.inbound import _thread, mail_receive  # the threading step itself (private)

    agent = make_admin()
    mailbox = Mailbox.objects.create(name="Bench threading", address="thread@desk.bench.example", protocol="push",
                                     create_contacts=True)
    incidents = [incident_create(title=f"Threaded {k}", actor=agent, channel="email").pk for k in range(500)]
    stages = [s for s in (10_000, 100_000) if s < args.threading] + [args.threading]
    stored = 0
    print(f"\n== threading lookup: {', '.join(f'{s:,}' for s in stages)} stored Message-IDs ==")
    for stage in stages:
        base = MailMessage.objects.count()
        seconds = _copy_rows(stored, stage, incidents, mailbox.pk)
        with connection.cursor() as cursor:
            started = time.perf_counter()
            cursor.execute("VACUUM (ANALYZE) mail_mailmessage")
            vacuum = time.perf_counter() - started
            cursor.execute("SELECT pg_total_relation_size('mail_mailmessage'), "
                           "pg_relation_size('mail_mailmessage_message_id')")
            table_bytes, index_bytes = cursor.fetchone()
        print(f"  {stage:,} stored (COPY {stage - stored:,} rows in {seconds:.1f} s, "
              f"{(stage - stored) / max(seconds, 1e-9):,.0f} rows/s; VACUUM (ANALYZE) {vacuum:.1f} s; table with "
              f"indexes {table_bytes / 1024 / 1024:.0f} MiB, Message-ID index {index_bytes / 1024 / 1024:.0f} MiB; "
              f"{base + stage - stored:,} rows in all)")
        stored = stage

        def reply(parent: str, n: int, stage: int = stage) -> bytes:
            msg = EmailMessage()
            msg["From"] = "customer@customer.example"
            msg["To"] = mailbox.address
            msg["Subject"] = "Re: still broken"
            msg["Message-ID"] = f"<lookup-{stage}-{n}-{rng.random()}@customer.example>"
            msg["In-Reply-To"] = parent
            msg["References"] = f"<unknown-{n}@elsewhere.example> {parent}"
            msg.set_content("Still broken.")
            return msg.as_bytes()

        hits = [parse(reply(f"<thread-{rng.randrange(stage)}@customer.example>", n)) for n in range(args.lookups)]
        misses = [parse(reply(f"<never-{n}@customer.example>", n)) for n in range(max(args.lookups // 10, 1))]
        probes = [(True, p) for p in hits] + [(False, p) for p in misses]
        rng.shuffle(probes)
        row = MailMessage(message_id="<probe@bench>")
        for _, parsed in probes[:100]:
            _thread(parsed, row)
        timings = {True: [], False: []}
        wrong = 0
        for hit, parsed in probes:
            started = time.perf_counter()
            incident, _request = _thread(parsed, row)
            timings[hit].append((time.perf_counter() - started) * 1e6)
            wrong += (incident is None) == hit
        every = timings[True] + timings[False]
        print(f"    _thread: {len(every)} lookups ({len(timings[True])} naming a stored message, "
              f"{len(timings[False])} not; {wrong} wrong answers): median {statistics.median(every):.0f} µs, "
              f"p99 {quantile(every, 99):.0f} µs (hits median {statistics.median(timings[True]):.0f} µs — "
              f"the lookup and the incident —, misses {statistics.median(timings[False]):.0f} µs)")
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY) SELECT message_id, incident_id, "
                           "request_id FROM mail_mailmessage WHERE message_id IN (%s, %s) "
                           "AND (incident_id IS NOT NULL OR request_id IS NOT NULL)",
                           [f"<thread-{rng.randrange(stage)}@customer.example>", "<unknown-1@elsewhere.example>"])
            plan = [r[0].strip() for r in cursor.fetchall()]
        print("    plan: " + next(line for line in plan if "Scan" in line).lstrip("-> ")
              + "; " + next(line for line in plan if line.startswith("Execution")))
        raws = [reply(f"<thread-{rng.randrange(stage)}@customer.example>", n) for n in range(args.receives)]
        started = time.perf_counter()
        results = Counter(mail_receive(mailbox=mailbox, raw=raw).result for raw in raws)
        elapsed = time.perf_counter() - started
        print(f"    mail_receive of {len(raws)} replies: {len(raws) / elapsed:.1f} messages/s "
              f"({1000 * elapsed / len(raws):.1f} ms each); " + ", ".join(f"{k} {v}" for k, v in results.items()))


def main() -> None:
    args = parse_args()
    started = time.perf_counter()
    name = recreate_database(args.database_url)
    setup_django(args.database_url)
    from django.test.utils import override_settings

    migrate_fresh()
    print(f"bench_mail — database {name} (created and migrated in {time.perf_counter() - started:.1f} s)")
    for line in machine_line():
        print(line)
    media = tempfile.mkdtemp(prefix="sd-mail-bench-media-")
    rng = random.Random(args.seed)
    try:
        # The per-sender limit is a guard against storms; a bench is one on purpose.
        with override_settings(MEDIA_ROOT=media, MAIL_SENDER_LIMIT=10**9):
            if args.api_messages:
                bench_api(args, rng)
            if args.imap_messages:
                bench_imap(args, rng)
            if args.threading:
                bench_threading(args, rng)
        print(f"\nload average at the end: {load_average()}")
    finally:
        from servicedesk.celery import app

        app.control.purge()  # the acknowledgements queued for a worker that is not running
        shutil.rmtree(media, ignore_errors=True)
        if not args.keep:
            from django.db import connections

            connections.close_all()
            drop_database(args.database_url)


if __name__ == "__main__":
    main()
