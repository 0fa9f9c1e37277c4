"""The public status page (no login): the page, an incident's page, the Atom feed, the
JSON summary, and the subscription pages. Reads come from :mod:`statuspage.selectors`
through the page cache (:mod:`statuspage.caching`); writes go through
:mod:`statuspage.services`."""

from __future__ import annotations

from datetime import UTC, datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import floatformat, linebreaksbr
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import condition, require_http_methods, require_safe
from rest_framework.throttling import BaseThrottle

from catalog.models import Service

from . import caching, selectors, services
from .forms import SubscribeForm

#: Subscribe requests per client address per hour (the rest get 429).
SUBSCRIBE_PER_HOUR = 10


#: ``Cache-Control`` of the page for anonymous visitors: a CDN or proxy may keep it as long as
#: the page cache does, and serve the old copy for a while longer when revalidating (or when
#: we are down, which is when the page is needed most).
STALE_WHILE_REVALIDATE = 60
STALE_IF_ERROR = 86400


def _stamp() -> datetime:
    """When the page's current version started: a fresh stamp for each cache generation (a
    major-incident change replaces it at once) and every ``TTL`` seconds. The summary is kept
    under its stamp, so the page and its ``ETag`` always match."""
    return caching.cached("stamp", lambda: datetime.now(UTC))


def _summary() -> selectors.StatusSummary:
    return caching.cached(f"summary:{_stamp().timestamp()}", selectors.status_summary)


def _absolute(path: str) -> str:
    return f"{settings.PUBLIC_BASE_URL}{path}"


def _public(response, max_age: int = caching.TTL):
    patch_cache_control(response, public=True, max_age=max_age)
    return response


def _noindex(response):
    response["X-Robots-Tag"] = "noindex"
    return response


# --- reading ---------------------------------------------------------------------------------
def _anonymous(request) -> bool:
    # Reading request.user reads the session, so the answer carries Vary: Cookie: a shared cache
    # keeps the anonymous page apart from a signed-in one (staff get their own menu).
    return not request.user.is_authenticated


def _request_stamp(request) -> datetime:
    """The page version this request answers with (read once: ETag, Last-Modified and the body agree)."""
    stamp = getattr(request, "_statuspage_stamp", None)
    if stamp is None:
        stamp = request._statuspage_stamp = _stamp()
    return stamp


def _etag(request) -> str | None:
    """Anonymous pages only: the stamp and the language (the page is translated; LocaleMiddleware
    adds Vary: Accept-Language). Costs one read of the shared cache, no query, no rendering."""
    if not _anonymous(request):
        return None
    return f'"{_request_stamp(request).timestamp():.6f}-{get_language()}"'


def _last_modified(request) -> datetime | None:
    return _request_stamp(request) if _anonymous(request) else None


#: The anonymous page as bytes, per version, language and time zone, in this process (the
#: latest few): a visitor's request during an outage costs the stamp's read and no rendering.
_pages: dict[str, bytes] = {}
_PAGES_KEPT = 16


def _render_index(request) -> str:
    summary = _summary()
    return render_to_string("statuspage/index.html", {"summary": summary, "bars": _bars(summary), "legend": _legend()},
                            request)


def _anonymous_page(request) -> bytes:
    """The rendered page for anonymous visitors: from this process's copy, else the shared
    cache (rendered once per version by whichever web process asks first), else rendered.
    Everything it varies on is in the key: the version (its stamp), the language (Vary:
    Accept-Language) and the time zone; the rest of the request does not reach the page (no
    CSRF token, no menu, no messages: :func:`index` renders a page that has some itself)."""
    key = f"page:{_request_stamp(request).timestamp():.6f}:{get_language()}:{timezone.get_current_timezone_name()}"
    body = _pages.get(key)
    if body is None:
        body = caching.cached(key, lambda: _render_index(request).encode())
        if len(_pages) >= _PAGES_KEPT:
            _pages.clear()
        _pages[key] = body
    return body


@require_safe
@condition(etag_func=_etag, last_modified_func=_last_modified)
def index(request):
    if _anonymous(request) and not len(messages.get_messages(request)):
        response = HttpResponse(_anonymous_page(request))
        patch_cache_control(response, public=True, max_age=caching.TTL,
                            stale_while_revalidate=STALE_WHILE_REVALIDATE, stale_if_error=STALE_IF_ERROR)
        return response
    # Signed in (their own menu), or a message to show once: rendered for this request only.
    response = HttpResponse(_render_index(request))
    patch_cache_control(response, private=True, no_cache=True)
    return response


def _runs(days: list[int]) -> str:
    """SVG path data for these day indexes (0 the oldest): one horizontal stroke per run of
    days, the first absolute, the next ones relative to the end of the previous one."""
    runs: list[list[int]] = []
    for i in days:
        if runs and i == runs[-1][1]:
            runs[-1][1] = i + 1
        else:
            runs.append([i, i + 1])
    parts, end = [], None
    for start, stop in runs:
        parts.append(f"M{start} 0h{stop - start}" if end is None else f"m{start - end} 0h{stop - start}")
        end = stop
    return "".join(parts)


#: The levels of a day drawn on the bar (its background is "up"), in drawing order.
LEVELS = ("none", "minor", "partial", "major")


def _level_titles() -> dict:
    return {
        "none": lambda n: ngettext("No data: %(days)s day", "No data: %(days)s days", n),
        "minor": lambda n: ngettext("Up to 1 hour down: %(days)s day", "Up to 1 hour down: %(days)s days", n),
        "partial": lambda n: ngettext("Up to 6 hours down: %(days)s day", "Up to 6 hours down: %(days)s days", n),
        "major": lambda n: ngettext("More than 6 hours down: %(days)s day", "More than 6 hours down: %(days)s days",
                                    n),
    }


def _legend() -> list[tuple[str, str]]:
    """What each colour of the bars means (once for the page, not on every bar)."""
    return [("up", _("No downtime")), ("minor", _("Up to 1 hour down")), ("partial", _("Up to 6 hours down")),
            ("major", _("More than 6 hours down")), ("none", _("No data"))]


def _bars(summary: selectors.StatusSummary) -> SafeString:
    """The services' rows, 90-day bars included, built here rather than in a template loop
    (200 of them: no template node per row and cell). Each bar is one inline SVG, an image whose title
    (its accessible name, and the tooltip) says the days with downtime and how many of each
    level; one path per level but "up" (the bar's background). Every byte is paid 200 times:
    no whitespace, the badge and the colours styled from the row's ``data-status``."""
    titles = _level_titles()
    rows = []
    for service in summary.services:
        by_level: dict[str, list[int]] = {}
        for i, d in enumerate(service.days):
            by_level.setdefault(d.level, []).append(i)
        days_down = service.days_down
        counts, paths = [], []
        for level in LEVELS:
            if level in by_level:
                n = len(by_level[level])
                counts.append(titles[level](n) % {"days": n})
                paths.append(f'<path class="{level}" d="{_runs(by_level[level])}"/>')
        title = [ngettext("%(days)s day with downtime in the last 90 days.",
                          "%(days)s days with downtime in the last 90 days.", days_down) % {"days": days_down},
                 "; ".join(counts)]
        label = escape(" ".join(title).rstrip())
        uptime = ("" if service.uptime_90d is None
                  else _("%(percent)s %% uptime") % {"percent": floatformat(service.uptime_90d, "-2")})
        rows.append(f'<li data-status="{service.status}"><bdi>{escape(service.name)}</bdi> <b>{escape(service.label)}'
                    f'</b><svg viewBox="0 -.5 {len(service.days)} 1" preserveAspectRatio="none" role="img"><title>'
                    f'{label}</title>{"".join(paths)}</svg><small>{escape(uptime)}</small></li>')
    return mark_safe("\n".join(rows))  # noqa: S308 - every text in it is escaped above


@require_safe
def incident(request, pk: int):
    public = caching.cached(f"incident:{pk}", lambda: selectors.public_incident(pk))
    if public is None:
        raise Http404(_("No such incident."))
    return render(request, "statuspage/incident.html", {"incident": public})


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value is not None else None


def _ids(refs) -> list[int]:
    return [ref.id for ref in refs]


def status_payload(summary: selectors.StatusSummary) -> dict:
    """The JSON document: the same facts as the page, ids for references."""
    return {
        "status": summary.status,
        "updated_at": _iso(summary.generated_at),
        "page": _absolute(reverse("statuspage:index")),
        "services": [{"id": s.id, "name": s.name, "status": s.status, "uptime_90d": s.uptime_90d}
                     for s in summary.services],
        "incidents": [{
            "id": i.id, "title": i.title, "status": i.phase, "impact": i.impact, "active": i.is_active,
            "services": _ids(i.services), "started_at": _iso(i.started_at), "resolved_at": _iso(i.resolved_at),
            "url": _absolute(reverse("statuspage:incident", args=[i.id])),
            "updates": [{"id": u.id, "at": _iso(u.at), "status": u.phase, "what": u.what, "where": u.where,
                         "event": u.event, "eta": _iso(u.eta), "contact": u.contact, "body": u.body}
                        for u in i.updates],
        } for i in summary.incidents],
        "maintenance": [{"id": m.id, "title": m.title, "description": m.description, "status": m.state,
                         "starts_at": _iso(m.starts_at), "ends_at": _iso(m.ends_at), "services": _ids(m.services)}
                        for m in summary.maintenance],
    }


@require_safe
def status_json(request):
    response = JsonResponse(status_payload(_summary()))
    response["Access-Control-Allow-Origin"] = "*"  # public facts: other sites may show them
    return _public(response)


class StatusFeed(Feed):
    """Public updates as an Atom feed, newest first."""

    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        return _public(super().__call__(request, *args, **kwargs))

    def title(self):
        return _("Service status")

    def subtitle(self):
        return _("Updates on incidents affecting our services.")

    def link(self):
        return _absolute(reverse("statuspage:index"))

    def feed_url(self):
        return _absolute(reverse("statuspage:feed"))

    def author_name(self):
        return _("Service desk")

    def items(self):
        return caching.cached("feed", selectors.feed_entries)

    def item_title(self, entry: selectors.FeedEntry) -> str:
        # Atom titles are plain text (the generator escapes them once for XML).
        return f"{entry.incident_title} — {entry.update.phase_label}"

    def item_description(self, entry: selectors.FeedEntry) -> str:
        # Atom summaries are HTML: the people's text is escaped into it, never trusted as markup.
        update = entry.update
        parts = [format_html("<p>{}</p>", linebreaksbr(update.body, autoescape=True))] if update.body else []
        affected = f"{update.what} ({update.where})" if update.where else update.what
        parts.append(format_html("<p>{}: {}</p>", _("Affected"), affected))
        if update.eta:
            parts.append(format_html("<p>{}: {} UTC</p>", _("Expected resolution"),
                                     update.eta.astimezone(UTC).strftime("%Y-%m-%d %H:%M")))
        return "".join(parts)

    def item_link(self, entry: selectors.FeedEntry) -> str:
        return _absolute(reverse("statuspage:incident", args=[entry.incident_id])) + f"#update-{entry.update.id}"

    def item_pubdate(self, entry: selectors.FeedEntry):
        return entry.update.at

    def item_updateddate(self, entry: selectors.FeedEntry):
        return entry.update.at


# --- subscriptions ---------------------------------------------------------------------------
def _within_rate(request) -> bool:
    """Per client address (trusting NUM_PROXIES forwarding hops, like the API's throttles)."""
    limit = getattr(settings, "STATUSPAGE_SUBSCRIBE_PER_HOUR", SUBSCRIBE_PER_HOUR)
    key = f"statuspage:subscribe-ip:{BaseThrottle().get_ident(request)}"
    try:
        cache.add(key, 0, timeout=3600)
        return cache.incr(key) <= limit
    except Exception:  # no cache, no limit: better than no subscriptions
        return True


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    """``GET`` the form on its own page; ``POST`` it (from here or the status page). The
    answer is the same whether or not the address was known."""
    summary = _summary()
    if request.method != "POST":
        # The status page's small form (a GET, so the page carries no CSRF token and a CDN may
        # keep it) brings the address here, to choose services and confirm with a POST.
        initial = {"email": request.GET.get("email", "")[:254]}
        return render(request, "statuspage/subscribe.html",
                      {"form": SubscribeForm(initial=initial, services=summary.services)})
    if not _within_rate(request):
        response = render(request, "statuspage/rate_limited.html", status=429)
        response["Retry-After"] = "3600"
        return response
    form = SubscribeForm(request.POST, services=summary.services)
    if not form.is_valid():
        return render(request, "statuspage/subscribe.html", {"form": form}, status=400)
    chosen = Service.objects.filter(pk__in=form.cleaned_data["services"], is_active=True)
    services.subscriber_subscribe(email=form.cleaned_data["email"], services=chosen,
                                  language=getattr(request, "LANGUAGE_CODE", ""))
    return redirect("statuspage:subscribe-sent")


@require_safe
def subscribe_sent(request):
    return _noindex(render(request, "statuspage/subscribe_sent.html"))


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token: str):
    """``GET`` asks (mail scanners that follow links must not subscribe anyone); ``POST`` confirms."""
    if request.method == "POST":
        subscriber = services.subscriber_confirm(token=token)
        if subscriber is None:
            raise Http404(_("This link is not valid any more."))
        return _noindex(render(request, "statuspage/confirmed.html", {"subscriber": subscriber}))
    subscriber = selectors.subscriber_by_confirm_token(token)
    if subscriber is None:
        raise Http404(_("This link is not valid any more."))
    return _noindex(render(request, "statuspage/confirm.html", {"subscriber": subscriber}))


@csrf_exempt  # RFC 8058 one-click POSTs come from mail providers, without a CSRF token; the token is the secret
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token: str):
    """``GET`` shows a button; ``POST`` (the button, or a mail client's one-click
    ``List-Unsubscribe=One-Click``) removes the subscription. Repeating it is harmless."""
    if request.method == "POST":
        services.subscriber_unsubscribe(token=token)
        return _noindex(render(request, "statuspage/unsubscribed.html"))
    subscriber = selectors.subscriber_by_unsubscribe_token(token)
    status = 200 if subscriber is not None else 404
    return _noindex(render(request, "statuspage/unsubscribe.html", {"subscriber": subscriber}, status=status))
