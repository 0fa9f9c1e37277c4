"""Browser pages for the catalogue: lists with the same FilterSets as the API, and detail
pages that show each record's history."""

from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.core.exceptions import PermissionDenied
from django.views.generic import DetailView, ListView

from core.roles import is_staff_member

from . import selectors
from .filtersets import ContactFilterSet, CustomerFilterSet, ServiceFilterSet
from .models import Customer, Service


class StaffOnlyMixin(LoginRequiredMixin, UserPassesTestMixin):
    raise_exception = False

    def test_func(self):
        return is_staff_member(self.request.user)

    def handle_no_permission(self):
        if self.request.user.is_authenticated:
            raise PermissionDenied("Only service desk staff can see this page.")
        return super().handle_no_permission()


class FilteredListView(StaffOnlyMixin, ListView):
    filterset_class = None
    paginate_by = 50

    def get_queryset(self):
        self.filterset = self.filterset_class(self.request.GET or None, queryset=super().get_queryset(),
                                              request=self.request)
        qs = self.filterset.qs if self.filterset.is_bound and self.filterset.is_valid() else super().get_queryset()
        search = self.request.GET.get("q", "").strip()
        if search:
            qs = self.search(qs, search)
        return qs

    def search(self, qs, term):
        return qs.filter(name__icontains=term)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["filter"] = self.filterset
        ctx["q"] = self.request.GET.get("q", "")
        query = self.request.GET.copy()
        query.pop("page", None)
        ctx["querystring"] = query.urlencode()
        return ctx


class HistoryDetailView(StaffOnlyMixin, DetailView):
    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["history"] = self.object.history.select_related("history_user").order_by("-history_date")[:50]
        return ctx


class ServiceListView(FilteredListView):
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


class CustomerListView(FilteredListView):
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


class ContactListView(FilteredListView):
    filterset_class = ContactFilterSet
    template_name = "catalog/contact_list.html"

    def get_queryset(self):
        self.queryset = selectors.contacts_visible_to(self.request.user)
        return super().get_queryset()

    def search(self, qs, term):
        from .phone import try_normalize_phone

        number = try_normalize_phone(term)
        if number:
            return qs.filter(phones__number=number)
        return qs.filter(name__icontains=term)


class ContactDetailView(HistoryDetailView):
    template_name = "catalog/contact_detail.html"

    def get_queryset(self):
        return selectors.contacts_visible_to(self.request.user)
