"""Article bodies: Markdown rendered by markdown-it-py (CommonMark and tables), then cleaned by
nh3 with an allow-list, so whatever an author (or a pasted web page) puts in an article, a
reader's browser gets no scripts, frames, styles, event handlers or ``javascript:`` links.

Images show only from relative URLs (an article's attachments are served from ``MEDIA_URL``):
an outside image would tell a third party who reads the help centre. Links keep ``http``,
``https``, ``mailto`` and relative URLs, each with ``rel="noopener noreferrer"``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import nh3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

#: The default of ``KNOWLEDGE_BODY_MAX_CHARS``.
BODY_MAX_CHARS = 200_000

TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "s", "del", "ins", "mark",
    "code", "pre", "kbd", "samp", "sup", "sub", "small", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
    "a", "img", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "details", "summary", "abbr",
}
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "ol": {"start"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "abbr": {"title"},
    "*": {"lang", "dir"},
}
URL_SCHEMES = {"http", "https", "mailto"}


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # deferred: markdown-it-py costs ~12 ms of CPU to import and every process imports this
    # module (the knowledge API's views, through the URLs); only rendering an article needs it.
    from markdown_it import MarkdownIt

    # Raw HTML is parsed (authors may write <kbd> or <br>) and then cleaned by nh3 below.
    return MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False}).enable("table")


def _is_local(url: str) -> bool:
    """A relative URL on this site (``/media/…``, ``images/x.png``), not ``//host/…``."""
    url = url.strip()
    if not url or url.startswith("//") or url.startswith("\\"):
        return False
    media = getattr(settings, "MEDIA_URL", "") or ""
    if media and "://" in media and url.startswith(media):
        return True  # attachments on a separate media host (object storage)
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src":
        return value if _is_local(value) else None
    if attribute in ("width", "height"):
        return value if value.isdigit() and len(value) <= 5 else None
    if attribute == "dir":
        return value if value in ("ltr", "rtl", "auto") else None
    return value


def render_markdown(text: str | None) -> SafeString:
    """The article's Markdown as safe HTML (an empty string for no text)."""
    if not text:
        return mark_safe("")  # noqa: S308 (nothing to escape)
    html = _parser().render(str(text))
    cleaned = nh3.clean(
        html, tags=TAGS, attributes=ATTRIBUTES, attribute_filter=_attribute_filter, url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer", strip_comments=True,
        clean_content_tags={"script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math"},
    )
    return mark_safe(cleaned)  # noqa: S308 (nh3's allow-list output)


def body_max_chars() -> int:
    return int(getattr(settings, "KNOWLEDGE_BODY_MAX_CHARS", BODY_MAX_CHARS))


def validate_body(text: str | None) -> str:
    """The body as saved (unchanged), or a ValidationError on ``body``: empty, or longer than
    ``KNOWLEDGE_BODY_MAX_CHARS``."""
    text = "" if text is None else str(text)
    if not text.strip():
        raise ValidationError({"body": [_("Write the article's text.")]})
    limit = body_max_chars()
    if len(text) > limit:
        raise ValidationError({"body": [_("The text is too long: at most %(limit)s characters (this one has "
                                          "%(length)s).") % {"limit": limit, "length": len(text)}]})
    if "\x00" in text:
        raise ValidationError({"body": [_("The text contains a null character.")]})
    return text
