"""Calls routed through a Twilio conference, and live supervision (issue 22.4).

With ``CONTACT_CENTER_CONFERENCE`` on, a caller put through to an agent does not ``<Dial>`` the
agent: the caller joins a conference named after the call (``call-<CallSid>``, waiting with
music until the agent is there), and the desk adds the agent's leg to it through Twilio's REST
API (``participants.create``) as soon as Twilio reports the caller in the conference. The
conference's events come back to ``/telephony/twilio/conference/`` (signed, each stored once):
the agent joining is the answer, the agent leaving ends the talk time; an agent who does not
pick up is set offline and the call goes to the next agent or back to the queue, as with
``<Dial>``.

A supervisor (managers and administrators) can then, from the live calls page or the
wallboard:

- **listen**: their phone (or Voice SDK client) is added to the conference muted;
- **whisper** (coach): their leg is unmuted with ``coaching=true`` and ``callSidToCoach`` the
  agent's leg: only the agent hears them;
- **barge** in: unmuted, coaching off: caller and agent both hear them;
- **leave**: their leg is taken out of the conference.

Every action is logged (``SupervisionAction``, with history). The database is written first,
in one transaction under the call's row lock; the REST request follows the commit. When Twilio
refuses or cannot be reached the page says so and a Celery task tries again
(``send_supervision``, a few times); the page never answers 500.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.models import AgentProfile
from core.errors import InvalidTransitionError
from core.roles import Role, has_role

from . import routing
from .models import Call, Conference, ConferenceEvent, ConferenceLeg, SupervisionAction, SupervisionKind
from .telephony import get_telephony_backend, hook_url

logger = logging.getLogger(__name__)

Leg = ConferenceLeg
LIVE = (Leg.Status.REQUESTED, Leg.Status.JOINED)


def conference_routing() -> bool:
    """Whether calls meet their agent in a conference (``CONTACT_CENTER_CONFERENCE``)."""
    return bool(getattr(settings, "CONTACT_CENTER_CONFERENCE", False))


def conference_name(call: Call) -> str:
    return f"call-{call.call_sid}"


# --- the caller's side: TwiML ---------------------------------------------------------------------
def _recording_kwargs(call: Call) -> dict:
    """CC-A's recording attributes for the call's ``<Conference>`` ({} when not recorded)."""
    try:
        from .recording import dial_recording_kwargs
    except ImportError:  # pragma: no cover - recording comes with issue 22.3
        return {}
    try:
        return dial_recording_kwargs(call, conference=True) or {}
    except TypeError:  # pragma: no cover - a version without the conference switch
        kwargs = dict(dial_recording_kwargs(call) or {})
        if kwargs.get("record"):
            kwargs["record"] = "record-from-start"  # <Dial>'s values do not record a <Conference>
        return kwargs


def join_conference(response, call: Call) -> None:
    """The caller's TwiML: into the call's conference, hearing the queue's music until the
    agent joins (the agent's leg starts the conference); when the conference ends the caller
    goes on at ``conference_done`` (the survey). Records the conference (once)."""
    conference, _new = Conference.objects.get_or_create(call=call, defaults={"name": conference_name(call)})
    conference_recording = _recording_kwargs(call)  # the <Conference> noun records a conference
    dial = response.dial(action=reverse("telephony:conference_done"), method="POST")
    dial.conference(conference.name, start_conference_on_enter=False, end_conference_on_exit=True, beep=False,
                    wait_url=reverse("telephony:wait"), wait_method="POST",
                    status_callback=hook_url("conference", f"call={call.call_sid}"), status_callback_method="POST",
                    status_callback_event="start end join leave", **conference_recording)


# --- the agent's leg ------------------------------------------------------------------------------
def _endpoint(user) -> str:
    """Where a person's leg rings: their Voice SDK client, or their phone."""
    if settings.CONTACT_CENTER_AGENT_ENDPOINT == "phone":
        phone = AgentProfile.objects.filter(user=user).values_list("phone", flat=True).first()
        return phone or ""
    return f"client:{user.get_username()}"


def _from_number(call: Call) -> str:
    return call.to_number if call.direction == "inbound" else call.from_number


def request_agent_leg(call: Call) -> None:
    """Ring the call's agent into its conference once this transaction commits."""
    from .tasks import add_agent_leg

    call_id = call.pk
    transaction.on_commit(lambda: add_agent_leg.delay(call_id))


def add_agent_leg(call_id: int) -> ConferenceLeg | None:
    """Ring the call's agent into the conference (the task's body; raises the provider's
    errors for the task to retry). Nothing when the conference is not there yet (the caller's
    joining asks again), the call has no agent or ended, or that agent's leg is already live."""
    with transaction.atomic():
        call = Call.objects.select_for_update().filter(pk=call_id).first()
        conference = Conference.objects.filter(call_id=call_id).first() if call is not None else None
        if conference is None or not conference.sid or call.agent_id is None or call.ended_at is not None:
            return None
        leg, created = Leg.objects.get_or_create(conference=conference, user_id=call.agent_id, role=Leg.Role.AGENT,
                                                 status__in=LIVE, defaults={"status": Leg.Status.REQUESTED})
        if not created and leg.call_sid:
            return leg
    leg.call_sid = get_telephony_backend().add_participant(
        conference_sid=conference.sid, to=_endpoint(call.agent), from_=_from_number(call), label="agent",
        status_callback=hook_url("conference", f"call={call.call_sid}&leg={leg.pk}"), start_on_enter=True,
        end_on_exit=True, timeout=routing.ring_seconds())
    Leg.objects.filter(pk=leg.pk).update(call_sid=leg.call_sid)
    return leg


# --- the conference's events ----------------------------------------------------------------------
@dataclass(frozen=True)
class Event:
    """One callback of the conference hook: a conference event (``ConferenceSid`` and
    ``StatusCallbackEvent``) or the progress of a leg the desk added (``leg`` and
    ``CallStatus``)."""

    call_sid: str  # the caller's, from the signed URL
    sid: str  # ConferenceSid, or the leg's CallSid
    sequence: int
    event: str  # participant-join, participant-leave, conference-end, … or the leg's CallStatus
    participant: str = ""  # the CallSid the event is about
    leg: int | None = None


@transaction.atomic
def conference_event(event: Event, *, at: datetime | None = None) -> bool:
    """Apply one conference callback once (a replay, same sid and sequence, changes nothing).
    Returns whether it was new. An unknown call or conference changes nothing."""
    at = at or timezone.now()
    call = Call.objects.select_for_update().filter(call_sid=event.call_sid).first()
    conference = Conference.objects.filter(call=call).first() if call is not None else None
    if conference is None:
        return False
    try:
        with transaction.atomic():
            ConferenceEvent.objects.create(conference=conference, sid=event.sid, sequence=event.sequence,
                                           event=event.event[:32], call_sid=event.participant, received_at=at)
    except IntegrityError:
        return False  # already applied
    if event.leg is not None:
        _leg_progress(call, conference, event, at)
    elif event.event == "participant-join":
        _joined(call, conference, event, at)
    elif event.event == "participant-leave":
        _left(call, conference, event, at)
    elif event.event == "conference-end":
        conference.ended_at = at
        conference.save(update_fields=["ended_at"])
        Leg.objects.filter(conference=conference, status__in=LIVE).update(status=Leg.Status.LEFT, left_at=at)
    return True


def _joined(call: Call, conference: Conference, event: Event, at: datetime) -> None:
    if event.participant == call.call_sid:  # the caller is in (again, after a hold): ring the agent
        if conference.sid != event.sid or conference.ended_at is not None:
            conference.sid, conference.ended_at = event.sid, None
            conference.save(update_fields=["sid", "ended_at"])
        request_agent_leg(call)
        return
    leg = Leg.objects.filter(conference=conference, call_sid=event.participant, status=Leg.Status.REQUESTED).first()
    if leg is None:
        return
    leg.status, leg.joined_at = Leg.Status.JOINED, at
    leg.save(update_fields=["status", "joined_at"])
    if leg.role == Leg.Role.AGENT and leg.user_id == call.agent_id:
        if call.answered_at is None:
            call.answered_at = at  # the agent picked up: the call is answered now
            call.wait_seconds = max(0, round((at - (call.queued_at or call.started_at)).total_seconds()))
            call.save(update_fields=["answered_at", "wait_seconds"])
        agent_joined(call, conference)  # after a transfer: the caller off hold


def _left(call: Call, conference: Conference, event: Event, at: datetime) -> None:
    leg = Leg.objects.filter(conference=conference, call_sid=event.participant, status__in=LIVE).first()
    if leg is None:
        return
    joined_at = leg.joined_at
    leg.status, leg.left_at = Leg.Status.LEFT, at
    leg.save(update_fields=["status", "left_at"])
    # A hold that moved the caller out (no live conference then): the agent is rung again on
    # resume. A hold inside the conference (``caller_held``) leaves the agent there: their
    # leaving ends the talk.
    if leg.role == Leg.Role.AGENT and leg.user_id == call.agent_id and joined_at is not None \
            and (call.held_since is None or conference.caller_held):
        talk = max(0, round((at - joined_at).total_seconds()))
        routing.call_connected(call_sid=call.call_sid, talk_seconds=talk, at=at)  # the agent to wrap-up


NOT_ANSWERED = ("no-answer", "busy", "failed", "canceled")


def _leg_progress(call: Call, conference: Conference, event: Event, at: datetime) -> None:
    """A leg the desk rang: not answered → failed; for the call's agent, as a ``<Dial>`` that
    rang out: the agent offline, the call to the next agent or back to wait in its queue."""
    leg = Leg.objects.filter(pk=event.leg, conference=conference).first()
    if leg is None or event.event not in NOT_ANSWERED or leg.status != Leg.Status.REQUESTED:
        return
    leg.status, leg.left_at = Leg.Status.FAILED, at
    leg.save(update_fields=["status", "left_at"])
    if leg.role != Leg.Role.AGENT or leg.user_id != call.agent_id or call.ended_at is not None:
        return
    call = routing.call_not_answered(call_sid=call.call_sid, at=at)
    if call.agent_id is not None:
        request_agent_leg(call)  # the caller is still in the conference: ring the next agent
    elif not conference.caller_held:
        routing.redirect_on_commit(call.call_sid)  # nobody free: the caller goes to wait in the queue
    # else: a transferred caller waits on hold in the conference; the next agent free is rung into it


# --- supervision ----------------------------------------------------------------------------------
class SupervisionDelayed(Exception):
    """Twilio did not take the request; a task tries again."""


def live_calls():
    """Calls in progress with an agent in a conference, for the supervisors' page (one query)."""
    return (Call.objects.filter(ended_at__isnull=True, agent__isnull=False, conference__isnull=False,
                                conference__ended_at__isnull=True)
            .select_related("agent", "queue", "contact", "conference").order_by("started_at", "id"))


def _live_leg(conference: Conference, user, role: str) -> ConferenceLeg | None:
    return Leg.objects.filter(conference=conference, user=user, role=role, status__in=LIVE).first()


@transaction.atomic
def may_supervise(user) -> bool:
    """Who may listen to, coach or join a live call: managers and administrators."""
    return has_role(user, Role.MANAGER, Role.ADMIN)


def supervise(*, call_id: int, supervisor, action: str, at: datetime | None = None) -> SupervisionAction:
    """Record a supervisor's action on a live call (refused with a reason when the call is
    not live in a conference, or the supervisor is not listening yet); the provider is asked
    after the commit (``send``)."""
    if not may_supervise(supervisor):
        raise PermissionDenied(_("Only managers and administrators supervise calls."))
    if action not in SupervisionKind.values:
        raise InvalidTransitionError(_("Choose listen, whisper, barge or leave."), action)
    at = at or timezone.now()
    call = Call.objects.select_for_update().filter(pk=call_id).first()
    conference = Conference.objects.filter(call=call).first() if call is not None else None
    if call is None or conference is None or call.ended_at is not None or conference.ended_at is not None \
            or not conference.sid:
        raise InvalidTransitionError(_("This call is not live in a conference."), "ended")
    agent_leg = Leg.objects.filter(conference=conference, role=Leg.Role.AGENT, user_id=call.agent_id,
                                   status=Leg.Status.JOINED).exclude(call_sid="").first()
    leg = _live_leg(conference, supervisor, Leg.Role.SUPERVISOR)
    if action == SupervisionKind.LISTEN:
        if agent_leg is None:
            raise InvalidTransitionError(_("The agent is not on the call yet."), "ringing")
        if leg is None:
            leg = Leg.objects.create(conference=conference, user=supervisor, role=Leg.Role.SUPERVISOR, muted=True,
                                     created_at=at)
        else:
            leg.muted, leg.coaching = True, False
            leg.save(update_fields=["muted", "coaching"])
    else:
        if leg is None:
            raise InvalidTransitionError(_("Listen to the call first."), "not_listening")
        if action == SupervisionKind.WHISPER:
            if agent_leg is None:
                raise InvalidTransitionError(_("The agent is not on the call."), "ringing")
            leg.muted, leg.coaching = False, True
        elif action == SupervisionKind.BARGE:
            leg.muted, leg.coaching = False, False
        else:
            leg.status, leg.left_at = Leg.Status.LEFT, at
        leg.save(update_fields=["muted", "coaching", "status", "left_at"])
    return SupervisionAction.objects.create(call=call, supervisor=supervisor, action=action, leg=leg, at=at)


def send(action: SupervisionAction) -> None:
    """Ask Twilio to do what ``action`` recorded (raises the provider's errors)."""
    leg = action.leg
    conference = leg.conference
    backend = get_telephony_backend()
    if action.action == SupervisionKind.LISTEN:
        if leg.call_sid:  # already in: back to listening only
            backend.update_participant(conference_sid=conference.sid, call_sid=leg.call_sid, muted=True,
                                       coaching=False)
            return
        leg.call_sid = backend.add_participant(
            conference_sid=conference.sid, to=_endpoint(action.supervisor), from_=_from_number(action.call),
            label=f"supervisor-{action.supervisor_id}", muted=True, start_on_enter=False, end_on_exit=False,
            status_callback=hook_url("conference", f"call={action.call.call_sid}&leg={leg.pk}"))
        Leg.objects.filter(pk=leg.pk).update(call_sid=leg.call_sid)
        return
    if not leg.call_sid:
        raise SupervisionDelayed(_("Your phone has not joined the call yet."))
    if action.action == SupervisionKind.WHISPER:
        agent_leg = (Leg.objects.filter(conference=conference, role=Leg.Role.AGENT, status=Leg.Status.JOINED)
                     .exclude(call_sid="").order_by("-joined_at").first())
        backend.update_participant(conference_sid=conference.sid, call_sid=leg.call_sid, muted=False, coaching=True,
                                   call_sid_to_coach=agent_leg.call_sid if agent_leg else "")
    elif action.action == SupervisionKind.BARGE:
        backend.update_participant(conference_sid=conference.sid, call_sid=leg.call_sid, muted=False, coaching=False)
    else:
        backend.remove_participant(conference_sid=conference.sid, call_sid=leg.call_sid)


def provider_problem(exc: Exception) -> str | None:
    """What to tell the supervisor about a provider error worth a retry; None for any other
    exception (a bug: raised)."""
    from requests.exceptions import RequestException
    from twilio.base.exceptions import TwilioException, TwilioRestException

    if isinstance(exc, TwilioRestException):
        return _("Twilio refused the request (%(code)s: %(message)s).") % {"code": exc.code or exc.status,
                                                                          "message": exc.msg}
    if isinstance(exc, RequestException | TwilioException | ConnectionError | TimeoutError | SupervisionDelayed):
        return _("Twilio could not be reached.") if not isinstance(exc, SupervisionDelayed) else str(exc)
    return None


def supervise_now(*, call_id: int, supervisor, action: str) -> SupervisionAction:
    """``supervise``, then the request to Twilio at once (the supervisor waits for it). A
    provider error raises ``SupervisionDelayed`` with what to say, after queueing a retry."""
    from .tasks import send_supervision

    recorded = supervise(call_id=call_id, supervisor=supervisor, action=action)
    recorded = SupervisionAction.objects.select_related("leg__conference", "call", "supervisor").get(pk=recorded.pk)
    try:
        send(recorded)
    except Exception as exc:
        problem = provider_problem(exc)
        if problem is None:
            raise
        logger.warning("supervision %s of call %s: %s", action, call_id, exc)
        send_supervision.apply_async((recorded.pk,), countdown=5)
        raise SupervisionDelayed(_("%(problem)s The desk tries again in a few seconds.") % {"problem": problem}
                                 ) from exc
    return recorded


# --- hold and transfer inside the conference (issue 22.4 leftovers) -------------------------------
# With conference routing the caller stays in the call's conference for a hold or a transfer,
# so a supervisor listening stays on the call: Twilio's participant update puts the caller's
# participant on hold (``Hold=true``, ``HoldUrl`` our hold music; ``Hold=false`` back), and a
# transfer takes the first agent's leg out of the conference (first ``EndConferenceOnExit=false``
# on it, so that its leaving does not end the conference, then the participant is removed),
# holds the caller and rings the next agent into the same conference; the caller's hold ends
# when that agent joins. No agent free: the caller waits on hold in the conference and the next
# agent to free up is rung into it. The database is written first (routing's transaction); the
# REST requests follow the commit at once; when Twilio refuses or cannot be reached the agent is
# told so and the task ``conference_request`` tries again (it sends the state the database holds
# then, so a late retry never undoes a newer action).
def live_conference(call: Call) -> Conference | None:
    """The call's conference while the caller is in it (conference routing on, started and not
    ended); None otherwise (the caller's leg is then moved with a redirect)."""
    if not conference_routing() or call is None:
        return None
    return Conference.objects.filter(call_id=call.pk, ended_at__isnull=True).exclude(sid="").first()


def _send_on_commit(call: Call, kind: str, *args) -> None:
    """Send the conference request ``kind`` once the transaction commits; a provider error
    leaves what to tell the agent on ``call.provider_problem`` and queues the retry."""
    from .tasks import conference_request

    call.provider_problem = None
    call_id = call.pk

    def run():
        try:
            send_conference_request(kind, call_id, *args)
        except Exception as exc:
            problem = provider_problem(exc)
            if problem is None:
                logger.exception("conference %s of call %s failed", kind, call_id)
                problem = _("Twilio could not be reached.")
            else:
                logger.warning("conference %s of call %s: %s", kind, call_id, exc)
            conference_request.apply_async((kind, call_id, *args), countdown=5)
            call.provider_problem = _("%(problem)s The desk tries again in a few seconds.") % {"problem": problem}

    transaction.on_commit(run)


def hold_caller(call: Call, conference: Conference, *, held: bool) -> None:
    """The agent holds or resumes the caller in the conference (inside routing's transaction)."""
    Conference.objects.filter(pk=conference.pk).update(caller_held=held)
    _send_on_commit(call, "hold")


def transfer_in_conference(call: Call, conference: Conference, *, from_agent_id: int | None,
                           at: datetime) -> None:
    """A transfer (inside routing's transaction, after the call was routed in the new queue):
    the first agent's leg leaves, the caller is held until the next agent joins."""
    legs = list(Leg.objects.filter(conference=conference, role=Leg.Role.AGENT, user_id=from_agent_id,
                                   status__in=LIVE).values_list("pk", flat=True)) if from_agent_id else []
    Leg.objects.filter(pk__in=legs).update(status=Leg.Status.LEFT, left_at=at)
    Conference.objects.filter(pk=conference.pk).update(caller_held=True)
    _send_on_commit(call, "transfer", legs)


def _missing(exc: Exception) -> bool:
    """Twilio answered 404: the participant (or conference) is gone already."""
    from twilio.base.exceptions import TwilioRestException

    return isinstance(exc, TwilioRestException) and exc.status == 404


def send_caller_hold(call_id: int) -> None:
    """Tell Twilio whether the caller's participant is held, as the database says now."""
    call = Call.objects.filter(pk=call_id).only("call_sid").first()
    conference = Conference.objects.filter(call_id=call_id).first() if call is not None else None
    if conference is None or not conference.sid or conference.ended_at is not None:
        return
    held = conference.caller_held
    get_telephony_backend().update_participant(
        conference_sid=conference.sid, call_sid=call.call_sid, hold=held,
        hold_url=hook_url("conference_hold", f"call={call.call_sid}") if held else None)


def send_transfer(call_id: int, leg_ids: list[int]) -> None:
    """The first agent's legs out (their leaving no longer ends the conference), the caller on
    hold, the next agent rung. Each step may be sent again: a leg already gone counts as out."""
    backend = get_telephony_backend()
    for leg in Leg.objects.filter(pk__in=leg_ids).exclude(call_sid="").select_related("conference"):
        try:
            backend.update_participant(conference_sid=leg.conference.sid, call_sid=leg.call_sid,
                                       end_conference_on_exit=False)
        except Exception as exc:
            if not _missing(exc):
                raise
            continue
        backend.remove_participant(conference_sid=leg.conference.sid, call_sid=leg.call_sid)
    send_caller_hold(call_id)
    add_agent_leg(call_id)


def send_conference_request(kind: str, call_id: int, *args) -> None:
    """What ``_send_on_commit`` and the retry task send (raises the provider's errors)."""
    if kind == "hold":
        send_caller_hold(call_id)
    elif kind == "transfer":
        send_transfer(call_id, *args)
    elif kind == "agent":
        add_agent_leg(call_id)
    else:  # pragma: no cover - a programming error
        raise ValueError(kind)


def agent_joined(call: Call, conference: Conference) -> None:
    """The call's (next) agent joined: a caller held for the transfer hears them now."""
    if conference.caller_held and call.held_since is None:
        Conference.objects.filter(pk=conference.pk).update(caller_held=False)
        conference.caller_held = False
        _send_on_commit(call, "hold")


def offer_in_conference(call: Call) -> bool:
    """An agent freed up for a call waiting on hold in its conference (after a transfer): ring
    them into it (True); False when the caller is not in a conference (routing redirects)."""
    conference = live_conference(call)
    if conference is None or not conference.caller_held:
        return False
    request_agent_leg(call)
    return True
