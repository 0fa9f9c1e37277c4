"""The picker: one typeahead widget for every form field that names a record people look
up by what they know (a contact by name, phone or e-mail; a customer by name or account).

Progressive enhancement: the server renders the plain text input the field has always
accepted (an e-mail, a phone number, ``#id``...), so the form works without JavaScript.
``static/js/picker.js`` turns it into an ARIA combobox: what is typed goes to the
suggestions endpoint (``url``, JSON), the list opens below, arrow keys move, Enter picks,
Escape closes; a pick puts the suggestion's ``value`` (what the field accepts) into the
submitted input and its label into the visible box. Nothing inline: the script and its
stylesheet are static files (the Content-Security-Policy forbids inline code).

The widget knows no app: the endpoint is a URL name, and ``label`` (optional) turns the
current value into the text the box shows (e.g. a contact's name for an id)."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.urls import reverse
from django.utils.http import urlencode


class PickerWidget(forms.TextInput):
    template_name = "core/_picker.html"

    def __init__(self, *, source: str, params: dict | None = None, label: Callable[[str], str] | None = None,
                 attrs: dict | None = None):
        #: the URL name of the suggestions endpoint (``GET ?q=`` -> JSON, see docs/agents.md)
        self.source = source
        #: fixed query parameters sent with every ``q`` (e.g. ``{"value": "id"}``)
        self.params = params or {}
        self.label = label
        super().__init__(attrs={"autocomplete": "off", "dir": "auto", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        text = context["widget"]["value"]
        shown = ""
        if text not in (None, "") and self.label is not None:
            shown = self.label(str(text)) or ""
        url = reverse(self.source) + (f"?{urlencode(self.params)}" if self.params else "")
        context["widget"]["picker"] = {"url": url, "label": shown}
        return context
