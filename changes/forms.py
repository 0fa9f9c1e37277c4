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
from .choices import ApplyOn, ChangeType, Outcome, Recommendation, VoteDecision
from .models import Change, ChangeModel, ChangePolicy

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
        #: The change policy (admin-edited): its major criteria are ticked here, and the page
        #: says which services and CIs are under change control.
        self.policy = ChangePolicy.current()
        criteria = self.policy.criteria()
        if criteria:
            self.fields["major_criteria"] = forms.MultipleChoiceField(
                label=_("Any of these makes the change major"), required=False, choices=list(criteria.items()),
                widget=forms.CheckboxSelectMultiple)

    @property
    def controlled(self) -> dict:
        """The services and CIs the change policy puts under change control (for the page)."""
        if self.policy.pk is None:
            return {"services": [], "cis": []}
        return {"services": list(self.policy.services.order_by("name")),
                "cis": list(self.policy.cis.order_by("name"))}

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
        if "major_criteria" in data:
            kwargs["major_criteria"] = list(data["major_criteria"])
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
            "risk": change.risk, "major_criteria": list(change.major_criteria or []),
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
            if "major_criteria" in data and sorted(data["major_criteria"]) != sorted(change.major_criteria or []):
                changed["major_criteria"] = list(data["major_criteria"])
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


# --- releases ------------------------------------------------------------------------------------
class ReleaseForm(forms.Form):
    """A release: its name, owner, deployment window and plan (``release_create`` /
    ``release_update``)."""

    name = forms.CharField(label=_("Name"), max_length=200, widget=forms.TextInput(attrs={"dir": "auto"}))
    description = forms.CharField(label=_("Description"), required=False, max_length=TEXT, widget=textarea(3))
    owner = StaffChoiceField(label=_("Owner"))
    window_start = LocalDateTimeField(label=_("Deployment window from"))
    window_end = LocalDateTimeField(label=_("Deployment window until"))
    plan = forms.CharField(label=_("Deployment plan"), required=False, max_length=TEXT, widget=textarea(4),
                           help_text=_("The order of the steps, who does what, and how to check it worked."))

    @staticmethod
    def initial_for(release) -> dict:
        return {"name": release.name, "description": release.description, "owner": release.owner_id,
                "window_start": release.window_start, "window_end": release.window_end, "plan": release.plan}

    def service_kwargs(self) -> dict:
        return dict(self.cleaned_data)


class ReleaseChangesForm(forms.Form):
    """Add changes to a release by number (CHG000067, or just the digits), separated by commas."""

    numbers = forms.CharField(label=_("Changes to add"), max_length=500,
                              widget=forms.TextInput(attrs={"placeholder": "CHG000067, 68", "dir": "ltr",
                                                            "autocomplete": "off"}))

    def clean_numbers(self):
        wanted = []
        for part in re.split(r"[\s,;]+", self.cleaned_data["numbers"].strip().upper()):
            if not part:
                continue
            digits = part[3:] if part.startswith("CHG") else part
            if not re.fullmatch(r"\d{1,9}", digits):
                raise ValidationError(_("%(text)s is not a change number."), params={"text": part}, code="invalid")
            wanted.append(f"CHG{int(digits):06d}")
        found = list(Change.objects.filter(number__in=wanted))
        unknown = sorted(set(wanted) - {c.number for c in found})
        if unknown:
            raise ValidationError(_("There is no %(number)s."), params={"number": ", ".join(unknown)}, code="unknown")
        if not found:
            raise ValidationError(_("Give at least one change number."), code="required")
        return found

    def service_kwargs(self) -> dict:
        return {"changes": self.cleaned_data["numbers"]}


class ReleaseRemoveForm(forms.Form):
    change = forms.ModelChoiceField(queryset=Change.objects.all(), widget=forms.HiddenInput)

    def service_kwargs(self) -> dict:
        return {"change": self.cleaned_data["change"]}


class ReleaseCancelForm(forms.Form):
    reason = forms.CharField(label=_("Why is it cancelled? (optional)"), max_length=2000, required=False,
                             widget=textarea(2))


# --- the CMDB updates, the evaluation report ------------------------------------------------------
KEEP = [("", _("Leave as it is"))]


class CIUpdateForm(forms.Form):
    """What the change sets on one CI: attributes (empty: left as it is) and one relation."""

    ci = forms.ModelChoiceField(label=_("Configuration item"), queryset=ConfigurationItem.objects.order_by("name"))
    status = forms.ChoiceField(label=_("Status"), required=False)
    location = forms.CharField(label=_("Location"), max_length=120, required=False)
    service = forms.ModelChoiceField(label=_("Service"), required=False, queryset=Service.objects.order_by("name"))
    relation_op = forms.ChoiceField(label=_("Relation"), required=False,
                                    choices=[("", _("None")), ("add", _("Add")), ("remove", _("Remove"))])
    relation_kind = forms.ChoiceField(label=_("Kind"), required=False)
    relation_target = forms.ModelChoiceField(label=_("To"), required=False,
                                             queryset=ConfigurationItem.objects.order_by("name"))
    apply_on = forms.ChoiceField(label=_("Applied"), choices=ApplyOn.choices, initial=ApplyOn.COMPLETE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from catalog.choices import CIRelationKind, CIStatus
        self.fields["status"].choices = KEEP + list(CIStatus.choices)
        self.fields["relation_kind"].choices = [("", "---------"), *CIRelationKind.choices]

    def clean(self):
        data = super().clean()
        if data.get("relation_op") and not (data.get("relation_kind") and data.get("relation_target")):
            self.add_error("relation_target", _("Choose the kind and the configuration item of the relation."))
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        attributes = {name: data[name] for name in ("status", "location") if data.get(name)}
        if data.get("service") is not None:
            attributes["service"] = data["service"].pk
        relations = [{"op": data["relation_op"], "kind": data["relation_kind"],
                      "target": data["relation_target"].pk}] if data.get("relation_op") else []
        return {"ci": data["ci"], "attributes": attributes, "relations": relations, "apply_on": data["apply_on"]}


class CIRemoveForm(forms.Form):
    ci = forms.ModelChoiceField(queryset=ConfigurationItem.objects.all(), widget=forms.HiddenInput)


class EvaluationForm(forms.Form):
    risk = forms.CharField(label=_("Risk"), max_length=TEXT, widget=textarea(2))
    cost = forms.CharField(label=_("Cost"), max_length=TEXT, widget=textarea(2))
    capacity = forms.CharField(label=_("Capacity"), max_length=TEXT, widget=textarea(2))
    security = forms.CharField(label=_("Security"), max_length=TEXT, widget=textarea(2))
    recommendation = forms.ChoiceField(label=_("Recommendation"), choices=Recommendation.choices,
                                       widget=forms.RadioSelect)
    summary = forms.CharField(label=_("Summary"), max_length=TEXT, required=False, widget=textarea(2))


# --- change proposals ----------------------------------------------------------------------------
class ProposalForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, widget=forms.TextInput(attrs={"dir": "auto"}))
    business_case = forms.CharField(label=_("Business case"), required=False, max_length=TEXT, widget=textarea(4))
    cost = forms.DecimalField(label=_("Cost"), required=False, min_value=0, max_digits=14, decimal_places=2)
    benefit = forms.CharField(label=_("Benefit"), required=False, max_length=TEXT, widget=textarea(3))
    risks = forms.CharField(label=_("Risks"), required=False, max_length=TEXT, widget=textarea(3))
    services = _services_field()

    @staticmethod
    def initial_for(proposal) -> dict:
        return {"title": proposal.title, "business_case": proposal.business_case, "cost": proposal.cost,
                "benefit": proposal.benefit, "risks": proposal.risks,
                "services": [s.pk for s in proposal.services.all()]}

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["services"] = list(data["services"])
        return data


class DecisionNotesForm(forms.Form):
    notes = forms.CharField(label=_("Notes"), max_length=5000, required=False, widget=textarea(2))


class RejectNotesForm(forms.Form):
    notes = forms.CharField(label=_("Why is it rejected?"), max_length=5000, widget=textarea(2))
