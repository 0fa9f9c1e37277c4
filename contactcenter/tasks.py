"""Thin Celery tasks of the contact center. A task imports its service inside its body: the
routing service imports these tasks at the top (to queue a redirect)."""

from celery import shared_task

from .telephony import get_telephony_backend


@shared_task(bind=True, acks_late=True, max_retries=5, default_retry_delay=2)
def redirect_call(self, call_sid: str, url: str) -> None:
    """Ask the provider to move a live call to new TwiML (retried a few times: the caller is waiting)."""
    try:
        get_telephony_backend().redirect(call_sid=call_sid, url=url)
    except Exception as exc:  # the provider's errors are many; all are worth a retry
        raise self.retry(exc=exc) from exc


@shared_task(acks_late=True)
def match_waiting_calls() -> int:
    """Beat, every few seconds: waiting calls and available agents that missed each other."""
    from .routing import match_waiting_calls as match  # routing imports this module at the top (see above)

    return match()


# --- CC-A (issue 22.1, 22.3): recordings ---------------------------------------------------------
@shared_task(bind=True, acks_late=True, max_retries=8)
def fetch_call_recording(self, recording_id: int) -> bool:
    """Fetch a completed call recording into the default storage; the provider's errors
    (rate limit, network) are retried with a growing delay."""
    from .recording import call_recording_fetch, call_recording_fetch_failed  # recording queues this task

    try:
        return call_recording_fetch(recording_id=recording_id)
    except Exception as exc:  # the provider's errors are many; all are worth a retry
        call_recording_fetch_failed(recording_id=recording_id, error=f"{type(exc).__name__}: {exc}")
        raise self.retry(exc=exc, countdown=min(600, 5 * 2 ** self.request.retries)) from exc


@shared_task(bind=True, acks_late=True, max_retries=8)
def fetch_prompt_recording(self, session_id: int) -> bool:
    """Fetch a prompt recorded by phone, store it as the prompt's audio, delete Twilio's copy."""
    from .prompts import prompt_session_fetch  # prompts queues this task

    try:
        return prompt_session_fetch(session_id=session_id)
    except Exception as exc:  # the provider's errors are many; all are worth a retry
        raise self.retry(exc=exc, countdown=min(600, 5 * 2 ** self.request.retries)) from exc


@shared_task(acks_late=True)
def purge_call_recordings() -> int:
    """Beat, hourly: delete the recordings whose retention period ended."""
    from .recording import call_recordings_purge  # recording imports this module

    return call_recordings_purge()


# CC-B (issue 22.2): an outbound call the provider could not take at the click.
@shared_task(bind=True, acks_late=True, max_retries=3, default_retry_delay=10)
def place_outbound_call(self, call_id: int) -> None:
    """Ask the provider again to place a logged outbound call (rate limit, outage, network):
    a few tries, further apart each time; after the last the call is given up with the reason."""
    from .outbound import RetryableError, place_call  # outbound imports this module (see above)

    try:
        place_call(call_id, last_try=self.request.retries >= self.max_retries)
    except RetryableError as exc:
        raise self.retry(exc=exc, countdown=10 * (self.request.retries + 1)) from exc


# --- CC-C (issue 22.4): conference legs and supervision ------------------------------------------
@shared_task(bind=True, acks_late=True, max_retries=5, default_retry_delay=2)
def add_agent_leg(self, call_id: int) -> None:
    """Ring the call's agent into its conference (retried a few times: the caller is waiting)."""
    from .supervision import add_agent_leg as add  # supervision queues this task

    try:
        add(call_id)
    except Exception as exc:  # the provider's errors are many; all are worth a retry
        raise self.retry(exc=exc) from exc


@shared_task(bind=True, acks_late=True, max_retries=3, default_retry_delay=5)
def send_supervision(self, action_id: int) -> None:
    """Ask the provider again for a supervisor's action it did not take at the click. Only the
    supervisor's latest action on that call is sent (an older one would undo a newer)."""
    from .models import SupervisionAction
    from .supervision import send  # supervision queues this task

    action = SupervisionAction.objects.select_related("leg__conference", "call", "supervisor").filter(
        pk=action_id).first()
    if action is None or action.leg is None or SupervisionAction.objects.filter(
            call_id=action.call_id, supervisor_id=action.supervisor_id, pk__gt=action.pk).exists():
        return
    try:
        send(action)
    except Exception as exc:  # the provider's errors are many; all are worth a retry
        raise self.retry(exc=exc) from exc


# Issue 22.4 leftovers: hold and transfer inside the call's conference.
@shared_task(bind=True, acks_late=True, max_retries=5, default_retry_delay=5)
def conference_request(self, kind: str, call_id: int, *args) -> None:
    """Send again a conference request Twilio did not take at the click (the caller's hold as
    the database holds it now, or a transfer's steps, each safe to repeat)."""
    from .supervision import send_conference_request  # supervision queues this task

    try:
        send_conference_request(kind, call_id, *args)
    except Exception as exc:  # the provider's errors are many; all are worth a retry
        raise self.retry(exc=exc) from exc
