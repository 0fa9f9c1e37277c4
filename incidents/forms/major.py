"""Browser forms for major incidents (the war room, the postmortem, declaring). Like
:mod:`incidents.forms.incident`, they check what people type and turn it into the keyword arguments
of :mod:`incidents.services`; the services do every write and have the last word."""

from __future__ import annotations

from datetime import datetime, time

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy as _

from ..choices import Audience, ServiceImpact, TeamRole, UpdateEvent
from .incident import StaffChoiceField, staff_users

User = get_user_model()

#: How a ``datetime-local`` input sends its value (and how we give it back).
LOCAL_FORMAT = "%Y-%m-%dT%H:%M"


class LocalDateTimeField(forms.DateTimeField):
    """A date and time picked in the browser, read in the user's own timezone."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL_FORMAT))
        super().__init__(**kwargs)


class DeclareForm(forms.Form):
    """On the incident page: declare it a major incident."""

    summary = forms.CharField(label=_("Summary"), max_length=300,
                              help_text=_("One line: what is wrong and for whom."),
                              widget=forms.TextInput(attrs={"dir": "auto"}))
    impact = forms.ChoiceField(label=_("Service impact"), choices=ServiceImpact.choices,
                               initial=ServiceImpact.MAJOR_OUTAGE)


class ResolveForm(forms.Form):
    resolution = forms.CharField(label=_("How was service restored?"), max_length=10000,
                                 widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}))


class MemberForm(forms.Form):
    """Someone on the team, by user name (the page suggests the staff)."""

    user = forms.CharField(label=_("User name"), max_length=150,
                               widget=forms.TextInput(attrs={"list": "major-people", "autocomplete": "off",
                                                             "dir": "ltr"}))
    role = forms.ChoiceField(label=_("Role"), choices=TeamRole.choices, initial=TeamRole.MEMBER)

    def clean_user(self):
        name = self.cleaned_data["user"].strip()
        user = User.objects.filter(username__iexact=name, is_active=True).first()
        if user is None:
            raise ValidationError(_("There is no active user %(name)s."), params={"name": name}, code="unknown")
        return user


class RemoveMemberForm(forms.Form):
    user = forms.ModelChoiceField(queryset=User.objects.all(), widget=forms.HiddenInput)


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Task"), max_length=200, widget=forms.TextInput(attrs={"dir": "auto"}))
    assignee = StaffChoiceField(label=_("Owner"))
    due_at = LocalDateTimeField(label=_("Due"))


class TaskStatusForm(forms.Form):
    """A task button: what the person saw, so two people never take the same task."""

    expected_status = forms.CharField(max_length=12, widget=forms.HiddenInput)


class UpdateForm(forms.Form):
    """A stakeholder update in the ALERT shape: what is Affected, where (Location), the
    Event (planned or unplanned), the expected Resolution time, and whom to Talk to."""

    audiences = forms.MultipleChoiceField(label=_("Audiences"), choices=Audience.choices,
                                          widget=forms.CheckboxSelectMultiple,
                                          error_messages={"required": _("Choose at least one audience.")})
    what = forms.CharField(label=_("What is affected"), max_length=300, widget=forms.TextInput(attrs={"dir": "auto"}))
    where = forms.CharField(label=_("Where"), max_length=300, required=False,
                            widget=forms.TextInput(attrs={"dir": "auto"}))
    event = forms.ChoiceField(label=_("Event"), choices=UpdateEvent.choices, initial=UpdateEvent.UNPLANNED,
                              widget=forms.RadioSelect)
    eta = LocalDateTimeField(label=_("Expected resolution"))
    contact = forms.CharField(label=_("Contact"), max_length=200, required=False,
                              help_text=_("Whom to talk to, e.g. the service desk's number."))
    body = forms.CharField(label=_("Message"), required=False, max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}))


class AnnouncementForm(forms.Form):
    announcement = forms.CharField(
        label=_("IVR announcement"), required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        help_text=_("What callers on the affected services hear before the menu. Empty: no announcement."))


# --- the postmortem ----------------------------------------------------------------------------
def _parse_moment(text: str) -> datetime | None:
    """An ISO date and time (``2025-03-01T14:05:00+00:00``, ``2025-03-01 14:05``) or a date;
    without an offset it is read in the current timezone."""
    text = text.strip()
    moment = parse_datetime(text)
    if moment is None:
        day = parse_date(text)
        if day is None:
            return None
        moment = datetime.combine(day, time())
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def _show_moment(value) -> str:
    """A stored ISO date and time as the person reads it: their timezone, to the second."""
    moment = parse_datetime(str(value or ""))
    if moment is None:
        return str(value or "")
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return moment.isoformat(sep=" ", timespec="seconds")


class TimelineField(forms.CharField):
    """One ``date and time | what happened`` per line; blank lines are skipped."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 10, "dir": "auto", "class": "major-mono"}))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(f"{_show_moment(row.get('at'))} | {row.get('text', '')}" for row in value)
        return value

    def clean(self, value):
        text = super().clean(value) or ""
        rows, errors = [], []
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            at, sep, what = line.partition("|")
            moment = _parse_moment(at) if sep else None
            if moment is None or not what.strip():
                errors.append(ValidationError(
                    _("Line %(line)s: write “date and time | what happened”, e.g. “2025-03-01 14:05 | Bridge "
                      "opened”."), params={"line": number}, code="invalid"))
                continue
            rows.append({"at": moment.isoformat(), "text": what.strip()})
        if errors:
            raise ValidationError(errors)
        return rows


class ActionRowForm(forms.Form):
    """One follow-up action. A row left empty is no action."""

    title = forms.CharField(label=_("Action"), max_length=300, required=False,
                            widget=forms.TextInput(attrs={"dir": "auto"}))
    owner = forms.TypedChoiceField(label=_("Owner"), coerce=int, required=False, empty_value=None)
    due_at = forms.DateField(label=_("Due date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, owner_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [("", "---------"), *owner_choices]

    def clean(self):
        data = super().clean()
        if not data.get("title", "").strip() and (data.get("owner") or data.get("due_at")):
            self.add_error("title", _("Say what is to be done."))
        return data

    def row(self) -> dict | None:
        data = self.cleaned_data
        if not data.get("title", "").strip():
            return None
        due = data.get("due_at")
        return {"title": data["title"].strip(), "owner": data.get("owner"), "due_at": due.isoformat() if due else None}


class BaseActionFormSet(forms.BaseFormSet):
    def __init__(self, *args, owner_choices=(), **kwargs):
        self.owner_choices = owner_choices
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "owner_choices": self.owner_choices}

    def rows(self) -> list[dict]:
        return [row for form in self.forms if (row := form.row()) is not None]


ActionFormSet = forms.formset_factory(ActionRowForm, formset=BaseActionFormSet, extra=2, max_num=50,
                                      validate_max=True)


def owner_choices(actions: list[dict]) -> list[tuple[int, str]]:
    """Staff, and whoever already owns an action (one query, whatever the number of rows)."""
    owners = {row.get("owner") for row in actions if isinstance(row.get("owner"), int)}
    people = User.objects.filter(Q(pk__in=staff_users().values("pk")) | Q(pk__in=owners))
    return [(user.pk, user.get_full_name() or user.get_username())
            for user in people.order_by("first_name", "last_name", "username")]


def action_initial(actions: list[dict]) -> list[dict]:
    initial = []
    for row in actions:
        due = row.get("due_at")
        day = parse_date(str(due)[:10]) if due else None
        initial.append({"title": row.get("title", ""), "owner": row.get("owner"), "due_at": day})
    return initial


class PostmortemForm(forms.Form):
    summary = forms.CharField(label=_("Summary"), required=False,
                              widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}))
    root_cause = forms.CharField(label=_("Root cause"), required=False,
                                 widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}))
    contributing_factors = forms.CharField(label=_("Contributing factors"), required=False,
                                           widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}))
    timeline = TimelineField(label=_("Timeline"),
                             help_text=_("One line per event: “date and time | what happened”. Prefilled from the "
                                         "war room."))
    problem = forms.IntegerField(label=_("Problem record (id)"), required=False, min_value=1)
    change = forms.IntegerField(label=_("Change that fixed it (id)"), required=False, min_value=1)
    complete = forms.BooleanField(label=_("The postmortem is complete"), required=False,
                                  help_text=_("Needs a summary, the root cause, and an owner and a due date on "
                                              "every action; the major incident must be resolved."))

    @classmethod
    def initial_for(cls, postmortem) -> dict:
        return {"summary": postmortem.summary, "root_cause": postmortem.root_cause,
                "contributing_factors": postmortem.contributing_factors, "timeline": postmortem.timeline,
                "problem": postmortem.problem, "change": postmortem.change, "complete": postmortem.complete}
