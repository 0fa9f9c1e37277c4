"""Problem management in a real browser: an agent opens a problem from an incident, records
the root cause and the workaround, marks it a known error, then finds it on the known-error
search page by typing the symptom. The problem pages fit a phone (375 px).

Screenshots go to ``BROWSER_SCREENSHOT_DIR`` (default ``/tmp/servicedesk-screenshots``)."""

import pytest
from selenium.webdriver.common.keys import Keys

from catalog.tests.factories import ServiceFactory, TeamFactory
from core.roles import Role
from incidents import services as incidents
from problems import services
from problems.models import KnownError, Problem
from tests.browser.helpers import check_page_fits


@pytest.fixture
def desk(make_user):
    team = TeamFactory(name="Messaging")
    agent = make_user(Role.AGENT, username="ann", first_name="Ann", last_name="Agent")
    team.members.add(agent)
    service = ServiceFactory(name="Email", owner_team=team)
    incident = incidents.incident_create(title="Outlook asks for the password again and again", actor=agent,
                                         service=service,
                                         description="Since the password change this morning Outlook keeps "
                                                     "prompting for the password.")
    # Another known error that the search must leave out.
    services.known_error_save(actor=agent, title="VPN client times out", symptom="The VPN client times out after "
                              "30 seconds at the branch", workaround="Use the backup gateway", status="published")
    return {"agent": agent, "service": service, "incident": incident, "team": team}


def wait_for_status(page, label: str):
    page.wait_for(lambda d: page.find("[data-testid=status]").text == label, message=f"status never became {label!r}")


def test_an_agent_turns_an_incident_into_a_known_error_and_finds_it(page, desk):
    incident = desk["incident"]
    page.login(desk["agent"]).get("/")  # Ann (the login form has its own tests)
    page.nav_link("/problems/").click()
    page.wait_for_path("/problems/")
    assert "No problems here." in page.find("[data-testid=problem-table]").text

    # From the incident (the incident page links here with its id): the title comes with it.
    page.get(f"/problems/new/?incidents={incident.pk}")
    assert page.find("#id_title").get_attribute("value") == incident.title
    assert page.find("#id_incidents").get_attribute("value") == incident.number
    page.find("[data-testid=problem-form] button[type=submit]").click()
    page.wait_for(lambda d: page.path.rstrip("/").split("/")[-1].isdigit(), message="no problem page")
    problem = Problem.objects.get()
    assert page.path == f"/problems/{problem.pk}/"
    wait_for_status(page, "New")
    assert "is opened" in page.find(".messages").text
    row = page.find(f"[data-testid=incident-row][data-number='{incident.number}']")
    assert "Outlook asks for the password" in row.text
    assert page.find("[data-testid=known-error-hint]").is_displayed()
    assert not page.find_all("summary[data-action=mark-known-error]")

    page.find("button[data-action=investigate]").click()
    wait_for_status(page, "Investigating")
    assert page.find("[data-testid=owner]").text == "Ann Agent"

    # The analysis: root cause, two whys, the workaround.
    page.find("#id_analysis-root_cause").send_keys("The mail proxy caches the old token after a password change.")
    page.find("#id_analysis-why_1").send_keys("Outlook sends a token the proxy rejects")
    page.find("#id_analysis-why_2").send_keys("The proxy's token cache is not flushed on a password change")
    page.find("#id_analysis-workaround").send_keys("Sign out of Outlook, clear the credential, sign in again.")
    page.find("button[data-action=analysis]").click()
    page.wait_for(lambda d: "analysis" in page.find(".messages").text, message="the analysis was not saved")
    assert page.find("#id_analysis-why_2").get_attribute("value").startswith("The proxy's token cache")

    page.find("summary[data-action=mark-known-error]").click()
    symptom = page.find("#id_mark-symptom")
    symptom.clear()
    symptom.send_keys("Outlook keeps prompting for the password after the user changed it")
    assert page.find("#id_mark-publish").is_selected()
    page.find("[data-testid=mark-form] button[type=submit]").click()
    wait_for_status(page, "Known error")
    known = KnownError.objects.get(problem=problem)
    assert page.find("[data-testid=known-error-link]").text == known.number
    assert page.find("[data-testid=known-error-status]").text == "Published"
    history = page.find("[data-testid=history]").text
    assert "Marked a known error" in history and "Ann Agent" in history
    page.screenshot("problem-known-error-en-desktop")

    # The known-error search: typing the symptom narrows the list in place (HTMX).
    page.find(".inc-crumbs a[href='/problems/']").click()
    page.wait_for_path("/problems/")
    assert page.find(f"[data-testid=problem-row][data-number='{problem.number}'] [data-testid=known-error-badge]")
    page.find(".prb-subnav a[href='/problems/known-errors/']").click()
    page.wait_for_path("/problems/known-errors/")
    assert len(page.find_all("[data-testid=known-error-row]")) == 2
    page.js("window.__sameDocument = true;")
    page.find("#id_q").send_keys("prompting for password")
    page.wait_for(lambda d: [r.get_attribute("data-number") for r in page.find_all("[data-testid=known-error-row]")]
                  == [known.number], message="the search did not find the known error")
    assert page.js("return window.__sameDocument === true;"), "the page was reloaded, not swapped"
    assert "q=prompting" in page.path
    assert "Sign out of Outlook" in page.find("[data-testid=known-error-row]").text
    page.find("#id_q").send_keys(Keys.CONTROL, "a")
    page.find("#id_q").send_keys("gateway timeout")
    vpn = KnownError.objects.exclude(pk=known.pk).get()
    page.wait_for(lambda d: [r.get_attribute("data-number") for r in page.find_all("[data-testid=known-error-row]")]
                  == [vpn.number], message="the search did not follow the typing")
    page.screenshot("problem-known-error-search-en-desktop")
    page.find("#id_q").send_keys(Keys.CONTROL, "a")
    page.find("#id_q").send_keys("password prompt")
    page.wait_for(lambda d: [r.get_attribute("data-number") for r in page.find_all("[data-testid=known-error-row]")]
                  == [known.number], message="the search did not come back")
    # The row may be swapped once more while we click: a stale row means "try again".
    page.wait_for(lambda d: page.find(f"[data-testid=known-error-row] a[href='/problems/known-errors/{known.pk}/']")
                  .click() or True, message="could not open the known error")
    page.wait_for_path(f"/problems/known-errors/{known.pk}/")
    assert page.find("[data-testid=number]").text == known.number
    assert problem.number in page.find("[data-testid=problem]").text

    # The incident form shows the suggestions as the agent types a title.
    page.get("/incidents/new/")
    page.find("#id_title").send_keys("Outlook keeps asking for my password")
    page.wait_for(lambda d: [r.get_attribute("data-number") for r in page.find_all(
        "#known-error-suggestions [data-testid=suggestion]")] == [known.number], message="no suggestion shown")
    assert "Sign out of Outlook" in page.find("#known-error-suggestions").text


def test_the_problem_pages_fit_a_phone(page, desk, settings):
    agent = desk["agent"]
    settings.PROBLEM_TREND_MIN_INCIDENTS = 3
    shares = ServiceFactory(name="File shares and home drives for head office")
    for n in range(3):
        incidents.incident_create(title=f"Shared drive S: not mapped at logon (floor {n})", actor=agent,
                                  service=shares)
    [candidate] = services.trend_sweep()
    problem = services.problem_create(actor=agent, incidents=[desk["incident"]], owner=agent)
    services.problem_investigate(problem=problem, actor=agent)
    services.problem_update(problem=problem, actor=agent, root_cause="Token cache", workaround="Sign out and in",
                            five_whys=["a", "b", "c"])
    services.problem_mark_known_error(problem=problem, actor=agent)
    known = KnownError.objects.get(problem=problem)
    page.login(agent)
    page.set_phone()
    for name, path in {"list": "/problems/", "new": "/problems/new/",
                       "known-errors": "/problems/known-errors/?q=password", "known-error": known.get_absolute_url(),
                       "candidates": "/problems/candidates/",
                       "suggest": f"/problems/known-errors/suggest/?text=password&incident={desk['incident'].pk}",
                       "detail": f"/problems/{problem.pk}/"}.items():
        check_page_fits(page, f"problem-{name}-en-phone", path)
    # The resolve form on a phone (the problem's page, loaded last above), with an error in it.
    assert page.path == f"/problems/{problem.pk}/"
    page.find("summary[data-action=resolve]").click()
    page.find("#id_resolve-resolution").send_keys("   ")  # the browser lets it through; the server does not
    page.find("[data-testid=resolve-form] button[type=submit]").click()
    page.wait_for(lambda d: page.find_all("#id_resolve-resolution_error"), message="no error under the resolution")
    assert page.horizontal_overflow() == 0
    assert Problem.objects.get(pk=problem.pk).status == "known_error"
    page.screenshot("problem-resolve-error-en-phone")
    # Accepting a trend proposal on a phone opens the problem.
    page.get("/problems/candidates/")
    page.find(f"[data-candidate='{candidate.pk}'] button[data-action=accept]").click()
    page.wait_for(lambda d: "is opened with 3 incidents" in page.find(".messages").text, message="not accepted")
    assert page.find("[data-testid=title]").text.startswith("Recurring incidents on")
    page.set_desktop()
