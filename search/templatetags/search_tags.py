"""Template helpers of the search pages."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from ..kinds import KIND_LABELS

register = template.Library()


@register.filter
def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)


@register.filter
def highlight(text: str, words) -> str:
    """``text`` escaped, with each of the searched ``words`` (a word's start, as the search
    matched it) wrapped in ``<mark>``."""
    text = str(text or "")
    words = [w for w in (words or ()) if w]
    if not words:
        return escape(text)
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)
    out, last = [], 0
    for found in pattern.finditer(text):
        out.append(escape(text[last:found.start()]))
        out.append(f"<mark>{escape(found.group(0))}</mark>")
        last = found.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece of the text is escaped above
