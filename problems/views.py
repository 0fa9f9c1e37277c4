"""Browser pages for problem management: the problem list, opening a problem (from nothing,
from incidents or from a major incident), the problem page with its lifecycle, root-cause
analysis and linked incidents, the known errors (search, edit, the suggestions an incident
page embeds, applying a workaround), and the trend proposals.

Staff only: requesters get a 403 everywhere here. Every write goes through
:mod:`problems.services`; views check the input and show the outcome the way the incident
pages do: a service's ``ValidationError`` next to the field it names (400), a refused or lost
change (``InvalidTransitionError``, ``ConflictError``) as a message with the page as it now
stands (409), a refusal of the person (``PermissionDenied``) as a message (403). Success
redirects (POST, redirect, GET). Lists take a number of queries that does not grow with
their rows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Prefetch, Value, When
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from django_fsm import can_proceed, has_transition_perm

from catalog.models import ConfigurationItem, Service, Team
from core.pages import REFUSALS, refusal_message, staff_only
from core.roles import is_staff_member
from incidents.choices import Level
from incidents.forms import add_service_errors
from incidents.models import Incident, MajorIncident

from . import services
from .choices import OPEN_PROBLEM_STATUSES, CandidateStatus, KnownErrorStatus, ProblemStatus
from .filtersets import ProblemFilterSet
from .forms import (
    AnalysisForm,
    ApplyForm,
    CandidateAcceptForm,
    KnownErrorForm,
    LinkIncidentsForm,
    MarkKnownErrorForm,
    ProblemCreateForm,
    ProblemEditForm,
    ResolveForm,
    UnlinkIncidentForm,
)
from .models import KnownError, Problem, ProblemCandidate, WorkaroundApplication
from .selectors import known_error_suggestions, problems_with_list_data

User = get_user_model()
P = ProblemStatus
#: The lifecycle in the order the page offers it (the model's transition names).
LIFECYCLE = ("investigate", "mark_known_error", "resolve", "close")
SAVE_FAILED = gettext_lazy("Nothing was saved: please correct the errors below.")


staff_required = staff_only(gettext_lazy("Only service desk staff can see problems."))


def _refusal(exc: Exception) -> str:
    return refusal_message(
        exc, gettext_lazy("Someone else changed this problem meanwhile; here it is as it now stands."))


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return fallback


def _is_partial(request, target: str) -> bool:
    htmx = getattr(request, "htmx", None)
    return bool(htmx and htmx.target == target and not htmx.history_restore_request)


def _query(request, **changes) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


# --- the list ------------------------------------------------------------------------------------
RESULTS_ID = "problem-results"
SORTS = {
    "priority": ("open_rank", "priority", "-created_at", "-id"),
    "-created": ("-created_at", "-id"),
    "created": ("created_at", "id"),
    "-updated": ("-updated_at", "-id"),
}
SORT_CHOICES = [
    ("priority", gettext_lazy("Open first, highest priority first")), ("-created", gettext_lazy("Newest first")),
    ("created", gettext_lazy("Oldest first")), ("-updated", gettext_lazy("Recently updated first")),
]


def _open_rank():
    return Case(When(status__in=OPEN_PROBLEM_STATUSES, then=Value(0)), default=Value(1), output_field=IntegerField())


@staff_required
def problem_list(request):
    """``/problems/``: the shared FilterSet (status, priority, owner, needs review, service,
    search), sorting and pages. HTMX requests aimed at the results get only the results."""
    params = request.GET
    sort = params.get("sort") if params.get("sort") in SORTS else "priority"
    filterset = ProblemFilterSet(params, queryset=Problem.objects.all(), request=request)
    qs = filterset.qs if filterset.is_valid() else Problem.objects.none()
    qs = problems_with_list_data(qs).annotate(open_rank=_open_rank()).order_by(*SORTS[sort])
    page = Paginator(qs, 25).get_page(params.get("page"))
    here = reverse("problems:list")
    partial = _is_partial(request, RESULTS_ID)
    response = render(request, "problems/_list_results.html" if partial else "problems/list.html", {
        "filter": filterset, "page_obj": page, "problems": page.object_list, "paginator": page.paginator,
        "sort": sort, "sort_choices": SORT_CHOICES, "q": params.get("q", "").strip()[:100],
        "querystring": _query(request), "here": here, "results_id": RESULTS_ID,
    })
    patch_vary_headers(response, ("HX-Request", "HX-Target"))
    return response


# --- opening a problem --------------------------------------------------------------------------
def _ids(text: str, limit: int = 50) -> list[int]:
    return list(dict.fromkeys(int(part) for part in (text or "").split(",") if part.strip().isdigit()))[:limit]


@staff_required
def problem_create(request):
    """``/problems/new/``; ``?incidents=1,2,3`` (or the incident queue's POST of its ticked
    rows) opens it from those incidents (the title from the first), ``?major_incident=<id>``
    from a major incident's postmortem."""
    major = None
    # The incident queue posts its ticked rows here (``bulk-ids``, with the queue's CSRF
    # token, never in the address): that only prefills the form, like ``?incidents=``.
    from_queue = request.method == "POST" and ("bulk-problem" in request.POST or "bulk-ids" in request.POST)
    if request.method == "POST" and not from_queue:
        form = ProblemCreateForm(request.POST)
        if form.is_valid():
            try:
                problem = services.problem_create(actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            except PermissionDenied as exc:
                messages.error(request, str(exc))
                return render(request, "problems/form.html", {"form": form}, status=403)
            else:
                messages.success(request, _("%(number)s is opened.") % {"number": problem.number})
                return redirect(problem)
        major = form.cleaned_data.get("major_incident") if hasattr(form, "cleaned_data") else None
        return render(request, "problems/form.html", {"form": form, "major": major}, status=400)
    initial: dict[str, Any] = {}
    incidents = []
    # ``?incidents=1,2,3``, or the incident queue's ticked rows (``bulk-ids=1&bulk-ids=2``, posted).
    given = request.POST if from_queue else request.GET
    wanted = _ids(",".join([given.get("incidents", ""), *given.getlist("bulk-ids")]))
    if wanted:
        found = Incident.objects.in_bulk(wanted)
        incidents = [found[pk] for pk in wanted if pk in found]
    major_id = request.GET.get("major_incident", "")
    if major_id.isdigit():
        major = MajorIncident.objects.select_related("incident").filter(pk=int(major_id)).first()
        if major is not None:
            initial.update(major_incident=major.pk, title=major.summary)
            incidents = [major.incident, *[i for i in incidents if i.pk != major.incident_id]]
    if incidents:
        first = incidents[0]
        initial.setdefault("title", first.title)
        initial.update(incidents=", ".join(i.number for i in incidents), impact=first.impact, urgency=first.urgency,
                       description=first.description)
    form = ProblemCreateForm(initial=initial)
    return render(request, "problems/form.html", {"form": form, "major": major, "from_incidents": incidents})


# --- the problem page ---------------------------------------------------------------------------
def _problem_for_page(pk: int) -> Problem:
    qs = (Problem.objects.select_related("owner", "team", "created_by", "major_incident__incident", "known_error")
          .prefetch_related(Prefetch("services", queryset=Service.objects.order_by("name")),
                            Prefetch("cis", queryset=ConfigurationItem.objects.order_by("name")),
                            "changes"))  # the changes app's link back (by name: it sits below this one)
    return get_object_or_404(qs, pk=pk)


def known_error_of(problem: Problem) -> KnownError | None:
    try:
        return problem.known_error
    except KnownError.DoesNotExist:
        return None


def lifecycle_actions(problem: Problem, user) -> list[str]:
    """What the API offers too: the transitions whose source, conditions and permission
    allow it now (django-fsm's ``can_proceed`` and ``has_transition_perm``)."""
    return [name for name in LIFECYCLE
            if can_proceed(getattr(problem, name)) and has_transition_perm(getattr(problem, name), user)]


@dataclass
class Entry:
    """One line of the history."""

    at: datetime
    who: Any = None
    title: str = ""
    changes: list = field(default_factory=list)


TRACKED = ("status", "title", "description", "impact", "urgency", "priority", "owner_id", "team_id", "root_cause",
           "contributing_factors", "five_whys", "workaround", "resolution", "needs_review")
EDITED_ONLY = ("description", "contributing_factors", "five_whys")  # long: say it changed, not how
HISTORY_LIMIT = 200
REASONS = {
    "created": gettext_lazy("Opened"), "edited": gettext_lazy("Edited"),
    "investigating": gettext_lazy("Investigation started"), "known error": gettext_lazy("Marked a known error"),
    "resolved": gettext_lazy("Resolved"), "closed": gettext_lazy("Closed"),
    "recurred": gettext_lazy("The fix did not hold"), "review acknowledged": gettext_lazy("Review acknowledged"),
}


def _reason_label(reason: str) -> str:
    if reason.startswith("linked "):
        return _("Linked %(numbers)s") % {"numbers": reason.removeprefix("linked ")}
    if reason.startswith("unlinked "):
        return _("Unlinked %(numbers)s") % {"numbers": reason.removeprefix("unlinked ")}
    return str(REASONS.get(reason, reason))


def history_entries(problem: Problem) -> list[Entry]:
    """Each saved change, newest first, with who, when, why and what changed (old → new);
    names of people and teams looked up once, not once per row."""
    records = list(problem.history.select_related("history_user").order_by("-history_date", "-history_id")
                   [:HISTORY_LIMIT])[::-1]
    people = {r.owner_id for r in records if r.owner_id}
    teams = {r.team_id for r in records if r.team_id}
    names = {"owner_id": {u.pk: u.get_full_name() or u.get_username() for u in User.objects.filter(pk__in=people)}
             if people else {},
             "team_id": dict(Team.objects.filter(pk__in=teams).values_list("pk", "name")) if teams else {}}

    def shown(name: str, value) -> str:
        if value in (None, "", []):
            return "—"
        if name in names:
            return names[name].get(value, f"#{value}")
        if name == "status":
            return str(P(value).label) if value in P.values else str(value)
        if name in ("impact", "urgency"):
            return str(Level(value).label) if value in Level.values else str(value)
        if name == "priority":
            return f"P{value}"
        if name == "needs_review":
            return _("yes") if value else _("no")
        return Truncator(str(value)).chars(80)

    entries, previous = [], None
    for record in records:
        changes = []
        if record.history_type == "~" and previous is not None:
            for name in TRACKED:
                old, new = getattr(previous, name), getattr(record, name)
                if old != new:
                    label = Problem._meta.get_field(name.removesuffix("_id")).verbose_name
                    if name in EDITED_ONLY:
                        changes.append((label, "", _("edited")))
                    else:
                        changes.append((label, shown(name, old), shown(name, new)))
        reason = record.history_change_reason or ""
        # Adding incidents, services or CIs saves a copy with the same reason: one line is enough.
        echo = previous is not None and reason == (previous.history_change_reason or "") and not changes
        previous = record
        if record.history_type == "~" and (echo or (not changes and reason in ("", "edited"))):
            continue
        title = _reason_label(reason) if reason else (_("Opened") if record.history_type == "+" else _("Changed"))
        entries.append(Entry(at=record.history_date, who=record.history_user, title=title, changes=changes))
    return entries[::-1]


def _default_forms(problem: Problem) -> dict:
    return {
        "edit": ProblemEditForm(prefix="edit", initial=ProblemEditForm.initial_for(problem)),
        "analysis": AnalysisForm(prefix="analysis", initial=AnalysisForm.initial_for(problem),
                                 whys=len(problem.five_whys or [])),
        "mark": MarkKnownErrorForm(prefix="mark", initial={"symptom": problem.description, "publish": True}),
        "resolve": ResolveForm(prefix="resolve"),
        "link": LinkIncidentsForm(prefix="link"),
    }


def render_problem(request, pk: int, bound: dict | None = None, status: int = 200):
    """The problem page as it now stands; ``bound`` holds a submitted form (with its errors)."""
    problem = _problem_for_page(pk)
    forms = _default_forms(problem)
    forms.update(bound or {})
    actions = lifecycle_actions(problem, request.user)
    context = {
        "problem": problem, "known": known_error_of(problem), "actions": actions, "forms": forms,
        "open_form": next(iter(bound), None) if bound else None,
        "incidents": list(problem.incidents.select_related("assignee").order_by("created_at", "id")),
        "history": history_entries(problem), "editable": problem.status != P.CLOSED,
        # Known error is not offered until the analysis has a cause and a workaround: say so.
        "known_error_hint": problem.status in (P.NEW, P.INVESTIGATING) and "mark_known_error" not in actions,
        "resolve_hint": problem.status in (P.INVESTIGATING, P.KNOWN_ERROR) and "resolve" not in actions,
    }
    return render(request, "problems/detail.html", context, status=status)


@staff_required
def problem_detail(request, pk: int):
    return render_problem(request, pk)


# --- actions on the problem page ----------------------------------------------------------------
def _unlink(problem: Problem, user, data: dict):
    incident = problem.incidents.filter(pk=data["incident"]).first()
    if incident is None:
        raise ValidationError(_("That incident is not linked to this problem."))
    return services.problem_link_incidents(problem=problem, actor=user, incidents=[incident], unlink=True)


@dataclass(frozen=True)
class Action:
    key: str | None  # the form's prefix and its name in the page's ``forms``
    form: type | None
    run: Callable[[Problem, Any, dict], Any]
    done: str
    inline: bool = True  # errors go next to the form's fields (False: the form has only hidden fields)


ACTIONS = {
    "investigate": Action(None, None, lambda p, u, d: services.problem_investigate(problem=p, actor=u),
                          gettext_lazy("%(number)s is being investigated.")),
    "mark-known-error": Action("mark", MarkKnownErrorForm,
                               lambda p, u, d: services.problem_mark_known_error(problem=p, actor=u, **d),
                               gettext_lazy("%(number)s is a known error; its workaround is recorded.")),
    "resolve": Action("resolve", ResolveForm, lambda p, u, d: services.problem_resolve(problem=p, actor=u, **d),
                      gettext_lazy("%(number)s is resolved.")),
    "close": Action(None, None, lambda p, u, d: services.problem_close(problem=p, actor=u),
                    gettext_lazy("%(number)s is closed.")),
    "acknowledge-review": Action(None, None,
                                 lambda p, u, d: services.problem_acknowledge_review(problem=p, actor=u),
                                 gettext_lazy("The review of %(number)s is acknowledged.")),
    "link": Action("link", LinkIncidentsForm,
                   lambda p, u, d: services.problem_link_incidents(problem=p, actor=u, incidents=d["incidents"]),
                   gettext_lazy("The incidents are linked to %(number)s.")),
    "unlink": Action("unlink", UnlinkIncidentForm, _unlink, gettext_lazy("The incident is unlinked from %(number)s."),
                     inline=False),
    "analysis": Action("analysis", AnalysisForm, lambda p, u, d: services.problem_update(problem=p, actor=u, **d),
                       gettext_lazy("The analysis of %(number)s is saved.")),
    "edit": Action("edit", ProblemEditForm, lambda p, u, d: services.problem_update(problem=p, actor=u, **d),
                   gettext_lazy("%(number)s is saved.")),
}


@staff_required
@require_POST
def problem_action(request, pk: int, action: str):
    """POST ``/problems/<id>/<action>/``: check the form, call the service, back to the
    problem page."""
    spec = ACTIONS.get(action)
    if spec is None:
        raise Http404
    problem = get_object_or_404(Problem.objects.select_related("owner", "team"), pk=pk)
    form = None
    if spec.form is AnalysisForm:
        form = AnalysisForm(request.POST, prefix=spec.key, whys=len(problem.five_whys or []))
    elif spec.form is not None:
        form = spec.form(request.POST, prefix=spec.key)
    if form is not None and not form.is_valid():
        if spec.inline:
            messages.error(request, SAVE_FAILED)
            return render_problem(request, pk, {spec.key: form}, status=400)
        messages.error(request, _("Nothing was saved: the form was incomplete; reload the page."))
        return render_problem(request, pk, status=400)
    data = form.cleaned_data if form is not None else {}
    if hasattr(form, "changes"):  # an edit: only what differs
        data = form.changes(problem)
        if not data:
            messages.info(request, _("Nothing changed."))
            return redirect(problem)
    bound = {spec.key: form} if form is not None and spec.inline else None
    try:
        spec.run(problem, request.user, data)
    except ValidationError as exc:
        if bound:
            add_service_errors(form, exc)
            messages.error(request, SAVE_FAILED)
        else:
            messages.error(request, " ".join(exc.messages))
        return render_problem(request, pk, bound, status=400)
    except PermissionDenied as exc:
        messages.error(request, str(exc) or _("You are not allowed to do this."))
        return render_problem(request, pk, status=403)
    except REFUSALS as exc:
        messages.error(request, _refusal(exc))
        return render_problem(request, pk, status=409)
    messages.success(request, spec.done % {"number": problem.number})
    return redirect(problem)


# --- known errors --------------------------------------------------------------------------------
KE_RESULTS_ID = "known-error-results"


def _known_errors_found(text: str, status: str) -> list[KnownError]:
    """Full-text matches, best first (drafts and retired ones too: this is the editors' list),
    with an exact number (KE000012) on top; one query for the rows' problems."""
    found = known_error_suggestions(text=text, limit=50, include_drafts=True)
    ids = [k.pk for k in found]
    number = text.strip().upper()
    exact = KnownError.objects.filter(number=number).values_list("pk", flat=True).first() \
        if number.startswith("KE") else None
    if exact is not None:
        ids = [exact, *[pk for pk in ids if pk != exact]]
    rows = KnownError.objects.select_related("problem").in_bulk(ids)
    return [rows[pk] for pk in ids if pk in rows and (not status or rows[pk].status == status)]


@staff_required
def known_error_list(request):
    """``/problems/known-errors/``: all known errors, most applied first, or what matches the
    search (ranked, as on incidents)."""
    q = request.GET.get("q", "").strip()[:200]
    status = request.GET.get("status", "")
    status = status if status in KnownErrorStatus.values else ""
    if q:
        rows = _known_errors_found(q, status)
    else:
        rows = KnownError.objects.select_related("problem").order_by("-applied_count", "title", "id")
        if status:
            rows = rows.filter(status=status)
    page = Paginator(rows, 25).get_page(request.GET.get("page"))
    partial = _is_partial(request, KE_RESULTS_ID)
    response = render(request, "problems/_known_error_results.html" if partial else "problems/known_errors.html", {
        "page_obj": page, "known_errors": page.object_list, "paginator": page.paginator, "q": q, "status": status,
        "status_choices": KnownErrorStatus.choices, "querystring": _query(request),
        "here": reverse("problems:known-errors"), "results_id": KE_RESULTS_ID,
    })
    patch_vary_headers(response, ("HX-Request", "HX-Target"))
    return response


def _known_error_page(request, form: KnownErrorForm, known: KnownError | None, status: int = 200):
    context = {"form": form, "known": known}
    if known is not None:
        context["applications"] = list(WorkaroundApplication.objects.filter(known_error=known)
                                       .select_related("incident", "applied_by").order_by("-applied_at")[:20])
        context["history"] = known.history.select_related("history_user").order_by("-history_date")[:50]
    return render(request, "problems/known_error.html", context, status=status)


def _save_known_error(request, form: KnownErrorForm, known: KnownError | None):
    """Save through the service; a response either way."""
    if not form.is_valid():
        messages.error(request, SAVE_FAILED)
        return _known_error_page(request, form, known, status=400)
    data = dict(form.cleaned_data)
    svcs, cis = data.pop("services"), data.pop("cis")
    try:
        saved = services.known_error_save(actor=request.user, known_error=known, services=svcs, cis=cis, **data)
    except ValidationError as exc:
        add_service_errors(form, exc)
        messages.error(request, SAVE_FAILED)
        return _known_error_page(request, form, known, status=400)
    except PermissionDenied as exc:
        messages.error(request, str(exc))
        return _known_error_page(request, form, known, status=403)
    messages.success(request, _("%(number)s is saved.") % {"number": saved.number})
    return redirect(saved)


@staff_required
def known_error_create(request):
    """``/problems/known-errors/new/``; ``?problem=<id>`` starts from a problem's analysis."""
    if request.method == "POST":
        return _save_known_error(request, KnownErrorForm(request.POST), None)
    initial = {}
    problem_id = request.GET.get("problem", "")
    if problem_id.isdigit():
        problem = Problem.objects.prefetch_related("services", "cis").filter(pk=int(problem_id)).first()
        if problem is not None:
            initial = {"title": problem.title, "symptom": problem.description, "root_cause": problem.root_cause,
                       "workaround": problem.workaround, "problem": problem.number,
                       "services": [s.pk for s in problem.services.all()], "cis": [c.pk for c in problem.cis.all()]}
    return _known_error_page(request, KnownErrorForm(initial=initial), None)


@staff_required
def known_error_detail(request, pk: int):
    """``/problems/known-errors/<id>/``: what it says, where it was applied, and its edit form."""
    known = get_object_or_404(KnownError.objects.select_related("problem", "created_by")
                              .prefetch_related("services", "cis"), pk=pk)
    if request.method == "POST":
        return _save_known_error(request, KnownErrorForm(request.POST), known)
    return _known_error_page(request, KnownErrorForm(initial=KnownErrorForm.initial_for(known)), known)


def _int_param(params, name: str) -> int | None:
    value = params.get(name, "").strip()
    return int(value) if value.isdigit() else None


def known_error_suggest(request):
    """``/problems/known-errors/suggest/?text=&service=&ci=&incident=``: the published known
    errors matching what the agent typed (``text``, or an incident form's ``title`` and
    ``description``), best first, as a fragment to embed with htmx. With ``incident``, each
    has an "Apply workaround" button (and with no text, the incident's own title,
    description, service and CI are matched). A session that ran out answers 204 to htmx (nothing is
    swapped, the typing is not lost)."""
    if not request.user.is_authenticated:
        if getattr(request, "htmx", False):
            return HttpResponse(status=204)
        return redirect_to_login(request.get_full_path())
    if not is_staff_member(request.user):
        raise PermissionDenied(_("Only service desk staff can see known errors."))
    params = request.GET
    text = " ".join(params.get(name, "") for name in ("text", "title", "description")).strip()[:2000]
    service_id, ci_id = _int_param(params, "service"), _int_param(params, "ci")
    incident_id = _int_param(params, "incident")
    incident = Incident.objects.filter(pk=incident_id).only(
        "pk", "number", "status", "title", "description", "service_id", "ci_id").first() if incident_id else None
    if incident is not None and not text:  # on the incident page: what the incident says
        text = f"{incident.title} {incident.description}"[:2000]
        service_id, ci_id = service_id or incident.service_id, ci_id or incident.ci_id
    found = known_error_suggestions(text=text, service_id=service_id, ci_id=ci_id)
    response = render(request, "problems/_suggestions.html", {
        "suggestions": found, "incident": incident, "searched": bool(text.strip()),
        "next_url": _safe_next(request, incident.get_absolute_url() if incident else ""),
    })
    patch_vary_headers(response, ("HX-Request",))
    return response


@staff_required
@require_POST
def known_error_apply(request, pk: int):
    """Apply the workaround to an incident (POST ``incident``), then back where it was pressed."""
    known = get_object_or_404(KnownError, pk=pk)
    form = ApplyForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(_safe_next(request, known.get_absolute_url()))
    incident = form.cleaned_data["incident"]
    back = _safe_next(request, incident.get_absolute_url())
    try:
        services.known_error_apply(known_error=known, incident=incident, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    except REFUSALS as exc:
        messages.error(request, _("The workaround was not applied: %(reason)s") % {"reason": _refusal(exc)})
    else:
        messages.success(request, _("The workaround from %(known)s is applied to %(incident)s and noted on it.")
                         % {"known": known.number, "incident": incident.number})
    return redirect(back)


# --- trend proposals -----------------------------------------------------------------------------
CANDIDATE_INCIDENTS_SHOWN = 10


@staff_required
def candidate_list(request):
    """``/problems/candidates/``: clusters of recurring incidents the trend sweep proposes."""
    candidates = (ProblemCandidate.objects.filter(status=CandidateStatus.PROPOSED).select_related("service", "ci")
                  .prefetch_related(Prefetch("incidents", queryset=Incident.objects.order_by("-created_at", "-id")))
                  .order_by("-incident_count", "-last_seen", "id"))
    page = Paginator(candidates, 25).get_page(request.GET.get("page"))
    return render(request, "problems/candidates.html", {
        "page_obj": page, "candidates": page.object_list, "shown": CANDIDATE_INCIDENTS_SHOWN,
        "here": request.get_full_path(),
    })


@staff_required
@require_POST
def candidate_decide(request, pk: int, decision: str):
    """Accept (open the problem, then go to it) or dismiss a proposal."""
    if decision not in ("accept", "dismiss"):
        raise Http404
    candidate = get_object_or_404(ProblemCandidate, pk=pk)
    back = _safe_next(request, reverse("problems:candidates"))
    form = CandidateAcceptForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(back)
    try:
        if decision == "accept":
            problem = services.candidate_accept(candidate=candidate, actor=request.user,
                                                title=form.cleaned_data["title"])
        else:
            services.candidate_dismiss(candidate=candidate, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(back)
    except PermissionDenied as exc:
        messages.error(request, str(exc))
        return redirect(back)
    except REFUSALS as exc:
        messages.error(request, _refusal(exc))
        return redirect(back)
    if decision == "accept":
        count = problem.incidents.count()
        messages.success(request, ngettext("%(number)s is opened with %(count)s incident.",
                                           "%(number)s is opened with %(count)s incidents.", count)
                         % {"number": problem.number, "count": count})
        return redirect(problem)
    messages.success(request, _("The proposal is dismissed."))
    return redirect(back)
