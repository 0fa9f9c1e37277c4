"""Opportunity pages: the pipeline board ``/opportunities/`` (columns by stage; managers see
everyone's and the per-agent figures, agents their own), one opportunity with its actions
and history, raising one in one click from a contact's 360° view or a call."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from core.pages import Action, ActionView, StaffRequiredMixin, attempt, history_timeline, refusal_message, safe_next
from core.pages.history import history_records

from ..choices import OpportunityStage
from ..forms.opportunity import LoseForm, OpportunityForm
from ..models import Opportunity
from ..selectors import (
    agent_figures,
    opportunities_visible_to,
    opportunity_available_actions,
    pipeline,
    sees_every_opportunity,
)
from ..services import opportunity as services

ACTIONS = {
    "qualify": Action(run=lambda o, user, data: services.opportunity_qualify(opportunity=o, actor=user),
                      done=gettext_lazy("Qualified."), label=gettext_lazy("Qualify")),
    "propose": Action(run=lambda o, user, data: services.opportunity_propose(opportunity=o, actor=user),
                      done=gettext_lazy("Proposal sent."), label=gettext_lazy("Proposal sent")),
    "win": Action(run=lambda o, user, data: services.opportunity_win(opportunity=o, actor=user),
                  done=gettext_lazy("Won. Well done."), label=gettext_lazy("Won")),
    "lose": Action(run=lambda o, user, data: services.opportunity_lose(opportunity=o, actor=user,
                                                                        reason=data["reason"]),
                   done=gettext_lazy("Marked as lost."), form=LoseForm, label=gettext_lazy("Mark as lost")),
}
TRACKED = ["stage", "title", "product", "value", "currency", "expected_close", "owner_id", "lost_reason"]


def _detail_context(request, opportunity: Opportunity, bound: dict | None = None) -> dict:
    available = opportunity_available_actions(request.user, opportunity)
    forms = {"lose": LoseForm(prefix="lose")}
    forms.update(bound or {})
    buttons = [{"name": name, "label": spec.label, "url": f"{opportunity.get_absolute_url()}{name}/"}
               for name, spec in ACTIONS.items() if name in available and spec.form is None]
    records = list(reversed(history_records(opportunity, 50)))
    stages = dict(OpportunityStage.choices)
    entries = history_timeline(
        records, model=Opportunity, tracked=TRACKED,
        shown=lambda name, value: str(stages.get(value, value) if name == "stage" else ("—" if value in (None, "")
                                                                                         else value)),
        title=lambda record, reason: reason or _("Changed"))
    return {"opportunity": opportunity, "available": available, "buttons": buttons, "lose_form": forms["lose"],
            "lose_open": bool(bound), "entries": list(reversed(entries))}


class PipelineView(StaffRequiredMixin, TemplateView):
    template_name = "crm/opportunity_pipeline.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        ctx.update(pipeline(user), everyone=sees_every_opportunity(user),
                   figures=agent_figures() if sees_every_opportunity(user) else None)
        return ctx


class OpportunityView(StaffRequiredMixin, TemplateView):
    template_name = "crm/opportunity_detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        opportunity = get_object_or_404(opportunities_visible_to(self.request.user).select_related("call"),
                                        pk=self.kwargs["pk"])
        ctx.update(_detail_context(self.request, opportunity))
        return ctx


class OpportunityCreateView(StaffRequiredMixin, View):
    """POST the raise form (a contact's or customer's 360° view, with the call it came from):
    one click, then back to where it was raised."""

    http_method_names = ["post"]

    def post(self, request):
        form = OpportunityForm(request.POST, prefix="opportunity")
        back = safe_next(request, "/opportunities/")
        if not form.is_valid():
            errors = "; ".join(" ".join(errs) if name == "__all__" else f"{form.fields[name].label}: {' '.join(errs)}"
                               for name, errs in form.errors.items())
            messages.error(request, _("The opportunity was not raised: %(errors)s") % {"errors": errors})
            return redirect(back)
        data = dict(form.cleaned_data)
        created = []
        status = attempt(request, lambda: created.append(services.opportunity_create(actor=request.user, **data)),
                         refusal=lambda exc: refusal_message(exc, _("Someone else changed this meanwhile.")))
        if status is None:
            messages.success(request, _("Opportunity raised: %(title)s.") % {"title": created[0].title})
        return redirect(back)


class OpportunityActionView(StaffRequiredMixin, ActionView):
    actions = ACTIONS

    def get_record(self):
        return get_object_or_404(opportunities_visible_to(self.request.user), pk=self.kwargs["pk"])

    def message_args(self) -> dict:
        return {"title": self.record.title}

    def render_page(self, bound, status):
        if self.record is None:
            raise Http404
        fresh = opportunities_visible_to(self.request.user).select_related("call").get(pk=self.record.pk)
        return render(self.request, "crm/opportunity_detail.html", _detail_context(self.request, fresh, bound),
                      status=status)
