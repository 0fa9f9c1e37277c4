"""Words for every kind in one statement (``engine._union_words``) find the same hits, in the
same order, as one query per kind (``engine._by_words_per_kind``, the reference), for every
role: the same visibility selectors, the same ranking, the same snippets and addresses."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from catalog.tests.factories import ContactFactory, CustomerFactory, UserFactory
from changes.tests.factories import ChangeFactory
from core.roles import Role
from crm.tests.factories_complaint import ComplaintFactory
from incidents.models import Postmortem
from incidents.tests.factories import IncidentFactory, MajorIncidentFactory
from problems.tests.factories import KnownErrorFactory, ProblemFactory
from search import engine
from servicerequests.tests.factories import CatalogItemFactory, ServiceRequestFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="one statement is PostgreSQL's"),
]

QUERIES = ["quokka", "quokka burrow", "quo", "burrow", "wombat", "quokka numbat", "numbat", "nest"]


@pytest.fixture(scope="module")
def _records(django_db_setup, django_db_blocker):
    """The people and the records of every kind, built once for the module (no test writes):
    in a transaction of their own, rolled back after the module's last test; each test's own
    transaction is a savepoint inside it."""
    with django_db_blocker.unblock(), transaction.atomic():
        people = {
            "agent": UserFactory(roles=[Role.AGENT]),
            "manager": UserFactory(roles=[Role.MANAGER]),
            "cab": UserFactory(roles=[Role.CAB_MEMBER]),
            "rita": UserFactory(roles=[Role.REQUESTER]),
            "omar": UserFactory(roles=[Role.REQUESTER]),
        }
        _build_mixed(people)
        yield people
        transaction.set_rollback(True)


@pytest.fixture
def people(_records, db):
    return _records


@pytest.fixture
def mixed(people):
    """Every kind (built with ``people``, once for the module: :func:`_build_mixed`)."""


def _build_mixed(people):
    """Every kind, words in titles and bodies in varied amounts (so ranks differ and tie),
    owned by different requesters."""
    rita, omar = people["rita"], people["omar"]
    rita_contact = ContactFactory(
        name="Rita Quokka",
        email="rita@example.com",
        user=rita,
        customer=CustomerFactory(name="Quokka Burrow Ltd", notes="numbat nest"),
    )
    ContactFactory(name="Numbat Quokka", email="numbat@example.com")
    for n in range(14):
        owner = rita if n % 3 == 0 else omar if n % 3 == 1 else None
        title = ["Quokka burrow flooded", "Quokka", "Numbat nest", "Burrow collapsed"][n % 4]
        body = ["quokka quokka burrow", "nothing to see", "the quokka left the numbat nest", ""][n % 4]
        IncidentFactory(title=title, description=body, requester=owner, contact=rita_contact if n == 5 else None)
        if n % 2:
            ProblemFactory(title=title, description=body)
            ComplaintFactory(subject=title, description=body, requester=owner)
        if n % 3 == 0:
            ChangeFactory(title=title, description=body)
            KnownErrorFactory(title=title, symptom=body, workaround="quokka patch", status="published")
        if n % 4 == 0:
            ServiceRequestFactory(
                catalog_item=CatalogItemFactory(name=title),
                requested_by=owner or people["agent"],
                answers={"reason": body, "count": n, "urgent": bool(n % 8)},
            )
    major = MajorIncidentFactory(summary="Quokka outage", resolution="burrow restored")
    Postmortem.objects.create(major_incident=major, root_cause="a numbat in the nest")
    MajorIncidentFactory(summary="Wombat delay")
    try:
        from knowledge.tests.factories import PublishedArticleFactory
    except ImportError:
        return
    PublishedArticleFactory(title="Quokka burrow guide", body="how to find a quokka burrow")
    PublishedArticleFactory(title="Numbat internal", body="quokka notes", audience="internal")


def both(user, q, **options):
    words = engine.words_of(q)
    kinds = engine.allowed_kinds(user, options.pop("kind", None))
    staff = engine.is_staff_member(user)
    limit = options.pop("limit", engine.DEFAULT_LIMIT)
    old = engine._by_words_per_kind(user, words, kinds=kinds, staff=staff, limit=limit)
    new = engine._union_words(user, words, kinds=kinds, staff=staff, limit=limit)
    return old, new


@pytest.mark.parametrize("who", ["agent", "manager", "cab", "rita", "omar"])
@pytest.mark.parametrize("limit", [20, 5])
def test_one_statement_finds_what_one_query_per_kind_finds(people, mixed, who, limit):
    user = people[who]
    found_any = False
    for q in QUERIES:
        old, new = both(user, q, limit=limit)
        assert new == old, q
        found_any = found_any or bool(new)
    assert found_any
    if who in ("rita", "omar"):
        assert all(h.kind in engine.REQUESTER_KINDS for q in QUERIES for h in both(user, q)[1])


@pytest.mark.parametrize(
    "kind", ["incident", "request", "contact", "customer", "major_incident", "known_error", "article", "complaint"]
)
def test_the_kind_filter_is_the_same(people, mixed, kind):
    for who in ("agent", "rita"):
        for q in QUERIES:
            old, new = both(people[who], q, kind=kind)
            assert new == old, (who, q)
            assert {h.kind for h in new} <= {kind}


@pytest.mark.parametrize("gin_first", [False, True])
def test_the_ranking_window_is_the_same(people, mixed, monkeypatch, gin_first):
    """A window smaller than the matches (so both paths rank the same newest few), either
    first step."""
    monkeypatch.setattr(engine, "SCAN_ROWS", 3)
    monkeypatch.setattr(engine, "RANK_WINDOW", 4)
    monkeypatch.setattr(engine, "GIN_ROWS", 5)
    monkeypatch.setattr(engine, "_gin_first", lambda table, words: gin_first)
    for q in QUERIES:
        old, new = both(people["agent"], q)
        assert new == old, q


def test_a_requester_sees_only_their_own(people, mixed):
    rita = people["rita"]
    hits = engine.search(rita, "quokka").hits
    assert hits
    for hit in hits:
        if hit.kind == "incident":
            assert engine.incidents_visible_to(rita).filter(pk=hit.id).exists()
        assert hit.kind in engine.REQUESTER_KINDS
    # omar's incidents are not rita's
    omar_ids = set(engine.incidents_visible_to(people["omar"]).values_list("pk", flat=True))
    assert not {h.id for h in hits if h.kind == "incident"} & omar_ids


def test_words_are_one_statement(people, mixed):
    for who in ("agent", "rita"):  # the statistics (once per process and period), the roles (per user)
        engine.search(people[who], "warm up")
    for who in ("agent", "rita"):
        with CaptureQueriesContext(connection) as ctx:
            hits = engine.search(people[who], "quokka").hits
        statements = [q["sql"] for q in ctx.captured_queries]
        # One SELECT; around it JIT is switched off for it (and back on: a test runs in a
        # transaction, as a caller's atomic block would).
        assert hits and [sql.split()[0] for sql in statements] == ["SET", "SELECT", "SET"], statements
        assert "UNION ALL" in statements[1]


@pytest.mark.parametrize("since", [0, 3, 10, 10**9])
def test_a_literal_boundary_finds_the_same(people, mixed, monkeypatch, since):
    """The middle words' first step (the ids above ``since``, then the older matches): the
    same newest window wherever the boundary falls."""
    from incidents.models import Incident

    monkeypatch.setattr(engine, "RANK_WINDOW", 4)
    first = Incident.objects.order_by("pk").values_list("pk", flat=True).first()
    monkeypatch.setattr(engine, "_first_step", lambda table, words: (0, first + since if since < 10**9 else since))
    for q in QUERIES:
        old, new = both(people["agent"], q)
        assert new == old, q


@pytest.mark.parametrize("bound", [1, 100])
@pytest.mark.parametrize(("probe_rows", "probe_share"), [(3, 0.34), (3, 1.0), (50, 1.0)])
def test_a_probed_guess_finds_the_same(people, mixed, monkeypatch, bound, probe_rows, probe_share):
    """A word the statistics do not list: the probe of the newest rows sends it to the newest
    rows (broad) or to the GIN index (narrow), and past the index's bound to the ids above
    ``since`` then the older ones: the same newest window whichever way."""
    from incidents.models import Incident

    monkeypatch.setattr(engine, "RANK_WINDOW", 4)
    monkeypatch.setattr(engine, "SCAN_ROWS", 3)
    monkeypatch.setattr(engine, "PROBE_ROWS", probe_rows)
    monkeypatch.setattr(engine, "PROBE_SHARE", probe_share)
    middle = Incident.objects.order_by("pk").values_list("pk", flat=True)[7]
    monkeypatch.setattr(engine, "_first_step", lambda table, words: (bound, middle))
    for q in QUERIES:
        old, new = both(people["agent"], q)
        assert new == old, q
