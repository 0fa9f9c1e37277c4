"""Browser pages for the catalogue: lists with the same FilterSets as the API, and detail
pages that show each record's history."""

from django.views.generic import DetailView, ListView

from core.pages import FilteredListView, StaffRequiredMixin

from . import selectors
from .filtersets import ContactFilterSet, CustomerFilterSet, ServiceFilterSet
from .models import Customer, Service
from .phone import try_normalize_phone


class CatalogListView(FilteredListView):
    """The catalogue's lists: no filter given (or filters that do not validate) lists
    everything; the search box (``?q=``) looks up names; 50 a page (past the end: 404)."""

    paginate_by = 50
    search_length = None
    paginate_queryset = ListView.paginate_queryset

    def get_filter_data(self):
        return self.request.GET or None

    def filter_queryset(self, filterset):
        return filterset.qs if filterset.is_bound and filterset.is_valid() else filterset.queryset

    def search(self, qs, term):
        return qs.filter(name__icontains=term)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "q": self.request.GET.get("q", "")}


class HistoryDetailView(StaffRequiredMixin, DetailView):
    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["history"] = self.object.history.select_related("history_user").order_by("-history_date")[:50]
        return ctx


class ServiceListView(CatalogListView):
    queryset = Service.objects.select_related("owner_team")
    filterset_class = ServiceFilterSet
    template_name = "catalog/service_list.html"


class ServiceDetailView(HistoryDetailView):
    queryset = Service.objects.select_related("owner_team")
    template_name = "catalog/service_detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["cis"] = self.object.cis.prefetch_related("outgoing__target")
        return ctx


class CustomerListView(CatalogListView):
    queryset = Customer.objects.all()
    filterset_class = CustomerFilterSet
    template_name = "catalog/customer_list.html"

    def search(self, qs, term):
        if term.isdigit():
            return qs.filter(account_number__startswith=term)
        return qs.filter(name__icontains=term)


class CustomerDetailView(HistoryDetailView):
    queryset = Customer.objects.all()
    template_name = "catalog/customer_detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["contacts"] = self.object.contacts.prefetch_related("phones")
        return ctx


class ContactListView(CatalogListView):
    filterset_class = ContactFilterSet
    template_name = "catalog/contact_list.html"

    def get_base_queryset(self):
        return selectors.contacts_visible_to(self.request.user)

    def search(self, qs, term):
        number = try_normalize_phone(term)
        if number:
            return qs.filter(phones__number=number)
        return qs.filter(name__icontains=term)


class ContactDetailView(HistoryDetailView):
    template_name = "catalog/contact_detail.html"

    def get_queryset(self):
        return selectors.contacts_visible_to(self.request.user)
