"""What callers hear, by name (issue 22.1). Every prompt the webhooks speak has a key here,
with its default text (a msgid: translated with Django's gettext into the line's language)
and whether staff may record audio for it. A line's recording of a prompt is played
(``<Play>``) instead of text-to-speech; a line in a language Twilio has no voice for
(Persian) needs its recordings, and speaks the default text in the fallback language where
one is missing (``contactcenter.speech``).

Recordings are uploaded (``prompt_recording_save``: audio types only, up to
``CONTACT_CENTER_PROMPT_MAX_BYTES``) or recorded by phone (``prompt_session_start`` gives a
one-time code to key on ``CONTACT_CENTER_PROMPT_NUMBER``; ``contactcenter/webhooks/prompts.py``).
Each save keeps the owner's ``prompt_audio`` map (key or language → the audio's address)
current, so the voice hook plays a recording without a query."""

from __future__ import annotations

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.roles import Role, has_role

from .models import Announcement, Line, PromptRecording, PromptRecordingSession, PromptSource
from .telephony import get_telephony_backend

logger = logging.getLogger(__name__)

#: The key of an announcement's recording (one per language).
ANNOUNCEMENT = "announcement"


@dataclass(frozen=True)
class Prompt:
    label: str
    text: str  # a lazy msgid; ``%(name)s`` placeholders are filled by the caller of ``speech.say``
    recordable: bool = True


PROMPTS: dict[str, Prompt] = {
    "greeting": Prompt(gettext_lazy("Greeting"), gettext_lazy("Welcome to our service desk.")),
    "hello": Prompt(gettext_lazy("Hello (known caller)"), gettext_lazy("Hello %(name)s.")),
    "vip": Prompt(gettext_lazy("VIP callers"), gettext_lazy("As a VIP customer, you will be put through first.")),
    "menu": Prompt(gettext_lazy("Menu"), gettext_lazy("For %(label)s, press %(digit)s.")),
    "account": Prompt(gettext_lazy("Account number"), gettext_lazy(
        "Welcome. Enter your customer account number, then press the hash key. To skip, just press the hash key.")),
    "account_again": Prompt(gettext_lazy("Account number (after an announcement)"), gettext_lazy(
        "Enter your customer account number, then press the hash key. To skip, just press the hash key.")),
    "pin": Prompt(gettext_lazy("PIN"), gettext_lazy("Now enter your PIN, then press the hash key.")),
    "pin_again": Prompt(gettext_lazy("PIN did not match"), gettext_lazy(
        "That did not match. Enter your PIN again, then press the hash key.")),
    "pin_failed": Prompt(gettext_lazy("PIN failed three times"), gettext_lazy(
        "We could not check your details. We will put you through anyway.")),
    "after_hours": Prompt(gettext_lazy("After hours"), gettext_lazy(
        "We are closed now. Leave a message after the tone and we will call you back.")),
    "announcement_continue": Prompt(gettext_lazy("After an announcement"), gettext_lazy(
        "If you still need to speak to someone, press 1. Otherwise you may hang up.")),
    "recording_notice": Prompt(gettext_lazy("Recording notice"), gettext_lazy(
        "This call is recorded for quality and training purposes.")),
    "queue_first": Prompt(gettext_lazy("First in line"), gettext_lazy("You are first in line.")),
    "queue_position": Prompt(gettext_lazy("Place in line"), gettext_lazy("You are number %(position)s in line.")),
    "queue_wait": Prompt(gettext_lazy("Waiting"), gettext_lazy(
        "Thank you for waiting. An agent will be with you shortly.")),
    "hold": Prompt(gettext_lazy("On hold"), gettext_lazy("Please hold.")),
    "csat": Prompt(gettext_lazy("Survey"), gettext_lazy(
        "Before you go: how satisfied were you with this call? Press 1 to 5, 5 being very satisfied.")),
    "fcr": Prompt(gettext_lazy("Survey: solved on this call"), gettext_lazy(
        "Was your issue solved on this call? Press 1 for yes, 2 for no.")),
    "csat_thanks": Prompt(gettext_lazy("Survey answered"), gettext_lazy("Thank you for your feedback. Goodbye.")),
    "thanks": Prompt(gettext_lazy("Thank you"), gettext_lazy("Thank you. Goodbye.")),
    "goodbye": Prompt(gettext_lazy("Goodbye"), gettext_lazy("Thank you for calling. Goodbye.")),
    "bridge_pin": Prompt(gettext_lazy("Bridge PIN"), gettext_lazy("Enter the bridge PIN, then press the hash key.")),
    "bridge_wrong": Prompt(gettext_lazy("Wrong bridge PIN"), gettext_lazy("That PIN does not open a live bridge.")),
    "bridge_joining": Prompt(gettext_lazy("Joining the bridge"), gettext_lazy("Joining the major incident bridge.")),
    "unidentified": Prompt(gettext_lazy("Call not identified"), gettext_lazy(
        "This call could not be identified. Please call again."), recordable=False),
    "sorry": Prompt(gettext_lazy("Something went wrong"), gettext_lazy(
        "We are sorry, something went wrong on our side. Please call again in a few minutes."), recordable=False),
}
RECORDABLE = [key for key, prompt in PROMPTS.items() if prompt.recordable]

# Twilio plays MP3, WAV (PCM), AIFF, GSM and μ-law (docs: TwiML <Play>); browsers send these
# types for such files.
AUDIO_CONTENT_TYPES = frozenset({
    "audio/mpeg", "audio/mp3", "audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave", "audio/aiff",
    "audio/x-aiff", "audio/basic", "audio/ulaw", "audio/x-gsm", "audio/gsm"})
EXTENSIONS = {"audio/mpeg": "mp3", "audio/mp3": "mp3", "audio/aiff": "aiff", "audio/x-aiff": "aiff",
              "audio/basic": "ul", "audio/ulaw": "ul", "audio/x-gsm": "gsm", "audio/gsm": "gsm"}
# The first bytes of each accepted format: a file named .mp3 that is a script is refused.
MAGIC = (b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2", b"\xff\xe3", b"RIFF", b"FORM")


def max_bytes() -> int:
    return getattr(settings, "CONTACT_CENTER_PROMPT_MAX_BYTES", 5 * 1024 * 1024)


def session_minutes() -> int:
    return getattr(settings, "CONTACT_CENTER_PROMPT_SESSION_MINUTES", 15)


def audio_url(path: str | None) -> str | None:
    """The absolute address Twilio fetches a recorded prompt from (``prompt_audio``'s value)."""
    return f"{settings.PUBLIC_BASE_URL}{path}" if path else None


def _audio_path(recording: PromptRecording) -> str:
    name = recording.audio.name.rsplit("/", 1)[-1]
    return reverse("telephony:prompt-audio", args=[recording.pk, name])


def validate_audio(upload) -> str:
    """The upload's audio type, or a clear error: not audio, or too large."""
    limit = max_bytes()
    if upload is None or not getattr(upload, "size", 0):
        raise ValidationError({"audio": [_("Choose an audio file.")]})
    if upload.size > limit:
        raise ValidationError({"audio": [_("Audio files may be at most %(mb)s MB.") % {
            "mb": round(limit / (1024 * 1024), 1)}]})
    content_type = (getattr(upload, "content_type", "") or "").split(";")[0].strip().lower()
    if content_type not in AUDIO_CONTENT_TYPES:
        raise ValidationError({"audio": [_("Files of type %(type)s are not accepted: upload MP3 or WAV audio.")
                                         % {"type": content_type or "?"}]})
    upload.seek(0)
    head = upload.read(4)
    upload.seek(0)
    if content_type not in ("audio/basic", "audio/ulaw", "audio/x-gsm", "audio/gsm") and not head.startswith(MAGIC):
        raise ValidationError({"audio": [_("This file is not MP3, WAV or AIFF audio.")]})
    return content_type


def _owner_filter(line: Line | None, announcement: Announcement | None, key: str, language: str) -> dict:
    if (line is None) == (announcement is None):
        raise ValueError("a prompt recording belongs to a line or to an announcement")
    if line is not None:
        if key not in RECORDABLE:
            raise ValidationError({"key": [_("Choose one of the prompts.")]})
        return {"line": line, "key": key}
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": [_("Choose one of the languages.")]})
    return {"announcement": announcement, "language": language}


@transaction.atomic
def prompt_recording_save(*, line: Line | None = None, announcement: Announcement | None = None, key: str = "",
                          language: str = "", upload=None, content: bytes | None = None,
                          content_type: str = "", actor=None, source: str = PromptSource.UPLOAD) -> PromptRecording:
    """Store the audio of a line's prompt (``key``) or of an announcement (``language``),
    replacing the one before (its file deleted after commit), and point the owner's
    ``prompt_audio`` at it. ``upload`` is checked (audio, size); ``content`` is audio Twilio
    recorded."""
    if upload is not None:
        content_type = validate_audio(upload)
        data = upload
        extension = EXTENSIONS.get(content_type, "wav")
    else:
        if not content:
            raise ValidationError({"audio": [_("The recording is empty.")]})
        data = ContentFile(content)
        extension = EXTENSIONS.get(content_type, "wav")
    owner = _owner_filter(line, announcement, key or ANNOUNCEMENT, language)
    # The owner locked first: two saves of the same prompt queue up instead of racing.
    model = Line if line is not None else Announcement
    locked = model.objects.select_for_update().get(pk=(line or announcement).pk)
    if line is not None:
        language = language or locked.language
    recording = PromptRecording.objects.filter(**owner).first() or PromptRecording(**owner)
    old_name = recording.audio.name if recording.pk else ""
    recording.key = key or ANNOUNCEMENT
    recording.language = language
    recording.content_type = content_type or "audio/wav"
    recording.size = getattr(data, "size", None) or len(content or b"")
    recording.source = source
    recording.recorded_by = actor if getattr(actor, "pk", None) else None
    recording.created_at = timezone.now()
    recording._history_user = recording.recorded_by
    recording.audio.save(f"prompt.{extension}", data, save=False)
    recording.save()
    slot = recording.key if line is not None else language
    locked.prompt_audio = {**(locked.prompt_audio or {}), slot: _audio_path(recording)}
    model.objects.filter(pk=locked.pk).update(prompt_audio=locked.prompt_audio)
    if old_name and old_name != recording.audio.name:
        storage = recording.audio.storage
        transaction.on_commit(lambda: storage.delete(old_name))
    return recording


@transaction.atomic
def prompt_recording_delete(*, recording: PromptRecording, actor) -> None:
    """Remove a recording: the prompt is spoken again (or falls back to the default text)."""
    owner = recording.line or recording.announcement
    model = type(owner)
    locked = model.objects.select_for_update().get(pk=owner.pk)
    slot = recording.key if recording.line_id else recording.language
    audio = {k: v for k, v in (locked.prompt_audio or {}).items() if k != slot}
    model.objects.filter(pk=locked.pk).update(prompt_audio=audio)
    name, storage = recording.audio.name, recording.audio.storage
    recording._history_user = actor
    recording.delete()
    transaction.on_commit(lambda: storage.delete(name))


def forget_recording(recording: PromptRecording) -> bool:
    """Take a recording out of its owner's prompt map when the map still points at it: a
    recording deleted some other way than ``prompt_recording_delete`` (the admin's bulk
    delete, a cascade; ``receivers``), or whose audio file is gone from the storage
    (``webhooks.prompts.prompt_audio``). The prompt is then spoken again — the line's own text,
    else its default — instead of a ``<Play>`` of nothing. Returns whether the map changed."""
    model, owner_id, slot = ((Line, recording.line_id, recording.key) if recording.line_id
                             else (Announcement, recording.announcement_id, recording.language))
    if owner_id is None:
        return False
    prefix = reverse("telephony:prompt-audio", args=[recording.pk, "x"]).rsplit("/", 1)[0] + "/"
    with transaction.atomic():
        owner = model.objects.select_for_update().filter(pk=owner_id).only("prompt_audio").first()
        audio = dict(owner.prompt_audio or {}) if owner is not None else {}
        if not str(audio.get(slot, "")).startswith(prefix):
            return False
        del audio[slot]
        model.objects.filter(pk=owner_id).update(prompt_audio=audio)
    logger.warning("prompt recording %s (%s) is gone: the prompt is spoken again", recording.pk, slot)
    return True


# --- recording by phone -------------------------------------------------------------------------
def _hash(code: str) -> str:
    return hashlib.sha256(f"{settings.SECRET_KEY}:prompt:{code}".encode()).hexdigest()


def may_record(user, *, line: Line | None = None, announcement: Announcement | None = None) -> bool:
    """Managers and administrators record any prompt; a major incident's manager records its
    announcement."""
    if has_role(user, Role.MANAGER, Role.ADMIN):
        return True
    major = announcement.major_incident if announcement is not None else None
    return major is not None and major.manager_id == getattr(user, "pk", None)


@transaction.atomic
def prompt_session_start(*, actor, line: Line | None = None, announcement: Announcement | None = None,
                         key: str = "", language: str = "") -> tuple[PromptRecordingSession, str]:
    """A one-time code (6 digits, valid ``CONTACT_CENTER_PROMPT_SESSION_MINUTES``) for
    recording this prompt by phone. Returns the session and the code (shown once)."""
    if not may_record(actor, line=line, announcement=announcement):
        raise PermissionDenied(_("Only managers, or the major incident's manager, may record this."))
    if line is not None:
        language = line.language
    _owner_filter(line, announcement, key or ANNOUNCEMENT, language)
    now = timezone.now()
    while True:
        code = f"{secrets.randbelow(10 ** 6):06d}"
        if not PromptRecordingSession.objects.filter(code_hash=_hash(code), expires_at__gt=now,
                                                     recording__isnull=True).exists():
            break
    session = PromptRecordingSession.objects.create(
        line=line, announcement=announcement, key=key or ANNOUNCEMENT, language=language, code_hash=_hash(code),
        requested_by=actor, created_at=now, expires_at=now + timedelta(minutes=session_minutes()))
    return session, code


def prompt_session_for_code(code: str) -> PromptRecordingSession | None:
    """The open session a keyed code belongs to (not used, not expired)."""
    if not (code.isascii() and code.isdigit() and len(code) == 6):
        return None
    return (PromptRecordingSession.objects.select_related("line", "announcement")
            .filter(code_hash=_hash(code), expires_at__gt=timezone.now(), recording__isnull=True)
            .order_by("-created_at").first())


def prompt_session_recorded(*, session_id: int, call_sid: str, recording_sid: str) -> bool:
    """Twilio recorded the prompt: note which recording (once; a replay changes nothing).
    True when the media should be fetched."""
    updated = PromptRecordingSession.objects.filter(pk=session_id, recording_sid="",
                                                    recording__isnull=True).update(
        call_sid=call_sid[:64], recording_sid=recording_sid[:64])
    return bool(updated)


def prompt_session_fetch(*, session_id: int) -> bool:
    """The phone recording of a session becomes the prompt's audio (once), and Twilio's copy
    is deleted. Provider errors raise (the task retries)."""
    session = PromptRecordingSession.objects.filter(pk=session_id).first()
    if session is None or session.recording_id or not session.recording_sid:
        return False
    backend = get_telephony_backend()
    content, content_type = backend.fetch_recording(recording_sid=session.recording_sid)
    with transaction.atomic():
        session = PromptRecordingSession.objects.select_for_update().get(pk=session_id)
        if session.recording_id:
            return False
        session.recording = prompt_recording_save(
            line=session.line, announcement=session.announcement, key=session.key, language=session.language,
            content=content, content_type=content_type, actor=session.requested_by, source=PromptSource.PHONE)
        session.save(update_fields=["recording"])
    try:
        backend.delete_recording(recording_sid=session.recording_sid)
    except Exception:  # ours is stored; Twilio's copy costs little and can be deleted by hand
        logger.warning("could not delete prompt recording %s at the provider", session.recording_sid, exc_info=True)
    return True
