"""The complaint pages: the register (filters, CSV export for the regulator), recording a
complaint (prefilled from an incident, a call or a contact's 360° view: ``?incident=<id>``,
``?call=<id>``, ``?contact=<id>``), and a
complaint's page with its actions (core's ActionView over the table below)."""

import csv

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View

from catalog.selectors import contacts_visible_to
from contactcenter.models import Call
from core.pages import (
    Action,
    ActionView,
    BulkAction,
    Column,
    FilteredListView,
    StaffRequiredMixin,
    attempt,
    refusal_message,
)
from core.roles import is_staff_member
from incidents.models import Incident

from ..choices import ComplaintStatus
from ..complaint_filtersets import ComplaintFilterSet
from ..complaint_selectors import complaint_available_actions, complaints_visible_to, complaints_with_list_data
from ..forms.complaint import CloseForm, ComplaintForm, ReasonForm, RespondForm
from ..services import complaint as services

LOST_RACE = gettext_lazy("Someone else changed this complaint meanwhile; here it is as it stands now.")


def _close_data(data: dict) -> dict:
    return {"satisfied": data.get("satisfied")}


#: The complaint page's actions: what each runs, what it says, its form.
ACTIONS = {
    "acknowledge": Action(run=lambda c, user, data: services.complaint_acknowledge(complaint=c, actor=user),
                          done=gettext_lazy("%(number)s acknowledged: the customer is told."),
                          label=gettext_lazy("Acknowledge")),
    "investigate": Action(run=lambda c, user, data: services.complaint_investigate(complaint=c, actor=user),
                          done=gettext_lazy("%(number)s is under investigation."),
                          label=gettext_lazy("Investigate")),
    "respond": Action(run=lambda c, user, data: services.complaint_respond(complaint=c, actor=user, **data),
                      done=gettext_lazy("%(number)s answered: the customer is told."), form=RespondForm,
                      label=gettext_lazy("Respond")),
    "escalate": Action(run=lambda c, user, data: services.complaint_escalate(complaint=c, actor=user, **data),
                       done=gettext_lazy("%(number)s escalated."), form=ReasonForm, key="escalate",
                       label=gettext_lazy("Escalate")),
    "close": Action(run=lambda c, user, data: services.complaint_close(complaint=c, actor=user, **_close_data(data)),
                    done=gettext_lazy("%(number)s closed."), form=CloseForm, label=gettext_lazy("Close")),
    "reopen": Action(run=lambda c, user, data: services.complaint_reopen(complaint=c, actor=user, **data),
                     done=gettext_lazy("%(number)s reopened."), form=ReasonForm, key="reopen",
                     label=gettext_lazy("Reopen")),
}


#: The register's columns (``?cols=``; the number and the subject always show).
COLUMNS = [
    Column("number", gettext_lazy("Number"), sort="received", always=True),
    Column("kind", gettext_lazy("Kind")),
    Column("subject", gettext_lazy("Subject"), always=True),
    Column("severity", gettext_lazy("Severity"), sort="severity"),
    Column("status", gettext_lazy("Status")),
    Column("customer", gettext_lazy("Customer")),
    Column("owner", gettext_lazy("Owner")),
    Column("received", gettext_lazy("Received"), sort="received"),
]
#: The register's bulk actions: each row through the service (its guards refuse the rest).
BULK_ACTIONS = {
    "acknowledge": BulkAction(gettext_lazy("Acknowledge"), lambda c, user, data: services.complaint_acknowledge(
        complaint=c, actor=user), confirm=gettext_lazy("Acknowledge the ticked complaints? Each customer is told.")),
    "investigate": BulkAction(gettext_lazy("Investigate"), lambda c, user, data: services.complaint_investigate(
        complaint=c, actor=user)),
    "close": BulkAction(gettext_lazy("Close"), lambda c, user, data: services.complaint_close(complaint=c, actor=user),
                        confirm=gettext_lazy("Close the ticked complaints? Only answered ones can be closed.")),
}


class ComplaintListView(FilteredListView):
    """The register: every complaint, compliment and suggestion, filtered by kind, status,
    severity, owner and customer; the same filters export as CSV."""

    filterset_class = ComplaintFilterSet
    template_name = "crm/complaint_list.html"
    context_object_name = "complaints"
    list_url = "crm:complaints"
    sorts = {"newest": ("-created_at", "-id"), "oldest": ("created_at", "id"),
             "severity": ("severity", "-created_at", "-id"), "-severity": ("-severity", "-created_at", "-id"),
             "received": ("created_at", "id"), "-received": ("-created_at", "-id")}
    default_sort = "newest"
    sort_choices = [("newest", gettext_lazy("Newest first")), ("oldest", gettext_lazy("Oldest first")),
                    ("severity", gettext_lazy("Severity"))]
    visible_to = staticmethod(complaints_visible_to)
    list_key, columns, bulk_actions = "complaints", COLUMNS, BULK_ACTIONS

    def get_base_queryset(self):
        return complaints_visible_to(self.request.user)

    def search(self, qs, term):
        if term.upper().startswith("CMP"):
            return qs.filter(number__iexact=term)
        return qs.filter(subject__icontains=term)

    def with_list_data(self, qs):
        return complaints_with_list_data(qs)


class _Echo:
    def write(self, value):
        return value


EXPORT_COLUMNS = ["number", "kind", "channel", "severity", "status", "received", "acknowledged", "responded",
                  "closed", "customer", "contact", "service", "owner", "team", "subject", "satisfied",
                  "reopened", "escalation_reason", "response"]


def _cell(value) -> str:
    text = "" if value is None else str(value)
    # A cell a spreadsheet would run as a formula (CSV injection) is quoted as text.
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class ComplaintExportView(ComplaintListView):
    """The register as CSV for the regulator: the list's filters, every row (streamed), one
    query whatever the number of rows."""

    def get(self, request, *args, **kwargs):
        qs = self.get_queryset()
        writer = csv.writer(_Echo())

        def rows():
            yield writer.writerow(EXPORT_COLUMNS)
            for c in qs.iterator(chunk_size=2000):
                yield writer.writerow([_cell(v) for v in (
                    c.number, c.kind, c.channel, c.severity, c.status, c.created_at.isoformat(),
                    c.acknowledged_at.isoformat() if c.acknowledged_at else "",
                    c.responded_at.isoformat() if c.responded_at else "",
                    c.closed_at.isoformat() if c.closed_at else "",
                    c.customer.name if c.customer_id else "", c.contact.name if c.contact_id else "",
                    c.service.name if c.service_id else "", c.owner.username if c.owner_id else "",
                    c.team.name if c.team_id else "", c.subject,
                    "" if c.satisfied is None else ("yes" if c.satisfied else "no"), c.reopen_count,
                    c.escalation_reason, c.response)])

        response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="complaints.csv"'
        return response


class ComplaintCreateView(StaffRequiredMixin, View):
    """Record one: ``?incident=<id>`` links that incident and takes its contact and service;
    ``?call=<id>`` takes the call's contact and the phone channel; ``?contact=<id>`` (the 360°
    view) takes that contact (one click from any of them)."""

    template_name = "crm/complaint_form.html"

    def _initial(self, request) -> dict:
        initial = {}
        contact_id = request.GET.get("contact", "")
        if contact_id.isdigit():
            contact = contacts_visible_to(request.user).filter(pk=int(contact_id)).first()
            if contact is not None:
                initial.update(contact=contact.pk)
                self.source = contact
        incident_id, call_id = request.GET.get("incident", ""), request.GET.get("call", "")
        if incident_id.isdigit():
            incident = Incident.objects.filter(pk=int(incident_id)).first()
            if incident is not None:
                initial.update(incident=incident.pk, contact=incident.contact_id, service=incident.service_id,
                               team=incident.team_id, subject=incident.title[:200])
                self.source = incident
        if call_id.isdigit():
            call = Call.objects.filter(pk=int(call_id)).first()
            if call is not None:
                initial.update(call=call.pk, contact=call.contact_id, channel="phone")
                self.source = call
        return initial

    def get(self, request):
        self.source = None
        form = ComplaintForm(initial=self._initial(request))
        return render(request, self.template_name, {"form": form, "source": self.source})

    def post(self, request):
        self.source = None
        form = ComplaintForm(request.POST)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form}, status=400)
        data = dict(form.cleaned_data)
        incident_id, call_id = data.pop("incident"), data.pop("call")
        data["incidents"] = list(Incident.objects.filter(pk=incident_id)) if incident_id else []
        data["call"] = Call.objects.filter(pk=call_id).first() if call_id else None
        created = []
        status = attempt(request, lambda: created.append(services.complaint_create(actor=request.user, **data)),
                         refusal=lambda exc: refusal_message(exc, LOST_RACE), form=form)
        if status is not None:
            return render(request, self.template_name, {"form": form}, status=status)
        messages.success(request, _("%(number)s recorded.") % {"number": created[0].number})
        return redirect(created[0].get_absolute_url())


def _page(request, complaint, bound=None, status=200):
    available = complaint_available_actions(request.user, complaint)
    offered = []
    for name, spec in ACTIONS.items():
        if name not in available:
            continue
        key = spec.key or name
        form = (bound or {}).get(key) or (spec.form(prefix=key) if spec.form else None)
        offered.append({"name": name, "label": spec.label, "form": form})
    history = complaint.history.select_related("history_user").order_by("-history_date", "-history_id")[:50]
    from ..complaint_selectors import survey_for_ticket  # the survey shows on the complaint

    return render(request, "crm/complaint_detail.html", {
        "complaint": complaint, "actions": offered, "history": history, "states": ComplaintStatus,
        "incidents": complaint.incidents.order_by("-id")[:20], "timers": complaint.sla_timers.all(),
        "survey": survey_for_ticket("complaint", complaint.pk),
        "can_dial": is_staff_member(request.user) and complaint.contact_id is not None}, status=status)


class ComplaintDetailView(LoginRequiredMixin, View):
    """A complaint's page: staff see and act on any; a requester reads their own."""

    def get(self, request, pk):
        qs = complaints_visible_to(request.user).select_related("contact", "customer", "owner", "team", "service",
                                                                "call", "requester")
        return _page(request, get_object_or_404(qs, pk=pk))


class ComplaintActionView(StaffRequiredMixin, ActionView):
    actions = ACTIONS

    def get_record(self):
        qs = complaints_visible_to(self.request.user).select_related("contact", "customer", "owner", "team",
                                                                     "service", "call", "requester")
        return get_object_or_404(qs, pk=self.kwargs["pk"])

    def refusal(self, exc):
        return refusal_message(exc, LOST_RACE)

    def unknown_action(self):
        raise Http404

    def render_page(self, bound, status):
        fresh = complaints_visible_to(self.request.user).get(pk=self.record.pk)
        return _page(self.request, fresh, bound, status)
