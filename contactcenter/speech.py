"""How the desk speaks to a caller in the line's language (issue 22.1).

``say`` plays the line's recording of a prompt when there is one (``<Play>``); otherwise it
speaks the text with ``<Say>``, translated with Django's gettext under
``translation.override(line.language)`` and with a voice Twilio offers for that language
(``VOICES``; ``CONTACT_CENTER_VOICES`` and ``Line.voice`` change it). A language Twilio has no
voice for (Persian) speaks the prompt's default text in ``CONTACT_CENTER_FALLBACK_LANGUAGE``
when its recording is missing: never silence.

English keeps Twilio's default voice (a bare ``<Say>``) unless a voice is configured."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils import translation

from .prompts import PROMPTS, audio_url

#: Twilio's <Say> voice and locale per language code of ``settings.LANGUAGES``: Google's Greek
#: WaveNet voice, Amazon Polly's European Portuguese neural voice (pt = pt-PT here), Twilio's
#: default for English ({}: no attributes). Persian is absent: neither Polly nor Google has it.
VOICES: dict[str, dict[str, str]] = {
    "en": {},
    "el": {"voice": "Google.el-GR-Wavenet-A", "language": "el-GR"},
    "pt": {"voice": "Polly.Ines-Neural", "language": "pt-PT"},
}


def voices() -> dict[str, dict[str, str]]:
    return {**VOICES, **getattr(settings, "CONTACT_CENTER_VOICES", {})}


def fallback_language() -> str:
    return getattr(settings, "CONTACT_CENTER_FALLBACK_LANGUAGE", "en")


def voice_for(language: str, line=None) -> dict[str, str] | None:
    """The <Say> attributes for the language (the line's own voice first), or None when
    Twilio cannot speak it."""
    table = voices()
    if language not in table:
        return None
    attributes = dict(table[language])
    if line is not None and getattr(line, "voice", "") and line.language == language:
        attributes["voice"] = line.voice
    return attributes


def can_speak(language: str) -> bool:
    return language in voices()


Text = str | Callable[[], str] | Any  # plain text, a lazy msgid, or a function run in the language


def _render(text: Text, language: str, params: dict | None) -> str:
    with translation.override(language):
        spoken = text() if callable(text) else str(text)
        return spoken % params if params else spoken


def say(target, line, text: Text | None = None, *, prompt: str | None = None, params: dict | None = None) -> None:
    """Speak to the caller on ``target`` (a ``VoiceResponse`` or a ``Gather``): the line's
    recording of ``prompt`` if there is one; else ``text`` (default: the prompt's text) in the
    line's language and voice; else, for a language without a voice, the prompt's default
    text in the fallback language. ``text`` may be a lazy msgid or a function (translated in
    the line's language), or plain text someone wrote in that language; ``params`` fill its
    ``%(name)s`` placeholders."""
    if line is not None and prompt:
        url = audio_url((getattr(line, "prompt_audio", None) or {}).get(prompt))
        if url:
            target.play(url)
            return
    language = line.language if line is not None else fallback_language()
    attributes = voice_for(language, line)
    if attributes is None:  # Twilio cannot speak it: the default message, in a language it can
        language = fallback_language()
        attributes = voice_for(language) or {}
        if prompt and (text is None or isinstance(text, str)):  # text written in the line's language
            text = PROMPTS[prompt].text
    elif text is None:
        text = PROMPTS[prompt].text
    target.say(_render(text, language, params), **attributes)


def announce(target, line, announcement) -> None:
    """An announcement in the best language there is for the caller: its recording in the
    line's language; else its text, spoken in the language it is written in; else any of its
    recordings; else its text in the fallback voice."""
    recordings = announcement.prompt_audio or {}
    language = line.language if line is not None else fallback_language()
    if url := audio_url(recordings.get(language)):
        target.play(url)
        return
    attributes = voice_for(announcement.language, line)
    if attributes is not None:
        target.say(announcement.message, **attributes)
        return
    if recordings:
        target.play(audio_url(next(iter(sorted(recordings.items())))[1]))
        return
    target.say(announcement.message, **(voice_for(fallback_language()) or {}))
