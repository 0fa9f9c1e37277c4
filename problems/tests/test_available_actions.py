"""One rule for what a person may do to a problem: for several roles and states, the problem
page offers exactly what ``problem_available_actions`` says and the API carries out exactly
those verbs (the others answer 400 for a missing analysis, 403 or 409, as they did)."""

import pytest
from django.urls import reverse

from core.roles import Role
from core.tests.actions import accepted, api_accepts, offered
from incidents.tests.factories import IncidentFactory
from problems.selectors import problem_available_actions
from problems.tests.factories import ProblemFactory

pytestmark = pytest.mark.django_db

VERBS = ("investigate", "mark-known-error", "resolve", "close", "edit", "link-incidents", "acknowledge-review")
#: The verbs with a form of their own outside the actions card.
MARKERS = {"link-incidents": "link-form", "acknowledge-review": "review-banner"}
ANALYSED = {"root_cause": "A stale token cache", "workaround": "Sign out and back in"}
STATES = {
    "new": {}, "investigating": {"status": "investigating"}, "analysed": {"status": "investigating", **ANALYSED},
    "known_error": {"status": "known_error", **ANALYSED}, "resolved": {"status": "resolved", **ANALYSED},
    "came_back": {"status": "resolved", "needs_review": True, "review_reason": "It came back", **ANALYSED},
    "closed": {"status": "closed", **ANALYSED},
}


def calls(problem) -> dict:
    base = f"/api/v1/problems/{problem.pk}"
    return {
        "investigate": ("post", f"{base}/investigate/", {}),
        # The page's form: the analysis is recorded first (the API may also send it with the verb).
        "mark-known-error": ("post", f"{base}/mark-known-error/", {"symptom": "Outlook asks again"}),
        "resolve": ("post", f"{base}/resolve/", {"resolution": "Patched the proxy"}),
        "close": ("post", f"{base}/close/", {}),
        "edit": ("patch", f"{base}/", {"title": "Outlook asks for the password again"}),
        "link-incidents": ("post", f"{base}/link-incidents/", {"incidents": [IncidentFactory().pk]}),
    }


@pytest.mark.parametrize("state", list(STATES))
@pytest.mark.parametrize("role", [Role.AGENT, Role.MANAGER, Role.REQUESTER])
def test_problem_page_and_api_follow_the_selector(client, api, make_user, role, state):
    problem = ProblemFactory(title="Outlook asks for the password", **STATES[state])
    user = make_user(role)
    allowed = set(problem_available_actions(user, problem))
    client.force_login(user)
    page = client.get(reverse("problems:detail", args=[problem.pk]))
    assert page.status_code == (403 if role == Role.REQUESTER else 200)
    assert offered(page.content, VERBS, MARKERS) == allowed
    answers = api_accepts(api.as_user(user), calls(problem))
    # Acknowledging a review nobody asked for changes nothing (200, like any repeated
    # acknowledgement): it is offered only when the fix did not hold.
    assert accepted(answers) == allowed - {"acknowledge-review"}, answers


def test_the_analysis_opens_the_way_to_known_error_and_resolution(make_user):
    agent = make_user(Role.AGENT)
    assert problem_available_actions(agent, ProblemFactory(status="investigating")) == ["edit", "link-incidents"]
    assert problem_available_actions(agent, ProblemFactory(status="investigating", **ANALYSED)) == \
        ["mark-known-error", "resolve", "edit", "link-incidents"]
    assert problem_available_actions(agent, ProblemFactory(status="closed", needs_review=True)) == \
        ["acknowledge-review"]
    assert problem_available_actions(make_user(Role.REQUESTER), ProblemFactory()) == []
