from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.timezones import timezone_choices


class ProfileForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    timezone = forms.ChoiceField(label=_("Timezone"), choices=timezone_choices)
