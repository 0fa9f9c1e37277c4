"""Alerts in, incidents out: ``alerts_receive`` is the one door every post of
``alert-sources/<id>/events/`` goes through, and ``alerts_release`` (beat) opens the incidents
of alerts a change window held back once the window is over.

What happens to one alert (docs/monitoring.md, API.md "Channels: email and monitoring"):

1. **firing, already open** (same source and fingerprint): ``received_count`` and
   ``last_received_at`` go up. One ``UPDATE … RETURNING`` and nothing else.
2. **firing, new**: a row is inserted. The partial unique constraint (one firing row per
   source and fingerprint) decides between concurrent posts: the loser's insert waits for
   the winner's commit, fails, and the loser counts a repeat instead. Then, in order:

   - its service, CI, impact and urgency come from the source's first matching rule (else
     the source's default service, impact 2 and the urgency of its severity);
   - a change ``scheduled`` or ``implementing`` whose window holds now and that works on the
     service or the CI (or a CI it depends on, one hop) holds it back: logged with
     ``suppressed_by_change``, nothing opened (``alerts_release`` opens it later if it is
     still firing when the window ends);
   - an earlier episode of the same fingerprint whose incident is still open: the alert joins
     it; resolved within the source's reopen window: the incident is reopened; otherwise a
     new incident names the old one ("Follow-up to INC…");
   - a **storm** on the service (``MONITORING_STORM_THRESHOLD`` alerts opened incidents there
     within ``MONITORING_STORM_MINUTES``): the alert joins the storm's incident (the active
     major incident's master, else the newest open incident an alert opened there) instead
     of opening one, and is recorded as demand (``incidents.services.demand_record``, source
     ``monitoring``), so spike detection sees the whole storm and its rules propose or declare
     one major incident;
   - otherwise ``incidents.services.incident_create(channel="monitoring")``: priority from the
     matrix, the team from the CI/service, the SLA clocks started, linked to the master when
     a major incident is active on the service. The incident itself counts as demand.
3. **resolved**: the open row is closed. An incident the alert opened gets a work note; with
   the source's ``auto_resolve``, the incident is resolved (``fixed``) once none of its
   alerts is firing any more (never a major incident's master).

One post is one transaction: every alert of it is stored and acted on, or none is. Notes and
incidents are written as the inactive "Monitoring" account (an agent, so its notes are
internal work notes and its transitions pass the incidents' guards).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.services import user_create
from core.roles import Role
from incidents import services as incidents
from incidents.choices import Channel, DemandSource, IncidentStatus, Level, ResolutionCode
from incidents.models import Incident

from .. import selectors
from ..choices import AlertStatus
from ..models import Alert, AlertSource
from ..payloads import ParsedAlert

logger = logging.getLogger(__name__)
User = get_user_model()

MONITORING_USERNAME = "monitoring-channel"

#: Severity label → urgency (case-insensitive); anything else is 2 – Medium.
SEVERITY_URGENCY = {
    "critical": Level.HIGH, "crit": Level.HIGH, "page": Level.HIGH, "emergency": Level.HIGH, "alert": Level.HIGH,
    "fatal": Level.HIGH, "high": Level.HIGH, "disaster": Level.HIGH, "p1": Level.HIGH,
    "warning": Level.MEDIUM, "warn": Level.MEDIUM, "error": Level.MEDIUM, "major": Level.MEDIUM,
    "medium": Level.MEDIUM, "average": Level.MEDIUM, "p2": Level.MEDIUM,
    "info": Level.LOW, "information": Level.LOW, "informational": Level.LOW, "low": Level.LOW, "minor": Level.LOW,
    "notice": Level.LOW, "none": Level.LOW, "p3": Level.LOW,
}


def storm_threshold() -> int:
    return getattr(settings, "MONITORING_STORM_THRESHOLD", 10)


def storm_minutes() -> int:
    return getattr(settings, "MONITORING_STORM_MINUTES", 5)


# --- who writes ----------------------------------------------------------------------------------
def monitoring_user():
    """The account incidents, notes and transitions from alerts are recorded as: inactive
    (nobody signs in with it), an agent (its notes are internal, the guards let it act)."""
    user = User.objects.filter(username=MONITORING_USERNAME).first()
    if user is not None:
        return user
    try:
        with transaction.atomic():
            return user_create(username=MONITORING_USERNAME, first_name="Monitoring", last_name="",
                               roles=[Role.AGENT], is_active=False)
    except IntegrityError:  # made by a concurrent post
        return User.objects.get(username=MONITORING_USERNAME)


# --- one post ------------------------------------------------------------------------------------
@dataclass
class ReceiveResult:
    accepted: int = 0
    incidents: list[int] = field(default_factory=list)
    suppressed: int = 0

    def as_dict(self) -> dict:
        return {"accepted": self.accepted, "incidents": self.incidents, "suppressed": self.suppressed}


@dataclass
class _Context:
    """What one post (or one release sweep) looks up once: the rules, the covering changes
    per (service, CI), the storm counters per service, the monitoring account."""

    at: datetime
    result: ReceiveResult = field(default_factory=ReceiveResult)
    _rules: dict = field(default_factory=dict)
    _covering: dict = field(default_factory=dict)
    _storm: dict = field(default_factory=dict)
    _user: object = None

    @property
    def user(self):
        if self._user is None:
            self._user = monitoring_user()
        return self._user

    def rules(self, source: AlertSource):
        if source.pk not in self._rules:
            self._rules[source.pk] = selectors.rules_of(source)
        return self._rules[source.pk]

    def covering(self, service_id, ci_id):
        key = (service_id, ci_id)
        if key not in self._covering:
            self._covering[key] = selectors.change_covering(service_id=service_id, ci_id=ci_id, at=self.at)
        return self._covering[key]

    def storming(self, service_id: int) -> bool:
        if service_id not in self._storm:
            self._storm[service_id] = selectors.incidents_opened_by_alerts(
                service_id=service_id, since=self.at - timedelta(minutes=storm_minutes()))
        return self._storm[service_id] >= storm_threshold()

    def opened_on(self, service_id: int | None) -> None:
        if service_id is not None and service_id in self._storm:
            self._storm[service_id] += 1

    def touched(self, incident_id: int | None) -> None:
        if incident_id is not None and incident_id not in self.result.incidents:
            self.result.incidents.append(incident_id)


def _deadlock(exc: OperationalError) -> bool:
    return getattr(getattr(exc, "__cause__", None), "sqlstate", None) in ("40P01", "40001")


def alerts_receive(*, source: AlertSource, alerts: list[ParsedAlert], at: datetime | None = None) -> ReceiveResult:
    """Store one post's alerts and act on them, all in one transaction (see the module).
    Alerts are taken in fingerprint order, so two posts lock rows in the same order; a
    deadlock with some other writer is retried (three times) before it is raised."""
    if len(alerts) == 1 and alerts[0].status == AlertStatus.FIRING and connection.get_autocommit():
        # The commonest post: one alert, already open. Its single UPDATE is atomic on its own,
        # so it needs no BEGIN/COMMIT; anything else takes the transaction below.
        ctx = _Context(at=at or timezone.now())
        row = _bump_open(source, alerts[0].fingerprint, ctx.at)
        if row is not None:
            _repeat(ctx, row)
            ctx.result.accepted = 1
            return ctx.result
    ordered = sorted(alerts, key=lambda alert: alert.fingerprint)  # stable: a post's order per fingerprint
    for attempt in range(3):
        try:
            with transaction.atomic():
                ctx = _Context(at=at or timezone.now())
                for alert in ordered:
                    if alert.status == AlertStatus.FIRING:
                        _fire(ctx, source, alert)
                    else:
                        _resolve(ctx, source, alert)
                ctx.result.accepted = len(alerts)
                return ctx.result
        except OperationalError as exc:
            if attempt == 2 or not _deadlock(exc):
                raise
            logger.info("alert post for source %s retried after %s", source.pk, exc)
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


_TABLE = None


def _table() -> str:
    global _TABLE  # noqa: PLW0603 - computed once per process
    if _TABLE is None:
        _TABLE = connection.ops.quote_name(Alert._meta.db_table)
    return _TABLE


def _bump_open(source: AlertSource, fingerprint: str, at: datetime):
    """A repeat of the open alert: one statement. Returns ``(id, incident_id,
    suppressed_by_change_id)`` or None when no alert of that fingerprint is open."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {_table()} SET received_count = received_count + 1, last_received_at = %s "  # noqa: S608
            "WHERE source_id = %s AND fingerprint = %s AND status = %s "
            "RETURNING id, incident_id, suppressed_by_change_id",
            [connection.ops.adapt_datetimefield_value(at), source.pk, fingerprint, AlertStatus.FIRING])
        return cursor.fetchone()


def _repeat(ctx: _Context, row) -> None:
    _pk, incident_id, change_id = row
    ctx.touched(incident_id)
    if incident_id is None and change_id is not None:
        ctx.result.suppressed += 1


def _classify(ctx: _Context, source: AlertSource, parsed: ParsedAlert) -> dict:
    rule = selectors.rule_for(ctx.rules(source), parsed.labels)
    service_id = ci_id = impact = urgency = None
    if rule is not None:
        service_id, ci_id, impact, urgency = rule.service_id, rule.ci_id, rule.impact, rule.urgency
        if service_id is None and rule.ci is not None:
            service_id = rule.ci.service_id
    if service_id is None and ci_id is None:
        service_id = source.default_service_id
    if urgency is None:
        urgency = SEVERITY_URGENCY.get(parsed.severity.strip().lower(), Level.MEDIUM)
    return {"service_id": service_id, "ci_id": ci_id, "impact": impact or Level.MEDIUM, "urgency": urgency}


def _fire(ctx: _Context, source: AlertSource, parsed: ParsedAlert) -> None:
    at = ctx.at
    for _attempt in range(3):
        row = _bump_open(source, parsed.fingerprint, at)
        if row is not None:
            _repeat(ctx, row)
            return
        previous = (Alert.objects.filter(source=source, fingerprint=parsed.fingerprint).order_by("-id")
                    .select_related("incident").first())
        if (previous is not None and parsed.starts_at is not None and previous.starts_at == parsed.starts_at
                and previous.status == AlertStatus.RESOLVED):
            # A late copy of an episode already resolved (a retried notification): counted, no new episode.
            Alert.objects.filter(pk=previous.pk).update(received_count=F("received_count") + 1, last_received_at=at)
            ctx.touched(previous.incident_id)
            return
        where = _classify(ctx, source, parsed)
        # A change window holding the alert back is known before the insert, so it is stored with it.
        change = ctx.covering(where["service_id"], where["ci_id"])
        try:
            with transaction.atomic():
                alert = Alert.objects.create(
                    source=source, fingerprint=parsed.fingerprint, status=AlertStatus.FIRING, labels=parsed.labels,
                    annotations=parsed.annotations, title=parsed.title, description=parsed.description,
                    severity=parsed.severity, generator_url=parsed.generator_url, starts_at=parsed.starts_at or at,
                    first_received_at=at, last_received_at=at, previous=previous, suppressed_by_change=change,
                    **where)
        except IntegrityError:
            continue  # a concurrent post inserted it first and committed: now it is a repeat
        alert.source = source
        if change is not None:
            ctx.result.suppressed += 1  # logged with the change; nothing opened
        else:
            _place(ctx, alert)
        return
    raise IntegrityError(f"alert {parsed.fingerprint} of source {source.pk} kept changing under this post")


def _on_incident(alert: Alert, incident: Incident, *, grouped: bool) -> None:
    alert.incident, alert.grouped = incident, grouped
    Alert.objects.filter(pk=alert.pk).update(incident=incident, grouped=grouped)


def _describe(alert: Alert) -> str:
    lines = [alert.description or alert.title]
    if alert.labels:
        lines.append("")
        lines.extend(f"{name}={value}" for name, value in sorted(alert.labels.items()))
    if alert.safe_generator_url:
        lines.extend(["", alert.safe_generator_url])
    return "\n".join(lines)


def _place(ctx: _Context, alert: Alert) -> None:
    """Put a firing alert on an incident: its earlier episode's (open, or reopened), a
    storm's, or a new one (see the module)."""
    at = ctx.at
    previous = alert.previous
    follow_up = None
    if previous is not None and previous.incident_id is not None:
        earlier = Incident.objects.get(pk=previous.incident_id)
        if earlier.is_open:
            _on_incident(alert, earlier, grouped=previous.grouped)
            if not previous.grouped:
                incidents.incident_add_note(incident=earlier, actor=ctx.user, at=at, body=_(
                    "Alert firing again: %(title)s") % {"title": alert.title})
            ctx.touched(earlier.pk)
            return
        window = timedelta(minutes=alert.source.reopen_minutes)
        if (earlier.status == IncidentStatus.RESOLVED and not earlier.is_major and not previous.grouped
                and earlier.resolved_at is not None and at - earlier.resolved_at <= window and earlier.can_reopen()):
            user = ctx.user
            earlier = incidents.incident_reopen(incident=earlier, actor=user, at=at, reason=_(
                "alert firing again: %(title)s") % {"title": alert.title})
            _on_incident(alert, earlier, grouped=False)
            master = selectors.active_master(service_id=earlier.service_id)
            if master is not None and earlier.parent_id is None and master.pk != earlier.pk:
                incidents.incident_link_to_master(master=master, incidents=[earlier], actor=user, at=at)
            ctx.touched(earlier.pk)
            return
        follow_up = earlier
    service_id = alert.service_id
    if service_id is not None and ctx.storming(service_id):
        target = selectors.storm_incident(service_id=service_id)
        if target is not None:
            _on_incident(alert, target, grouped=True)
            incidents.demand_record(service=service_id, source=DemandSource.MONITORING, reference=f"alert:{alert.pk}",
                                    at=at)
            ctx.touched(target.pk)
            return
    incident = incidents.incident_create(
        title=alert.title[:200], actor=ctx.user, description=_describe(alert), channel=Channel.MONITORING,
        impact=alert.impact, urgency=alert.urgency, service=alert.service, ci=alert.ci, follow_up_of=follow_up, at=at)
    _on_incident(alert, incident, grouped=False)
    ctx.opened_on(service_id)
    ctx.touched(incident.pk)


def _resolve(ctx: _Context, source: AlertSource, parsed: ParsedAlert) -> None:
    at = ctx.at
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {_table()} SET status = %s, ends_at = %s, resolved_at = %s, "  # noqa: S608
            "received_count = received_count + 1, last_received_at = %s "
            "WHERE source_id = %s AND fingerprint = %s AND status = %s "
            "RETURNING id, incident_id, grouped",
            [AlertStatus.RESOLVED, connection.ops.adapt_datetimefield_value(parsed.ends_at or at),
             connection.ops.adapt_datetimefield_value(at), connection.ops.adapt_datetimefield_value(at),
             source.pk, parsed.fingerprint, AlertStatus.FIRING])
        row = cursor.fetchone()
    if row is None:
        latest = Alert.objects.filter(source=source, fingerprint=parsed.fingerprint).order_by("-id").first()
        if latest is not None:  # its resolution again (Alertmanager repeats resolved alerts in a group)
            Alert.objects.filter(pk=latest.pk).update(received_count=F("received_count") + 1, last_received_at=at)
            ctx.touched(latest.incident_id)
            return
        # Resolved before the desk saw it fire: logged, nothing to act on.
        Alert.objects.create(source=source, fingerprint=parsed.fingerprint, status=AlertStatus.RESOLVED,
                             labels=parsed.labels, annotations=parsed.annotations, title=parsed.title,
                             description=parsed.description, severity=parsed.severity,
                             generator_url=parsed.generator_url, starts_at=parsed.starts_at,
                             ends_at=parsed.ends_at or at, resolved_at=at, first_received_at=at,
                             last_received_at=at, **_classify(ctx, source, parsed))
        return
    _pk, incident_id, grouped = row
    ctx.touched(incident_id)
    if incident_id is None:
        return  # held back by a change and resolved inside its window: evidence only
    incident = Incident.objects.get(pk=incident_id)
    if not incident.is_open:
        return
    user = ctx.user
    if not grouped:
        incidents.incident_add_note(incident=incident, actor=user, at=at, body=_(
            "Alert resolved: %(title)s") % {"title": parsed.title})
    if (source.auto_resolve and not incident.is_major
            and not Alert.objects.filter(incident=incident, status=AlertStatus.FIRING).exists()):
        incidents.incident_resolve(incident=incident, actor=user, at=at, resolution_code=ResolutionCode.FIXED,
                                   resolution=_("Resolved by monitoring: its alerts cleared."))


# --- after a change window ---------------------------------------------------------------------------
def alerts_release(*, at: datetime | None = None, batch: int = 200) -> int:
    """Open the incidents of alerts a change window held back and that are still firing now
    that no change covers them (beat, every ``MONITORING_RELEASE_SECONDS``). One transaction
    per (service, CI); rows another sweep is working on are skipped. Returns how many alerts
    were released."""
    at = at or timezone.now()
    released = 0
    places = (selectors.held_alerts().order_by().values_list("service_id", "ci_id").distinct())
    for service_id, ci_id in list(places):
        if selectors.change_covering(service_id=service_id, ci_id=ci_id, at=at) is not None:
            continue
        while True:
            with transaction.atomic():
                ctx = _Context(at=at)
                rows = list(selectors.held_alerts().filter(service_id=service_id, ci_id=ci_id)
                            .select_for_update(skip_locked=True, of=("self",))
                            .select_related("source", "service", "ci", "previous").order_by("id")[:batch])
                for alert in rows:
                    _place(ctx, alert)
            released += len(rows)
            if len(rows) < batch:
                break
    return released
