#!/usr/bin/env python
"""Knowledge-base search at volume (issue 20): ``knowledge.search.article_search`` over the
published public articles (what the help centre searches) at 1,000 → 100,000 → 1,000,000
articles in English, Greek, Portuguese and Persian, p50/p95 per kind of query, in one
language and in all of them; ``suggest`` as the portal calls it; and the two ways of matching
"all languages" side by side (one ``language = x AND vector @@ query_x`` per language, OR-ed,
which ``article_search`` uses, against one ``vector @@ (query_en || query_el || …)``).

    .venv/bin/python bench/knowledge_search.py [--stages 1000,100000,1000000] [--requests 40] [--keep]

Works on its own PostgreSQL database (default ``servicedesk_kb_bench``; the name must end in
``_bench``), which it drops, creates and migrates. Articles are loaded with one ``COPY`` per
batch (no history rows, like the other benches' loads); the database's trigger (migration
0002) computes every vector on the way in, so the load time includes it. Text is generated:
each language's vocabulary is some seventy real support words (the queries' words among
them) followed by 3,000 made-up words in the same script, drawn with a skewed distribution
(word *r* of *V* with probability ∝ r^(-2/3)), so that a few words are in most articles, the
queries' words in a few per cent, and the made-up tail in under 1 % each. Titles have 4–8
words, bodies 60–180. 40 % English, 20 % each Greek, Portuguese and Persian; 85 % published
public, 5 % published internal, 10 % drafts. Figures are printed, never judged
(bench/README.md has the latest).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

# The database and machine helpers are bench_contacts.py's (bench/ is on sys.path when this
# runs as ``python bench/knowledge_search.py``).
from bench_contacts import (
    drop_database,
    load_average,
    machine_line,
    migrate_fresh,
    quantile,
    recreate_database,
    setup_django,
)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/servicedesk_kb_bench"
SYNTHETIC_WORDS = 3000

# Real words first (the most frequent), the queries' words at ranks ~15–60.
VOCABULARY = {
    "en": """please check the your to and a of if you in is on for with it this
        open click choose select settings page account user system then again after before new
        password reset printer network email connection laptop office screen login access
        update install restart error message file folder share drive phone call ticket team
        vpn client version wifi guest card reception invoice payment order delivery address
        camera microphone meeting calendar mailbox storage backup licence""".split(),
    "el": """να το και η ο σε για με από στο τη τον της του είναι δεν αν θα
        επιλέξτε ανοίξτε πατήστε ρυθμίσεις σελίδα λογαριασμός χρήστης σύστημα ξανά μετά πριν νέο
        κωδικό πρόσβασης εκτυπωτής δίκτυο email σύνδεση φορητός γραφείο οθόνη είσοδος
        ενημέρωση εγκατάσταση επανεκκίνηση σφάλμα μήνυμα αρχείο φάκελος κοινόχρηστος τηλέφωνο
        κλήση αίτημα ομάδα vpn έκδοση ασύρματο επισκέπτης κάρτα υποδοχή τιμολόγιο πληρωμή
        παραγγελία παράδοση διεύθυνση κάμερα μικρόφωνο σύσκεψη ημερολόγιο""".split(),
    "pt": """a o de que e do da em para com se no na os as um uma por
        abra clique escolha selecione definições página conta utilizador sistema novamente depois
        antes nova palavra-passe repor impressora rede email ligação portátil escritório ecrã
        sessão acesso atualização instalar reiniciar erro mensagem ficheiro pasta partilha
        telefone chamada pedido equipa vpn versão wifi convidado cartão receção fatura
        pagamento encomenda entrega morada câmara microfone reunião calendário bloqueada""".split(),
    "fa": """و در به از که را این با است برای یک تا می‌شود کنید شما
        باز کلیک انتخاب تنظیمات صفحه حساب کاربری سیستم دوباره پس قبل جدید رمز عبور
        تغییر چاپگر شبکه ایمیل اتصال لپ‌تاپ دفتر صفحه‌نمایش ورود دسترسی به‌روزرسانی نصب
        راه‌اندازی خطا پیام فایل پوشه اشتراک تلفن تماس درخواست تیم وی‌پی‌ان نسخه وای‌فای
        مهمان کارت پذیرش فاکتور پرداخت سفارش تحویل نشانی دوربین میکروفون جلسه تقویم""".split(),
}
SYLLABLES = {
    "en": "ka lo mer tin va pre stor dex ul bran qui zo fen gar mil o sen tra ple cor".split(),
    "el": "κα λο με τι να ρο πα στη ξε γου δι φυ θε ζω μπρα χο ψι ντε ου ση".split(),
    "pt": "ca lo mé ti ção vra pre nha dor que gui za fe gal mi ão sen tra lhe cor".split(),
    "fa": "کا لو مر تی نو را پا سه دا زی خو ره شی گل فر بن ما دی چه ست".split(),
}
LANGUAGES = {"en": 4, "el": 2, "pt": 2, "fa": 2}  # shares of 10

# The queries, per language: kind → text. "one word" and "two words" are inflected forms
# (Greek, Portuguese) or typed with Arabic letters (Persian) where the articles are not.
QUERIES = {
    "en": {"one word": "printers", "two words": "reset password", "phrase": '"reset password"',
           "frequent word": "check", "miss": "xylophone"},
    "el": {"one word": "εκτυπωτή", "two words": "κωδικό πρόσβασης", "phrase": '"κωδικό πρόσβασης"',
           "frequent word": "επιλέξτε", "miss": "ξυλόφωνο"},
    "pt": {"one word": "impressoras", "two words": "conta bloquear", "phrase": '"palavra-passe nova"',
           "frequent word": "abra", "miss": "xilofone"},
    "fa": {"one word": "چاپگر", "two words": "تغيير رمز", "phrase": '"حساب كاربري"',
           "frequent word": "كليك", "miss": "زیلوفون"},
}
SUGGEST = {"en": "my printer is not printing", "el": "ο εκτυπωτής δεν εκτυπώνει",
           "pt": "a impressora não imprime", "fa": "چاپگر چاپ نمي‌كند"}


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--stages", default="1000,100000,1000000", help="Articles at each stage.")
    parser.add_argument("--requests", type=int, default=40, help="Timed searches per query and stage.")
    parser.add_argument("--batch", type=int, default=10_000, help="Rows per COPY (one transaction each).")
    parser.add_argument("--workers", type=int, default=3, help="Batches loaded at once (threads).")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="Keep the database afterwards.")
    parser.add_argument("--reuse", action="store_true",
                        help="Continue in the database a --keep run left (no drop, create and migrate: minutes on "
                             "a busy machine); stages it already holds are skipped.")
    parser.add_argument("--kinds", default="",
                        help="Only these kinds of query, comma-separated (e.g. 'one word,miss'; default all, and "
                             "suggest and the comparison).")
    return parser.parse_args()


def vocabulary(language: str, rng: random.Random) -> list[str]:
    words, seen = list(VOCABULARY[language]), set(VOCABULARY[language])
    syllables = SYLLABLES[language]
    while len(words) < len(VOCABULARY[language]) + SYNTHETIC_WORDS:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


COLUMNS = ("number", "title", "body", "language", "audience", "status", "version", "views", "helpful", "not_helpful",
           "deflections", "published_at", "author_id", "created_at", "updated_at")


def rows(start: int, stop: int, *, author_id: int, words: dict[str, list[str]], rng: random.Random):
    """Articles numbered ``start``..``stop``: the language from the number's last digit, the
    status and audience from the ones before it, text drawn from the language's vocabulary
    (word ``r`` of ``V`` is drawn ``floor(V * u³)`` for a uniform ``u``: a skewed, Zipf-like
    spread)."""
    from datetime import timedelta

    from django.utils import timezone

    slots = {}
    for language, share in LANGUAGES.items():
        slots.update(dict.fromkeys(range(len(slots), len(slots) + share), language))
    weights = {language: [((r + 1) / len(ws)) ** (1 / 3) for r in range(len(ws))] for language, ws in words.items()}
    now = timezone.now()
    for g in range(start, stop + 1):
        language = slots[g % 10]
        vocab, cum = words[language], weights[language]
        title = " ".join(rng.choices(vocab, cum_weights=cum, k=4 + g % 5)).capitalize()
        body_words = rng.choices(vocab, cum_weights=cum, k=60 + (g * 7) % 121)
        body = " ".join(w + "." if rng.random() < 0.08 else w for w in body_words)
        draft = g // 10 % 10 == 3
        at = now - timedelta(minutes=g)
        yield (f"KB{g:07d}", title, body, language, "internal" if g // 10 % 20 == 7 else "public",
               "draft" if draft else "published", 0 if draft else 1, g % 500, 0, 0, 0, None if draft else at,
               author_id, at, now)


def load(start: int, stop: int, *, author_id: int, words: dict[str, list[str]], batch: int, seed: int,
         workers: int) -> tuple[float, float]:
    """Articles ``start``..``stop`` by ``COPY`` (the trigger computes each vector), one
    transaction per ``batch``, ``workers`` batches at once (threads, each with its own
    connection: the trigger's work is in the server's backends); returns (seconds generating
    text in Python, seconds in COPY and commit), summed over the workers."""
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connection, transaction

    def one(low: int) -> tuple[float, float]:
        high = min(low + batch - 1, stop)
        started = time.perf_counter()
        chunk = list(rows(low, high, author_id=author_id, words=words, rng=random.Random(seed * 1_000_003 + low)))
        generated = time.perf_counter() - started
        started = time.perf_counter()
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
                with cursor.cursor.copy(f"COPY knowledge_article ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                    for row in chunk:
                        copy.write_row(row)
        finally:
            connection.close()  # this thread's connection
        return generated, time.perf_counter() - started

    with ThreadPoolExecutor(max_workers=workers) as pool:
        spent = list(pool.map(one, range(start, stop + 1, batch)))
    return sum(g for g, _ in spent), sum(c for _, c in spent)


def timed(run, requests: int) -> tuple[float, float, int]:
    for _ in range(3):
        rows = run()
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        rows = run()
        times.append((time.perf_counter() - started) * 1000)
    return quantile(times, 50), quantile(times, 95), rows


def matches(query: str, language: str | None) -> int:
    from knowledge.search import article_search
    from knowledge.selectors import articles_visible_to

    return article_search(articles_visible_to(None).filter(status="published"), query, language=language).count()


def execution(qs, requests: int) -> float:
    """Median execution time inside PostgreSQL (``EXPLAIN ANALYZE``) of a queryset's SQL."""
    from django.db import connection

    sql, params = qs.query.sql_with_params()
    times = []
    with connection.cursor() as cursor:
        for _ in range(max(requests // 4, 5)):
            cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params)
            explained = cursor.fetchone()[0]
            times.append((explained[0] if isinstance(explained, list) else explained)["Execution Time"])
    return quantile(times, 50)


def compare_all_languages(query: str, requests: int) -> tuple[float, float, str, str]:
    """Median execution time (EXPLAIN ANALYZE) of the first page for "all languages", matched
    per language (what article_search does) and with one OR-ed tsquery; and their plans'
    top nodes."""
    from django.contrib.postgres.search import SearchQuery, SearchRank
    from django.db import connection
    from django.db.models import F

    from knowledge.search import article_search, config_for, normalise
    from knowledge.selectors import articles_visible_to

    visible = articles_visible_to(None).filter(status="published")
    per_language = article_search(visible, query)[:10]
    combined = None
    for language in LANGUAGES:
        part = SearchQuery(normalise(query), config=config_for(language), search_type="websearch")
        combined = part if combined is None else combined | part
    one_query = (visible.filter(search_vector=combined)
                 .annotate(rank=SearchRank(F("search_vector"), combined)).order_by("-rank", "-published_at")[:10])
    results = []
    for qs in (per_language, one_query):
        sql, params = qs.query.sql_with_params()
        times, plan = [], ""
        with connection.cursor() as cursor:
            for _ in range(max(requests // 4, 5)):
                cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params)
                explained = cursor.fetchone()[0]
                explained = explained[0] if isinstance(explained, list) else explained
                times.append(explained["Execution Time"])
                plan = describe(explained["Plan"])
        results.append((quantile(times, 50), plan))
    return results[0][0], results[1][0], results[0][1], results[1][1]


def describe(node, depth: int = 0) -> str:
    """The plan's node types down to the index scans, one line."""
    name = node["Node Type"] + (f" on {node['Index Name']}" if "Index Name" in node else "")
    children = [describe(child, depth + 1) for child in node.get("Plans", [])]
    if depth > 4:
        return name
    return name + (" → " + " + ".join(children) if children else "")


def main() -> None:
    args = parse_args()
    started_all = time.perf_counter()
    name = args.database_url.rsplit("/", 1)[-1] if args.reuse else recreate_database(args.database_url)
    setup_django(args.database_url)
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection

    from catalog.tests.factories import UserFactory
    from core.roles import Role
    from knowledge.search import article_search, suggest
    from knowledge.selectors import articles_visible_to

    started = time.perf_counter()
    migrate_fresh()
    print(f"knowledge_search — database {name} ({'reused' if args.reuse else 'created'} and migrated in "
          f"{time.perf_counter() - started:.1f} s)")
    print("\n".join(machine_line()))
    rng = random.Random(args.seed)
    words = {language: vocabulary(language, rng) for language in LANGUAGES}
    author = UserFactory(username="bench-author", roles=[Role.AGENT])  # get_or_create by username
    anonymous = AnonymousUser()
    visible = articles_visible_to(anonymous).filter(status="published")

    summary = []
    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(substr(number, 3)::int), 0) FROM knowledge_article")
        have = cursor.fetchone()[0]
    kinds = {kind.strip() for kind in args.kinds.split(",") if kind.strip()}
    for stage in [int(s) for s in args.stages.split(",")]:
        if stage < have:
            continue
        print(f"\n== {stage:,} articles ==", flush=True)
        started = time.perf_counter()
        generating, copying = load(have + 1, stage, author_id=author.pk, words=words, batch=args.batch,
                                   seed=args.seed, workers=args.workers)
        loaded = time.perf_counter() - started
        previous, have = have, stage
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE) knowledge_article")
            cursor.execute("SELECT pg_total_relation_size('knowledge_article'), "
                           "pg_relation_size('knowledge_article_search'), count(*) FROM knowledge_article")
            size, index_size, count = cursor.fetchone()
        vacuumed = time.perf_counter() - started
        added = stage - previous
        print(f"  load: {added:,} articles in {loaded:.1f} s ({added / max(loaded, 1e-9):,.0f} rows/s: generating "
              f"the text {generating:.1f} s, COPY with the trigger computing the vectors {copying:.1f} s, summed "
              f"over {args.workers} workers); {count:,} in the table; VACUUM (ANALYZE) {vacuumed:.1f} s; "
              f"table with indexes {size / 2**20:,.0f} MiB, GIN index {index_size / 2**20:,.0f} MiB", flush=True)
        print(f"  {'language':8} {'kind':14} {'query':22} {'matches':>8}  {'one language p50/p95':>22}  "
              f"{'all languages p50/p95':>22}  {'in PostgreSQL: one / all':>24}")
        for language, queries in QUERIES.items():
            for kind, query in queries.items():
                if kinds and kind not in kinds:
                    continue
                one = timed(lambda q=query, lang=language: len(list(
                    article_search(visible, q, language=lang).values_list("pk", flat=True)[:10])), args.requests)
                every = timed(lambda q=query: len(list(
                    article_search(visible, q).values_list("pk", flat=True)[:10])), args.requests)
                found = matches(query, language)
                inside = (execution(article_search(visible, query, language=language)[:10], args.requests),
                          execution(article_search(visible, query)[:10], args.requests))
                summary.append((stage, language, kind, found, one, every, inside))
                print(f"  {language:8} {kind:14} {query:22} {found:>8,}  {one[0]:8.1f} / {one[1]:6.1f} ms  "
                      f"{every[0]:8.1f} / {every[1]:6.1f} ms  {inside[0]:8.2f} / {inside[1]:6.2f} ms", flush=True)
        for language, text in SUGGEST.items() if not kinds else ():
            result = timed(lambda t=text, lang=language: len(suggest(t, user=anonymous, language=lang)),
                           args.requests)
            summary.append((stage, language, "suggest", result[2], result, result, (0.0, 0.0)))
            print(f"  {language:8} {'suggest':14} {text:22} {result[2]:>8}  {result[0]:8.1f} / {result[1]:6.1f} ms "
                  "(suggest: every word, then any word)", flush=True)
        for query in (QUERIES["en"]["one word"], QUERIES["el"]["two words"], QUERIES["en"]["frequent word"]
                      ) if not kinds else ():
            a, b, plan_a, plan_b = compare_all_languages(query, args.requests)
            print(f"  all languages, {query!r}: per-language OR {a:.2f} ms, one OR-ed tsquery {b:.2f} ms "
                  "(EXPLAIN ANALYZE median execution time)")
            print(f"      per-language plan: {plan_a}")
            print(f"      one-tsquery plan:  {plan_b}")

    print("\n== summary: article_search(...)[:10] over the published public articles ==")
    print("| articles | language | kind | matches | one language p50 / p95 ms | all languages p50 / p95 ms "
          "| in PostgreSQL, one / all ms |")
    print("| ---: | --- | --- | ---: | ---: | ---: | ---: |")
    for stage, language, kind, found, one, every, inside in summary:
        if kind == "suggest":
            print(f"| {stage:,} | {language} | suggest | {found} | {one[0]:.1f} / {one[1]:.1f} | | |")
        else:
            print(f"| {stage:,} | {language} | {kind} | {found:,} | {one[0]:.1f} / {one[1]:.1f} "
                  f"| {every[0]:.1f} / {every[1]:.1f} | {inside[0]:.2f} / {inside[1]:.2f} |")
    print(f"load average at end: {load_average()}; total run time: {time.perf_counter() - started_all:.0f} s")
    connection.close()
    if not args.keep:
        drop_database(args.database_url)


if __name__ == "__main__":
    sys.exit(main())
