"""Browser forms for the SLA pages. They validate what people type and turn it into the
arguments of :func:`sla.services.calendar_save` and :func:`sla.services.policy_save`; the
services do every write (and re-time running timers). The rules are those of the API
(``sla/api/serializers.py``), checked with the same functions of :mod:`sla.calendar`."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from catalog.choices import CustomerTier
from catalog.models import Service
from core.timezones import timezone_choices
from notifications.models import StakeholderGroup

from .calendar import CalendarError, CalendarSpec, fmt_minute, parse_minute
from .choices import Channel, EscalationTarget, Metric
from .models import CHANNEL_CHOICES, BusinessCalendar, SLAPolicy

# --- the dashboard's period -----------------------------------------------------------------
GROUP_BY_CHOICES = [("policy", _("Policy")), ("team", _("Team")), ("priority", _("Priority"))]
DEFAULT_DAYS = 30
MAX_PERIOD = timedelta(days=3660)


class PeriodForm(forms.Form):
    """From/to dates (both included, in the viewer's timezone) and a grouping."""

    start = forms.DateField(label=_("From"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    end = forms.DateField(label=_("To"), required=False,
                          widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    group_by = forms.ChoiceField(label=_("Group by"), choices=GROUP_BY_CHOICES, required=False)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("The end date cannot be before the start date."))
            elif end - start > MAX_PERIOD:
                self.add_error("start", _("A period is at most ten years."))
        return data

    def period(self, now: datetime | None = None) -> tuple[datetime, datetime, str]:
        """[start, end) instants and the grouping: by default the last 30 days, by policy."""
        now = now or timezone.now()
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        tz = timezone.get_current_timezone()
        end = (datetime.combine(data["end"] + timedelta(days=1), time(0), tzinfo=tz) if data.get("end") else now)
        start = (datetime.combine(data["start"], time(0), tzinfo=tz) if data.get("start")
                 else end - timedelta(days=DEFAULT_DAYS))
        return start, end, data.get("group_by") or "policy"

    @classmethod
    def initial_for(cls, now: datetime | None = None) -> dict:
        today = timezone.localdate(now or timezone.now())
        return {"start": today - timedelta(days=DEFAULT_DAYS), "end": today, "group_by": "policy"}


# --- calendars --------------------------------------------------------------------------------
_INTERVAL = re.compile(r"^\s*(\S+?)\s*[-–—]\s*(\S+)\s*$")


def parse_intervals(text: str) -> list[tuple[int, int]]:
    """ "09:00-13:00, 14:00-18:00" → [(540, 780), (840, 1080)]; raises ValidationError with
    the first problem (the same rules as the API: forward intervals, no overlap)."""
    intervals = []
    for part in filter(None, (p.strip() for p in re.split(r"[,;]", text or ""))):
        match = _INTERVAL.match(part)
        if not match:
            raise ValidationError(_("“%(part)s” is not an interval like 09:00-13:00."), params={"part": part},
                                  code="format")
        try:
            start, end = parse_minute(match[1]), parse_minute(match[2])
        except CalendarError as exc:
            raise ValidationError(str(exc), code="time") from exc
        if start >= end:
            raise ValidationError(_("%(start)s–%(end)s ends before it starts."),
                                  params={"start": fmt_minute(start), "end": fmt_minute(end)}, code="inverted")
        intervals.append((start, end))
    intervals.sort()
    for (s1, e1), (s2, e2) in zip(intervals, intervals[1:], strict=False):
        if s2 < e1:
            raise ValidationError(_("%(a)s and %(b)s overlap."), code="overlap", params={
                "a": f"{fmt_minute(s1)}–{fmt_minute(e1)}", "b": f"{fmt_minute(s2)}–{fmt_minute(e2)}"})
    try:  # the engine's own check, whatever the rules above miss
        CalendarSpec.build("UTC", [(0, s, e) for s, e in intervals])
    except CalendarError as exc:
        raise ValidationError(str(exc), code="calendar") from exc
    return intervals


def format_intervals(intervals) -> str:
    return ", ".join(f"{fmt_minute(s)}-{fmt_minute(e)}" for s, e in intervals)


def parse_holidays(text: str) -> list[tuple[date, str]]:
    """One holiday per line, "YYYY-MM-DD name" (the name is optional)."""
    holidays: dict[date, str] = {}
    errors = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        day_text, _sep, name = line.partition(" ")
        try:
            day = date.fromisoformat(day_text)
        except ValueError:
            errors.append(ValidationError(_("Line %(n)d: “%(day)s” is not a date like 2026-12-25."),
                                          params={"n": number, "day": day_text}, code="date"))
            continue
        if day in holidays:
            errors.append(ValidationError(_("Line %(n)d: %(day)s is listed twice."),
                                          params={"n": number, "day": day.isoformat()}, code="duplicate"))
            continue
        name = name.strip()
        if len(name) > 120:
            errors.append(ValidationError(_("Line %(n)d: the name is longer than 120 characters."),
                                          params={"n": number}, code="length"))
        holidays[day] = name
    if len(holidays) > 1000:
        errors.append(ValidationError(_("At most 1000 holidays."), code="too_many"))
    if errors:
        raise ValidationError(errors)
    return sorted(holidays.items())


class CalendarForm(forms.Form):
    """Name, timezone, one line of working intervals per weekday, holidays one per line."""

    name = forms.CharField(label=_("Name"), max_length=120)
    timezone = forms.ChoiceField(label=_("Timezone"), choices=timezone_choices, initial="UTC", error_messages={
        "invalid_choice": _("“%(value)s” is not a known timezone (e.g. Europe/Athens).")})
    description = forms.CharField(label=_("Description"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))
    holidays = forms.CharField(
        label=_("Holidays"), required=False, widget=forms.Textarea(attrs={"rows": 5, "dir": "ltr"}),
        help_text=_("One per line: a date and a name, e.g. “2026-12-25 Christmas Day”."))

    WEEKDAY_FIELDS = [f"hours_{day}" for day in range(7)]

    def __init__(self, *args, calendar: BusinessCalendar | None = None, **kwargs):
        self.calendar = calendar
        if calendar is not None:
            kwargs["initial"] = {**self.initial_from(calendar), **(kwargs.get("initial") or {})}
        super().__init__(*args, **kwargs)
        for day, name in enumerate(self.WEEKDAY_FIELDS):
            self.fields[name] = forms.CharField(
                label=WEEKDAYS[day], required=False, max_length=200,
                widget=forms.TextInput(attrs={"dir": "ltr", "autocomplete": "off"}))

    @staticmethod
    def initial_from(calendar: BusinessCalendar) -> dict:
        per_day: dict[int, list[tuple[int, int]]] = {}
        for h in calendar.hours.all():
            per_day.setdefault(h.weekday, []).append((h.start_minute, h.end_minute))
        initial = {"name": calendar.name, "timezone": calendar.timezone, "description": calendar.description,
                   "holidays": "\n".join(f"{h.date.isoformat()} {h.name}".strip() for h in calendar.holidays.all())}
        for day in range(7):
            initial[f"hours_{day}"] = format_intervals(sorted(per_day.get(day, [])))
        return initial

    @property
    def weekday_fields(self):
        return [self[name] for name in self.WEEKDAY_FIELDS]

    @property
    def other_fields(self):
        return [self[name] for name in ("name", "timezone", "description")]

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        others = BusinessCalendar.objects.filter(name__iexact=name)
        if self.calendar is not None:
            others = others.exclude(pk=self.calendar.pk)
        if others.exists():
            raise ValidationError(_("There is already a calendar called “%(name)s”."), params={"name": name})
        return name

    def clean_holidays(self):
        return parse_holidays(self.cleaned_data["holidays"])

    def clean(self):
        data = super().clean()
        hours = []
        for day, name in enumerate(self.WEEKDAY_FIELDS):
            if name in self.errors:
                continue
            try:
                intervals = parse_intervals(data.get(name, ""))
            except ValidationError as exc:
                self.add_error(name, exc)
                continue
            hours.extend((day, start, end) for start, end in intervals)
        data["hours"] = hours
        if not self.errors:
            try:
                CalendarSpec.build(data["timezone"], hours, [day for day, _name in data["holidays"]])
            except CalendarError as exc:
                raise ValidationError(str(exc)) from exc
        return data

    def service_kwargs(self) -> dict:
        """Arguments for :func:`sla.services.calendar_save`."""
        data = self.cleaned_data
        return {"calendar": self.calendar, "name": data["name"], "timezone_name": data["timezone"],
                "description": data["description"], "hours": data["hours"], "holidays": data["holidays"]}


# --- policies -------------------------------------------------------------------------------
_STATUS = re.compile(r"^\w[\w-]*$")
ANY = _("Any")


class PolicyForm(forms.ModelForm):
    """The policy's match fields, calendar, targets and pause statuses. Escalation rules
    come from :class:`EscalationFormSet`; :meth:`service_kwargs` feeds ``policy_save``."""

    priority = forms.TypedChoiceField(label=_("Priority"), required=False, coerce=int, empty_value=None,
                                      choices=[("", ANY), *((n, f"P{n}") for n in range(1, 6))])
    response_minutes = forms.IntegerField(
        label=_("Response target"), required=False, min_value=1, max_value=525600,
        help_text=_("business minutes"), error_messages={"min_value": _("A target is at least 1 minute."),
                                                        "max_value": _("At most 525600 minutes (one year).")})
    resolution_minutes = forms.IntegerField(
        label=_("Resolution target"), required=False, min_value=1, max_value=5256000,
        help_text=_("business minutes"), error_messages={"min_value": _("A target is at least 1 minute."),
                                                        "max_value": _("At most 5256000 minutes (ten years).")})
    pause_on = forms.CharField(
        label=_("Pause on statuses"), required=False, max_length=700,
        widget=forms.TextInput(attrs={"placeholder": "on_hold", "dir": "ltr"}),
        help_text=_("Comma separated; the clock stands still while the ticket has one of them."))

    class Meta:
        model = SLAPolicy
        fields = ["name", "applies_to", "priority", "customer_tier", "channel", "service", "calendar",
                  "response_minutes", "resolution_minutes", "pause_on", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["customer_tier"].choices = [("", ANY), *CustomerTier.choices]
        self.fields["channel"].choices = [("", ANY), *CHANNEL_CHOICES]
        self.fields["service"].queryset = Service.objects.order_by("name")
        self.fields["service"].empty_label = ANY
        self.fields["calendar"].queryset = BusinessCalendar.objects.order_by("name")
        if self.instance.pk:
            self.initial["pause_on"] = ", ".join(self.instance.pause_on or [])

    def clean_pause_on(self):
        statuses = list(dict.fromkeys(s.strip() for s in self.cleaned_data["pause_on"].split(",") if s.strip()))
        for status in statuses:
            if len(status) > 30 or not _STATUS.match(status):
                raise ValidationError(_("“%(status)s” is not a status name (use e.g. on_hold)."),
                                      params={"status": status})
        if len(statuses) > 20:
            raise ValidationError(_("At most 20 statuses."))
        return statuses

    def clean(self):
        data = super().clean()
        if ("response_minutes" not in self.errors and "resolution_minutes" not in self.errors
                and not data.get("response_minutes") and not data.get("resolution_minutes")):
            self.add_error("resolution_minutes", _("Give a response or a resolution target."))
        return data

    def _post_clean(self):
        # Validate like a ModelForm (unique name, model validators) but never touch
        # self.instance: policy_save reads the row again and does the write.
        instance = self.instance
        self.instance = SLAPolicy(pk=instance.pk, calendar_id=instance.calendar_id)
        self.instance._state.adding = instance._state.adding
        try:
            super()._post_clean()
        finally:
            self.instance = instance

    def save(self, commit=True):
        raise NotImplementedError("Policies are saved by sla.services.policy_save.")

    def service_kwargs(self) -> dict:
        return {field: self.cleaned_data[field] for field in self.Meta.fields}


class EscalationForm(forms.Form):
    metric = forms.ChoiceField(label=_("Metric"), choices=[("", "—"), *Metric.choices])
    at_percent = forms.IntegerField(
        # xgettext:no-python-format
        label=_("At % of target"), min_value=1, max_value=1000,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"min_value": _("At least %(limit_value)s %%."),
                        "max_value": _("At most %(limit_value)s %% of the target.")})
    notify = forms.ChoiceField(label=_("Notify"), choices=[("", "—"), *EscalationTarget.choices])
    group = forms.ChoiceField(label=_("Group"), required=False)
    channels = forms.MultipleChoiceField(label=_("Channels"), choices=Channel.choices,
                                         widget=forms.CheckboxSelectMultiple,
                                         error_messages={"required": _("Choose at least one channel.")})

    def __init__(self, *args, group_choices=(), groups=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = groups or {}
        self.fields["group"].choices = [("", "—"), *group_choices]

    def clean(self):
        data = super().clean()
        if data.get("notify") == EscalationTarget.GROUP:
            if not data.get("group"):
                self.add_error("group", _("Name the group to notify."))
            else:
                data["group"] = self.groups.get(int(data["group"]))
        else:
            data["group"] = None
        return data


class BaseEscalationFormSet(forms.BaseFormSet):
    def __init__(self, *args, targets=None, **kwargs):
        groups = {g.pk: g for g in StakeholderGroup.objects.order_by("name")}  # one query for every row
        kwargs.setdefault("form_kwargs", {}).update(
            group_choices=[(pk, str(g)) for pk, g in groups.items()], groups=groups)
        super().__init__(*args, **kwargs)
        self.targets = targets  # None: the targets are invalid themselves, nothing to check against

    def clean(self):
        if any(self.errors) or self.targets is None:
            return
        for form in self.forms:
            if not form.cleaned_data or self._should_delete_form(form):
                continue
            metric = form.cleaned_data["metric"]
            if metric and not self.targets.get(metric):
                form.add_error("metric", ValidationError(_("There is no %(metric)s target to escalate on."),
                                                         params={"metric": Metric(metric).label.lower()}))

    def rules(self) -> list[dict]:
        """Arguments for ``policy_save(escalations=…)``."""
        return [{"metric": f.cleaned_data["metric"], "at_percent": f.cleaned_data["at_percent"],
                 "notify": f.cleaned_data["notify"], "group": f.cleaned_data["group"],
                 "channels": list(dict.fromkeys(f.cleaned_data["channels"]))}
                for f in self.forms if f.cleaned_data and not self._should_delete_form(f)]

    @staticmethod
    def initial_from(policy: SLAPolicy) -> list[dict]:
        return [{"metric": r.metric, "at_percent": r.at_percent, "notify": r.notify,
                 "group": r.group_id or "", "channels": r.channels} for r in policy.escalations.all()]


EscalationFormSet = forms.formset_factory(EscalationForm, formset=BaseEscalationFormSet, extra=2, can_delete=True,
                                          can_delete_extra=False,
                                          max_num=20, validate_max=True)
