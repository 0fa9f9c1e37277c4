"""Two deliveries of one message at the same moment (an IMAP re-fetch racing a push, two
workers) make one ticket: the unique Message-ID is the guard, not a check before the insert.

The race is forced, not hoped for: the test holds a lock on the incidents table, so the first
transaction stops after inserting its ``MailMessage`` row, and the second one's insert of the
same Message-ID waits on that uncommitted row. Only when both are seen waiting in PostgreSQL is
the lock released."""

import threading
import time

import pytest
from django.db import connection, connections, transaction

from incidents.models import Incident
from mail.choices import Direction, Result
from mail.models import MailMessage
from mail.services.inbound import mail_receive

from .factories import MailboxFactory
from .mails import golden

pytestmark = pytest.mark.django_db(transaction=True)


def _waiting_backends() -> int:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")  # a transaction sees one snapshot otherwise
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                       "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()")
        return cursor.fetchone()[0]


def test_the_same_message_delivered_twice_at_once_makes_one_ticket():
    mailbox = MailboxFactory(address="support@desk.example.com")
    raw = golden("plain")
    results, errors = [], []

    def deliver(source):
        try:
            results.append(mail_receive(mailbox=mailbox, raw=raw, source=source).result)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f'LOCK TABLE "{Incident._meta.db_table}" IN EXCLUSIVE MODE')
        threads = [threading.Thread(target=deliver, args=(source,)) for source in ("push", "imap")]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 30
        while _waiting_backends() < 2:
            if time.monotonic() > deadline:
                with connections["default"].cursor() as cursor:
                    cursor.execute("SELECT datname, state, wait_event_type, wait_event, left(query, 200) "
                                   "FROM pg_stat_activity WHERE pid <> pg_backend_pid()")
                    rows = cursor.fetchall()
                raise AssertionError(f"the two deliveries never met: {rows}")
            time.sleep(0.05)
    for thread in threads:
        thread.join(timeout=60)

    assert not errors, errors
    assert sorted(results) == [Result.CREATED, Result.DUPLICATE]
    assert Incident.objects.count() == 1
    assert MailMessage.objects.filter(direction=Direction.IN).count() == 1
