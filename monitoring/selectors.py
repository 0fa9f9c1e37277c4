"""Reads of the monitoring channel: who posts (a source by its token), where an alert
belongs (the first matching rule), which change silences it, and the alerts a page shows."""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet

from catalog.models import CIRelation
from catalog.selectors import CONNECTING
from changes.choices import ChangeStatus
from changes.models import Change
from incidents.choices import ACTIVE_MAJOR_STATUSES, OPEN_STATUSES
from incidents.models import Incident, MajorIncident

from .choices import AlertStatus
from .models import Alert, AlertRule, AlertSource


# --- tokens ------------------------------------------------------------------------------------
def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


_NOBODY = "0" * 64


def alert_source_for_token(*, source_id, token: str) -> AlertSource | None:
    """The source ``source_id`` if ``token`` is its bearer token, else None. The hashes are
    compared in constant time, and an unknown id costs the same comparison, so the answer's
    timing tells nothing about the token (nor whether the id exists)."""
    try:
        pk = int(source_id)
    except (TypeError, ValueError):
        pk = None
    source = AlertSource.objects.filter(pk=pk).first() if pk else None
    given = token_hash(token or "")
    matches = hmac.compare_digest(given, source.token_hash if source is not None else _NOBODY)
    return source if source is not None and matches else None


# --- where an alert belongs ----------------------------------------------------------------------
def rules_of(source: AlertSource) -> list[AlertRule]:
    return list(source.rules.select_related("ci").order_by("order", "id"))


def rule_for(rules: list[AlertRule], labels: dict) -> AlertRule | None:
    """The first rule (by order) whose every ``match`` pair the labels hold."""
    return next((rule for rule in rules if rule.matches(labels)), None)


def _in_window(at: datetime) -> Q:
    """Changes whose planned window holds ``at``: scheduled ones between planned start and
    end; one being implemented from its start (or, for an emergency change, from when work
    began) until its planned end (no planned end: for as long as it is being implemented)."""
    scheduled = Q(status=ChangeStatus.SCHEDULED, planned_start__lte=at, planned_end__gt=at)
    implementing = (Q(status=ChangeStatus.IMPLEMENTING)
                    & (Q(planned_start__lte=at) | Q(implemented_at__lte=at))
                    & (Q(planned_end__gt=at) | Q(planned_end__isnull=True)))
    return scheduled | implementing


def change_covering(*, service_id: int | None, ci_id: int | None, at: datetime) -> Change | None:
    """The change ``scheduled`` or ``implementing`` whose window holds ``at`` and that works
    on the alert's service, its CI, or a CI its CI depends on or runs on (one hop along the
    CMDB's "depends on"/"runs on" relations: the database being patched silences the
    application that depends on it). Of several, the one whose window ends last. One query."""
    if service_id is None and ci_id is None:
        return None
    touches = Q()
    if service_id is not None:
        touches |= Exists(Change.services.through.objects.filter(change=OuterRef("pk"), service_id=service_id))
    if ci_id is not None:
        hop = CIRelation.objects.filter(source_id=ci_id, kind__in=CONNECTING).values("target_id")
        touches |= Exists(Change.cis.through.objects.filter(change=OuterRef("pk")).filter(
            Q(configurationitem_id=ci_id) | Q(configurationitem_id__in=hop)))
    return (Change.objects.filter(_in_window(at)).filter(touches)
            .order_by("-planned_end", "pk").only("pk", "number", "title", "planned_end").first())


# --- storms --------------------------------------------------------------------------------------
def incidents_opened_by_alerts(*, service_id: int, since: datetime) -> int:
    """Alerts on ``service_id`` that opened (or reopened) an incident of their own since
    ``since``: the storm counter."""
    return Alert.objects.filter(service_id=service_id, first_received_at__gte=since, grouped=False,
                                incident__isnull=False).count()


def storm_incident(*, service_id: int) -> Incident | None:
    """Where a storm's further alerts go: the master of the major incident active on the
    service, else the newest open incident an alert opened on it."""
    major = (MajorIncident.objects.filter(status__in=ACTIVE_MAJOR_STATUSES, services=service_id)
             .select_related("incident").order_by("-declared_at").first())
    if major is not None and major.incident.is_open:
        return major.incident
    return (Incident.objects.filter(alerts__service_id=service_id, alerts__grouped=False, status__in=OPEN_STATUSES)
            .order_by("-alerts__first_received_at", "-alerts__id").first())


def active_master(*, service_id: int | None) -> Incident | None:
    if service_id is None:
        return None
    major = (MajorIncident.objects.filter(status__in=ACTIVE_MAJOR_STATUSES, services=service_id)
             .select_related("incident").order_by("-declared_at").first())
    return major.incident if major is not None and major.incident.is_open else None


# --- what pages show -----------------------------------------------------------------------------
def alert_log() -> QuerySet[Alert]:
    return Alert.objects.select_related("source", "service", "ci", "incident", "suppressed_by_change")


def alerts_of_incident(incident, limit: int = 50) -> tuple[list[Alert], int]:
    """The alerts on an incident (firing first, newest first) and how many there are."""
    rows = Alert.objects.filter(incident=incident).select_related("source").order_by("status", "-last_received_at",
                                                                                        "-id")
    shown = list(rows[:limit])
    return shown, len(shown) if len(shown) < limit else rows.count()


def alerts_suppressed_by(change, limit: int = 100) -> tuple[list[Alert], int]:
    """The alerts a change's window held back (evidence for its review), newest first."""
    rows = (Alert.objects.filter(suppressed_by_change=change).select_related("source", "service", "ci", "incident")
            .order_by("-first_received_at", "-id"))
    shown = list(rows[:limit])
    return shown, len(shown) if len(shown) < limit else rows.count()


def held_alerts() -> QuerySet[Alert]:
    """Alerts a change window holds back: still firing, no incident yet."""
    return Alert.objects.filter(status=AlertStatus.FIRING, incident__isnull=True, suppressed_by_change__isnull=False)

