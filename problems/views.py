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

from typing import Any

from django import forms
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
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from catalog.models import ConfigurationItem, Service, Team
from core.pages import (
    SAVE_FAILED,
    Action,
    ActionView,
    BulkAction,
    Column,
    Entry,
    FilteredListView,
    StaffRequiredMixin,
    action_card,
    attempt,
    history_records,
    history_timeline,
    is_partial,
    message_errors,
    querystring,
    refusal_message,
    safe_next,
    staff_only,
)
from core.roles import is_staff_member
from incidents.choices import Level
from incidents.forms import add_service_errors
from incidents.models import Incident, MajorIncident
from sla.selectors import SLA_PREFETCH

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
from .selectors import (
    PROBLEM_TRANSITIONS,
    known_error_suggestions,
    problem_available_actions,
    problems_visible_to,
    problems_with_list_data,
)

User = get_user_model()
STAFF_ONLY = gettext_lazy("Only service desk staff can see problems.")
LOST_RACE = gettext_lazy("Someone else changed this problem meanwhile; here it is as it now stands.")
staff_required = staff_only(STAFF_ONLY)


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


COLUMNS = [
    Column("number", gettext_lazy("Number"), sort="created", always=True),
    Column("title", gettext_lazy("Title"), always=True),
    Column("status", gettext_lazy("Status")),
    Column("priority", gettext_lazy("Priority"), sort="priority"),
    Column("owner", gettext_lazy("Owner")),
    Column("incidents", gettext_lazy("Incidents")),
]


class BulkPriorityForm(forms.Form):
    """The priority comes from the matrix: impact × urgency (services.problem_update)."""

    impact = forms.TypedChoiceField(label=gettext_lazy("Impact"), choices=Level.choices, coerce=int)
    urgency = forms.TypedChoiceField(label=gettext_lazy("Urgency"), choices=Level.choices, coerce=int)


#: The list's bulk actions: each row through the service (its guards refuse the rest).
BULK_ACTIONS = {
    "investigate": BulkAction(gettext_lazy("Start investigating"), lambda problem, user, data:
                              services.problem_investigate(problem=problem, actor=user)),
    "priority": BulkAction(gettext_lazy("Set priority"), lambda problem, user, data: services.problem_update(
        problem=problem, actor=user, impact=data["impact"], urgency=data["urgency"]), form=BulkPriorityForm,
        confirm=gettext_lazy("Change the priority of the ticked problems?")),
    "close": BulkAction(gettext_lazy("Close"), lambda problem, user, data: services.problem_close(
        problem=problem, actor=user),
        confirm=gettext_lazy("Close the ticked problems? Only resolved ones can be closed.")),
}


def _open_rank():
    return Case(When(status__in=OPEN_PROBLEM_STATUSES, then=Value(0)), default=Value(1), output_field=IntegerField())


class ProblemListView(FilteredListView):
    """``/problems/``: the shared FilterSet (status, priority, owner, needs review, service,
    search), sorting and pages. HTMX requests aimed at the results get only the results."""

    staff_message = STAFF_ONLY
    filterset_class = ProblemFilterSet
    template_name, partial_template_name = "problems/list.html", "problems/_list_results.html"
    context_object_name = "problems"
    list_url = "problems:list"
    sorts, default_sort, sort_choices = SORTS, "priority", SORT_CHOICES
    results_id = RESULTS_ID
    visible_to = staticmethod(problems_visible_to)
    list_key, columns, bulk_actions = "problems", COLUMNS, BULK_ACTIONS

    def with_list_data(self, qs):
        return problems_with_list_data(qs).annotate(open_rank=_open_rank())


problem_list = ProblemListView.as_view()


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
def _problem_for_page(user, pk: int) -> Problem:
    qs = (problems_visible_to(user)
          .select_related("owner", "team", "created_by", "major_incident__incident", "known_error")
          .prefetch_related(Prefetch("services", queryset=Service.objects.order_by("name")),
                            Prefetch("cis", queryset=ConfigurationItem.objects.order_by("name")),
                            "changes",  # the changes app's link back (by name: it sits below this one)
                            *SLA_PREFETCH))
    return get_object_or_404(qs, pk=pk)


def known_error_of(problem: Problem) -> KnownError | None:
    try:
        return problem.known_error
    except KnownError.DoesNotExist:
        return None


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
    records = history_records(problem, HISTORY_LIMIT)[::-1]
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
            return str(ProblemStatus(value).label) if value in ProblemStatus.values else str(value)
        if name in ("impact", "urgency"):
            return str(Level(value).label) if value in Level.values else str(value)
        if name == "priority":
            return f"P{value}"
        if name == "needs_review":
            return _("yes") if value else _("no")
        return Truncator(str(value)).chars(80)

    def title(record, reason: str) -> str:
        return _reason_label(reason) if reason else (_("Opened") if record.history_type == "+" else _("Changed"))

    # Adding incidents, services or CIs saves a copy with the same reason: one line is enough.
    return history_timeline(records, model=Problem, tracked=TRACKED, shown=shown, title=title,
                           edited_only=EDITED_ONLY, echoes=True)[::-1]


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
    problem = _problem_for_page(request.user, pk)
    forms = _default_forms(problem)
    forms.update(bound or {})
    available = problem_available_actions(request.user, problem)
    open_form = next(iter(bound), None) if bound else None
    # Known error is not offered until the analysis has a cause and a workaround: say so.
    if problem.status in (ProblemStatus.NEW, ProblemStatus.INVESTIGATING) and "mark-known-error" not in available:
        hint = {"css": "prb-hint", "testid": "known-error-hint",
                "text": _("To mark it a known error, record the root cause and a workaround in the analysis.")}
    elif problem.status in (ProblemStatus.INVESTIGATING, ProblemStatus.KNOWN_ERROR) and "resolve" not in available:
        hint = {"css": "prb-hint", "text": _("To resolve it, record the root cause in the analysis.")}
    else:
        hint = None
    context = {
        "problem": problem, "layout": "prb", "known": known_error_of(problem), "forms": forms, "open_form": open_form,
        # The lifecycle offered, by the model's transition names.
        "actions": [PROBLEM_TRANSITIONS[verb] for verb in available if verb in PROBLEM_TRANSITIONS],
        "card": action_card(ACTIONS, problem, request.user, available, forms=forms, open_form=open_form,
                            notes=[hint] if hint else [],
                            url=lambda name: reverse("problems:action", args=[problem.pk, name])),
        "incidents": list(problem.incidents.select_related("assignee").order_by("created_at", "id")),
        "history": history_entries(problem), "editable": "edit" in available,
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


def _service(name: str):
    """``services.problem_<name>`` with the form's data."""
    def run(problem, user, data):
        return getattr(services, f"problem_{name}")(problem=problem, actor=user, **data)
    return run


#: The problem page's actions: the one-click buttons and the forms of its actions card in
#: this order (``needs``: the ``problem_available_actions`` verb each one takes), then those
#: the page places itself (the review banner, the analysis, the linked incidents).
ACTIONS = {
    "investigate": Action(_service("investigate"), gettext_lazy("%(number)s is being investigated."),
                          label=gettext_lazy("Start investigating"), primary=True),
    "close": Action(_service("close"), gettext_lazy("%(number)s is closed."), label=gettext_lazy("Close: the fix held"),
                    primary=True),
    "mark-known-error": Action(_service("mark_known_error"),
                               gettext_lazy("%(number)s is a known error; its workaround is recorded."),
                               MarkKnownErrorForm, key="mark", label=gettext_lazy("Mark as known error…"),
                               submit=gettext_lazy("Mark as known error"), primary=True,
                               help=gettext_lazy("The root cause and the workaround of the analysis below go into "
                                                 "the known error.")),
    "resolve": Action(_service("resolve"), gettext_lazy("%(number)s is resolved."), ResolveForm,
                      label=gettext_lazy("Resolve…"), submit=gettext_lazy("Resolve"), primary=True,
                      help=gettext_lazy("The owners of its still-open incidents are told, so they can check with "
                                        "their users.")),
    "edit": Action(_service("update"), gettext_lazy("%(number)s is saved."), ProblemEditForm,
                   label=gettext_lazy("Edit details…"), submit=gettext_lazy("Save"), primary=True,
                   grid=("impact", "urgency", "owner", "team", "services", "cis")),
    "acknowledge-review": Action(_service("acknowledge_review"),
                                 gettext_lazy("The review of %(number)s is acknowledged."), card=False),
    "link": Action(lambda p, u, d: services.problem_link_incidents(problem=p, actor=u, incidents=d["incidents"]),
                   gettext_lazy("The incidents are linked to %(number)s."), LinkIncidentsForm, needs="link-incidents",
                   card=False),
    "unlink": Action(_unlink, gettext_lazy("The incident is unlinked from %(number)s."), UnlinkIncidentForm,
                     inline=False, needs="link-incidents", card=False),
    "analysis": Action(_service("update"), gettext_lazy("The analysis of %(number)s is saved."), AnalysisForm,
                       needs="edit", card=False),
}


class ProblemActionView(StaffRequiredMixin, ActionView):
    """POST ``/problems/<id>/<action>/``: check the form, call the service, back to the
    problem page."""

    staff_message = STAFF_ONLY
    lost_race = LOST_RACE
    actions = ACTIONS

    def get_record(self):
        return get_object_or_404(problems_visible_to(self.request.user).select_related("owner", "team"),
                                 pk=self.kwargs["pk"])

    def get_form_kwargs(self, spec):
        kwargs = super().get_form_kwargs(spec)
        if spec.form is AnalysisForm:
            kwargs["whys"] = len(self.record.five_whys or [])
        return kwargs

    def form_data(self, spec, form):
        if hasattr(form, "changes"):  # an edit: only what differs
            return form.changes(self.record) or None
        return super().form_data(spec, form)

    def render_page(self, bound, status):
        return render_problem(self.request, self.kwargs["pk"], bound, status=status)


problem_action = ProblemActionView.as_view()


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
    partial = is_partial(request, KE_RESULTS_ID)
    response = render(request, "problems/_known_error_results.html" if partial else "problems/known_errors.html", {
        "page_obj": page, "known_errors": page.object_list, "paginator": page.paginator, "q": q, "status": status,
        "status_choices": KnownErrorStatus.choices, "querystring": querystring(request.GET),
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
        "next_url": safe_next(request, incident.get_absolute_url() if incident else ""),
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
        message_errors(request, form)
        return redirect(safe_next(request, known.get_absolute_url()))
    incident = form.cleaned_data["incident"]
    back = safe_next(request, incident.get_absolute_url())
    if attempt(request, lambda: services.known_error_apply(known_error=known, incident=incident, actor=request.user),
               refusal=lambda exc: _("The workaround was not applied: %(reason)s")
               % {"reason": refusal_message(exc, LOST_RACE)}) is None:
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
    back = safe_next(request, reverse("problems:candidates"))
    form = CandidateAcceptForm(request.POST)
    if not form.is_valid():
        message_errors(request, form)
        return redirect(back)
    opened = []

    def call():
        if decision == "accept":
            opened.append(services.candidate_accept(candidate=candidate, actor=request.user,
                                                    title=form.cleaned_data["title"]))
        else:
            services.candidate_dismiss(candidate=candidate, actor=request.user)

    if attempt(request, call, lost_race=LOST_RACE) is not None:
        return redirect(back)
    if decision == "accept":
        problem = opened[0]
        count = problem.incidents.count()
        messages.success(request, ngettext("%(number)s is opened with %(count)s incident.",
                                           "%(number)s is opened with %(count)s incidents.", count)
                         % {"number": problem.number, "count": count})
        return redirect(problem)
    messages.success(request, _("The proposal is dismissed."))
    return redirect(back)
