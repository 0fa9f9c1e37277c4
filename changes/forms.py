"""Browser forms for change management. Like :mod:`incidents.forms`, they check what people
type and turn it into the keyword arguments of :mod:`changes.services`; the services do
every write and have the last word (their ``ValidationError``\\ s are put back on the form
with :func:`incidents.forms.add_service_errors`)."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from catalog.models import ConfigurationItem, Service
from core.forms import DecisionForm, textarea
from incidents.choices import Level
from incidents.forms import LocalDateTimeField, StaffChoiceField
from incidents.models import Incident
from problems.models import Problem

from . import services
from .choices import ChangeType, Outcome, VoteDecision
from .models import Change, ChangeModel

TEXT = 20000
RISK_CHOICES = [(1, _("1 – Very low")), (2, _("2 – Low")), (3, _("3 – Medium")), (4, _("4 – High")),
                (5, _("5 – Very high"))]
QUESTIONNAIRE, DIRECT, LATER = "questionnaire", "direct", "later"


def _services_field(label=None) -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(label=label or _("Services"), required=False,
                                          queryset=Service.objects.order_by("name"),
                                          widget=forms.SelectMultiple(attrs={"size": 4}))


def _risk_question_label(question: str) -> str:
    # The questions live in ``changes.services.RISK_QUESTIONS``; translated when a catalogue has them.
    return gettext(question)


# --- the RFC -------------------------------------------------------------------------------------
class ChangeForm(forms.Form):
    """The RFC: what, why, where, when, how (and how back), and the risk — from the
    questionnaire or given directly. Its cleaned data become the keyword arguments of
    ``change_create`` / ``change_update`` through :meth:`service_kwargs`."""

    type = forms.ChoiceField(label=_("Type"), choices=ChangeType.choices, initial=ChangeType.NORMAL,
                             help_text=_("Standard: follows a pre-authorised change model. Emergency: goes to "
                                         "the ECAB."))
    model = forms.ModelChoiceField(label=_("Change model"), required=False,
                                   queryset=ChangeModel.objects.filter(is_active=True).order_by("name"),
                                   help_text=_("A standard change follows a model: its plans, risk and tasks "
                                               "come along."))
    title = forms.CharField(label=_("Title"), max_length=200, required=False,
                            widget=forms.TextInput(attrs={"dir": "auto"}))
    description = forms.CharField(label=_("Description and reason"), required=False, max_length=TEXT,
                                  widget=textarea(4), help_text=_("What changes, and why."))
    services = _services_field()
    cis = forms.ModelMultipleChoiceField(label=_("Configuration items"), required=False,
                                         queryset=ConfigurationItem.objects.order_by("name"),
                                         widget=forms.SelectMultiple(attrs={"size": 4}))
    planned_start = LocalDateTimeField(label=_("Planned start"))
    planned_end = LocalDateTimeField(label=_("Planned end"))
    outage_start = LocalDateTimeField(label=_("Outage from"), help_text=_("Empty: no service outage."))
    outage_end = LocalDateTimeField(label=_("Outage until"))
    outage_services = _services_field(_("Services down"))
    implementation_plan = forms.CharField(label=_("Implementation plan"), required=False, max_length=TEXT,
                                          widget=textarea(4))
    backout_plan = forms.CharField(label=_("Back-out plan"), required=False, max_length=TEXT, widget=textarea())
    test_plan = forms.CharField(label=_("Test plan"), required=False, max_length=TEXT, widget=textarea())
    impact = forms.TypedChoiceField(label=_("Impact"), choices=Level.choices, coerce=int, initial=Level.MEDIUM)
    risk_method = forms.ChoiceField(label=_("Risk"), initial=QUESTIONNAIRE, widget=forms.RadioSelect,
                                    choices=[(QUESTIONNAIRE, _("Answer the risk questionnaire")),
                                             (DIRECT, _("Give the risk directly")),
                                             (LATER, _("Not assessed yet"))])
    risk = forms.TypedChoiceField(label=_("Risk (1–5)"), choices=[("", "---------"), *RISK_CHOICES],
                                  coerce=int, empty_value=None, required=False)
    assignee = StaffChoiceField(label=_("Implementer"))

    #: Fields a form of this class passes straight to the service.
    PLAIN = ("title", "description", "type", "planned_start", "planned_end", "implementation_plan", "backout_plan",
             "test_plan", "outage_start", "outage_end", "impact", "assignee")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, question, _weight in services.RISK_QUESTIONS:
            self.fields[f"risk_{key}"] = forms.BooleanField(label=_risk_question_label(question), required=False)

    @property
    def risk_question_fields(self):
        return [self[f"risk_{key}"] for key, _q, _w in services.RISK_QUESTIONS if f"risk_{key}" in self.fields]

    def clean(self):
        data = super().clean()
        if data.get("risk_method") == DIRECT and data.get("risk") is None and data.get("model") is None:
            self.add_error("risk", _("Choose the risk, or answer the questionnaire."))
        model = data.get("model")
        if model is not None and data.get("type") not in (None, ChangeType.STANDARD):
            self.add_error("model", _("Only a standard change follows a change model: choose the type Standard "
                                      "or no model."))
        return data

    def risk_kwargs(self) -> dict:
        data = self.cleaned_data
        if data.get("risk_method") == DIRECT:
            return {"risk": data.get("risk"), "risk_answers": {}}
        if data.get("risk_method") == LATER:
            return {"risk": None, "risk_answers": {}}
        return {"risk_answers": {key: bool(data.get(f"risk_{key}")) for key, _q, _w in services.RISK_QUESTIONS}}

    def service_kwargs(self) -> dict:
        """The keyword arguments of ``change_create``."""
        data = self.cleaned_data
        kwargs = {name: data[name] for name in self.PLAIN if name in data}
        kwargs["title"] = (kwargs.get("title") or "").strip()
        model = data.get("model")
        if model is not None:
            # The model brings its risk and impact; empty services mean the model's.
            kwargs.pop("impact", None)
            kwargs["model"] = model
            kwargs["services"] = list(data["services"]) or None
        else:
            kwargs.update(self.risk_kwargs())
            kwargs["services"] = list(data["services"])
        kwargs["cis"] = list(data["cis"])
        kwargs["outage_services"] = list(data["outage_services"])
        return kwargs

    @classmethod
    def initial_for(cls, change: Change) -> dict:
        answers = change.risk_answers or {}
        initial = {name: getattr(change, name) for name in cls.PLAIN if name != "assignee"}
        initial.update({
            "assignee": change.assignee_id, "model": change.model_id,
            "services": [s.pk for s in change.services.all()], "cis": [c.pk for c in change.cis.all()],
            "outage_services": [s.pk for s in change.outage_services.all()],
            "risk_method": QUESTIONNAIRE if answers else (DIRECT if change.risk is not None else LATER),
            "risk": change.risk,
        })
        for key, _q, _w in services.RISK_QUESTIONS:
            initial[f"risk_{key}"] = answers.get(key) is True
        return initial

    @classmethod
    def initial_for_model(cls, model: ChangeModel) -> dict:
        return {"type": ChangeType.STANDARD, "model": model.pk, "title": model.name, "description": model.description,
                "implementation_plan": model.implementation_plan, "backout_plan": model.backout_plan,
                "test_plan": model.test_plan, "impact": model.impact, "risk_method": DIRECT, "risk": model.risk,
                "services": [s.pk for s in model.services.all()]}


class ChangeEditForm(ChangeForm):
    """Edit an RFC. Before approval everything but the model; once it awaits the board or is
    authorised, only the plans, the description and the implementer (``late=True``), as
    ``change_update`` allows."""

    LATE = ("description", "implementation_plan", "backout_plan", "test_plan", "assignee")

    def __init__(self, *args, change: Change, late: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["model"]
        self.late = late
        if change.model_id is None:  # a standard change follows a model, and the model is chosen at creation
            self.fields["type"].choices = [c for c in ChangeType.choices if c[0] != ChangeType.STANDARD]
        if late:
            for name in list(self.fields):
                if name not in self.LATE:
                    del self.fields[name]

    def clean(self):
        data = forms.Form.clean(self)
        if data.get("risk_method") == DIRECT and data.get("risk") is None:
            self.add_error("risk", _("Choose the risk, or answer the questionnaire."))
        return data

    def changes(self, change: Change) -> dict:
        """The keyword arguments of ``change_update``: only what differs from the change."""
        data = self.cleaned_data
        changed = {}
        for name in self.PLAIN:
            if name not in data:
                continue
            current = change.assignee if name == "assignee" else getattr(change, name)
            value = data[name].strip() if isinstance(data[name], str) else data[name]
            if current != value:
                changed[name] = value
        if not self.late:
            risk = self.risk_kwargs()
            if risk["risk_answers"]:
                if risk["risk_answers"] != (change.risk_answers or {}):
                    changed.update(risk)
            elif risk["risk"] != change.risk or change.risk_answers:
                changed.update(risk)
            for name in ("services", "cis", "outage_services"):
                if {o.pk for o in getattr(change, name).all()} != {o.pk for o in data[name]}:
                    changed[name] = list(data[name])
        return changed


# --- actions on the change page -------------------------------------------------------------------
class AssessForm(forms.Form):
    """The change manager confirms or corrects the risk and the impact."""

    risk = forms.TypedChoiceField(label=_("Risk (1–5)"), choices=[("", _("Keep as it is")), *RISK_CHOICES],
                                  coerce=int, empty_value=None, required=False)
    impact = forms.TypedChoiceField(label=_("Impact"), choices=Level.choices, coerce=int)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Why is it rejected?"), max_length=2000, widget=textarea(2))


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Why is it cancelled? (optional)"), max_length=2000, required=False,
                             widget=textarea(2))


class ScheduleForm(forms.Form):
    """Put the change on the forward schedule; empty fields keep what the RFC says."""

    planned_start = LocalDateTimeField(label=_("Planned start"))
    planned_end = LocalDateTimeField(label=_("Planned end"))
    outage_start = LocalDateTimeField(label=_("Outage from"))
    outage_end = LocalDateTimeField(label=_("Outage until"))
    outage_services = _services_field(_("Services down"))

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {"planned_start": data.get("planned_start"), "planned_end": data.get("planned_end"),
                "outage_start": data.get("outage_start"), "outage_end": data.get("outage_end"),
                "outage_services": list(data["outage_services"]) or None}


class CompleteForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices, initial=Outcome.SUCCESSFUL,
                                widget=forms.RadioSelect)


class ReviewForm(forms.Form):
    notes = forms.CharField(label=_("Post-implementation review"), max_length=TEXT, widget=textarea(4),
                            help_text=_("What went well, what did not, and the follow-ups."))


class VoteForm(DecisionForm):
    """One click: approve or abstain; a reject says why."""

    decision = forms.ChoiceField(choices=VoteDecision.choices,
                                 error_messages={"required": _("Choose approve, reject or abstain.")})
    comment = forms.CharField(label=_("Comment (needed to reject)"), max_length=2000, required=False,
                              widget=textarea(2))
    needs_reason = (VoteDecision.REJECT,)
    reason_missing = _("Say why you reject it.")


LINK_KINDS = [("incidents", _("Incident it resolves")), ("caused_incidents", _("Incident it caused")),
              ("problems", _("Problem it resolves"))]


class LinkForm(forms.Form):
    """Link an incident or a problem by its number (INC000123, PRB000045, or just the digits)."""

    kind = forms.ChoiceField(label=_("Link"), choices=LINK_KINDS)
    number = forms.CharField(label=_("Number"), max_length=16,
                             widget=forms.TextInput(attrs={"placeholder": "INC000123", "dir": "ltr",
                                                           "autocomplete": "off"}))

    def clean(self):
        data = super().clean()
        kind, text = data.get("kind"), (data.get("number") or "").strip().upper()
        if not kind or not text:
            return data
        model, prefix = (Problem, "PRB") if kind == "problems" else (Incident, "INC")
        digits = text[len(prefix):] if text.startswith(prefix) else text
        number = f"{prefix}{int(digits):06d}" if re.fullmatch(r"\d{1,9}", digits) else text
        found = model.objects.filter(number=number).first()
        if found is None:
            self.add_error("number", ValidationError(_("There is no %(number)s."), params={"number": number},
                                                     code="unknown"))
        data["record"] = found
        return data
