"""Live pages: a cheap "what changed since" endpoint, a version per topic kept in the
shared cache, and who else has a ticket open (collision detection).

Topics
    ``incidents``, ``requests``, ``problems``, ``changes``: a staff list (any row changed);
    ``incident:<pk>``, ``request:<pk>``, ``problem:<pk>``, ``change:<pk>``: one ticket (its
    fields, its notes, tasks, votes, SLA clocks); ``notifications``: the signed-in user's
    own notifications (the server reads it as ``notifications:<user id>``).

Versions
    One cache key per topic, ``live:v:<topic>``, holding ``(version, actor id, actor name)``:
    the version is the time of the change in microseconds (it only has to differ from the
    one a page saw, so a cache that was emptied costs one refresh, never a missed change).
    A ``post_save``/``post_delete`` receiver for every model (the central hook: services,
    the API, Celery tasks and the admin all save through the ORM) maps the saved row to its
    topics (:data:`KINDS`, :data:`CHILDREN`, :data:`GENERIC`, :data:`PERSONAL`) and writes
    them once, when the transaction commits (``transaction.on_commit``): a rolled-back
    change bumps nothing, and all the rows one transaction saved cost one write (a
    ``set_many``; on Redis one script call setting each key with its expiry).
    Who made the change comes from django-simple-history's ``post_create_historical_record``
    (its ``history_user``, the request's user through HistoryRequestMiddleware); a change
    without one (an SLA sweep, a mail poll) refreshes the pages but raises no "changed by"
    banner. Writes that bypass ``save()`` (``QuerySet.update``) call :func:`bump` themselves.

The endpoint (``GET /live/``)
    The page sends each topic it shows with the version it last saw
    (``?incidents=<v>&incident:5=<v>``) and, on a ticket page, ``presence=incident:5`` with
    the viewers it was last told (``viewers=``). Who asks, the versions, the user's
    visibility grants and the presence list come from the cache in one ``get_many``: the
    session names the user and carries the hash Django checks, the cache keeps the user's
    name and that hash (dropped when the user is saved), so a poll never reads the users
    table; the only query is the session's own (none with the ``cached_db`` session
    engine). Once a minute per user and topic the app's visibility selector is asked
    again (a topic the user may not see is ignored, as if it did not exist). Nothing
    changed and the same viewers: 204. Otherwise JSON ``{"changed": {topic: version},
    "viewers": "<ids of the others viewing>", "viewing": "<banner html>"|null,
    "changed_by": "<banner html>"|null}``.

Core imports no feature app (ARCHITECTURE.md): the tables name models by their label and
visibility selectors by their dotted path, resolved when first needed.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.redis import RedisCache
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.crypto import constant_time_compare
from django.utils.functional import cached_property
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from redis.commands.core import Script
from redis.exceptions import ResponseError

from .roles import is_staff_member

logger = logging.getLogger(__name__)

#: Seconds between two polls of a visible page (the <body>'s data-live-poll; the setting
#: LIVE_POLL_SECONDS overrides it). A hidden tab polls three times less often.
POLL_SECONDS = 15
#: Seconds a viewer stays "viewing" without polling (refreshed once past half of it, so a
#: hidden tab, polling every 45 s, stays too).
PRESENCE_TTL = 60
#: Seconds a visibility check is trusted before it is made again.
GRANT_TTL = 60
#: Seconds a version is kept (a quiet topic's key expires; its next change writes it again).
VERSION_TTL = 7 * 24 * 3600
#: Seconds a poll trusts the cached name and password hash of its user (a save drops them).
USER_TTL = 600
#: The grant that says the user is staff (presence is between staff).
STAFF_GRANT = "staff"
#: Topics one poll may ask about (a page has a few).
MAX_TOPICS = 12


@dataclass(frozen=True)
class Kind:
    """A kind of ticket: its list topic, its model and its visibility selector."""

    list_topic: str
    model: str
    visible: str

    @cached_property
    def selector(self):
        return import_string(self.visible)


#: ``<kind>:<pk>`` topics and the list topic each belongs to.
KINDS: dict[str, Kind] = {
    "incident": Kind("incidents", "incidents.Incident", "incidents.selectors.incidents_visible_to"),
    "request": Kind("requests", "requests.ServiceRequest", "servicerequests.selectors.requests_visible_to"),
    "problem": Kind("problems", "problems.Problem", "problems.selectors.problems_visible_to"),
    "change": Kind("changes", "changes.Change", "changes.selectors.changes_visible_to"),
}
#: Rows that belong to one ticket: model label → (kind, the field holding the ticket's id).
CHILDREN: dict[str, tuple[str, str]] = {
    "incidents.IncidentNote": ("incident", "incident_id"),
    "incidents.Attachment": ("incident", "incident_id"),
    "requests.Approval": ("request", "request_id"),
    "requests.FulfilmentTask": ("request", "request_id"),
    "requests.RequestComment": ("request", "request_id"),
    "changes.ChangeTask": ("change", "change_id"),
    "changes.Vote": ("change", "change_id"),
    "changes.CABDecision": ("change", "change_id"),
}
#: Rows that point at any ticket (content type, object id): they change the ticket and its
#: list (an SLA clock shows in both).
GENERIC: dict[str, tuple[str, str]] = {
    "sla.SLATimer": ("content_type_id", "object_id"),
}
#: Rows of one person: model label → (topic, the field holding the user's id).
PERSONAL: dict[str, tuple[str, str]] = {
    "notifications.Notification": ("notifications", "user_id"),
}
_KIND_OF_MODEL = {kind.model: name for name, kind in KINDS.items()}
LIST_TOPICS = {kind.list_topic for kind in KINDS.values()}


# --- keys -------------------------------------------------------------------------------------
def version_key(topic: str) -> str:
    return f"live:v:{topic}"


def grant_key(user_id: int, topic: str) -> str:
    return f"live:g:{user_id}:{topic}"


def presence_key(topic: str) -> str:
    return f"live:p:{topic}"


def display_name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user is not None else ""


# --- writing ----------------------------------------------------------------------------------
def bump(topics, *, actor=None) -> str:
    """Mark ``topics`` changed now (by ``actor``, when known). Returns the new version.
    Call it after the change is committed (the post_save hook does that itself)."""
    version = str(time.time_ns() // 1000)
    actor_id = getattr(actor, "pk", None)
    value = (version, actor_id, display_name(actor) if actor_id else "")
    try:
        _set_many({version_key(topic): value for topic in set(topics)}, VERSION_TTL)
    except Exception:  # the cache is down: pages stop refreshing, nothing else breaks
        logger.warning("live: cache unavailable, %s not bumped", sorted(set(topics)), exc_info=True)
    return version


#: ``SET key value EX ttl`` for every key, atomically: what ``cache.set_many`` does on Redis (a
#: MULTI/EXEC pipeline of an MSET and an EXPIRE per key) in one command (20 µs less CPU a bump).
_SET_EX = Script(None, b"for i = 1, #KEYS do redis.call('SET', KEYS[i], ARGV[i + 1], 'EX', ARGV[1]) end return #KEYS")


def _set_many(values: dict, timeout: int) -> None:
    """``cache.set_many(values, timeout)``: the same keys, values (Django's serializer) and
    expiry, read back by ``cache.get``; on Redis with one script call."""
    backend = caches[DEFAULT_CACHE_ALIAS]
    if not isinstance(backend, RedisCache) or not values:
        cache.set_many(values, timeout)
        return
    keys = [backend.make_and_validate_key(key) for key in values]
    dumps = backend._cache._serializer.dumps
    try:
        _SET_EX(keys=keys, args=[backend.get_backend_timeout(timeout), *(dumps(v) for v in values.values())],
                client=backend._cache.get_client(None, write=True))
    except ResponseError:  # a server that refuses scripts (an ACL, a proxy)
        cache.set_many(values, timeout)


def ticket_topic(kind: str, pk) -> str:
    return f"{kind}:{pk}"


def topics_of(instance) -> set[str]:
    """The topics a saved or deleted row changes (empty for rows no page shows live)."""
    label = instance._meta.label
    if label in _KIND_OF_MODEL:
        kind = _KIND_OF_MODEL[label]
        return {KINDS[kind].list_topic, ticket_topic(kind, instance.pk)}
    if label in CHILDREN:
        kind, field = CHILDREN[label]
        pk = getattr(instance, field, None)
        return {ticket_topic(kind, pk)} if pk else set()
    if label in GENERIC:
        ct_field, id_field = GENERIC[label]
        try:
            model = ContentType.objects.get_for_id(getattr(instance, ct_field)).model_class()
        except ContentType.DoesNotExist:
            return set()
        kind = _KIND_OF_MODEL.get(model._meta.label) if model else None
        return {KINDS[kind].list_topic, ticket_topic(kind, getattr(instance, id_field))} if kind else set()
    if label in PERSONAL:
        topic, field = PERSONAL[label]
        user_id = getattr(instance, field, None)
        return {f"{topic}:{user_id}"} if user_id else set()
    return set()


class _Pending:
    """What one transaction changed, written once when it commits."""

    def __init__(self):
        self.topics: set[str] = set()
        self.actor = None
        self.done = False

    def __call__(self):
        self.done = True
        bump(self.topics, actor=self.actor)


def _pending(using: str) -> _Pending | None:
    """This transaction's pending bump (registered with on_commit), or None outside one."""
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        return None
    pending = getattr(connection, "_live_pending", None)
    # Still registered? A rollback drops the on_commit callbacks, and with them this one.
    if pending is None or pending.done or not any(entry[1] is pending for entry in connection.run_on_commit):
        pending = _Pending()
        connection._live_pending = pending
        transaction.on_commit(pending, using=using)
    return pending


def _changed(sender, instance, using=DEFAULT_DB_ALIAS, raw=False, **kwargs):
    if raw:
        return
    topics = topics_of(instance)
    if not topics:
        return
    pending = _pending(using)
    if pending is None:  # autocommit: already committed
        bump(topics, actor=_request_user())
    else:
        pending.topics |= topics
        if pending.actor is None:
            pending.actor = _request_user()


def _history_recorded(sender, instance, history_instance, using=None, **kwargs):
    user = getattr(history_instance, "history_user", None)
    if user is None or instance._meta.label not in _KIND_OF_MODEL.keys() | CHILDREN.keys():
        return
    pending = _pending(using or DEFAULT_DB_ALIAS)
    if pending is not None:
        pending.actor = user


def _request_user():
    """The signed-in user of the request being answered, when simple-history's middleware
    has it (None in Celery, commands and anonymous requests)."""
    from simple_history.models import HistoricalRecords

    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    return user if getattr(user, "is_authenticated", False) else None


def connect() -> None:
    """Wire the central hook (CoreConfig.ready)."""
    from django.apps import apps
    from simple_history.signals import post_create_historical_record

    # Only the models that carry a topic: a post_delete receiver on a model turns Django's
    # fast delete (one DELETE … WHERE) into a SELECT then a DELETE by id, so the rollups'
    # and retention's bulk deletes of other tables must not have one.
    for label in {*_KIND_OF_MODEL, *CHILDREN, *GENERIC, *PERSONAL}:
        model = apps.get_model(label)
        post_save.connect(_changed, sender=model, dispatch_uid=f"live_changed_save:{label}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"live_changed_delete:{label}")
    post_create_historical_record.connect(_history_recorded, dispatch_uid="live_history_recorded")
    post_save.connect(_user_saved, sender=get_user_model(), dispatch_uid="live_user_saved")


# --- reading ----------------------------------------------------------------------------------
def poll_seconds() -> int:
    return int(getattr(settings, "LIVE_POLL_SECONDS", POLL_SECONDS))


def current_version(topic: str, user=None) -> str:
    """The version a page shows now (written into its regions when it is rendered)."""
    try:
        value = cache.get(version_key(server_topic(topic, user)))
    except Exception:
        return ""
    return value[0] if value else ""


def server_topic(topic: str, user) -> str:
    """The cache's name of a topic a browser names: ``notifications`` is the user's own."""
    if topic == "notifications" and user is not None:
        return f"notifications:{user.pk}"
    return topic


def parse_topic(topic: str) -> tuple[str, int | None] | None:
    """``("incident", 5)`` for ``incident:5``, ``("incidents", None)`` for a list, None for
    anything else."""
    if topic in LIST_TOPICS or topic == "notifications":
        return topic, None
    kind, _, pk = topic.partition(":")
    if kind in KINDS and pk.isdigit() and len(pk) < 19:
        return kind, int(pk)
    return None


def may_see(user, topic: str) -> bool:
    """The check a grant caches: staff lists for staff, a ticket when the app's visibility
    selector has it, one's own notifications."""
    kind, pk = parse_topic(topic)
    if topic == "notifications":
        return True
    if pk is None:
        return is_staff_member(user)
    return KINDS[kind].selector(user).filter(pk=pk).exists()


def _viewers(entries: dict | None, now: float) -> dict:
    return {uid: entry for uid, entry in (entries or {}).items() if entry[1] > now}


@dataclass(frozen=True)
class Viewer:
    """Who polls: enough to answer without loading the user."""

    pk: int
    name: str


def user_key(user_id) -> str:
    return f"live:u:{user_id}"


def _session_user_id(request) -> int | None:
    """The user id the session names (not checked yet: see :func:`_viewer`)."""
    user_id = str(request.session.get(SESSION_KEY, ""))
    return int(user_id) if user_id.isdigit() else None


def _viewer(request, entry) -> Viewer | None:
    """The signed-in user of a poll, without reading the users table: the session names the
    user and holds the hash of their password (as Django checks it); the cache (``entry``,
    read with the versions) keeps that hash and the user's name for :data:`USER_TTL` seconds,
    dropped whenever the user is saved (a new password, deactivation). Otherwise Django's own
    authentication, and the entry is written for the next polls. None: not signed in."""
    session = request.session
    session_hash = session.get(HASH_SESSION_KEY)
    if (entry and session_hash and session.get(BACKEND_SESSION_KEY) in settings.AUTHENTICATION_BACKENDS
            and constant_time_compare(entry[1], session_hash)):
        return Viewer(_session_user_id(request), entry[0])
    user = request.user
    if not user.is_authenticated:
        return None
    viewer = Viewer(user.pk, display_name(user))
    try:
        cache.set(user_key(user.pk), (viewer.name, user.get_session_auth_hash()), USER_TTL)
    except Exception:
        logger.warning("live: cache unavailable", exc_info=True)
    return viewer


def _user_saved(sender, instance, **kwargs):
    try:
        cache.delete(user_key(instance.pk))
    except Exception:
        logger.warning("live: cache unavailable, %s not dropped", user_key(instance.pk), exc_info=True)


@never_cache
@require_GET
def changes(request):
    """What changed since the versions the page saw (see the module's docstring)."""
    user_id = _session_user_id(request)
    if user_id is None:
        return redirect_to_login(request.get_full_path())
    asked: dict[str, str] = {}
    for name, value in request.GET.items():
        if name in ("presence", "viewers") or len(asked) >= MAX_TOPICS:
            continue
        if parse_topic(name) is not None:
            asked[name] = value[:32]
    presence = request.GET.get("presence", "")
    if parse_topic(presence) is None or ":" not in presence:
        presence = ""
    if presence and presence not in asked:
        asked[presence] = ""
    # One round trip to the cache: who polls, the versions, the grants, the viewers.
    named = Viewer(user_id, "")
    keys = [user_key(user_id)]
    for topic in asked:
        keys += [version_key(server_topic(topic, named)), grant_key(user_id, topic)]
    if presence:
        keys += [presence_key(presence), grant_key(user_id, STAFF_GRANT)]
    try:
        found = cache.get_many(keys)
    except Exception:
        logger.warning("live: cache unavailable", exc_info=True)
        return HttpResponse(status=204)
    user = _viewer(request, found.get(user_key(user_id)))
    if user is None or user.pk != user_id:
        return redirect_to_login(request.get_full_path())

    # Visibility: from the grants, checked again (and cached) when a grant has expired.
    new_grants, visible = {}, set()
    for topic in asked:
        grant = found.get(grant_key(user.pk, topic))
        if grant is None:
            grant = new_grants[grant_key(user.pk, topic)] = 1 if may_see(request.user, topic) else 0
        if grant:
            visible.add(topic)
    # Presence is between staff: a requester neither shows as viewing nor sees who is.
    if presence in visible:
        staff = found.get(grant_key(user.pk, STAFF_GRANT))
        if staff is None:
            staff = new_grants[grant_key(user.pk, STAFF_GRANT)] = 1 if is_staff_member(request.user) else 0
        if not staff:
            presence = ""
    if new_grants:
        cache.set_many(new_grants, GRANT_TTL)

    changed, changed_by = {}, ""
    for topic in visible:
        value = found.get(version_key(server_topic(topic, user)))
        version = value[0] if value else ""
        if version != asked[topic]:
            changed[topic] = version
            # Someone else changed the ticket this page shows (not the first look at it).
            if topic == presence and asked[topic] and value and value[1] and value[1] != user.pk:
                changed_by = value[2]

    viewers_key, viewing = "", None
    if presence in visible:
        now = time.time()
        viewers = _viewers(found.get(presence_key(presence)), now)
        mine = viewers.get(user.pk)
        if mine is None or mine[1] - now < PRESENCE_TTL / 2:  # written at most every TTL/2 seconds
            viewers[user.pk] = (user.name, now + PRESENCE_TTL)
            cache.set(presence_key(presence), viewers, PRESENCE_TTL)
        others = sorted((uid, entry[0]) for uid, entry in viewers.items() if uid != user.pk)
        viewers_key = ",".join(str(uid) for uid, _ in others)
        if others:
            viewing = render_to_string("core/_live_banner.html", {"viewers": [name for _, name in others]})
    if not changed and viewers_key == request.GET.get("viewers", ""):
        return HttpResponse(status=204)
    body = {"changed": changed, "viewers": viewers_key, "viewing": viewing, "changed_by": None}
    if changed_by:
        body["changed_by"] = render_to_string("core/_live_banner.html", {"changed_by": changed_by})
    return JsonResponse(body)


@never_cache
@require_GET
@login_required
def badge(request):
    """The header's unread badge alone (its count comes from the notifications app's context
    processor, as in the base layout)."""
    from django.shortcuts import render

    return render(request, "core/_unread_badge.html")

