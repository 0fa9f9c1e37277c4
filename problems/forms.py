"""Browser forms for problem management. Like :mod:`incidents.forms`, they check what people
type and turn it into the keyword arguments of :mod:`problems.services`; the services do
every write and have the last word (their ``ValidationError``\\ s are put back on the form
with :func:`incidents.forms.add_service_errors`)."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from catalog.models import ConfigurationItem, Service, Team
from core.forms import textarea
from incidents.choices import Level
from incidents.forms import StaffChoiceField
from incidents.models import Incident, MajorIncident

from .choices import KnownErrorStatus
from .models import KnownError, Problem

#: The five whys: this many boxes (more when a problem already has more answers, from the API).
WHYS = 5
TEXT = 20000


def services_field(label=None) -> forms.ModelMultipleChoiceField:
    label = label or _("Services")
    return forms.ModelMultipleChoiceField(label=label, required=False, queryset=Service.objects.order_by("name"),
                                          widget=forms.SelectMultiple(attrs={"size": 4}))


def cis_field(label=None) -> forms.ModelMultipleChoiceField:
    label = label or _("Configuration items")
    return forms.ModelMultipleChoiceField(label=label, required=False,
                                          queryset=ConfigurationItem.objects.order_by("name"),
                                          widget=forms.SelectMultiple(attrs={"size": 4}))


def _number(text: str, prefix: str) -> str:
    """``INC000123``, ``inc123`` or ``123`` → ``INC000123``."""
    text = text.strip().upper()
    digits = text[len(prefix):] if text.startswith(prefix) else text
    return f"{prefix}{int(digits):06d}" if digits.isdigit() else text


class IncidentNumbersField(forms.CharField):
    """Incidents by number, separated by commas or spaces (INC000123, or just 123)."""

    MAX = 50

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 2000)
        kwargs.setdefault("widget", forms.TextInput(attrs={"placeholder": "INC000123, INC000124", "dir": "ltr",
                                                           "autocomplete": "off"}))
        super().__init__(**kwargs)

    def clean(self, value):
        text = super().clean(value)
        refs = [r for r in re.split(r"[\s,;]+", text or "") if r]
        if not refs:
            return []
        if len(refs) > self.MAX:
            raise ValidationError(_("Give at most %(max)s incidents at a time."), params={"max": self.MAX},
                                  code="too_many")
        numbers = list(dict.fromkeys(_number(ref, "INC") for ref in refs))
        found = {i.number: i for i in Incident.objects.filter(number__in=numbers)}
        missing = [n for n in numbers if n not in found]
        if missing:
            raise ValidationError(_("There is no incident %(numbers)s."), params={"numbers": ", ".join(missing)},
                                  code="unknown")
        return [found[n] for n in numbers]


# --- problems ---------------------------------------------------------------------------------
class ProblemEditForm(forms.Form):
    """The details :func:`problems.services.problem_update` accepts (the analysis has its own form)."""

    title = forms.CharField(label=_("Title"), max_length=200, widget=forms.TextInput(attrs={"dir": "auto"}))
    description = forms.CharField(label=_("Description"), required=False, max_length=TEXT, widget=textarea(4))
    impact = forms.TypedChoiceField(label=_("Impact"), choices=Level.choices, coerce=int, initial=Level.MEDIUM)
    urgency = forms.TypedChoiceField(label=_("Urgency"), choices=Level.choices, coerce=int, initial=Level.MEDIUM)
    owner = StaffChoiceField(label=_("Owner"))
    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.order_by("name"), required=False)
    services = services_field()
    cis = cis_field()

    FIELDS = ("title", "description", "impact", "urgency", "owner", "team")

    @classmethod
    def initial_for(cls, problem: Problem) -> dict:
        return {"title": problem.title, "description": problem.description, "impact": problem.impact,
                "urgency": problem.urgency, "owner": problem.owner_id, "team": problem.team_id,
                "services": [s.pk for s in problem.services.all()], "cis": [c.pk for c in problem.cis.all()]}

    def changes(self, problem: Problem) -> dict:
        """Only what differs from the problem (``services``/``cis`` only when they change)."""
        data = self.cleaned_data
        changed = {name: data[name] for name in self.FIELDS if getattr(problem, name) != data[name]}
        for name in ("services", "cis"):
            if {o.pk for o in getattr(problem, name).all()} != {o.pk for o in data[name]}:
                changed[name] = list(data[name])
        return changed


class ProblemCreateForm(ProblemEditForm):
    """A problem from nothing, from one or more incidents, or from a major incident."""

    title = forms.CharField(label=_("Title"), max_length=200, required=False,
                            widget=forms.TextInput(attrs={"dir": "auto"}),
                            help_text=_("Empty: the first incident's title."))
    incidents = IncidentNumbersField(label=_("Incidents"), required=False,
                                     help_text=_("The incidents it comes from, by number; their services and "
                                                 "configuration items come along."))
    major_incident = forms.ModelChoiceField(queryset=MajorIncident.objects.select_related("incident"),
                                            required=False, widget=forms.HiddenInput)

    field_order = ["title", "description", "incidents", "impact", "urgency", "owner", "team", "services", "cis"]


class AnalysisForm(forms.Form):
    """Root-cause analysis: the cause, what contributed, the chain of whys, the workaround."""

    root_cause = forms.CharField(label=_("Root cause"), required=False, max_length=TEXT, widget=textarea(3))
    contributing_factors = forms.CharField(label=_("Contributing factors"), required=False, max_length=TEXT,
                                           widget=textarea(2))
    workaround = forms.CharField(label=_("Workaround"), required=False, max_length=TEXT, widget=textarea(3),
                                 help_text=_("What agents can do for users until the cause is removed."))

    FIELDS = ("root_cause", "contributing_factors", "workaround")

    def __init__(self, *args, whys: int = WHYS, **kwargs):
        super().__init__(*args, **kwargs)
        self.why_count = max(WHYS, whys)
        for n in range(1, self.why_count + 1):
            self.fields[f"why_{n}"] = forms.CharField(
                label=_("Why %(n)s") % {"n": n}, required=False, max_length=500,
                widget=forms.TextInput(attrs={"dir": "auto"}))

    @property
    def why_fields(self):
        return [self[f"why_{n}"] for n in range(1, self.why_count + 1)]

    @classmethod
    def initial_for(cls, problem: Problem) -> dict:
        initial = {name: getattr(problem, name) for name in cls.FIELDS}
        for n, why in enumerate(problem.five_whys or [], start=1):
            initial[f"why_{n}"] = why
        return initial

    def changes(self, problem: Problem) -> dict:
        data = self.cleaned_data
        changed = {name: data[name].strip() for name in self.FIELDS if getattr(problem, name) != data[name].strip()}
        whys = [data[f"why_{n}"].strip() for n in range(1, self.why_count + 1) if data[f"why_{n}"].strip()]
        if whys != list(problem.five_whys or []):
            changed["five_whys"] = whys
        return changed


class MarkKnownErrorForm(forms.Form):
    symptom = forms.CharField(label=_("Symptom"), required=False, max_length=TEXT, widget=textarea(2),
                              help_text=_("What users see, in their words (empty: the problem's description)."))
    publish = forms.BooleanField(label=_("Publish it, so agents see it on matching incidents"), required=False,
                                 initial=True)


class ResolveForm(forms.Form):
    resolution = forms.CharField(label=_("How was the cause removed?"), max_length=TEXT, widget=textarea(3),
                                 help_text=_("For example the change that fixed it (CHG000012)."))


class LinkIncidentsForm(forms.Form):
    incidents = IncidentNumbersField(label=_("Incident numbers"))


class UnlinkIncidentForm(forms.Form):
    incident = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


# --- known errors -----------------------------------------------------------------------------
class ProblemNumberField(forms.CharField):
    """A problem by number (PRB000045, or just 45); empty for none."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 16)
        kwargs.setdefault("widget", forms.TextInput(attrs={"placeholder": "PRB000045", "dir": "ltr",
                                                           "autocomplete": "off"}))
        super().__init__(**kwargs)

    def clean(self, value):
        text = super().clean(value).strip()
        if not text:
            return None
        number = _number(text, "PRB")
        problem = Problem.objects.filter(number=number).first()
        if problem is None:
            raise ValidationError(_("There is no problem %(number)s."), params={"number": number}, code="unknown")
        return problem


class KnownErrorForm(forms.Form):
    """The fields :func:`problems.services.known_error_save` accepts."""

    title = forms.CharField(label=_("Title"), max_length=200, widget=forms.TextInput(attrs={"dir": "auto"}))
    symptom = forms.CharField(label=_("Symptom"), max_length=TEXT, widget=textarea(3),
                              help_text=_("What the user sees, in their words: this is what the search matches."))
    root_cause = forms.CharField(label=_("Root cause"), required=False, max_length=TEXT, widget=textarea(2))
    workaround = forms.CharField(label=_("Workaround"), max_length=TEXT, widget=textarea(3))
    status = forms.ChoiceField(label=_("Status"), choices=KnownErrorStatus.choices, initial=KnownErrorStatus.DRAFT,
                               help_text=_("Only published known errors are suggested on incidents."))
    problem = ProblemNumberField(label=_("Problem"))
    services = services_field(_("Affected services"))
    cis = cis_field(_("Affected configuration items"))

    FIELDS = ("title", "symptom", "root_cause", "workaround", "status", "problem")

    @classmethod
    def initial_for(cls, known: KnownError) -> dict:
        return {"title": known.title, "symptom": known.symptom, "root_cause": known.root_cause,
                "workaround": known.workaround, "status": known.status,
                "problem": known.problem.number if known.problem_id else "",
                "services": [s.pk for s in known.services.all()], "cis": [c.pk for c in known.cis.all()]}


class ApplyForm(forms.Form):
    incident = forms.ModelChoiceField(queryset=Incident.objects.all(), widget=forms.HiddenInput,
                                      error_messages={"invalid_choice": _("That incident does not exist."),
                                                      "required": _("Say which incident to apply it to.")})


class CandidateAcceptForm(forms.Form):
    title = forms.CharField(label=_("Title of the problem"), max_length=200, required=False,
                            widget=forms.TextInput(attrs={"dir": "auto"}))
