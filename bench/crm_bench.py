#!/usr/bin/env python
"""The 360° timeline at volume (issue 19): the API ``contacts/<id>/timeline/`` and
``customers/<id>/timeline/`` and the page ``/contacts/<id>/`` for a contact whose history
grows 10,000 → 100,000 interactions (and, with ``--customer-rows``, a customer with that many
across its contacts), p50/p95 and queries per request; beside it the alternative the issue
names, a maintained interaction table, measured on the same rows.

    .venv/bin/python bench/crm_bench.py [--stages 10000,100000] [--customer-rows 0]
                                        [--requests 100] [--keep]
    .venv/bin/python bench/crm_bench.py --reuse [--source DIR]   # the kept database, as it is

Works on its own PostgreSQL database (default ``servicedesk_crm_bench``; the name must end in
``_bench``), which it drops, creates and migrates. The contact's history is 40 % calls, 40 %
incidents, 20 % opportunities (one row each
through the ORM, the rest ``INSERT … SELECT generate_series``), and as many rows again belong to other
contacts (so the indexes have something to skip). Requests go through DRF's ``APIClient`` and
Django's test ``Client`` in this process (the whole stack, no HTTP server). Figures are
printed, never judged; see ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_contacts import (
    drop_database,
    load_average,
    machine_line,
    migrate_fresh,
    quantile,
    recreate_database,
    setup_django,
)

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/servicedesk_crm_bench"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--stages", default="10000,100000", help="Interactions of the contact at each stage.")
    parser.add_argument("--customer-rows", type=int, default=0,
                        help="Also grow one customer (over 50 contacts) to this many interactions (0: skip).")
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--reuse", action="store_true",
                        help="Measure the database a --keep run left (no drop, no growth): the contact with the "
                             "most interactions and its customer, with the exact count and the bounded one.")
    parser.add_argument("--source", default="",
                        help="Import the project from this tree instead (a `git archive` of an earlier commit): "
                             "the 'before' of a before/after on the same database, in the same run.")
    return parser.parse_args()


def clone(obj, n: int, varying: dict[str, str]) -> None:
    """``obj`` saved through the ORM (every default filled in), then ``n - 1`` copies of its row
    by one ``INSERT … SELECT … generate_series`` (set-based: 1,000,000 rows are not built in
    Python); ``varying`` gives the columns that differ, SQL over the template row ``t`` and the
    copy's number ``g`` (1 … n - 1)."""
    from django.db import connection

    model = type(obj)
    model.objects.bulk_create([obj])
    if n <= 1:
        return
    columns = [f.column for f in model._meta.concrete_fields if not f.primary_key]
    quote = connection.ops.quote_name
    values = [varying.get(c, f"t.{quote(c)}") for c in columns]
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(map(quote, columns))}) "
                       f"SELECT {', '.join(values)} FROM {quote(model._meta.db_table)} t, "
                       f"generate_series(1, %s) g WHERE t.id = %s", [n - 1, obj.pk])


def grow(contact, n: int, *, owner, tag: str) -> None:
    """``n`` interactions of ``contact``, one every minute back from now: 40 % calls (answered,
    rated 1–5), 40 % closed incidents, 20 % opportunities."""
    from django.utils import timezone

    from contactcenter.models import Call
    from crm.models import Opportunity
    from incidents.models import Incident

    now = timezone.now()
    calls, incidents = int(n * 0.4), int(n * 0.4)
    clone(Call(call_sid=f"CA-{tag}-0", contact=contact, customer=contact.customer, outcome="answered", csat=1,
               started_at=now), calls,
          {"call_sid": f"'CA-{tag}-' || g", "csat": "1 + mod(g, 5)",
           "started_at": "t.started_at - g * interval '3 min'"})
    clone(Incident(title=f"Trouble {tag} 0", contact=contact, customer=contact.customer, status="closed",
                   created_at=now - timedelta(minutes=1)), incidents,
          {"title": f"'Trouble {tag} ' || g", "created_at": "t.created_at - g * interval '3 min'"})
    clone(Opportunity(title=f"Lead {tag} 0", product="Card", contact=contact, customer=contact.customer,
                      owner=owner, created_at=now - timedelta(minutes=2)), n - calls - incidents,
          {"title": f"'Lead {tag} ' || g", "created_at": "t.created_at - g * interval '3 min'"})


#: Each timed() call's median CPU time of this process per request (ms), by URL: on a shared
#: machine it waits for no one, unlike the wall time (the database's share is not in it).
CPU: dict[str, float] = {}


def timed(client, url: str, requests: int) -> tuple[float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    times, cpu = [], []
    for _ in range(requests):
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        assert response.status_code == 200, response.status_code
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    CPU[url] = quantile(cpu, 50)
    return quantile(times, 50), quantile(times, 95), len(queries)


def interaction_table(contact_id: int, requests: int) -> tuple[float, float]:
    """The alternative: one row per interaction in a table of its own (contact, at) indexed,
    filled here from the union; the cost of a page's two statements (count and page)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_interaction")
        cursor.execute("""CREATE TABLE bench_interaction AS
            SELECT contact_id, started_at AS at, 'call'::varchar(12) AS kind, id AS ref_id, ''::varchar AS number,
                   from_number AS title, outcome AS status FROM contactcenter_call
            UNION ALL SELECT contact_id, created_at, 'incident', id, number, title, status FROM incidents_incident
            UNION ALL SELECT contact_id, created_at, 'opportunity', id, '', title, stage FROM crm_opportunity""")
        cursor.execute("CREATE INDEX ON bench_interaction (contact_id, at DESC, ref_id DESC)")
        cursor.execute("VACUUM ANALYZE bench_interaction")
        times = []
        for _ in range(requests):
            started = time.perf_counter()
            cursor.execute("SELECT count(*) FROM bench_interaction WHERE contact_id = %s", [contact_id])
            cursor.fetchone()
            cursor.execute("SELECT * FROM bench_interaction WHERE contact_id = %s ORDER BY at DESC, ref_id DESC "
                           "LIMIT 50 OFFSET 50", [contact_id])
            cursor.fetchall()
            times.append((time.perf_counter() - started) * 1000)
    return quantile(times, 50), quantile(times, 95)


def union_sql(contact, requests: int) -> tuple[float, float]:
    """The union's two statements alone (count and page 2), as the API runs them."""
    from django.core.paginator import Paginator

    from crm.selectors import timeline

    times = []
    for _ in range(requests):
        started = time.perf_counter()
        page = Paginator(timeline(contact=contact), 50).page(2)
        list(page.object_list)
        times.append((time.perf_counter() - started) * 1000)
    return quantile(times, 50), quantile(times, 95)


def measure_kept(args) -> None:
    """``--reuse``: the API and pages of the kept database's busiest contact and customer,
    one table row per way of counting (the exact count, as before issue 23, and the bounded
    one; a ``--source`` tree without core.api.pagination's limit has only its own)."""
    from contextlib import nullcontext

    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.db.models import Count
    from django.test import Client, override_settings
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    from catalog.models import Contact, Customer
    from contactcenter.models import Call

    agent = get_user_model().objects.get(username="bench-agent")
    busiest = Call.objects.values("contact_id").annotate(n=Count("id")).order_by("-n").first()
    contact = Contact.objects.get(pk=busiest["contact_id"])
    customer = Customer.objects.annotate(n=Count("contacts")).order_by("-n").first()
    api = APIClient(HTTP_HOST="localhost")
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=agent)[0].key}")
    page = Client(HTTP_HOST="localhost")
    page.force_login(agent)
    import crm.selectors

    if args.source and not crm.selectors.__file__.startswith(str(Path(args.source).resolve())):
        sys.exit(f"crm came from {crm.selectors.__file__}, not from {args.source}")
    try:
        from core.api.pagination import exact_count_limit
    except ImportError:  # an earlier tree: its count is the only one
        modes = {"before (" + Path(args.source).name + ")": nullcontext}
    else:
        modes = {"exact count": lambda: override_settings(PAGINATION_EXACT_COUNT_LIMIT=None),
                 f"bounded count (exact to {exact_count_limit():,})": nullcontext}
    source = args.source or str(Path(__file__).resolve().parent.parent)
    print(f"code from {source}; contact {contact.pk}, customer {customer.pk} "
          f"({Contact.objects.filter(customer=customer).count()} contacts)")
    print("| code / count | load | contact API p1 p50/p95 | API p50 p50/p95 | queries | page p50/p95 | queries "
          "| customer API p50/p95 | queries | customer page p50/p95 | queries |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    n, half = args.requests, max(args.requests // 2, 10)
    for label, mode in modes.items():
        with mode():
            load = load_average().split()[0]
            url = f"/api/v1/contacts/{contact.pk}/timeline/"
            a1 = timed(api, url + "?page_size=50", n)
            a50 = timed(api, url + "?page_size=50&page=50", n)
            p = timed(page, f"/contacts/{contact.pk}/", half)
            c1 = timed(api, f"/api/v1/customers/{customer.pk}/timeline/?page_size=50", n)
            cp = timed(page, f"/customers/{customer.pk}/", half)
        print(f"| {label} | {load} | {a1[0]:.1f} / {a1[1]:.1f} | {a50[0]:.1f} / {a50[1]:.1f} | {a1[2]} | "
              f"{p[0]:.1f} / {p[1]:.1f} | {p[2]} | {c1[0]:.1f} / {c1[1]:.1f} | {c1[2]} | "
              f"{cp[0]:.1f} / {cp[1]:.1f} | {cp[2]} |", flush=True)
        a1c, a50c, pc, c1c, cpc = (f"{CPU[u]:.1f}" for u in list(CPU)[-5:])
        print(f"| ↳ CPU of this process, p50 ms | | {a1c} | {a50c} | | {pc} | | {c1c} | | {cpc} | |", flush=True)
    connection.close()


def main() -> None:
    args = parse_args()
    if args.source:  # bench_contacts.setup_django puts ROOT first on sys.path
        import bench_contacts

        bench_contacts.ROOT = Path(args.source).resolve()
        os.chdir(bench_contacts.ROOT)  # Celery's Django fix-up puts the working directory first on sys.path
    if args.reuse:
        setup_django(args.database_url)
        measure_kept(args)
        return
    recreate_database(args.database_url)
    setup_django(args.database_url)
    from django.db import connection
    from django.test import Client
    from rest_framework.test import APIClient

    from catalog.tests.factories import ContactFactory, UserFactory
    from core.roles import Role

    migrate_fresh()
    print("\n".join(machine_line()))
    agent = UserFactory(username="bench-agent", roles=[Role.AGENT])
    contact, other = ContactFactory(), ContactFactory()
    from rest_framework.authtoken.models import Token

    # HTTP_HOST: "testserver" is not in ALLOWED_HOSTS outside the test runner.
    api = APIClient(HTTP_HOST="localhost")
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=agent).key}")
    page = Client(HTTP_HOST="localhost")
    page.force_login(agent)
    have = 0
    print(f"load average {load_average()}")
    print("| interactions | API page 1 p50/p95 ms | API page 50 p50/p95 ms | queries | page /contacts/<id>/ "
          "p50/p95 ms | queries | union SQL p50/p95 ms | interaction table p50/p95 ms |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for stage in [int(s) for s in args.stages.split(",")]:
        grow(contact, stage - have, owner=agent, tag=f"c{stage}")
        grow(other, stage - have, owner=agent, tag=f"o{stage}")
        have = stage
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE contactcenter_call, incidents_incident, crm_opportunity")
        url = f"/api/v1/contacts/{contact.pk}/timeline/"
        a1 = timed(api, url + "?page_size=50", args.requests)
        a50 = timed(api, url + "?page_size=50&page=50", args.requests)
        p = timed(page, f"/contacts/{contact.pk}/", max(args.requests // 2, 10))
        u = union_sql(contact, args.requests)
        t = interaction_table(contact.pk, args.requests)
        print(f"| {stage:,} | {a1[0]:.1f} / {a1[1]:.1f} | {a50[0]:.1f} / {a50[1]:.1f} | {a1[2]} | "
              f"{p[0]:.1f} / {p[1]:.1f} | {p[2]} | {u[0]:.1f} / {u[1]:.1f} | {t[0]:.1f} / {t[1]:.1f} |", flush=True)
    if args.customer_rows:
        from catalog.models import Contact

        customer = contact.customer
        contacts = [ContactFactory(customer=customer) for _ in range(50)]
        per = args.customer_rows // 50
        for i, c in enumerate(contacts):
            grow(c, per, owner=agent, tag=f"k{i}")
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE contactcenter_call, incidents_incident, crm_opportunity")
        total = Contact.objects.filter(customer=customer).count()
        c1 = timed(api, f"/api/v1/customers/{customer.pk}/timeline/?page_size=50", args.requests)
        cp = timed(page, f"/customers/{customer.pk}/", max(args.requests // 2, 10))
        print(f"\ncustomer with {total} contacts and ~{args.customer_rows + have:,} interactions: API p50/p95 "
              f"{c1[0]:.1f} / {c1[1]:.1f} ms, {c1[2]} queries; page p50/p95 {cp[0]:.1f} / {cp[1]:.1f} ms, "
              f"{cp[2]} queries")
    connection.close()
    if not args.keep:
        drop_database(args.database_url)


if __name__ == "__main__":
    main()
