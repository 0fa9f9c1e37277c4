"""The problem pages through Django's test client: who may open them, opening a problem from
incidents and from a major incident, each action on the problem page (and bad input that
changes nothing), known errors (search, edit, the suggestions partial, applying a workaround),
the trend proposals, and the list's query budget."""

import copy

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.tests.factories import ConfigurationItemFactory, ServiceFactory, TeamFactory, UserFactory
from core.roles import Role
from incidents import services as incidents
from incidents.models import IncidentNote
from incidents.tests.factories import IncidentFactory
from problems import services
from problems.models import KnownError, Problem, ProblemCandidate, WorkaroundApplication
from tests.module_data import built_once

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]


@pytest.fixture(scope="module")
def _desk(django_db_setup, django_db_blocker):
    """:func:`_build_desk` once for the module (:func:`tests.module_data.built_once`)."""
    yield from built_once(django_db_blocker, _build_desk)


@pytest.fixture
def desk(_desk, db):
    """Each test its own copies of the records (a test may change one in memory)."""
    return {name: copy.copy(record) for name, record in _desk.items()}


def _build_desk():
    boss = UserFactory(roles=[Role.MANAGER], username="pm", first_name="Pia", last_name="Manager")
    tech = UserFactory(roles=[Role.AGENT], username="tech", first_name="Tom", last_name="Tech")
    team = TeamFactory(name="Messaging", manager=boss)
    team.members.add(tech)
    service = ServiceFactory(name="Email", owner_team=team)
    return {"boss": boss, "tech": tech, "team": team, "service": service,
            "rita": UserFactory(roles=[Role.REQUESTER], username="rita")}


@pytest.fixture
def as_tech(client, desk):
    client.force_login(desk["tech"])
    return client


def report(desk, title="Outlook asks for the password again", **kw):
    return incidents.incident_create(title=title, actor=desk["tech"], service=desk["service"], **kw)


def open_problem(desk, **kw):
    kw.setdefault("title", "Outlook password prompts")
    return services.problem_create(actor=desk["tech"], **kw)


def action(problem, name):
    return reverse("problems:action", args=[problem.pk, name])


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


def fresh(problem) -> Problem:
    return Problem.objects.get(pk=problem.pk)


def published(desk, **kw) -> KnownError:
    fields = {"title": "Mailbox full", "symptom": "Outlook says the mailbox is full and mail bounces",
              "workaround": "Archive mail older than a year", "status": "published"}
    fields.update(kw)
    return services.known_error_save(actor=desk["tech"], **fields)


# --- who may open what ------------------------------------------------------------------------
class TestPermissions:
    def pages(self, desk):
        problem = open_problem(desk, incidents=[report(desk)])
        known = published(desk)
        return [reverse("problems:list"), reverse("problems:create"), problem.get_absolute_url(),
                reverse("problems:known-errors"), reverse("problems:known-error-create"), known.get_absolute_url(),
                reverse("problems:known-error-suggest") + "?text=mailbox+full", reverse("problems:candidates")], \
            problem, known

    def test_requesters_get_403_everywhere(self, client, desk):
        urls, problem, known = self.pages(desk)
        client.force_login(desk["rita"])
        for url in urls:
            assert client.get(url).status_code == 403, url
        incident = report(desk, title="Another one")
        for url, data in [(action(problem, "investigate"), {}), (reverse("problems:create"), {"title": "x"}),
                          (action(problem, "resolve"), {"resolve-resolution": "x"}),
                          (reverse("problems:known-error-apply", args=[known.pk]), {"incident": incident.pk}),
                          (known.get_absolute_url(), {"title": "hacked"})]:
            assert client.post(url, data).status_code == 403, url
        assert fresh(problem).status == "new" and Problem.objects.count() == 1
        assert not WorkaroundApplication.objects.exists() and KnownError.objects.get().title == "Mailbox full"

    def test_agents_open_every_page(self, as_tech, desk):
        urls, _problem, _known = self.pages(desk)
        for url in urls:
            assert as_tech.get(url).status_code == 200, url

    def test_anonymous_people_are_sent_to_log_in(self, client, desk):
        urls, _problem, _known = self.pages(desk)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 302 and response["Location"].startswith("/login/"), url

    def test_the_navigation_has_problems_for_staff_only(self, client, desk):
        client.force_login(desk["tech"])
        labels = [str(item["label"]) for item in client.get("/").context["nav_items"]]
        assert "Problems" in labels and "Major incidents" in labels
        client.force_login(desk["rita"])
        assert "Problems" not in [str(item["label"]) for item in client.get("/").context["nav_items"]]


# --- opening a problem --------------------------------------------------------------------------
class TestCreate:
    def test_from_selected_incidents(self, as_tech, desk):
        ci = ConfigurationItemFactory(service=desk["service"])
        first = report(desk, ci=ci, impact=1)
        second = report(desk, title="Mail password prompt")
        page = as_tech.get(reverse("problems:create"), {"incidents": f"{first.pk},{second.pk},999999"})
        form = page.context["form"]
        assert form.initial["title"] == first.title and form.initial["impact"] == 1
        assert form.initial["incidents"] == f"{first.number}, {second.number}"
        assert b'data-testid="from-incidents"' in page.content
        response = as_tech.post(reverse("problems:create"), {
            "title": first.title, "incidents": form.initial["incidents"], "impact": "1", "urgency": "2"})
        problem = Problem.objects.get()
        assert response.status_code == 302 and response["Location"] == problem.get_absolute_url()
        assert set(problem.incidents.all()) == {first, second}
        assert set(problem.services.all()) == {desk["service"]} and set(problem.cis.all()) == {ci}
        assert problem.priority == 2 and problem.created_by == desk["tech"]

    def test_from_a_major_incident(self, as_tech, desk):
        master = report(desk, title="Mail down")
        major = incidents.major_incident_declare(incident=master, actor=desk["boss"], summary="Email down for all")
        page = as_tech.get(reverse("problems:create"), {"major_incident": major.pk})
        assert page.context["form"].initial["title"] == "Email down for all"
        assert b'data-testid="from-major"' in page.content
        response = as_tech.post(reverse("problems:create"), {
            "title": "Email down for all", "major_incident": major.pk, "impact": "1", "urgency": "1"})
        problem = Problem.objects.get()
        assert response.status_code == 302 and problem.major_incident == major
        assert list(problem.incidents.all()) == [master]
        assert incidents.postmortem_for(major).problem == problem.pk

    def test_bad_input_saves_nothing(self, as_tech, desk):
        no_title = as_tech.post(reverse("problems:create"), {"title": "", "impact": "2", "urgency": "2"})
        assert no_title.status_code == 400 and no_title.context["form"].errors["title"]
        unknown = as_tech.post(reverse("problems:create"), {"title": "x", "incidents": "INC777777",
                                                            "impact": "2", "urgency": "2"})
        assert unknown.status_code == 400 and "INC777777" in str(unknown.context["form"].errors["incidents"])
        assert not Problem.objects.exists()


# --- the problem page and its actions -----------------------------------------------------------
class TestProblemPage:
    def test_the_page_offers_the_next_actions_only(self, as_tech, desk):
        problem = open_problem(desk, incidents=[report(desk)])
        page = as_tech.get(problem.get_absolute_url())
        assert page.context["actions"] == ["investigate"]
        assert b'data-action="investigate"' in page.content and b'data-action="resolve"' not in page.content
        assert b'data-testid="known-error-hint"' in page.content
        assert b"INC" in page.content and "Tom Tech" in page.content.decode()  # linked incident, history

    def test_the_whole_lifecycle_by_posts(self, as_tech, desk):
        incident = report(desk)
        problem = open_problem(desk, incidents=[incident])
        assert as_tech.post(action(problem, "investigate")).status_code == 302
        assert fresh(problem).status == "investigating" and fresh(problem).owner == desk["tech"]
        saved = as_tech.post(action(problem, "analysis"), {
            "analysis-root_cause": "Stale token cache on the mail proxy",
            "analysis-contributing_factors": "No monitoring",
            "analysis-why_1": "Outlook re-prompts", "analysis-why_2": "", "analysis-why_3": "The token is stale",
            "analysis-workaround": "Sign out of Outlook and back in"})
        assert saved.status_code == 302
        problem = fresh(problem)
        assert problem.five_whys == ["Outlook re-prompts", "The token is stale"]
        assert problem.root_cause == "Stale token cache on the mail proxy"
        page = as_tech.get(problem.get_absolute_url())
        assert page.context["actions"] == ["mark_known_error", "resolve"]
        assert page.context["forms"]["analysis"].initial["why_2"] == "The token is stale"
        marked = as_tech.post(action(problem, "mark-known-error"),
                              {"mark-symptom": "Outlook keeps asking for the password", "mark-publish": "on"})
        assert marked.status_code == 302 and fresh(problem).status == "known_error"
        known = KnownError.objects.get(problem=problem)
        assert known.status == "published" and known.workaround == "Sign out of Outlook and back in"
        page = as_tech.get(problem.get_absolute_url())
        assert known.number in page.content.decode() and page.context["known"] == known
        resolved = as_tech.post(action(problem, "resolve"), {"resolve-resolution": "Proxy patched (CHG000012)"})
        assert resolved.status_code == 302 and fresh(problem).status == "resolved"
        closed = as_tech.post(action(problem, "close"), follow=True)
        assert fresh(problem).status == "closed" and "is closed" in " ".join(messages_of(closed))
        assert KnownError.objects.get(pk=known.pk).status == "retired"
        page = as_tech.get(problem.get_absolute_url())
        assert not page.context["editable"] and b'data-testid="analysis-form"' not in page.content
        titles = [e.title for e in page.context["history"]]
        for expected in ("Opened", "Investigation started", "Marked a known error", "Resolved", "Closed"):
            assert expected in titles, titles

    def test_bad_input_shows_an_error_and_changes_nothing(self, as_tech, desk):
        problem = open_problem(desk)
        # Resolving a new problem: refused by the lifecycle (409), said as a message.
        refused = as_tech.post(action(problem, "resolve"), {"resolve-resolution": "x"})
        assert refused.status_code == 409 and "cannot resolve" in " ".join(messages_of(refused))
        closing = as_tech.post(action(problem, "close"))
        assert closing.status_code == 409 and fresh(problem).status == "new"
        services.problem_investigate(problem=problem, actor=desk["tech"])
        # A known error needs a cause and a workaround: the form says so, nothing changes.
        missing = as_tech.post(action(problem, "mark-known-error"), {"mark-symptom": "x", "mark-publish": "on"})
        assert missing.status_code == 400 and missing.context["open_form"] == "mark"
        assert "root cause and a workaround" in str(missing.context["forms"]["mark"].errors)
        assert b'data-testid="mark-form"' in missing.content
        assert fresh(problem).status == "investigating" and not KnownError.objects.exists()
        services.problem_update(problem=problem, actor=desk["tech"], root_cause="Relay queue limit")
        empty = as_tech.post(action(problem, "resolve"), {"resolve-resolution": "   "})
        assert empty.status_code == 400 and empty.context["forms"]["resolve"].errors["resolution"]
        assert fresh(problem).status == "investigating"
        too_long = as_tech.post(action(problem, "analysis"), {"analysis-why_1": "x" * 501,
                                                              "analysis-root_cause": "changed"})
        assert too_long.status_code == 400 and too_long.context["forms"]["analysis"].errors["why_1"]
        assert fresh(problem).root_cause == "Relay queue limit"
        no_title = as_tech.post(action(problem, "edit"), {"edit-title": "", "edit-impact": "1", "edit-urgency": "1"})
        assert no_title.status_code == 400 and fresh(problem).title == "Outlook password prompts"
        assert as_tech.post(action(problem, "nonsense")).status_code == 404
        assert as_tech.get(action(problem, "investigate")).status_code == 405

    def test_nothing_changed_is_said(self, as_tech, desk):
        problem = open_problem(desk)
        response = as_tech.post(action(problem, "analysis"), {"analysis-root_cause": ""}, follow=True)
        assert "Nothing changed." in " ".join(messages_of(response))
        assert fresh(problem).history.count() == 1

    def test_edit_details(self, as_tech, desk):
        problem = open_problem(desk)
        ci = ConfigurationItemFactory(service=desk["service"])
        response = as_tech.post(action(problem, "edit"), {
            "edit-title": "Password prompts after change", "edit-impact": "1", "edit-urgency": "1",
            "edit-owner": desk["boss"].pk, "edit-team": desk["team"].pk, "edit-services": [desk["service"].pk],
            "edit-cis": [ci.pk]})
        assert response.status_code == 302
        problem = fresh(problem)
        assert (problem.title, problem.priority, problem.owner, problem.team) == (
            "Password prompts after change", 1, desk["boss"], desk["team"])
        assert list(problem.services.all()) == [desk["service"]] and list(problem.cis.all()) == [ci]
        history = as_tech.get(problem.get_absolute_url()).context["history"]
        assert any(("Pia Manager" in new) for e in history for _label, _old, new in e.changes)

    def test_link_and_unlink_incidents_by_number(self, as_tech, desk):
        problem = open_problem(desk)
        one, two = report(desk), report(desk, title="Second")
        linked = as_tech.post(action(problem, "link"), {"link-incidents": f"{one.number}, {int(two.number[3:])}"})
        assert linked.status_code == 302 and set(problem.incidents.all()) == {one, two}
        page = as_tech.get(problem.get_absolute_url())
        assert [i.number for i in page.context["incidents"]] == [one.number, two.number]
        unknown = as_tech.post(action(problem, "link"), {"link-incidents": "INC888888"})
        assert unknown.status_code == 400 and unknown.context["forms"]["link"].errors["incidents"]
        unlinked = as_tech.post(action(problem, "unlink"), {"unlink-incident": one.pk})
        assert unlinked.status_code == 302 and list(problem.incidents.all()) == [two]
        stranger = report(desk, title="Not linked")
        refused = as_tech.post(action(problem, "unlink"), {"unlink-incident": stranger.pk})
        assert refused.status_code == 400 and "not linked" in " ".join(messages_of(refused))
        assert list(problem.incidents.all()) == [two]
        listing = as_tech.get(reverse("problems:list"))
        assert [p.incident_count for p in listing.context["problems"]] == [1]

    def test_the_fix_did_not_hold_banner_and_acknowledge(self, as_tech, desk):
        problem = open_problem(desk)
        Problem.objects.filter(pk=problem.pk).update(needs_review=True, review_reason="INC000099 came back.")
        page = as_tech.get(problem.get_absolute_url())
        assert b'data-testid="review-banner"' in page.content and b"INC000099 came back." in page.content
        listing = as_tech.get(reverse("problems:list"), {"needs_review": "true"})
        assert [p.pk for p in listing.context["problems"]] == [problem.pk]
        assert b'data-testid="review-badge"' in listing.content
        assert as_tech.post(action(problem, "acknowledge-review")).status_code == 302
        assert not fresh(problem).needs_review
        assert b'data-testid="review-banner"' not in as_tech.get(problem.get_absolute_url()).content


# --- the list ------------------------------------------------------------------------------------
class TestList:
    def test_filters_and_search(self, as_tech, desk):
        mine = open_problem(desk, title="VPN drops", owner=desk["tech"])
        other = open_problem(desk, title="Printer queue stalls", services=[ServiceFactory(name="Printing")])
        services.problem_investigate(problem=other, actor=desk["boss"])

        def numbers(**params):
            response = as_tech.get(reverse("problems:list"), params)
            assert response.status_code == 200
            return {p.number for p in response.context["problems"]}

        assert numbers() == {mine.number, other.number}
        assert numbers(owner="me") == {mine.number}
        assert numbers(owner="none") == set()
        assert numbers(status="investigating") == {other.number}
        assert numbers(q="printer") == {other.number}
        assert numbers(q=str(mine.pk)) == {mine.number}
        assert numbers(q=mine.number.lower()) == {mine.number}
        assert numbers(service=other.services.get().pk) == {other.number}
        assert numbers(priority="1") == set()
        assert numbers(status="bogus") == set()  # an invalid filter shows nothing, not everything

    def test_htmx_gets_only_the_results(self, as_tech, desk):
        open_problem(desk)
        response = as_tech.get(reverse("problems:list"), {"q": "outlook"}, HTTP_HX_REQUEST="true",
                               HTTP_HX_TARGET="problem-results")
        html = response.content.decode()
        assert html.startswith('<div id="problem-results"') and "<html" not in html

    def test_the_number_of_queries_does_not_grow_with_the_rows(self, as_tech, desk, django_assert_max_num_queries):
        def add(n):
            for i in range(n):
                problem = open_problem(desk, title=f"Problem {i}", owner=desk["tech"], team=desk["team"],
                                       incidents=[IncidentFactory(service=desk["service"]) for _ in range(2)],
                                       services=[desk["service"]])
                if i % 2:
                    services.problem_update(problem=problem, actor=desk["tech"], root_cause="c", workaround="w")
                    services.problem_mark_known_error(problem=problem, actor=desk["tech"])

        def queries():
            with CaptureQueriesContext(connection) as ctx:
                response = as_tech.get(reverse("problems:list"))
            assert response.status_code == 200
            return len(response.context["problems"]), len(ctx.captured_queries)

        add(2)
        rows_few, few = queries()
        add(10)
        rows_many, many = queries()
        assert (rows_few, rows_many) == (2, 12)
        assert many == few, f"{few} queries for 2 rows, {many} for 12"
        with django_assert_max_num_queries(12):
            response = as_tech.get(reverse("problems:list"))
        assert response.content.count(b'data-testid="known-error-badge"') == 6
        assert all(p.incident_count == 2 for p in response.context["problems"])


# --- known errors --------------------------------------------------------------------------------
class TestKnownErrors:
    def test_search_finds_by_symptom_and_number(self, as_tech, desk):
        mailbox = published(desk)
        draft = published(desk, title="VPN timeout", symptom="The VPN client times out after 30 seconds",
                          workaround="Use the backup gateway", status="draft")
        found = as_tech.get(reverse("problems:known-errors"), {"q": "vpn keeps timing out"})
        assert [k.pk for k in found.context["known_errors"]] == [draft.pk]  # drafts too: this is the editors' list
        found = as_tech.get(reverse("problems:known-errors"), {"q": "mail bounces, mailbox full"})
        assert [k.pk for k in found.context["known_errors"]] == [mailbox.pk]
        found = as_tech.get(reverse("problems:known-errors"), {"q": mailbox.number})
        assert [k.pk for k in found.context["known_errors"]][:1] == [mailbox.pk]
        only_drafts = as_tech.get(reverse("problems:known-errors"), {"status": "draft"})
        assert [k.pk for k in only_drafts.context["known_errors"]] == [draft.pk]
        partial = as_tech.get(reverse("problems:known-errors"), {"q": "vpn"}, HTTP_HX_REQUEST="true",
                              HTTP_HX_TARGET="known-error-results")
        assert partial.content.decode().startswith('<div id="known-error-results"')

    def test_create_and_edit(self, as_tech, desk):
        problem = open_problem(desk, services=[desk["service"]])
        services.problem_update(problem=problem, actor=desk["tech"], root_cause="Quota", workaround="Archive")
        page = as_tech.get(reverse("problems:known-error-create"), {"problem": problem.pk})
        assert page.context["form"].initial["problem"] == problem.number
        created = as_tech.post(reverse("problems:known-error-create"), {
            "title": "Mailbox full", "symptom": "Mail bounces", "workaround": "Archive old mail",
            "status": "draft", "problem": problem.number, "services": [desk["service"].pk]})
        known = KnownError.objects.get()
        assert created.status_code == 302 and created["Location"] == known.get_absolute_url()
        assert known.problem == problem and list(known.services.all()) == [desk["service"]]
        edited = as_tech.post(known.get_absolute_url(), {
            "title": "Mailbox full", "symptom": "Mail bounces", "workaround": "Archive old mail",
            "status": "published", "problem": ""})
        known = KnownError.objects.get()
        assert edited.status_code == 302 and known.status == "published" and known.problem is None
        assert not known.services.exists()
        page = as_tech.get(known.get_absolute_url())
        assert page.status_code == 200 and len(page.context["history"]) >= 2

    def test_bad_input_saves_nothing(self, as_tech, desk):
        known = published(desk)
        no_workaround = as_tech.post(known.get_absolute_url(), {
            "title": "Mailbox full", "symptom": "x", "workaround": "   ", "status": "published"})
        assert no_workaround.status_code == 400 and no_workaround.context["form"].errors["workaround"]
        unknown_problem = as_tech.post(known.get_absolute_url(), {
            "title": "Renamed", "symptom": "x", "workaround": "y", "status": "published", "problem": "PRB999999"})
        assert unknown_problem.status_code == 400 and unknown_problem.context["form"].errors["problem"]
        # A problem already has a known error: the service's refusal goes next to the field.
        problem = open_problem(desk)
        services.problem_update(problem=problem, actor=desk["tech"], root_cause="c", workaround="w")
        services.problem_mark_known_error(problem=problem, actor=desk["tech"])
        taken = as_tech.post(known.get_absolute_url(), {
            "title": "Renamed", "symptom": "x", "workaround": "y", "status": "published", "problem": problem.number})
        assert taken.status_code == 400 and "already has a known error" in str(taken.context["form"].errors)
        known = KnownError.objects.get(pk=known.pk)
        assert (known.title, known.workaround, known.problem) == ("Mailbox full", "Archive mail older than a year",
                                                                  None)


class TestSuggestAndApply:
    def test_the_partial_lists_the_matching_published_entry(self, as_tech, desk):
        mailbox = published(desk)
        published(desk, title="VPN timeout", symptom="VPN client times out", workaround="Backup gateway")
        published(desk, title="Mailbox full (draft)", symptom="mailbox full", workaround="x", status="draft")
        response = as_tech.get(reverse("problems:known-error-suggest"),
                               {"title": "My mailbox is full", "description": "mail bounces back",
                                "service": desk["service"].pk, "ci": "not-a-number"})
        assert response.status_code == 200 and "<html" not in response.content.decode()
        assert [k.pk for k in response.context["suggestions"]] == [mailbox.pk]
        assert b'data-action="apply"' not in response.content  # no incident given: nothing to apply to
        assert as_tech.get(reverse("problems:known-error-suggest"), {"text": "a"}).context["suggestions"] == []

    def test_with_an_incident_it_offers_apply_and_apply_records_it(self, as_tech, desk):
        known = published(desk)
        incident = report(desk, title="Mailbox full")
        partial = as_tech.get(reverse("problems:known-error-suggest"), {"text": incident.title,
                                                                        "incident": incident.pk})
        assert b'data-action="apply"' in partial.content and incident.number.encode() in partial.content
        own = as_tech.get(reverse("problems:known-error-suggest"), {"incident": incident.pk})  # its own words
        assert [k.pk for k in own.context["suggestions"]] == [known.pk]
        response = as_tech.post(reverse("problems:known-error-apply", args=[known.pk]),
                                {"incident": incident.pk, "next": incident.get_absolute_url()})
        assert response.status_code == 302 and response["Location"] == incident.get_absolute_url()
        assert WorkaroundApplication.objects.filter(known_error=known, incident=incident).count() == 1
        assert KnownError.objects.get(pk=known.pk).applied_count == 1
        assert "Archive mail older than a year" in IncidentNote.objects.get(incident=incident).body
        page = as_tech.get(known.get_absolute_url())
        assert [a.incident for a in page.context["applications"]] == [incident]

    def test_applying_a_draft_or_to_a_closed_incident_is_refused(self, as_tech, desk):
        draft = published(desk, status="draft")
        incident = report(desk)
        response = as_tech.post(reverse("problems:known-error-apply", args=[draft.pk]),
                                {"incident": incident.pk, "next": "https://evil.example/"}, follow=True)
        assert "Only a published" in " ".join(messages_of(response))
        assert response.redirect_chain[-1][0] == incident.get_absolute_url()  # never off-site
        missing = as_tech.post(reverse("problems:known-error-apply", args=[draft.pk]), {"incident": 999999},
                               follow=True)
        assert "does not exist" in " ".join(messages_of(missing))
        assert not WorkaroundApplication.objects.exists() and KnownError.objects.get().applied_count == 0


class TestCandidates:
    def test_accept_opens_the_problem_and_dismiss_sets_it_aside(self, as_tech, desk, settings):
        settings.PROBLEM_TREND_MIN_INCIDENTS = 3
        for _ in range(3):
            report(desk)
        other = ServiceFactory(name="VPN")
        for _ in range(3):
            incidents.incident_create(title="VPN drops", actor=desk["tech"], service=other)
        made = services.trend_sweep()
        assert len(made) == 2
        page = as_tech.get(reverse("problems:candidates"))
        assert len(page.context["candidates"]) == 2
        email = ProblemCandidate.objects.get(service=desk["service"])
        accepted = as_tech.post(reverse("problems:candidate-decide", args=[email.pk, "accept"]),
                                {"title": "Password prompts on Email"})
        problem = Problem.objects.get()
        assert accepted.status_code == 302 and accepted["Location"] == problem.get_absolute_url()
        assert problem.title == "Password prompts on Email" and problem.incidents.count() == 3
        vpn = ProblemCandidate.objects.get(service=other)
        assert as_tech.post(reverse("problems:candidate-decide", args=[vpn.pk, "dismiss"])).status_code == 302
        assert ProblemCandidate.objects.get(pk=vpn.pk).status == "dismissed"
        again = as_tech.post(reverse("problems:candidate-decide", args=[vpn.pk, "accept"]), follow=True)
        assert "already dismissed" in " ".join(messages_of(again)) and Problem.objects.count() == 1
        assert as_tech.get(reverse("problems:candidates")).context["candidates"].__len__() == 0


class TestIncidentPagesEmbedTheSuggestions:
    def test_incident_page_and_form_load_the_suggestions(self, as_tech, desk):
        incident = report(desk)
        page = as_tech.get(reverse("incidents:detail", args=[incident.pk])).content.decode()
        assert 'id="known-error-suggestions"' in page and f"incident={incident.pk}" in page
        assert f"/problems/new/?incidents={incident.pk}" in page
        form = as_tech.get(reverse("incidents:create")).content.decode()
        assert 'id="known-error-suggestions"' in form and "from:#id_title" in form

    def test_ticked_queue_rows_open_one_problem(self, as_tech, desk):
        first, second = report(desk, "Mail bounces"), report(desk, "Mail bounces again")
        queue = as_tech.get(reverse("incidents:queue")).content.decode()
        assert 'data-testid="bulk-problem"' in queue
        page = as_tech.get(reverse("problems:create"), {"bulk-ids": [first.pk, second.pk]}).content.decode()
        assert first.number in page and second.number in page
