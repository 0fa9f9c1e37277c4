"""Polling an IMAP mailbox: each new message through ``mail_receive``, acknowledged on the
server only after its ticket committed.

The order for every message is what makes a crash at any moment safe:

1. ``mail_receive`` parses the message and writes the ticket, the comment and the
   ``MailMessage`` row in one transaction, and commits;
2. the message is flagged ``\\Seen \\Deleted`` on the server;
3. the mailbox's ``imap_last_uid`` moves past it.

A crash before 1 commits leaves nothing behind; a crash after 1 and before 3 means the
message is fetched again on the next run, and the unique ``Message-ID`` makes that a
``duplicate`` (no second ticket, no second comment), after which it is acknowledged. So
every message becomes exactly one ticket change and none is lost. At the end of a run the
flagged messages at or below the stored UID are expunged (this run's and those a killed run
left behind; ``UID EXPUNGE`` where the server offers UIDPLUS, so nothing else goes).

UIDs are used throughout (never sequence numbers). When the folder's ``UIDVALIDITY``
changes (the folder was re-created, or the account moved server), the stored UID means
nothing any more: the mailbox starts again from UID 1 and the ``Message-ID`` constraint
turns every message already seen into a ``duplicate``.

Two workers never fetch the same mailbox at once: on PostgreSQL the run holds a
session-level advisory lock keyed by the mailbox (released by PostgreSQL itself if the
process dies, so a killed worker never blocks the mailbox); on other databases (the
embedded SQLite quick start) a cache lock with an expiry stands in.
"""

from __future__ import annotations

import imaplib
import logging
import re
import ssl
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from core.errors import DomainError

from .choices import Protocol
from .models import Mailbox

logger = logging.getLogger(__name__)

#: Seconds a socket operation may take before the run gives up (an unreachable server must
#: not hold a worker for minutes).
TIMEOUT_SECONDS = 30
#: Messages downloaded per ``UID FETCH`` round trip (bounded by FETCH_CHUNK_BYTES too).
FETCH_CHUNK = 25
FETCH_CHUNK_BYTES = 8 * 1024 * 1024
#: The advisory lock's first key: "mail" in ASCII; the second key is the mailbox id.
LOCK_NAMESPACE = 0x6D61696C
#: Expiry of the cache lock used where there is no advisory lock (renewed while fetching).
CACHE_LOCK_SECONDS = 300

_UID = re.compile(rb"UID (\d+)")
_SIZE = re.compile(rb"RFC822\.SIZE (\d+)")


class ImapFetchError(Exception):
    """The server could not be reached, refused the login or the folder, or broke off."""


@dataclass
class FetchResult:
    mailbox_id: int
    #: False when another worker was already fetching this mailbox (nothing was done).
    ran: bool = True
    #: Messages taken from the server in this run (each acknowledged there).
    fetched: int = 0
    #: ``mail_receive`` results by name (created, appended, reopened, ignored, duplicate).
    results: Counter = field(default_factory=Counter)
    #: UIDs left on the server, flagged: larger than MAIL_MAX_MESSAGE_BYTES, or refused (empty).
    too_large: list[int] = field(default_factory=list)
    error: str = ""

    def as_dict(self) -> dict:
        return {"mailbox": self.mailbox_id, "ran": self.ran, "fetched": self.fetched,
                "results": dict(self.results), "too_large": self.too_large, "error": self.error}


# --- the connection -----------------------------------------------------------------------------
def imap_port(mailbox: Mailbox) -> int:
    return mailbox.port or (993 if mailbox.use_tls else 143)


@contextmanager
def imap_connect(mailbox: Mailbox) -> Iterator[imaplib.IMAP4]:
    """A logged-in connection with the mailbox's folder selected (read-write).

    ``use_tls``: implicit TLS (IMAPS), except on port 143 where STARTTLS is required;
    without it, plain IMAP (only sensible on a trusted network or the loopback)."""
    port = imap_port(mailbox)
    try:
        if mailbox.use_tls and port != 143:
            client = imaplib.IMAP4_SSL(mailbox.host, port, ssl_context=ssl.create_default_context(),
                                       timeout=TIMEOUT_SECONDS)
        else:
            client = imaplib.IMAP4(mailbox.host, port, timeout=TIMEOUT_SECONDS)
            if mailbox.use_tls:
                client.starttls(ssl_context=ssl.create_default_context())
    except (OSError, imaplib.IMAP4.error) as exc:
        raise ImapFetchError(f"cannot connect to {mailbox.host}:{port}: {exc}") from exc
    try:
        try:
            client.login(mailbox.username, mailbox.password)
        except imaplib.IMAP4.error as exc:
            raise ImapFetchError(f"login as {mailbox.username} refused: {_text(exc)}") from exc
        typ, data = client.select(_quote(mailbox.folder or "INBOX"))
        if typ != "OK":
            raise ImapFetchError(f"cannot open folder {mailbox.folder}: {_text(data)}")
        yield client
    finally:
        try:
            client.logout()
        except (OSError, imaplib.IMAP4.error):
            pass


def _quote(folder: str) -> str:
    if re.fullmatch(r"[A-Za-z0-9_.\-/]+", folder):
        return folder
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _text(value) -> str:
    if isinstance(value, list | tuple):
        return " ".join(_text(v) for v in value)
    if isinstance(value, bytes):
        return value.decode(errors="replace")
    return str(value)


def _ok(typ: str, data, what: str):
    if typ != "OK":
        raise ImapFetchError(f"{what} failed: {_text(data)}")
    return data


def _uidvalidity(client: imaplib.IMAP4, folder: str) -> int | None:
    """From SELECT's ``[UIDVALIDITY n]``, else asked with STATUS."""
    _typ, data = client.response("UIDVALIDITY")
    if data and data[0]:
        return int(data[0])
    typ, data = client.status(_quote(folder), "(UIDVALIDITY)")
    match = re.search(rb"UIDVALIDITY (\d+)", data[0] or b"") if typ == "OK" and data else None
    return int(match.group(1)) if match else None


def _new_uids(client: imaplib.IMAP4, after: int) -> list[int]:
    """UIDs above ``after`` not flagged deleted, ascending. (``n:*`` always includes the
    highest UID even when it is below n, hence the filter.)"""
    data = _ok(*client.uid("SEARCH", None, f"UID {after + 1}:*", "UNDELETED"), "UID SEARCH")
    return sorted(uid for uid in (int(x) for x in (data[0] or b"").split()) if uid > after)


def _sizes(client: imaplib.IMAP4, uids: list[int]) -> dict[int, int]:
    sizes: dict[int, int] = {}
    for start in range(0, len(uids), 500):
        chunk = uids[start:start + 500]
        data = _ok(*client.uid("FETCH", _uid_set(chunk), "(UID RFC822.SIZE)"), "UID FETCH sizes")
        for item in data:
            line = item[0] if isinstance(item, tuple) else item
            uid, size = _UID.search(line or b""), _SIZE.search(line or b"")
            if uid and size:
                sizes[int(uid.group(1))] = int(size.group(1))
    return sizes


def _uid_set(uids: list[int]) -> str:
    return ",".join(str(uid) for uid in uids)


def _download(client: imaplib.IMAP4, uids: list[int]) -> dict[int, bytes]:
    """The raw bytes of ``uids`` (``BODY.PEEK[]``: fetching does not mark them read)."""
    data = _ok(*client.uid("FETCH", _uid_set(uids), "(UID BODY.PEEK[])"), "UID FETCH bodies")
    found: dict[int, bytes] = {}
    for item in data:
        if isinstance(item, tuple):
            uid = _UID.search(item[0])
            if uid:
                found[int(uid.group(1))] = item[1]
    return found


def _chunks(uids: list[int], sizes: dict[int, int]) -> Iterator[list[int]]:
    chunk: list[int] = []
    total = 0
    for uid in uids:
        size = sizes.get(uid, 0)
        if chunk and (len(chunk) >= FETCH_CHUNK or total + size > FETCH_CHUNK_BYTES):
            yield chunk
            chunk, total = [], 0
        chunk.append(uid)
        total += size
    if chunk:
        yield chunk


def _acknowledge(client: imaplib.IMAP4, uid: int) -> None:
    _ok(*client.uid("STORE", str(uid), "+FLAGS.SILENT", r"(\Seen \Deleted)"), f"UID STORE {uid}")


def _expunge(client: imaplib.IMAP4, upto: int) -> None:
    """Remove the messages flagged ``\\Deleted`` at or below ``upto``: this run's, and those a
    run that died after flagging left behind. ``UID EXPUNGE`` (UIDPLUS) touches nothing else."""
    if upto <= 0:
        return
    data = _ok(*client.uid("SEARCH", None, f"UID 1:{upto}", "DELETED"), "UID SEARCH deleted")
    uids = sorted(uid for uid in (int(x) for x in (data[0] or b"").split()) if uid <= upto)
    if not uids:
        return
    if "UIDPLUS" in client.capabilities:
        for start in range(0, len(uids), 500):
            _ok(*client.uid("EXPUNGE", _uid_set(uids[start:start + 500])), "UID EXPUNGE")
    else:
        _ok(*client.expunge(), "EXPUNGE")


# --- the lock -----------------------------------------------------------------------------------
@contextmanager
def mailbox_lock(mailbox_id: int) -> Iterator[bool]:
    """Yields whether this process holds the mailbox's fetch lock (False: someone else)."""
    if connection.vendor == "postgresql" and getattr(settings, "DATABASE_TRANSACTION_POOLING", False):
        # Behind PgBouncer in transaction mode a session lock stays on whichever server
        # connection took it: a transaction-level lock on a second connection, held open for
        # the run, ends with the run (or with the process: PgBouncer closes its server side).
        lock_connection = connection.copy()
        try:
            lock_connection.set_autocommit(False)
            with lock_connection.cursor() as cursor:
                cursor.execute("SELECT pg_try_advisory_xact_lock(%s, %s)", [LOCK_NAMESPACE, mailbox_id])
                held = cursor.fetchone()[0]
            yield held
        finally:
            lock_connection.close()
        return
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [LOCK_NAMESPACE, mailbox_id])
            held = cursor.fetchone()[0]
        try:
            yield held
        finally:
            if held:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [LOCK_NAMESPACE, mailbox_id])
        return
    key, token = f"mail:fetch-lock:{mailbox_id}", uuid.uuid4().hex
    held = cache.add(key, token, CACHE_LOCK_SECONDS)
    try:
        yield held
    finally:
        if held and cache.get(key) == token:
            cache.delete(key)


def _renew_cache_lock(mailbox_id: int) -> None:
    if connection.vendor != "postgresql":
        cache.touch(f"mail:fetch-lock:{mailbox_id}", CACHE_LOCK_SECONDS)


# --- the run ------------------------------------------------------------------------------------
def mailbox_fetch(*, mailbox: Mailbox | int, limit: int | None = None) -> FetchResult:
    """Fetch the mailbox's new messages once (``fetch_mail``, the beat task, the API's
    ``fetch``). Never raises for a mail server's failure: the error goes to the mailbox's
    ``last_error`` and the result; success sets ``last_fetched_at`` and clears the error.

    ``limit`` caps the messages taken in this run (the rest wait for the next one)."""
    from .services.inbound import mail_receive  # the services may queue this module's tasks

    mailbox_id = mailbox.pk if isinstance(mailbox, Mailbox) else mailbox
    result = FetchResult(mailbox_id=mailbox_id)
    with mailbox_lock(mailbox_id) as held:
        if not held:
            result.ran = False
            return result
        # Read under the lock: the last UID another run just stored.
        mailbox = Mailbox.objects.get(pk=mailbox_id)
        try:
            _fetch(mailbox, result, limit, mail_receive)
        except ImapFetchError as exc:
            result.error = str(exc)
        except (OSError, imaplib.IMAP4.error) as exc:  # the connection broke off mid-run
            result.error = f"{type(exc).__name__}: {exc}"
        except Exception as exc:  # a message the desk could not store: stop, keep it on the server
            logger.exception("fetching mailbox %s stopped", mailbox_id)
            result.error = f"{type(exc).__name__}: {exc}"
        if result.error:
            logger.warning("fetching mailbox %s: %s", mailbox_id, result.error)
            Mailbox.objects.filter(pk=mailbox_id).update(last_error=result.error[:2000])
        else:
            note = ""
            if result.too_large:
                note = (f"Left on the server (flagged), larger than {settings.MAIL_MAX_MESSAGE_BYTES} bytes or "
                        "empty: UID " + ", ".join(str(uid) for uid in result.too_large))
            Mailbox.objects.filter(pk=mailbox_id).update(last_fetched_at=timezone.now(), last_error=note)
    return result


def _fetch(mailbox: Mailbox, result: FetchResult, limit: int | None, mail_receive) -> None:
    with imap_connect(mailbox) as client:
        uidvalidity = _uidvalidity(client, mailbox.folder or "INBOX")
        last_uid = mailbox.imap_last_uid
        if uidvalidity is not None and uidvalidity != mailbox.imap_uidvalidity:
            if mailbox.imap_uidvalidity is not None:
                logger.warning("mailbox %s: UIDVALIDITY changed (%s -> %s), starting from UID 1",
                               mailbox.pk, mailbox.imap_uidvalidity, uidvalidity)
            last_uid = 0
            Mailbox.objects.filter(pk=mailbox.pk).update(imap_uidvalidity=uidvalidity, imap_last_uid=0)
        uids = _new_uids(client, last_uid)
        if limit is not None:
            uids = uids[:limit]
        sizes = _sizes(client, uids) if uids else {}
        acknowledged = last_uid  # the highest UID flagged \Deleted so far
        try:
            for chunk in _chunks(uids, sizes):
                small = [uid for uid in chunk if sizes.get(uid, 0) <= settings.MAIL_MAX_MESSAGE_BYTES]
                bodies = _download(client, small) if small else {}
                for uid in chunk:
                    if uid not in bodies:
                        if uid not in small:
                            # Refused without downloading; flagged for a person, kept on the server.
                            _ok(*client.uid("STORE", str(uid), "+FLAGS.SILENT", r"(\Flagged)"), "UID STORE")
                            result.too_large.append(uid)
                        # else: gone from the server between SEARCH and FETCH (another client).
                        _advance(mailbox.pk, uid)
                        continue
                    try:
                        received = mail_receive(mailbox=mailbox, raw=bodies[uid], source="imap")  # commits
                    except (DomainError, ValidationError) as exc:
                        # Refused for good (empty, or over the limit after all): never retried
                        # every minute, never dropped — flagged for a person, kept on the server.
                        logger.warning("mailbox %s: UID %s refused: %s", mailbox.pk, uid, exc)
                        _ok(*client.uid("STORE", str(uid), "+FLAGS.SILENT", r"(\Flagged)"), "UID STORE")
                        result.too_large.append(uid)
                        _advance(mailbox.pk, uid)
                        continue
                    _acknowledge(client, uid)
                    _advance(mailbox.pk, uid)
                    acknowledged = uid
                    result.fetched += 1
                    result.results[str(getattr(received, "result", "") or "")] += 1
                _renew_cache_lock(mailbox.pk)
        finally:
            try:
                _expunge(client, acknowledged)
            except (OSError, imaplib.IMAP4.error, ImapFetchError) as exc:
                # Flagged \Deleted already; the next run's expunge (or the server) removes them.
                logger.warning("mailbox %s: expunge failed: %s", mailbox.pk, exc)


def _advance(mailbox_id: int, uid: int) -> None:
    """Store the position. On PostgreSQL without waiting for the WAL flush: the stored UID
    only saves work (the unique Message-ID is the guarantee), so a crash that loses the last
    few positions costs a few ``duplicate`` re-reads, and each message saves a disk sync."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        Mailbox.objects.filter(pk=mailbox_id, imap_last_uid__lt=uid).update(imap_last_uid=uid)


def mailboxes_to_fetch() -> list[int]:
    return list(Mailbox.objects.filter(active=True, protocol=Protocol.IMAP).exclude(host="")
                .order_by("pk").values_list("pk", flat=True))
