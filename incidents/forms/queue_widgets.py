"""The queue's filter and bulk-action widgets: Django's select and checkbox list, rendered by
one template each instead of an include per option (and three more per checkbox). The
markup is Django's own, character for character (``incidents/tests/test_queue_rows.py``
compares them); a queue page renders about 90 options, which were a quarter of its time at
a million incidents (issue 23)."""

from django import forms


class FlatSelect(forms.Select):
    template_name = "incidents/widgets/select.html"


class FlatCheckboxes(forms.CheckboxSelectMultiple):
    template_name = "incidents/widgets/checkboxes.html"
