"""The filtered list view every app's lists are declared with: filters, search, click-to-sort
columns, a page size, saved views (``core.models.SavedView``) and bulk actions, each row
through the app's own service (``/lists/``: ``core.views_lists``)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from ..api.pagination import CountingPaginator
from .access import StaffRequiredMixin, is_partial

#: Every list with a ``list_key``, by key: what saved views and bulk actions find a list by.
LISTS: dict[str, type] = {}
#: The page sizes ``?per_page=`` may ask for (anything else: the list's own).
PAGE_SIZES = (10, 25, 50, 100)
#: Query parameters a saved view does not keep.
NOT_SAVED = ("page", "view")


@dataclass(frozen=True)
class Column:
    """A column of a list: ``name`` (what ``?cols=`` names and ``shown`` holds), its
    heading, and ``sort``: the list's ``sorts`` key it sorts by (``key`` ascending,
    ``-key`` descending; None: not sortable). ``always``: cannot be hidden."""

    name: str
    label: Any
    sort: str | None = None
    always: bool = False


@dataclass(frozen=True)
class BulkAction:
    """An action on the ticked rows of a list. ``run(record, user, data)`` calls the app's
    service for one row (its refusals are reported per row, the others still run);
    ``form``: the fields it needs (prefix ``bulk-<name>``); ``confirm``: the question asked
    first; ``shortcut``: a key that runs it on the row selected with j/k."""

    label: Any
    run: Callable[[Any, Any, dict], Any]
    form: type | None = None
    confirm: Any = ""
    shortcut: str = ""


class BulkReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=200)


def teammates_q(user, field: str = "owner") -> Q:
    """``field`` (a user) shares a team with ``user`` (the ``teams`` of a person, by name:
    core imports no feature app)."""
    mates = get_user_model().objects.filter(teams__members=user).values("pk")
    return Q(**{f"{field}__in": mates})


def saved_views_visible_to(user, list_key: str | None = None):
    """The saved views a person sees: their own and those their team-mates shared."""
    from ..models import SavedView

    if not getattr(user, "is_authenticated", False):
        return SavedView.objects.none()
    qs = SavedView.objects.filter(Q(owner=user) | Q(shared=True) & teammates_q(user))
    if list_key is not None:
        qs = qs.filter(list_key=list_key)
    return qs


def querystring(params, **changes) -> str:
    """A list's query (``request.GET``) without the page number, with ``changes``: what
    links to other pages, tabs or sorts of the same list carry."""
    query = params.copy()
    query.pop("page", None)
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


class FilteredListView(StaffRequiredMixin, ListView):
    """A staff list: the app's FilterSet over ``get_base_queryset()``, an optional search
    (``?q=``, :meth:`search`), a whitelisted ``?sort=`` (``sorts``), optional tabs
    (``?tab=``), pages (a page past the end shows the last one), and, when ``results_id``
    is set, the HTMX partial: a request aimed at that element gets ``partial_template_name``
    alone. Filters that do not validate show no rows (the form says why).

    Declare ``filterset_class``, ``visible_to``, ``template_name``, ``context_object_name``
    and, as needed, ``list_url`` (the URL name of the list), ``sorts``/``default_sort``/``sort_choices``,
    ``tabs``, ``results_id``/``partial_template_name``; override :meth:`get_base_queryset`
    (what the list starts from), :meth:`with_list_data` (what the rows show:
    ``select_related``, annotations) and :meth:`search`."""

    filterset_class = None
    #: Who sees which rows: the app's visibility selector, ``visible_to(user)`` (declare it
    #: with ``staticmethod``); None: the view's ``queryset`` or ``model``.
    visible_to = None
    paginate_by = 25
    list_url: str | None = None
    #: ``?sort=`` value → ``order_by`` arguments; anything else is ``default_sort``.
    sorts: dict | None = None
    default_sort: str | None = None
    sort_choices: list = []
    #: (name, label); ``?tab=`` picks one, the first by default.
    tabs: list = []
    results_id: str | None = None
    partial_template_name: str | None = None
    search_length = 100
    #: The name saved views and bulk actions know this list by (None: neither).
    list_key: str | None = None
    #: The table's :class:`Column`\ s (``?cols=`` hides some; headers sort by a click).
    columns: list = []
    #: name → :class:`BulkAction`; the rows are found among ``bulk_visible_to(user)``
    #: (default: ``visible_to``).
    bulk_actions: dict = {}
    bulk_visible_to = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("list_key"):
            LISTS[cls.list_key] = cls

    @classmethod
    def bulk_queryset(cls, user):
        finder = cls.bulk_visible_to or cls.visible_to
        return finder(user)

    def get_paginate_by(self, queryset):
        asked = self.request.GET.get("per_page", "")
        return int(asked) if asked.isdigit() and int(asked) in PAGE_SIZES else self.paginate_by

    def shown_columns(self) -> list:
        asked = [name for value in self.request.GET.getlist("cols") for name in value.split(",") if name]
        known = {column.name for column in self.columns}
        if not [name for name in asked if name in known]:
            return [column.name for column in self.columns]
        return [column.name for column in self.columns if column.always or column.name in asked]

    def column_context(self, here: str | None) -> list[dict]:
        shown = self.shown_columns()
        current = getattr(self, "sort", None)
        out = []
        for column in self.columns:
            item = {"name": column.name, "label": column.label, "shown": column.name in shown,
                    "always": column.always, "aria_sort": "", "url": ""}
            key = column.sort
            if key and self.sorts and (key in self.sorts or f"-{key}" in self.sorts):
                if current == key:
                    item["aria_sort"] = "ascending"
                elif current == f"-{key}":
                    item["aria_sort"] = "descending"
                ascending, descending = key, f"-{key}"
                target = descending if current == ascending else ascending
                if target not in self.sorts:
                    target = ascending if target == descending else descending
                item["url"] = f"{here or ''}?{self.querystring(sort=target)}"
            out.append(item)
        return out

    def get_base_queryset(self):
        if self.visible_to is not None:
            return self.visible_to(self.request.user)
        return super().get_queryset()

    def get_filter_data(self):
        return self.request.GET

    def filter_queryset(self, filterset):
        return filterset.qs if filterset.is_valid() else filterset.queryset.none()

    def search(self, qs, term: str):
        return qs

    def with_list_data(self, qs):
        return qs

    def get_queryset(self):
        params = self.request.GET
        if self.tabs:
            self.tab = params.get("tab") if params.get("tab") in dict(self.tabs) else self.tabs[0][0]
        if self.sorts:
            self.sort = params.get("sort") if params.get("sort") in self.sorts else self.default_sort
        self.q = params.get("q", "").strip()[:self.search_length]
        self.filterset = self.filterset_class(self.get_filter_data(), queryset=self.get_base_queryset(),
                                              request=self.request)
        qs = self.filter_queryset(self.filterset)
        if self.q:
            qs = self.search(qs, self.q)
        qs = self.with_list_data(qs)
        return qs.order_by(*self.sorts[self.sort]) if self.sorts else qs

    def paginate_queryset(self, queryset, page_size):
        # The API's count (core.api.pagination): exact up to PAGINATION_EXACT_COUNT_LIMIT rows,
        # PostgreSQL's estimate past it (``paginator.count_exact`` False: the page says "about");
        # then a page is the rows at its offset, and whether there is a next one is known from
        # one row more read, never from the estimate. A page number past the end (the filters
        # changed) shows the last page when the count is exact, the first past an estimate.
        paginator = CountingPaginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get("page"))
        return paginator, page, page.object_list, page.has_other_pages()

    def querystring(self, **changes) -> str:
        return querystring(self.request.GET, **changes)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update({"filter": self.filterset, "q": self.q, "querystring": self.querystring()})
        here = reverse(self.list_url) if self.list_url else None
        if here:
            ctx["here"] = here
        if self.sorts:
            ctx.update(sort=self.sort, sort_choices=self.sort_choices)
        if self.tabs:
            ctx.update(tab=self.tab, tabs=[{"name": name, "label": label, "url": f"{here}?{self.querystring(tab=name)}",
                                           "active": name == self.tab} for name, label in self.tabs])
        if self.results_id:
            ctx["results_id"] = self.results_id
        ctx["per_page"] = self.get_paginate_by(None)
        ctx["page_sizes"] = PAGE_SIZES
        if self.columns:
            ctx["columns"] = self.column_context(here)
            ctx["shown"] = {c["name"] for c in ctx["columns"] if c["shown"]}
        if self.list_key and here:
            ctx.update(self.saved_view_context())
        if self.list_key and self.bulk_actions:
            ctx["bulk"] = {
                "url": reverse("lists:bulk", args=[self.list_key]), "next": self.request.get_full_path(),
                "actions": [{"name": name, "label": spec.label, "confirm": spec.confirm, "shortcut": spec.shortcut,
                             "form": (spec.form(prefix=f"bulk-{name}", use_required_attribute=False)
                                      if spec.form else None)}
                            for name, spec in self.bulk_actions.items()]}
        ctx["list_key"] = self.list_key
        return ctx

    def saved_view_context(self) -> dict:
        views = list(saved_views_visible_to(self.request.user, self.list_key).select_related("owner"))
        asked = self.request.GET.get("view", "")
        current = next((v for v in views if asked.isdigit() and v.pk == int(asked)), None)
        query = self.request.GET.copy()
        for key in NOT_SAVED:
            query.pop(key, None)
        return {"saved_views": views, "current_view": current, "save_query": query.urlencode()}

    def is_partial(self) -> bool:
        return bool(self.results_id) and is_partial(self.request, self.results_id)

    def get_template_names(self):
        return [self.partial_template_name] if self.is_partial() else super().get_template_names()

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if self.results_id:
            patch_vary_headers(response, ("HX-Request", "HX-Target"))
        return response
