"""Browser pages for incidents: the agent workspace (queues), the incident page with its
actions, create and edit (the requester portal's incident pages are servicerequests').

Every write goes through :mod:`incidents.services`; views only check input and show the
outcome. A service's ``ValidationError`` goes next to the field it names; a refused or lost
transition (``InvalidTransitionError``: someone else resolved it first...) re-renders the
page as it now stands with the reason as a message and HTTP 409. Reads come from
:mod:`incidents.selectors`, in a number of queries that does not grow with the rows."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import FormView

from catalog.canned_replies import canned_replies_visible_to, canned_reply_answer, ticket_values
from catalog.models import ConfigurationItem, Contact, Service, Team
from core.pages import (
    REFUSALS,
    Action,
    ActionView,
    Entry,
    FilteredListView,
    StaffRequiredMixin,
    action_card,
    history_records,
    history_timeline,
    is_partial,
    message_errors,
    person,
    refusal_message,
    refused,
    safe_next,
    staff_only,
)
from core.pages.history import filter_timeline
from core.roles import is_staff_member
from notifications.selectors import delivery_entries
from sla.models import SLAEvent

from .. import services
from ..choices import OPEN_STATUSES, Channel, IncidentStatus, Level, NoteVisibility, ResolutionCode
from ..downloads import attachment_response
from ..forms.incident import (
    AssignForm,
    AttachmentForm,
    BulkAssignForm,
    HoldForm,
    IncidentCreateForm,
    IncidentEditForm,
    LinkForm,
    NoteForm,
    QueueFilterSet,
    ReopenForm,
    ResolveForm,
    add_service_errors,
)
from ..forms.major import DeclareForm
from ..models import Incident
from ..selectors import (
    attachment_visible_to,
    incident_available_actions,
    incidents_visible_to,
    notes_visible_to,
    page_timers,
    queue,
    with_detail_data,
    with_list_data,
    with_queue_data,
)
from ..services import suspected
from . import bulk
from .queue_rows import QueueRows

User = get_user_model()


LOST_RACE = gettext_lazy("Someone else changed this incident meanwhile.")


# --- the workspace ------------------------------------------------------------------------------
TABS = [
    ("mine", gettext_lazy("My work")),
    ("team", gettext_lazy("My team")),
    ("unassigned", gettext_lazy("Unassigned")),
    ("breached", gettext_lazy("Breached")),
    ("at_risk", gettext_lazy("At risk")),
    ("open", gettext_lazy("All open")),
    ("all", gettext_lazy("All")),
]
DEFAULT_SORT = "priority"
RESULTS_ID = "queue-results"


def search_incidents(qs, term: str):
    """By number (INC000123, or just 123) or words of the title."""
    term = term.strip()
    if not term:
        return qs
    match = Q(title__icontains=term) | Q(number__iexact=term)
    if term.isdigit():
        match |= Q(number=f"INC{int(term):06d}")
    return qs.filter(match)


class QueueView(FilteredListView):
    """``/incidents/``: tabs (selectors.queue), the shared FilterSet, search, sorting and
    pages. HTMX requests aimed at the results get only the results back."""

    template_name = "incidents/queue.html"
    partial_template_name = "incidents/_queue_results.html"
    filterset_class = QueueFilterSet
    list_url = "incidents:queue"
    tabs = TABS
    results_id = RESULTS_ID
    # Saved views, click-to-sort columns and bulk actions: core.pages.lists, set up in .bulk.
    list_key, columns, bulk_actions = "incidents", bulk.COLUMNS, bulk.BULK_ACTIONS
    sorts, default_sort, sort_choices = bulk.QUEUE_SORTS, DEFAULT_SORT, bulk.QUEUE_SORT_CHOICES
    bulk_visible_to = staticmethod(incidents_visible_to)

    def get_base_queryset(self):
        return queue(self.request.user, self.tab)

    def search(self, qs, term):
        return search_incidents(qs, term)

    def with_list_data(self, qs):
        # The SLA timers come with the page (selectors.page_timers), not by prefetch per row.
        return with_queue_data(qs)

    def paginate_queryset(self, queryset, page_size):
        paginator, page, rows, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = rows = list(rows)
        return paginator, page, rows, is_paginated

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        # The rows are written once a page in Python (queue_rows.QueueRows), not by the
        # template per row; the SLA timers are read only when their column is shown.
        shown = ctx["shown"]
        rows = ctx["object_list"]
        timers = page_timers(rows) if "sla" in shown else {}
        return {
            **ctx,
            "queue_rows": QueueRows(self.request, shown)(rows, timers),
            "bulk_form": BulkAssignForm(prefix="bulk"),
            "partial": self.is_partial(),
            "next_url": self.request.get_full_path(),
        }


@staff_only(gettext_lazy("Only service desk staff can assign incidents."))
@require_POST
def bulk_assign(request):
    """Assign the ticked incidents one by one through the service; report what was done
    and each refusal (a closed incident, someone not in the team...)."""
    back = safe_next(request, reverse("incidents:queue"))
    form = BulkAssignForm(request.POST, prefix="bulk")
    if not form.is_valid():
        message_errors(request, form)
        return redirect(back)
    ids = form.cleaned_data["ids"]
    assignee, team = form.cleaned_data.get("assignee"), form.cleaned_data.get("team")
    done, not_done = [], []
    for incident in incidents_visible_to(request.user).filter(pk__in=ids).order_by("id"):
        reason = refused(
            lambda incident=incident: services.incident_assign(
                incident=incident, actor=request.user, assignee=assignee, team=team
            ),
            lost_race=LOST_RACE,
            states=IncidentStatus,
        )
        if reason is None:
            done.append(incident.number)
        else:
            not_done.append((incident.number, reason))
    if done:
        messages.success(request, _("Assigned: %(numbers)s.") % {"numbers": ", ".join(done)})
    for number, reason in not_done:
        messages.error(request, _("%(number)s was not assigned: %(reason)s") % {"number": number, "reason": reason})
    if not done and not not_done:
        messages.error(request, _("None of the ticked incidents could be found."))
    return redirect(back)


# --- the incident page --------------------------------------------------------------------------
TRACKED = (
    "status",
    "priority",
    "impact",
    "urgency",
    "title",
    "description",
    "channel",
    "service_id",
    "ci_id",
    "contact_id",
    "team_id",
    "assignee_id",
    "parent_id",
    "hold_reason",
    "resolution_code",
    "is_major",
)
RELATED = {
    "service_id": Service,
    "ci_id": ConfigurationItem,
    "contact_id": Contact,
    "team_id": Team,
    "assignee_id": User,
    "parent_id": Incident,
}
CHOICES = {
    "status": IncidentStatus,
    "impact": Level,
    "urgency": Level,
    "channel": Channel,
    "resolution_code": ResolutionCode,
}
HISTORY_LIMIT = 300
#: The services' change reasons (incidents.services), as the timeline says them.
REASONS = {
    "created": gettext_lazy("Created"),
    "edited": gettext_lazy("Edited"),
    "assigned": gettext_lazy("Assigned"),
    "started": gettext_lazy("Work started"),
    "on hold": gettext_lazy("On hold"),
    "resumed": gettext_lazy("Resumed"),
    "resolved": gettext_lazy("Resolved"),
    "closed": gettext_lazy("Closed"),
    "closed automatically": gettext_lazy("Closed automatically"),
    "reopened": gettext_lazy("Reopened"),
    "unlinked": gettext_lazy("Unlinked from its master incident"),
    "acknowledged by a comment": gettext_lazy("Acknowledged by a comment"),
}
#: Reasons that name a record after a fixed start ("linked to INC000012").
REASON_PREFIXES = {
    "linked to ": gettext_lazy("Linked to %(value)s"),
    "resolved with master ": gettext_lazy("Resolved with its master %(value)s"),
}
TIMELINE_LIMIT = 200  # per source


def _history_entries(incident: Incident) -> list[Entry]:
    """Each saved change with who, when, why and what changed (old → new), names looked up
    once per model rather than once per row."""
    records = history_records(incident, HISTORY_LIMIT)[::-1]
    ids: dict[str, set] = {name: set() for name in RELATED}
    for record in records:
        for name in RELATED:
            if getattr(record, name):
                ids[name].add(getattr(record, name))
    names = {
        name: {obj.pk: obj for obj in model.objects.filter(pk__in=ids[name])} if ids[name] else {}
        for name, model in RELATED.items()
    }

    def shown(name: str, value) -> str:
        if value in (None, ""):
            return "—"
        if name in RELATED:
            obj = names[name].get(value)
            return person(obj) if name == "assignee_id" else str(obj or f"#{value}")
        if name in CHOICES:
            try:
                return str(CHOICES[name](value).label)
            except ValueError:
                return str(value)
        if name == "priority":
            return f"P{value}"
        if name == "is_major":
            return _("yes") if value else _("no")
        return str(value)

    def title(record, reason: str) -> str:
        # The change reason ("on hold: waiting for the customer") says best what happened: the
        # service's words translated, what a person wrote after the colon as they wrote it.
        if not reason:
            return {"+": _("Created"), "-": _("Deleted")}.get(record.history_type) or _("Changed")
        head, sep, rest = reason.partition(": ")
        label = REASONS.get(head)
        if label is None:
            for prefix, template in REASON_PREFIXES.items():
                if reason.startswith(prefix):
                    return str(template) % {"value": reason.removeprefix(prefix)}
            return reason
        return f"{label}: {rest}" if sep else str(label)

    # An incident recorded after the fact (``at=``) was created when it says, not when saved.
    return history_timeline(
        records,
        model=Incident,
        tracked=TRACKED,
        shown=shown,
        title=title,
        edited_only=("description",),
        at=lambda record: incident.created_at if record.history_type == "+" else record.history_date,
    )


def _timeline(incident: Incident, notes) -> list[Entry]:
    """History, notes, SLA events, deliveries and attachments, newest first (under the composer)."""
    entries = _history_entries(incident)
    for note in notes:
        internal = note.visibility == NoteVisibility.INTERNAL
        entries.append(
            Entry(
                at=note.created_at,
                kind="note",
                who=note.author,
                body=note.body,
                internal=internal,
                title=_("Work note") if internal else _("Comment"),
                order=1,
            )
        )
    events = (
        SLAEvent.objects.filter(
            timer__content_type=ContentType.objects.get_for_model(Incident), timer__object_id=incident.pk
        )
        .select_related("timer", "actor")
        .order_by("-at", "-id")[:TIMELINE_LIMIT]
    )
    for event in events:
        title = _("%(metric)s clock: %(event)s") % {
            "metric": event.timer.get_metric_display(),
            "event": event.get_kind_display().lower(),
        }
        detail = ""  # pauses and resumes follow the status changes already on the timeline
        if event.data.get("at_percent"):
            detail = _("at %(percent)s %% of the target") % {"percent": event.data["at_percent"]}
        elif event.kind == "policy_change" and event.data.get("reason"):
            detail = str(event.data["reason"])
        entries.append(Entry(at=event.at, kind="sla", who=event.actor, title=title, body=detail, order=2))
    entries += delivery_entries(f"incidents.incident:{incident.pk}", TIMELINE_LIMIT)
    for attachment in incident.attachments.all():
        entries.append(
            Entry(
                at=attachment.created_at,
                kind="attachment",
                who=attachment.uploaded_by,
                title=_("Attached %(name)s") % {"name": attachment.name},
                internal=attachment.visibility == NoteVisibility.INTERNAL,
                order=4,
            )
        )
    entries.sort(key=lambda e: (e.at, e.order), reverse=True)
    return entries


def _incident_for_page(user, pk: int) -> Incident:
    qs = with_detail_data(incidents_visible_to(user))
    return get_object_or_404(qs, pk=pk)


def _action_forms(incident: Incident) -> dict:
    return {
        "assign": AssignForm(initial={"team": incident.team_id, "assignee": incident.assignee_id}, prefix="assign"),
        "hold": HoldForm(prefix="hold"),
        "resolve": ResolveForm(prefix="resolve"),
        "reopen": ReopenForm(prefix="reopen"),
        "link": LinkForm(prefix="link", initial={"parent": incident.parent.number if incident.parent_id else ""}),
        "note": NoteForm(prefix="note"),
        "attach": AttachmentForm(prefix="attach"),
        "declare": DeclareForm(prefix="declare", initial={"summary": incident.title}),
    }


TIMELINE_ID = "timeline"


def render_incident(request, incident: Incident, bound: dict | None = None, status: int = 200):
    """The incident page; ``bound`` holds a submitted form (with its errors) to show in place.
    An HTMX request aimed at the timeline (a filter chip, a live refresh) gets the timeline
    alone, filtered by ``?show=``."""
    user = request.user
    if bound is None and is_partial(request, TIMELINE_ID):
        timeline = filter_timeline(_timeline(incident, list(notes_visible_to(user, incident))), request)
        response = render(request, "core/_timeline.html", {"timeline": timeline})
        patch_vary_headers(response, ("HX-Request", "HX-Target"))
        return response
    forms = _action_forms(incident)
    forms.update(bound or {})
    open_form = next(iter(bound), None) if bound else None
    # Declaring is on the page for open incidents that are not major and not linked to a master.
    can_declare = incident.is_open and not incident.is_major and not incident.parent_id and services.can_declare(user)
    # Any agent may flag a suspected major incident for the duty manager (services.suspected).
    can_flag = suspected.may_flag(user, incident)
    edit = {
        "url": reverse("incidents:edit", args=[incident.pk]),
        "label": _("Edit details"),
        "name": "edit",
        "accesskey": "e",
    }
    card = action_card(
        ACTIONS,
        incident,
        user,
        incident_available_actions(user, incident),
        url=lambda name: reverse("incidents:action", args=[incident.pk, name]),
        forms=forms,
        open_form=open_form,
        links=[edit] if incident.is_open else [],
        extra="incidents/_declare_form.html",
        always=can_declare or can_flag,
    )
    notes = list(notes_visible_to(user, incident))
    ci_relations = (
        list(incident.ci.outgoing.select_related("target").order_by("kind", "target__name")) if incident.ci_id else []
    )
    children = list(incident.children.select_related("assignee").order_by("id")[:50])
    siblings = []
    if incident.service_id:
        siblings = list(
            Incident.objects.filter(service_id=incident.service_id, status__in=OPEN_STATUSES)
            .exclude(pk=incident.pk)
            .select_related("assignee")
            .order_by("priority", "-created_at")[:10]
        )
    context = {
        "incident": incident,
        "layout": "inc",
        "card": card,
        "forms": forms,
        "open_form": open_form,
        "timeline": filter_timeline(_timeline(incident, notes), request),
        "ci_relations": ci_relations,
        "children": children,
        "canned_replies": list(canned_replies_visible_to(user).only("id", "name", "team__name")),
        "canned_url": reverse("incidents:canned-reply", args=[incident.pk]),
        "siblings": siblings,
        "attachments": list(incident.attachments.all()),
        "can_declare_major": can_declare,
        "can_flag_major": can_flag,
    }
    response = render(request, "incidents/detail.html", context, status=status)
    patch_vary_headers(response, ("HX-Request", "HX-Target"))
    return response


@login_required
def incident_detail(request, pk: int):
    if not is_staff_member(request.user):
        return redirect("portal:incident", pk=pk)
    return render_incident(request, _incident_for_page(request.user, pk))


@login_required
@require_http_methods(["GET", "POST"])
def canned_reply(request, pk: int):
    """The note composer's text box with a canned reply added to the draft, its placeholders
    filled in for this incident (catalog.canned_replies.canned_reply_answer); staff only."""
    if not is_staff_member(request.user):
        raise Http404
    incident = get_object_or_404(
        incidents_visible_to(request.user).select_related("contact", "customer", "team"), pk=pk
    )
    values = ticket_values(
        number=incident.number,
        title=incident.title,
        contact=incident.contact,
        customer=incident.customer,
        agent=request.user,
        team=incident.team,
    )
    return canned_reply_answer(
        request, form_class=NoteForm, prefix="note", values=values, url=reverse("incidents:canned-reply", args=[pk])
    )


def _service(name: str):
    """``services.incident_<name>`` with the form's data."""

    def run(incident, user, data):
        return getattr(services, f"incident_{name}")(incident=incident, actor=user, **data)

    return run


#: The incident page's actions: the one-click buttons and the forms of its actions card in
#: this order (``needs``: the ``incident_available_actions`` verb each one takes), then the
#: note and the upload, which the page places itself.
ACTIONS = {
    "take": Action(
        lambda i, u, d: services.incident_assign(incident=i, actor=u, assignee=u),
        gettext_lazy("%(number)s is assigned to you."),
        label=gettext_lazy("Assign to me"),
        primary=True,
        accesskey="m",
        shortcut="a",
        needs="assign",
        when=lambda incident, user: incident.assignee_id != user.pk,
    ),
    "start": Action(
        _service("start"),
        gettext_lazy("Work on %(number)s has started."),
        label=gettext_lazy("Start work"),
        primary=True,
        accesskey="s",
    ),
    "resume": Action(
        _service("resume"),
        gettext_lazy("%(number)s is in progress again."),
        label=gettext_lazy("Resume"),
        primary=True,
        accesskey="u",
    ),
    "close": Action(_service("close"), gettext_lazy("%(number)s is closed."), label=gettext_lazy("Close")),
    "unlink": Action(
        lambda i, u, d: services.incident_link(incident=i, actor=u, parent=None),
        gettext_lazy("%(number)s is no longer linked to a master incident."),
        label=lambda incident: _("Unlink from %(number)s") % {"number": incident.parent.number},
        needs="link",
        when=lambda incident, user: incident.parent_id is not None,
    ),
    "assign": Action(
        lambda i, u, d: services.incident_assign(incident=i, actor=u, assignee=d.get("assignee"), team=d.get("team")),
        gettext_lazy("%(number)s is assigned."),
        AssignForm,
        label=gettext_lazy("Assign to…"),
        submit=gettext_lazy("Assign"),
        primary=True,
        grid=("assignee", "team"),
    ),
    "hold": Action(
        _service("hold"),
        gettext_lazy("%(number)s is on hold."),
        HoldForm,
        label=gettext_lazy("Put on hold…"),
        submit=gettext_lazy("Put on hold"),
        primary=True,
    ),
    "resolve": Action(
        _service("resolve"),
        gettext_lazy("%(number)s is resolved."),
        ResolveForm,
        label=gettext_lazy("Resolve…"),
        submit=gettext_lazy("Resolve"),
        primary=True,
        accesskey="r",
        shortcut="r",
        shortcut_label=gettext_lazy("Resolve"),
    ),
    "reopen": Action(
        _service("reopen"),
        gettext_lazy("%(number)s is reopened."),
        ReopenForm,
        label=gettext_lazy("Reopen…"),
        submit=gettext_lazy("Reopen"),
        primary=True,
    ),
    "link": Action(
        _service("link"),
        gettext_lazy("%(number)s is linked to its master incident."),
        LinkForm,
        label=gettext_lazy("Link to a master incident…"),
        submit=gettext_lazy("Link"),
        primary=True,
    ),
    "note": Action(
        lambda i, u, d: services.incident_add_note(incident=i, actor=u, body=d["body"], visibility=d["visibility"]),
        gettext_lazy("Your note on %(number)s is saved."),
        NoteForm,
        needs=None,
        card=False,
    ),
    "attach": Action(
        lambda i, u, d: services.incident_attach(incident=i, actor=u, upload=d["file"], visibility=d["visibility"]),
        gettext_lazy("The file is attached to %(number)s."),
        AttachmentForm,
        needs=None,
        card=False,
    ),
}


class IncidentActionView(StaffRequiredMixin, ActionView):
    """POST ``/incidents/<id>/<action>/``: check the form, call the service, go back to the
    incident page. Field errors are shown next to the field (400); a refused or lost
    transition is shown as a message with the incident as it now is (409); a service's
    ``PermissionDenied`` is the 403 page."""

    staff_message = gettext_lazy("Only service desk staff can work incidents.")
    actions = ACTIONS
    denied_as_message = False
    lost_race = LOST_RACE
    states = IncidentStatus
    visible_to = staticmethod(incidents_visible_to)

    def get_form_kwargs(self, spec):
        extra = {"queryset": incidents_visible_to(self.request.user)} if spec.form is LinkForm else {}
        return {**super().get_form_kwargs(spec), **extra}

    def render_page(self, bound, status):
        return render_incident(
            self.request, _incident_for_page(self.request.user, self.kwargs["pk"]), bound, status=status
        )


incident_action = IncidentActionView.as_view()


@login_required
def attachment_download(request, pk: int, attachment_pk: int):
    """A file, to people who may see it: staff, or the requester for a public one. Always a
    download (never shown inline), so an uploaded page cannot run in our origin."""
    attachment = attachment_visible_to(request.user, incident_id=pk, attachment_id=attachment_pk)
    if attachment is None:
        raise Http404
    return attachment_response(attachment)


# --- create and edit ----------------------------------------------------------------------------
class IncidentCreateView(StaffRequiredMixin, FormView):
    form_class = IncidentCreateForm
    template_name = "incidents/form.html"

    def get_initial(self):
        initial = {"channel": Channel.PHONE}
        contact, service = self.request.GET.get("contact", ""), self.request.GET.get("service", "")
        if contact.isdigit():
            initial["contact"] = f"#{contact}"
        if service.isdigit():
            initial["service"] = int(service)
        return initial

    def form_valid(self, form):
        try:
            incident = services.incident_create(actor=self.request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("%(number)s is recorded.") % {"number": incident.number})
        return redirect(incident)


class IncidentEditView(StaffRequiredMixin, FormView):
    """Only the fields ``services.incident_update`` accepts; team and assignee change
    through the assign action."""

    form_class = IncidentEditForm
    template_name = "incidents/form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and is_staff_member(request.user):
            self.incident = get_object_or_404(with_list_data(incidents_visible_to(request.user)), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return IncidentEditForm.initial_for(self.incident)

    def get_context_data(self, **kwargs):
        return super().get_context_data(incident=self.incident, **kwargs)

    def form_valid(self, form):
        changes = form.changes(self.incident)
        if not changes:
            messages.info(self.request, _("Nothing changed."))
            return redirect(self.incident)
        try:
            services.incident_update(incident=self.incident, actor=self.request.user, **changes)
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        except REFUSALS as exc:
            messages.error(
                self.request, refusal_message(exc, LOST_RACE, states=IncidentStatus, current=self.incident.status)
            )
            return self.render_to_response(self.get_context_data(form=form), status=409)
        messages.success(self.request, _("%(number)s is saved.") % {"number": self.incident.number})
        return redirect(self.incident)
