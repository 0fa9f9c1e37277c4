"""Browser pages for change proposals: the list, the form (new, edit while a draft) and the
proposal page with its actions card (submit, approve or reject by IT management, withdraw,
raise an RFC from it), declared through ``core.pages``. Staff only."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.pages import (
    SAVE_FAILED,
    Action,
    ActionView,
    Column,
    FilteredListView,
    StaffRequiredMixin,
    action_card,
    attempt,
    staff_only,
)
from incidents.forms import add_service_errors

from . import services
from .choices import ProposalStatus
from .filtersets import ProposalFilterSet
from .forms import DecisionNotesForm, ProposalForm, RejectNotesForm
from .selectors import proposal_available_actions, proposals_visible_to

STAFF_ONLY = gettext_lazy("Only service desk staff can see change proposals.")
LOST_RACE = gettext_lazy("Someone else changed this proposal meanwhile; here it is as it now stands.")
staff_required = staff_only(STAFF_ONLY)


class ProposalListView(FilteredListView):
    staff_message = STAFF_ONLY
    filterset_class = ProposalFilterSet
    template_name = "changes/proposal_list.html"
    context_object_name = "proposals"
    list_url = "changes:proposals"
    sorts = {"-created": ("-created_at", "-id")}
    default_sort = "-created"
    visible_to = staticmethod(proposals_visible_to)
    columns = [Column("number", gettext_lazy("Number"), always=True),
               Column("title", gettext_lazy("Title"), always=True), Column("status", gettext_lazy("Status")),
               Column("cost", gettext_lazy("Cost")), Column("changes", gettext_lazy("RFCs"))]

    def with_list_data(self, qs):
        return qs.prefetch_related("changes")


proposal_list = ProposalListView.as_view()


def _form_page(request, form, status=200, proposal=None):
    return render(request, "changes/proposal_form.html", {"form": form, "proposal": proposal}, status=status)


@staff_required
def proposal_create(request):
    if request.method == "POST":
        form = ProposalForm(request.POST)
        if form.is_valid():
            try:
                proposal = services.proposal_create(actor=request.user, **form.service_kwargs())
            except ValidationError as exc:
                add_service_errors(form, exc)
            except PermissionDenied as exc:
                messages.error(request, str(exc))
                return _form_page(request, form, status=403)
            else:
                messages.success(request, _("%(number)s is recorded as a draft.") % {"number": proposal.number})
                return redirect(proposal)
        messages.error(request, SAVE_FAILED)
        return _form_page(request, form, status=400)
    return _form_page(request, ProposalForm())


@staff_required
def proposal_edit(request, pk: int):
    proposal = get_object_or_404(proposals_visible_to(request.user).prefetch_related("services"), pk=pk)
    if "edit" not in proposal_available_actions(request.user, proposal):
        messages.error(request, _("A proposal that is %(status)s can no longer be edited.")
                       % {"status": proposal.get_status_display().lower()})
        return redirect(proposal)
    status = 200
    if request.method == "POST":
        form = ProposalForm(request.POST)
        if form.is_valid():
            status = attempt(request, lambda: services.proposal_update(proposal=proposal, actor=request.user,
                                                                       **form.service_kwargs()),
                             lost_race=LOST_RACE, form=form)
            if status is None:
                messages.success(request, _("%(number)s is saved.") % {"number": proposal.number})
                return redirect(proposal)
        else:
            status = 400
            messages.error(request, SAVE_FAILED)
    else:
        form = ProposalForm(initial=ProposalForm.initial_for(proposal))
    return _form_page(request, form, status=status, proposal=proposal)


def _raised(proposal, result):
    return messages.SUCCESS, _("%(number)s is drafted from the proposal: complete the RFC, then submit it.") % {
        "number": result.number}


ACTIONS = {
    "submit": Action(lambda p, u, d: services.proposal_submit(proposal=p, actor=u),
                     gettext_lazy("%(number)s is before IT management."), label=gettext_lazy("Submit"), primary=True),
    "approve": Action(lambda p, u, d: services.proposal_approve(proposal=p, actor=u, **d),
                      gettext_lazy("%(number)s is approved: its RFCs may be raised."), DecisionNotesForm,
                      label=gettext_lazy("Approve…"), submit=gettext_lazy("Approve"), primary=True),
    "reject": Action(lambda p, u, d: services.proposal_reject(proposal=p, actor=u, **d),
                     gettext_lazy("%(number)s is rejected."), RejectNotesForm, label=gettext_lazy("Reject…"),
                     submit=gettext_lazy("Reject")),
    "raise-rfc": Action(lambda p, u, d: services.change_from_proposal(proposal=p, actor=u), _raised,
                        label=gettext_lazy("Raise an RFC"), primary=True),
    "withdraw": Action(lambda p, u, d: services.proposal_withdraw(proposal=p, actor=u),
                       gettext_lazy("%(number)s is withdrawn."), label=gettext_lazy("Withdraw"),
                       confirm=gettext_lazy("Withdraw the proposal?")),
}


def render_proposal(request, pk: int, bound: dict | None = None, status: int = 200):
    user = request.user
    proposal = get_object_or_404(proposals_visible_to(user).select_related("requested_by", "decided_by")
                                 .prefetch_related("services"), pk=pk)
    actions = set(proposal_available_actions(user, proposal))
    forms = {"approve": DecisionNotesForm(prefix="approve"), "reject": RejectNotesForm(prefix="reject")}
    forms.update(bound or {})
    links = [{"url": reverse("changes:proposal-edit", args=[proposal.pk]), "label": _("Edit the proposal"),
              "name": "edit"}] if "edit" in actions else []
    notes = []
    if proposal.status == ProposalStatus.DRAFT and not proposal.complete():
        notes.append({"css": "chg-note", "testid": "proposal-incomplete",
                      "text": _("Write the business case, the benefit and the risks, then submit it.")})
    card = action_card(ACTIONS, proposal, user, actions, forms=forms, open_form=next(iter(bound), None)
                       if bound else None, links=links, notes=notes,
                       url=lambda name: reverse("changes:proposal-action", args=[proposal.pk, name]))
    history = list(proposal.history.select_related("history_user").order_by("-history_date")[:50])
    return render(request, "changes/proposal_detail.html", {
        "proposal": proposal, "layout": "chg", "card": card, "history": history,
        "changes": list(proposal.changes.order_by("id"))}, status=status)


@staff_required
def proposal_detail(request, pk: int):
    return render_proposal(request, pk)


class ProposalActionView(StaffRequiredMixin, ActionView):
    staff_message = STAFF_ONLY
    lost_race = LOST_RACE
    actions = ACTIONS
    states = ProposalStatus
    visible_to = staticmethod(proposals_visible_to)

    def success_url(self):
        if self.action == "raise-rfc":
            latest = self.record.changes.order_by("-id").first()
            if latest is not None:
                return reverse("changes:edit", args=[latest.pk])
        return self.record.get_absolute_url()

    def render_page(self, bound, status):
        return render_proposal(self.request, self.kwargs["pk"], bound, status=status)


proposal_action = ProposalActionView.as_view()

