"""``/lists/``: saved views of the staff lists (save, open, delete, the page of mine) and the
lists' bulk actions. Each bulk row goes through the list's own service call
(:class:`core.pages.lists.BulkAction`), so its permission rules and refusals apply per row."""

from django import forms
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_POST

from .models import SavedView
from .pages.access import safe_next, staff_only
from .pages.actions import refused
from .pages.lists import LISTS, NOT_SAVED, saved_views_visible_to

STAFF_ONLY = gettext_lazy("Only service desk staff have saved views and bulk actions.")
#: At most this many ticked rows are changed at once.
MAX_BULK_ROWS = 200


class SavedViewForm(forms.Form):
    list_key = forms.CharField(max_length=40, widget=forms.HiddenInput)
    query = forms.CharField(max_length=2000, required=False, widget=forms.HiddenInput)
    name = forms.CharField(label=gettext_lazy("Name"), max_length=80)
    shared = forms.BooleanField(label=gettext_lazy("Share with my teams"), required=False)

    def clean_list_key(self):
        key = self.cleaned_data["list_key"]
        if key not in LISTS:
            raise forms.ValidationError(_("There is no such list."))
        return key

    def clean_query(self):
        query = QueryDict(self.cleaned_data["query"] or "", mutable=True)
        for key in NOT_SAVED:
            query.pop(key, None)
        return query.urlencode()[:2000]

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Give the view a name."))
        return name


def _list_url(view: SavedView) -> str:
    spec = LISTS.get(view.list_key)
    if spec is None or not spec.list_url:
        raise Http404
    return reverse(spec.list_url)


def _open_url(view: SavedView) -> str:
    query = f"{view.query}&" if view.query else ""
    return f"{_list_url(view)}?{query}view={view.pk}"


@staff_only(STAFF_ONLY)
@require_GET
def saved_view_list(request):
    """Every saved view I see, by list: open it, or delete it when it is mine."""
    views = list(saved_views_visible_to(request.user).select_related("owner").order_by("list_key", "name", "id"))
    rows = [{"view": v, "url": _open_url(v) if v.list_key in LISTS else "", "mine": v.owner_id == request.user.pk}
            for v in views]
    return render(request, "core/saved_views.html", {"rows": rows})


@staff_only(STAFF_ONLY)
@require_POST
def saved_view_save(request):
    """Save the list as it is shown (its query string) under a name; the same name on the same
    list replaces my earlier one."""
    form = SavedViewForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        key = request.POST.get("list_key", "")
        back = reverse(LISTS[key].list_url) if key in LISTS and LISTS[key].list_url else reverse("lists:views")
        return redirect(safe_next(request, back))
    data = form.cleaned_data
    try:
        with transaction.atomic():
            view = SavedView.objects.filter(owner=request.user, list_key=data["list_key"], name=data["name"]).first()
            if view is None:
                view = SavedView(owner=request.user, list_key=data["list_key"], name=data["name"])
            view.query, view.shared = data["query"], data["shared"]
            view._history_user = request.user
            view.save()
    except IntegrityError:  # the same name saved twice at once: the other one won
        messages.error(request, _("A view with this name was saved meanwhile; try again."))
        return redirect(reverse("lists:views"))
    messages.success(request, _("The view “%(name)s” is saved.") % {"name": view.name})
    return redirect(_open_url(view))


@staff_only(STAFF_ONLY)
@require_GET
def saved_view_open(request, pk: int):
    view = get_object_or_404(saved_views_visible_to(request.user), pk=pk)
    return redirect(_open_url(view))


@staff_only(STAFF_ONLY)
@require_POST
def saved_view_delete(request, pk: int):
    """Only the owner deletes a view (a team-mate's shared view is not theirs: 404)."""
    view = get_object_or_404(SavedView, pk=pk, owner=request.user)
    name = view.name
    view._history_user = request.user
    view.delete()
    messages.success(request, _("The view “%(name)s” is deleted.") % {"name": name})
    return redirect(safe_next(request, reverse("lists:views")))


def _label(record) -> str:
    return str(getattr(record, "number", "") or record)


@staff_only(STAFF_ONLY)
@require_POST
def bulk_action(request, key: str):
    """Run a list's bulk action on the ticked rows (``bulk-ids``), one by one through its
    service: what was done, and each row refused with the reason (not found or not
    visible to me, a status it cannot leave, a rule of the service), as messages on the
    list it came from; to an HTMX request, as core/_bulk_results.html (no reload)."""
    spec = LISTS.get(key)
    if spec is None or not spec.bulk_actions:
        raise Http404
    back = safe_next(request, reverse(spec.list_url) if spec.list_url else "/")
    name = request.POST.get("bulk-action", "")
    action = spec.bulk_actions.get(name)
    if action is None:
        messages.error(request, _("Choose an action for the ticked rows."))
        return redirect(back)
    ids = list(dict.fromkeys(int(v) for v in request.POST.getlist("bulk-ids") if v.isdigit()))
    if not ids:
        messages.error(request, _("Tick the rows to change first."))
        return redirect(back)
    if len(ids) > MAX_BULK_ROWS:
        messages.error(request, _("At most %(n)s rows can be changed at once.") % {"n": MAX_BULK_ROWS})
        return redirect(back)
    data = {}
    if action.form is not None:
        form = action.form(request.POST, prefix=f"bulk-{name}")
        if not form.is_valid():
            for field, errors in form.errors.items():
                label = form.fields[field].label if field in form.fields else ""
                for error in errors:
                    messages.error(request, f"{label}: {error}" if label else error)
            return redirect(back)
        data = form.cleaned_data
    records = list(spec.bulk_queryset(request.user).filter(pk__in=ids).order_by("id"))
    done, not_done = [], []
    for record in records:
        reason = refused(lambda record=record: action.run(record, request.user, data))
        if reason is None:
            done.append(_label(record))
        else:
            not_done.append((_label(record), reason))
    missing = len(ids) - len(records)
    if getattr(request, "htmx", False):
        # Without a reload: the outcome in the list's #bulk-results, and the rows refreshed
        # (the list's filter form listens for "lists-changed").
        response = render(request, "core/_bulk_results.html", {
            "action": action.label, "done": done, "not_done": not_done, "missing": missing})
        response["HX-Trigger"] = "lists-changed"
        return response
    if done:
        messages.success(request, _("%(action)s: done for %(rows)s.") % {"action": action.label,
                                                                          "rows": ", ".join(done)})
    for label, reason in not_done:
        messages.error(request, _("%(row)s was not changed: %(reason)s") % {"row": label, "reason": reason})
    if missing:
        messages.error(request, ngettext("%(n)s ticked row could not be found among what you may see.",
                                         "%(n)s ticked rows could not be found among what you may see.",
                                         missing) % {"n": missing})
    return redirect(back)
