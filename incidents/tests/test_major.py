"""Major incidents through the services: declare, the lifecycle and its guards, the team
and the bridge, tasks, stakeholder updates, the reminder, resolve, the postmortem."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from catalog.tests.factories import ServiceFactory, TeamFactory
from core.errors import ConflictError, InvalidTransitionError
from core.roles import Role
from incidents import services, signals
from incidents.choices import Audience, IncidentStatus, TaskStatus, TeamRole, TimelineKind
from incidents.models import Incident, MajorIncident, StakeholderUpdate
from notifications.models import Delivery, StakeholderGroup
from sla.models import ServiceOutage

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(make_user):
    """A service owned by a team with a manager, a reporter, and an agent working it."""
    boss = make_user(Role.MANAGER, username="mia-manager", email="mia@example.test")
    tech = make_user(Role.AGENT, username="tom-tech", email="tom@example.test")
    team = TeamFactory(name="Payments ops", manager=boss)
    team.members.add(tech)
    service = ServiceFactory(name="Card payments", owner_team=team)
    rita = make_user(Role.REQUESTER, username="rita", email="rita@example.test")
    incident = services.incident_create(title="Card payments fail", actor=rita, service=service)
    services.incident_start(incident=incident, actor=tech)
    return {"boss": boss, "tech": tech, "team": team, "service": service, "rita": rita,
            "incident": Incident.objects.get(pk=incident.pk)}


def declare(desk, **kwargs):
    return services.major_incident_declare(incident=desk["incident"], actor=desk["boss"],
                                           summary="Card payments down", **kwargs)


class TestDeclare:
    def test_declare_makes_the_master_mobilises_and_notifies(self, desk, django_capture_on_commit_callbacks):
        received = []
        signals.major_incident_declared.connect(lambda sender, **kw: received.append(kw), weak=False,
                                                dispatch_uid="test-declared")
        try:
            with django_capture_on_commit_callbacks(execute=True):
                major = declare(desk)
        finally:
            signals.major_incident_declared.disconnect(dispatch_uid="test-declared")
        incident = Incident.objects.get(pk=desk["incident"].pk)
        assert incident.is_major and incident.priority == 1
        assert major.status == "declared" and major.manager == desk["boss"]
        assert len(major.bridge_pin) == 6 and major.bridge_pin.isdigit()
        roles = dict(major.members.values_list("user__username", "role"))
        assert roles == {"mia-manager": TeamRole.INCIDENT_MANAGER, "tom-tech": TeamRole.TECHNICAL_LEAD}
        # Every team member got the bridge PIN (SMS too); the reporter heard as an affected user.
        mobilise = Delivery.objects.filter(template="major-incident-mobilise")
        assert {d.user.username for d in mobilise} == {"mia-manager", "tom-tech"}
        assert all(major.bridge_pin in d.body for d in mobilise)
        assert Delivery.objects.filter(template="major-incident-update", user=desk["rita"]).exists()
        assert ServiceOutage.objects.get(service=desk["service"]).ended_at is None
        assert received == [{"major_incident_id": major.pk, "signal": signals.major_incident_declared}]
        assert "Card payments" in major.announcement

    def test_later_reports_link_to_the_master(self, desk):
        major = declare(desk)
        later = services.incident_create(title="Cannot pay", actor=desk["rita"], service=desk["service"])
        assert later.parent_id == major.incident_id
        assert major.timeline.filter(kind=TimelineKind.LINK).count() == 1

    def test_declaring_twice_is_refused(self, desk):
        declare(desk)
        with pytest.raises(InvalidTransitionError, match="already a major incident"):
            declare(desk)
        assert MajorIncident.objects.count() == 1

    def test_declaring_from_a_closed_incident_is_refused(self, desk):
        incident = desk["incident"]
        services.incident_resolve(incident=incident, actor=desk["tech"], resolution_code="fixed", resolution="ok")
        services.incident_close(incident=incident, actor=desk["tech"])
        with pytest.raises(InvalidTransitionError):
            declare(desk)
        assert not MajorIncident.objects.exists()
        assert not Incident.objects.get(pk=incident.pk).is_major

    def test_agents_need_the_permission(self, desk):
        with pytest.raises(PermissionDenied):
            services.major_incident_declare(incident=desk["incident"], actor=desk["tech"], summary="x")
        from django.contrib.auth.models import Permission

        desk["tech"].user_permissions.add(Permission.objects.get(codename="declare_majorincident"))
        tech = type(desk["tech"]).objects.get(pk=desk["tech"].pk)  # fresh permission cache
        major = services.major_incident_declare(incident=desk["incident"], actor=tech, summary="x")
        assert major.manager == tech

    def test_requesters_never_declare(self, desk):
        with pytest.raises(PermissionDenied):
            services.major_incident_declare(incident=desk["incident"], actor=desk["rita"], summary="x")

    def test_summary_is_required(self, desk):
        with pytest.raises(ValidationError) as exc:
            services.major_incident_declare(incident=desk["incident"], actor=desk["boss"], summary="  ")
        assert "summary" in exc.value.message_dict


class TestLifecycle:
    def test_resolve_resolves_children_ends_outage_and_review_needs_postmortem(self, desk,
                                                                                django_capture_on_commit_callbacks):
        major = declare(desk, at=timezone.now() - timedelta(hours=2))
        child = services.incident_create(title="Also broken", actor=desk["rita"], service=desk["service"])
        services.major_incident_transition(major=major, actor=desk["boss"], action="mobilise")
        services.major_incident_transition(major=major, actor=desk["boss"], action="contain")
        resolved = []
        signals.major_incident_resolved.connect(lambda sender, **kw: resolved.append(kw), weak=False,
                                                dispatch_uid="test-resolved")
        try:
            with django_capture_on_commit_callbacks(execute=True):
                services.major_incident_transition(major=major, actor=desk["boss"], action="resolve",
                                                   resolution="Rolled back the gateway release")
        finally:
            signals.major_incident_resolved.disconnect(dispatch_uid="test-resolved")
        assert resolved and resolved[0]["major_incident_id"] == major.pk
        assert Incident.objects.get(pk=child.pk).status == IncidentStatus.RESOLVED
        assert Incident.objects.get(pk=major.incident_id).status == IncidentStatus.RESOLVED
        outage = ServiceOutage.objects.get(service=desk["service"])
        assert outage.ended_at is not None and outage.ended_at > outage.started_at
        with pytest.raises(InvalidTransitionError, match="postmortem"):
            services.major_incident_transition(major=major, actor=desk["boss"], action="review")
        services.postmortem_save(major=major, actor=desk["boss"], summary="Bad release", root_cause="Config typo",
                                 actions=[{"title": "Lint configs", "owner": desk["tech"].pk,
                                           "due_at": "2026-12-01"}], complete=True)
        services.major_incident_transition(major=major, actor=desk["boss"], action="review")
        major = services.major_incident_transition(major=major, actor=desk["boss"], action="close")
        assert major.status == "closed" and major.closed_at is not None
        assert list(major.timeline.filter(kind=TimelineKind.TRANSITION).values_list("text", flat=True))[-1]

    def test_resolve_needs_a_resolution(self, desk):
        major = declare(desk)
        with pytest.raises(ValidationError):
            services.major_incident_transition(major=major, actor=desk["boss"], action="resolve", resolution="")
        assert MajorIncident.objects.get(pk=major.pk).status == "declared"

    def test_agents_who_do_not_run_it_cannot_transition(self, desk):
        major = declare(desk)
        with pytest.raises(PermissionDenied):
            services.major_incident_transition(major=major, actor=desk["tech"], action="mobilise")

    def test_skipping_states_is_refused(self, desk):
        major = declare(desk)
        with pytest.raises(InvalidTransitionError):
            services.major_incident_transition(major=major, actor=desk["boss"], action="close")

    def test_postmortem_complete_needs_root_cause_and_owners(self, desk):
        major = declare(desk)
        services.major_incident_transition(major=major, actor=desk["boss"], action="resolve", resolution="fixed")
        with pytest.raises(ValidationError) as exc:
            services.postmortem_save(major=major, actor=desk["boss"], summary="s", root_cause="",
                                     actions=[{"title": "a"}], complete=True)
        assert {"root_cause", "actions"} <= set(exc.value.message_dict)
        assert not MajorIncident.objects.get(pk=major.pk).postmortem_complete()

    def test_postmortem_timeline_is_prefilled_from_the_war_room(self, desk):
        major = declare(desk)
        services.major_incident_transition(major=major, actor=desk["boss"], action="mobilise")
        texts = [row["text"] for row in services.postmortem_for(major).timeline]
        assert any("declared" in t for t in texts) and any("Mobilised" in t for t in texts)


class TestTeamTasksUpdates:
    def test_member_added_gets_the_bridge(self, desk, make_user):
        major = declare(desk)
        comms = make_user(Role.AGENT, username="cleo-comms", email="cleo@example.test")
        services.major_incident_add_member(major=major, actor=desk["boss"], user=comms,
                                           role=TeamRole.COMMUNICATIONS_LEAD)
        delivery = Delivery.objects.get(template="major-incident-mobilise", user=comms, channel="email")
        assert major.bridge_pin in delivery.body and "Communications lead" in delivery.subject

    def test_requesters_join_only_as_external_experts(self, desk):
        major = declare(desk)
        with pytest.raises(ValidationError):
            services.major_incident_add_member(major=major, actor=desk["boss"], user=desk["rita"])
        member = services.major_incident_add_member(major=major, actor=desk["boss"], user=desk["rita"],
                                                    role=TeamRole.EXTERNAL_EXPERT)
        assert member.role == TeamRole.EXTERNAL_EXPERT

    def test_tasks_are_not_done_twice(self, desk):
        major = declare(desk)
        task = services.major_incident_add_task(major=major, actor=desk["boss"], title="Call the acquirer",
                                                due_at=timezone.now() + timedelta(minutes=15))
        with pytest.raises(ValidationError):
            services.major_incident_add_task(major=major, actor=desk["boss"], title="call the ACQUIRER")
        taken = services.major_incident_update_task(task=task, actor=desk["tech"], expected_status=TaskStatus.OPEN,
                                                    status=TaskStatus.IN_PROGRESS)
        assert taken.assignee == desk["tech"]
        with pytest.raises(ConflictError):
            services.major_incident_update_task(task=task, actor=desk["boss"], expected_status=TaskStatus.OPEN,
                                                status=TaskStatus.IN_PROGRESS)
        done = services.major_incident_update_task(task=task, actor=desk["tech"], status=TaskStatus.DONE)
        assert done.completed_at is not None

    def test_update_goes_to_each_audience(self, desk, make_user, django_capture_on_commit_callbacks):
        major = declare(desk)
        cio = make_user(Role.REQUESTER, username="cio", email="cio@example.test")
        group = StakeholderGroup.objects.create(name="Department heads")
        group.members.add(cio)
        group.services.add(desk["service"])
        posted = []
        signals.stakeholder_update_posted.connect(lambda sender, **kw: posted.append(kw), weak=False,
                                                  dispatch_uid="test-posted")
        try:
            with django_capture_on_commit_callbacks(execute=True):
                update = services.major_incident_post_update(
                    major=major, actor=desk["boss"], audiences=[Audience.STAKEHOLDERS, Audience.PUBLIC],
                    what="Card payments", where="All regions", eta=timezone.now() + timedelta(hours=1),
                    contact="desk@example.test", body="Payments fail at checkout.")
        finally:
            signals.stakeholder_update_posted.disconnect(dispatch_uid="test-posted")
        assert update.is_public
        mail = Delivery.objects.get(template="major-incident-update", user=cio, channel="email",
                                    related__endswith=f":{major.pk}",
                                    idempotency_key__contains=f"update:{update.pk}")
        assert "Where: All regions" in mail.body and "Contact: desk@example.test" in mail.body
        assert posted[-1] == {"major_incident_id": major.pk, "update_id": update.pk, "public": True,
                              "signal": signals.stakeholder_update_posted}

    def test_update_without_audience_is_refused(self, desk):
        major = declare(desk)
        before = StakeholderUpdate.objects.count()
        with pytest.raises(ValidationError) as exc:
            services.major_incident_post_update(major=major, actor=desk["boss"], audiences=[], what="x")
        assert "audiences" in exc.value.message_dict
        with pytest.raises(ValidationError):
            services.major_incident_post_update(major=major, actor=desk["boss"], audiences=["press"], what="x")
        assert StakeholderUpdate.objects.count() == before

    def test_reminder_fires_once_per_silent_period(self, desk, make_user):
        major = declare(desk)
        comms = make_user(Role.AGENT, username="cleo-comms")
        services.major_incident_add_member(major=major, actor=desk["boss"], user=comms,
                                           role=TeamRole.COMMUNICATIONS_LEAD)
        last = MajorIncident.objects.get(pk=major.pk).last_update_at
        assert services.major_incident_remind_updates(now=last + timedelta(minutes=29)) == 0
        assert services.major_incident_remind_updates(now=last + timedelta(minutes=31)) == 1
        services.major_incident_remind_updates(now=last + timedelta(minutes=35))  # same silent period
        reminders = Delivery.objects.filter(template="major-incident-reminder", channel="email")
        assert [d.user for d in reminders] == [comms]
        services.major_incident_post_update(major=major, actor=comms, audiences=["technical"], what="still down")
        later = MajorIncident.objects.get(pk=major.pk).last_update_at
        assert services.major_incident_remind_updates(now=later + timedelta(minutes=10)) == 0

    def test_announcement_change_signals_the_contact_center(self, desk, django_capture_on_commit_callbacks):
        major = declare(desk)
        seen = []
        signals.major_incident_announcement_changed.connect(lambda sender, **kw: seen.append(kw), weak=False,
                                                            dispatch_uid="test-ann")
        try:
            with django_capture_on_commit_callbacks(execute=True):
                services.major_incident_set_announcement(major=major, actor=desk["boss"],
                                                         announcement="Card payments are down; fix by 14:00.")
        finally:
            signals.major_incident_announcement_changed.disconnect(dispatch_uid="test-ann")
        assert seen[0]["announcement"] == "Card payments are down; fix by 14:00."
