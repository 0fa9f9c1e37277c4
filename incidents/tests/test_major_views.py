"""The major-incident pages through Django's test client: who may open and do what, each
war-room action (and that bad input changes nothing), the postmortem page, spike alerts,
declaring from the incident page, and the query budget of the list and the war room."""

import copy
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from catalog.tests.factories import ServiceFactory, TeamFactory, UserFactory
from core.roles import Role
from incidents import services
from incidents.choices import SpikeAlertStatus, TaskStatus, TeamRole
from incidents.models import (
    Incident,
    MajorIncident,
    MajorIncidentMember,
    MajorIncidentTask,
    Postmortem,
    SpikeAlert,
    SpikeRule,
    StakeholderUpdate,
)
from tests.module_data import built_once

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]


@pytest.fixture(scope="module")
def _desk(django_db_setup, django_db_blocker):
    """:func:`_build_desk` once for the module (:func:`tests.module_data.built_once`)."""
    yield from built_once(django_db_blocker, _build_desk, eager_tasks=True)


@pytest.fixture
def desk(_desk, db):
    """Each test its own copies of the records, and the incident as it stands in the database
    (a test changes them in memory too: declaring the incident major, logging a person in)."""
    built = {name: copy.copy(record) for name, record in _desk.items()}
    built["incident"] = Incident.objects.get(pk=_desk["incident"].pk)
    return built


def _build_desk():
    """A service owned by a team with a manager; an agent on the team, an agent who is not,
    a requester who reported an incident."""
    boss = UserFactory(roles=[Role.MANAGER], username="mia", first_name="Mia", last_name="Manager")
    tech = UserFactory(roles=[Role.AGENT], username="tom", first_name="Tom", last_name="Tech")
    olga = UserFactory(roles=[Role.AGENT], username="olga", first_name="Olga", last_name="Outsider")
    team = TeamFactory(name="Payments ops", manager=boss)
    team.members.add(tech)
    service = ServiceFactory(name="Card payments", owner_team=team)
    rita = UserFactory(roles=[Role.REQUESTER], username="rita")
    incident = services.incident_create(title="Card payments fail", actor=rita, service=service)
    return {"boss": boss, "tech": tech, "olga": olga, "team": team, "service": service, "rita": rita,
            "incident": incident}


def declare(desk, **kwargs) -> MajorIncident:
    return services.major_incident_declare(incident=desk["incident"], actor=desk["boss"],
                                           summary="Card payments down", **kwargs)


def url(major, action=None):
    if action is None:
        return reverse("major:detail", args=[major.pk])
    return reverse("major:action", args=[major.pk, action])


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


def fresh(major) -> MajorIncident:
    return MajorIncident.objects.get(pk=major.pk)


@pytest.fixture
def as_boss(client, desk):
    client.force_login(desk["boss"])
    return client


# --- who may open what ------------------------------------------------------------------------
class TestPermissions:
    def test_anonymous_people_are_sent_to_log_in(self, client, desk):
        major = declare(desk)
        for address in (reverse("major:list"), url(major), reverse("major:live", args=[major.pk]),
                        reverse("major:postmortem", args=[major.pk])):
            response = client.get(address)
            assert response.status_code == 302 and response["Location"].startswith("/login/"), address
        assert client.post(url(major, "mobilise")).status_code == 302
        assert fresh(major).status == "declared"

    def test_an_expired_session_reloads_the_polling_page(self, client, desk):
        major = declare(desk)
        response = client.get(reverse("major:live", args=[major.pk]), HTTP_HX_REQUEST="true")
        assert response.status_code == 204 and response["HX-Refresh"] == "true"

    def test_requesters_get_403_everywhere(self, client, desk):
        major = declare(desk)
        rule = SpikeRule.objects.create(service=desk["service"], threshold=5)
        alert = SpikeAlert.objects.create(rule=rule, service=desk["service"], count=9, window_start=timezone.now(),
                                          window_end=timezone.now())
        client.force_login(desk["rita"])
        for address in (reverse("major:list"), url(major), reverse("major:live", args=[major.pk]),
                        reverse("major:postmortem", args=[major.pk]), reverse("major:spike", args=[alert.pk])):
            assert client.get(address).status_code == 403, address
        assert client.post(url(major, "mobilise")).status_code == 403
        assert client.post(reverse("major:spike-decide", args=[alert.pk, "dismiss"])).status_code == 403
        other = services.incident_create(title="Another", actor=desk["rita"])
        assert client.post(reverse("major:declare", args=[other.pk]),
                           {"declare-summary": "x", "declare-impact": "major_outage"}).status_code == 403
        assert fresh(major).status == "declared" and MajorIncident.objects.count() == 1
        assert SpikeAlert.objects.get().status == "open"

    def test_an_agent_without_the_permission_views_but_cannot_declare(self, client, desk):
        client.force_login(desk["olga"])
        page = client.get(desk["incident"].get_absolute_url())
        assert page.status_code == 200 and b'data-testid="declare-form"' not in page.content
        response = client.post(reverse("major:declare", args=[desk["incident"].pk]),
                               {"declare-summary": "Card payments down", "declare-impact": "major_outage"})
        assert response.status_code == 403
        assert "Only managers" in " ".join(messages_of(response))
        assert not MajorIncident.objects.exists() and not Incident.objects.get(pk=desk["incident"].pk).is_major

        major = declare(desk)
        assert client.get(reverse("major:list")).status_code == 200
        room = client.get(url(major))
        assert room.status_code == 200
        assert room.context["actions"] == [] and not room.context["can_work"]
        assert b'data-action="mobilise"' not in room.content and b'data-testid="task-form"' not in room.content
        refused = client.post(url(major, "mobilise"))
        assert refused.status_code == 403 and fresh(major).status == "declared"
        refused = client.post(url(major, "add-task"), {"task-title": "Check the gateway"})
        assert refused.status_code == 403 and not MajorIncidentTask.objects.exists()
        assert "Only the major incident team" in " ".join(messages_of(refused))

    def test_an_agent_with_the_permission_may_declare(self, client, desk):
        desk["olga"].user_permissions.add(Permission.objects.get(codename="declare_majorincident"))
        client.force_login(desk["olga"])
        assert b'data-testid="declare-form"' in client.get(desk["incident"].get_absolute_url()).content
        response = client.post(reverse("major:declare", args=[desk["incident"].pk]),
                               {"declare-summary": "Card payments down", "declare-impact": "partial_outage"})
        major = MajorIncident.objects.get()
        assert response.status_code == 302 and response["Location"] == url(major)
        assert major.impact == "partial_outage" and major.manager == desk["olga"]

    def test_the_navigation_has_major_incidents_for_staff(self, client, desk):
        client.force_login(desk["tech"])
        labels = [str(item["label"]) for item in client.get("/").context["nav_items"]]
        assert "Major incidents" in labels
        client.force_login(desk["rita"])
        labels = [str(item["label"]) for item in client.get("/").context["nav_items"]]
        assert "Major incidents" not in labels


# --- declaring from the incident page -----------------------------------------------------------
class TestDeclare:
    def test_a_manager_declares_and_lands_in_the_war_room(self, as_boss, desk):
        page = as_boss.get(desk["incident"].get_absolute_url())
        assert b'data-testid="declare-form"' in page.content and b'data-testid="major-banner"' not in page.content
        response = as_boss.post(reverse("major:declare", args=[desk["incident"].pk]),
                                {"declare-summary": "Card payments down", "declare-impact": "major_outage"},
                                follow=True)
        major = MajorIncident.objects.get()
        assert response.redirect_chain == [(url(major), 302)]
        assert major.summary == "Card payments down" and major.incident_id == desk["incident"].pk
        assert "war room" in " ".join(messages_of(response))
        # The incident page now links to the war room and offers no second declaration.
        page = as_boss.get(desk["incident"].get_absolute_url())
        assert b'data-testid="major-banner"' in page.content and url(major).encode() in page.content
        assert b'data-testid="declare-form"' not in page.content

    def test_a_summary_is_required(self, as_boss, desk):
        response = as_boss.post(reverse("major:declare", args=[desk["incident"].pk]),
                                {"declare-summary": "  ", "declare-impact": "major_outage"})
        assert response.status_code == 400
        assert response.context["forms"]["declare"].errors["summary"]
        assert response.context["open_form"] == "declare"
        assert not MajorIncident.objects.exists()

    def test_declaring_twice_is_a_message_not_an_error_page(self, as_boss, desk):
        declare(desk)
        response = as_boss.post(reverse("major:declare", args=[desk["incident"].pk]),
                                {"declare-summary": "Again", "declare-impact": "major_outage"})
        assert response.status_code == 409
        assert "already a major incident" in " ".join(messages_of(response))
        assert MajorIncident.objects.count() == 1

    def test_no_declare_form_on_a_linked_or_closed_incident(self, as_boss, desk):
        major = declare(desk)
        child = services.incident_create(title="Cannot pay", actor=desk["rita"], service=desk["service"])
        assert child.parent_id == major.incident_id
        page = as_boss.get(child.get_absolute_url())
        assert b'data-testid="declare-form"' not in page.content
        assert b'data-testid="major-banner"' in page.content  # linked to the major incident's master
        response = as_boss.post(reverse("major:declare", args=[child.pk]),
                                {"declare-summary": "Child", "declare-impact": "major_outage"})
        assert response.status_code == 409 and "declare on the master" in " ".join(messages_of(response))


# --- the list -----------------------------------------------------------------------------------
class TestList:
    def test_active_first_with_the_linked_count(self, as_boss, desk, make_user):
        major = declare(desk)
        for n in range(3):
            services.incident_create(title=f"Cannot pay {n}", actor=desk["rita"], service=desk["service"])
        other_service = ServiceFactory(name="Mail")
        old = services.incident_create(title="Mail down", actor=desk["boss"], service=other_service)
        old_major = services.major_incident_declare(incident=old, actor=desk["boss"], summary="Mail down")
        services.major_incident_transition(major=old_major, actor=desk["boss"], action="resolve",
                                           resolution="Restarted")
        response = as_boss.get(reverse("major:list"))
        assert response.status_code == 200
        rows = list(response.context["majors"])
        assert rows[0].pk == major.pk and rows[0].linked_count == 3
        assert rows[1].pk == old_major.pk and rows[1].linked_count == 0
        content = response.content.decode()
        assert "Card payments down" in content and major.incident.number in content

    def test_the_number_of_queries_does_not_grow_with_the_rows(self, as_boss, desk, django_assert_max_num_queries):
        def add(count):
            for n in range(count):
                service = ServiceFactory(name=f"Service {MajorIncident.objects.count()}-{n}")
                incident = services.incident_create(title=f"Down {n}", actor=desk["boss"], service=service)
                services.major_incident_declare(incident=incident, actor=desk["boss"], summary=f"Down {n}")
                services.incident_create(title=f"Also down {n}", actor=desk["rita"], service=service)

        def queries() -> int:
            from django.db import connection
            from django.test.utils import CaptureQueriesContext

            with CaptureQueriesContext(connection) as ctx:
                assert as_boss.get(reverse("major:list")).status_code == 200
            return len(ctx.captured_queries)

        add(2)
        few = queries()
        add(8)
        many = queries()
        assert many == few, f"{few} queries for 2 rows, {many} for 10"
        with django_assert_max_num_queries(12):
            as_boss.get(reverse("major:list"))


# --- the war room -------------------------------------------------------------------------------
class TestWarRoom:
    def test_the_page_shows_the_bridge_team_timeline_and_the_live_partial(self, as_boss, desk):
        major = declare(desk)
        services.incident_create(title="Cannot pay", actor=desk["rita"], service=desk["service"])
        response = as_boss.get(url(major))
        content = response.content.decode()
        assert response.status_code == 200
        assert major.bridge_pin in content and major.bridge_number in content
        assert response.context["actions"] == ["mobilise", "contain", "resolve"]
        assert response.context["major"].linked_count == 1
        assert 'hx-trigger="every 10s"' in content and reverse("major:live", args=[major.pk]) in content
        assert "declared a major incident" in content
        assert major.incident.get_absolute_url() in content
        assert [m.user.username for m in response.context["members"]] == ["mia"]
        live = as_boss.get(reverse("major:live", args=[major.pk]), HTTP_HX_REQUEST="true")
        text = live.content.decode()
        assert live.status_code == 200 and "declared a major incident" in text
        assert 'hx-swap-oob="true"' in text and "<form" not in text  # only the live block, no forms
        assert 'data-testid="linked-count">1<' in text


    def test_the_live_part_refreshes_as_often_as_configured(self, as_boss, desk, settings):
        major = declare(desk)
        settings.MAJOR_INCIDENT_REFRESH_SECONDS = 3
        assert 'hx-trigger="every 3s"' in as_boss.get(url(major)).content.decode()
        live = as_boss.get(reverse("major:live", args=[major.pk]), HTTP_HX_REQUEST="true")
        assert 'hx-trigger="every 3s"' in live.content.decode()
    def test_the_lifecycle_buttons_move_it_along(self, as_boss, desk):
        major = declare(desk)
        response = as_boss.post(url(major, "mobilise"))
        assert response.status_code == 302 and response["Location"] == url(major)
        assert fresh(major).status == "mobilised"
        assert as_boss.get(url(major)).context["actions"] == ["contain", "resolve"]
        as_boss.post(url(major, "contain"))
        assert fresh(major).status == "contained"

    def test_resolve_asks_for_a_resolution(self, as_boss, desk):
        major = declare(desk)
        response = as_boss.post(url(major, "resolve"), {"resolve-resolution": "   "})
        assert response.status_code == 400
        assert response.context["forms"]["resolve"].errors["resolution"]
        assert response.context["open_form"] == "resolve"
        assert fresh(major).status == "declared"
        response = as_boss.post(url(major, "resolve"), {"resolve-resolution": "Failed over to the spare gateway."})
        assert response.status_code == 302
        assert fresh(major).status == "resolved"
        assert Incident.objects.get(pk=desk["incident"].pk).status == "resolved"

    def test_review_waits_for_a_complete_postmortem_then_close(self, as_boss, desk):
        major = declare(desk)
        services.major_incident_transition(major=major, actor=desk["boss"], action="resolve", resolution="Fixed")
        assert as_boss.get(url(major)).context["actions"] == ["review"]
        response = as_boss.post(url(major, "review"))
        assert response.status_code == 409
        assert "Complete the postmortem before the review." in " ".join(messages_of(response))
        assert fresh(major).status == "resolved"
        services.postmortem_save(major=major, actor=desk["boss"], summary="Gateway died", root_cause="Disk full",
                                 complete=True)
        assert as_boss.post(url(major, "review")).status_code == 302
        assert fresh(major).status == "reviewed"
        assert as_boss.get(url(major)).context["actions"] == ["close"]
        as_boss.post(url(major, "close"))
        assert fresh(major).status == "closed"

    def test_a_stale_button_shows_the_refusal(self, as_boss, desk):
        major = declare(desk)
        services.major_incident_transition(major=major, actor=desk["boss"], action="contain")
        response = as_boss.post(url(major, "mobilise"))  # the page still showed "mobilise"
        assert response.status_code == 409
        assert "cannot mobilise" in " ".join(messages_of(response))
        assert fresh(major).status == "contained"

    def test_unknown_actions_and_gets(self, as_boss, desk):
        major = declare(desk)
        assert as_boss.post(url(major, "explode")).status_code == 404
        assert as_boss.get(url(major, "mobilise")).status_code == 405
        assert fresh(major).status == "declared"


class TestTeam:
    def test_add_and_remove_a_member(self, as_boss, desk):
        major = declare(desk)
        response = as_boss.post(url(major, "add-member"), {"member-user": "TOM", "member-role": "technical_lead"})
        assert response.status_code == 302
        assert MajorIncidentMember.objects.get(major_incident=major, user=desk["tech"]).role == "technical_lead"
        response = as_boss.post(url(major, "remove-member"), {"remove-user": desk["tech"].pk})
        assert response.status_code == 302
        assert not MajorIncidentMember.objects.filter(major_incident=major, user=desk["tech"]).exists()

    def test_bad_members_are_refused_next_to_the_field(self, as_boss, desk):
        major = declare(desk)
        response = as_boss.post(url(major, "add-member"), {"member-user": "nobody", "member-role": "member"})
        assert response.status_code == 400 and response.context["forms"]["member"].errors["user"]
        response = as_boss.post(url(major, "add-member"), {"member-user": "rita", "member-role": "member"})
        assert response.status_code == 400
        assert "external expert" in " ".join(response.context["forms"]["member"].errors["user"])
        response = as_boss.post(url(major, "add-member"), {"member-user": "tom", "member-role": "chef"})
        assert response.status_code == 400 and response.context["forms"]["member"].errors["role"]
        assert list(major.members.values_list("user__username", flat=True)) == ["mia"]

    def test_the_incident_manager_cannot_be_removed(self, as_boss, desk):
        major = declare(desk)
        response = as_boss.post(url(major, "remove-member"), {"remove-user": desk["boss"].pk})
        assert response.status_code == 400
        assert "Name another incident manager first." in " ".join(messages_of(response))
        assert major.members.filter(user=desk["boss"]).exists()


class TestTasks:
    def test_add_a_task_with_owner_and_due_time(self, as_boss, desk):
        major = declare(desk)
        response = as_boss.post(url(major, "add-task"), {"task-title": "Check the gateway",
                                                         "task-assignee": desk["tech"].pk,
                                                         "task-due_at": "2030-01-02T10:30"})
        assert response.status_code == 302
        task = MajorIncidentTask.objects.get()
        assert task.title == "Check the gateway" and task.assignee == desk["tech"]
        assert task.due_at.year == 2030

    def test_bad_tasks_change_nothing(self, as_boss, desk):
        major = declare(desk)
        assert as_boss.post(url(major, "add-task"), {"task-title": ""}).status_code == 400
        assert as_boss.post(url(major, "add-task"), {"task-title": "X", "task-due_at": "soon"}).status_code == 400
        assert not MajorIncidentTask.objects.exists()
        services.major_incident_add_task(major=major, actor=desk["boss"], title="Call the vendor")
        response = as_boss.post(url(major, "add-task"), {"task-title": "call the vendor"})
        assert response.status_code == 400
        assert "already on the board" in " ".join(response.context["forms"]["task"].errors["title"])
        assert MajorIncidentTask.objects.count() == 1

    def test_two_people_never_take_the_same_task(self, client, desk):
        major = declare(desk)
        services.major_incident_add_member(major=major, actor=desk["boss"], user=desk["tech"])
        task = services.major_incident_add_task(major=major, actor=desk["boss"], title="Call the vendor")
        take = reverse("major:task", args=[major.pk, task.pk, "take"])
        client.force_login(desk["tech"])
        assert client.post(take, {"expected_status": "open"}).status_code == 302
        task.refresh_from_db()
        assert task.status == TaskStatus.IN_PROGRESS and task.assignee == desk["tech"]
        client.force_login(desk["boss"])  # saw it open too, presses a moment later
        response = client.post(take, {"expected_status": "open"})
        assert response.status_code == 409
        assert "Someone changed this task first" in " ".join(messages_of(response))
        task.refresh_from_db()
        assert task.assignee == desk["tech"]
        done = reverse("major:task", args=[major.pk, task.pk, "done"])
        assert client.post(done, {"expected_status": "in_progress"}).status_code == 302
        task.refresh_from_db()
        assert task.status == TaskStatus.DONE

    def test_cancel_and_bad_task_requests(self, as_boss, desk):
        major = declare(desk)
        task = services.major_incident_add_task(major=major, actor=desk["boss"], title="Call the vendor")
        assert as_boss.post(reverse("major:task", args=[major.pk, task.pk, "fly"]),
                            {"expected_status": "open"}).status_code == 404
        assert as_boss.post(reverse("major:task", args=[major.pk, task.pk, "cancel"])).status_code == 400
        assert as_boss.post(reverse("major:task", args=[major.pk, task.pk, "cancel"]),
                            {"expected_status": "open"}).status_code == 302
        task.refresh_from_db()
        assert task.status == TaskStatus.CANCELLED


class TestCommunications:
    def test_an_update_in_the_alert_shape(self, as_boss, desk):
        major = declare(desk)
        response = as_boss.post(url(major, "update"), {
            "update-audiences": ["public", "management"], "update-what": "Card payments",
            "update-where": "All shops", "update-event": "unplanned", "update-eta": "2030-01-02T10:30",
            "update-contact": "Service desk +302100000000", "update-body": "Payments fail; we are on it."})
        assert response.status_code == 302
        update = StakeholderUpdate.objects.get(what="Card payments")
        assert update.is_public and update.audiences == ["public", "management"]
        assert update.where == "All shops" and update.eta.year == 2030
        assert "Payments fail; we are on it." in as_boss.get(url(major)).content.decode()

    def test_bad_updates_change_nothing(self, as_boss, desk):
        major = declare(desk)
        before = StakeholderUpdate.objects.count()
        response = as_boss.post(url(major, "update"), {"update-what": "Card payments", "update-event": "unplanned"})
        assert response.status_code == 400 and response.context["forms"]["update"].errors["audiences"]
        assert response.context["open_form"] == "update"
        response = as_boss.post(url(major, "update"), {"update-audiences": ["martians"], "update-what": "x",
                                                       "update-event": "unplanned"})
        assert response.status_code == 400 and response.context["forms"]["update"].errors["audiences"]
        response = as_boss.post(url(major, "update"), {"update-audiences": ["public"], "update-what": " ",
                                                       "update-event": "unplanned"})
        assert response.status_code == 400 and response.context["forms"]["update"].errors["what"]
        assert StakeholderUpdate.objects.count() == before

    def test_the_announcement(self, as_boss, desk):
        major = declare(desk)
        response = as_boss.post(url(major, "announcement"), {"announcement-announcement": "Card payments are down."})
        assert response.status_code == 302 and fresh(major).announcement == "Card payments are down."
        response = as_boss.post(url(major, "announcement"), {"announcement-announcement": "x" * 1001})
        assert response.status_code == 400 and response.context["forms"]["announcement"].errors["announcement"]
        assert fresh(major).announcement == "Card payments are down."


# --- the postmortem -----------------------------------------------------------------------------
class TestPostmortem:
    def form_data(self, desk, **changes):
        data = {"pm-summary": "The gateway died", "pm-root_cause": "A full disk",
                "pm-contributing_factors": "No disk alert",
                "pm-timeline": "2030-01-02 10:00 | Gateway stopped\n\n2030-01-02T10:30:00+00:00 | Failed over",
                "pm-problem": "", "pm-change": "",
                "actions-TOTAL_FORMS": "2", "actions-INITIAL_FORMS": "0", "actions-MIN_NUM_FORMS": "0",
                "actions-MAX_NUM_FORMS": "50",
                "actions-0-title": "Alert on disk space", "actions-0-owner": str(desk["tech"].pk),
                "actions-0-due_at": "2030-02-01",
                "actions-1-title": "", "actions-1-owner": "", "actions-1-due_at": ""}
        data.update(changes)
        return {k: v for k, v in data.items() if v is not None}

    def test_the_timeline_is_prefilled(self, as_boss, desk):
        major = declare(desk)
        response = as_boss.get(reverse("major:postmortem", args=[major.pk]))
        assert response.status_code == 200
        timeline = response.context["form"]["timeline"].value()
        assert "declared a major incident" in timeline and " | " in timeline

    def test_save_complete_then_review(self, as_boss, desk):
        major = declare(desk)
        services.major_incident_transition(major=major, actor=desk["boss"], action="resolve", resolution="Fixed")
        address = reverse("major:postmortem", args=[major.pk])
        response = as_boss.post(address, self.form_data(desk, **{"pm-complete": "on", "pm-problem": "12"}))
        assert response.status_code == 302 and response["Location"] == url(major)
        record = services.postmortem_for(fresh(major))
        assert record.complete and record.problem == 12 and record.root_cause == "A full disk"
        assert [row["text"] for row in record.timeline] == ["Gateway stopped", "Failed over"]
        assert record.actions == [{"title": "Alert on disk space", "owner": desk["tech"].pk, "due_at": "2030-02-01"}]
        # The page shows it back as it was saved.
        page = as_boss.get(address)
        assert page.context["actions"].forms[0]["title"].value() == "Alert on disk space"
        assert as_boss.post(url(major, "review")).status_code == 302
        assert fresh(major).status == "reviewed"

    def test_bad_postmortems_change_nothing(self, as_boss, desk):
        major = declare(desk)
        address = reverse("major:postmortem", args=[major.pk])
        # complete before the resolution, and a timeline line without a time
        response = as_boss.post(address, self.form_data(desk, **{"pm-complete": "on"}))
        assert response.status_code == 400 and response.context["form"].errors["complete"]
        response = as_boss.post(address, self.form_data(desk, **{"pm-timeline": "yesterday | it broke"}))
        assert response.status_code == 400 and response.context["form"].errors["timeline"]
        services.major_incident_transition(major=major, actor=desk["boss"], action="resolve", resolution="Fixed")
        # an action with no owner cannot be part of a complete postmortem
        response = as_boss.post(address, self.form_data(desk, **{"pm-complete": "on", "actions-0-owner": ""}))
        assert response.status_code == 400
        assert "needs an owner" in " ".join(response.context["form"].non_field_errors())
        # a row with an owner but no title
        response = as_boss.post(address, self.form_data(desk, **{"actions-1-owner": str(desk["tech"].pk)}))
        assert response.status_code == 400 and response.context["actions"].forms[1].errors["title"]
        assert not Postmortem.objects.exists()

    def test_outsiders_cannot_write_it(self, client, desk):
        major = declare(desk)
        client.force_login(desk["olga"])
        address = reverse("major:postmortem", args=[major.pk])
        page = client.get(address)
        assert page.status_code == 200 and not page.context["editable"]
        response = client.post(address, TestPostmortem().form_data(desk))
        assert response.status_code == 403
        assert "Only the major incident team" in " ".join(messages_of(response))


# --- spike alerts -------------------------------------------------------------------------------
@pytest.fixture
def alert(desk):
    now = timezone.now()
    rule = SpikeRule.objects.create(service=desk["service"], window_minutes=15, threshold=5,
                                    baseline_multiplier=Decimal("3"))
    return SpikeAlert.objects.create(rule=rule, service=desk["service"], count=12, baseline=Decimal("2.50"),
                                     window_start=now - timedelta(minutes=15), window_end=now)


class TestSpikeAlerts:
    def test_the_alert_page_and_the_list(self, as_boss, alert):
        page = as_boss.get(reverse("major:spike", args=[alert.pk]))
        content = page.content.decode()
        assert page.status_code == 200, content
        assert 'data-testid="spike-count">12<' in content and 'data-testid="spike-baseline">2.50<' in content
        assert "Card payments" in content and "15 minutes" in content
        assert reverse("major:spike-decide", args=[alert.pk, "declare"]) in content
        listing = as_boss.get(reverse("major:list"))
        assert list(listing.context["alerts"]) == [alert]
        assert reverse("major:spike-decide", args=[alert.pk, "dismiss"]) in listing.content.decode()

    def test_declare_goes_to_the_new_war_room(self, as_boss, desk, alert):
        response = as_boss.post(reverse("major:spike-decide", args=[alert.pk, "declare"]))
        alert.refresh_from_db()
        assert alert.status == SpikeAlertStatus.DECLARED
        assert response.status_code == 302 and response["Location"] == url(alert.major_incident)
        assert alert.major_incident.incident_id == desk["incident"].pk  # the open report became the master

    def test_dismiss_and_a_second_click(self, as_boss, alert):
        listing = reverse("major:list")
        response = as_boss.post(reverse("major:spike-decide", args=[alert.pk, "dismiss"]), {"next": listing})
        assert response.status_code == 302 and response["Location"] == listing
        alert.refresh_from_db()
        assert alert.status == SpikeAlertStatus.DISMISSED
        response = as_boss.post(reverse("major:spike-decide", args=[alert.pk, "declare"]), follow=True)
        assert "already dismissed" in " ".join(messages_of(response))
        assert not MajorIncident.objects.exists()
        assert as_boss.post(reverse("major:spike-decide", args=[alert.pk, "ignore"])).status_code == 404

    def test_an_agent_without_the_permission_sees_no_buttons(self, client, desk, alert):
        client.force_login(desk["olga"])
        page = client.get(reverse("major:spike", args=[alert.pk]))
        assert page.status_code == 200 and b'data-action="declare"' not in page.content
        response = client.post(reverse("major:spike-decide", args=[alert.pk, "declare"]), follow=True)
        assert "Only managers" in " ".join(messages_of(response))
        alert.refresh_from_db()
        assert alert.status == SpikeAlertStatus.OPEN and not MajorIncident.objects.exists()


# --- the query budget ---------------------------------------------------------------------------
class TestQueryBudget:
    def test_the_war_room_does_not_grow_with_its_content(self, as_boss, desk, make_user,
                                                         django_assert_max_num_queries):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        major = declare(desk)

        def grow(count):
            start = MajorIncidentTask.objects.count()
            for n in range(start, start + count):
                person = make_user(Role.AGENT, username=f"helper{n}")
                services.major_incident_add_member(major=major, actor=desk["boss"], user=person,
                                                   role=TeamRole.MEMBER)
                services.major_incident_add_task(major=major, actor=desk["boss"], title=f"Task {n}",
                                                 assignee=person)
                services.incident_create(title=f"Cannot pay {n}", actor=desk["rita"], service=desk["service"])
                services.major_incident_post_update(major=major, actor=desk["boss"], audiences=["public"],
                                                    what=f"Update {n}")

        def queries(address) -> int:
            with CaptureQueriesContext(connection) as ctx:
                response = as_boss.get(address)
            assert response.status_code == 200
            return len(ctx.captured_queries)

        live = reverse("major:live", args=[major.pk])
        grow(2)
        few, few_live = queries(url(major)), queries(live)
        events_few = major.timeline.count()
        grow(12)
        many, many_live = queries(url(major)), queries(live)
        assert major.timeline.count() > events_few + 30
        assert major.members.count() == 15 and fresh(major).incident.children.count() == 14
        assert many == few, f"{few} queries with 2 of each, {many} with 14"
        assert many_live == few_live
        with django_assert_max_num_queries(16):
            as_boss.get(url(major))
        with django_assert_max_num_queries(10):
            as_boss.get(live)
