"""Every write in problem management: problems and their lifecycle, root-cause analysis,
known errors and applying their workarounds, the trend sweep that proposes problems, and
the recurrence check that flags a fix that did not hold."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Max, Min, Q
from django.db.models.signals import m2m_changed
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_fsm import can_proceed, has_transition_perm

from catalog.models import ConfigurationItem, Service, Team
from core.caching import LocalCache
from core.errors import InvalidTransitionError
from core.roles import Role, is_staff_member
from incidents import services as incident_services
from incidents.choices import OPEN_STATUSES, NoteVisibility
from incidents.models import Incident, MajorIncident
from notifications.services import notify
from sla import services as sla

from .choices import CandidateStatus, KnownErrorStatus, ProblemStatus
from .models import KnownError, Problem, ProblemCandidate, WorkaroundApplication

User = get_user_model()


def _require_staff(actor) -> None:
    if actor is not None and not is_staff_member(actor):
        raise PermissionDenied(_("Only service desk staff work on problems."))


def _locked(problem: Problem | int) -> Problem:
    pk = problem.pk if isinstance(problem, Problem) else problem
    return Problem.objects.select_for_update(of=("self",)).get(pk=pk)


def _save(record, actor, reason: str, fields: list[str] | None = None) -> None:
    record._history_user = actor
    record._change_reason = reason[:100]
    record.save(update_fields=fields)


def _tell(recipients, problem: Problem, key: str, subject: str, body: str) -> None:
    recipients = [r for r in dict.fromkeys(recipients) if r]
    if recipients:
        notify(recipients, "generic", {"subject": subject, "body": body}, ["email", "in_app"],
               idempotency_key=f"problem:{problem.pk}:{key}", related=f"problems.problem:{problem.pk}",
               url=problem.get_absolute_url())


def _root_cause_found(problem: Problem, actor, at: datetime | None = None) -> None:
    """The root-cause target is met the first time a root cause is on record (saved with the
    analysis, or given when the problem becomes a known error or is resolved)."""
    if problem.root_cause_at is not None or not problem.has_root_cause():
        return
    problem.root_cause_at = at or timezone.now()
    Problem.objects.filter(pk=problem.pk).update(root_cause_at=problem.root_cause_at)
    sla.sla_stop(ticket=problem, metric="response", at=problem.root_cause_at, actor=actor)


def _managers() -> list[int]:
    return list(User.objects.filter(groups__name=Role.MANAGER, is_active=True).values_list("pk", flat=True))


# --- problems -----------------------------------------------------------------------------------
@transaction.atomic
def problem_create(*, actor, title: str = "", description: str = "", impact: int = 2, urgency: int = 2,
                   incidents: Iterable[Incident] = (), services: Iterable[Service] = (),
                   cis: Iterable[ConfigurationItem] = (), owner=None, team: Team | None = None,
                   major_incident: MajorIncident | None = None, at: datetime | None = None) -> Problem:
    """Record a problem, from nothing, from one or more incidents (their services and CIs
    come along; the title defaults to the first one's) or from a major incident (its master
    and services; the postmortem links to the problem)."""
    _require_staff(actor)
    incidents = list(incidents)
    if major_incident is not None:
        incidents = [major_incident.incident, *[i for i in incidents if i.pk != major_incident.incident_id]]
        services = [*services, *major_incident.services.all()]
        title = title or major_incident.summary
    title = (title or (incidents[0].title if incidents else "")).strip()
    if not title:
        raise ValidationError({"title": [_("Give the problem a title.")]})
    if owner is not None and not is_staff_member(owner):
        raise ValidationError({"owner": [_("%(user)s is not service desk staff.") % {"user": owner}]})
    problem = Problem(title=title[:200], description=description, impact=impact, urgency=urgency,
                      priority=incident_services.priority_for(impact, urgency), owner=owner,
                      team=team or (incidents[0].team if incidents and incidents[0].team_id else None),
                      major_incident=major_incident, created_by=actor, created_at=at or timezone.now())
    problem.full_clean(exclude=["number", "status", "owner", "team", "major_incident", "created_by"])
    _save(problem, actor, "created")
    problem.number = f"PRB{problem.pk:06d}"
    Problem.objects.filter(pk=problem.pk).update(number=problem.number)
    problem.history.filter(history_type="+").update(number=problem.number)
    problem.incidents.add(*incidents)
    problem.services.add(*{s.pk for s in services}, *{i.service_id for i in incidents if i.service_id})
    problem.cis.add(*{c.pk for c in cis}, *{i.ci_id for i in incidents if i.ci_id})
    if major_incident is not None:
        incident_services.postmortem_link(major=major_incident, problem=problem.pk)
    sla.sla_start(ticket=problem, at=problem.created_at, actor=actor)  # root-cause and fix targets
    return problem


EDITABLE = ("title", "description", "impact", "urgency", "owner", "team", "root_cause", "contributing_factors",
            "five_whys", "workaround")


@transaction.atomic
def problem_update(*, problem: Problem | int, actor, services=None, cis=None, **changes) -> Problem:
    """Edit details and the root-cause analysis (impact × urgency re-prioritises)."""
    _require_staff(actor)
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    problem = _locked(problem)
    if problem.status == ProblemStatus.CLOSED:
        raise InvalidTransitionError(_("A closed problem cannot be edited."), problem.status)
    if "five_whys" in changes:
        whys = changes["five_whys"] or []
        if not isinstance(whys, list) or not all(isinstance(w, str) for w in whys) or len(whys) > 10:
            raise ValidationError({"five_whys": [_("Give a list of up to ten answers.")]})
        changes["five_whys"] = [w.strip() for w in whys if w.strip()]
    owner = changes.get("owner")
    if owner is not None and not is_staff_member(owner):
        raise ValidationError({"owner": [_("%(user)s is not service desk staff.") % {"user": owner}]})
    matched_on = (problem.priority, problem.team_id)
    for field, value in changes.items():
        setattr(problem, field, value.strip() if isinstance(value, str) else value)
    problem.priority = incident_services.priority_for(problem.impact, problem.urgency)
    problem.full_clean(exclude=["number", "status", "owner", "team", "major_incident", "created_by"])
    _save(problem, actor, "edited")
    old_services = set(problem.services.values_list("pk", flat=True)) if services is not None else None
    if services is not None:
        problem.services.set(services)
    if cis is not None:
        problem.cis.set(cis)
    services_changed = old_services is not None and old_services != set(problem.services.values_list("pk", flat=True))
    if services_changed or matched_on != (problem.priority, problem.team_id):
        sla.sla_retarget(ticket=problem, actor=actor, reason=f"priority P{problem.priority}")
    _root_cause_found(problem, actor)
    known = KnownError.objects.filter(problem=problem).first()
    if known is not None and {"root_cause", "workaround"} & set(changes):  # it says what the problem says
        known.root_cause = problem.root_cause
        known.workaround = problem.workaround or known.workaround
        _save(known, actor, f"from {problem.number}")
    return problem


@transaction.atomic
def problem_link_incidents(*, problem: Problem | int, actor, incidents: Iterable[Incident],
                           unlink: bool = False) -> Problem:
    _require_staff(actor)
    problem = _locked(problem)
    incidents = list(incidents)
    if not incidents:
        return problem
    if problem.status == ProblemStatus.CLOSED:
        raise InvalidTransitionError(_("The incidents of a closed problem no longer change."), problem.status)
    if unlink:
        problem.incidents.remove(*incidents)
    else:
        problem.incidents.add(*incidents)
    _save(problem, actor, ("unlinked " if unlink else "linked ") + ", ".join(i.number or "" for i in incidents),
          fields=["updated_at"])
    return problem


ACTION_VERBS = {"investigate": gettext_lazy("investigate"), "mark_known_error": gettext_lazy("mark as a known error"),
                "resolve": gettext_lazy("resolve"), "close": gettext_lazy("close")}


def _guard(problem: Problem, action: str, actor) -> None:
    method = getattr(problem, action)
    if not can_proceed(method):
        if action == "mark_known_error" and problem.status in (ProblemStatus.NEW, ProblemStatus.INVESTIGATING):
            raise ValidationError({"root_cause": [_("A known error needs the root cause and a workaround.")]})
        if action == "resolve" and problem.status in (ProblemStatus.INVESTIGATING, ProblemStatus.KNOWN_ERROR):
            raise ValidationError({"root_cause": [_("Record the root cause before resolving.")]})
        raise InvalidTransitionError(_("You cannot %(action)s a problem that is %(status)s.")
                                     % {"action": ACTION_VERBS[action],
                                        "status": problem.get_status_display().lower()}, problem.status)
    if actor is not None and not has_transition_perm(method, actor):
        raise PermissionDenied(_("Only service desk staff work on problems."))


@transaction.atomic
def problem_investigate(*, problem: Problem | int, actor) -> Problem:
    problem = _locked(problem)
    _guard(problem, "investigate", actor)
    problem.investigate()
    if problem.owner_id is None and actor is not None:
        problem.owner = actor
    _save(problem, actor, "investigating")
    sla.sla_status_changed(ticket=problem, actor=actor)
    return problem


@transaction.atomic
def problem_mark_known_error(*, problem: Problem | int, actor, root_cause: str | None = None,
                             workaround: str | None = None, symptom: str = "", publish: bool = True) -> Problem:
    """The cause is known and there is a workaround: record the known error (published by
    default, so agents see it on matching incidents)."""
    problem = _locked(problem)
    if root_cause is not None:
        problem.root_cause = root_cause.strip()
    if workaround is not None:
        problem.workaround = workaround.strip()
    _guard(problem, "mark_known_error", actor)
    problem.mark_known_error()
    problem.known_error_at = timezone.now()
    _save(problem, actor, "known error")
    sla.sla_status_changed(ticket=problem, at=problem.known_error_at, actor=actor)
    _root_cause_found(problem, actor, problem.known_error_at)
    known = KnownError.objects.filter(problem=problem).first() or KnownError(problem=problem, created_by=actor)
    known.title = problem.title
    known.symptom = (symptom or known.symptom or problem.description or problem.title).strip()
    known.root_cause, known.workaround = problem.root_cause, problem.workaround
    if publish:
        known.status = KnownErrorStatus.PUBLISHED
    _save_known_error(known, actor, services=list(problem.services.all()), cis=list(problem.cis.all()))
    return problem


@transaction.atomic
def problem_resolve(*, problem: Problem | int, actor, resolution: str, at: datetime | None = None) -> Problem:
    """The cause is removed. The owners of its still-open incidents are told, so they can
    check with their users and resolve them."""
    if not (resolution or "").strip():
        raise ValidationError({"resolution": [_("Say how the cause was removed.")]})
    problem = _locked(problem)
    _guard(problem, "resolve", actor)
    problem.resolve()
    problem.resolution = resolution.strip()
    problem.resolved_at = at or timezone.now()
    problem.needs_review, problem.review_reason = False, ""
    _save(problem, actor, "resolved")
    _root_cause_found(problem, actor, problem.resolved_at)
    sla.sla_stop(ticket=problem, metric="resolution", at=problem.resolved_at, actor=actor)
    sla.sla_status_changed(ticket=problem, at=problem.resolved_at, actor=actor)
    open_incidents = list(problem.incidents.filter(status__in=OPEN_STATUSES)
                          .values_list("number", "assignee_id", "team__manager_id"))
    owners = [assignee or manager for _number, assignee, manager in open_incidents]
    if open_incidents:
        numbers = ", ".join(number for number, _a, _m in open_incidents)
        _tell(owners, problem, f"resolved:{problem.resolved_at.timestamp():.0f}",
              _("%(number)s is resolved: check your incidents") % {"number": problem.number},
              _("The cause of %(number)s (%(title)s) was removed: %(resolution)s\n\nStill open and linked to it: "
                "%(incidents)s.") % {"number": problem.number, "title": problem.title,
                                     "resolution": problem.resolution, "incidents": numbers})
    return problem


@transaction.atomic
def problem_close(*, problem: Problem | int, actor) -> Problem:
    problem = _locked(problem)
    _guard(problem, "close", actor)
    problem.close()
    problem.closed_at = timezone.now()
    _save(problem, actor, "closed")
    KnownError.objects.filter(problem=problem, status=KnownErrorStatus.PUBLISHED).update(
        status=KnownErrorStatus.RETIRED)
    return problem


# --- known errors -------------------------------------------------------------------------------
def _save_known_error(known: KnownError, actor, *, services=None, cis=None) -> KnownError:
    errors = {}
    if not known.title.strip():
        errors["title"] = [_("Give the known error a title.")]
    if not known.symptom.strip():
        errors["symptom"] = [_("Describe the symptom as users report it.")]
    if not known.workaround.strip():
        errors["workaround"] = [_("A known error needs a workaround.")]
    if known.status not in KnownErrorStatus.values:
        errors["status"] = [_("Choose one of: %s.") % ", ".join(KnownErrorStatus.values)]
    if errors:
        raise ValidationError(errors)
    known.full_clean(exclude=["number", "problem", "created_by", "services", "cis"], validate_unique=False)
    _save(known, actor, "saved")
    if known.number is None:
        known.number = f"KE{known.pk:06d}"
        KnownError.objects.filter(pk=known.pk).update(number=known.number)
    if services is not None:
        known.services.set(services)
    if cis is not None:
        known.cis.set(cis)
    return known


@transaction.atomic
def known_error_save(*, actor, known_error: KnownError | None = None, services=None, cis=None,
                     **fields) -> KnownError:
    """Create (``known_error=None``) or edit a known error."""
    _require_staff(actor)
    allowed = {"title", "symptom", "root_cause", "workaround", "status", "problem"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"not a known-error field: {sorted(unknown)}")
    known = known_error if known_error is not None else KnownError(created_by=actor)
    if known.pk:
        known = KnownError.objects.select_for_update().get(pk=known.pk)
    for field, value in fields.items():
        setattr(known, field, value.strip() if isinstance(value, str) else value)
    try:
        with transaction.atomic():
            return _save_known_error(known, actor, services=services, cis=cis)
    except IntegrityError as exc:
        raise ValidationError({"problem": [_("That problem already has a known error.")]}) from exc


@transaction.atomic
def known_error_apply(*, known_error: KnownError | int, incident: Incident | int, actor) -> WorkaroundApplication:
    """Apply a published workaround to an incident: recorded on the incident as a work note,
    counted on the known error (once per incident), and the incident joins the problem."""
    _require_staff(actor)
    pk = known_error.pk if isinstance(known_error, KnownError) else known_error
    known = KnownError.objects.select_for_update().get(pk=pk)
    incident = Incident.objects.get(pk=incident.pk if isinstance(incident, Incident) else incident)
    if known.status != KnownErrorStatus.PUBLISHED:
        raise InvalidTransitionError(_("Only a published known error's workaround can be applied."), known.status)
    if not incident.is_open:
        raise InvalidTransitionError(_("The incident is already %(status)s.")
                                     % {"status": incident.get_status_display().lower()}, incident.status)
    existing = WorkaroundApplication.objects.filter(known_error=known, incident=incident).first()
    if existing is not None:
        return existing
    application = WorkaroundApplication.objects.create(known_error=known, incident=incident, applied_by=actor)
    KnownError.objects.filter(pk=known.pk).update(applied_count=F("applied_count") + 1)
    incident_services.incident_add_note(
        incident=incident, actor=actor, visibility=NoteVisibility.INTERNAL,
        body=_("Workaround from %(number)s (%(title)s) applied:\n%(workaround)s")
        % {"number": known.number, "title": known.title, "workaround": known.workaround})
    if known.problem_id:
        known.problem.incidents.add(incident)
    return application


# --- trends and recurrence ----------------------------------------------------------------------
def _signature(service_id, ci_id) -> str:
    return f"service:{service_id or '-'}|ci:{ci_id or '-'}"


def trend_sweep(*, now: datetime | None = None) -> list[ProblemCandidate]:
    """Find clusters of recurring incidents — the same service and configuration item at
    least ``PROBLEM_TREND_MIN_INCIDENTS`` times in ``PROBLEM_TREND_DAYS`` days, not linked to
    a problem — with one GROUP BY, and propose each cluster once: a later sweep refreshes
    the proposal instead of adding another; a dismissed cluster comes back only with
    incidents newer than the dismissal. Returns the proposals made this time."""
    now = now or timezone.now()
    since = now - timedelta(days=settings.PROBLEM_TREND_DAYS)
    clusters = list(Incident.objects.filter(created_at__gte=since, created_at__lte=now, problems__isnull=True,
                                            service__isnull=False)
                    .values("service_id", "ci_id")
                    .annotate(n=Count("id"), first=Min("created_at"), last=Max("created_at"))
                    .filter(n__gte=settings.PROBLEM_TREND_MIN_INCIDENTS).order_by("-n"))
    if not clusters:
        return []
    signatures = {_signature(c["service_id"], c["ci_id"]): c for c in clusters}
    proposed = {c.signature: c for c in ProblemCandidate.objects.filter(signature__in=signatures,
                                                                        status=CandidateStatus.PROPOSED)}
    decided = dict(ProblemCandidate.objects.filter(signature__in=signatures).exclude(status=CandidateStatus.PROPOSED)
                   .values_list("signature").annotate(at=Max("decided_at")).values_list("signature", "at"))
    made = []
    for signature, cluster in signatures.items():
        members = Incident.objects.filter(created_at__gte=since, created_at__lte=now, problems__isnull=True,
                                          service_id=cluster["service_id"], ci_id=cluster["ci_id"])
        current = proposed.get(signature)
        if current is not None:
            ProblemCandidate.objects.filter(pk=current.pk).update(incident_count=cluster["n"],
                                                                  last_seen=cluster["last"])
            current.incidents.add(*members)
            continue
        if decided.get(signature) and cluster["last"] <= decided[signature]:
            continue  # nothing new since someone decided about this cluster
        try:
            with transaction.atomic():
                candidate = ProblemCandidate.objects.create(
                    service_id=cluster["service_id"], ci_id=cluster["ci_id"], signature=signature,
                    incident_count=cluster["n"], first_seen=cluster["first"], last_seen=cluster["last"],
                    created_at=now)
        except IntegrityError:
            continue  # a concurrent sweep proposed it
        candidate.incidents.add(*members)
        service = Service.objects.select_related("owner_team").get(pk=cluster["service_id"])
        manager = service.owner_team.manager_id if service.owner_team_id else None
        where = f"{service.name}" + (f" / {candidate.ci}" if candidate.ci_id else "")
        notify([manager] if manager else _managers(), "generic",
               {"subject": _("Recurring incidents on %(where)s: %(n)s in %(days)s days")
                % {"where": where, "n": cluster["n"], "days": settings.PROBLEM_TREND_DAYS},
                "body": _("%(n)s incidents on %(where)s are not linked to a problem. Open a problem or dismiss "
                          "the proposal.") % {"n": cluster["n"], "where": where}},
               ["email", "in_app"], idempotency_key=f"problem-candidate:{candidate.pk}",
               related=f"problems.problemcandidate:{candidate.pk}", url="/problems/candidates/")
        made.append(candidate)
    return made


@transaction.atomic
def candidate_accept(*, candidate: ProblemCandidate | int, actor, title: str = "") -> Problem:
    _require_staff(actor)
    pk = candidate.pk if isinstance(candidate, ProblemCandidate) else candidate
    candidate = ProblemCandidate.objects.select_for_update().get(pk=pk)
    if candidate.status != CandidateStatus.PROPOSED:
        raise InvalidTransitionError(_("This proposal was already %(status)s.")
                                     % {"status": candidate.get_status_display().lower()}, candidate.status)
    incidents = list(candidate.incidents.order_by("created_at"))
    where = candidate.ci.name if candidate.ci_id else (candidate.service.name if candidate.service_id else "")
    problem = problem_create(actor=actor, incidents=incidents,
                             title=title or _("Recurring incidents on %(where)s") % {"where": where},
                             services=[candidate.service] if candidate.service_id else [],
                             cis=[candidate.ci] if candidate.ci_id else [])
    candidate.status, candidate.problem = CandidateStatus.ACCEPTED, problem
    candidate.decided_by, candidate.decided_at = actor, timezone.now()
    _save(candidate, actor, "accepted")
    return problem


@transaction.atomic
def candidate_dismiss(*, candidate: ProblemCandidate | int, actor, at: datetime | None = None) -> ProblemCandidate:
    _require_staff(actor)
    pk = candidate.pk if isinstance(candidate, ProblemCandidate) else candidate
    candidate = ProblemCandidate.objects.select_for_update().get(pk=pk)
    if candidate.status != CandidateStatus.PROPOSED:
        raise InvalidTransitionError(_("This proposal was already %(status)s.")
                                     % {"status": candidate.get_status_display().lower()}, candidate.status)
    candidate.status, candidate.decided_by, candidate.decided_at = CandidateStatus.DISMISSED, actor, \
        at or timezone.now()
    _save(candidate, actor, "dismissed")
    return candidate


#: The services and CIs of problems resolved or closed lately, per process (core.caching.LocalCache:
#: read again after a problem, its services or its CIs change anywhere, and every 5 minutes).
_recent_fixes = LocalCache("problems:recent-fixes:version")
_recent_fixes.connect(Problem)
for _through in (Problem.services.through, Problem.cis.through):
    m2m_changed.connect(_recent_fixes.invalidate, sender=_through, weak=False,
                        dispatch_uid=f"problems-recent-fixes-{_through._meta.label}")

#: How far back (beyond ``PROBLEM_RECURRENCE_DAYS``) the cached fixes reach: an incident recorded
#: with an earlier instant than the cache's filling less this is always checked.
RECENT_FIXES_MARGIN = timedelta(days=1)


def _load_recent_fixes() -> tuple[datetime, frozenset[int], frozenset[int]]:
    since = timezone.now() - timedelta(days=settings.PROBLEM_RECURRENCE_DAYS) - RECENT_FIXES_MARGIN
    fixed = Problem.objects.filter(status__in=[ProblemStatus.RESOLVED, ProblemStatus.CLOSED], resolved_at__gte=since)
    return (since,
            frozenset(Problem.services.through.objects.filter(problem__in=fixed).values_list("service_id", flat=True)),
            frozenset(Problem.cis.through.objects.filter(problem__in=fixed).values_list("configurationitem_id",
                                                                                        flat=True)))


def recurrence_possible(*, service_id: int | None, ci_id: int | None, created_at: datetime | None) -> bool:
    """False only when :func:`problem_check_recurrence` would surely find nothing for a new
    incident of this service and CI recorded at ``created_at``: no problem naming that service
    or CI was resolved or closed within the window (a superset of its match, from a
    per-process cache; no query on most calls). Lets the incident's creation skip queuing the
    check (a Celery message: about a tenth of an API create's CPU)."""
    if service_id is None and ci_id is None:
        return False
    since, services, cis = _recent_fixes.get("fixes", _load_recent_fixes)
    if created_at is None or created_at - timedelta(days=settings.PROBLEM_RECURRENCE_DAYS) < since:
        return True  # older than what the cache covers: let the check decide
    return (service_id is not None and service_id in services) or (ci_id is not None and ci_id in cis)


def problem_check_recurrence(*, incident: Incident | int) -> list[Problem]:
    """An incident with the signature of a problem resolved within
    ``PROBLEM_RECURRENCE_DAYS`` (one of its CIs; or one of its services, for a problem with no
    CI) means the fix did not hold: flag the problem for review and tell its owner."""
    incident = Incident.objects.get(pk=incident.pk if isinstance(incident, Incident) else incident)
    if incident.service_id is None and incident.ci_id is None:
        return []
    since = incident.created_at - timedelta(days=settings.PROBLEM_RECURRENCE_DAYS)
    match = Q(cis=incident.ci_id) if incident.ci_id else Q(pk__in=[])
    if incident.service_id:
        match |= Q(services=incident.service_id, cis__isnull=True)
    flagged = []
    for problem in (Problem.objects.filter(match, status__in=[ProblemStatus.RESOLVED, ProblemStatus.CLOSED],
                                           resolved_at__gte=since, resolved_at__lt=incident.created_at)
                    .exclude(incidents=incident).distinct()):
        with transaction.atomic():
            locked = _locked(problem)
            if locked.needs_review:
                continue
            locked.needs_review = True
            locked.review_reason = _("%(number)s (%(title)s) came back after the resolution.") % {
                "number": incident.number, "title": incident.title[:150]}
            _save(locked, None, "recurred", fields=["needs_review", "review_reason", "updated_at"])
            _tell([locked.owner_id] if locked.owner_id else _managers(), locked, f"recurred:{incident.pk}",
                  _("%(number)s: the fix may not have held") % {"number": locked.number}, locked.review_reason)
        flagged.append(locked)
    return flagged


@transaction.atomic
def problem_acknowledge_review(*, problem: Problem | int, actor) -> Problem:
    """Clear the "fix did not hold" flag after looking into it."""
    _require_staff(actor)
    problem = _locked(problem)
    if not problem.needs_review:
        return problem
    problem.needs_review, problem.review_reason = False, ""
    _save(problem, actor, "review acknowledged", fields=["needs_review", "review_reason", "updated_at"])
    return problem
