from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import textarea


class SurveyAnswerForm(forms.Form):
    score = forms.TypedChoiceField(label=_("Your score"), coerce=int, choices=[(i, str(i)) for i in range(1, 6)],
                                   widget=forms.RadioSelect,
                                   error_messages={"invalid_choice": _("Choose a score from 1 to 5.")})
    solved = forms.TypedChoiceField(
        label=_("Was your issue solved the first time you contacted us?"), required=False, widget=forms.RadioSelect,
        choices=[("yes", _("Yes")), ("no", _("No"))], coerce=lambda value: value == "yes", empty_value=None,
        error_messages={"invalid_choice": _("Answer yes or no.")})
    comment = forms.CharField(label=_("Anything to add? (optional)"), required=False, max_length=2000,
                              widget=textarea(3))
