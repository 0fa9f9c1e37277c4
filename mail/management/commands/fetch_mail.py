from django.core.management.base import BaseCommand, CommandError

from mail.choices import Protocol
from mail.imap import mailbox_fetch, mailboxes_to_fetch
from mail.models import Mailbox


class Command(BaseCommand):
    help = ("Poll the active IMAP mailboxes once (or one with --mailbox) and turn their new messages into "
            "tickets and replies; safe next to the beat task (a mailbox being fetched is skipped).")

    def add_arguments(self, parser):
        parser.add_argument("--mailbox", type=int, help="only this mailbox (id), even if inactive")
        parser.add_argument("--limit", type=int, help="take at most this many messages per mailbox")

    def handle(self, *args, mailbox=None, limit=None, **options):
        if mailbox is not None:
            box = Mailbox.objects.filter(pk=mailbox).first()
            if box is None:
                raise CommandError(f"No mailbox {mailbox}.")
            if box.protocol != Protocol.IMAP or not box.host:
                raise CommandError(f"Mailbox {mailbox} ({box.address}) is not an IMAP mailbox with a host.")
            ids = [box.pk]
        else:
            ids = mailboxes_to_fetch()
        failed = 0
        for mailbox_id in ids:
            result = mailbox_fetch(mailbox=mailbox_id, limit=limit)
            label = Mailbox.objects.filter(pk=mailbox_id).values_list("address", flat=True).first()
            if not result.ran:
                self.stdout.write(f"{label}: being fetched by another worker, skipped.")
                continue
            counts = ", ".join(f"{name} {count}" for name, count in sorted(result.results.items())) or "nothing new"
            self.stdout.write(f"{label}: {result.fetched} message(s) ({counts}).")
            if result.too_large:
                self.stdout.write(f"{label}: left on the server, flagged (too large or empty): UID "
                                  + ", ".join(map(str, result.too_large)))
            if result.error:
                failed += 1
                self.stderr.write(f"{label}: {result.error}")
        if not ids:
            self.stdout.write("No active IMAP mailbox.")
        if failed:
            raise CommandError(f"{failed} mailbox(es) could not be fetched (see last_error).")
