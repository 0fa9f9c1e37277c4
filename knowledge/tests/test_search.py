"""Search in the customers' languages (issue 20, item 2): the database keeps each article's
vector (migration 0002), a query finds inflected forms in Greek and Portuguese and Persian
typed with Arabic letters or without the zero-width non-joiner, titles rank above bodies, and
nothing a visitor types makes it fail."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.roles import Role
from knowledge.choices import ArticleAudience, ArticleLanguage, ArticleStatus
from knowledge.models import Article, SearchMiss
from knowledge.search import (
    PERSIAN_FORMS,
    article_search,
    config_for,
    fallback_search,
    normalise,
    record_miss,
    suggest,
)

pytestmark = pytest.mark.django_db

L = ArticleLanguage

# A few real-looking articles per language: (key, language, title, body).
ARTICLES = [
    ("en-password", L.EN, "Reset your password",
     "If you forgot your password, open the sign-in page and choose **Forgot password**. We email you a "
     "link that works for one hour. A new password needs at least 12 characters."),
    ("en-wifi", L.EN, "Connect to the office Wi-Fi",
     "Choose the network *Office-Guest* and type the password printed on the card at reception. "
     "Laptops managed by IT join *Office-Secure* on their own."),
    ("en-vpn", L.EN, "The VPN disconnects every few minutes",
     "Update the VPN client to the latest version and switch off battery saving for the network adapter."),
    ("el-account", L.EL, "Ο λογαριασμός σας κλειδώθηκε",
     "Μετά από πέντε λανθασμένες προσπάθειες σύνδεσης ο λογαριασμός κλειδώνεται για 30 λεπτά. "
     "Αν ξεχάσατε τον κωδικό πρόσβασης, επιλέξτε «Ξέχασα τον κωδικό» στη σελίδα σύνδεσης."),
    ("el-printer", L.EL, "Ο εκτυπωτής δεν εκτυπώνει",
     "Ελέγξτε ότι ο εκτυπωτής είναι αναμμένος και συνδεδεμένος στο δίκτυο του γραφείου. "
     "Αν η εργασία μένει στην ουρά, ακυρώστε τη και στείλτε την ξανά."),
    ("pt-blocked", L.PT, "Conta bloqueada após várias tentativas",
     "Se introduzir a palavra-passe errada cinco vezes, a sua conta fica bloqueada durante 30 minutos. "
     "Depois desse tempo pode voltar a iniciar sessão ou pedir uma nova palavra-passe."),
    ("pt-printer", L.PT, "A impressora não imprime",
     "Verifique se a impressora está ligada à rede do escritório e se tem papel. "
     "Se o trabalho ficar na fila de impressão, cancele-o e envie-o de novo."),
    # Written with the Persian letters (ی U+06CC, ک U+06A9) and a ZWNJ in «می‌خواهید».
    ("fa-password", L.FA, "تغییر رمز عبور",
     "برای تغییر رمز عبور وارد حساب کاربری خود شوید و در بخش تنظیمات گزینهٔ «تغییر رمز» را انتخاب کنید. "
     "اگر می‌خواهید رمز را بازنشانی کنید، روی «فراموشی رمز» کلیک کنید."),
    ("fa-vpn", L.FA, "قطع شدن اتصال وی‌پی‌ان",
     "نسخهٔ جدید برنامهٔ وی‌پی‌ان را نصب کنید و رایانه را دوباره راه‌اندازی کنید."),
]


def make_article(author, *, title, body, language=L.EN, status=ArticleStatus.PUBLISHED,
                 audience=ArticleAudience.PUBLIC, published_at=None) -> Article:
    """Through the ORM (the vector comes from the database's trigger whatever writes the row)."""
    published = status == ArticleStatus.PUBLISHED
    return Article.objects.create(
        author=author, title=title, body=body, language=language, status=status, audience=audience,
        version=1 if published else 0,
        published_at=(published_at or timezone.now()) if published else None)


@pytest.fixture
def author(make_user):
    return make_user(Role.AGENT, username="kb-author")


@pytest.fixture
def articles(author):
    now = timezone.now()
    return {key: make_article(author, title=title, body=body, language=language,
                              published_at=now - timedelta(days=index))
            for index, (key, language, title, body) in enumerate(ARTICLES)}


def found(query, *, language=None, queryset=None) -> list[int]:
    return list(article_search(queryset if queryset is not None else Article.objects.all(), query,
                               language=language).values_list("pk", flat=True))


def keys(articles, pks) -> list[str]:
    by_pk = {article.pk: key for key, article in articles.items()}
    return [by_pk[pk] for pk in pks]


def vector_of(article) -> dict[str, str]:
    """The stored vector's lexemes, each with its weights (``{"printer": "AB"}``)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT v.lexeme, v.weights FROM knowledge_article, unnest(search_vector) AS v "
                       "WHERE id = %s", [article.pk])
        return {lexeme: "".join(sorted(set(weights))) for lexeme, weights in cursor.fetchall()}


# --- normalise and config_for ---------------------------------------------------------------

def test_normalise_unifies_persian_forms_and_removes_marks():
    assert normalise("تغيير رمز") == "تغییر رمز"              # Arabic yeh → Persian yeh
    assert normalise("كاربري") == "کاربری"                     # Arabic kaf → keheh
    assert normalise("مدرسة") == "مدرسه"                       # teh marbuta → heh
    assert normalise("می\u200cخواهم") == "می خواهم"           # ZWNJ → space
    assert normalise("رَمْز عـــبور") == "رمز عبور"            # diacritics and tatweel gone
    assert normalise("خطای ۴۰۴ و ٥٠٠") == "خطای 404 و 500"     # Persian and Arabic-Indic digits


def test_normalise_folds_case_width_and_drops_control_characters():
    assert normalise("  RESET\x00 Ｐａｓｓｗｏｒｄ\n\t") == "reset password"
    assert normalise("ΚΩΔΙΚΌΣ") == "κωδικόσ"
    assert normalise("") == normalise(None) == ""
    assert normalise("\ud800lone surrogate") == "lone surrogate"


def test_config_for_each_language():
    assert [config_for(x) for x in ("en", "el", "pt", "fa", None, "xx")] == [
        "english", "greek", "portuguese", "simple", "simple", "simple"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from(
    list("aZ09 -'\"\n\tπΣςέΐ") + list(PERSIAN_FORMS) + list("یکهابپتثجمنوای") + ["\u064b", "\u0650", "\u0640",
                                                                                 "\u06c0", "\ufb8e", "\ufefb"]),
    max_size=40))
def test_the_database_normalises_like_python(text):
    """The SQL ``knowledge_normalise`` (the index side) and :func:`normalise` (the query side)
    agree, up to case (``to_tsvector`` folds it) and spacing."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT knowledge_normalise(%s)", [text])
        in_sql = cursor.fetchone()[0]
    assert normalise(in_sql) == normalise(text)
    assert " ".join(in_sql.casefold().split()) == normalise(text)


# --- the vector is the database's -------------------------------------------------------------

def test_the_trigger_keeps_the_vector(author):
    article = make_article(author, title="Printer offline", body="Restart the printer.")
    assert vector_of(article) == {"printer": "AB", "offlin": "A", "restart": "B"}
    Article.objects.filter(pk=article.pk).update(title="Scanner offline")
    assert vector_of(article) == {"scanner": "A", "offlin": "A", "printer": "B", "restart": "B"}
    before = vector_of(article)
    Article.objects.filter(pk=article.pk).update(views=7)           # a counter: the vector is kept
    assert vector_of(article) == before
    article.refresh_from_db()
    article.body = "Turn the scanner off and on."
    article.save()                                                  # a full save writes NULL: recomputed
    assert vector_of(article) == {"scanner": "AB", "offlin": "A", "turn": "B"}
    Article.objects.filter(pk=article.pk).update(language=L.FA)     # another configuration (simple)
    assert vector_of(article) == {"scanner": "AB", "offline": "A", "turn": "B", "the": "B", "off": "B",
                                  "and": "B", "on": "B"}


# --- finding articles in each language ----------------------------------------------------------

def test_english_stems(articles):
    assert keys(articles, found("passwords")) == ["en-password", "en-wifi"]
    assert keys(articles, found("disconnected vpn")) == ["en-vpn"]


@pytest.mark.parametrize("query, expected", [
    ("λογαριασμού", "el-account"),      # the article says «λογαριασμός» (genitive → nominative)
    ("λογαριασμό", "el-account"),       # accusative
    ("εκτυπωτή", "el-printer"),         # the article says «εκτυπωτής»
    ("ΕΚΤΥΠΩΤΕΣ", "el-printer"),        # plural, capitals, no accent
    ("κωδικού πρόσβασης", "el-account"),  # the article says «τον κωδικό πρόσβασης»
])
def test_greek_finds_inflected_forms(articles, query, expected):
    assert keys(articles, found(query, language=L.EL)) == [expected]
    assert expected in keys(articles, found(query))


@pytest.mark.parametrize("query, expected", [
    ("bloquear", "pt-blocked"),         # the article says «bloqueada»
    ("bloqueou", "pt-blocked"),
    ("contas bloqueadas", "pt-blocked"),
    ("impressoras", "pt-printer"),      # the article says «impressora»
    ("imprimir", "pt-printer"),         # «imprime»
])
def test_portuguese_finds_inflected_forms(articles, query, expected):
    assert keys(articles, found(query, language=L.PT)) == [expected]
    assert expected in keys(articles, found(query))


@pytest.mark.parametrize("query", [
    "تغيير رمز",            # Arabic yeh (U+064A) where the article has Persian yeh
    "حساب كاربري",          # Arabic kaf and yeh
    "رَمْزِ عبور",           # with diacritics
    "میخواهید",             # the article has «می‌خواهید» (ZWNJ); typed joined
    "می خواهید",            # typed with a space
    "می\u200cخواهید",       # typed with the ZWNJ
])
def test_persian_forms_and_zwnj(articles, query):
    assert keys(articles, found(query, language=L.FA)) == ["fa-password"]
    assert keys(articles, found(query)) == ["fa-password"]


def test_persian_article_typed_with_arabic_letters_is_found_with_persian_ones(author):
    article = make_article(author, language=L.FA, title="مشكل چاپگر", body="چاپگر طبقهٔ دوم كار نمي‌كند.")
    assert found("مشکل چاپگر") == [article.pk]
    assert found("نمیکند") == [article.pk]


def test_language_restricts_and_none_searches_every_language(articles):
    assert keys(articles, found("30")) == ["el-account", "pt-blocked"]
    assert keys(articles, found("30", language=L.PT)) == ["pt-blocked"]
    assert keys(articles, found("password", language=L.EL)) == []
    assert keys(articles, found("password", language="xx")) == ["en-password", "en-wifi"]  # unknown: all


def test_title_match_ranks_above_body_only_match(author):
    body_only = make_article(author, title="Wi-Fi for guests",
                             body="The guest password changes every Monday. Ask reception for the password; "
                                  "the password is also on the screen in the lobby.",
                             published_at=timezone.now())
    in_title = make_article(author, title="Change your password", body="Open your profile and choose Security.",
                            published_at=timezone.now() - timedelta(days=30))
    results = list(article_search(Article.objects.all(), "password"))
    assert [a.pk for a in results] == [in_title.pk, body_only.pk]
    assert results[0].rank > 1 > results[1].rank > 0


def test_ties_newest_first(author):
    old = make_article(author, title="Printer jam", body="Open tray 2.",
                       published_at=timezone.now() - timedelta(days=2))
    new = make_article(author, title="Printer jam", body="Open tray 2.", published_at=timezone.now())
    assert found("printer jam") == [new.pk, old.pk]


def test_web_search_syntax(articles):
    assert keys(articles, found('"forgot your password"')) == ["en-password"]
    assert keys(articles, found("password -reception")) == ["en-password"]
    assert keys(articles, found("vpn or printer", language=L.EN)) == ["en-vpn"]


def test_blank_query_leaves_the_queryset_and_wordless_queries_find_nothing(articles):
    assert sorted(found("   ")) == sorted(a.pk for a in articles.values())
    assert found("the of and") == []          # English stop words only
    assert found("?!*&|:()") == []
    assert found("nothing-like-this-anywhere") == []


NASTY = ["'", '"', "\"unclosed", "&|!:*()", "a & | b", "!!!", "foo:*", "x <-> y", "\x00", "a\x00b", "\\",
         "'; DROP TABLE knowledge_article; --", "%", "_", "😀🔥", "ـــ", "\u200c", "\u064b", "or", "-", "--a",
         "x" * 10_000, "word " * 2_000, "\ud800", "𝔭𝔞𝔰𝔰𝔴𝔬𝔯𝔡", "\u202e", "<script>alert(1)</script>"]


def test_search_never_raises_for_odd_input(articles):
    for query in NASTY:
        for language in [None, "en", "el", "pt", "fa", "xx", ""]:
            list(article_search(Article.objects.all(), query, language=language)[:5])
        list(fallback_search(Article.objects.all(), normalise(query))[:5])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=300) | st.binary(max_size=50).map(lambda b: b.decode("latin-1")),
       language=st.sampled_from([None, "en", "el", "pt", "fa", "zz"]))
def test_search_never_raises(author, query, language):
    list(article_search(Article.objects.all(), query, language=language)[:5])
    record_miss(query, language)


def test_search_after_an_article_with_odd_text_is_written(author):
    """Whatever the body holds, the trigger indexes it (a very long word, emoji, RTL marks)."""
    article = make_article(author, title="😀 \u202eodd\u202c", body="x" * 5000 + " printer " + "ـ" * 100)
    assert found("printer") == [article.pk]


# --- the SQLite fallback (plain ORM lookups, run here on PostgreSQL) -----------------------------

def test_fallback_matches_every_word_title_first(author):
    body_only = make_article(author, title="Guest network", body="Ask reception for the Password.")
    in_title = make_article(author, title="Password reset", body="Open your profile.",
                            published_at=timezone.now() - timedelta(days=9))
    make_article(author, title="VPN", body="Update the client.")
    results = list(fallback_search(Article.objects.all(), normalise("password")).order_by("-rank", "-published_at"))
    assert [a.pk for a in results] == [in_title.pk, body_only.pk]
    assert [a.rank for a in results] == [1.0, 0.5]
    assert list(fallback_search(Article.objects.all(), normalise("password reception"))) == [body_only]
    assert list(fallback_search(Article.objects.all(), normalise("?!"))) == []


def test_fallback_persian_forms(articles):
    assert keys(articles, fallback_search(Article.objects.all(), normalise("تغيير رمز")).values_list("pk", flat=True)
                ) == ["fa-password"]
    assert keys(articles, fallback_search(Article.objects.all(), normalise("كاربري")).values_list("pk", flat=True)
                ) == ["fa-password"]


def test_article_search_uses_the_fallback_off_postgresql(articles, monkeypatch):
    monkeypatch.setattr(connection, "vendor", "sqlite")
    results = list(article_search(Article.objects.all(), "Password"))
    assert keys(articles, [a.pk for a in results]) == ["en-password", "en-wifi"]


# --- suggest -------------------------------------------------------------------------------------

@pytest.fixture
def mixed(author):
    return {
        "public": make_article(author, title="Printer offline", body="Restart the printer."),
        "internal": make_article(author, title="Printer driver rollout", body="Internal: printer fleet.",
                                 audience=ArticleAudience.INTERNAL),
        "draft": make_article(author, title="Printer paper", body="Load printer paper.",
                              status=ArticleStatus.DRAFT),
        "review": make_article(author, title="Printer toner", body="Printer toner.", status=ArticleStatus.IN_REVIEW),
        "retired": make_article(author, title="Old printer", body="Printer.", status=ArticleStatus.RETIRED),
    }


def test_suggest_shows_requesters_and_anonymous_visitors_published_public_articles_only(mixed, requester):
    assert suggest("printer", user=requester) == [mixed["public"]]
    assert suggest("printer", user=AnonymousUser()) == [mixed["public"]]
    assert suggest("printer", user=None) == [mixed["public"]]


def test_suggest_shows_staff_published_internal_articles_but_no_drafts(mixed, agent):
    assert {a.pk for a in suggest("printer", user=agent)} == {mixed["public"].pk, mixed["internal"].pk}


def test_suggest_fills_with_any_word_when_every_word_finds_too_few(articles, requester):
    # No article holds all of these words; each of the two found holds one.
    results = suggest("my printer will not print and the vpn keeps dropping", user=requester, limit=5)
    assert set(keys(articles, [a.pk for a in results])) >= {"en-vpn"}
    assert suggest("", user=requester) == [] and suggest("printer", user=requester, limit=0) == []
    assert len(suggest("password", user=requester, limit=1)) == 1


# --- record_miss ------------------------------------------------------------------------------------

def test_record_miss_upserts_the_normalised_query():
    first = record_miss("  Printer  ON FIRE ", "en")
    assert (first.query, first.language, first.count) == ("printer on fire", "en", 1)
    again = record_miss("printer on fire", "en")
    assert again.pk == first.pk and again.count == 2 and again.last_searched_at >= first.last_searched_at
    assert record_miss("printer on fire", None).pk != first.pk                 # all languages: its own row
    assert record_miss("printer on fire", "klingon").language == ""
    assert record_miss("   ", "en") is None and record_miss(None, "en") is None
    assert record_miss("كاربر", "fa").query == "کاربر"
    assert len(record_miss("y" * 500, "en").query) == 200
    assert SearchMiss.objects.count() == 4


def test_search_composes_with_joins_and_subqueries(articles):
    """The SQL names the columns through Django, so the table's alias may change."""
    inner = article_search(Article.objects.all(), "password").values("pk")
    assert keys(articles, Article.objects.filter(pk__in=inner).order_by("pk").values_list("pk", flat=True)) == [
        "en-password", "en-wifi"]
    joined = article_search(Article.objects.filter(author__username="kb-author", services__isnull=True), "εκτυπωτή")
    assert keys(articles, joined.values_list("pk", flat=True)) == ["el-printer"]
    assert article_search(Article.objects.all(), "password").count() == 2


def test_the_services_path_keeps_the_vector(author, make_user, requester):
    """Through kb-core's services: a new article is found once published, and after a draft
    edit beside it is published, by its new text and no longer by the old."""
    from knowledge.services import article_create, article_publish, article_submit, article_update

    reviewer = make_user(Role.AGENT, username="kb-reviewer")
    article = article_create(author=author, title="Printer offline", body="Restart the printer.", language=L.EN)
    assert found("printer") == [article.pk]
    assert suggest("printer", user=requester) == []                 # a draft
    article_submit(article, by=author)
    article_publish(article, by=reviewer)
    assert suggest("printer", user=requester) == [article]
    draft = article_update(article, by=author, title="Scanner offline", body="Restart the scanner.")
    article_submit(draft, by=author)
    article_publish(draft, by=reviewer)
    assert suggest("scanner", user=requester) == [article] and suggest("printer", user=requester) == []


# --- broad queries: a bounded set of candidates is ranked (migration 0003) ------------------------

def title_of(article) -> dict[str, str]:
    """The stored title-only vector's lexemes (``search_title``, migration 0003)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT v.lexeme, v.weights FROM knowledge_article, unnest(search_title) AS v "
                       "WHERE id = %s", [article.pk])
        return {lexeme: "".join(sorted(set(weights))) for lexeme, weights in cursor.fetchall()}


def test_the_trigger_keeps_the_title_vector(author):
    article = make_article(author, title="Printer offline", body="Restart the printer.")
    assert title_of(article) == {"printer": "A", "offlin": "A"}
    Article.objects.filter(pk=article.pk).update(body="Restart the scanner.")      # the body: title kept
    assert title_of(article) == {"printer": "A", "offlin": "A"}
    Article.objects.filter(pk=article.pk).update(title="Scanner offline")
    assert title_of(article) == {"scanner": "A", "offlin": "A"}
    fa = make_article(author, language=L.FA, title="مشكل چاپگر", body="نمي‌كند")
    assert title_of(fa) == {"مشکل": "A", "چاپگر": "A"}


@pytest.fixture
def few_candidates(monkeypatch):
    """Candidates and the recent window small enough to be exceeded by a handful of articles."""
    import knowledge.search as search

    monkeypatch.setattr(search, "RANK_CANDIDATES", 3)
    monkeypatch.setattr(search, "RECENT_ARTICLES", 4)


def test_a_title_match_beats_newer_body_only_matches_of_a_broad_query(author, few_candidates):
    now = timezone.now()
    in_title = make_article(author, title="Printer jam", body="Open tray 2.", published_at=now - timedelta(days=400))
    body_only = [make_article(author, title=f"Office note {i}", body="Check the printer and the paper.",
                              published_at=now - timedelta(days=i)) for i in range(12)]
    results = list(article_search(Article.objects.all(), "printer", language=L.EN))
    # The old title match first; then the three newest body-only matches, ranked; nothing else.
    assert [a.pk for a in results] == [in_title.pk, *(a.pk for a in body_only[:3])]
    assert results[0].rank > 1 > results[1].rank > 0
    assert [a.pk for a in article_search(Article.objects.all(), "printer")][:1] == [in_title.pk]  # all languages


def test_a_narrow_query_still_finds_old_matches_beyond_the_recent_window(author, few_candidates):
    now = timezone.now()
    old = make_article(author, title="Scanner", body="The toner is low.", published_at=now - timedelta(days=900))
    for i in range(10):                                                     # newer articles without the word
        make_article(author, title=f"Note {i}", body="Nothing here.", published_at=now - timedelta(days=i))
    draft = make_article(author, title="Draft", body="Toner again.", status=ArticleStatus.DRAFT)
    assert found("toner") == [old.pk, draft.pk]                             # never published: last
    assert found("toner", language=L.EN) == [old.pk, draft.pk]
    assert found("xylophone") == []


def test_the_newest_matches_are_the_candidates_when_there_are_many(author, few_candidates):
    now = timezone.now()
    matches = [make_article(author, title=f"Note {i}", body="Printer tips.", published_at=now - timedelta(days=i))
               for i in range(8)]
    assert found("printer") == [a.pk for a in matches[:3]]
    # Filters of the queryset apply to the candidates (here: only the older ones are asked for).
    older = Article.objects.filter(published_at__lt=now - timedelta(days=4, hours=12))
    assert found("printer", queryset=older) == [a.pk for a in matches[5:8]]


def test_suggest_fill_up_ignores_common_words(author, requester):
    printer = make_article(author, language=L.EL, title="Ο εκτυπωτής δεν εκτυπώνει", body="Ελέγξτε τον εκτυπωτή.")
    other = make_article(author, language=L.EL, title="Δεν συνδέεται το VPN", body="Δεν υπάρχει σύνδεση.")
    # No article holds every word; «δεν» (in both) is not used to fill up, «εκτυπωτής» is.
    assert suggest("ο εκτυπωτής δεν τυπώνει χαρτί", user=requester, language=L.EL) == [printer]
    assert other not in suggest("δεν λειτουργεί καθόλου", user=requester, language=L.EL)
