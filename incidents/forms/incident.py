"""Browser forms for incidents. They check what people type and turn it into the keyword
arguments of :mod:`incidents.services`; the services do every write and have the last word
(their ``ValidationError``\\ s are put back on the form with :func:`add_service_errors`)."""

from __future__ import annotations

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from catalog.models import ConfigurationItem, Contact, Service, Team
from catalog.phone import phone_from_query, try_normalize_phone
from catalog.pickers import ContactPicker
from catalog.selectors import contact_by_phone
from core.filters import ShownFiltersMixin
from core.forms import add_service_errors  # noqa: F401 -- the apps' pages import it from here too
from core.roles import STAFF_ROLES

from ..choices import Channel, IncidentStatus, Level, NoteVisibility, ResolutionCode
from ..filtersets import IncidentFilterSet
from ..models import Incident
from .queue_widgets import FlatCheckboxes, FlatSelect

User = get_user_model()


def staff_users():
    """People an incident can be assigned to."""
    return (User.objects.filter(Q(groups__name__in=STAFF_ROLES) | Q(is_superuser=True), is_active=True)
            .distinct().order_by("first_name", "last_name", "username"))


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user) -> str:
        return user.get_full_name() or user.get_username()


class StaffChoiceField(PersonChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", staff_users())
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Assignee"))
        super().__init__(**kwargs)


def contact_reference(contact: Contact | None) -> str:
    """What the contact field shows for a contact: its e-mail, else a phone number, else #id."""
    if contact is None:
        return ""
    if contact.email:
        return contact.email
    phone = contact.phones.order_by("position", "id").values_list("number", flat=True).first()
    return phone or f"#{contact.pk}"


class ContactField(forms.CharField):
    """A contact by e-mail address or phone number (what an agent on the phone has), or #id.
    The picker (``catalog.pickers.ContactPicker``) finds them by name as well and submits
    ``#id``; without JavaScript the field takes what is typed, as it always did."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 254)
        kwargs.setdefault("label", _("Contact"))
        kwargs.setdefault("help_text", _("Name, phone number or e-mail address of the person affected: pick them "
                                         "from the list (or type their e-mail, phone number or #id)."))
        kwargs.setdefault("widget", ContactPicker())
        super().__init__(**kwargs)

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return None
        if text.startswith("#") and text[1:].isdigit():
            contact = Contact.objects.select_related("customer").filter(pk=int(text[1:])).first()
            if contact is None:
                raise ValidationError(_("There is no contact %(ref)s."), params={"ref": text}, code="unknown")
            return contact
        if "@" in text:
            matches = list(Contact.objects.select_related("customer").filter(email__iexact=text)[:2])
            if len(matches) > 1:
                raise ValidationError(_("Several contacts have the e-mail %(ref)s: give a phone number or #id."),
                                      params={"ref": text}, code="ambiguous")
        else:
            # Any way people write it (spaces, dashes, 00 for +): the search box's rule.
            number = phone_from_query(text) or try_normalize_phone(text)
            if number is None:
                raise ValidationError(_("%(ref)s is neither an e-mail address nor a phone number."),
                                      params={"ref": text}, code="invalid")
            matches = [contact] if (contact := contact_by_phone(number)) else []
        if not matches:
            raise ValidationError(_("No contact has %(ref)s."), params={"ref": text}, code="unknown")
        return matches[0]


# --- the dependent choices (pickers) -----------------------------------------------------------
def team_members(team: Team | None):
    """Whom an incident of ``team`` can be assigned to: its members among ``staff_users``
    (every staff member when there is no team)."""
    people = staff_users()
    return people.filter(teams=team) if team is not None else people


def service_cis(service: Service | None):
    """The CIs offered for ``service``: its own and those of no service (every CI when
    there is no service)."""
    cis = ConfigurationItem.objects.select_related("service").order_by("name")
    return cis.filter(Q(service=service) | Q(service__isnull=True)) if service is not None else cis


def _chosen(form: forms.Form, name: str, model):
    """The record a bound (else initial) choice names, or None: what the dependent list follows."""
    raw = form.data.get(form.add_prefix(name)) if form.is_bound else form.initial.get(name)
    raw = getattr(raw, "pk", raw)
    if raw in (None, "") or not str(raw).isdigit():
        return None
    return model.objects.filter(pk=int(raw)).first()


class DependentChoicesMixin:
    """The CI list follows the service and (when the form has them) the assignee list follows
    the team: the page re-renders the dependent ``<select>`` with htmx when its master
    changes (``incidents:pick-cis``, ``incidents:pick-assignees``). Only what is offered
    narrows; the fields still take any CI or staff member, and :meth:`check_dependents` (the
    form's ``clean``) says why one that does not fit is refused — a form error, never a 500."""

    def _follow(self):
        service = _chosen(self, "service", Service) if "service" in self.fields else None
        if "ci" in self.fields:
            ci = self.fields["ci"]
            ci.widget.choices = forms.ModelChoiceField(queryset=service_cis(service), required=False).choices
            ci.widget.attrs.update({
                "hx-get": reverse_lazy("incidents:pick-cis"), "hx-trigger": "change from:#id_service",
                "hx-include": "#id_service, this", "hx-target": "this", "hx-swap": "innerHTML"})
        if "team" in self.fields and "assignee" in self.fields:
            team = _chosen(self, "team", Team)
            assignee = self.fields["assignee"]
            assignee.widget.choices = PersonChoiceField(queryset=team_members(team), required=False).choices
            assignee.widget.attrs.update({
                "hx-get": reverse_lazy("incidents:pick-assignees"), "hx-trigger": "change from:#id_team",
                "hx-include": "#id_team, this", "hx-target": "this", "hx-swap": "innerHTML"})

    def check_dependents(self, data: dict) -> None:
        ci, service = data.get("ci"), data.get("service")
        if ci is not None and service is not None and ci.service_id and ci.service_id != service.pk:
            self.add_error("ci", _("%(ci)s belongs to %(service)s, not to the service chosen.")
                           % {"ci": ci, "service": ci.service})
        team, assignee = data.get("team"), data.get("assignee")
        if team is not None and assignee is not None and not team.members.filter(pk=assignee.pk).exists():
            # the service's own words (incidents.services.incident_assign)
            self.add_error("assignee", _("%(user)s is not a member of %(team)s.") % {"user": assignee, "team": team})


# --- create and edit ------------------------------------------------------------------------
class IncidentEditForm(DependentChoicesMixin, forms.Form):
    """The fields :func:`incidents.services.incident_update` accepts (``EDITABLE``)."""

    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}))
    service = forms.ModelChoiceField(label=_("Service"), queryset=Service.objects.filter(is_active=True),
                                     required=False)
    ci = forms.ModelChoiceField(label=_("Configuration item"), required=False,
                                queryset=ConfigurationItem.objects.select_related("service").order_by("name"))
    contact = ContactField()
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices, initial=Channel.PHONE)
    impact = forms.TypedChoiceField(label=_("Impact"), choices=Level.choices, coerce=int, initial=Level.MEDIUM)
    urgency = forms.TypedChoiceField(label=_("Urgency"), choices=Level.choices, coerce=int, initial=Level.MEDIUM)

    field_order = ["title", "description", "service", "ci", "contact", "channel", "impact", "urgency"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._follow()

    @classmethod
    def initial_for(cls, incident: Incident) -> dict:
        return {"title": incident.title, "description": incident.description, "service": incident.service_id,
                "ci": incident.ci_id, "contact": contact_reference(incident.contact), "channel": incident.channel,
                "impact": incident.impact, "urgency": incident.urgency}

    def clean(self):
        data = super().clean()
        self.check_dependents(data)
        return data

    def changes(self, incident: Incident) -> dict:
        """Only what differs from the incident: an unchanged save re-times nothing."""
        fields = ("title", "description", "service", "ci", "contact", "channel", "impact", "urgency")
        return {name: self.cleaned_data[name] for name in fields
                if getattr(incident, name) != self.cleaned_data[name]}


class IncidentCreateForm(IncidentEditForm):
    """An agent records an incident (from a call, an e-mail...), optionally routing it."""

    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.all(), required=False,
                                  help_text=_("Empty: the CI's or the service's owner team."))
    assignee = StaffChoiceField()


# --- actions ---------------------------------------------------------------------------------
class AssignForm(forms.Form):
    assignee = StaffChoiceField(widget=FlatSelect)
    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.all(), required=False, widget=FlatSelect)

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("assignee") and not data.get("team"):
            raise ValidationError(_("Choose an assignee, a team or both."), code="required")
        return data


class HoldForm(forms.Form):
    reason = forms.CharField(label=_("Waiting for"), max_length=200,
                             help_text=_("The SLA clock pauses while the incident is on hold."))


class ResolveForm(forms.Form):
    resolution_code = forms.ChoiceField(label=_("Resolution code"),
                                        choices=[("", "---------"), *ResolutionCode.choices])
    resolution = forms.CharField(label=_("Resolution"), max_length=10000,
                                 widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}))


class ReopenForm(forms.Form):
    reason = forms.CharField(label=_("Why is it reopened?"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}))


class LinkForm(forms.Form):
    """Link to a master incident, by its number (INC000123, or just 123)."""

    parent = forms.CharField(label=_("Master incident number"), max_length=16,
                             widget=forms.TextInput(attrs={"placeholder": "INC000123", "dir": "ltr"}))

    def __init__(self, *args, queryset=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.queryset = queryset if queryset is not None else Incident.objects.all()

    def clean_parent(self):
        text = self.cleaned_data["parent"].strip().upper()
        number = f"INC{int(text):06d}" if text.isdigit() else text
        parent = self.queryset.filter(number=number).first()
        if parent is None:
            raise ValidationError(_("There is no incident %(number)s."), params={"number": number}, code="unknown")
        return parent


class NoteForm(forms.Form):
    body = forms.CharField(label=_("Note"), max_length=20000, widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}))
    visibility = forms.ChoiceField(label=_("Who sees it"), choices=NoteVisibility.choices,
                                   initial=NoteVisibility.INTERNAL, widget=forms.RadioSelect)


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("File"))
    visibility = forms.ChoiceField(label=_("Who sees it"), choices=NoteVisibility.choices,
                                   initial=NoteVisibility.INTERNAL, widget=forms.RadioSelect)


# --- the workspace ------------------------------------------------------------------------------
SORTS = {
    "priority": ("priority", "created_at", "id"),
    "-priority": ("-priority", "-created_at", "-id"),
    "created": ("created_at", "id"),
    "-created": ("-created_at", "-id"),
    "updated": ("updated_at", "id"),
    "-updated": ("-updated_at", "-id"),
}
SORT_CHOICES = [
    ("priority", _("Priority, highest first")), ("-priority", _("Priority, lowest first")),
    ("-created", _("Newest first")), ("created", _("Oldest first")),
    ("-updated", _("Recently updated first")), ("updated", _("Least recently updated first")),
]
YES_NO_ANY = [("", _("Any")), ("true", _("Yes")), ("false", _("No"))]
ASSIGNEE_CHOICES = [("", _("Anyone")), ("me", _("Me")), ("none", _("Nobody"))]


class QueueFilterSet(ShownFiltersMixin, IncidentFilterSet):
    """The API's FilterSet (same parameters, same meaning) with widgets and labels for people.

    The filters are declared again rather than changed in ``__init__``: a filter builds its
    form field once and keeps it, and the parent's filters are shared with the API (whose
    schema generation builds them first), so changing a widget afterwards would depend on
    which ran first."""

    status = django_filters.MultipleChoiceFilter(choices=IncidentStatus.choices, distinct=False, label=_("Status"),
                                                 widget=FlatCheckboxes)
    priority = django_filters.MultipleChoiceFilter(choices=[(i, f"P{i}") for i in range(1, 6)], distinct=False,
                                                   label=_("Priority"), widget=FlatCheckboxes)
    channel = django_filters.MultipleChoiceFilter(choices=Channel.choices, distinct=False, label=_("Channel"),
                                                  widget=FlatCheckboxes)
    assignee = django_filters.CharFilter(method="filter_assignee", label=_("Assignee"),
                                         widget=FlatSelect(choices=ASSIGNEE_CHOICES))
    breached = django_filters.BooleanFilter(method="filter_breached", label=_("SLA breached"),
                                            widget=FlatSelect(choices=YES_NO_ANY))
    is_major = django_filters.BooleanFilter(label=_("Major incident"), widget=FlatSelect(choices=YES_NO_ANY))
    service = django_filters.ModelChoiceFilter(queryset=Service.objects.all(), label=_("Service"),
                                               widget=FlatSelect)
    team = django_filters.ModelChoiceFilter(queryset=Team.objects.all(), label=_("Team"), widget=FlatSelect)
    created_after = django_filters.IsoDateTimeFilter(field_name="created_at", lookup_expr="gte",
                                                     label=_("Created from"),
                                                     widget=forms.DateInput(attrs={"type": "date"}))
    created_before = django_filters.IsoDateTimeFilter(field_name="created_at", lookup_expr="lt",
                                                      label=_("Created before"),
                                                      widget=forms.DateInput(attrs={"type": "date"}))

    #: the filters the workspace shows (the others still work from the address bar)
    SHOWN = ("status", "priority", "service", "team", "assignee", "breached", "is_major", "channel",
             "created_after", "created_before")
    COUNT_ALL_FILTERS = True


class BulkAssignForm(forms.Form):
    ids = forms.TypedMultipleChoiceField(coerce=int, error_messages={"required": _("Tick the incidents to assign.")})
    assignee = StaffChoiceField(widget=FlatSelect)
    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.all(), required=False, widget=FlatSelect)

    MAX_ROWS = 200

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Any id is accepted here; the view narrows them to the incidents the user may see.
        ids = self.data.getlist(self.add_prefix("ids")) if hasattr(self.data, "getlist") else []
        self.fields["ids"].choices = [(value, value) for value in ids[: self.MAX_ROWS] if str(value).isdigit()]

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("assignee") and not data.get("team"):
            raise ValidationError(_("Choose an assignee, a team or both."), code="required")
        return data


# --- the requester portal ---------------------------------------------------------------------
IMPACT_CHOICES = [
    (Level.LOW, _("Only me")),
    (Level.MEDIUM, _("Several people or my team")),
    (Level.HIGH, _("Many people or the whole organisation")),
]
URGENCY_CHOICES = [
    (Level.LOW, _("It can wait: I can work around it")),
    (Level.MEDIUM, _("It slows my work down")),
    (Level.HIGH, _("I cannot work at all")),
]


class PortalReportForm(forms.Form):
    title = forms.CharField(label=_("What is wrong?"), max_length=200,
                            help_text=_("A short summary, e.g. “I cannot log in to internet banking”."))
    description = forms.CharField(label=_("Details"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
                                  help_text=_("What happened, since when, any error message."))
    service = forms.ModelChoiceField(label=_("Which service?"), queryset=Service.objects.filter(is_active=True),
                                     required=False, empty_label=_("I don't know"))
    impact = forms.TypedChoiceField(label=_("Who is affected?"), choices=IMPACT_CHOICES, coerce=int,
                                    initial=Level.LOW, widget=forms.RadioSelect)
    urgency = forms.TypedChoiceField(label=_("How much does it stop your work?"), choices=URGENCY_CHOICES,
                                     coerce=int, initial=Level.MEDIUM, widget=forms.RadioSelect)


class PortalCommentForm(forms.Form):
    body = forms.CharField(label=_("Add a comment"), max_length=20000,
                           widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}))

