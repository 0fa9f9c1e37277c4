"""core/api/filters.py: without a query string django-filter's backend is skipped (and on one
record the search and the ordering too); with one they answer as DRF's and django-filter's did;
every API view uses them."""

import pytest
from django_filters import rest_framework as django_filters
from rest_framework import filters

from catalog.tests.factories import UserFactory
from core.api import filters as core_filters
from core.roles import Role
from incidents.tests.factories import IncidentFactory
from tests.api_contract import walk_urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def agent_api(api):
    return api.as_user(UserFactory(roles=[Role.AGENT]))


def test_one_record_without_a_query_string_is_found(agent_api):
    incident = IncidentFactory()
    response = agent_api.get(f"/api/v1/incidents/{incident.pk}/")
    assert response.status_code == 200 and response.json()["id"] == incident.pk


def test_a_filter_on_one_record_still_narrows_it(agent_api):
    """DRF applies the filters in get_object: a record the filter excludes is not found."""
    incident = IncidentFactory()  # new
    assert agent_api.get(f"/api/v1/incidents/{incident.pk}/?status=new").status_code == 200
    assert agent_api.get(f"/api/v1/incidents/{incident.pk}/?status=closed").status_code == 404
    assert agent_api.get(f"/api/v1/incidents/{incident.pk}/?search={incident.title}").status_code == 200
    assert agent_api.get(f"/api/v1/incidents/{incident.pk}/?search=no-such-words-anywhere").status_code == 404


def test_an_invalid_filter_on_one_record_is_still_refused(agent_api):
    incident = IncidentFactory()
    response = agent_api.get(f"/api/v1/incidents/{incident.pk}/?status=nonsense")
    assert response.status_code == 400 and "status" in response.json()


def test_an_action_on_one_record_is_unchanged(agent_api):
    incident = IncidentFactory()
    response = agent_api.post(f"/api/v1/incidents/{incident.pk}/start/", {}, format="json")
    assert response.status_code in (200, 409), response.content
    history = agent_api.get(f"/api/v1/incidents/{incident.pk}/history/")
    assert history.status_code == 200 and history.json()["count"] >= 1


def test_a_list_without_a_query_string_is_every_visible_record_in_order(agent_api):
    older, newer = IncidentFactory(), IncidentFactory()
    everything = agent_api.get("/api/v1/incidents/").json()
    assert [row["id"] for row in everything["results"]] == [newer.pk, older.pk]  # the default ordering
    assert agent_api.get("/api/v1/incidents/?status=closed").json()["count"] == 0
    assert agent_api.get("/api/v1/incidents/?status=nonsense").status_code == 400
    assert [row["id"] for row in agent_api.get("/api/v1/incidents/?ordering=created_at").json()["results"]] == [
        older.pk, newer.pk]


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_no_filterset_of_ours_filters_without_a_query_string():
    """What lets core's backend skip django-filter without a query string: no FilterSet of the
    project fills in values or filters on its own, and no filter of ours filters an empty
    value (django-filter's own skip empty values). One that must, say so in core/api/filters.py."""
    import django_filters as df
    from django.apps import apps

    ours = tuple(config.name + "." for config in apps.get_app_configs()
                 if not config.name.startswith(("django.", "rest_framework", "django_filters")))
    overrides = {"__init__", "filter_queryset", "qs", "get_form_class"}
    found = [sub for sub in _subclasses(df.FilterSet) if sub.__module__.startswith(ours)]
    assert len(found) > 10  # the walk found the project's FilterSets
    wrong = [f"{sub.__module__}.{sub.__qualname__}.{name}" for sub in found for name in overrides
             if name in vars(sub)]
    wrong += [f"{sub.__module__}.{sub.__qualname__}.filter" for sub in _subclasses(df.Filter)
              if sub.__module__.startswith(ours) and "filter" in vars(sub)]
    assert not wrong, wrong


def _views():
    """Every class-based view of the URLconf, with its viewset actions (``{}`` for an APIView)."""
    for _route, pattern in walk_urls():
        view = getattr(pattern.callback, "cls", None)
        if view is not None:
            yield view, getattr(pattern.callback, "actions", None) or {}


def test_every_api_view_filters_through_core():
    """No view takes DRF's or django-filter's backends directly (they would build the
    FilterSet on every detail request): one way to filter, core's."""
    plain = {django_filters.DjangoFilterBackend, filters.SearchFilter, filters.OrderingFilter}
    wrong, checked = set(), 0
    for view, actions in _views():
        backends = set(getattr(view, "filter_backends", []) or [])
        for method_name in actions.values():  # an @action may name its own
            handler = getattr(view, method_name, None)
            backends |= set((getattr(handler, "kwargs", None) or {}).get("filter_backends", []))
        checked += bool(backends)
        wrong |= {f"{view.__module__}.{view.__qualname__}: {backend.__name__}"
                  for backend in backends if backend in plain}
    assert checked > 20  # the walk found the API's viewsets
    assert not wrong, sorted(wrong)
    assert all(issubclass(backend, core_filters._SkippedOnOneRecord) for backend in (
        core_filters.SearchFilter, core_filters.OrderingFilter))
