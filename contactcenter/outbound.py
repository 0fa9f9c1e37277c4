"""Outbound calls (issue 22.2): click-to-call from a callback task, a contact or a ticket, and
the auto-dial lists of a callback queue in preview mode.

A click places one REST call (``calls.create``) to the **agent's** phone (their profile's
mobile) from the line's number; when the agent answers, the signed hook
``/telephony/twilio/outbound/agent/`` answers TwiML that dials the **customer** with the
line's caller ID. The call is in the call log from the click (``direction="outbound"``,
``placed_by`` and ``agent`` the agent, linked to the callback, the contact and the ticket);
Twilio's status callbacks then fill it in like any other call. A callback is done when its
call ends ``completed`` with the customer's leg answered, never by an unanswered call.

Errors from Twilio's REST API never become a 500: an invalid number and other refusals are
a clear message (the call is logged as failed, with the reason); a rate limit, a Twilio
outage or a network failure is a message too, and the Celery task ``place_outbound_call``
tries again a few times before the call is given up.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from catalog.models import AgentProfile, Contact
from catalog.phone import try_normalize_phone
from core.errors import InvalidTransitionError
from core.roles import Role, has_role, is_staff_member
from incidents.selectors import incidents_visible_to
from servicerequests.selectors import requests_visible_to
from sla.calendar import CalendarError, intervals_from
from sla.models import BusinessCalendar

from .choices import FINAL_STATUSES, AgentStateChoice, CallbackStatus, CallOutcome, DialEntryStatus
from .models import AgentState, Call, Callback, DialList, DialListEntry, Line
from .telephony import get_telephony_backend, hook_url

logger = logging.getLogger(__name__)

PENDING = "pending-"  # a call's sid until Twilio names it
OUTBOUND = "outbound"
#: How long the agent previewing a dial-list entry keeps it from the other agents.
RESERVATION = timedelta(minutes=5)
#: The customer's phone rings this long (TwiML ``<Dial timeout>``).
CUSTOMER_RING_SECONDS = 30
MANAGERS = (Role.MANAGER, Role.ADMIN)


class RetryableError(Exception):
    """Twilio could not take the call now (rate limit, outage, network): worth another try."""


# --- what is dialled -----------------------------------------------------------------------------
@dataclass
class DialTarget:
    """Who to call and what the call is about."""

    numbers: list[str]  # the customer's numbers (E.164), best first
    contact: Contact | None = None
    callback: Callback | None = None
    ticket_kind: str = ""
    ticket: object | None = None
    line: Line | None = None
    entry: DialListEntry | None = None

    @property
    def ticket_id(self) -> int | None:
        return getattr(self.ticket, "pk", None)


def _contact_numbers(contact: Contact | None) -> list[str]:
    if contact is None:
        return []
    return list(contact.phones.order_by("position", "id").values_list("number", flat=True))


def _is_manager(user) -> bool:
    return has_role(user, *MANAGERS)


def callbacks_dialable_by(user):
    """The callbacks ``user`` may dial: their own and unassigned ones; a manager any."""
    qs = Callback.objects.select_related("contact", "call__line", "call__queue")
    if not is_staff_member(user):
        return qs.none()
    return qs if _is_manager(user) else qs.filter(Q(agent=user) | Q(agent__isnull=True))


def target_for_callback(user, pk: int) -> DialTarget | None:
    callback = callbacks_dialable_by(user).filter(pk=pk).first()
    if callback is None:
        return None
    numbers = [n for n in [callback.number, *_contact_numbers(callback.contact)] if n]
    return DialTarget(numbers=list(dict.fromkeys(numbers)), contact=callback.contact, callback=callback,
                      line=callback.call.line if callback.call_id else None)


def target_for_contact(user, pk: int) -> DialTarget | None:
    if not is_staff_member(user):
        return None
    contact = Contact.objects.select_related("customer").filter(pk=pk).first()
    return DialTarget(numbers=_contact_numbers(contact), contact=contact) if contact is not None else None


#: Ticket kinds an agent dials from: kind -> (user, pk) -> (ticket, contact) or None when the
#: user may not see it. Apps below the contact center register theirs (``register_ticket``).
TICKETS: dict[str, Callable] = {}


def register_ticket(kind: str, resolve: Callable) -> None:
    """A ticket kind click-to-call knows: ``resolve(user, pk)`` returns ``(ticket, contact)``
    for a ticket the user may see, else None. (crm registers complaints this way: it sits
    below the contact center and so may not be imported here.)"""
    TICKETS[kind] = resolve


def _incident(user, pk):
    incident = incidents_visible_to(user).select_related("contact").filter(pk=pk).first()
    return (incident, incident.contact) if incident is not None else None


def _request(user, pk):
    request = requests_visible_to(user).select_related("requested_for__contact", "requested_by__contact").filter(
        pk=pk).first()
    if request is None:
        return None
    contact = (getattr(request.requested_for, "contact", None) if request.requested_for_id else None) or (
        getattr(request.requested_by, "contact", None) if request.requested_by_id else None)
    return request, contact


register_ticket("incident", _incident)
register_ticket("request", _request)


def target_for_ticket(user, kind: str, pk: int) -> DialTarget | None:
    resolve = TICKETS.get(kind)
    if resolve is None or not is_staff_member(user):
        return None
    found = resolve(user, pk)
    if found is None:
        return None
    ticket, contact = found
    return DialTarget(numbers=_contact_numbers(contact), contact=contact, ticket_kind=kind, ticket=ticket)


# --- opening hours -------------------------------------------------------------------------------
def open_now(calendar_id: int | None, at: datetime | None = None) -> tuple[bool, datetime | None]:
    """Whether the calendar is open at ``at`` (no calendar: always), and else when it opens."""
    if calendar_id is None:
        return True, None
    at = at or timezone.now()
    spec = BusinessCalendar.objects.prefetch_related("hours", "holidays").get(pk=calendar_id).spec()
    try:
        begin, _end = next(intervals_from(spec, at))
    except (CalendarError, StopIteration):
        return False, None
    return begin <= at, (None if begin <= at else begin)


def dial_list_calendar(dial_list: DialList) -> int | None:
    return dial_list.calendar_id or (dial_list.line.calendar_id if dial_list.line_id else None)


# --- placing a call ------------------------------------------------------------------------------
def _agent_phone(user) -> str:
    phone = AgentProfile.objects.filter(user=user).values_list("phone", flat=True).first() or ""
    if not try_normalize_phone(phone):
        raise ValidationError({"agent": [_("Add your mobile number (E.164) to your profile first: the desk rings "
                                            "you there, then the customer.")]})
    return phone


def _line(target: DialTarget) -> Line:
    if target.line is not None and target.line.is_active:
        return target.line
    line = Line.objects.filter(is_active=True).order_by("pk").first()
    if line is None:
        raise ValidationError({"line": [_("No active line to call from: create a line first.")]})
    return line


def _customer_number(target: DialTarget, number: str | None) -> str:
    if number:
        normalized = try_normalize_phone(number)
        if not normalized:
            raise ValidationError({"number": [_("“%(number)s” is not a phone number.") % {"number": number[:40]}]})
        if target.numbers and normalized not in target.numbers:
            raise ValidationError({"number": [_("Choose one of the contact's numbers.")]})
        return normalized
    for candidate in target.numbers:
        if normalized := try_normalize_phone(candidate):
            return normalized
    raise ValidationError({"number": [_("No phone number is known for this contact.")]})


@dataclass
class Placed:
    """What became of a click: the call, and what to tell the agent."""

    call: Call
    message: str
    ok: bool  # the provider took it (their phone rings now)
    retrying: bool = False


def outbound_dial(*, actor, target: DialTarget, number: str | None = None) -> Placed:
    """Log the outbound call and ask the provider to ring the agent (then the customer).
    Raises ``ValidationError`` for bad input (no agent phone, no number, closed list, used-up
    retries) and ``InvalidTransitionError`` (409) when the agent is on a live call."""
    agent_phone = _agent_phone(actor)
    customer = _customer_number(target, number)
    line = _line(target)
    now = timezone.now()
    with transaction.atomic():
        AgentState.objects.get_or_create(user=actor)
        agent = AgentState.objects.select_for_update().get(user=actor)
        if agent.call_id and Call.objects.filter(pk=agent.call_id, ended_at__isnull=True).exists() and (
                agent.state == AgentStateChoice.BUSY):
            raise InvalidTransitionError(_("Finish your current call first."), agent.state)
        entry = None
        if target.entry is not None:
            entry = _entry_for_dial(target.entry.pk, actor, now)
        callback = target.callback
        queue_id = entry.dial_list.queue_id if entry is not None else (
            callback.call.queue_id if callback is not None and callback.call_id else None)
        call = Call.objects.create(
            call_sid=f"{PENDING}{uuid.uuid4().hex}", direction=OUTBOUND, status="queued", from_number=line.number,
            to_number=customer, line=line, service_id=line.service_id, queue_id=queue_id,
            contact=target.contact, customer_id=target.contact.customer_id if target.contact else None,
            placed_by=actor, agent=actor, callback_task=callback, ticket_kind=target.ticket_kind,
            ticket_id=target.ticket_id, started_at=now,
            incident=target.ticket if target.ticket_kind == "incident" else None)
        if entry is not None:
            entry.attempts += 1
            entry.last_call, entry.last_result = call, ""
            entry.reserved_by, entry.reserved_until = None, None
            entry._history_user = actor
            entry.save()
        if agent.state == AgentStateChoice.AVAILABLE:  # not offered an inbound call meanwhile
            from .routing import _enter

            _enter(agent, AgentStateChoice.BUSY, now, call)
    try:
        place_call(call.pk, agent_phone=agent_phone, last_try=False)
    except RetryableError as exc:
        from .tasks import place_outbound_call

        transaction.on_commit(lambda: place_outbound_call.apply_async((call.pk,), countdown=5))
        return Placed(call, _("Twilio could not take the call just now (%(reason)s). The desk tries again in a few "
                              "seconds: your phone rings then.") % {"reason": exc}, ok=False, retrying=True)
    call.refresh_from_db()
    if call.outbound_error:
        return Placed(call, call.outbound_error, ok=False)
    return Placed(call, _("Your phone rings now: answer it and the desk calls %(number)s.") % {"number": customer},
                  ok=True)


def _entry_for_dial(entry_id: int, actor, now: datetime) -> DialListEntry:
    entry = DialListEntry.objects.select_for_update().select_related("dial_list__line").get(pk=entry_id)
    dial_list = entry.dial_list
    if entry.status != DialEntryStatus.PENDING or not dial_list.active:
        raise InvalidTransitionError(_("This number is no longer on the list."), entry.status)
    if entry.attempts >= dial_list.max_attempts:
        raise ValidationError({"attempts": [_("This number was tried %(n)s times already, the list's limit.")
                                            % {"n": entry.attempts}]})
    if entry.next_attempt_at > now:
        when = f"{timezone.localtime(entry.next_attempt_at):%Y-%m-%d %H:%M}"
        raise ValidationError({"next_attempt_at": [_("This number may be tried again from %(at)s.") % {"at": when}]})
    if entry.reserved_by_id not in (None, actor.pk) and entry.reserved_until and entry.reserved_until > now:
        raise InvalidTransitionError(_("Another agent is about to dial this number."), entry.status)
    is_open, opens = open_now(dial_list_calendar(dial_list), now)
    if not is_open:
        raise ValidationError({"opening_hours": [_closed_message(opens)]})
    return entry


def _closed_message(opens: datetime | None) -> str:
    if opens is None:
        return _("Outside opening hours: the list's calendar has no opening time ahead.")
    return _("Outside opening hours: dialling starts again at %(at)s.") % {
        "at": f"{timezone.localtime(opens):%Y-%m-%d %H:%M}"}


def _why(exc: Exception) -> tuple[bool, str]:
    """(worth a retry, what to tell the agent) for what the provider raised."""
    from requests.exceptions import RequestException  # twilio's HTTP client is requests
    from twilio.base.exceptions import TwilioRestException

    if isinstance(exc, TwilioRestException):
        if exc.status == 429 or exc.code == 20429:
            return True, _("Twilio's rate limit")
        if exc.status >= 500:
            return True, _("Twilio is unavailable (HTTP %(status)s)") % {"status": exc.status}
        if exc.code == 21211:
            return False, _("Twilio refused the call: the number dialled first is not valid (error 21211). Check "
                            "your mobile number in your profile.")
        return False, _("Twilio refused the call: %(message)s (error %(code)s).") % {
            "message": str(exc.msg or "")[:200], "code": exc.code}
    if isinstance(exc, RequestException | ConnectionError | TimeoutError):
        return True, _("Twilio could not be reached")
    logger.exception("placing an outbound call failed")
    return False, _("The call could not be placed (%(error)s).") % {"error": type(exc).__name__}


def place_call(call_id: int, *, agent_phone: str | None = None, last_try: bool = True) -> None:
    """Ask the provider to ring the agent for this logged call (once: a call already placed or
    given up is left alone). A refusal ends the call with the reason; a retryable failure
    raises ``RetryableError`` (unless it was the ``last_try``: then the call is given up)."""
    call = Call.objects.select_related("line", "placed_by").filter(pk=call_id).first()
    if call is None or not call.call_sid.startswith(PENDING) or call.ended_at is not None:
        return
    try:
        phone = agent_phone or _agent_phone(call.placed_by)
    except ValidationError as exc:
        outbound_failed(call.pk, " ".join(exc.messages))
        return
    query = f"call={call.pk}"
    try:
        sid = get_telephony_backend().place_call(
            to=phone, from_=call.line.number if call.line_id else call.from_number,
            url=hook_url("outbound-agent", query), status_callback=hook_url("outbound-status", query),
            timeout=_agent_ring_seconds())
    except Exception as exc:  # the provider's errors are many: each is a message or a retry, never a 500
        retry, reason = _why(exc)
        if retry and not last_try:
            raise RetryableError(reason) from exc
        outbound_failed(call.pk, reason if not retry else
                        _("Twilio could not take the call (%(reason)s), even after several tries.")
                        % {"reason": reason})
        return
    Call.objects.filter(pk=call.pk, call_sid=call.call_sid).update(call_sid=sid[:64], status="initiated")


def _agent_ring_seconds() -> int:
    from .routing import ring_seconds

    return ring_seconds()


@transaction.atomic
def outbound_failed(call_id: int, reason: str) -> None:
    """The provider would not place the call: it ends now as failed, with the reason; the
    agent is free again and a dial-list entry waits for its next try."""
    call = Call.objects.select_for_update().filter(pk=call_id, ended_at__isnull=True).first()
    if call is None:
        return
    now = timezone.now()
    call.status, call.ended_at, call.outcome, call.outbound_error = "failed", now, CallOutcome.MISSED, reason[:300]
    call.save(update_fields=["status", "ended_at", "outcome", "outbound_error"])
    from .routing import release_agent

    release_agent(call=call, at=now)
    _entry_result(call, reached=False, at=now)


# --- what Twilio reports -------------------------------------------------------------------------
def outbound_call(pk: int | None, call_sid: str) -> Call | None:
    """The outbound call a hook is about (``?call=<pk>``), named by Twilio's sid from now on;
    None when the pk and the sid do not belong together."""
    if pk is None:
        return None
    call = Call.objects.select_related("line", "contact").filter(pk=pk, direction=OUTBOUND).first()
    if call is None:
        return None
    if call.call_sid.startswith(PENDING) and call_sid:
        Call.objects.filter(pk=call.pk, call_sid=call.call_sid).update(call_sid=call_sid)
        call.call_sid = call_sid
    return call if call.call_sid == call_sid else None


@transaction.atomic
def customer_leg(*, call_id: int, status: str, duration: int | None, at: datetime | None = None) -> None:
    """The customer's leg: answered (``in-progress``/``answered``) or ended (``completed`` with
    its talk time; ``no-answer``, ``busy``, ``failed``, ``canceled``: not reached)."""
    call = Call.objects.select_for_update().filter(pk=call_id).first()
    if call is None:
        return
    at = at or timezone.now()
    fields = []
    if status in ("in-progress", "answered") and call.answered_at is None:
        call.answered_at = at
        fields.append("answered_at")
    elif status == "completed" and duration is not None and (duration > 0 or call.answered_at is not None):
        if call.answered_at is None:
            call.answered_at = at - timedelta(seconds=duration)
        call.talk_seconds = duration
        call.outcome = CallOutcome.ANSWERED
        fields += ["answered_at", "talk_seconds", "outcome"]
    elif status in ("no-answer", "busy", "failed", "canceled") and call.answered_at is None and not call.outcome:
        call.outcome = CallOutcome.MISSED
        fields.append("outcome")
    if fields:
        call.save(update_fields=fields)


@transaction.atomic
def outbound_ended(*, call_id: int) -> None:
    """After the call's final status: an answered call closes its callback and its dial-list
    entry; an unanswered one leaves the callback open and schedules the entry's next try.
    Applying it twice changes nothing."""
    call = Call.objects.select_for_update().filter(pk=call_id, direction=OUTBOUND).first()
    if call is None or call.status not in FINAL_STATUSES:
        return
    reached = call.answered_at is not None and call.outcome in (CallOutcome.ANSWERED, CallOutcome.TRANSFERRED)
    if reached and call.callback_task_id:
        callback = Callback.objects.select_for_update().get(pk=call.callback_task_id)
        if callback.status != CallbackStatus.DONE:
            callback.status, callback.done_at = CallbackStatus.DONE, call.ended_at or timezone.now()
            callback.agent = callback.agent or call.placed_by
            callback._history_user = call.placed_by
            callback._change_reason = "answered outbound call"
            callback.save()
    _entry_result(call, reached=reached, at=call.ended_at or timezone.now())


def _entry_result(call: Call, *, reached: bool, at: datetime) -> None:
    entry = (DialListEntry.objects.select_for_update().select_related("dial_list")
             .filter(last_call=call, last_result="", status=DialEntryStatus.PENDING).first())
    if entry is None:
        return
    entry.last_result = call.outcome or call.status
    if reached:
        entry.status, entry.done_at = DialEntryStatus.DONE, at
    elif entry.attempts >= entry.dial_list.max_attempts:
        entry.status, entry.done_at = DialEntryStatus.EXHAUSTED, at
    else:
        entry.next_attempt_at = at + timedelta(minutes=entry.dial_list.retry_minutes)
    entry._history_user = call.placed_by
    entry.save()


# --- dial lists (preview mode) -------------------------------------------------------------------
def dial_lists_for(user):
    """The dial lists ``user`` works: those of queues they have the skill for (a queue without
    a skill: every agent); a manager all of them."""
    qs = DialList.objects.select_related("queue", "line").filter(active=True)
    if not is_staff_member(user):
        return qs.none()
    if _is_manager(user):
        return qs
    skills = AgentProfile.skills.through.objects.filter(agentprofile__user=user).values("skill_id")
    return qs.filter(Q(queue__skill__isnull=True) | Q(queue__skill__in=skills))


def _callbacks_of_queue(dial_list: DialList):
    return (Callback.objects.filter(status__in=[CallbackStatus.OPEN, CallbackStatus.CLAIMED])
            .filter(Q(call__queue=dial_list.queue_id)
                    | Q(call__queue__isnull=True, call__line__queue=dial_list.queue_id))
            .exclude(number=""))


def dial_list_fill(*, dial_list: DialList, limit: int = 500) -> int:
    """Put the queue's open callbacks on the list (one entry per number; a number already on it
    is not added again); entries whose callback was done meanwhile leave the list. Returns how
    many were added."""
    DialListEntry.objects.filter(dial_list=dial_list, status=DialEntryStatus.PENDING,
                                 callback__status=CallbackStatus.DONE).update(status=DialEntryStatus.REMOVED)
    known = DialListEntry.objects.filter(dial_list=dial_list).values("number")
    new = []
    for callback in _callbacks_of_queue(dial_list).exclude(number__in=known).order_by("created_at", "id")[:limit]:
        number = try_normalize_phone(callback.number)
        if number and number not in {entry.number for entry in new}:
            new.append(DialListEntry(dial_list=dial_list, callback=callback, contact_id=callback.contact_id,
                                     number=number))
    if not new:
        return 0
    try:
        with transaction.atomic():
            bulk_create_with_history(new, DialListEntry, default_change_reason="from the queue's callbacks")
    except IntegrityError:  # another agent filled it at the same moment
        return 0
    return len(new)


@dataclass
class Preview:
    entry: DialListEntry | None
    is_open: bool
    opens_at: datetime | None
    waiting: int  # entries due now
    later: int  # entries waiting for their retry time


def dial_list_next(*, dial_list: DialList, agent, at: datetime | None = None) -> Preview:
    """The next number for ``agent`` to see before dialling: theirs if they are previewing one,
    else the longest-due pending entry nobody else previews (reserved for them a few
    minutes). Nothing outside opening hours."""
    dial_list_fill(dial_list=dial_list)  # first: the numbers it adds are due from now, so "now" is after them
    at = at or timezone.now()
    is_open, opens = open_now(dial_list_calendar(dial_list), at)
    pending = DialListEntry.objects.filter(dial_list=dial_list, status=DialEntryStatus.PENDING,
                                           attempts__lt=dial_list.max_attempts)
    waiting = pending.filter(next_attempt_at__lte=at).count()
    later = pending.filter(next_attempt_at__gt=at).count()
    if not is_open:
        return Preview(None, False, opens, waiting, later)
    with transaction.atomic():
        entry = (pending.filter(reserved_by=agent, reserved_until__gt=at).select_related("contact", "callback")
                 .first())
        if entry is None:
            entry = (pending.filter(next_attempt_at__lte=at)
                     .filter(Q(reserved_until__isnull=True) | Q(reserved_until__lte=at) | Q(reserved_by=agent))
                     .order_by("next_attempt_at", "id").select_for_update(skip_locked=True, of=("self",))
                     .select_related("contact", "callback").first())
            if entry is not None:
                DialListEntry.objects.filter(pk=entry.pk).update(reserved_by=agent, reserved_until=at + RESERVATION)
                entry.reserved_by_id, entry.reserved_until = agent.pk, at + RESERVATION
    return Preview(entry, True, None, waiting, later)


@transaction.atomic
def dial_entry_skip(*, entry_id: int, actor, at: datetime | None = None) -> DialListEntry:
    """The agent passes on this number for now: it comes back after the list's retry delay
    (a skip is not an attempt)."""
    at = at or timezone.now()
    entry = DialListEntry.objects.select_for_update().select_related("dial_list").get(pk=entry_id)
    if entry.status != DialEntryStatus.PENDING:
        raise InvalidTransitionError(_("This number is no longer on the list."), entry.status)
    entry.next_attempt_at = at + timedelta(minutes=entry.dial_list.retry_minutes)
    entry.reserved_by, entry.reserved_until = None, None
    entry._history_user = actor
    entry._change_reason = "skipped"
    entry.save()
    return entry


def target_for_entry(entry: DialListEntry) -> DialTarget:
    return DialTarget(numbers=[entry.number], contact=entry.contact, callback=entry.callback,
                      line=entry.dial_list.line, entry=entry)
