"""Every write of the contact center: the announcements that follow major incidents, and
the call log kept from Twilio's webhooks (each event applied once, in sequence order)."""

from __future__ import annotations

import json
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connections, models, router, transaction
from django.db.models import JSONField, OuterRef, Q, Subquery
from django.db.models.functions import JSONObject
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from catalog.phone import try_normalize_phone
from catalog.selectors import contact_by_account_and_pin, contact_by_phone
from core.errors import InvalidTransitionError
from incidents.choices import DemandSource, MajorIncidentStatus
from incidents.models import DemandSignal, MajorIncident
from incidents.services import demand_record
from sla.calendar import CalendarError, intervals_from
from sla.models import BusinessCalendar

from . import compiled, routing
from . import recording as call_recording
from .choices import FINAL_STATUSES, CallbackReason, CallbackStatus, CallOutcome
from .models import Announcement, Call, Callback, CallEvent, Line, MenuOption
from .routing import assign_callback, close_hold, release_agent


# --- lines and their menus -----------------------------------------------------------------------
@transaction.atomic
def line_save(*, line: Line | None = None, data: dict, menu: list[dict] | None, actor) -> Line:
    """Create a line (``line=None``) or change it, with its keypad menu written whole: a
    given ``menu`` replaces the options (``None`` leaves them). One digit leads to one option;
    every row written is recorded in history with the actor."""
    if menu is not None:
        digits = [option["digit"] for option in menu]
        if len(digits) != len(set(digits)):
            raise ValidationError({"menu": [_("Each digit may lead to one option only.")]})
    line = line if line is not None else Line()
    for field, value in data.items():
        setattr(line, field, value)
    line._history_user = actor
    line.save()
    if menu is not None:
        for option in line.menu.all():
            option._history_user = actor
            option.delete()
        bulk_create_with_history(
            [MenuOption(line=line, **option) for option in menu],
            MenuOption,
            default_user=actor,
            default_change_reason="menu saved",
        )
    return line


# --- announcements -------------------------------------------------------------------------------
@transaction.atomic
def announcement_sync(*, major_incident_id: int) -> Announcement | None:
    """The major incident's announcement as it should be: active with its text on its
    services while the major incident is active and has a text; off otherwise."""
    major = MajorIncident.objects.filter(pk=major_incident_id).prefetch_related("services").first()
    if major is None:
        return None
    announcement = Announcement.objects.select_for_update().filter(major_incident=major).first()
    wanted = major.is_active and bool(major.announcement.strip())
    if announcement is None:
        if not wanted:
            return None
        announcement = Announcement(major_incident=major, message=major.announcement)
    announcement.message = major.announcement or announcement.message
    announcement.active = wanted
    announcement.save()
    announcement.services.set(major.services.all())
    return announcement


def active_announcement(line: Line | None) -> Announcement | None:
    """The newest active announcement for the line or the line's service (one query)."""
    if line is None:
        return None
    if hasattr(line, "announcement_now"):  # read with the line (``_line_for``): no query of its own
        return _announcement_from_row(line.announcement_now)
    match = Q(lines=line)
    if line.service_id:
        match |= Q(services=line.service_id)
    return Announcement.objects.filter(match, active=True).order_by("-created_at", "-id").first()


# --- opening hours and callbacks -----------------------------------------------------------------
def line_is_open(line: Line | None, at: datetime | None = None) -> bool:
    """Within the line's business calendar (a line without one is always open)."""
    if line is None or line.calendar_id is None:
        return True
    at = at or timezone.now()
    spec = BusinessCalendar.objects.prefetch_related("hours", "holidays").get(pk=line.calendar_id).spec()
    try:
        begin, _end = next(intervals_from(spec, at))
    except (CalendarError, StopIteration):
        return False
    return begin <= at


def callback_for(*, call: Call, reason: str, recording_url: str = "", recording_seconds: int | None = None) -> Callback:
    """One callback task per call (a voicemail upgrades an after-hours one with its recording)."""
    callback, created = Callback.objects.get_or_create(
        call=call,
        defaults={
            "contact_id": call.contact_id,
            "number": call.from_number,
            "reason": reason,
            "recording_url": recording_url,
            "recording_seconds": recording_seconds,
        },
    )
    if created:
        assign_callback(callback)
    if not created and reason == CallbackReason.VOICEMAIL and not callback.recording_url:
        callback.reason, callback.recording_url = reason, recording_url
        callback.recording_seconds = recording_seconds
        callback.save(update_fields=["reason", "recording_url", "recording_seconds"])
    return callback


# --- calls ---------------------------------------------------------------------------------------
def _with_flags(current: list, flags: list[dict] | None) -> list:
    """The call's input flags with these added once (a replay adds nothing)."""
    merged = list(current or [])
    for flag in flags or ():
        if flag not in merged:
            merged.append(flag)
    return merged


def call_flag_input(*, call_sid: str, flags: list[dict]) -> None:
    """Note on the call the webhook fields that were bad and left out (see
    ``contactcenter.webhooks.twilio_params``); the same flag twice is kept once. Nothing to
    note (nearly always): no transaction either — a ``BEGIN``/``COMMIT`` round trip saved on
    every hook the caller waits on (issue 22 bench)."""
    if not flags:
        return
    _flag_input(call_sid, flags)


@transaction.atomic
def _flag_input(call_sid: str, flags: list[dict]) -> None:
    call = Call.objects.select_for_update().filter(call_sid=call_sid).only("pk", "input_flags").first()
    if call is not None and (merged := _with_flags(call.input_flags, flags)) != call.input_flags:
        Call.objects.filter(pk=call.pk).update(input_flags=merged)


def call_arrived(
    *,
    call_sid: str,
    from_number: str,
    to_number: str,
    direction: str = "inbound",
    at: datetime | None = None,
    from_raw: str = "",
    flags: list[dict] | None = None,
) -> tuple[Call, bool]:
    """Record an incoming call (once per CallSid): the caller identified by number, the line
    by the number dialled, and one unit of demand for the line's service (spike detection).
    ``from_number`` is E.164 or ""; ``from_raw`` keeps a caller ID that is not a number, and
    ``flags`` the webhook fields that were left out. Returns the call and whether it is new.

    Few statements, as Twilio waits on the answer (issue 23): the line with its active
    announcement's id (one query), the caller with their customer (one), then the call (its
    repeat-of link a subquery inside the ``INSERT``), then its demand signal (``ON CONFLICT DO
    NOTHING``; written after the call, as before). A replay is found by the unique CallSid: the insert fails
    and the stored call is returned, nothing written twice."""
    line = _line_for(to_number)
    contact = contact_by_phone(from_number) if from_number else None
    at = at or timezone.now()
    try:
        with _statement():
            call = Call.objects.create(
                call_sid=call_sid,
                direction=direction,
                from_number=from_number[:32],
                from_raw=from_raw[:64],
                input_flags=_with_flags([], flags),
                to_number=to_number[:32],
                line=line,
                contact=contact,
                customer=contact.customer if contact else None,
                started_at=at,
                service_id=line.service_id if line else None,
                repeat_of_id=_previous_call_subquery(contact, from_number, at),
            )
    except IntegrityError:  # a replay of the same CallSid (or a retry at the same instant)
        return Call.objects.select_related("line", "contact", "customer").get(call_sid=call_sid), False
    call.__dict__.pop("repeat_of_id", None)  # the subquery's result: loaded from the row if ever read
    if line is not None and line.service_id:  # as ``demand_record`` (the same reference counts once)
        try:
            with _statement():
                DemandSignal.objects.create(
                    service_id=line.service_id, source=DemandSource.CALL, reference=call_sid[:64], at=call.started_at
                )
        except IntegrityError:
            pass
    return call, True


def _statement():
    """Around one INSERT that may fail: a savepoint inside a caller's transaction (so the
    failure does not break it); nothing in autocommit (the webhook), where the statement is
    atomic on its own — no BEGIN/COMMIT round trips."""
    return transaction.atomic() if transaction.get_connection().in_atomic_block else nullcontext()


def _line_query(number: str):
    """The active line for a dialled number, annotated with its newest active announcement
    (``announcement_now``: the fields it plays, as one JSON object; see ``active_announcement``)."""
    announcement = (
        Announcement.objects.filter(Q(lines=OuterRef("pk")) | Q(services=OuterRef("service_id")), active=True)
        .order_by("-created_at", "-id")
        .values(row=JSONObject(**{name: name for name in ANNOUNCEMENT_PLAYED}))[:1]
    )
    return Line.objects.filter(number=number, is_active=True).annotate(
        announcement_now=Subquery(announcement, output_field=JSONField())
    )[:1]


#: ``_line_query``'s SQL per database, compiled once per process: building and compiling that
#: query was 2.1 ms of the voice hook's ~9 ms of CPU (issue 22 bench, 2026-12-07), and only the
#: dialled number changes from call to call. (alias, vendor) → (sql, params, the number's index).
_LINE_SQL: dict[tuple[str, str], tuple[str, list, int] | None] = {}
_NUMBER_SLOT = "+0 dialled number"  # never a real number: it marks the parameter to replace


def _line_for(number: str) -> Line | None:
    """The active line for a dialled number with its announcement (one statement; the
    line's queue, when the hook needs it, is read then). The SQL is compiled once per process
    and database and run with the number; anything unexpected falls back to the ORM."""
    alias = router.db_for_read(Line)
    key = (alias, connections[alias].vendor)
    if key not in _LINE_SQL:
        sql, params = _line_query(_NUMBER_SLOT).query.get_compiler(using=alias).as_sql()
        slots = [k for k, value in enumerate(params) if value == _NUMBER_SLOT]
        _LINE_SQL[key] = (sql, list(params), slots[0]) if len(slots) == 1 else None
    compiled = _LINE_SQL[key]
    if compiled is None:
        return _line_query(number).first()
    sql, params, slot = compiled
    params = [*params[:slot], number, *params[slot + 1 :]]
    return next(iter(Line.objects.raw(sql, params).using(alias)), None)


#: What playing an announcement reads of it (the voice hook builds it from the line's row).
ANNOUNCEMENT_PLAYED = ("id", "message", "allow_continue", "language", "prompt_audio")


def _announcement_from_row(row) -> Announcement | None:
    """The announcement read inside the line's query (``_line_for``) as an instance: the fields
    the voice hook plays and the id it records on the call — no query of its own."""
    if not row:
        return None
    if isinstance(row, str):  # a backend that returns the JSON object as text
        row = json.loads(row)
    audio = row.get("prompt_audio")
    if isinstance(audio, str):  # SQLite nests a JSON column as text
        audio = json.loads(audio or "{}")
    return Announcement(
        id=row["id"],
        message=row.get("message") or "",
        allow_continue=bool(row.get("allow_continue")),
        language=row.get("language") or "",
        prompt_audio=audio or {},
    )


def _previous_call_subquery(contact, from_number: str, at: datetime) -> Subquery | None:
    """The same caller's latest call within the repeat window, as a subquery evaluated inside
    the call's ``INSERT`` (indexed): by contact when known, else by the number (withheld
    numbers never match)."""
    since = at - timedelta(hours=settings.CONTACT_CENTER_REPEAT_WINDOW_HOURS)
    calls = Call.objects.filter(started_at__gte=since, started_at__lte=at).order_by("-started_at")
    if contact is not None:
        calls = calls.filter(contact=contact)
    elif try_normalize_phone(from_number):
        calls = calls.filter(from_number=from_number[:32])
    else:
        return None
    return Subquery(calls.values("pk")[:1])


def call_chose(*, call: Call, service_id: int | None) -> None:
    """A menu choice names the call's service; a call to a line without one is demand for it."""
    if service_id is None:
        return
    Call.objects.filter(pk=call.pk).update(service_id=service_id)
    _choice_demand(call, service_id)


def _choice_demand(call: Call, service_id: int) -> None:
    if call.line is None or not call.line.service_id:
        demand_record(service=service_id, source="call", reference=call.call_sid, at=call.started_at)


# --- the gather hook's routing rule ---------------------------------------------------------------
@dataclass(frozen=True)
class Routed:
    """Where a caller's keys led: an announcement to play first (``announcement``, and the
    option's ``digit`` for the step after it), or the call routed (to ``call.agent``, or
    waiting in ``call.queue``), with ``notice_noted`` when the recording notice is due now
    and was noted on the call by the routing's own ``UPDATE`` (the hook only speaks it)."""

    announcement: Announcement | None = None
    digit: str = ""
    notice_noted: bool = False


def _menu_option_query(values: dict) -> models.QuerySet:
    """``_menu_option``'s query for ``values`` (``line_id``, ``digit``)."""
    announcement = (
        Announcement.objects.filter(services=OuterRef("service_id"), active=True)
        .order_by("-created_at", "-id")
        .values(row=JSONObject(**{name: name for name in ANNOUNCEMENT_PLAYED}))[:1]
    )
    return (
        MenuOption.objects.select_related("queue")
        .filter(line_id=values["line_id"], digit=values["digit"])
        .annotate(announcement_now=Subquery(announcement, output_field=JSONField()))
    )


#: ``_menu_option``'s values as markers no real value equals (``compiled.first``).
_MENU_OPTION_MARKERS = {"line_id": -917_100_001, "digit": "\x00menu-option-digit\x00"}


def _menu_option(line_id: int, digit: str) -> MenuOption | None:
    """The line's option for the digit, with its queue and its service's newest active
    announcement (``announcement_now``, the fields played, as in ``_line_query``): one query,
    compiled once per process (``compiled.first``)."""
    return compiled.first(
        MenuOption, "menu_option", _menu_option_query, {"line_id": line_id, "digit": digit}, _MENU_OPTION_MARKERS
    )


def call_route(*, call: Call, queue, service_id: int | None = None) -> Routed:
    """Into the queue: straight to an available agent, or wait there (``routing``), the menu
    choice's ``service_id`` and, for a recorded call whose caller was not told yet, the
    recording notice written in the same ``UPDATE`` (autocommit: waiting in the queue is that
    one statement; an agent free is the locked path)."""
    also = {"service_id": service_id} if service_id is not None else {}
    call.queue = queue  # whether the call is recorded depends on the queue it goes to
    notice = call_recording.notice_due(call)
    if notice:
        also["recording_notice"] = True
    routing.route_call_waiting_first(call=call, queue=queue, also=also)
    return Routed(notice_noted=notice)


def call_route_from_menu(*, call: Call, digits: str) -> Routed:
    """A menu choice (the first key): the option's service (demand for spike detection when the
    line has none); its service's announcement first when there is one and the caller has not
    heard one yet; then its queue. No key or a wrong one: the line's own queue."""
    digit = digits[:1]
    option = _menu_option(call.line_id, digit) if call.line_id and digit else None
    if option is None:
        return call_route(call=call, queue=call.line.queue if call.line_id else None)
    announcement = _announcement_from_row(option.announcement_now) if option.service_id else None
    if announcement is not None and call.announcement_id is None:
        call_chose(call=call, service_id=option.service_id)
        call_heard_announcement(call=call, announcement=announcement)
        return Routed(announcement=announcement, digit=option.digit)
    if option.service_id is not None:
        _choice_demand(call, option.service_id)
    return call_route(call=call, queue=option.queue, service_id=option.service_id)


def call_route_after_announcement(*, call: Call, digit: str) -> Routed | None:
    """1 pressed after an announcement: the caller continues; after a menu option's announcement
    (its ``digit``), on to that option's queue. None when there is no such option (the line's
    own announcement: the hook greets or identifies the caller next)."""
    call_continued(call=call)
    option = call.line.menu.select_related("queue").filter(digit=digit).first() if call.line_id and digit else None
    if option is None:
        return None
    return call_route(call=call, queue=option.queue)


def call_heard_announcement(*, call: Call, announcement: Announcement) -> None:
    Call.objects.filter(pk=call.pk, announcement__isnull=True).update(announcement=announcement)


def call_continued(*, call: Call) -> None:
    Call.objects.filter(pk=call.pk).update(continued=True)


@transaction.atomic
def call_status(
    *,
    call_sid: str,
    sequence: int,
    status: str,
    at: datetime | None = None,
    duration: int | None = None,
    flags: list[dict] | None = None,
) -> bool:
    """Apply a status callback once: the event is stored by (CallSid, SequenceNumber); the
    call takes the status of its highest sequence seen, so a late, older event changes
    nothing. A call that ends after an announcement without the caller continuing is a
    deflected call. ``flags``: the event's fields that were left out (noted on the call).
    Returns False for a replay."""
    call = Call.objects.select_for_update().filter(call_sid=call_sid).first()
    if call is None:  # a status for a call we never saw (e.g. outbound): record it now
        call, _new = call_arrived(call_sid=call_sid, from_number="", to_number="", at=at)
        call = Call.objects.select_for_update().get(pk=call.pk)
    at = at or timezone.now()
    try:
        with transaction.atomic():
            CallEvent.objects.create(call=call, sequence=sequence, status=status, at=at, duration=duration)
    except IntegrityError:
        return False
    if flags:
        call.input_flags = _with_flags(call.input_flags, flags)
        call.save(update_fields=["input_flags"])
    if sequence <= call.last_sequence:
        return True  # stored, but older than what the call already shows
    call.last_sequence, call.status = sequence, status
    if status in FINAL_STATUSES:
        call.ended_at = at
        if call.announcement_id and not call.continued:
            call.outcome = CallOutcome.DEFLECTED
        elif call.answered_at is not None and status == "completed":
            if call.talk_seconds is None:  # no agent leg reported it: from the answer to the end
                before_answer = (call.answered_at - call.started_at).total_seconds()
                call.talk_seconds = max(
                    0,
                    round(
                        duration - before_answer if duration is not None else (at - call.answered_at).total_seconds()
                    ),
                )
            call.outcome = call.outcome or (CallOutcome.TRANSFERRED if call.transfers else CallOutcome.ANSWERED)
        elif not call.outcome:
            call.outcome = CallOutcome.MISSED if status in ("no-answer", "busy") else CallOutcome.ABANDONED
    call.save()
    if status in FINAL_STATUSES:
        if call.held_since is not None:  # hung up on hold
            close_hold(call, at)
            call.save(update_fields=["hold_seconds", "held_since"])
        release_agent(call=call, at=at)
    # An outbound call that did not reach the customer is no new callback (contactcenter.outbound
    # keeps its callback open and its dial-list entry for the next try).
    if (
        status in FINAL_STATUSES
        and call.direction != "outbound"
        and (call.contact_id or try_normalize_phone(call.from_number))
    ):
        if call.after_hours:
            if call.outcome != CallOutcome.VOICEMAIL:
                callback_for(call=call, reason=CallbackReason.AFTER_HOURS)
        elif call.outcome in (CallOutcome.ABANDONED, CallOutcome.MISSED):
            callback_for(call=call, reason=call.outcome)
    return True


@transaction.atomic
def call_queue_result(
    *,
    call_sid: str,
    result: str,
    queue_seconds: int | None,
    at: datetime | None = None,
    flags: list[dict] | None = None,
) -> None:
    """The queue's verdict: ``bridged`` (an agent answered: the answer time and the wait),
    ``hangup`` (the caller gave up in the queue: abandoned)."""
    call = Call.objects.select_for_update().filter(call_sid=call_sid).first()
    if call is None:
        return
    at = at or timezone.now()
    if queue_seconds is None and call.queued_at is not None:
        queue_seconds = max(0, round((at - call.queued_at).total_seconds()))
    if result == "bridged" and call.answered_at is None:
        call.answered_at, call.wait_seconds = at, queue_seconds
    elif result in ("hangup", "leave", "error", "system-error") and not call.outcome:
        call.outcome, call.wait_seconds = CallOutcome.ABANDONED, queue_seconds
    call.input_flags = _with_flags(call.input_flags, flags)
    call.save(update_fields=["wait_seconds", "answered_at", "outcome", "input_flags"])


@transaction.atomic
def call_voicemail(
    *, call_sid: str, recording_url: str, seconds: int | None, flags: list[dict] | None = None
) -> Callback | None:
    call = Call.objects.select_for_update().filter(call_sid=call_sid).first()
    if call is None:
        return None
    call.outcome = CallOutcome.VOICEMAIL
    call.input_flags = _with_flags(call.input_flags, flags)
    call.save(update_fields=["outcome", "input_flags"])
    return callback_for(
        call=call, reason=CallbackReason.VOICEMAIL, recording_url=recording_url, recording_seconds=seconds
    )


# --- identification, the bridge, the survey ------------------------------------------------------
MAX_PIN_TRIES = 3


@transaction.atomic
def call_identify(*, call: Call, account_number: str, pin: str) -> bool:
    """An unknown caller keyed their customer's account number and their PIN: the contact
    when they match (True); otherwise one try used (three in all, then anonymous)."""
    call = Call.objects.select_for_update().get(pk=call.pk)
    contact = contact_by_account_and_pin(account_number.strip(), pin.strip())
    if contact is None:
        call.pin_tries += 1
        call.save(update_fields=["pin_tries"])
        return False
    call.contact, call.customer, call.account_number = contact, contact.customer, account_number.strip()[:20]
    call.save(update_fields=["contact", "customer", "account_number"])
    return True


def bridge_for_pin(pin: str) -> MajorIncident | None:
    """The live major incident whose bridge PIN this is (one indexed query)."""
    pin = (pin or "").strip()
    if not pin.isdigit():
        return None
    return MajorIncident.objects.filter(bridge_pin=pin).exclude(status=MajorIncidentStatus.CLOSED).first()


def call_rated(*, call: Call, digits: str) -> bool:
    """The post-call survey: a rating 1–5 by keypad (anything else is not a rating)."""
    digits = (digits or "").strip()
    if digits not in {"1", "2", "3", "4", "5"}:
        return False
    Call.objects.filter(pk=call.pk, csat__isnull=True).update(csat=int(digits))
    return True


def call_solved_answered(*, call: Call, digits: str) -> bool:
    """The keypad survey's "Was your issue solved on this call?": 1 yes, 2 no (anything else
    is no answer). The first answer stays (issue 24.14, first-call resolution by survey)."""
    digits = (digits or "").strip()
    if digits not in {"1", "2"}:
        return False
    Call.objects.filter(pk=call.pk, solved_on_call__isnull=True).update(solved_on_call=digits == "1")
    return True


def call_link_incident(*, call: Call, incident) -> Call:
    """The call is about this incident (its CSAT then counts for it too)."""
    Call.objects.filter(pk=call.pk).update(incident=incident)
    call.incident = incident
    return call


@transaction.atomic
def callback_claim(*, callback_id: int, actor) -> Callback:
    """An agent takes the callback (409 when someone already has it)."""
    callback = Callback.objects.select_for_update().get(pk=callback_id)
    if callback.status != CallbackStatus.OPEN:
        raise InvalidTransitionError("Someone has already taken this callback.", callback.status)
    callback.status, callback.agent, callback.claimed_at = CallbackStatus.CLAIMED, actor, timezone.now()
    callback._history_user = actor
    callback.save()
    return callback


@transaction.atomic
def callback_complete(*, callback_id: int, actor) -> Callback:
    """The caller was called back (409 when it is already done)."""
    callback = Callback.objects.select_for_update().get(pk=callback_id)
    if callback.status == CallbackStatus.DONE:
        raise InvalidTransitionError("This callback is already done.", callback.status)
    callback.status, callback.done_at = CallbackStatus.DONE, timezone.now()
    callback.agent = callback.agent or actor
    callback._history_user = actor
    callback.save()
    return callback
