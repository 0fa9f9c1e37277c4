"""The queue's filter and bulk-action widgets: Django's select and checkbox list, written in
Python instead of a template per widget (and, in Django's own templates, an include per
option and three more per checkbox). The markup is Django's own, character for character
(``incidents/tests/test_queue_rows.py`` renders both); a queue page renders about 90
options, which were a quarter of its time at a million incidents (issue 23), and the
templates that replaced the includes (``incidents/widgets/``, kept as what these write)
still a fifth of it.

Each value goes out as a template variable would: localized (numbers, dates), escaped
unless already safe; each attribute as Django's ``attrs.html`` writes it (``False``
left out, ``True`` as a bare name)."""

from django import forms
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime


def _text(value) -> str:
    """``{{ value }}`` (``django.template.base.render_value_in_context``, autoescaped)."""
    value = localize(template_localtime(value))
    if not issubclass(type(value), str):
        value = str(value)
    return conditional_escape(value)


def _attrs(attrs) -> str:
    """``django/forms/widgets/attrs.html``; a value through ``|stringformat:'s'``."""
    out = []
    for name, value in attrs.items():
        if value is not False:
            out.append(f" {_text(name)}" if value is True else f' {_text(name)}="{conditional_escape(value)}"')
    return "".join(out)


class FlatSelect(forms.Select):
    template_name = "incidents/widgets/select.html"

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        out = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
        for group_name, group_choices, _index in widget["optgroups"]:
            if group_name:
                out.append(f'\n  <optgroup label="{_text(group_name)}">')
            for option in group_choices:
                out.append(
                    f'\n  <option value="{conditional_escape(option["value"])}"{_attrs(option["attrs"])}>'
                    f"{_text(option['label'])}</option>\n"
                )
            if group_name:
                out.append("\n  </optgroup>")
        out.append("\n</select>")  # the renderer strips the template's last newline
        return mark_safe("".join(out))  # noqa: S308 — every value is escaped


class FlatCheckboxes(forms.CheckboxSelectMultiple):
    template_name = "incidents/widgets/checkboxes.html"

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        own = widget["attrs"]
        out = ["<div"]
        if own.get("id"):
            out.append(f' id="{_text(own["id"])}"')
        if own.get("class"):
            out.append(f' class="{_text(own["class"])}"')
        out.append(">")
        for group, options, _index in widget["optgroups"]:
            if group:
                out.append(f"\n  <div><label>{_text(group)}</label>")
            for option in options:
                out.append("<div>\n    ")
                wrap = option["wrap_label"]
                if wrap:
                    target = option["attrs"].get("id")
                    out.append(f'<label for="{_text(target)}">' if target else "<label>")
                out.append(f'<input type="{_text(option["type"])}" name="{_text(option["name"])}"')
                if option["value"] is not None:
                    out.append(f' value="{conditional_escape(option["value"])}"')
                out.append(f"{_attrs(option['attrs'])}>\n")
                if wrap:
                    out.append(f" {_text(option['label'])}</label>")
                out.append("\n\n</div>")
            if group:
                out.append("\n  </div>")
        out.append("\n</div>")
        return mark_safe("".join(out))  # noqa: S308 — every value is escaped
