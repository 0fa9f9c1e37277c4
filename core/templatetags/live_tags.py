"""Marks for live regions (core/live.py, static/js/live.js).

``<div id="timeline"{% live_region "incident" incident.pk %}>`` writes ``data-live`` (the
topic) and ``data-live-version`` (the version the page shows now); ``url=`` adds
``data-live-url``, where live.js fetches the region's fresh HTML (by default: the page
itself, the element with the same id taken from it). A list's region also names
``data-live-target``, its results element: live.js asks the page for that element alone
(``HX-Request``/``HX-Target``, the list's own partial) and replaces it inside the region."""

from django import template
from django.utils.html import format_html

from .. import live

register = template.Library()


def _user(context):
    request = context.get("request")
    return getattr(request, "user", None)


def _version(context, topic: str) -> str:
    """The topic's version, read once per request (a ticket page marks several regions)."""
    request = context.get("request")
    seen = getattr(request, "_live_versions", None) if request is not None else None
    if seen is None:
        seen = {}
        if request is not None:
            request._live_versions = seen
    if topic not in seen:
        seen[topic] = live.current_version(topic, _user(context))
    return seen[topic]


@register.simple_tag(takes_context=True)
def live_region(context, topic, pk=None, url=""):
    topic = f"{topic}:{pk}" if pk is not None else str(topic)
    version = _version(context, topic)
    attrs = format_html(' data-live="{}" data-live-version="{}"', topic, version)
    if url:
        attrs += format_html(' data-live-url="{}"', url)
    return attrs


@register.inclusion_tag("core/_live_presence.html", takes_context=True)
def live_presence(context, kind, pk):
    """The collision banners of the page of ticket ``pk`` of ``kind`` (``incident`` …)."""
    topic = f"{kind}:{pk}"
    return {"topic": topic, "version": _version(context, topic)}


@register.simple_tag(takes_context=True)
def live_list(context, list_key):
    """A staff list's region: live when its key is a list topic (``incidents``, ``requests``,
    ``problems``, ``changes``), nothing otherwise."""
    if list_key not in live.LIST_TOPICS:
        return ""
    attrs = live_region(context, list_key)
    if context.get("results_id"):  # refreshed with the list's own HTMX partial, not the whole page
        attrs += format_html(' data-live-target="{}"', context["results_id"])
    return attrs


@register.simple_tag
def live_poll_seconds():
    """Seconds between two polls (``<body data-live-poll>``)."""
    return live.poll_seconds()
