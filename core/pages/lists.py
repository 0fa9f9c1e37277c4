"""The filtered list view every app's lists are declared with."""

from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.generic import ListView

from .access import StaffRequiredMixin, is_partial


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
        # A page number past the end (the filters changed) shows the last page, not a 404.
        paginator = Paginator(queryset, page_size)
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
        return ctx

    def is_partial(self) -> bool:
        return bool(self.results_id) and is_partial(self.request, self.results_id)

    def get_template_names(self):
        return [self.partial_template_name] if self.is_partial() else super().get_template_names()

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if self.results_id:
            patch_vary_headers(response, ("HX-Request", "HX-Target"))
        return response
