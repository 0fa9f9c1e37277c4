"""Reads for the public status page.

Everything here returns plain, frozen dataclasses holding only what the public may see:
they are the whitelist between the incidents app and the page (no internal notes, no
non-public updates, no team, no bridge), and they are what the page cache stores.

The whole page is built with a fixed number of queries, whatever the number of services,
incidents, maintenance windows or outages.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import NamedTuple

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from catalog.models import Service
from incidents.choices import ACTIVE_MAJOR_STATUSES, ServiceImpact, UpdateEvent
from incidents.models import MajorIncident, StakeholderUpdate
from sla.models import ServiceOutage

from .choices import HEADLINES, SEVERITY, IncidentPhase, MaintenanceState, ServiceState, phase_of
from .models import ScheduledMaintenance, Subscriber

#: Days of uptime history per service.
UPTIME_DAYS = 90
#: Resolved incidents stay on the page this long.
RECENT_DAYS = 14
#: Entries in the Atom feed.
FEED_LIMIT = 50
#: Maintenance windows listed (in progress first, then the next ones).
MAINTENANCE_LIMIT = 20


# --- what the page shows -------------------------------------------------------------------
class UptimeDay(NamedTuple):
    """One UTC day of a service's bar (a named tuple, not a dataclass: the page makes 90 of
    them per service, 18,000 for 200 services, and caches them)."""

    day: date
    down_seconds: int
    #: none (no data yet: before the service existed), up, minor (≤ 1 h down), partial (≤ 6 h), major
    level: str

    @property
    def down_minutes(self) -> int:
        return (self.down_seconds + 59) // 60


@dataclass(frozen=True)
class ServiceHealth:
    id: int
    name: str
    description: str
    status: str
    #: percentage of the last 90 days (or since the service's history starts) it was up; None: no history
    uptime_90d: float | None
    days: tuple[UptimeDay, ...]

    @property
    def label(self) -> str:
        return ServiceState(self.status).label

    @property
    def days_down(self) -> int:
        return sum(1 for day in self.days if day.down_seconds)

    def __reduce__(self):
        # Kept in the shared cache: the days as the first one, the seconds and one letter per
        # level (a tenth of the bytes and of the time of 90 pickled days per service).
        first = self.days[0].day.toordinal() if self.days else 0
        seconds = [day.down_seconds for day in self.days]
        levels = "".join(_LEVEL_CODES[day.level] for day in self.days)
        return _service_health, (self.id, self.name, self.description, self.status, self.uptime_90d, first, seconds,
                                 levels)


_LEVEL_CODES = {"none": "n", "up": "u", "minor": "m", "partial": "p", "major": "M"}
_CODE_LEVELS = {code: level for level, code in _LEVEL_CODES.items()}


def _service_health(id, name, description, status, uptime_90d, first, seconds, levels) -> ServiceHealth:  # noqa: A002
    start = date.fromordinal(first) if seconds else None
    days = tuple(UptimeDay(start + timedelta(days=i), down, _CODE_LEVELS[code])
                 for i, (down, code) in enumerate(zip(seconds, levels, strict=True)))
    return ServiceHealth(id=id, name=name, description=description, status=status, uptime_90d=uptime_90d, days=days)


@dataclass(frozen=True)
class PublicUpdate:
    id: int
    at: datetime
    phase: str
    what: str
    where: str
    event: str
    eta: datetime | None
    contact: str
    body: str

    @property
    def phase_label(self) -> str:
        return IncidentPhase(self.phase).label

    @property
    def event_label(self) -> str:
        return UpdateEvent(self.event).label


@dataclass(frozen=True)
class ServiceRef:
    id: int
    name: str


@dataclass(frozen=True)
class PublicIncident:
    id: int
    title: str
    phase: str
    impact: str
    is_active: bool
    started_at: datetime
    resolved_at: datetime | None
    services: tuple[ServiceRef, ...]
    #: newest first
    updates: tuple[PublicUpdate, ...]

    @property
    def phase_label(self) -> str:
        return IncidentPhase(self.phase).label

    @property
    def impact_label(self) -> str:
        return ServiceImpact(self.impact).label

    @property
    def last_update_at(self) -> datetime | None:
        return self.updates[0].at if self.updates else None


@dataclass(frozen=True)
class Maintenance:
    id: int
    title: str
    description: str
    starts_at: datetime
    ends_at: datetime
    #: empty: every service
    services: tuple[ServiceRef, ...]
    state: str

    @property
    def in_progress(self) -> bool:
        return self.state == MaintenanceState.IN_PROGRESS

    @property
    def state_label(self) -> str:
        return MaintenanceState(self.state).label


@dataclass(frozen=True)
class StatusSummary:
    status: str
    generated_at: datetime
    services: tuple[ServiceHealth, ...]
    #: active ones first, then those resolved in the last RECENT_DAYS days; newest first within each
    incidents: tuple[PublicIncident, ...]
    maintenance: tuple[Maintenance, ...]

    @property
    def label(self) -> str:
        return ServiceState(self.status).label

    @property
    def headline(self) -> str:
        return HEADLINES[self.status]

    @property
    def active_incidents(self) -> list[PublicIncident]:
        return [incident for incident in self.incidents if incident.is_active]

    @property
    def recent_incidents(self) -> list[PublicIncident]:
        return [incident for incident in self.incidents if not incident.is_active]


@dataclass(frozen=True)
class FeedEntry:
    incident_id: int
    incident_title: str
    update: PublicUpdate


# --- derivation ------------------------------------------------------------------------------
def worst(states) -> str:
    """The worst of the given states (impacts count as states); operational when none."""
    return max(states, key=lambda state: SEVERITY[state], default=ServiceState.OPERATIONAL)


def derive_state(impacts, *, in_maintenance: bool) -> str:
    """A service's state: the worst impact of the active major incidents on it, else under
    maintenance while a window runs, else operational."""
    states = list(impacts)
    if in_maintenance:
        states.append(ServiceState.UNDER_MAINTENANCE)
    return worst(states)


def _day_level(down: float, span: float) -> str:
    if down <= 0:
        return "up"
    if down <= 3600:
        return "minor"
    if down <= 6 * 3600 and down < span:
        return "partial"
    return "major"


def _merge(intervals: list[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    """Overlapping outages (two major incidents on one service) count once."""
    merged: list[tuple[datetime, datetime]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


@lru_cache(maxsize=4)
def _window(first: date, days: int) -> tuple[tuple[date, datetime], ...]:
    """Each day of the window and its start (UTC), computed once per day, not per service."""
    return tuple((day, datetime.combine(day, time.min, tzinfo=UTC))
                 for day in (first + timedelta(days=offset) for offset in range(days)))


_DAY = timedelta(days=1)
_FULL_DAY = 86400.0


def uptime(intervals: list[tuple[datetime, datetime | None]], *, now: datetime, since: datetime | None = None,
           days: int = UPTIME_DAYS) -> tuple[tuple[UptimeDay, ...], float | None]:
    """Per UTC day of the last ``days`` days (today last, counted up to ``now``): how long
    the service was down; and the percentage of the whole window it was up. Days before
    ``since`` (when the service's history starts) have no data and do not count."""
    today = now.astimezone(UTC).date()
    window = _window(today - timedelta(days=days - 1), days)
    window_start = window[0][1]
    clipped = [(max(start, window_start), min(end or now, now)) for start, end in intervals]
    merged = _merge([(start, end) for start, end in clipped if end > start])
    since = max(since, window_start) if since is not None else window_start
    # Each merged outage adds its seconds to the days it covers: one pass over the outages,
    # one over the days (not every outage for every day).
    down_by_day = [0.0] * days
    for start, end in merged:
        start = max(start, since)
        while start < end:
            offset = (start - window_start) // _DAY
            piece_end = min(end, window[offset][1] + _DAY)
            down_by_day[offset] += (piece_end - start).total_seconds()
            start = piece_end
    # Whole seconds per day from the running total, so the days add up to the outage (an
    # outage across midnight would otherwise lose a second to each day's truncation).
    result, total_down, total_span, counted = [], 0.0, 0.0, 0
    for offset, (day, day_start) in enumerate(window):
        day_end = day_start + _DAY
        if since <= day_start and day_end <= now:  # a whole day (most of them)
            span = _FULL_DAY
        else:
            span_start, span_end = max(day_start, since), min(day_end, now)
            if span_end <= span_start:
                result.append(UptimeDay(day, 0, "none"))
                continue
            span = (span_end - span_start).total_seconds()
        down = down_by_day[offset]
        total_down, total_span = total_down + down, total_span + span
        whole = round(total_down) - counted
        counted += whole
        result.append(UptimeDay(day, whole, _day_level(down, span)))
    percent = round(100 * (1 - total_down / total_span), 3) if total_span else None
    return tuple(result), percent


# --- queries ---------------------------------------------------------------------------------
def _public_updates():
    return StakeholderUpdate.objects.filter(is_public=True)


def _incidents_queryset():
    """Major incidents with at least one public update, with those updates and their
    services prefetched (three queries however many there are)."""
    updates = _public_updates().only("id", "major_incident_id", "created_at", "status", "what", "where", "event",
                                     "eta", "contact", "body").order_by("-created_at", "-id")
    return (MajorIncident.objects
            .filter(Exists(_public_updates().filter(major_incident=OuterRef("pk"))))
            .only("id", "summary", "status", "impact", "started_at", "declared_at", "resolved_at")
            .prefetch_related(Prefetch("updates", queryset=updates, to_attr="public_updates"),
                              Prefetch("services", queryset=Service.objects.only("id", "name").order_by("name"))))


def _public_update(update: StakeholderUpdate) -> PublicUpdate:
    return PublicUpdate(id=update.pk, at=update.created_at, phase=phase_of(update.status), what=update.what,
                        where=update.where, event=update.event, eta=update.eta, contact=update.contact,
                        body=update.body)


def _public_incident(major: MajorIncident) -> PublicIncident:
    return PublicIncident(
        id=major.pk, title=major.summary, phase=phase_of(major.status), impact=major.impact,
        is_active=major.status in ACTIVE_MAJOR_STATUSES, started_at=major.started_at, resolved_at=major.resolved_at,
        services=tuple(ServiceRef(id=s.pk, name=s.name) for s in major.services.all()),
        updates=tuple(_public_update(update) for update in major.public_updates))


def _maintenance(now: datetime) -> list[Maintenance]:
    windows = (ScheduledMaintenance.objects.filter(ends_at__gt=now).order_by("starts_at", "id")
               .prefetch_related(Prefetch("services", queryset=Service.objects.only("id", "name").order_by("name")))
               [:MAINTENANCE_LIMIT])
    return [Maintenance(id=m.pk, title=m.title, description=m.description, starts_at=m.starts_at, ends_at=m.ends_at,
                        services=tuple(ServiceRef(id=s.pk, name=s.name) for s in m.services.all()),
                        state=MaintenanceState.IN_PROGRESS if m.starts_at <= now else MaintenanceState.SCHEDULED)
            for m in windows]


def public_incidents(*, now: datetime | None = None) -> list[PublicIncident]:
    """Active major incidents with a public update, then those resolved (or declared) in
    the last RECENT_DAYS days; each with its public updates only, newest first."""
    now = now or timezone.now()
    since = now - timedelta(days=RECENT_DAYS)
    majors = (_incidents_queryset()
              .filter(Q(status__in=ACTIVE_MAJOR_STATUSES) | Q(resolved_at__gte=since) | Q(declared_at__gte=since))
              .order_by("-declared_at", "-id"))
    incidents = [_public_incident(major) for major in majors]
    return sorted(incidents, key=lambda incident: not incident.is_active)  # stable: newest first within each


def public_incident(pk: int) -> PublicIncident | None:
    """One major incident as the public sees it; None unless it has a public update."""
    major = _incidents_queryset().filter(pk=pk).first()
    return _public_incident(major) if major is not None else None


def status_summary(*, now: datetime | None = None) -> StatusSummary:
    """Everything on the status page, in eight queries: services, the impacts of active
    major incidents on them, maintenance (and its services), recorded outages, and the
    public incidents (with their updates and services)."""
    now = now or timezone.now()
    services = list(Service.objects.filter(is_active=True).only("id", "name", "description", "created_at")
                    .order_by("name", "id"))
    impacts: dict[int, list[str]] = defaultdict(list)
    through = MajorIncident.services.through
    for service_id, impact in (through.objects.filter(majorincident__status__in=ACTIVE_MAJOR_STATUSES)
                               .values_list("service_id", "majorincident__impact")):
        impacts[service_id].append(impact)
    maintenance = _maintenance(now)
    everything_in_maintenance = any(m.in_progress and not m.services for m in maintenance)
    in_maintenance = {ref.id for m in maintenance if m.in_progress for ref in m.services}
    window_start = datetime.combine(now.astimezone(UTC).date() - timedelta(days=UPTIME_DAYS - 1), time.min,
                                    tzinfo=UTC)
    outages: dict[int, list[tuple[datetime, datetime | None]]] = defaultdict(list)
    for service_id, started_at, ended_at in (
            ServiceOutage.objects.filter(service__is_active=True, started_at__lt=now)
            .filter(Q(ended_at__isnull=True) | Q(ended_at__gt=window_start))
            .values_list("service_id", "started_at", "ended_at")):
        outages[service_id].append((started_at, ended_at))
    health = []
    for service in services:
        recorded = outages.get(service.pk, [])
        # History starts when the service was added, unless outages were recorded from before
        # that (imported history): then the whole window counts.
        since = None if any(start < service.created_at for start, _end in recorded) else service.created_at
        days, percent = uptime(recorded, now=now, since=since)
        state = derive_state(impacts.get(service.pk, ()),
                             in_maintenance=everything_in_maintenance or service.pk in in_maintenance)
        health.append(ServiceHealth(id=service.pk, name=service.name, description=service.description, status=state,
                                    uptime_90d=percent, days=days))
    incidents = public_incidents(now=now)
    overall = worst([*(s.status for s in health), *(i.impact for i in incidents if i.is_active)])
    if overall == ServiceState.OPERATIONAL and everything_in_maintenance:
        overall = ServiceState.UNDER_MAINTENANCE
    return StatusSummary(status=overall, generated_at=now, services=tuple(health), incidents=tuple(incidents),
                         maintenance=tuple(maintenance))


def feed_entries(*, limit: int = FEED_LIMIT) -> list[FeedEntry]:
    """The latest public updates, newest first, each with its incident's title (one query)."""
    updates = (_public_updates().select_related("major_incident")
               .only("id", "created_at", "status", "what", "where", "event", "eta", "contact", "body",
                     "major_incident__id", "major_incident__summary")
               .order_by("-created_at", "-id")[:limit])
    return [FeedEntry(incident_id=u.major_incident_id, incident_title=u.major_incident.summary,
                      update=_public_update(u)) for u in updates]


# --- subscriptions ---------------------------------------------------------------------------
def subscriber_by_confirm_token(token: str) -> Subscriber | None:
    return Subscriber.objects.filter(confirm_token=token).first() if token else None


def subscriber_by_unsubscribe_token(token: str) -> Subscriber | None:
    return Subscriber.objects.filter(unsubscribe_token=token).first() if token else None
