"""Partitioned append-only tables and their retention (docs/operations.md, "Partitioned tables
and retention"): SLA events, deliveries and alerts are range-partitioned by month on
PostgreSQL, with a DEFAULT partition; ``create_partitions`` makes the coming months
(idempotent); ``prune_partitions`` drops what is past each table's retention and nothing else,
after the rows pointing at it are dealt with as their ``on_delete`` says. On SQLite the
commands run in tests/test_sqlite_smoke.py (every command of the project)."""

from datetime import UTC, date, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.test import override_settings
from django.utils import timezone

from core import partitions as pg
from monitoring.models import Alert
from monitoring.tests.factories import AlertFactory, AlertSourceFactory
from notifications.models import Delivery, Notification
from notifications.tests.factories import DeliveryFactory
from servicedesk import partitions
from sla.models import SLAEvent
from sla.tests.factories import SLATimerFactory

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="partitions are PostgreSQL's")

TODAY = timezone.now().date()


def where(model, pk) -> str:
    """The partition holding row ``pk``."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT tableoid::regclass::text FROM {model._meta.db_table} WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]


def move(model, pk, column, at) -> None:
    """Set a creation time (moves the row to that month's partition)."""
    model._base_manager.filter(pk=pk).update(**{column: at})


def aware(year, month, day=1, hour=0) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)


def keys(table: str) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {pg.key_table_name(table, 1)} ORDER BY 1")  # noqa: S608
        return cursor.fetchall()


@pytest.mark.django_db
@pytest.mark.parametrize("spec", partitions.TABLES, ids=lambda spec: spec.model)
def test_tables_are_partitioned_by_month_with_a_default_and_the_coming_months(spec):
    table = spec.table
    with connection.cursor() as cursor:
        assert pg.is_partitioned(cursor, table)
        found = {p.name for p in pg.partitions(cursor, table)}
        cursor.execute("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = %s::regclass "
                       "AND contype = 'p'", [table])
        primary_key = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM pg_constraint WHERE confrelid = %s::regclass", [table])
        inbound = cursor.fetchone()[0]
        cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table])
        sequence = cursor.fetchone()[0]
    assert f"{table}_default" in found
    assert {pg.partition_name(table, pg.month_start(TODAY, n)) for n in range(4)} <= found
    assert primary_key == f"PRIMARY KEY (id, {spec.column})"
    assert inbound == 0  # foreign keys to a partitioned table are not enforced (db_constraint=False)
    assert sequence == f"public.{table}_id_seq"


@pytest.mark.django_db
def test_rows_land_in_their_month_and_outside_the_range_in_default():
    delivery = DeliveryFactory()
    assert where(Delivery, delivery.pk) == pg.partition_name("notifications_delivery", pg.month_start(TODAY))
    move(Delivery, delivery.pk, "created_at", aware(1999, 12, 31, 23))
    assert where(Delivery, delivery.pk) == "notifications_delivery_default"
    assert Delivery.objects.get(pk=delivery.pk).created_at == aware(1999, 12, 31, 23)  # Django's pk still works

    next_month = pg.month_start(TODAY, 1)
    event = SLAEvent.objects.create(timer=SLATimerFactory(), kind="start", at=timezone.now())
    move(SLAEvent, event.pk, "recorded_at", aware(next_month.year, next_month.month, 1))
    assert where(SLAEvent, event.pk) == pg.partition_name("sla_slaevent", next_month)
    far = pg.month_start(TODAY, 60)
    move(SLAEvent, event.pk, "recorded_at", aware(far.year, far.month, 2))
    assert where(SLAEvent, event.pk) == "sla_slaevent_default"

    alert = AlertFactory()
    assert where(Alert, alert.pk) == pg.partition_name("monitoring_alert", pg.month_start(TODAY))
    # ids keep coming from one sequence, whatever the partition
    assert DeliveryFactory().pk > delivery.pk


@pytest.mark.django_db
def test_the_idempotency_key_stays_unique_across_months():
    first = DeliveryFactory(idempotency_key="same-key")
    move(Delivery, first.pk, "created_at", aware(2001, 5, 5))  # another partition (DEFAULT)
    with pytest.raises(IntegrityError), transaction.atomic():
        DeliveryFactory(idempotency_key="same-key")
    assert keys("notifications_delivery") == [("same-key", first.pk)]
    # The key follows the row: changed, then deleted, it is free again.
    Delivery.objects.filter(pk=first.pk).update(idempotency_key="other-key")
    DeliveryFactory(idempotency_key="same-key")
    Delivery.objects.filter(idempotency_key="other-key").delete()
    assert [key for key, _row in keys("notifications_delivery")] == ["same-key"]


@pytest.mark.django_db
def test_one_firing_alert_per_fingerprint_across_months():
    source = AlertSourceFactory()
    old = AlertFactory(source=source, fingerprint="fp", status="firing")
    move(Alert, old.pk, "first_received_at", aware(2002, 2, 2))
    with pytest.raises(IntegrityError), transaction.atomic():
        AlertFactory(source=source, fingerprint="fp", status="firing")
    Alert.objects.filter(pk=old.pk).update(status="resolved")
    new = AlertFactory(source=source, fingerprint="fp", status="firing", previous=old)
    AlertFactory(source=source, fingerprint="fp", status="resolved")  # resolved episodes do not count
    assert keys("monitoring_alert") == [(source.pk, "fp", new.pk)]


@pytest.mark.django_db
def test_truncate_empties_the_key_tables():
    DeliveryFactory(idempotency_key="truncated")
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no deferred check pending: TRUNCATE refuses that
        cursor.execute("TRUNCATE notifications_delivery")
    assert keys("notifications_delivery") == []


@pytest.mark.django_db
def test_creating_ahead_is_idempotent_and_moves_waiting_rows_out_of_default():
    later = pg.month_start(TODAY, 24)
    delivery = DeliveryFactory(idempotency_key="waiting")
    move(Delivery, delivery.pk, "created_at", aware(later.year, later.month, 15))
    assert where(Delivery, delivery.pk) == "notifications_delivery_default"
    source = AlertSourceFactory()
    alert = AlertFactory(source=source, fingerprint="waiting", status="firing")
    move(Alert, alert.pk, "first_received_at", aware(later.year, later.month, 16))

    created = partitions.create_ahead(months=1, today=later)
    expected = [pg.partition_name(spec.table, pg.month_start(later, n)) for spec in partitions.TABLES
                for n in range(2)]
    assert created == expected
    assert partitions.create_ahead(months=1, today=later) == []
    assert where(Delivery, delivery.pk) == pg.partition_name("notifications_delivery", later)
    assert where(Alert, alert.pk) == pg.partition_name("monitoring_alert", later)
    # Moved with their keys: still unique.
    assert keys("notifications_delivery") == [("waiting", delivery.pk)]
    assert keys("monitoring_alert") == [(source.pk, "waiting", alert.pk)]
    with pytest.raises(IntegrityError), transaction.atomic():
        DeliveryFactory(idempotency_key="waiting")
    out = StringIO()
    call_command("create_partitions", stdout=out)
    assert "0 partition(s) created." in out.getvalue()


@pytest.mark.django_db
@override_settings(DELIVERY_RETENTION_MONTHS=13, ALERT_RETENTION_MONTHS=13, SLA_EVENT_RETENTION_MONTHS=25)
def test_retention_drops_only_what_is_due_and_follows_on_delete():
    from mail.models import MailMessage

    old = date(2020, 1, 1)
    partitions.create_ahead(months=2, today=old)  # 2020-01..03, long past the retention
    cutoff = partitions.cutoff(partitions.TABLES[1], TODAY)
    assert cutoff == datetime.combine(pg.month_start(TODAY, -13), datetime.min.time(), UTC)

    def delivery_at(at, key):
        row = DeliveryFactory(idempotency_key=key)
        move(Delivery, row.pk, "created_at", at)
        return row

    dropped = delivery_at(aware(2020, 2, 10), "dropped")
    beside = delivery_at(aware(2020, 1, 10), "beside")  # same table, another old month
    due = delivery_at(cutoff - timedelta(seconds=1), "due")  # DEFAULT partition, just past
    edge = delivery_at(cutoff, "edge")  # exactly the retention: kept
    fresh = DeliveryFactory(idempotency_key="fresh")
    note = Notification.objects.create(user=dropped.user, delivery=dropped, subject="s")
    kept_note = Notification.objects.create(user=fresh.user, delivery=fresh, subject="s")
    mail = MailMessage.objects.create(direction="out", message_id="<m@x>", delivery=due)

    source = AlertSourceFactory()
    firing = AlertFactory(source=source, fingerprint="stuck", status="firing")
    move(Alert, firing.pk, "first_received_at", aware(2020, 3, 3))
    resolved = AlertFactory(source=source, fingerprint="gone", status="resolved")
    move(Alert, resolved.pk, "first_received_at", aware(2020, 3, 4))
    follower = AlertFactory(source=source, fingerprint="gone", status="firing", previous=resolved)
    old_alert = AlertFactory(source=source, fingerprint="older", status="resolved")
    move(Alert, old_alert.pk, "first_received_at", aware(2020, 1, 5))

    event = SLAEvent.objects.create(timer=SLATimerFactory(), kind="start", at=timezone.now())
    move(SLAEvent, event.pk, "recorded_at", aware(2020, 1, 1))
    young_event = SLAEvent.objects.create(timer=event.timer, kind="pause", at=timezone.now())
    move(SLAEvent, young_event.pk, "recorded_at", datetime.combine(pg.month_start(TODAY, -24), datetime.min.time(),
                                                                 UTC))

    out = StringIO()
    call_command("prune_partitions", "--dry-run", stdout=out)
    dry = out.getvalue()
    assert "would drop partition notifications_delivery_p202002 (1 row(s))" in dry
    assert "notifications_delivery: would delete 1 row(s) past the retention" in dry
    assert Delivery.objects.count() == 5 and Alert.objects.count() == 4 and SLAEvent.objects.count() == 2

    out = StringIO()
    call_command("prune_partitions", stdout=out)
    with connection.cursor() as cursor:
        left = {p.name for spec in partitions.TABLES for p in pg.partitions(cursor, spec.table)}
    assert {"notifications_delivery_p202001", "notifications_delivery_p202002", "sla_slaevent_p202001",
            "monitoring_alert_p202001"}.isdisjoint(left)
    assert "monitoring_alert_p202003" in left  # holds a firing alert: kept whole
    assert "kept partition monitoring_alert_p202003" in out.getvalue()

    assert set(Delivery.objects.values_list("idempotency_key", flat=True)) == {"edge", "fresh"}
    assert {key for key, _row in keys("notifications_delivery")} == {"edge", "fresh"}
    note.refresh_from_db()
    kept_note.refresh_from_db()
    mail.refresh_from_db()
    assert note.delivery_id is None and kept_note.delivery_id == fresh.pk  # SET_NULL, set-based
    assert mail.delivery_id is None
    assert set(Alert.objects.values_list("pk", flat=True)) == {firing.pk, follower.pk}  # resolved one row-wise
    follower.refresh_from_db()
    assert follower.previous_id is None
    assert list(SLAEvent.objects.values_list("pk", flat=True)) == [young_event.pk]
    # The dropped rows' keys are free again.
    DeliveryFactory(idempotency_key="dropped")
    assert beside.pk and edge.pk

    out = StringIO()
    call_command("prune_partitions", stdout=out)
    assert "dropped" not in out.getvalue() and "deleted" not in out.getvalue()


@pytest.mark.django_db
@override_settings(DELIVERY_RETENTION_MONTHS=None, ALERT_RETENTION_MONTHS=0, SLA_EVENT_RETENTION_MONTHS=None)
def test_no_retention_keeps_everything():
    row = DeliveryFactory()
    move(Delivery, row.pk, "created_at", aware(2000, 1, 1))
    assert partitions.prune() == []
    assert Delivery.objects.filter(pk=row.pk).exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("attempt", [1, 2])
def test_transactional_teardown_empties_the_key_tables(attempt):
    """tests/dbsetup.py ends a transactional test with DELETE FROM every table: the key table
    is emptied by the trigger, so the next test may use the same key (run twice)."""
    assert keys("notifications_delivery") == []
    DeliveryFactory(idempotency_key="teardown")
