"""``manage.py deliver_mail --mailbox ID < message``: the pipe an MTA delivers to.

Postfix (``master.cf``, a ``pipe`` service) or Exim (a ``pipe`` transport) runs it once per
message with the raw message on standard input; docs/mail.md shows both. The exit status is
what the MTA understands (sysexits.h):

- ``0``  taken: a ticket was created, appended to or reopened, or the message was recorded
  and ignored (automatic mail, a duplicate, one kept ``failed`` for an admin);
- ``65`` (EX_DATAERR) the message itself is refused: empty, or larger than
  ``MAIL_MAX_MESSAGE_BYTES`` (the MTA bounces it to the sender with the line printed);
- ``75`` (EX_TEMPFAIL) try again later: the database is unreachable, the mailbox is unknown
  or inactive (a configuration mistake must not bounce customers' mail), anything unexpected.
"""

import sys

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand
from django.db import DatabaseError

from mail.models import Mailbox
from mail.services.inbound import MessageTooLarge, mail_receive

EX_OK = 0
EX_DATAERR = 65
EX_TEMPFAIL = 75


def strip_mbox_separator(raw: bytes) -> bytes:
    """Exim's pipe transport (and Postfix's with flag F) put an mbox ``From sender date``
    line before the message; it is not a header."""
    if raw.startswith(b"From "):
        _, _, rest = raw.partition(b"\n")
        return rest
    return raw


class Command(BaseCommand):
    help = ("Read one raw message on standard input and deliver it to a mailbox (for a Postfix or Exim pipe). "
            "Exit 0 when taken, 65 when the message is refused, 75 to have the MTA try again later.")

    def add_arguments(self, parser):
        parser.add_argument("--mailbox", required=True, help="the mailbox's id or address")

    def handle(self, *args, mailbox, **options):
        sys.exit(self.deliver(mailbox, sys.stdin.buffer))

    def fail(self, code: int, message: str) -> int:
        self.stderr.write(message)
        return code

    def deliver(self, mailbox: str, stream) -> int:
        try:
            box = (Mailbox.objects.filter(pk=int(mailbox)) if mailbox.isdigit()
                   else Mailbox.objects.filter(address=mailbox.strip().lower())).first()
        except DatabaseError as exc:
            return self.fail(EX_TEMPFAIL, f"database unavailable: {exc}")
        if box is None:
            return self.fail(EX_TEMPFAIL, f"no mailbox {mailbox}")
        if not box.active:
            return self.fail(EX_TEMPFAIL, f"mailbox {box.address} is not active")
        limit = settings.MAIL_MAX_MESSAGE_BYTES
        raw = strip_mbox_separator(stream.read(limit + 200))  # room for the mbox line
        try:
            outcome = mail_receive(mailbox=box, raw=raw, source="pipe")
        except MessageTooLarge:
            return self.fail(EX_DATAERR, f"message larger than {limit} bytes refused by {box.address}")
        except ValidationError:
            return self.fail(EX_DATAERR, "empty message")
        except DatabaseError as exc:
            return self.fail(EX_TEMPFAIL, f"database unavailable: {exc}")
        except Exception as exc:  # noqa: BLE001 - the MTA keeps the message and tries again
            return self.fail(EX_TEMPFAIL, f"delivery failed: {exc}")
        line = f"{box.address}: {outcome.result}"
        if outcome.incident is not None:
            line += f" {outcome.incident.number}"
        if outcome.request is not None:
            line += f" {outcome.request.number}"
        if outcome.reason:
            line += f" ({outcome.reason.splitlines()[0]})"
        self.stdout.write(line)
        return EX_OK
