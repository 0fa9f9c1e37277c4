"""The incident forms' live helpers (htmx fragments, staff only): the assignee options for
the team chosen, the CI options for the service chosen, and the priority that impact ×
urgency give (``services.priority_for``: the matrix stays in one place, the page only shows
its answer). Each answers from its query string and changes nothing."""

from __future__ import annotations

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy

from catalog.models import Service, Team
from core.pages import staff_only

from .. import services
from ..choices import Level
from ..forms.incident import PersonChoiceField, service_cis, team_members

STAFF_ONLY = gettext_lazy("The incident forms are for service desk staff.")


def _record(request, name: str, model):
    raw = request.GET.get(name, "")
    return model.objects.filter(pk=int(raw)).first() if raw.isdigit() else None


def _options(request, field, selected: str):
    return render(request, "incidents/_options.html", {"choices": list(field.choices), "selected": selected})


@staff_only(STAFF_ONLY)
def assignee_options(request):
    """``?team=<id>&assignee=<id>``: the ``<option>``\\ s of the team's members (everyone
    when no team), the current assignee kept selected when still offered."""
    field = PersonChoiceField(queryset=team_members(_record(request, "team", Team)), required=False)
    return _options(request, field, request.GET.get("assignee", ""))


@staff_only(STAFF_ONLY)
def ci_options(request):
    """``?service=<id>&ci=<id>``: the ``<option>``\\ s of the service's CIs (and those of no service)."""
    field = forms.ModelChoiceField(queryset=service_cis(_record(request, "service", Service)), required=False)
    return _options(request, field, request.GET.get("ci", ""))


@staff_only(STAFF_ONLY)
def priority_preview(request):
    """``?impact=1..3&urgency=1..3``: the priority the incident will get, from the matrix."""
    levels = {str(value) for value in Level.values}
    impact, urgency = request.GET.get("impact", ""), request.GET.get("urgency", "")
    priority = services.priority_for(int(impact), int(urgency)) if impact in levels and urgency in levels else None
    return render(request, "incidents/_priority_preview.html", {"priority": priority})
