"""Articles through the API: writing and the lifecycle (409 when refused), what each role and
an anonymous visitor may see (404 for drafts and internal articles), feedback with no login,
versions, field errors and search."""

import pytest

from catalog.tests.factories import ServiceFactory
from core.roles import Role
from knowledge import services
from knowledge.choices import ArticleAudience
from knowledge.models import Article, ArticleFeedback

from .factories import ArticleFactory, PublishedArticleFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/articles/"


@pytest.fixture
def author(make_user):
    return make_user(Role.AGENT, username="kb-api-author")


@pytest.fixture
def reviewer(make_user):
    return make_user(Role.MANAGER, username="kb-api-reviewer")


def test_an_agent_writes_submits_and_a_reviewer_publishes(api, author, reviewer):
    service = ServiceFactory()
    created = api.as_user(author).post(URL, {"title": "Reset your password", "body": "Open **Settings**.",
                                             "language": "en", "audience": "public", "services": [service.pk]},
                                       format="json")
    assert created.status_code == 201, created.content
    data = created.json()
    assert data["number"] == f"KB{data['id']:06d}" and data["status"] == "draft" and data["version"] == 0
    assert data["services"] == [service.pk] and data["author"] == author.pk
    assert data["body_html"] == "<p>Open <strong>Settings</strong>.</p>\n"
    assert set(data["actions"]) == {"submit", "retire"}
    pk = data["id"]
    assert api.as_user(author).post(f"{URL}{pk}/publish/").status_code == 409
    assert api.as_user(author).post(f"{URL}{pk}/submit/").json()["status"] == "in_review"
    refused = api.as_user(author).post(f"{URL}{pk}/publish/")
    assert refused.status_code == 409 and refused.json()["code"] == "invalid_transition"
    assert refused.json()["status"] == "in_review"
    published = api.as_user(reviewer).post(f"{URL}{pk}/publish/")
    assert published.status_code == 200, published.content
    assert published.json()["status"] == "published" and published.json()["version"] == 1
    assert published.json()["reviewer"] == reviewer.pk and published.json()["published_at"]
    versions = api.get(f"{URL}{pk}/versions/").json()
    assert versions["count"] == 1
    assert versions["results"][0] == {"version": 1, "title": "Reset your password", "body": "Open **Settings**.",
                                      "published_at": published.json()["published_at"],
                                      "published_by": reviewer.pk}
    retired = api.as_user(reviewer).post(f"{URL}{pk}/retire/")
    assert retired.json()["status"] == "retired"
    assert api.as_user(reviewer).post(f"{URL}{pk}/retire/").status_code == 409


def test_editing_a_published_article_answers_the_draft_beside_it(api, author, reviewer):
    article = PublishedArticleFactory(author=author, title="VPN", body="Old text")
    response = api.as_user(author).patch(f"{URL}{article.pk}/", {"body": "New text"}, format="json")
    assert response.status_code == 200, response.content
    draft = response.json()
    assert draft["id"] != article.pk and draft["draft_of"] == article.pk and draft["body"] == "New text"
    assert api.get(f"{URL}{article.pk}/").json()["body"] == "Old text"  # anonymous readers
    api.as_user(author).post(f"{URL}{draft['id']}/submit/")
    published = api.as_user(reviewer).post(f"{URL}{draft['id']}/publish/").json()
    assert published["id"] == article.pk and published["version"] == 2 and published["body"] == "New text"
    assert [v["version"] for v in api.get(f"{URL}{article.pk}/versions/").json()["results"]] == [2, 1]


def test_an_internal_article_is_self_published(api, author):
    created = api.as_user(author).post(URL, {"title": "Runbook: VPN concentrator", "body": "Restart it.",
                                             "language": "en", "audience": "internal"}, format="json").json()
    assert "publish" in created["actions"]
    assert api.as_user(author).post(f"{URL}{created['id']}/publish/").json()["status"] == "published"


@pytest.mark.parametrize(("body", "field"), [
    ({"title": "x", "body": "y", "language": "de"}, "language"),
    ({"title": "x", "body": "y", "audience": "everyone"}, "audience"),
    ({"title": "", "body": "y"}, "title"),
    ({"title": "x", "body": ""}, "body"),
    ({"title": "x", "body": "y", "services": [999999999]}, "services"),
    ({"title": "x", "body": "y", "known_error": 999999999}, "known_error"),
])
def test_bad_fields_answer_400_with_the_field_named(api, author, body, field):
    response = api.as_user(author).post(URL, body, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()
    assert not Article.objects.exists()


def test_a_body_over_the_limit_is_a_field_error(api, author, settings):
    settings.KNOWLEDGE_BODY_MAX_CHARS = 50
    response = api.as_user(author).post(URL, {"title": "x", "body": "y" * 51}, format="json")
    assert response.status_code == 400 and "body" in response.json()


def test_an_unknown_language_filter_is_a_field_error(api, author):
    response = api.as_user(author).get(URL, {"language": "xx"})
    assert response.status_code == 400 and "language" in response.json()


def test_a_sanitised_body_is_answered_as_html(api, author):
    article = PublishedArticleFactory(body='<script>alert(1)</script>[x](javascript:alert(2)) <b onclick="y()">b</b>')
    html = api.get(f"{URL}{article.pk}/").json()["body_html"]
    assert "<script" not in html and "javascript:" not in html.replace("(javascript:alert(2))", "")
    assert "onclick" not in html and 'href="javascript' not in html


# --- visibility --------------------------------------------------------------------------------
@pytest.mark.parametrize("who", ["anonymous", "requester"])
def test_requesters_and_anonymous_visitors_see_only_published_public_articles(api, requester, who):
    public = PublishedArticleFactory()
    internal = PublishedArticleFactory(audience=ArticleAudience.INTERNAL)
    draft = ArticleFactory()
    in_review = ArticleFactory(status="in_review")
    if who == "requester":
        api.as_user(requester)
    listed = api.get(URL).json()
    assert [row["id"] for row in listed["results"]] == [public.pk]
    assert api.get(f"{URL}{public.pk}/").status_code == 200
    for hidden in (internal, draft, in_review):
        assert api.get(f"{URL}{hidden.pk}/").status_code == 404
        assert api.get(f"{URL}{hidden.pk}/versions/").status_code == 404
        assert api.post(f"{URL}{hidden.pk}/feedback/", {"helpful": True}, format="json").status_code == 404
        assert api.post(f"{URL}{hidden.pk}/submit/").status_code in (401, 404)
        assert api.patch(f"{URL}{hidden.pk}/", {"title": "x"}, format="json").status_code in (401, 404)


def test_requesters_cannot_write_or_act(api, requester):
    public = PublishedArticleFactory()
    client = api.as_user(requester)
    assert client.post(URL, {"title": "x", "body": "y"}, format="json").status_code == 403
    assert client.post(f"{URL}{public.pk}/retire/").status_code == 403
    assert client.patch(f"{URL}{public.pk}/", {"title": "x"}, format="json").status_code == 403
    assert client.get(f"{URL}{public.pk}/history/").status_code == 403
    assert not Article.objects.exclude(pk=public.pk).exists()


def test_anonymous_visitors_cannot_write(api):
    public = PublishedArticleFactory()
    assert api.post(URL, {"title": "x", "body": "y"}, format="json").status_code == 401
    assert api.post(f"{URL}{public.pk}/retire/").status_code == 401
    assert api.get(f"{URL}{public.pk}/history/").status_code == 401


def test_staff_see_everything(api, author):
    articles = [PublishedArticleFactory(), PublishedArticleFactory(audience=ArticleAudience.INTERNAL),
                ArticleFactory()]
    ids = {row["id"] for row in api.as_user(author).get(URL).json()["results"]}
    assert ids == {a.pk for a in articles}
    assert api.as_user(author).get(f"{URL}{articles[2].pk}/history/").status_code == 200


# --- feedback -------------------------------------------------------------------------------------
def test_anyone_who_reads_it_gives_feedback(api, requester):
    article = PublishedArticleFactory()
    solved = api.post(f"{URL}{article.pk}/feedback/", {"helpful": True, "deflected": True}, format="json")
    assert solved.status_code == 201, solved.content
    assert solved.json()["helpful"] is True and solved.json()["deflected"] is True
    why = api.as_user(requester).post(f"{URL}{article.pk}/feedback/",
                                      {"helpful": False, "comment": "It does not say where Settings is"},
                                      format="json")
    assert why.status_code == 201
    article.refresh_from_db()
    assert (article.helpful, article.not_helpful, article.deflections) == (1, 1, 1)
    assert ArticleFeedback.objects.get(helpful=False).user == requester
    assert ArticleFeedback.objects.get(helpful=True).user is None


@pytest.mark.parametrize("body", [{}, {"helpful": "maybe"}, {"helpful": False, "deflected": True},
                                  {"helpful": True, "comment": "x" * 2001}])
def test_bad_feedback_is_a_field_error(api, body):
    article = PublishedArticleFactory()
    response = api.post(f"{URL}{article.pk}/feedback/", body, format="json")
    assert response.status_code == 400, response.content
    assert not ArticleFeedback.objects.exists()


def test_feedback_on_a_draft_is_refused_for_staff(api, author):
    response = api.as_user(author).post(f"{URL}{ArticleFactory().pk}/feedback/", {"helpful": True}, format="json")
    assert response.status_code == 409


# --- search -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("query", ["vpn", "VPN connection", "\x00", "' OR 1=1 --", "a" * 5000, "!!!", "&|:*"])
def test_search_never_errors(api, query):
    PublishedArticleFactory(title="VPN connection drops", body="Reconnect the VPN client.")
    response = api.get(URL, {"search": query})
    assert response.status_code == 200, response.content


def test_search_finds_by_title(api):
    vpn = PublishedArticleFactory(title="VPN connection drops", body="Reconnect the VPN client.")
    PublishedArticleFactory(title="Card blocked", body="Call us.")
    found = [row["id"] for row in api.get(URL, {"search": "vpn"}).json()["results"]]
    assert found == [vpn.pk]


def test_the_known_error_link_and_translation_are_answered(api, author, reviewer):
    from problems.tests.factories import KnownErrorFactory

    known = KnownErrorFactory()
    original = PublishedArticleFactory(known_error=known)
    greek = services.article_create(author=author, title="Ελληνικά", body="Κείμενο", language="el",
                                    translation_of=original)
    data = api.as_user(author).get(f"{URL}{greek.pk}/").json()
    assert data["translation_of"] == original.pk and data["language"] == "el"
    assert api.get(f"{URL}{original.pk}/").json()["known_error"] == known.pk
    changed = api.as_user(author).patch(f"{URL}{greek.pk}/", {"translation_of": None}, format="json")
    assert changed.status_code == 400 and "translation_of" in changed.json()


# --- the API contract every resource keeps (tests/api_contract.py) --------------------------------
def _contract(api, make_user):
    from tests.api_contract import EVERY_ROLE, STAFF, ApiContract, Resource, router_resources, unique

    resource = Resource("articles", make=lambda owner: PublishedArticleFactory(),
                        create=lambda: {"title": f"Reset your password {unique()}", "body": "Open **Settings**."},
                        update=lambda row: {"title": f"Reset a forgotten password {unique()}"},
                        read=EVERY_ROLE, write=STAFF)
    return ApiContract(resource, router_resources()["articles"], api, make_user)


def test_the_resource_contract_holds_but_for_anonymous_reads(api, make_user):
    """What tests/test_api_resources.py checks of every resource, except that anonymous
    visitors read published public articles (API.md) instead of getting 401."""
    contract = _contract(api, make_user)
    contract.check_entry()
    contract.check_list_and_retrieve()
    contract.check_create_and_update()
    contract.check_roles()
    contract.check_query_budget()


def test_every_route_of_an_article_a_requester_may_not_see_is_404(api, requester):
    """As tests/test_invisible_records.py checks of the narrowed resources: every route, every
    method, for a draft, an internal article and an id never used."""
    from tests.test_invisible_records import MISSING, routes_of

    hidden = [ArticleFactory().pk, PublishedArticleFactory(audience=ArticleAudience.INTERNAL).pk, MISSING]
    client = api.as_user(requester)
    wrong = []
    for method, template in routes_of("articles"):
        for pk in hidden:
            response = getattr(client, method)(template.format(pk=pk), {}, format="json")
            if response.status_code != 404:
                wrong.append((method.upper(), template, pk, response.status_code))
    assert wrong == []
