"""Articles in the search box, through the knowledge app's own ``articles_visible_to`` and
``article_search`` (skipped until that app has its search module)."""

import pytest

pytest.importorskip("knowledge.search")

from incidents.tests.factories import IncidentFactory  # noqa: E402
from knowledge.tests.factories import ArticleFactory, PublishedArticleFactory  # noqa: E402
from search.engine import search  # noqa: E402

pytestmark = pytest.mark.django_db


def kinds_and_ids(outcome):
    return [(h.kind, h.id) for h in outcome.hits]


def test_words_find_articles_beside_tickets(agent):
    article = PublishedArticleFactory(title="Reset a forgotten password", body="Open the portal and reset it.")
    incident = IncidentFactory(title="Forgotten password for payroll")
    found = kinds_and_ids(search(agent, "forgotten password"))
    assert ("article", article.pk) in found and ("incident", incident.pk) in found


def test_requesters_find_published_public_articles_only(requester):
    public = PublishedArticleFactory(title="Printer toner replacement")
    internal = PublishedArticleFactory(title="Printer toner internal notes", audience="internal")
    draft = ArticleFactory(title="Printer toner draft")
    found = kinds_and_ids(search(requester, "printer toner"))
    assert ("article", public.pk) in found
    assert ("article", internal.pk) not in found and ("article", draft.pk) not in found
    assert search(requester, internal.number).hits == []
    hit = search(requester, public.number.lower()).jump
    assert hit is not None and hit.kind == "article"


def test_agents_find_internal_articles_and_drafts_by_number(agent):
    internal = PublishedArticleFactory(title="Runbook for the VPN", audience="internal")
    assert ("article", internal.pk) in kinds_and_ids(search(agent, "runbook vpn"))
    assert search(agent, internal.number).jump.url == internal.get_absolute_url()
