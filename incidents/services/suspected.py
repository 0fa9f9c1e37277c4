"""Suspected major incidents: any agent may flag an incident as possibly major, not only the
people allowed to declare. A flag is the system's existing proposal — a :class:`SpikeAlert`,
here with no rule, the incident, who flagged it and why — so the duty manager finds it where
spike alerts wait (the major-incident list, ``spike-alerts/``, the one-click page) and
declares or dismisses it in one click with the same ``spike_alert_declare`` /
``spike_alert_dismiss``. Declaring a flag makes its incident the master.

Red Alert, the other side of a major incident: while one is public (an active major incident
with a public update), :func:`red_alerts` is what the portal and the help centre show, and
:func:`major_incident_me_too` links a customer who is affected to the master, as duplicates
are, instead of opening a new ticket."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.models import Service
from core.caching import ReadCache
from core.errors import InvalidTransitionError
from core.roles import Role, is_staff_member
from notifications.services import notify

from .. import signals
from ..choices import ACTIVE_MAJOR_STATUSES, Channel, Level, SpikeAlertStatus
from ..models import Incident, MajorIncident, SpikeAlert, StakeholderUpdate
from .incident import incident_create, incident_link_to_master
from .major import major_incident_declare


def duty_managers(incident: Incident) -> list[int]:
    """Who decides on a flag: the manager of the service's owner team, else every manager."""
    service = incident.service
    if service is not None and service.owner_team_id and service.owner_team.manager_id:
        return [service.owner_team.manager_id]
    return list(get_user_model().objects.filter(groups__name=Role.MANAGER, is_active=True)
                .values_list("pk", flat=True))


def open_flag(incident: Incident) -> SpikeAlert | None:
    return SpikeAlert.objects.filter(incident=incident, rule__isnull=True, status=SpikeAlertStatus.OPEN).first()


def may_flag(user, incident: Incident) -> bool:
    """Staff, on an open incident that is not major, not linked under a master, not flagged yet,
    with a service on which no major incident is active (the page's button reads this)."""
    return (is_staff_member(user) and incident.is_open and not incident.is_major and not incident.parent_id
            and incident.service_id is not None and open_flag(incident) is None
            and not MajorIncident.objects.filter(status__in=ACTIVE_MAJOR_STATUSES,
                                                 services=incident.service_id).exists())


@transaction.atomic
def incident_flag_major(*, incident: Incident | int, actor, reason: str, at: datetime | None = None) -> SpikeAlert:
    """An agent suspects a major incident: propose it to the duty manager (told at once, with
    the one-click page). A second flag on the same incident while one is open adds nothing and
    returns the open one."""
    if not is_staff_member(actor):
        raise PermissionDenied(_("Only service desk staff flag suspected major incidents."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Say why it may be a major incident.")]})
    pk = incident.pk if isinstance(incident, Incident) else incident
    incident = Incident.objects.select_for_update(of=("self",)).select_related("service__owner_team").get(pk=pk)
    if not incident.is_open or incident.is_major or incident.parent_id:
        raise InvalidTransitionError(
            _("Only an open incident that is not major and not linked under a master can be flagged."),
            incident.status)
    if incident.service_id is None:
        raise ValidationError({"service": [_("Name the affected service first: the flag is about a service.")]})
    existing = open_flag(incident)
    if existing is not None:
        return existing
    if MajorIncident.objects.filter(status__in=ACTIVE_MAJOR_STATUSES, services=incident.service_id).exists():
        raise InvalidTransitionError(_("A major incident is already active on %(service)s.")
                                     % {"service": incident.service}, incident.status)
    at = at or timezone.now()
    reports = Incident.objects.filter(service=incident.service_id, is_major=False,
                                      created_at__gte=incident.created_at).exclude(status__in=["resolved", "closed"])
    try:
        with transaction.atomic():
            alert = SpikeAlert(service_id=incident.service_id, incident=incident, flagged_by=actor,
                               reason=reason[:500], count=max(reports.count(), 1), window_start=incident.created_at,
                               window_end=at, created_at=at)
            alert._history_user = actor
            alert._change_reason = "flagged"
            alert.save()
    except IntegrityError:  # another agent flagged it at the same moment
        return open_flag(incident)
    who = actor.get_full_name() or actor.username
    notify(duty_managers(incident), "generic",
           {"subject": _("Suspected major incident on %(service)s: %(number)s")
            % {"service": incident.service.name, "number": incident.number},
            "body": _("%(who)s flagged %(number)s (%(title)s) as a possible major incident: %(reason)s\n"
                      "Declare it or dismiss it in one click.")
            % {"who": who, "number": incident.number, "title": incident.title, "reason": alert.reason}},
           ["email", "in_app", "sms"], idempotency_key=f"spike:{alert.pk}",
           related=f"incidents.spikealert:{alert.pk}", url=reverse("major:spike", args=[alert.pk]))
    return alert


def flagged_declare(*, alert: SpikeAlert, actor, summary: str = "", manager=None) -> SpikeAlert:
    """``spike_alert_declare`` for a flag (the alert is locked and open, no major incident is
    active on its service): the flagged incident becomes the master."""
    if manager is None and actor is None:
        manager = get_user_model().objects.filter(pk__in=duty_managers(alert.incident), is_active=True).first()
        if manager is None:
            raise ValidationError({"manager": [_("Nobody is on duty for %(service)s.") % {"service": alert.service}]})
    incident = alert.incident
    major = major_incident_declare(incident=incident, actor=actor, summary=summary.strip() or incident.title,
                                   manager=manager or actor, started_at=incident.created_at)
    alert.status, alert.major_incident = SpikeAlertStatus.DECLARED, major
    alert.decided_by, alert.decided_at = actor, timezone.now()
    alert._history_user = actor
    alert._change_reason = "declared"
    alert.save()
    flag_decided(alert=alert)
    return alert


def flag_decided(*, alert: SpikeAlert) -> None:
    """Tell the agent who flagged it what the duty manager decided."""
    if alert.rule_id is not None or alert.flagged_by_id is None:
        return
    number = alert.incident.number if alert.incident_id else ""
    declared = alert.status == SpikeAlertStatus.DECLARED
    subject = (_("%(number)s is declared a major incident") if declared
               else _("%(number)s: not a major incident")) % {"number": number}
    body = (_("The duty manager declared it, from your flag. The war room is open.") if declared
            else _("The duty manager looked at your flag and dismissed it."))
    url = alert.major_incident.get_absolute_url() if declared else reverse("incidents:detail", args=[alert.incident_id])
    notify([alert.flagged_by_id], "generic", {"subject": subject, "body": body}, ["in_app"],
           idempotency_key=f"spike:{alert.pk}:decided", related=f"incidents.spikealert:{alert.pk}", url=url)


# --- Red Alert: what the customer's screens show while a major incident is public -----------------
@dataclass(frozen=True)
class RedAlert:
    """An active major incident with a public update, as the portal and the help centre show it."""

    major_id: int
    summary: str
    services: tuple[tuple[int, str], ...]  # (id, name), by name
    update_body: str
    update_what: str
    update_at: datetime
    eta: datetime | None

    @property
    def service_ids(self) -> frozenset[int]:
        return frozenset(pk for pk, _name in self.services)


def red_alerts() -> list[RedAlert]:
    """Active major incidents with at least one public update, newest first, each with its
    affected services and its latest public update (three queries however many)."""
    public = StakeholderUpdate.objects.filter(is_public=True)
    majors = (MajorIncident.objects.filter(status__in=ACTIVE_MAJOR_STATUSES)
              .filter(Exists(public.filter(major_incident=OuterRef("pk"))))
              .only("id", "summary", "declared_at").order_by("-declared_at", "-id")
              .prefetch_related(Prefetch("services", queryset=Service.objects.only("id", "name").order_by("name")),
                                Prefetch("updates", queryset=public.order_by("-created_at", "-id"),
                                         to_attr="public_updates")))
    alerts = []
    for major in majors:
        latest = major.public_updates[0]
        alerts.append(RedAlert(major_id=major.pk, summary=major.summary,
                               services=tuple((s.pk, s.name) for s in major.services.all()),
                               update_body=latest.body, update_what=latest.what, update_at=latest.created_at,
                               eta=latest.eta))
    return alerts


#: The banner is on every help-centre and portal page: it is read through the shared cache
#: (no query on a cached page), which a public update or a resolution clears at once.
_RED_ALERT_CACHE = ReadCache("incidents:red-alert", ttl=30, label="Red Alert")


def red_alerts_cached() -> list[RedAlert]:
    """:func:`red_alerts` through the shared cache (at most 30 s old; cleared by the signals below)."""
    return _RED_ALERT_CACHE.cached("all", red_alerts)


red_alert_cache_clear = _RED_ALERT_CACHE.clear


def _red_alert_changed(sender=None, **kwargs) -> None:
    _RED_ALERT_CACHE.clear()


# Sent after commit by the major-incident services: a (public) update, a resolution.
signals.stakeholder_update_posted.connect(_red_alert_changed, dispatch_uid="incidents.red_alert.update")
signals.major_incident_resolved.connect(_red_alert_changed, dispatch_uid="incidents.red_alert.resolved")


@transaction.atomic
def major_incident_me_too(*, major: MajorIncident | int, actor, service: Service | int | None = None,
                          note: str = "") -> Incident:
    """"Me too" from the portal or the help centre: instead of a new ticket, the customer is
    linked to the master as duplicates are — a child incident of theirs under it (so they hear
    each update to the users' audience and the resolution). Once per person: a second click
    returns the open child they already have."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        raise PermissionDenied(_("Sign in to tell us you are affected."))
    pk = major.pk if isinstance(major, MajorIncident) else major
    major = MajorIncident.objects.select_related("incident").filter(pk=pk).first()
    if major is None or not StakeholderUpdate.objects.filter(major_incident=major, is_public=True).exists():
        raise ValidationError({"major_incident": [_("There is no such known problem.")]})
    if major.status not in ACTIVE_MAJOR_STATUSES:
        raise InvalidTransitionError(_("This problem is already solved. If you are still affected, report it."),
                                     major.status)
    master = major.incident
    mine = (Incident.objects.filter(Q(requester=actor) | Q(contact__user=actor))
            .filter(Q(pk=master.pk) | Q(parent=master)).exclude(status__in=["resolved", "closed"]).first())
    if mine is not None:
        return mine
    affected = list(major.services.values_list("pk", flat=True))
    service_id = service.pk if isinstance(service, Service) else service
    if service_id not in affected:
        service_id = master.service_id if master.service_id in affected else (affected[0] if affected else None)
    child = incident_create(title=(_("Me too: %(summary)s") % {"summary": major.summary})[:200], actor=actor,
                            requester=actor, channel=Channel.PORTAL, impact=Level.LOW, urgency=Level.MEDIUM,
                            service=Service.objects.filter(pk=service_id).first(),
                            description=(note or "").strip()[:2000]
                            or _("I am affected by this known problem (from the Red Alert banner)."))
    if child.parent_id != master.pk:  # another major incident is newer on that service: this is the one they chose
        incident_link_to_master(master=master, incidents=[child], actor=None)
        child.refresh_from_db()
    return child
