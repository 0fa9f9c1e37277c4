"""What every app's browser forms share."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


def add_service_errors(form: forms.Form, exc: ValidationError) -> None:
    """Put a service's ValidationError next to the fields it names (the rest on top)."""
    errors = exc.message_dict if hasattr(exc, "error_dict") else {NON_FIELD_ERRORS: exc.messages}
    for field, messages in errors.items():
        form.add_error(field if field in form.fields else None, messages)


def textarea(rows: int = 3) -> forms.Textarea:
    """A text box of ``rows`` lines whose direction follows what is typed (right-to-left too)."""
    return forms.Textarea(attrs={"rows": rows, "dir": "auto"})


class DecisionForm(forms.Form):
    """A decision taken with one click, the pressed button's value (one of ``decision``'s
    choices, drawn by ``core/_decision_form.html``), and a comment. The decisions in
    ``needs_reason`` need the comment (``reason_missing`` says so); subclasses name the
    choices and the comment's label."""

    decision = forms.ChoiceField(choices=())
    comment = forms.CharField(required=False, widget=textarea(2))
    needs_reason: tuple = ()
    reason_missing = ""

    def clean(self):
        data = super().clean()
        if data.get("decision") in self.needs_reason and not (data.get("comment") or "").strip():
            self.add_error("comment", self.reason_missing)
        return data
