"""The incident pages: the workspace, the incident page and its actions, create and edit,
the requester portal and the agent home, through Django's test client."""

import copy
from datetime import UTC, datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.tests.factories import (
    CIRelationFactory,
    ConfigurationItemFactory,
    ContactFactory,
    ContactPhoneFactory,
    ServiceFactory,
    TeamFactory,
    UserFactory,
)
from core.roles import Role
from incidents import services
from incidents.models import Incident, IncidentNote
from notifications.models import Delivery
from sla import services as sla
from sla.tests.factories import PolicyFactory
from tests.module_data import built_once

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]


@pytest.fixture(scope="module")
def _desk(django_db_setup, django_db_blocker):
    """:func:`_build_desk` once for the module (:func:`tests.module_data.built_once`)."""
    yield from built_once(django_db_blocker, _build_desk, eager_tasks=True)


@pytest.fixture
def desk(_desk, db):
    """Each test its own copies of the records (a test may change one in memory)."""
    return {name: copy.copy(record) for name, record in _desk.items()}


def _build_desk():
    team = TeamFactory(name="Service Desk")
    agent = UserFactory(roles=[Role.AGENT], username="ann")
    other = UserFactory(roles=[Role.AGENT], username="bob")
    team.members.add(agent, other)
    service = ServiceFactory(name="Internet banking", owner_team=team)
    requester = UserFactory(roles=[Role.REQUESTER], username="rita")
    contact = ContactFactory(user=requester, customer__tier="vip", customer__name="Acme")
    ContactPhoneFactory(contact=contact, number="+302101234567")
    PolicyFactory(name="incidents", response_minutes=240, resolution_minutes=960, pause_on=["on_hold"])
    return {"team": team, "agent": agent, "other": other, "service": service, "requester": requester,
            "contact": contact}


def report(desk, **kw):
    """An incident as the requester reports it (clocks started)."""
    params = {"title": "Cannot log in", "actor": desk["requester"], "service": desk["service"]}
    params.update(kw)
    return services.incident_create(**params)


def action_url(incident, name):
    return reverse("incidents:action", args=[incident.pk, name])


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


@pytest.fixture
def as_agent(client, desk):
    client.force_login(desk["agent"])
    return client


# --- who may open what ------------------------------------------------------------------------
class TestPermissions:
    def test_anonymous_people_are_sent_to_log_in(self, client, desk):
        incident = report(desk)
        for url in (reverse("incidents:queue"), reverse("incidents:create"), incident.get_absolute_url(),
                    reverse("incidents:edit", args=[incident.pk]), reverse("portal:home"), reverse("portal:report"),
                    reverse("portal:incident", args=[incident.pk])):
            response = client.get(url)
            assert response.status_code == 302 and response["Location"].startswith("/login/"), url
        assert client.post(action_url(incident, "start")).status_code == 302
        assert Incident.objects.get().status == "new"

    def test_requesters_are_kept_out_of_the_workspace(self, client, desk):
        incident = report(desk)
        client.force_login(desk["requester"])
        assert client.get(reverse("incidents:queue")).status_code == 403
        assert client.get(reverse("incidents:create")).status_code == 403
        assert client.get(reverse("incidents:edit", args=[incident.pk])).status_code == 403
        assert client.post(action_url(incident, "resolve"), {"resolve-resolution_code": "fixed",
                                                             "resolve-resolution": "x"}).status_code == 403
        assert client.post(reverse("incidents:bulk-assign"), {"bulk-ids": [incident.pk],
                                                              "bulk-team": desk["team"].pk}).status_code == 403
        assert Incident.objects.get().status == "new"

    def test_a_requester_opening_the_incident_page_lands_on_the_portal(self, client, desk):
        incident = report(desk)
        client.force_login(desk["requester"])
        response = client.get(incident.get_absolute_url())
        assert response.status_code == 302 and response["Location"] == reverse("portal:incident", args=[incident.pk])

    @pytest.mark.parametrize("role", [Role.AGENT, Role.MANAGER, Role.ADMIN])
    def test_staff_open_the_workspace_and_the_incident_page(self, client, desk, make_user, role):
        incident = report(desk)
        client.force_login(make_user(role))
        assert client.get(reverse("incidents:queue") + "?tab=all").status_code == 200
        response = client.get(incident.get_absolute_url())
        assert response.status_code == 200 and incident.number in response.content.decode()

    def test_unknown_actions_and_gets_are_refused(self, as_agent, desk):
        incident = report(desk)
        assert as_agent.post(action_url(incident, "explode")).status_code == 404
        assert as_agent.get(action_url(incident, "start")).status_code == 405


# --- the workspace ----------------------------------------------------------------------------
@pytest.fixture
def queues(desk):
    """One incident per queue, and one for another team (built for the test)."""
    return _build_queues(desk)


def _build_queues(desk):
    """One incident per queue, and one for another team."""
    now = datetime.now(UTC)
    agent = desk["agent"]
    mine = services.incident_assign(incident=report(desk, title="Mine: VPN down"), actor=agent, assignee=agent)
    teammate = services.incident_assign(incident=report(desk, title="Bob's: printer"), actor=agent,
                                        assignee=desk["other"])
    unassigned = report(desk, title="Nobody's: mail bounces")
    network = TeamFactory(name="Network")
    elsewhere = report(desk, title="Other team: router", service=ServiceFactory(owner_team=network))
    breached = report(desk, title="Late: payroll", at=now - timedelta(hours=5))
    at_risk = report(desk, title="Soon late: card payments", at=now - timedelta(minutes=220))
    sla.sla_sweep(now=now)
    done = services.incident_resolve(incident=report(desk, title="Done: password"), actor=agent,
                                     resolution_code="fixed", resolution="reset")
    return {"mine": mine, "teammate": teammate, "unassigned": unassigned, "elsewhere": elsewhere,
            "breached": breached, "at_risk": at_risk, "done": done}


@pytest.fixture(scope="class")
def _class_queues(_desk, django_db_blocker):
    """:func:`_build_queues` once for a class whose every test uses it (what a test writes is
    rolled back with its own transaction): in a savepoint of its own, rolled back after the
    class's last test. Tasks run in the process while it is built, as with ``celery_eager``."""
    from django.db import transaction

    from servicedesk.celery import app

    previous = app.conf.task_always_eager, app.conf.task_eager_propagates
    with django_db_blocker.unblock(), transaction.atomic():
        app.conf.task_always_eager = app.conf.task_eager_propagates = True
        try:
            built = _build_queues(dict(_desk))
        finally:
            app.conf.task_always_eager, app.conf.task_eager_propagates = previous
        yield built
        transaction.set_rollback(True)


def _copies(built: dict) -> dict:
    """Each test its own copies of the incidents (a test may refresh one from the database)."""
    return {name: copy.copy(incident) for name, incident in built.items()}


def numbers(response) -> set[str]:
    return {incident.number for incident in response.context["object_list"]}


class TestQueue:
    """Every test reads the same queues (:func:`_class_queues`)."""

    @pytest.fixture
    def queues(self, _class_queues, desk):
        return _copies(_class_queues)

    def test_each_tab_shows_its_queue(self, as_agent, queues):
        q = {name: incident.number for name, incident in queues.items()}
        url = reverse("incidents:queue")
        assert numbers(as_agent.get(url)) == {q["mine"]}  # "My work" is the default tab
        assert numbers(as_agent.get(url, {"tab": "team"})) == {q["mine"], q["teammate"], q["unassigned"],
                                                                 q["breached"], q["at_risk"]}
        assert numbers(as_agent.get(url, {"tab": "unassigned"})) == {q["unassigned"], q["elsewhere"], q["breached"],
                                                                       q["at_risk"]}
        assert numbers(as_agent.get(url, {"tab": "breached"})) == {q["breached"]}
        assert numbers(as_agent.get(url, {"tab": "at_risk"})) == {q["at_risk"]}
        everything_open = {q[name] for name in q if name != "done"}
        assert numbers(as_agent.get(url, {"tab": "open"})) == everything_open
        assert numbers(as_agent.get(url, {"tab": "all"})) == everything_open | {q["done"]}

    def test_the_rows_show_what_an_agent_needs(self, as_agent, queues):
        response = as_agent.get(reverse("incidents:queue"), {"tab": "open"})
        html = response.content.decode()
        assert html.count('data-testid="queue-row"') == 6
        assert "VIP" in html and "Internet banking" in html and 'data-testid="sla-clock"' in html
        assert 'aria-current="page" data-tab="open"' in html

    def test_filters_search_and_sorting(self, as_agent, desk, queues):
        url = reverse("incidents:queue")
        high = report(desk, title="Everyone is down", impact=1, urgency=1)
        assert numbers(as_agent.get(url, {"tab": "all", "priority": "1"})) == {high.number}
        assert numbers(as_agent.get(url, {"tab": "all", "status": "resolved"})) == {queues["done"].number}
        assert numbers(as_agent.get(url, {"tab": "all", "assignee": "me"})) == {queues["mine"].number}
        assert queues["unassigned"].number in numbers(as_agent.get(url, {"tab": "all", "assignee": "none"}))
        assert numbers(as_agent.get(url, {"tab": "open", "breached": "true"})) == {queues["breached"].number}
        assert numbers(as_agent.get(url, {"tab": "all", "service": queues["elsewhere"].service_id})) == {
            queues["elsewhere"].number}
        tomorrow = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
        assert numbers(as_agent.get(url, {"tab": "all", "created_after": tomorrow})) == set()
        assert high.number in numbers(as_agent.get(url, {"tab": "all", "created_before": tomorrow}))
        # search by number (in full or just the digits) and by words of the title
        assert numbers(as_agent.get(url, {"tab": "all", "q": high.number.lower()})) == {high.number}
        assert numbers(as_agent.get(url, {"tab": "all", "q": str(high.pk)})) == {high.number}
        assert numbers(as_agent.get(url, {"tab": "all", "q": "PRINTER"})) == {queues["teammate"].number}
        # sorting
        rows = as_agent.get(url, {"tab": "open", "sort": "priority"}).context["object_list"]
        assert rows[0] == high
        rows = as_agent.get(url, {"tab": "open", "sort": "-created"}).context["object_list"]
        assert rows[0] == high and list(rows) == sorted(rows, key=lambda i: i.created_at, reverse=True)
        rows = list(as_agent.get(url, {"tab": "open", "sort": "-updated"}).context["object_list"])
        assert rows == sorted(rows, key=lambda i: i.updated_at, reverse=True)

    def test_a_bad_filter_is_shown_next_to_it(self, as_agent, queues):
        response = as_agent.get(reverse("incidents:queue"), {"tab": "all", "priority": "9"})
        assert response.status_code == 200
        assert not response.context["object_list"]
        assert "Select a valid choice" in response.content.decode()

    def test_htmx_gets_only_the_results_and_the_tab_out_of_band(self, as_agent, queues):
        response = as_agent.get(reverse("incidents:queue"), {"tab": "breached"},
                                HTTP_HX_REQUEST="true", HTTP_HX_TARGET="queue-results")
        html = response.content.decode()
        assert "<html" not in html and 'id="queue-results"' in html
        assert 'id="queue-tab" hx-swap-oob="true"' in html and 'value="breached"' in html
        assert queues["breached"].number in html and queues["mine"].number not in html
        assert "HX-Request" in response["Vary"]
        full = as_agent.get(reverse("incidents:queue"), {"tab": "breached"})
        assert "<html" in full.content.decode() and "hx-swap-oob" not in full.content.decode()


class TestQueuePages:
    """The queue with rows of its own (no :func:`queues`)."""

    def test_pages(self, as_agent, desk):
        for n in range(30):
            services.incident_create(title=f"Bulk {n}", actor=desk["agent"], service=desk["service"])
        url = reverse("incidents:queue")
        first = as_agent.get(url, {"tab": "open"})
        assert len(first.context["object_list"]) == 25 and first.context["page_obj"].paginator.count == 30
        assert "page=2" in first.content.decode()
        second = as_agent.get(url, {"tab": "open", "page": 2})
        assert len(second.context["object_list"]) == 5
        assert as_agent.get(url, {"tab": "open", "page": 99}).status_code == 200  # the last page

    def test_the_number_of_queries_does_not_grow_with_the_rows(self, as_agent, desk, make_user):
        customer_contacts = [ContactFactory(customer__tier=tier) for tier in ("vip", "gold", "standard")]

        def add(count):
            for n in range(count):
                incident = services.incident_create(
                    title=f"Row {n}", actor=desk["agent"], service=desk["service"],
                    contact=customer_contacts[n % 3], ci=ConfigurationItemFactory(service=desk["service"]))
                services.incident_assign(incident=incident, actor=desk["agent"],
                                         assignee=desk["agent"] if n % 2 else desk["other"])

        def queries():
            with CaptureQueriesContext(connection) as ctx:
                response = as_agent.get(reverse("incidents:queue"), {"tab": "open", "sort": "-created"})
            assert response.status_code == 200
            return len(response.context["object_list"]), len(ctx.captured_queries)

        add(2)
        rows_few, few = queries()
        add(10)
        rows_many, many = queries()
        assert (rows_few, rows_many) == (2, 12)
        assert many == few, f"{few} queries for 2 rows, {many} for 12"
        assert many <= 20


class TestBulkAssign:
    """Every test acts on the same queues (:func:`_class_queues`), rolled back after each."""

    @pytest.fixture
    def queues(self, _class_queues, desk):
        return _copies(_class_queues)

    def test_each_row_goes_through_the_service_and_refusals_are_reported(self, as_agent, desk, queues):
        open_one, unassigned, done = queues["teammate"], queues["unassigned"], queues["done"]
        response = as_agent.post(reverse("incidents:bulk-assign"), {
            "bulk-ids": [open_one.pk, unassigned.pk, done.pk], "bulk-assignee": desk["agent"].pk,
            "next": reverse("incidents:queue") + "?tab=team"}, follow=True)
        assert response.redirect_chain[-1][0] == reverse("incidents:queue") + "?tab=team"
        text = messages_of(response)
        assert any(open_one.number in m and unassigned.number in m and m.startswith("Assigned") for m in text)
        assert any(m.startswith(f"{done.number} was not assigned") and "resolved" in m for m in text)
        assert {i.assignee for i in Incident.objects.filter(pk__in=[open_one.pk, unassigned.pk])} == {desk["agent"]}
        done.refresh_from_db()
        assert done.assignee is None

    def test_someone_outside_the_team_is_refused_per_row(self, as_agent, desk, queues, make_user):
        outsider = make_user(Role.AGENT, username="olga")
        response = as_agent.post(reverse("incidents:bulk-assign"), {
            "bulk-ids": [queues["unassigned"].pk], "bulk-assignee": outsider.pk, "bulk-team": desk["team"].pk},
            follow=True)
        assert any("not a member" in m for m in messages_of(response))
        queues["unassigned"].refresh_from_db()
        assert queues["unassigned"].assignee is None

    def test_nothing_ticked_or_nobody_chosen(self, as_agent, desk, queues):
        response = as_agent.post(reverse("incidents:bulk-assign"), {"bulk-assignee": desk["agent"].pk}, follow=True)
        assert "Tick the incidents to assign." in messages_of(response)
        response = as_agent.post(reverse("incidents:bulk-assign"), {"bulk-ids": [queues["unassigned"].pk]},
                                 follow=True)
        assert "Choose an assignee, a team or both." in messages_of(response)

    def test_the_next_address_stays_on_this_site(self, as_agent, desk, queues):
        response = as_agent.post(reverse("incidents:bulk-assign"), {
            "bulk-ids": [queues["unassigned"].pk], "bulk-team": desk["team"].pk, "next": "https://evil.example/"})
        assert response["Location"] == reverse("incidents:queue")


# --- the incident page and its actions -------------------------------------------------------
class TestIncidentPage:
    def test_buttons_follow_state_and_permission(self, as_agent, desk):
        incident = report(desk)

        def offered():
            html = as_agent.get(incident.get_absolute_url()).content.decode()
            return {name for name in ("take", "assign", "start", "hold", "resume", "resolve", "close", "reopen",
                                      "link", "unlink", "edit") if f'data-action="{name}"' in html}

        assert offered() == {"take", "assign", "start", "resolve", "link", "edit"}
        services.incident_start(incident=incident, actor=desk["agent"])
        assert offered() == {"assign", "hold", "resolve", "link", "edit"}
        services.incident_hold(incident=incident, actor=desk["agent"], reason="waiting for the customer")
        assert offered() == {"assign", "resume", "resolve", "link", "edit"}
        services.incident_resolve(incident=incident, actor=desk["agent"], resolution_code="fixed", resolution="ok")
        assert offered() == {"close", "reopen"}
        services.incident_close(incident=incident, actor=desk["agent"])
        assert offered() == set()

    def test_related_records_and_timeline(self, as_agent, desk):
        ci = ConfigurationItemFactory(name="core-db-01", service=desk["service"])
        CIRelationFactory(source=ci, target=ConfigurationItemFactory(name="san-02"), kind="runs_on")
        master = report(desk, title="Internet banking down for everyone")
        incident = report(desk, ci=ci, description="Since 9:00")
        other = report(desk, title="Login page slow")
        services.incident_link(incident=incident, actor=desk["agent"], parent=master)
        services.incident_add_note(incident=incident, actor=desk["agent"], body="Checked the DB", visibility="internal")
        services.incident_add_note(incident=incident, actor=desk["agent"], body="We are on it", visibility="public")
        services.incident_hold(incident=services.incident_start(incident=incident, actor=desk["agent"]),
                               actor=desk["agent"], reason="waiting for the vendor")
        response = as_agent.get(incident.get_absolute_url() + "?show=notes,messages,changes,sla,deliveries")
        html = response.content.decode()
        assert "Acme" in html and "tier-vip" in html and "+302101234567" in html
        assert "core-db-01" in html and "runs on" in html and "san-02" in html
        assert master.number in html and other.number in html  # master; other open on the service
        kinds = [entry.kind for entry in response.context["timeline"].entries]
        assert {"change", "note", "sla", "delivery"} <= set(kinds)
        notes = [e for e in response.context["timeline"].entries if e.kind == "note"]
        assert [(n.body, n.internal) for n in notes] == [("We are on it", False), ("Checked the DB", True)]
        held = [e for e in response.context["timeline"].entries if e.kind == "change" and "on hold" in e.title.lower()]
        assert held and ("status", "In progress", "On hold") in [(str(a), b, c) for a, b, c in held[0].changes]
        assert held[0].who == desk["agent"]
        times = [entry.at for entry in response.context["timeline"].entries]
        assert times == sorted(times, reverse=True)  # newest first, under the composer
        assert Delivery.objects.filter(related=f"incidents.incident:{incident.pk}").exists()

    def test_the_master_lists_its_duplicates(self, as_agent, desk):
        master = report(desk, title="Outage")
        child = services.incident_link(incident=report(desk), actor=desk["agent"], parent=master)
        html = as_agent.get(master.get_absolute_url()).content.decode()
        assert 'data-testid="children"' in html and child.number in html


class TestActions:
    def test_take_start_hold_resume_resolve_close_reopen(self, as_agent, desk):
        incident = report(desk)
        steps = [("take", {}, "assigned"), ("start", {}, "in_progress"),
                 ("hold", {"hold-reason": "waiting for the customer"}, "on_hold"), ("resume", {}, "in_progress"),
                 ("resolve", {"resolve-resolution_code": "fixed", "resolve-resolution": "Reset"}, "resolved"),
                 ("reopen", {"reopen-reason": "Still broken"}, "in_progress"),
                 ("resolve", {"resolve-resolution_code": "workaround", "resolve-resolution": "VPN"}, "resolved"),
                 ("close", {}, "closed")]
        for name, data, status in steps:
            response = as_agent.post(action_url(incident, name), data)
            assert response.status_code == 302 and response["Location"] == incident.get_absolute_url(), name
            incident.refresh_from_db()
            assert incident.status == status, name
        assert incident.assignee == desk["agent"] and incident.resolution == "VPN"
        assert incident.reopen_count == 1 and incident.notes.get().body == "Reopened: Still broken"
        page = as_agent.get(incident.get_absolute_url())
        assert messages_of(page)[-1] == f"{incident.number} is closed."

    def test_assign_to_someone_and_a_team(self, as_agent, desk):
        incident = report(desk)
        response = as_agent.post(action_url(incident, "assign"), {"assign-assignee": desk["other"].pk,
                                                                  "assign-team": desk["team"].pk})
        assert response.status_code == 302
        incident.refresh_from_db()
        assert (incident.assignee, incident.team, incident.status) == (desk["other"], desk["team"], "assigned")

    def test_input_errors_are_shown_next_to_the_field(self, as_agent, desk, make_user):
        incident = services.incident_start(incident=report(desk), actor=desk["agent"])
        response = as_agent.post(action_url(incident, "hold"), {"hold-reason": ""})
        assert response.status_code == 400
        assert response.context["forms"]["hold"].errors["reason"]
        assert 'id="id_hold-reason_error"' in response.content.decode()
        response = as_agent.post(action_url(incident, "resolve"), {"resolve-resolution_code": "magic",
                                                                   "resolve-resolution": ""})
        assert response.status_code == 400
        assert set(response.context["forms"]["resolve"].errors) == {"resolution_code", "resolution"}
        assert response.context["open_form"] == "resolve"
        # an error only the service knows: the assignee is not in the team
        outsider = make_user(Role.AGENT, username="olga")
        response = as_agent.post(action_url(incident, "assign"), {"assign-assignee": outsider.pk,
                                                                  "assign-team": desk["team"].pk})
        assert response.status_code == 400
        assert "not a member" in str(response.context["forms"]["assign"].errors["assignee"])
        incident.refresh_from_db()
        assert incident.status == "in_progress" and incident.hold_reason == ""

    def test_a_lost_race_is_a_409_with_a_clear_message(self, as_agent, desk):
        incident = report(desk)
        page = as_agent.get(incident.get_absolute_url())
        assert 'data-action="resolve"' in page.content.decode()
        # meanwhile a colleague resolves it
        services.incident_resolve(incident=incident, actor=desk["other"], resolution_code="fixed",
                                  resolution="Fixed by Bob")
        response = as_agent.post(action_url(incident, "resolve"), {"resolve-resolution_code": "fixed",
                                                                   "resolve-resolution": "Fixed by Ann"})
        assert response.status_code == 409
        assert messages_of(response) == [
            "You cannot resolve an incident that is resolved. It is now resolved."]
        html = response.content.decode()
        assert 'class="message error"' in html and 'data-testid="status">Resolved' in html
        incident.refresh_from_db()
        assert incident.resolution == "Fixed by Bob"

    def test_reopen_after_the_window_is_refused(self, as_agent, desk, settings):
        incident = services.incident_resolve(incident=report(desk), actor=desk["agent"], resolution_code="fixed",
                                             resolution="ok")
        Incident.objects.filter(pk=incident.pk).update(resolved_at=datetime.now(UTC) - timedelta(days=30))
        response = as_agent.post(action_url(incident, "reopen"), {"reopen-reason": "again"})
        assert response.status_code == 409
        assert "within 7 days" in messages_of(response)[0]

    def test_link_by_number_and_unlink(self, as_agent, desk):
        master, incident = report(desk, title="Outage"), report(desk)
        response = as_agent.post(action_url(incident, "link"), {"link-parent": "INC999999"})
        assert response.status_code == 400 and "no incident INC999999" in response.content.decode()
        response = as_agent.post(action_url(incident, "link"), {"link-parent": incident.number})
        assert response.status_code == 400 and "own master" in str(response.context["forms"]["link"].errors)
        response = as_agent.post(action_url(incident, "link"), {"link-parent": str(master.pk)})
        assert response.status_code == 302
        incident.refresh_from_db()
        assert incident.parent == master
        assert as_agent.post(action_url(incident, "unlink")).status_code == 302
        incident.refresh_from_db()
        assert incident.parent is None

    def test_work_notes_and_comments(self, as_agent, desk):
        incident = report(desk)
        as_agent.post(action_url(incident, "note"), {"note-body": "Looked at the logs", "note-visibility": "internal"})
        as_agent.post(action_url(incident, "note"), {"note-body": "We are on it", "note-visibility": "public"})
        assert list(incident.notes.values_list("body", "visibility")) == [("Looked at the logs", "internal"),
                                                                          ("We are on it", "public")]
        incident.refresh_from_db()
        assert incident.acknowledged_at is not None  # the first comment acknowledged it
        response = as_agent.post(action_url(incident, "note"), {"note-body": "  ", "note-visibility": "internal"})
        assert response.status_code == 400 and response.context["forms"]["note"].errors["body"]

    def test_attachments_upload_and_download(self, as_agent, desk, settings, tmp_path):
        settings.MEDIA_ROOT = tmp_path
        incident = report(desk)
        upload = SimpleUploadedFile("error.png", b"\x89PNG fake", content_type="image/png")
        response = as_agent.post(action_url(incident, "attach"), {"attach-file": upload,
                                                                  "attach-visibility": "internal"})
        assert response.status_code == 302
        attachment = incident.attachments.get()
        download = as_agent.get(reverse("incidents:attachment", args=[incident.pk, attachment.pk]))
        assert download.status_code == 200 and b"".join(download.streaming_content) == b"\x89PNG fake"
        assert "attachment" in download["Content-Disposition"]
        # the requester does not get an internal file
        requester = Client()
        requester.force_login(desk["requester"])
        assert requester.get(reverse("incidents:attachment", args=[incident.pk, attachment.pk])).status_code == 404
        bad = SimpleUploadedFile("run.exe", b"MZ", content_type="application/x-msdownload")
        response = as_agent.post(action_url(incident, "attach"), {"attach-file": bad, "attach-visibility": "public"})
        assert response.status_code == 400 and "not accepted" in str(response.context["forms"]["attach"].errors)


# --- create and edit ------------------------------------------------------------------------------
class TestCreateAndEdit:
    def test_an_agent_records_an_incident_for_a_caller(self, as_agent, desk):
        response = as_agent.post(reverse("incidents:create"), {
            "title": "Card declined", "description": "At the shop", "service": desk["service"].pk,
            "contact": "+30 210 123 4567", "channel": "phone", "impact": 2, "urgency": 1,
            "assignee": desk["agent"].pk})
        incident = Incident.objects.get()
        assert response.status_code == 302 and response["Location"] == incident.get_absolute_url()
        assert incident.contact == desk["contact"] and incident.customer.tier == "vip"
        assert (incident.priority, incident.status, incident.assignee) == (2, "assigned", desk["agent"])
        assert incident.created_by == desk["agent"]

    def test_errors_are_shown_next_to_the_fields(self, as_agent, desk, make_user):
        other_service = ServiceFactory(name="E-mail")
        ci = ConfigurationItemFactory(service=other_service)
        response = as_agent.post(reverse("incidents:create"), {
            "title": "", "service": desk["service"].pk, "ci": ci.pk, "contact": "nobody@example.test",
            "channel": "phone", "impact": 7, "urgency": 1})
        assert response.status_code == 200
        errors = response.context["form"].errors
        assert set(errors) == {"title", "ci", "contact", "impact"}
        assert "No contact has nobody@example.test." in errors["contact"]
        html = response.content.decode()
        assert 'id="id_title_error"' in html and 'data-testid="form-errors"' in html
        # an error only the service finds: the assignee is not in the chosen team
        response = as_agent.post(reverse("incidents:create"), {
            "title": "x", "channel": "phone", "impact": 2, "urgency": 2, "team": desk["team"].pk,
            "assignee": make_user(Role.AGENT, username="olga").pk})
        assert "not a member" in str(response.context["form"].errors["assignee"])
        assert not Incident.objects.exists()

    def test_edit_changes_only_editable_fields_and_reprioritises(self, as_agent, desk):
        incident = report(desk)
        page = as_agent.get(reverse("incidents:edit", args=[incident.pk]))
        assert page.status_code == 200 and "team" not in page.context["form"].fields
        assert page.context["form"].initial["contact"] == desk["contact"].email
        data = {"title": "Cannot log in (all browsers)", "description": "", "service": desk["service"].pk,
                "contact": desk["contact"].email, "channel": incident.channel, "impact": 1, "urgency": 1,
                "team": TeamFactory().pk, "status": "closed"}
        response = as_agent.post(reverse("incidents:edit", args=[incident.pk]), data)
        assert response.status_code == 302
        incident.refresh_from_db()
        assert (incident.title, incident.priority, incident.team, incident.status) == (
            "Cannot log in (all browsers)", 1, desk["team"], "new")
        assert incident.history.first().history_change_reason == "edited"
        # the same again changes nothing
        response = as_agent.post(reverse("incidents:edit", args=[incident.pk]), data, follow=True)
        assert "Nothing changed." in messages_of(response)

    def test_edit_errors_and_a_resolved_incident(self, as_agent, desk):
        incident = report(desk)
        data = {"title": "", "channel": "portal", "impact": 2, "urgency": 2}
        response = as_agent.post(reverse("incidents:edit", args=[incident.pk]), data)
        assert response.status_code == 200 and "title" in response.context["form"].errors
        services.incident_resolve(incident=incident, actor=desk["agent"], resolution_code="fixed", resolution="ok")
        response = as_agent.post(reverse("incidents:edit", args=[incident.pk]), {**data, "title": "New title"})
        assert response.status_code == 409
        assert "cannot be edited" in messages_of(response)[0]
        incident.refresh_from_db()
        assert incident.title == "Cannot log in"


# --- the portal ------------------------------------------------------------------------------------
class TestPortal:
    def test_a_requester_sees_only_their_own_open_first(self, client, desk, make_user):
        old = report(desk, title="Old and done")
        services.incident_resolve(incident=old, actor=desk["agent"], resolution_code="fixed", resolution="ok")
        current = report(desk, title="Printer jam")
        someone = make_user(Role.REQUESTER, username="sam")
        theirs = report(desk, actor=someone, title="Sam's problem")
        client.force_login(desk["requester"])
        response = client.get(reverse("portal:home"))
        assert [i.number for i in response.context["incidents"]] == [current.number, old.number]
        assert theirs.number not in response.content.decode()
        assert client.get(reverse("portal:incident", args=[theirs.pk])).status_code == 404

    def test_report_an_incident_in_plain_words(self, client, desk):
        # The portal's home is the service catalogue; the report form has its own page, linked from it.
        client.force_login(desk["requester"])
        assert reverse("portal:report") in client.get(reverse("portal:home")).content.decode()
        page = client.get(reverse("portal:report"))
        assert "I cannot work at all" in page.content.decode()
        response = client.post(reverse("portal:report"), {"title": "Cannot print", "description": "Paper jam",
                                                          "service": desk["service"].pk, "impact": 3, "urgency": 1})
        incident = Incident.objects.get()
        assert response.status_code == 302 and response["Location"] == reverse("portal:incident", args=[incident.pk])
        assert (incident.requester, incident.channel, incident.impact, incident.urgency) == (
            desk["requester"], "portal", 3, 1)
        assert incident.contact == desk["contact"]
        response = client.post(reverse("portal:report"), {"title": "", "impact": 9, "urgency": 1})
        assert response.status_code == 400 and set(response.context["form"].errors) == {"title", "impact"}

    def test_reports_posted_to_the_old_address_still_work(self, client, desk):
        client.force_login(desk["requester"])
        response = client.post(reverse("portal:home"), {"title": "Screen flickers", "impact": 3, "urgency": 2})
        incident = Incident.objects.get()
        assert response.status_code == 302 and response["Location"] == reverse("portal:incident", args=[incident.pk])
        response = client.post(reverse("portal:home"), {"title": "", "impact": 3, "urgency": 2})
        assert response.status_code == 400 and set(response.context["form"].errors) == {"title"}

    def test_the_portal_never_shows_work_notes(self, client, desk):
        incident = services.incident_start(incident=report(desk), actor=desk["agent"])
        services.incident_add_note(incident=incident, actor=desk["agent"], body="SECRET: the DBA broke it",
                                   visibility="internal")
        services.incident_add_note(incident=incident, actor=desk["agent"], body="We are restarting the service",
                                   visibility="public")
        client.force_login(desk["requester"])
        response = client.get(reverse("portal:incident", args=[incident.pk]))
        html = response.content.decode()
        assert "We are restarting the service" in html and "SECRET" not in html
        assert 'aria-current="step"' in html and "Being worked on" in html

    def test_the_requester_comments_and_the_assignee_hears(self, client, desk):
        incident = services.incident_start(incident=report(desk), actor=desk["agent"])
        client.force_login(desk["requester"])
        response = client.post(reverse("portal:incident", args=[incident.pk]), {"kind": "comment",
                                                                                "body": "It works again"})
        assert response.status_code == 302
        note = IncidentNote.objects.get()
        assert (note.body, note.visibility, note.author) == ("It works again", "public", desk["requester"])
        response = client.post(reverse("portal:incident", args=[incident.pk]), {"kind": "comment", "body": ""})
        assert response.status_code == 400 and response.context["form"].errors["body"]

    def test_staff_may_visit_the_portal(self, as_agent, desk):
        incident = report(desk)
        assert as_agent.get(reverse("portal:home")).status_code == 200
        assert as_agent.get(reverse("portal:report")).status_code == 200
        html = as_agent.get(reverse("portal:incident", args=[incident.pk])).content.decode()
        assert incident.number in html


# --- home -------------------------------------------------------------------------------------------
class TestHome:
    def test_the_agent_home_shows_my_queue(self, as_agent, queues):
        response = as_agent.get(reverse("home"))
        assert [i.number for i in response.context["my_incidents"]] == [queues["mine"].number]
        assert response.context["queue_counts"] == {"mine": 1, "team": 5, "unassigned": 4, "breached": 1}
        assert 'data-testid="sla-clock"' in response.content.decode()

    def test_the_requester_home_points_to_the_portal(self, client, desk):
        report(desk)
        client.force_login(desk["requester"])
        html = client.get(reverse("home")).content.decode()
        assert reverse("portal:home") in html and "My incidents (1 open)" in html
