"""The API's filter backends: django-filter's, DRF's search and ordering, as every viewset
uses them (``DEFAULT_FILTER_BACKENDS`` and each ``filter_backends``), with one difference.

On one record (a viewset's ``detail`` route: retrieve, update, delete, every ``detail=True``
action) without a query string they leave the queryset as it is. That is what they would do
anyway, only cheaper: a filter reads only query parameters and none of ours filters on an empty
value (django-filter skips empty values, ``method=`` filters included); the search has no
terms; the ordering would be cleared by ``get_object``'s ``get()``. What they skip is building
the FilterSet (a deep copy of its filters, its form class, the form's validation) and cloning
the queryset twice, on every call of ``get_object``: 0.6–1 ms of a 5–11 ms request. With a
query string on a detail route (``?fields=``-like parameters, a client's cache buster) they run
as DRF's do, and refuse what DRF's refuse. The OpenAPI schema is unchanged: drf-spectacular
describes subclasses as their parents."""

from django_filters import rest_framework as django_filters
from rest_framework import filters


class _SkippedOnOneRecord:
    """A filter backend that answers a detail route without query parameters with the
    queryset it was given."""

    def filter_queryset(self, request, queryset, view):
        if getattr(view, "detail", False) and not request.query_params:
            return queryset
        return super().filter_queryset(request, queryset, view)


class DjangoFilterBackend(_SkippedOnOneRecord, django_filters.DjangoFilterBackend):
    """django-filter's backend (the view's ``filterset_class`` or ``filterset_fields``)."""


class SearchFilter(_SkippedOnOneRecord, filters.SearchFilter):
    """DRF's ``?search=`` over the view's ``search_fields``."""


class OrderingFilter(_SkippedOnOneRecord, filters.OrderingFilter):
    """DRF's ``?ordering=`` over the view's ``ordering_fields``, ``ordering`` by default."""
