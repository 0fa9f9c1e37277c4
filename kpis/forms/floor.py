"""The staffing page's forms (``/dashboards/staffing/``): the day to plan and the Erlang C
what-if calculator."""

from __future__ import annotations

from datetime import date

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .. import erlang


class DayForm(forms.Form):
    date = forms.DateField(label=_("Day"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean_date(self) -> date | None:
        day = self.cleaned_data["date"]
        if day is not None and not 1970 <= day.year <= 9000:  # the forecast looks weeks back
            raise forms.ValidationError(_("Pick a day between 1970 and 9000."))
        return day


class WhatIfForm(forms.Form):
    """The calculator's input in the page's units: percentages where the API takes fractions."""

    calls = forms.FloatField(label=_("Calls per interval"), min_value=0)
    interval_seconds = forms.IntegerField(label=_("Interval (seconds)"), min_value=1, max_value=86400, initial=900)
    aht_seconds = forms.FloatField(label=_("Average handle time (seconds)"), min_value=0.001)
    target_percent = forms.FloatField(label=_("Target service level (%)"), min_value=0.001, max_value=99.999)
    target_seconds = forms.FloatField(label=_("Answered within (seconds)"), min_value=0)
    shrinkage_percent = forms.FloatField(label=_("Shrinkage (%)"), min_value=0, max_value=99.999)

    @classmethod
    def defaults(cls) -> dict:
        return {"interval_seconds": 900, "target_percent": round(settings.STAFFING_TARGET_SERVICE_LEVEL * 100, 3),
                "target_seconds": settings.STAFFING_TARGET_SECONDS,
                "shrinkage_percent": round(settings.STAFFING_SHRINKAGE * 100, 3),
                "aht_seconds": settings.STAFFING_DEFAULT_AHT_SECONDS}

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        traffic = erlang.traffic_erlangs(calls=data["calls"], aht_seconds=data["aht_seconds"],
                                         interval_seconds=data["interval_seconds"])
        if traffic > erlang.MAX_TRAFFIC_ERLANGS:
            self.add_error("calls", _("That is more traffic than this calculator plans for."))
        return data

    def result(self) -> erlang.StaffingResult:
        data = self.cleaned_data
        return erlang.required_agents(
            calls=data["calls"], interval_seconds=data["interval_seconds"], aht_seconds=data["aht_seconds"],
            target_service_level=data["target_percent"] / 100, target_seconds=data["target_seconds"],
            shrinkage=round(data["shrinkage_percent"] / 100, 6))
