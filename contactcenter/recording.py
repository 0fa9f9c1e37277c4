"""Call recording (issue 22.3): whether a call is recorded, telling the caller first, the
recording attributes of the ``<Dial>`` (or ``<Conference>``), Twilio's recording status
callbacks (stored once per ``RecordingSid``, applied in order), fetching the media into the
default storage (a task), who may hear it, and deletion when the retention period ends
(beat).

A call is recorded when its queue records calls or its line does (``Queue.record_calls``,
``Line.record_calls``), and only once the caller was told (``Call.recording_notice``):
``tell_caller`` speaks the notice, ``dial_recording_kwargs`` is empty until then."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from core.roles import Role, has_role

from . import speech
from .models import Call, CallRecording, RecordingStatus
from .telephony import get_telephony_backend, hook_url

logger = logging.getLogger(__name__)

#: A status callback only moves a recording forward: a late ``in-progress`` after
#: ``completed`` changes nothing, and the same status twice changes nothing twice.
RANK = {
    RecordingStatus.IN_PROGRESS: 0,
    RecordingStatus.COMPLETED: 1,
    RecordingStatus.ABSENT: 1,
    RecordingStatus.FAILED: 1,
}
EXTENSIONS = {"audio/mpeg": "mp3", "audio/mp3": "mp3", "audio/wav": "wav", "audio/x-wav": "wav"}


def retention_days() -> int:
    return getattr(settings, "CALL_RECORDING_RETENTION_DAYS", 90)


def recording_wanted(call: Call) -> bool:
    """The call's queue or line records calls (the related rows as loaded with the call)."""
    line = call.line if call.line_id else None
    queue = call.queue if call.queue_id else None
    return bool((line is not None and line.record_calls) or (queue is not None and queue.record_calls))


def notice_due(call: Call) -> bool:
    """The call is recorded and its caller has not been told yet."""
    return not call.recording_notice and recording_wanted(call)


def tell_caller(response, call: Call, *, noted: bool = False) -> None:
    """Before the call is put through: the recording notice in the line's language, once per
    call (the law: the caller is told before anything is recorded). ``noted``: the routing
    that put the call through already noted it on the call, in its own ``UPDATE``
    (``services.call_route``, when ``notice_due``): only speak it."""
    if noted:
        speech.say(response, call.line if call.line_id else None, prompt="recording_notice")
        return
    if not notice_due(call):
        return
    speech.say(response, call.line if call.line_id else None, prompt="recording_notice")
    Call.objects.filter(pk=call.pk).update(recording_notice=True)
    call.recording_notice = True


def dial_recording_kwargs(call: Call, *, conference: bool = False) -> dict:
    """The attributes that record the conversation on the ``<Dial>`` (``conference=True``:
    on the ``<Conference>`` noun), with our signed recording status callback; ``{}`` when the
    call is not recorded or the caller has not been told (call ``tell_caller`` first)."""
    if not (call.recording_notice and recording_wanted(call)):
        return {}
    return {
        "record": "record-from-start" if conference else "record-from-answer-dual",
        "recording_status_callback": hook_url("recording-status"),
        "recording_status_callback_method": "POST",
        "recording_status_callback_event": "in-progress completed absent",
    }


def may_hear(user, call: Call) -> bool:
    """Supervisors (managers) and administrators hear every recording; an agent hears the
    recordings of their own calls."""
    return has_role(user, Role.MANAGER, Role.ADMIN) or (call.agent_id is not None and call.agent_id == user.pk)


# --- the status callback -----------------------------------------------------------------------
def _call_for(call_sid: str, conference_sid: str) -> Call | None:
    call = Call.objects.filter(call_sid=call_sid).first() if call_sid else None
    if call is None and conference_sid:
        # A conference's recording names the conference (contactcenter.supervision keeps its sid).
        try:
            call = Call.objects.filter(conference__sid=conference_sid).first()
        except Exception:  # no conferences in this installation
            call = None
    return call


def call_recording_reported(
    *,
    call_sid: str,
    recording_sid: str,
    status: str,
    duration: int | None = None,
    channels: int | None = None,
    conference_sid: str = "",
) -> CallRecording | None:
    """Twilio's recording status callback: one row per ``RecordingSid``, moved forward only
    (a replay or an older status changes nothing); ``completed`` queues the fetch once. A
    recording of a call we do not know is ignored (None)."""
    call = _call_for(call_sid, conference_sid)
    if call is None:
        return None
    with transaction.atomic():
        recording = CallRecording.objects.select_for_update().filter(recording_sid=recording_sid).first()
        if recording is None:
            try:
                with transaction.atomic():
                    recording = CallRecording.objects.create(
                        call=call,
                        recording_sid=recording_sid,
                        status=status,
                        duration_seconds=duration,
                        channels=channels,
                        delete_after=timezone.now() + timedelta(days=retention_days()),
                    )
            except IntegrityError:  # the same callback at the same instant
                return CallRecording.objects.get(recording_sid=recording_sid)
            changed = True
        elif RANK[status] > RANK[recording.status]:
            recording.status = status
            recording.duration_seconds = duration if duration is not None else recording.duration_seconds
            recording.channels = channels or recording.channels
            recording.save(update_fields=["status", "duration_seconds", "channels"])
            changed = True
        else:
            changed = False
        if changed and status == RecordingStatus.COMPLETED:
            from .tasks import fetch_call_recording  # tasks import the services in their bodies; this is one

            pk = recording.pk
            transaction.on_commit(lambda: fetch_call_recording.delay(pk))
    return recording


# --- the media ---------------------------------------------------------------------------------
def call_recording_fetch(*, recording_id: int) -> bool:
    """Fetch a completed recording from the provider into the default storage (once: a
    stored, deleted or unfinished recording is left alone). Provider errors raise (the task
    retries). True when stored now."""
    with transaction.atomic():
        recording = CallRecording.objects.select_for_update().filter(pk=recording_id).first()
        if (
            recording is None
            or recording.fetched_at is not None
            or recording.deleted_at is not None
            or recording.status != RecordingStatus.COMPLETED
        ):
            return False
        content, content_type = get_telephony_backend().fetch_recording(recording_sid=recording.recording_sid)
        extension = EXTENSIONS.get(content_type, "mp3")
        recording.file.save(f"{recording.recording_sid}.{extension}", ContentFile(content), save=False)
        recording.content_type = content_type
        recording.size = len(content)
        recording.fetched_at = timezone.now()
        recording.fetch_error = ""
        recording.save(update_fields=["file", "content_type", "size", "fetched_at", "fetch_error"])
    return True


def call_recording_fetch_failed(*, recording_id: int, error: str) -> None:
    CallRecording.objects.filter(pk=recording_id, fetched_at__isnull=True).update(fetch_error=error[:300])


# --- retention ---------------------------------------------------------------------------------
def call_recordings_purge(*, now: datetime | None = None, batch: int = 200) -> int:
    """Beat: delete the recordings whose retention ended (``delete_after``, one indexed
    query per batch) — the provider's copy and our file; the row stays, with ``deleted_at``.
    A provider error leaves that recording for the next run. Returns how many were deleted."""
    now = now or timezone.now()
    backend = get_telephony_backend()
    deleted, failed = 0, []
    while True:
        with transaction.atomic():
            due = list(
                CallRecording.objects.select_for_update(skip_locked=True)
                .filter(deleted_at__isnull=True, delete_after__lte=now)
                .exclude(pk__in=failed)
                .order_by("delete_after", "id")[:batch]
            )
            done = []
            for recording in due:
                try:
                    backend.delete_recording(recording_sid=recording.recording_sid)
                except Exception:  # the provider's errors are many: try again on the next run
                    logger.warning(
                        "could not delete recording %s at the provider", recording.recording_sid, exc_info=True
                    )
                    failed.append(recording.pk)
                    continue
                if recording.file:
                    recording.file.storage.delete(recording.file.name)
                recording.file = ""
                recording.deleted_at = now
                done.append(recording)
            if done:
                bulk_update_with_history(
                    done, CallRecording, ["file", "deleted_at"], default_change_reason="retention period ended"
                )
        deleted += len(done)
        if len(due) < batch:
            return deleted
