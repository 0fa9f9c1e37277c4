from django import forms
from django.utils.translation import gettext_lazy as _


class SubscribeForm(forms.Form):
    """Email updates for some services, or (none ticked) for all of them. The choices come
    from the page's own list of services, so showing the form costs no query."""

    email = forms.EmailField(label=_("Email address"), max_length=254,
                             widget=forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}))
    services = forms.TypedMultipleChoiceField(
        label=_("Services"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave them all unticked to hear about every service."))

    def __init__(self, *args, services=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["services"].choices = [(service.id, service.name) for service in services]
