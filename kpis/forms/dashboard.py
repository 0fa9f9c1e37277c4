"""The KPI dashboard's period picker (``/dashboards/``)."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class PeriodForm(forms.Form):
    """The date-range picker: whole UTC days, ``to`` inclusive on the page (exclusive in the API)."""

    start = forms.DateField(label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=gettext_lazy("To (inclusive)"), widget=forms.DateInput(attrs={"type": "date"}))
    interval = forms.ChoiceField(label=gettext_lazy("Per"), choices=[("15m", gettext_lazy("15 minutes")),
                                                                      ("1h", gettext_lazy("hour")),
                                                                      ("1d", gettext_lazy("day"))])

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("The end is before the start."))
            elif (end - start).days > 366:
                self.add_error("start", _("At most a year at a time."))
            elif data.get("interval") == "15m" and (end - start).days > 31:
                self.add_error("interval", _("15-minute intervals for at most a month."))
        return data
