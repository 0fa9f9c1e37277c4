"""The search engine: numbers jump, phones and addresses find people, words rank across
kinds, and nobody finds what they may not see."""

import math

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.tests.factories import ContactFactory, ContactPhoneFactory, CustomerFactory
from changes.tests.factories import ChangeFactory
from contactcenter.tests.factories import CallFactory
from core.roles import Role
from crm.tests.factories_complaint import ComplaintFactory
from incidents.models import Postmortem
from incidents.tests.factories import IncidentFactory, MajorIncidentFactory
from problems.tests.factories import KnownErrorFactory, ProblemFactory
from search.engine import clean, excerpt, parse_number, parse_phone, search, tsquery_text, words_of
from servicerequests.tests.factories import CatalogItemFactory, ServiceRequestFactory

pytestmark = pytest.mark.django_db


def kinds_and_ids(outcome):
    return [(h.kind, h.id) for h in outcome.hits]


# --- reading the query ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("INC000123", ("incident", "INC000123")),
        ("inc123", ("incident", "INC000123")),
        ("Inc 0123", ("incident", "INC000123")),
        ("REQ89", ("request", "REQ000089")),
        ("chg-67", ("change", "CHG000067")),
        ("PRB#45", ("problem", "PRB000045")),
        ("ke7", ("known_error", "KE000007")),
        ("kb000001", ("article", "KB000001")),
        ("CMP1234567", ("complaint", "CMP1234567")),
        ("INC", None),
        ("INCIDENT 5", None),
        ("printer 12", None),
    ],
)
def test_numbers_are_read_with_or_without_leading_zeros(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "+30 210 123 4567",
        "+302101234567",
        "0030 210 1234567",
        "0030-210-123-4567",
        "+30 (210) 123.4567",
        "00302101234567",
    ],
)
def test_phone_numbers_in_any_format(text):
    assert parse_phone(text) == "+302101234567"


def test_national_numbers_use_the_default_region(settings):
    settings.PHONE_DEFAULT_REGION = "GR"
    assert parse_phone("210 123 4567") == "+302101234567"
    assert parse_phone("210-1234567") == "+302101234567"
    settings.PHONE_DEFAULT_REGION = None
    assert parse_phone("210 123 4567") is None


@pytest.mark.parametrize("text", ["printer", "12", "+", "abc 123 456 789", "2026-12-01"])
def test_not_phone_numbers(text):
    assert parse_phone(text) is None


def test_clean_and_words():
    assert clean(" a\x00b \t c\ud800 ") == "a b c"
    assert len(clean("x" * 1000)) == 200
    assert words_of("Printer's toner, PRINTER! ___") == ("printer", "s", "toner")
    assert tsquery_text(["mail", "serv"]) == "'mail' & 'serv':*"
    assert tsquery_text(["mail"]) == "'mail':*"


def test_excerpt_is_trimmed_around_the_first_word():
    text = "lorem ipsum " * 30 + "the VPN gateway refuses logins " + "dolor sit " * 30
    snippet = excerpt(text, ["vpn"])
    assert "VPN gateway" in snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet) <= 170
    assert excerpt("short text", ["x"]) == "short text"


# --- numbers ----------------------------------------------------------------------------------
def test_a_number_finds_that_record_only(agent):
    incident = IncidentFactory(number="INC000042", title="Printer on fire")
    IncidentFactory(number="INC000043", title="Printer INC000042 follow-up")
    outcome = search(agent, "inc42")
    assert outcome.match == "number"
    assert kinds_and_ids(outcome) == [("incident", incident.pk)]
    assert outcome.jump.url == f"/incidents/{incident.pk}/"
    assert outcome.jump.number == "INC000042"


@pytest.mark.parametrize(
    ("factory", "kind"),
    [
        (lambda: ProblemFactory(), "problem"),
        (lambda: ChangeFactory(), "change"),
        (lambda: KnownErrorFactory(), "known_error"),
        (lambda: ComplaintFactory(), "complaint"),
        (lambda: ServiceRequestFactory(), "request"),
    ],
)
def test_every_kind_of_number_jumps(agent, factory, kind):
    record = factory()
    outcome = search(agent, record.number.lower())
    assert kinds_and_ids(outcome) == [(kind, record.pk)]
    assert outcome.jump is not None


def test_a_number_nobody_has_finds_nothing(agent):
    assert search(agent, "INC999999").hits == []


def test_a_requester_never_jumps_to_another_persons_incident(make_user):
    rita, other = make_user(Role.REQUESTER), make_user(Role.REQUESTER)
    mine = IncidentFactory(number="INC000101", requester=rita)
    IncidentFactory(number="INC000102", requester=other)
    assert kinds_and_ids(search(rita, "INC101")) == [("incident", mine.pk)]
    assert search(rita, "INC101").jump.url == f"/portal/incidents/{mine.pk}/"
    assert search(rita, "INC102").hits == []
    assert search(rita, ChangeFactory().number).hits == []
    assert search(rita, ProblemFactory().number).hits == []


# --- phones and addresses ---------------------------------------------------------------------
def test_a_phone_finds_its_contact_and_its_calls(agent, settings):
    settings.PHONE_DEFAULT_REGION = "GR"
    phone = ContactPhoneFactory(number="+302101234567")
    ContactPhoneFactory(number="+302107654321")
    call = CallFactory(from_number="+302101234567", contact=phone.contact)
    CallFactory(from_number="+302107654321")
    for text in ("+30 210 123 4567", "0030 210 1234567", "210-123-4567", "2101234567", "(210) 123 4567"):
        outcome = search(agent, text)
        assert outcome.match == "phone", text
        assert kinds_and_ids(outcome) == [("contact", phone.contact_id), ("call", call.pk)], text
    assert search(agent, "+30 210 123 4567").hits[0].url == f"/contacts/{phone.contact_id}/"


def test_a_phone_finds_nothing_for_a_requester(requester):
    phone = ContactPhoneFactory(number="+302101234568")
    CallFactory(from_number=phone.number, contact=phone.contact)
    assert search(requester, "+30 210 123 4568").hits == []


def test_digits_find_a_customer_by_account_number(agent):
    customer = CustomerFactory(account_number="4711")
    assert ("customer", customer.pk) in kinds_and_ids(search(agent, "4711"))


def test_an_email_finds_the_contact_and_its_customer(agent):
    contact = ContactFactory(email="Maria.Pappa@Example.com", name="Maria Pappa")
    ContactFactory(email="someone@example.com")
    outcome = search(agent, "maria.pappa@example.COM")
    assert outcome.match == "email"
    assert kinds_and_ids(outcome) == [("contact", contact.pk), ("customer", contact.customer_id)]


def test_an_email_finds_nothing_for_a_requester(requester):
    ContactFactory(email="maria@example.com")
    assert search(requester, "maria@example.com").hits == []


# --- words ------------------------------------------------------------------------------------
def test_words_rank_across_kinds(agent):
    title_hit = IncidentFactory(title="VPN gateway down", description="nobody can log in")
    body_hit = ProblemFactory(title="Remote access", description="the vpn gateway drops sessions every hour")
    change = ChangeFactory(title="Upgrade the VPN gateway firmware")
    complaint = ComplaintFactory(subject="VPN gateway keeps failing")
    known = KnownErrorFactory(title="VPN gateway refuses logins", symptom="gateway says no", status="published")
    customer = CustomerFactory(name="Gateway Travel", notes="uses our vpn")
    request = ServiceRequestFactory(
        catalog_item=CatalogItemFactory(name="VPN access"), answers={"reason": "a vpn gateway for the new office"}
    )
    IncidentFactory(title="Printer jam", description="tray 2")
    outcome = search(agent, "vpn gateway")
    assert outcome.match == "words"
    found = kinds_and_ids(outcome)
    for record in [
        ("incident", title_hit.pk),
        ("problem", body_hit.pk),
        ("change", change.pk),
        ("complaint", complaint.pk),
        ("known_error", known.pk),
        ("customer", customer.pk),
        ("request", request.pk),
    ]:
        assert record in found
    assert len(found) == 7
    if connection.vendor == "postgresql":
        ranks = [h.rank for h in outcome.hits]
        assert ranks == sorted(ranks, reverse=True)
        # Both words in the title weigh more than both in the description.
        assert found.index(("incident", title_hit.pk)) < found.index(("problem", body_hit.pk))
    snippet = next(h.snippet for h in outcome.hits if h.kind == "problem")
    assert "vpn gateway" in snippet


def test_the_last_word_is_a_prefix_for_suggestions(agent):
    incident = IncidentFactory(title="Mailbox quota exceeded")
    assert ("incident", incident.pk) in kinds_and_ids(search(agent, "mailb"))
    assert ("incident", incident.pk) in kinds_and_ids(search(agent, "quota exc"))
    if connection.vendor == "postgresql":
        assert search(agent, "quotas exceeded").hits == []  # only the last word is a prefix


def test_words_find_contacts_by_name(agent):
    contact = ContactFactory(name="Eleni Georgiou")
    greek = ContactFactory(name="Ελένη Γεωργίου")
    assert ("contact", contact.pk) in kinds_and_ids(search(agent, "georgiou"))
    assert ("contact", greek.pk) in kinds_and_ids(search(agent, "ελένη γεωργίου"))


def test_non_latin_words_match(agent):
    incident = IncidentFactory(title="Ο εκτυπωτής δεν τυπώνει")
    persian = IncidentFactory(title="چاپگر کار نمی کند")
    assert ("incident", incident.pk) in kinds_and_ids(search(agent, "εκτυπωτής"))
    assert ("incident", persian.pk) in kinds_and_ids(search(agent, "چاپگر"))


def test_past_major_incidents_are_found_by_their_postmortem(agent, requester):
    major = MajorIncidentFactory(
        summary="Payments gateway outage",
        resolution="failed over to the standby",
        incident__title="Card payments fail",
        incident__number="INC000321",
    )
    Postmortem.objects.create(
        major_incident=major,
        root_cause="An expired TLS certificate on the gateway",
        actions=[{"text": "Alert 30 days before certificates expire"}],
    )
    MajorIncidentFactory(summary="Mail delays")
    outcome = search(agent, "certificate expired", kind="major_incident")
    assert kinds_and_ids(outcome) == [("major_incident", major.pk)]
    hit = outcome.hits[0]
    assert (hit.number, hit.title, hit.url) == ("INC000321", "Payments gateway outage", f"/major-incidents/{major.pk}/")
    assert "expired TLS certificate" in hit.snippet
    assert ("major_incident", major.pk) in kinds_and_ids(search(agent, "payments gateway"))
    if connection.vendor == "postgresql":  # every word in one of the fields on SQLite
        assert kinds_and_ids(search(agent, "standby alert", kind="major_incident")) == [("major_incident", major.pk)]
    # Staff only: a requester finds neither the major incident nor, by words, its master.
    assert search(requester, "certificate").hits == []
    assert search(requester, "payments gateway", kind="major_incident").hits == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the ranking window is PostgreSQL's")
def test_the_newest_matches_are_ranked_whichever_part_finds_them(agent, monkeypatch):
    """The ranking window: the newest rows read one by one (SCAN_ROWS), the older matches
    from the index when those hold too few — together exactly the newest RANK_WINDOW."""
    from search import engine

    monkeypatch.setattr(engine, "SCAN_ROWS", 3)
    monkeypatch.setattr(engine, "RANK_WINDOW", 4)
    matches = [IncidentFactory(title=f"Quokka sighting {n}").pk for n in range(6)]
    for n in range(2):
        IncidentFactory(title=f"Nothing here {n}")  # the two newest rows do not match
    found = sorted(h.id for h in search(agent, "quokka", kind="incident").hits)
    assert found == sorted(matches[-4:])


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the ranking window is PostgreSQL's")
@pytest.mark.parametrize("gin_rows", [100, 5])
def test_a_rare_word_is_asked_of_the_index_first_with_the_same_result(agent, monkeypatch, gin_rows):
    """Statistics that call a word rare send it to the GIN index first; more matches than
    GIN_ROWS there (the statistics were wrong) and the newest rows are read as for any word:
    the same newest RANK_WINDOW either way."""
    from search import engine

    monkeypatch.setattr(engine, "SCAN_ROWS", 3)
    monkeypatch.setattr(engine, "RANK_WINDOW", 4)
    monkeypatch.setattr(engine, "GIN_ROWS", gin_rows)
    monkeypatch.setattr(engine, "_gin_first", lambda table, words: True)
    matches = [IncidentFactory(title=f"Quokka sighting {n}").pk for n in range(6)]
    for n in range(2):
        IncidentFactory(title=f"Nothing here {n}")
    found = sorted(h.id for h in search(agent, "quokka", kind="incident").hits)
    assert found == sorted(matches[-4:])
    assert [h.id for h in search(agent, "wombat", kind="incident").hits] == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the ranking window is PostgreSQL's")
@pytest.mark.parametrize("gin_first", [False, True])
def test_ranking_inside_the_window_keeps_the_order(agent, monkeypatch, gin_first):
    """Only the best ``top`` leave the window's subquery: the same rows in the same order as
    ranking the whole window outside it (ties broken by the newest id)."""
    from incidents.models import Incident
    from search import engine

    monkeypatch.setattr(engine, "_gin_first", lambda table, words: gin_first)
    for n in range(12):
        IncidentFactory(title="Quokka" if n % 3 else f"Other {n}", description="quokka quokka" if n % 2 else "x")
    words = ("quokka",)
    whole = [(i.pk, i.search_rank) for i in engine._pg_query("incident", Incident.objects.all(), words)[:5]]
    best = [(i.pk, i.search_rank) for i in engine._pg_query("incident", Incident.objects.all(), words, top=5)[:5]]
    assert len(whole) == 5 and best == whole
    assert len({rank for _, rank in whole}) > 1  # ranks differ, and equal ranks tie-break by id


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_stats")
def test_the_statistics_choose_the_first_step(monkeypatch):
    from incidents.models import Incident
    from search import engine

    monkeypatch.setattr(engine, "SCAN_ROWS", 10)
    monkeypatch.setattr(engine, "RANK_WINDOW", 4)
    for n in range(30):
        IncidentFactory(title=f"Printer jam {n}", description="paper tray" if n % 10 else "toner smudge")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE incidents_incident")
    monkeypatch.setattr(engine, "_statistics", engine._Statistics())
    rows, lexemes, freqs, top = engine._statistics.of("incidents_incident")
    assert top == Incident.objects.order_by("-pk").values_list("pk", flat=True).first()
    assert rows == 30 and freqs["printer"] == pytest.approx(1.0)
    # Every row holds "printer" (and "pri…" starts it): the newest rows first.
    assert not engine._gin_first("incidents_incident", ("printer",))
    assert not engine._gin_first("incidents_incident", ("pri",))
    # In one row of ten, by the statistics' count: the index first, up to GIN_ROWS matches;
    # absent from the statistics (absent, or too rare to be listed): a guess, up to GUESS_ROWS.
    assert engine._gin_first("incidents_incident", ("printer", "toner")) == engine.GIN_ROWS
    assert engine._gin_first("incidents_incident", ("wombat",)) == engine.GUESS_ROWS
    assert engine._gin_first("incidents_incident", ("printer", "wom")) == engine.GUESS_ROWS
    # Listed, expected fewer than RANGE_SAFETY × RANK_WINDOW times among the newest rows but
    # more than MIDDLE_ROWS times in the table: the ids that should hold that many first
    # (2 × 1 / 0.1 = 20 ids); unlisted: the index first, then the ids that should hold enough
    # at the rarest listed word's share.
    monkeypatch.setattr(engine, "RANK_WINDOW", 1)
    monkeypatch.setattr(engine, "MIDDLE_ROWS", 2)
    assert engine._first_step("incidents_incident", ("printer", "toner")) == (0, top - 20)
    assert engine._first_step("incidents_incident", ("printer",)) == (0, None)
    rarest = math.ceil(2 / min(freqs.values()))
    assert engine._first_step("incidents_incident", ("wombat",)) == (
        engine.GUESS_ROWS,
        top - rarest if top > rarest else None,
    )
    monkeypatch.setattr(engine, "RANK_WINDOW", 4)
    monkeypatch.setattr(engine, "MIDDLE_ROWS", 5)
    assert engine._first_step("incidents_incident", ("printer", "toner")) == (engine.GIN_ROWS, None)
    # A table too small for the choice to matter, or never analysed: the newest rows first.
    monkeypatch.setattr(engine, "SCAN_ROWS", 1000)
    assert not engine._gin_first("incidents_incident", ("wombat",))
    assert not engine._gin_first("no_such_table", ("wombat",))


def test_kind_filter_and_limit(agent):
    IncidentFactory(title="Disk full on db01")
    ProblemFactory(title="Disk full again")
    assert {h.kind for h in search(agent, "disk", kind="problem").hits} == {"problem"}
    for n in range(5):
        IncidentFactory(title=f"Disk alarm {n}")
    assert len(search(agent, "disk", limit=3).hits) == 3


def test_requesters_see_only_their_own_tickets(make_user):
    rita, other = make_user(Role.REQUESTER), make_user(Role.REQUESTER)
    mine = IncidentFactory(title="Laptop screen flickers", requester=rita)
    IncidentFactory(title="Laptop screen broken", requester=other)
    ProblemFactory(title="Laptop screens flicker")
    ChangeFactory(title="Laptop screen drivers")
    KnownErrorFactory(title="Laptop screen flicker", status="published")
    ContactFactory(name="Laptop Screen Person")
    CustomerFactory(name="Laptop Screen Ltd")
    my_request = ServiceRequestFactory(catalog_item=CatalogItemFactory(name="Laptop screen"), requested_by=rita)
    ServiceRequestFactory(catalog_item=CatalogItemFactory(name="Laptop screen"), requested_by=other)
    my_complaint = ComplaintFactory(subject="Laptop screen again", requester=rita)
    ComplaintFactory(subject="Laptop screen again")
    outcome = search(rita, "laptop screen")
    assert sorted(kinds_and_ids(outcome)) == sorted(
        [("incident", mine.pk), ("request", my_request.pk), ("complaint", my_complaint.pk)]
    )
    assert outcome.hits[0].url.startswith("/portal/")


def test_agents_see_everything(agent, make_user):
    rita = make_user(Role.REQUESTER)
    theirs = IncidentFactory(title="Laptop screen flickers", requester=rita)
    assert ("incident", theirs.pk) in kinds_and_ids(search(agent, "laptop"))


def test_nobody_signed_in_finds_nothing(db):
    from django.contrib.auth.models import AnonymousUser

    IncidentFactory(title="Anything at all", number="INC000777")
    assert search(AnonymousUser(), "anything").hits == []
    assert search(AnonymousUser(), "INC777").hits == []


# --- odd input and cost -----------------------------------------------------------------------
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(max_size=300)
    | st.sampled_from(
        [
            "'",
            '"',
            "\\",
            "&",
            "|",
            "!",
            "(",
            ")",
            ":*",
            "a:*b",
            "' & '",
            "!!!",
            "<->",
            "%",
            "_",
            "\x00",
            "+",
            "00",
            "@",
            "a@b",
            "@@",
            "INC",
            "INC99999999999999",
            "+999 999",
            "0" * 40,
            "﷽",
            "\ud800",
            "a & b | !c",
            "Robert'); DROP TABLE incidents_incident;--",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "\u202e",
            "é" * 300,
        ]
    )
)
def test_odd_input_never_errors(agent, text):
    outcome = search(agent, text)
    assert isinstance(outcome.hits, list)


def test_queries_do_not_grow_with_rows(agent, requester):
    def count(user, text):
        with CaptureQueriesContext(connection) as ctx:
            search(user, text)
        return len(ctx.captured_queries)

    def rows(start, stop):
        for i in range(start, stop):
            contact = ContactFactory(name=f"Alpha person {i}", email=f"alpha{i}@example.com")
            ContactPhoneFactory(contact=contact, number=f"+30210555{i:04d}")
            IncidentFactory(title=f"Alpha outage {i}", requester=requester, contact=contact)
            ProblemFactory(title=f"Alpha root {i}")
            ChangeFactory(title=f"Alpha change {i}")
            ComplaintFactory(subject=f"Alpha complaint {i}", contact=contact)
            KnownErrorFactory(title=f"Alpha known {i}", status="published")
            MajorIncidentFactory(summary=f"Alpha major {i}")
            ServiceRequestFactory(catalog_item=CatalogItemFactory(name=f"Alpha item {i}"), requested_by=requester)
            CallFactory(from_number="+302105550000", contact=contact)

    rows(0, 2)
    search(agent, "warm up")  # roles cached on the user objects
    search(requester, "warm up")
    small = {q: count(agent, q) for q in ("alpha", "+30 210 555 0000", "alpha0@example.com", "INC900000")}
    small_requester = count(requester, "alpha")
    rows(2, 17)
    large = {q: count(agent, q) for q in small}
    assert large == small
    assert count(requester, "alpha") == small_requester
    # One query per kind at most (ten kinds by words, the articles counted once they exist).
    assert small["alpha"] <= 11
    assert small_requester <= 5
