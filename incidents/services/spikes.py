"""Spike detection: demand (incidents reported, plus the demand signals other apps record,
such as inbound calls) counted per service over each rule's sliding window, against an
absolute threshold and/or a multiple of the usual count for the same weekday and hour over
the previous weeks. One query evaluates every rule; a spike raises one alert, not one per
sweep."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import (
    Count,
    DateTimeField,
    DurationField,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.models import Service
from core.errors import InvalidTransitionError
from notifications.services import notify

from ..choices import ACTIVE_MAJOR_STATUSES, Channel, DemandSource, IncidentStatus, SpikeAlertStatus
from ..models import DemandSignal, Incident, MajorIncident, SpikeAlert, SpikeRule
from .incident import incident_create
from .major import can_declare, major_incident_declare
from .suspected import flag_decided, flagged_declare


# --- the demand signal interface --------------------------------------------------------------
def demand_record(*, service: Service | int, source: str = DemandSource.CALL, reference: str = "",
                  at: datetime | None = None) -> DemandSignal | None:
    """Record one unit of demand for a service that is not an incident (an inbound call, a
    monitoring alert). The same ``(source, reference)`` counts once, so a replayed webhook
    adds nothing. Returns the signal, or None for a replay."""
    if source not in DemandSource.values:
        raise ValueError(f"unknown demand source {source!r}")
    service_id = service.pk if isinstance(service, Service) else service
    try:
        with transaction.atomic():
            return DemandSignal.objects.create(service_id=service_id, source=source, reference=reference[:64],
                                               at=at or timezone.now())
    except IntegrityError:
        return None


# --- evaluation -------------------------------------------------------------------------------
def _count(model, field: str, start: str, end) -> Coalesce:
    rows = (model.objects.filter(service=OuterRef("service"), **{f"{field}__gte": OuterRef(start),
                                                                 f"{field}__lt": end})
            .order_by().values("service").annotate(n=Count("*")).values("n"))
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def _end(now: datetime, weeks: int):
    return now - timedelta(weeks=weeks) if weeks else now


def rules_with_demand(*, now: datetime | None = None, rules=None):
    """Active rules annotated with ``demand`` (the count in the window ending now) and
    ``past_<k>`` (the count in the same window k weeks ago, for k up to the longest
    baseline): one SQL statement whatever the number of rules and rows."""
    now = now or timezone.now()
    rules = rules if rules is not None else SpikeRule.objects.filter(is_active=True, service__is_active=True)
    weeks = max(list(rules.values_list("baseline_weeks", flat=True).filter(baseline_multiplier__isnull=False))
                or [0])
    # Typed so that SQLite (durations as integer microseconds) gets its duration arithmetic:
    # Django's SQLite backend multiplies a duration only by a plain IntegerField (not the
    # column's PositiveIntegerField) and cannot infer integer × duration. The wrappers change
    # the types Django sees, not PostgreSQL's SQL (window_minutes * interval '1 minute').
    minutes = ExpressionWrapper(F("window_minutes"), output_field=IntegerField())
    window = ExpressionWrapper(minutes * Value(timedelta(minutes=1)), output_field=DurationField())
    start = ExpressionWrapper(Value(now) - window, output_field=DateTimeField())
    rules = rules.annotate(window_start=start)
    annotations = {}
    for k in range(weeks + 1):
        shifted = f"window_start_{k}"
        rules = rules.annotate(**{shifted: ExpressionWrapper(F("window_start") - Value(timedelta(weeks=k)),
                                                              output_field=DateTimeField())})
        name = "demand" if k == 0 else f"past_{k}"
        annotations[name] = (_count(Incident, "created_at", shifted, _end(now, k))
                             + _count(DemandSignal, "at", shifted, _end(now, k)))
    return rules.annotate(**annotations).select_related("service"), weeks


def _baseline(rule) -> Decimal | None:
    if rule.baseline_multiplier is None:
        return None
    counts = [getattr(rule, f"past_{k}") for k in range(1, rule.baseline_weeks + 1)]
    return (Decimal(sum(counts)) / len(counts)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def is_spike(rule, demand: int, baseline: Decimal | None) -> bool:
    """Every condition the rule sets must hold: ``demand >= threshold`` and ``demand >=
    multiplier × baseline`` (a quiet baseline counts as 1, so one report is never a spike)."""
    if rule.threshold is None and rule.baseline_multiplier is None:
        return False
    if rule.threshold is not None and demand < rule.threshold:
        return False
    return not (rule.baseline_multiplier is not None and demand < rule.baseline_multiplier * max(baseline, 1))


def detect_spikes(*, now: datetime | None = None) -> list[SpikeAlert]:
    """Evaluate every active rule now; raise an alert for each new spike. A spike already
    alerted (an open alert, a major incident active on the service, or a dismissal that
    saw this window's demand) raises nothing new. Returns the alerts raised."""
    now = now or timezone.now()
    rules, _weeks = rules_with_demand(now=now)
    spiking = []
    for rule in rules:
        baseline = _baseline(rule)
        if is_spike(rule, rule.demand, baseline):
            spiking.append((rule, baseline))
    if not spiking:
        return []
    rule_ids = [rule.pk for rule, _b in spiking]
    service_ids = {rule.service_id for rule, _b in spiking}
    open_alerts = {a.rule_id: a for a in SpikeAlert.objects.filter(rule_id__in=rule_ids,
                                                                   status=SpikeAlertStatus.OPEN)}
    busy_services = set(MajorIncident.objects.filter(status__in=ACTIVE_MAJOR_STATUSES, services__in=service_ids)
                        .values_list("services", flat=True))
    dismissed: dict[int, datetime] = {}
    for rule_id, window_end, decided_at in (SpikeAlert.objects.filter(rule_id__in=rule_ids)
                                            .exclude(status=SpikeAlertStatus.OPEN)
                                            .values_list("rule_id", "window_end", "decided_at")):
        seen = max(window_end, decided_at or window_end)
        dismissed[rule_id] = max(dismissed.get(rule_id, seen), seen)
    raised = []
    for rule, baseline in spiking:
        current = open_alerts.get(rule.pk)
        if current is not None:
            if rule.demand > current.count:  # the open alert shows the peak so far
                SpikeAlert.objects.filter(pk=current.pk).update(count=rule.demand, window_end=now)
            continue
        if rule.service_id in busy_services or dismissed.get(rule.pk, rule.window_start) > rule.window_start:
            continue
        alert = _raise(rule, baseline, now)
        if alert is not None:
            raised.append(alert)
    return raised


def _on_duty(rule: SpikeRule) -> list[int]:
    ids = list(rule.notify.values_list("pk", flat=True))
    if not ids and rule.service.owner_team_id:
        manager = rule.service.owner_team.manager_id
        ids = [manager] if manager else []
    return ids


def _raise(rule: SpikeRule, baseline: Decimal | None, now: datetime) -> SpikeAlert | None:
    try:
        with transaction.atomic():
            alert = SpikeAlert.objects.create(rule=rule, service=rule.service, count=rule.demand, baseline=baseline,
                                              window_start=rule.window_start, window_end=now, created_at=now)
    except IntegrityError:  # another sweep raised it at the same moment
        return None
    if rule.auto_declare:
        try:
            spike_alert_declare(alert=alert, actor=None)
            alert.refresh_from_db()
            return alert
        except (ValidationError, InvalidTransitionError):
            pass  # nobody to run it: the alert stays open and people are told below
    notify(_on_duty(rule), "spike-alert",
           {"service": rule.service.name, "count": alert.count, "window": rule.window_minutes,
            "baseline": baseline, "alert": alert},
           ["email", "in_app", "sms"], idempotency_key=f"spike:{alert.pk}",
           related=f"incidents.spikealert:{alert.pk}", url=reverse("major:spike", args=[alert.pk]))
    return alert


# --- decisions --------------------------------------------------------------------------------
@transaction.atomic
def spike_alert_declare(*, alert: SpikeAlert | int, actor, summary: str = "", manager=None) -> SpikeAlert:
    """Declare a major incident from an alert: the oldest open report for the service in
    the window becomes the master (or a new incident is opened for it); the others link."""
    if actor is not None and not can_declare(actor):
        raise PermissionDenied(_("Only managers and agents allowed to declare major incidents can do this."))
    pk = alert.pk if isinstance(alert, SpikeAlert) else alert
    alert = SpikeAlert.objects.select_for_update(of=("self",)).select_related("rule", "service").get(pk=pk)
    if alert.status != SpikeAlertStatus.OPEN:
        raise InvalidTransitionError(_("This alert was already %(status)s.")
                                     % {"status": alert.get_status_display().lower()}, alert.status)
    active = MajorIncident.objects.filter(status__in=ACTIVE_MAJOR_STATUSES, services=alert.service).first()
    if active is not None:
        raise InvalidTransitionError(_("A major incident is already active on %(service)s.")
                                     % {"service": alert.service}, alert.status)
    if alert.rule_id is None:  # an agent's flag: its incident becomes the master (services.suspected)
        return flagged_declare(alert=alert, actor=actor, summary=summary, manager=manager)
    if manager is None and actor is None:
        on_duty = _on_duty(alert.rule)
        manager = get_user_model().objects.filter(pk__in=on_duty, is_active=True).first()
        if manager is None:
            raise ValidationError({"manager": [_("Nobody is on duty for %(service)s.") % {"service": alert.service}]})
    summary = summary.strip() or _("%(service)s: %(count)s reports and calls in %(window)s minutes") % {
        "service": alert.service.name, "count": alert.count, "window": alert.rule.window_minutes}
    master = (Incident.objects.filter(service=alert.service, parent__isnull=True, is_major=False,
                                      created_at__gte=alert.window_start,
                                      status__in=[IncidentStatus.NEW, IncidentStatus.ASSIGNED,
                                                  IncidentStatus.IN_PROGRESS, IncidentStatus.ON_HOLD])
              .order_by("created_at", "id").first())
    if master is None:
        master = incident_create(title=summary[:200], actor=actor or manager, channel=Channel.MONITORING,
                                 impact=1, urgency=1, service=alert.service,
                                 description=_("Opened from a spike alert."))
    major = major_incident_declare(incident=master, actor=actor, summary=summary, manager=manager or actor,
                                   started_at=alert.window_start)
    alert.status, alert.major_incident = SpikeAlertStatus.DECLARED, major
    alert.decided_by, alert.decided_at = actor, timezone.now()
    alert._history_user = actor
    alert.save()
    return alert


@transaction.atomic
def spike_alert_dismiss(*, alert: SpikeAlert | int, actor, reason: str = "",
                        at: datetime | None = None) -> SpikeAlert:
    """Not a major incident. The demand the dismisser saw does not alert again; a spike in a
    later window does."""
    if actor is not None and not can_declare(actor):
        raise PermissionDenied(_("Only managers and agents allowed to declare major incidents can do this."))
    pk = alert.pk if isinstance(alert, SpikeAlert) else alert
    alert = SpikeAlert.objects.select_for_update().get(pk=pk)
    if alert.status != SpikeAlertStatus.OPEN:
        raise InvalidTransitionError(_("This alert was already %(status)s.")
                                     % {"status": alert.get_status_display().lower()}, alert.status)
    alert.status, alert.decided_by, alert.decided_at = SpikeAlertStatus.DISMISSED, actor, at or timezone.now()
    alert._history_user = actor
    alert._change_reason = (reason or "dismissed")[:100]
    alert.save()
    if alert.rule_id is None:  # an agent's flag: they hear the decision (services.suspected)
        flag_decided(alert=alert)
    return alert


def spike_rule_validate(*, window_minutes, threshold, baseline_multiplier) -> None:
    """The same checks for the API, the admin and the pages."""
    errors = {}
    if window_minutes is None or window_minutes < 1:
        errors["window_minutes"] = [_("The window must be at least one minute.")]
    if threshold is None and baseline_multiplier is None:
        errors["threshold"] = [_("Give a threshold, a baseline multiplier or both.")]
    if errors:
        raise ValidationError(errors)

