"""Browser pages for releases: the list, the form (new, edit while planning) and the release
page with its actions card (authorise the deployment, add and take out changes, complete,
cancel), declared through ``core.pages`` like the change page. Staff only; every write goes
through :mod:`changes.services`."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
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
    history_records,
    history_timeline,
    staff_only,
)
from incidents.forms import add_service_errors

from . import services
from .choices import ReleaseStatus
from .filtersets import ReleaseFilterSet
from .forms import ReleaseCancelForm, ReleaseChangesForm, ReleaseForm, ReleaseRemoveForm
from .models import Release
from .selectors import releasable_changes, release_available_actions, releases_visible_to

STAFF_ONLY = gettext_lazy("Only service desk staff can see releases.")
LOST_RACE = gettext_lazy("Someone else changed this release meanwhile; here it is as it now stands.")
staff_required = staff_only(STAFF_ONLY)


class ReleaseListView(FilteredListView):
    """``/changes/releases/``: every release, newest first, filtered by status."""

    staff_message = STAFF_ONLY
    filterset_class = ReleaseFilterSet
    template_name = "changes/release_list.html"
    context_object_name = "releases"
    list_url = "changes:releases"
    sorts = {"-created": ("-created_at", "-id"), "window": (F("window_start").asc(nulls_last=True), "id")}
    default_sort = "-created"
    sort_choices = [("-created", gettext_lazy("Newest first")), ("window", gettext_lazy("Window, soonest first"))]
    visible_to = staticmethod(releases_visible_to)
    columns = [Column("number", gettext_lazy("Number"), always=True), Column("name", gettext_lazy("Name"), always=True),
               Column("status", gettext_lazy("Status")), Column("window", gettext_lazy("Deployment window"),
                                                               sort="window"),
               Column("owner", gettext_lazy("Owner")), Column("changes", gettext_lazy("Changes"))]

    def with_list_data(self, qs):
        return qs.select_related("owner").prefetch_related("changes")


release_list = ReleaseListView.as_view()


def _form_page(request, form, status=200, release=None):
    return render(request, "changes/release_form.html", {"form": form, "release": release}, status=status)


@staff_required
def release_create(request):
    """``/changes/releases/new/``."""
    if request.method == "POST":
        form = ReleaseForm(request.POST)
        if form.is_valid():
            try:
                release = services.release_create(actor=request.user, **form.service_kwargs())
            except ValidationError as exc:
                add_service_errors(form, exc)
            except PermissionDenied as exc:
                messages.error(request, str(exc))
                return _form_page(request, form, status=403)
            else:
                messages.success(request, _("%(number)s is recorded: add its changes.") % {"number": release.number})
                return redirect(release)
        messages.error(request, SAVE_FAILED)
        return _form_page(request, form, status=400)
    return _form_page(request, ReleaseForm(initial={"owner": request.user.pk}))


@staff_required
def release_edit(request, pk: int):
    release = get_object_or_404(releases_visible_to(request.user), pk=pk)
    if "edit" not in release_available_actions(request.user, release):
        messages.error(request, _("A release that is %(status)s can no longer be edited.")
                       % {"status": release.get_status_display().lower()})
        return redirect(release)
    status = 200
    if request.method == "POST":
        form = ReleaseForm(request.POST)
        if form.is_valid():
            status = attempt(request, lambda: services.release_update(release=release, actor=request.user,
                                                                      **form.service_kwargs()),
                             lost_race=LOST_RACE, form=form)
            if status is None:
                messages.success(request, _("%(number)s is saved.") % {"number": release.number})
                return redirect(release)
        else:
            status = 400
            messages.error(request, SAVE_FAILED)
    else:
        form = ReleaseForm(initial=ReleaseForm.initial_for(release))
    return _form_page(request, form, status=status, release=release)


ACTIONS = {
    "authorize": Action(lambda r, u, d: services.release_authorize(release=r, actor=u),
                        gettext_lazy("The deployment of %(number)s is authorised, with each of its changes."),
                        label=gettext_lazy("Authorise the deployment"), primary=True),
    "complete": Action(lambda r, u, d: services.release_complete(release=r, actor=u),
                       gettext_lazy("%(number)s is deployed."), label=gettext_lazy("Mark as deployed"), primary=True),
    "add-changes": Action(lambda r, u, d: services.release_add_changes(release=r, actor=u, **d),
                          gettext_lazy("The changes are added to %(number)s."), ReleaseChangesForm,
                          label=gettext_lazy("Add changes…"), submit=gettext_lazy("Add"), primary=True,
                          help=gettext_lazy("Authorised or scheduled changes, planned inside the window.")),
    "remove-change": Action(lambda r, u, d: services.release_remove_change(release=r, actor=u, **d),
                            gettext_lazy("The change is taken out of %(number)s."), ReleaseRemoveForm,
                            inline=False, card=False),
    "cancel": Action(lambda r, u, d: services.release_cancel(release=r, actor=u, **d),
                     gettext_lazy("%(number)s is cancelled."), ReleaseCancelForm,
                     label=gettext_lazy("Cancel the release…"), submit=gettext_lazy("Cancel the release"),
                     confirm=gettext_lazy("Cancel the release? Its changes leave it and need their own deployment "
                                          "authorisation.")),
}

TRACKED = ("status", "name", "owner_id", "window_start", "window_end", "plan", "description")


def render_release(request, pk: int, bound: dict | None = None, status: int = 200):
    user = request.user
    release = get_object_or_404(releases_visible_to(user).select_related("owner", "authorized_by"), pk=pk)
    actions = set(release_available_actions(user, release))
    forms = {"add-changes": ReleaseChangesForm(prefix="add-changes"), "cancel": ReleaseCancelForm(prefix="cancel")}
    forms.update(bound or {})
    open_form = next(iter(bound), None) if bound else None
    notes = []
    if release.status == ReleaseStatus.PLANNING and "authorize" not in actions and "edit" in actions:
        notes.append({"css": "chg-note", "testid": "release-not-ready",
                      "text": _("It is authorised once it has a deployment window, a plan and at least one change.")})
    links = [{"url": reverse("changes:release-edit", args=[release.pk]), "label": _("Edit the release"),
              "name": "edit"}] if "edit" in actions else []
    card = action_card(ACTIONS, release, user, actions, forms=forms, open_form=open_form, notes=notes, links=links,
                       url=lambda name: reverse("changes:release-action", args=[release.pk, name]))
    changes = list(release.changes.select_related("assignee").prefetch_related("services").order_by("planned_start",
                                                                                                    "id"))
    records = history_records(release, 100)[::-1]
    history = history_timeline(records, model=Release, tracked=TRACKED,
                               shown=lambda name, value: "—" if value in (None, "") else str(value),
                               title=lambda record, reason: reason or _("Changed"),
                               edited_only=("plan", "description"))[::-1]
    context = {"release": release, "layout": "chg", "card": card, "actions": actions, "changes": changes,
               "candidates": list(releasable_changes(release)[:20]) if "add-changes" in actions else [],
               "history": history}
    return render(request, "changes/release_detail.html", context, status=status)


@staff_required
def release_detail(request, pk: int):
    return render_release(request, pk)


class ReleaseActionView(StaffRequiredMixin, ActionView):
    staff_message = STAFF_ONLY
    lost_race = LOST_RACE
    actions = ACTIONS
    states = ReleaseStatus
    visible_to = staticmethod(releases_visible_to)

    def form_data(self, spec, form):
        if form is None:
            return {}
        if hasattr(form, "service_kwargs"):
            return form.service_kwargs()
        return dict(form.cleaned_data)

    def render_page(self, bound, status):
        return render_release(self.request, self.kwargs["pk"], bound, status=status)


release_action = ReleaseActionView.as_view()
