#!/usr/bin/env python
"""The public help centre at volume (issue 20): ``GET /help/`` (the home page: every service
with its articles, the most viewed), an article's page ``/help/<number>/``, a search
``/help/search/?q=`` and the portal's suggestions ``/help/suggest/?q=`` with 200 services and
1,200 articles in four languages, each served cold (the help centre cache cleared before every
request) and cached; p50/p95 milliseconds, queries and bytes per response.

    .venv/bin/python bench/help_centre.py [--services 200] [--articles 1200] [--requests 50] [--keep]

Works on its own PostgreSQL database (default ``servicedesk_help_bench``; the name must end in
``_bench``), which it drops, creates and migrates. Articles are ``bulk_create``d (their search
vectors come from the database's own trigger, migration 0002): 55 % English, 15 % each Persian,
Greek and Portuguese; 90 % published public, the rest internal, drafts or retired; each about
one or two services, 5 % about none. Requests go through Django's test ``Client`` in this
process, anonymously (the whole stack: middleware, sessions, CSRF, the cache's Redis round
trips), no HTTP server. Figures are printed, never judged; see ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
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

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/servicedesk_help_bench"

WORDS = {
    "en": ("password reset account locked email mailbox printer network vpn laptop screen update install "
           "card payment invoice login browser phone access folder backup").split(),
    "el": ("κωδικός λογαριασμού κλειδώθηκε ηλεκτρονικό ταχυδρομείο εκτυπωτής δίκτυο σύνδεση οθόνη ενημέρωση "
           "εγκατάσταση κάρτα πληρωμή τιμολόγιο τηλέφωνο πρόσβαση φάκελος").split(),
    "pt": ("senha redefinir conta bloqueada correio caixa impressora rede ligação portátil ecrã atualização "
           "instalar cartão pagamento fatura telefone acesso pasta cópia").split(),
    "fa": ("رمز عبور حساب قفل ایمیل صندوق چاپگر شبکه اتصال لپ‌تاپ صفحه به‌روزرسانی نصب کارت پرداخت صورتحساب "
           "تلفن دسترسی پوشه پشتیبان").split(),
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--services", type=int, default=200)
    parser.add_argument("--articles", type=int, default=1200)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--seed", type=int, default=20261206)
    parser.add_argument("--keep", action="store_true")
    return parser.parse_args()


def body_of(rng: random.Random, language: str) -> str:
    words = WORDS[language]

    def sentence(n: int) -> str:
        return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."

    steps = "\n".join(f"{i}. {sentence(8)}" for i in range(1, 6))
    return (f"{sentence(20)} {sentence(15)}\n\n## {sentence(3)}\n\n{steps}\n\n"
            f"| | |\n|---|---|\n| {sentence(2)} | {sentence(4)} |\n\n"
            f"{sentence(25)} [{sentence(2)}](https://example.com/help) {sentence(12)}\n")


def load(args, rng: random.Random) -> dict:
    from django.db import connection
    from django.utils import timezone

    from catalog.models import Service
    from catalog.tests.factories import UserFactory
    from core.roles import Role
    from knowledge.models import Article

    author = UserFactory(username="bench-author", roles=[Role.AGENT])
    services = Service.objects.bulk_create(Service(name=f"Service {n:03d} {rng.choice(WORDS['en'])}")
                                           for n in range(args.services))
    now = timezone.now()
    articles = []
    for n in range(args.articles):
        language = rng.choices(["en", "fa", "el", "pt"], weights=[55, 15, 15, 15])[0]
        roll = rng.random()
        status, audience = "published", "public"
        if roll > 0.97:
            status = "retired"
        elif roll > 0.94:
            status = "draft"
        elif roll > 0.90:
            audience = "internal"
        title = " ".join(rng.choice(WORDS[language]) for _ in range(5)).capitalize()
        articles.append(Article(title=f"{title} {n}", body=body_of(rng, language), language=language,
                                audience=audience, status=status, author=author,
                                version=1 if status == "published" else 0,
                                views=int(rng.paretovariate(1.2) * 10),
                                published_at=now if status == "published" else None))
    articles = Article.objects.bulk_create(articles, batch_size=500)
    through = Article.services.through
    links = []
    for article in articles:
        if rng.random() < 0.05:
            continue
        for service in rng.sample(services, 1 if rng.random() < 0.7 else 2):
            links.append(through(article_id=article.pk, service_id=service.pk))
    through.objects.bulk_create(links, batch_size=2000)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE knowledge_article SET number = 'KB' || lpad(id::text, 6, '0')")
        cursor.execute("VACUUM ANALYZE knowledge_article, knowledge_article_services, catalog_service")
    top = Article.objects.filter(status="published", audience="public", language="en").order_by("-views").first()
    persian = Article.objects.filter(status="published", audience="public", language="fa").first()
    return {"article": top.number, "persian": persian.number}


def measure(client, path: str, requests: int, *, cold: bool) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from knowledge.cache import help_cache_clear

    client.get(path)  # warm: the code paths, the cache (when cached)
    times, size = [], 0
    for _ in range(requests):
        if cold:
            help_cache_clear()
        started = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
        size = len(response.content)
    if cold:
        help_cache_clear()
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return {"p50": quantile(times, 50), "p95": quantile(times, 95), "queries": len(queries), "bytes": size}


def main() -> None:
    args = parse_args()
    recreate_database(args.database_url)
    setup_django(args.database_url)
    from django.db import connection
    from django.test import Client

    from knowledge.models import Article

    migrate_fresh()
    print("\n".join(machine_line()))
    rng = random.Random(args.seed)
    started = time.perf_counter()
    picked = load(args, rng)
    published = Article.objects.filter(status="published", audience="public").count()
    print(f"loaded {args.services} services, {args.articles:,} articles ({published:,} published public) "
          f"in {time.perf_counter() - started:.1f} s; load average {load_average()}")
    client = Client(HTTP_HOST="localhost")  # "testserver" is not in ALLOWED_HOSTS outside the test runner
    pages = [
        ("/help/", "/help/"),
        ("/help/?lang=fa", "/help/?lang=fa"),
        ("/help/<number>/", f"/help/{picked['article']}/"),
        ("/help/<number>/ (fa)", f"/help/{picked['persian']}/"),
        ("/help/search/?q=password reset", "/help/search/?q=password%20reset"),
        ("/help/search/?q=κωδικός", "/help/search/?q=%CE%BA%CF%89%CE%B4%CE%B9%CE%BA%CF%8C%CF%82"),
        ("/help/suggest/?q=printer network", "/help/suggest/?q=printer%20network"),
    ]
    print("\n| page | cold p50 / p95 ms | cold queries | cached p50 / p95 ms | cached queries | bytes |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for label, path in pages:
        cold = measure(client, path, args.requests, cold=True)
        warm = measure(client, path, args.requests, cold=False)
        print(f"| `{label}` | {cold['p50']:.1f} / {cold['p95']:.1f} | {cold['queries']} | "
              f"{warm['p50']:.1f} / {warm['p95']:.1f} | {warm['queries']} | {warm['bytes']:,} |", flush=True)
    connection.close()
    if not args.keep:
        drop_database(args.database_url)


if __name__ == "__main__":
    main()
