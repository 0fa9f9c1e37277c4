"""The list envelope ``{count, next, previous, results}`` and what its ``count`` is.

A list is counted exactly up to :func:`exact_count_limit` rows (10,000 unless the setting
``PAGINATION_EXACT_COUNT_LIMIT`` says otherwise): one ``SELECT COUNT(*) FROM (SELECT … LIMIT
limit + 1)``, a bounded read whatever the table's size. Past it, on PostgreSQL, ``count`` is the
planner's estimate of the list's rows (``EXPLAIN``, never less than what was counted) and the
envelope says so with ``"count_exact": false``; an exact count is present as before, without
that key. Pages past an estimate are found by the rows themselves (a page reads one row more
than it shows: ``next`` is there while there are more), never cut at the estimate; the last
page makes the count exact again (the rows before it and on it). On other databases (SQLite)
every count is exact. See docs/api.md, "Pagination and counts".
"""

from __future__ import annotations

import inspect
import json

from django.conf import settings
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db import connections
from django.db.models import QuerySet
from django.utils.functional import cached_property
from django.utils.inspect import method_has_no_args
from rest_framework import pagination
from rest_framework.response import Response

#: Lists are counted exactly up to this many rows (the setting PAGINATION_EXACT_COUNT_LIMIT).
EXACT_COUNT_LIMIT = 10_000


def exact_count_limit() -> int | None:
    """How many rows a list is counted exactly up to (``None``: always exactly)."""
    return getattr(settings, "PAGINATION_EXACT_COUNT_LIMIT", EXACT_COUNT_LIMIT)


def planner_rows(queryset: QuerySet) -> int:
    """PostgreSQL's estimate of ``queryset``'s rows (its plan's top ``Plan Rows``): one
    ``EXPLAIN``, no row read."""
    queryset = queryset.order_by()
    if not queryset.query.annotations and not queryset.query.combinator:
        # the same rows without the page's columns and select_related joins: less to plan
        queryset = queryset.values("pk")
    plan = queryset.explain(format="json")
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return int(plan[0]["Plan"]["Plan Rows"])


def planner_rows_of(sql: str, params, *, using: str = "default") -> int:
    """:func:`planner_rows` of a statement already compiled (``sql`` with ``params``)."""
    with connections[using].cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return int(plan[0]["Plan"]["Plan Rows"])


def count_up_to(queryset: QuerySet, limit: int | None) -> tuple[int, bool]:
    """``(count, exact)``: the rows of ``queryset`` counted exactly up to ``limit``; past it
    (PostgreSQL only) the planner's estimate, at least ``limit + 1``."""
    connection = connections[queryset.db]
    if limit is None or connection.vendor != "postgresql" or queryset.query.is_sliced:
        return queryset.count(), True
    bounded = queryset if queryset.query.distinct_fields else queryset.order_by()
    counted = bounded[: limit + 1].count()  # SELECT COUNT(*) FROM (SELECT pk … LIMIT limit + 1)
    if counted <= limit:
        return counted, True
    return max(planner_rows(queryset), counted), False


def counted(object_list, limit: int | None) -> tuple[int, bool]:
    """``(count, exact)`` of anything a paginator pages through: a queryset (see
    :func:`count_up_to`), an object with its own ``count_up_to(limit)`` (the crm timeline),
    else its ``count()`` or ``len()``, exactly, as Django's paginator would."""
    own = getattr(object_list, "count_up_to", None)
    if own is not None and not isinstance(object_list, QuerySet):
        return own(limit)
    if isinstance(object_list, QuerySet):
        return count_up_to(object_list, limit)
    own = getattr(object_list, "count", None)  # what Django's paginator does with anything else
    if callable(own) and not inspect.isbuiltin(own) and method_has_no_args(own):
        return own(), True
    return len(object_list), True


class EstimatedPage(Page):
    """A page of a list whose count is an estimate: whether there is a next page is known
    from the rows (one more was read), not from the count."""

    def __init__(self, object_list, number, paginator, *, more: bool):
        super().__init__(object_list, number, paginator)
        self.more = more

    def has_next(self):
        return self.more

    def next_page_number(self):
        return self.number + 1

    def end_index(self):
        return self.start_index() + len(self.object_list) - 1 if self.object_list else 0


class CountingPaginator(Paginator):
    """Django's paginator, with ``count`` exact up to ``limit`` (default
    :func:`exact_count_limit`) and the planner's estimate past it (``count_exact`` False);
    then a page is the rows at its offset, whatever the estimate says."""

    def __init__(self, object_list, per_page, orphans=0, allow_empty_first_page=True, *, limit=...):
        super().__init__(object_list, per_page, orphans, allow_empty_first_page)
        self.limit = exact_count_limit() if limit is ... else limit

    @cached_property
    def counted(self) -> tuple[int, bool]:
        return counted(self.object_list, self.limit)

    @property
    def count(self) -> int:
        return self.counted[0]

    @property
    def count_exact(self) -> bool:
        return self.counted[1]

    def _forget_pages(self):
        self.__dict__.pop("num_pages", None)

    def validate_number(self, number):
        if self.count_exact:
            return super().validate_number(number)
        try:
            if isinstance(number, float) and not number.is_integer():
                raise ValueError
            number = int(number)
        except (TypeError, ValueError) as exc:
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from exc
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        return number

    def page(self, number):
        if self.count_exact:
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom:bottom + self.per_page + 1])
        more = len(rows) > self.per_page
        rows = rows[: self.per_page]
        if not rows and number > 1:
            raise EmptyPage(self.error_messages["no_results"])
        seen = bottom + len(rows)
        if not more and rows:  # the last page: every row is known
            self.counted = (seen, True)
            self._forget_pages()
        elif seen + more > self.count:  # more rows than estimated: never less than seen
            self.counted = (seen + 1, False)
            self._forget_pages()
        return EstimatedPage(rows, number, self, more=more)

    def get_page(self, number):
        try:
            return super().get_page(number)
        except EmptyPage:  # past the end of an estimate
            return self.page(1)


class PageNumberPagination(pagination.PageNumberPagination):
    """``?page=N&page_size=M`` (M at most 200) → ``{count, next, previous, results}``, and
    ``"count_exact": false`` after ``count`` when ``count`` is an estimate (see the module)."""

    page_size_query_param = "page_size"
    max_page_size = 200
    django_paginator_class = CountingPaginator

    def get_paginated_response(self, data):
        paginator = self.page.paginator
        body = {"count": paginator.count}
        if not getattr(paginator, "count_exact", True):
            body["count_exact"] = False
        body.update(next=self.get_next_link(), previous=self.get_previous_link(), results=data)
        return Response(body)

    def get_paginated_response_schema(self, schema):
        response = super().get_paginated_response_schema(schema)
        properties = response["properties"]
        limit = exact_count_limit()
        count = "How many rows the list has."
        if limit is not None:
            count += (f" Exact up to {limit:,} rows; past that (PostgreSQL only) the database's estimate,"
                      " and then count_exact is present and false.")
        response["properties"] = {
            "count": {**properties["count"], "description": count},
            "count_exact": {"type": "boolean", "description": (
                "Present, and false, only when count is an estimate; absent when count is exact.")},
            **{name: value for name, value in properties.items() if name != "count"},
        }
        return response
