"""Raw RFC 822 bytes → :class:`ParsedMail`: what the desk needs from a message.

The standard library's ``email`` package with ``email.policy.default`` does the MIME work
(RFC 2047 encoded words, RFC 2231 file names, quoted-printable and base64). This module adds
what real mail needs on top: charsets that are wrong or unknown fall back instead of
failing, HTML-only mail becomes plain text through the nh3 sanitiser (never regexes over
untrusted markup), the quoted history and signature of a reply are trimmed with
mail-parser-reply, and automatic mail (auto-replies, bounces, lists) is recognised.

:func:`parse` raises :class:`MalformedMail` only for bytes that are not a message at all
(no sender address can be read); everything else parses, possibly with replacement
characters where a part's bytes do not match its charset.
"""

from __future__ import annotations

import codecs
import email
import email.header
import email.policy
import email.utils
import hashlib
import html
import mimetypes
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage, Message

import nh3
from mailparser_reply.parser import EmailMessage as ReplyMessage

#: Reply trimming runs regular expressions over the text; above this size it is skipped
#: (the whole text is kept), so a huge body can never make it slow.
REPLY_TRIM_MAX_CHARS = 64 * 1024
#: Languages whose "On … wrote:" / "From: … Sent:" headers mail-parser-reply recognises.
REPLY_LANGUAGES = ["en", "de", "fr", "es", "it", "nl", "sv", "da", "pl", "cs"]

_ID = re.compile(r"<[^<>\s]+>")
_BAD_SURROGATES = re.compile("[\udc80-\udcff]")
_AUTO_SENDERS = ("mailer-daemon@", "postmaster@")


class MalformedMail(ValueError):
    """The bytes cannot be read as a message."""


@dataclass(frozen=True)
class MailAttachment:
    name: str
    content_type: str
    content: bytes
    inline: bool = False
    content_id: str = ""

    @property
    def size(self) -> int:
        return len(self.content)


@dataclass
class ParsedMail:
    message_id: str
    from_address: str
    from_name: str = ""
    in_reply_to: str = ""
    references: list[str] = field(default_factory=list)
    to: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    subject: str = ""
    date: datetime | None = None
    #: The whole body as plain text (HTML converted and sanitised).
    text: str = ""
    #: The newest part of a reply: quoted history and signature trimmed (``text`` if nothing was).
    reply_text: str = ""
    attachments: list[MailAttachment] = field(default_factory=list)
    #: Why this is automatic mail (``None`` for mail a person wrote).
    auto_submitted: str | None = None
    is_dsn: bool = False
    dsn_original_message_id: str = ""
    dsn_recipient: str = ""
    dsn_diagnostic: str = ""
    #: Headers for loop detection, as received (lower-cased where they are keywords).
    x_loop: list[str] = field(default_factory=list)
    precedence: str = ""
    auto_submitted_header: str = ""
    list_id: str = ""
    #: False when the message had no Message-ID and ``message_id`` was made from its bytes.
    has_message_id: bool = True
    size: int = 0


def synthetic_message_id(raw: bytes) -> str:
    """A stable Message-ID for a message that has none: the same bytes, the same id."""
    return f"<{hashlib.sha256(raw).hexdigest()}@no-message-id.invalid>"


# --- text helpers -----------------------------------------------------------------------------
def clean_text(value) -> str:
    """A str without lone surrogates (what the email package leaves for undecodable bytes)."""
    text = "" if value is None else str(value)
    if _BAD_SURROGATES.search(text):
        raw = text.encode("utf-8", "surrogateescape")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", "replace")
    return text.replace("\x00", "")


def _one_line(value) -> str:
    return " ".join(clean_text(value).split())


def decode_bytes(payload: bytes, charset: str | None) -> str:
    """Bytes in a declared charset; a wrong or unknown declaration falls back to UTF-8, then
    Windows-1252, then the declared charset with replacement characters. Never raises."""
    charset = (charset or "us-ascii").strip().strip('"').lower()
    try:
        codecs.lookup(charset)
    except LookupError:
        charset = ""
    # Declared, then UTF-8 (8-bit text sent without or with a wrong label), then Windows-1252
    # (Latin-1 text labelled UTF-8 is the commonest mislabel); replacement characters last.
    for candidate in dict.fromkeys(filter(None, (charset, "utf-8", "cp1252"))):
        try:
            return payload.decode(candidate)
        except UnicodeDecodeError:
            continue
    return payload.decode(charset or "utf-8", "replace")


def html_to_text(markup: str) -> str:
    """Safe plain text from untrusted HTML: nh3 keeps only the line-breaking tags (no
    attributes, no scripts or styles), those become line breaks, nh3 strips the rest, and the
    entities are unescaped last, so nothing in the result is markup."""
    kept = nh3.clean(markup, tags={"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"},
                     attributes={}, clean_content_tags={"script", "style", "title", "head"},
                     strip_comments=True, link_rel=None)
    # nh3's output is normalised (lower case, no attributes), so plain replacements are exact.
    kept = " ".join(kept.split())  # source line breaks mean nothing in HTML
    for tag, text in (("<br>", "\n"), ("</p>", "\n\n"), ("<p>", "\n"), ("</div>", "\n"), ("<div>", "\n"),
                      ("<li>", "\n- "), ("</li>", ""), ("</tr>", "\n"), ("<tr>", ""),
                      ("<blockquote>", "\n"), ("</blockquote>", "\n")):
        kept = kept.replace(tag, text)
    kept = re.sub(r"</?h[1-6]>", "\n", kept)
    text = html.unescape(nh3.clean(kept, tags=set(), attributes={}))
    lines = [" ".join(line.replace("\xa0", " ").split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def trim_reply(text: str) -> str:
    """The newest reply in ``text``: quoted history (``On … wrote:``, Outlook's ``From: …
    Sent: …`` block, ``>`` quotes) and the signature removed. ``text`` itself when the
    library finds nothing, is unsure, or the text is too long to scan."""
    if not text.strip() or len(text) > REPLY_TRIM_MAX_CHARS:
        return text.strip()
    try:
        # keep_hyphen_lists: a "- item" list in the reply is text, not the start of a signature.
        message = ReplyMessage(text=text, languages=list(REPLY_LANGUAGES), keep_hyphen_lists=True).read()
        reply = message.replies[0].body if message.replies else ""
    except Exception:  # noqa: BLE001 - a third-party heuristic must never cost us the message
        return text.strip()
    reply = "\n".join(line for line in reply.split("\n") if not line.startswith(">")).strip()
    return reply or text.strip()


# --- header helpers -------------------------------------------------------------------------
def _header(msg: Message, name: str) -> str:
    try:
        value = msg.get(name)
    except Exception:  # noqa: BLE001 - the email package raises on some broken headers
        value = None
        for key, raw in msg.raw_items():
            if key.lower() == name.lower():
                value = raw
                break
    return _one_line(value) if value is not None else ""


def _raw_header(msg: Message, name: str) -> str:
    for key, raw in msg.raw_items():
        if key.lower() == name.lower():
            return raw if isinstance(raw, str) else str(raw)
    return ""


def decode_words(raw: str) -> str:
    """RFC 2047 encoded words decoded one by one with :func:`decode_bytes`' fallbacks: an
    unknown charset or bytes that do not fit it still give readable text."""
    try:
        pieces = email.header.decode_header(clean_text(raw).replace("\r", "").replace("\n", ""))
    except Exception:  # noqa: BLE001
        return _one_line(raw)
    out = []
    for piece, charset in pieces:
        out.append(decode_bytes(piece, charset or "utf-8") if isinstance(piece, bytes) else piece)
    return _one_line("".join(out))


def _text_header(msg: Message, name: str) -> str:
    """An unstructured header (Subject); where the email package had to give up on a
    charset (replacement characters), decoded again with the fallbacks."""
    value = _header(msg, name)
    if "\ufffd" in value or not value:
        raw = _raw_header(msg, name)
        if raw:
            value = decode_words(raw)
    return value


def _headers(msg: Message, name: str) -> list[str]:
    try:
        values = msg.get_all(name) or []
    except Exception:  # noqa: BLE001
        values = [raw for key, raw in msg.raw_items() if key.lower() == name.lower()]
    return [_one_line(value) for value in values]


def _addresses(msg: Message, name: str) -> list[tuple[str, str]]:
    """(display name, lower-case address) pairs of an address header; unreadable → none."""
    pairs: list[tuple[str, str]] = []
    try:
        header = msg.get(name)
        if header is not None and getattr(header, "addresses", None) is not None:
            pairs = [(clean_text(a.display_name), clean_text(a.addr_spec)) for a in header.addresses]
    except Exception:  # noqa: BLE001
        pairs = []
    if not pairs or not any("@" in address for _, address in pairs):
        pairs = email.utils.getaddresses(_headers(msg, name))
    return [(decode_words(display) if "\ufffd" in display or "=?" in display else _one_line(display),
             address.strip().strip("<>").lower())
            for display, address in pairs if "@" in (address or "")]


def _ids(value: str) -> list[str]:
    return [found[:998] for found in _ID.findall(value or "")]


def _message_id(value: str) -> str:
    found = _ids(value)
    if found:
        return found[0]
    value = "".join((value or "").split())
    return f"<{value.strip('<>')}>"[:998] if value.strip("<>") else ""


def _date(value: str) -> datetime | None:
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


# --- body and attachments -----------------------------------------------------------------------
def _part_bytes(part: Message) -> bytes:
    try:
        payload = part.get_payload(decode=True)
    except Exception:  # noqa: BLE001 - broken transfer encoding: keep what is there
        payload = None
    if payload is None:
        raw = part.get_payload()
        payload = raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else b""
    return payload


def _part_text(part: Message) -> str:
    try:
        charset = part.get_content_charset()
    except Exception:  # noqa: BLE001
        charset = None
    return decode_bytes(_part_bytes(part), charset)


def _filename(part: Message) -> str:
    try:
        name = part.get_filename()
    except Exception:  # noqa: BLE001
        name = None
    if not name:
        try:
            name = part.get_param("name")
            if isinstance(name, tuple):
                name = email.utils.collapse_rfc2231_value(name)
        except Exception:  # noqa: BLE001
            name = None
    name = clean_text(name or "").replace("\\", "/").rsplit("/", 1)[-1]
    return "".join(ch for ch in name if ch.isprintable()).strip()[:200]


def _disposition(part: Message) -> str:
    try:
        return (part.get_content_disposition() or "").lower()
    except Exception:  # noqa: BLE001
        return ""


class _Walker:
    """Collects body texts and attachments from a MIME tree."""

    def __init__(self):
        self.texts: list[str] = []
        self.attachments: list[MailAttachment] = []
        self.forwarded_texts: list[str] = []

    def attach(self, part: Message, content: bytes | None = None, name: str = "") -> None:
        content_type = part.get_content_type()
        content = _part_bytes(part) if content is None else content
        name = name or _filename(part)
        if not name:
            extension = mimetypes.guess_extension(content_type) or ".bin"
            name = f"attachment-{len(self.attachments) + 1}{extension}"
        content_id = _one_line(part.get("content-id", "")).strip("<>")
        inline = bool(content_id) and _disposition(part) != "attachment"
        self.attachments.append(MailAttachment(name=name, content_type=content_type, content=content,
                                               inline=inline, content_id=content_id))

    def walk(self, part: Message, *, text_wanted: bool = True) -> None:
        content_type = part.get_content_type()
        if content_type == "message/rfc822":
            inner = part.get_payload()
            inner = inner[0] if isinstance(inner, list) and inner else inner
            if isinstance(inner, Message):
                subject = _filename(part) or _header(inner, "subject") or "message"
                name = subject if subject.lower().endswith(".eml") else f"{subject[:190]}.eml"
                self.attach(part, content=inner.as_bytes(policy=email.policy.default.clone(linesep="\r\n")),
                            name=name.replace("/", "_"))
                walker = _Walker()
                walker.walk(inner)
                self.forwarded_texts.append("\n\n".join(walker.texts))
            return
        if content_type in ("message/delivery-status", "text/rfc822-headers", "message/disposition-notification"):
            return  # read by the DSN reader, not a document for the ticket
        if part.is_multipart():
            children = list(part.iter_parts()) if isinstance(part, EmailMessage) else part.get_payload()
            if content_type == "multipart/alternative" and text_wanted:
                chosen = self._choose(children)
                for child in children:
                    self.walk(child, text_wanted=child is chosen)
            else:
                for child in children:
                    self.walk(child, text_wanted=text_wanted)
            return
        disposition = _disposition(part)
        is_body_text = content_type in ("text/plain", "text/html") and disposition != "attachment" \
            and not _filename(part)
        if is_body_text:
            if text_wanted:
                text = _part_text(part)
                self.texts.append(html_to_text(text) if content_type == "text/html" else text.strip())
            return
        self.attach(part)

    @staticmethod
    def _choose(children: list[Message]) -> Message | None:
        """The alternative to read: plain text when it says something, else the richest."""
        for child in children:
            if child.get_content_type() == "text/plain" and _part_text(child).strip():
                return child
        return children[-1] if children else None


# --- automatic mail and bounces ------------------------------------------------------------------
def _auto_reason(msg: Message, from_address: str, is_dsn: bool) -> str | None:
    auto = _header(msg, "auto-submitted").lower()
    if auto and auto.split(";")[0].strip() != "no":
        return f"Auto-Submitted: {auto}"
    precedence = _header(msg, "precedence").lower()
    if precedence in ("bulk", "junk", "list"):
        return f"Precedence: {precedence}"
    if is_dsn:
        return "delivery-status report"
    for name in ("x-autoreply", "x-autorespond"):
        if _header(msg, name):
            return f"{name}: {_header(msg, name)}"
    if from_address.startswith(_AUTO_SENDERS):
        return f"sent by {from_address}"
    if _header(msg, "return-path") == "<>":
        return "null return path"
    return None


def _dsn(msg: Message) -> tuple[bool, str, str, str]:
    """(is a DSN, the original Message-ID, the failed recipient, the diagnostic)."""
    report = None
    for part in msg.walk():
        if part.get_content_type() == "multipart/report" and \
                (part.get_param("report-type") or "").lower() == "delivery-status":
            report = part
            break
    if report is None:
        return False, "", "", ""
    original, recipient, diagnostics = "", "", []
    for part in report.walk():
        content_type = part.get_content_type()
        if content_type == "message/delivery-status":
            blocks = part.get_payload() if isinstance(part.get_payload(), list) else []
            for block in blocks:
                if not isinstance(block, Message):
                    continue
                recipient = recipient or _header(block, "final-recipient").split(";")[-1].strip().lower()
                action = _header(block, "action").lower()
                status = _header(block, "status")
                code = _header(block, "diagnostic-code")
                if action or status or code:
                    diagnostics.append(" ".join(filter(None, (action, status, code))))
        elif content_type == "message/rfc822" and not original:
            inner = part.get_payload()
            inner = inner[0] if isinstance(inner, list) and inner else inner
            if isinstance(inner, Message):
                original = _message_id(_header(inner, "message-id"))
        elif content_type == "text/rfc822-headers" and not original:
            headers = email.message_from_string(_part_text(part), policy=email.policy.compat32)
            original = _message_id(_one_line(headers.get("message-id", "")))
    return True, original, recipient, "; ".join(diagnostics)[:2000]


# --- the entry point ---------------------------------------------------------------------------
def parse(raw: bytes) -> ParsedMail:
    """Read one raw message. Raises :class:`MalformedMail` when no sender can be read."""
    if not raw or not raw.strip():
        raise MalformedMail("empty message")
    try:
        msg = email.message_from_bytes(raw, policy=email.policy.default)
    except Exception as exc:  # noqa: BLE001 - the parser is lenient; this is a last resort
        raise MalformedMail(f"unreadable message: {exc}") from exc
    if not msg.keys():
        raise MalformedMail("no headers")
    senders = _addresses(msg, "from") or _addresses(msg, "sender") or _addresses(msg, "return-path")
    if not senders:
        raise MalformedMail("no sender address (From)")
    from_name, from_address = senders[0]

    message_id = _message_id(_header(msg, "message-id"))
    has_message_id = bool(message_id)
    if not has_message_id:
        message_id = synthetic_message_id(raw)
    is_dsn, original, recipient, diagnostic = _dsn(msg)

    walker = _Walker()
    try:
        walker.walk(msg)
    except Exception as exc:  # noqa: BLE001 - a MIME tree the package could not take apart
        raise MalformedMail(f"unreadable MIME structure: {exc}") from exc
    text = "\n\n".join(t for t in walker.texts if t.strip()).strip()
    forwarded = "\n\n".join(t for t in walker.forwarded_texts if t.strip()).strip()
    if forwarded:
        text = f"{text}\n\n---------- Forwarded message ----------\n{forwarded}".strip() if text else forwarded

    in_reply_to = _ids(_header(msg, "in-reply-to"))
    return ParsedMail(
        message_id=message_id,
        from_address=from_address[:254],
        from_name=from_name[:200],
        in_reply_to=in_reply_to[0] if in_reply_to else "",
        references=_ids(" ".join(_headers(msg, "references"))),
        to=[address for _, address in _addresses(msg, "to")],
        cc=[address for _, address in _addresses(msg, "cc")],
        subject=_text_header(msg, "subject")[:998],
        date=_date(_header(msg, "date")),
        text=text,
        reply_text=trim_reply(text),
        attachments=walker.attachments,
        auto_submitted=_auto_reason(msg, from_address, is_dsn),
        is_dsn=is_dsn,
        dsn_original_message_id=original,
        dsn_recipient=recipient,
        dsn_diagnostic=diagnostic,
        x_loop=[value.lower() for value in _headers(msg, "x-loop")],
        precedence=_header(msg, "precedence").lower(),
        auto_submitted_header=_header(msg, "auto-submitted").lower(),
        list_id=_header(msg, "list-id"),
        has_message_id=has_message_id,
        size=len(raw),
    )
